#!/usr/bin/env python3
"""Regenerate lints/english-words.toml and lints/spelling-us-gb.toml.

Inputs (fetch with the ordinary clients, then point the script at them):
  apt-get download scowl && dpkg-deb -x scowl_*.deb scowl     (SCOWL 2020.12.07, Debian)
  pip download --no-deps breame==0.1.2 && tar xzf breame-0.1.2.tar.gz   (Apache-2.0)

Usage: make-word-packs.py SCOWL_DIR BREAME_DATA_DIR OUT_DIR
  SCOWL_DIR        .../usr/share/dict/scowl
  BREAME_DATA_DIR  .../breame-0.1.2/breame/data
"""
import os
import sys

SCOWL, BREAME, OUT = sys.argv[1:4]
SIZES = [10, 20, 35, 40, 50, 55, 60, 70]


def read(name, size):
    path = os.path.join(SCOWL, f"{name}.{size}")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [l.strip() for l in f if l.strip() and "'" not in l]


def load(name, max_size):
    out = set()
    for s in SIZES:
        if s <= max_size:
            out.update(read(name, s))
    return out


def toml_words(words, per_line=12):
    words = sorted(words)
    lines = [" ".join(words[i : i + per_line]) for i in range(0, len(words), per_line)]
    return '"""\n' + "\n".join(lines) + '\n"""'


def toml_list(words, per_line=12):
    words = sorted(words)
    lines = []
    for i in range(0, len(words), per_line):
        lines.append("  " + ", ".join('"%s"' % w for w in words[i : i + per_line]) + ",")
    return "[\n" + "\n".join(lines) + "\n]"


SCOWL_NOTICE = (
    "Copyright 2000-2011 by Kevin Atkinson. Permission to use, copy, modify, distribute and sell these word lists, "
    "the associated scripts, the output created from the scripts, and its documentation for any purpose is hereby "
    "granted without fee, provided that the above copyright notice appears in all copies and that both that copyright "
    "notice and this permission notice appear in supporting documentation. Kevin Atkinson makes no representations "
    "about the suitability of this array for any purpose. It is provided \\\"as is\\\" without express or implied warranty. "
    "(Parts derive from the public-domain Moby Words II and from lists whose notices are in the SCOWL README.)"
)

# ---------------------------------------------------------------- english-words
seen = set()
bands = []
for s in [10, 20, 35, 40]:
    words = {w for w in read("english-words", s) if w.isalpha() and w.islower() and len(w) > 1} - seen
    seen |= words
    bands.append((s, words))
cap = set()
for name in ["english-upper", "english-proper-names"]:
    cap |= load(name, 50)
cap = {w for w in cap if w[:1].isupper() and w.replace("-", "").isalpha() and len(w) > 1}

out = [
    "[pack]",
    'name = "english-words"',
    'description = "English words by commonness class, shared by the typography lints (lost-apostrophe, stray-capital, acronym-plural)."',
    'family = "typography"',
    'provenance = "Derived by scripts/make-word-packs.py from SCOWL 2020.12.07 (Debian package scowl, http://wordlist.aspell.net/): '
    "english-words sizes 10-40 (lowercase, without possessives) and english-upper + english-proper-names sizes up to 50. "
    "The SCOWL size level is the commonness class (10 = most common; the numbers end each rule name). "
    + SCOWL_NOTICE
    + '"',
    "",
]
for s, words in bands:
    out += [
        "[[rule]]",
        f'name = "english-words-{s}"',
        'kind = "lexicon"',
        'lint = "lost-apostrophe"',
        f'docs = "Lowercase English words of SCOWL size {s} (the number in the name is the commonness class)."',
        f"words = {toml_words(words)}",
        "",
        "  [[rule.test]]",
        '  text = "Russia said on Monday that Russias Tass agency had the report."',
        "  findings = 1",
        "",
        "  [[rule.test]]",
        '  text = "The shells fell. Shell said its profits rose."',
        "  findings = 0",
        "",
    ]
out += [
    "[[rule]]",
    'name = "english-capitalised-50"',
    'kind = "lexicon"',
    'lint = "lost-apostrophe"',
    'docs = "Capitalised English words and names of SCOWL size 50 or less: demonyms, plurals such as Americas and Philippines, days, months, common names."',
    f"words = {toml_words(cap)}",
    "",
    "  [[rule.test]]",
    '  text = "America is big. The Americas are bigger. On Thursday they met, as on all Thursdays."',
    "  findings = 0",
    "",
]
with open(os.path.join(OUT, "english-words.toml"), "w", encoding="utf-8") as f:
    f.write("\n".join(out))

# ---------------------------------------------------------------- spelling pairs
sys.path.insert(0, BREAME)
import spelling_constants as sc  # noqa: E402

brit = load("british-words", 70)
amer = load("american-words", 70)
eng = load("english-words", 70)
# Pairs that split by meaning or are standard on both sides: never counted.
SENSE_SPLIT = {
    "programme", "programmes", "practise", "practised", "practises", "practising", "licence", "licences", "metre", "metres",
    "tyre", "tyres", "kerb", "kerbs", "cheque", "cheques", "storey", "storeys", "draught", "draughts", "disc", "discs",
    "judgement", "judgements", "dialogue", "dialogues", "analogue", "analogues", "grey", "greys", "greyed", "greying",
    "greyer", "greyest", "greyness", "tonne", "tonnes", "annexe", "annexes", "axe", "axes", "axed", "axing", "vice",
    "catalogue", "catalogues", "catalogued", "cataloguing", "prologue", "prologues", "glamour", "whisky", "whiskies",
    "gaol", "gaols", "mum", "mums", "spelt", "learnt", "burnt", "dreamt", "leapt", "smelt", "spilt", "spoilt", "knelt",
    "doughnut", "doughnuts", "speciality", "specialities", "enquire", "enquiry", "enquiries", "routeing", "sceptre",
    "fillet", "fillets", "gauge", "gauges", "carat", "carats", "racquet", "racquets", "pyjama", "moult",
}
pairs = {}
for gb, us in sorted(sc.BRITISH_ENGLISH_SPELLINGS.items()):
    if gb in SENSE_SPLIT or us in SENSE_SPLIT:
        continue
    if not (gb in brit and us in amer and gb not in eng and us not in eng):
        continue
    pairs[gb] = us
lines = [
    "[pack]",
    'name = "spelling-us-gb"',
    'description = "British and American spelling pairs for the mixed-spelling lint."',
    'family = "language"',
    'provenance = "Derived by scripts/make-word-packs.py from breame 0.1.2 (PyPI, Apache-2.0, Copyright Charles Pierse; '
    "BRITISH_ENGLISH_SPELLINGS), keeping only pairs whose British form is in SCOWL british-words and whose American form "
    "is in SCOWL american-words (sizes up to 70; neither in english-words, so neither is standard on the other side), "
    "minus pairs that split by meaning or are used on both sides (programme/program, licence/license, practise/practice, "
    "metre/meter, tyre/tire, kerb/curb, cheque/check, storey/story, disc/disk, grey/gray, tonne/ton, ...). "
    'SCOWL: Copyright 2000-2011 Kevin Atkinson, permissive licence (see english-words.toml)."',
    "",
    "[[rule]]",
    'name = "spelling-pairs-gb-us"',
    'kind = "lexicon"',
    'lint = "mixed-spelling"',
    'docs = "British form = American form. A pair whose forms differ only by -ise/-ize counts as neutral for the American side (Oxford spelling)."',
    "",
    "  [[rule.test]]",
    '  text = "The armoured train passed. Two armored cars and an armored truck followed."',
    "  findings = 1",
    "",
    "  [[rule.test]]",
    '  text = "The organization praised the colour of the flag and the labour of its members."',
    "  findings = 0",
    "",
    "  [[rule.test]]",
    '  text = "The World Health Organization met the Shanghai Cooperation Organisation. Officials traveled and traveled."',
    "  findings = 0",
    "",
]
# The pairs go in a compact `table` (one "british american" pair per line),
# placed before the rule's examples.
first_test = max(i for i, l in enumerate(lines) if l == "[[rule]]")
first_test = next(i for i in range(first_test, len(lines)) if lines[i] == "  [[rule.test]]")
table = ['table = """'] + [f"{gb} {us}" for gb, us in pairs.items()] + ['"""', ""]
lines[first_test:first_test] = table
with open(os.path.join(OUT, "spelling-us-gb.toml"), "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
print(len(pairs), "pairs;", sum(len(w) for _, w in bands), "lowercase words;", len(cap), "capitalised")
