#!/usr/bin/env python3
"""Recall on synthetic damage: inject one artifact of a known kind into a clean
news record, lint the damaged record alone, and count whether the lint meant
for it reports a finding on the injected span. Also counts "collateral"
findings: findings of other lints that the clean record did not have.

    benches/recall.py [--bin target/release/artlint] [--corpus FILE] [--seed N] [-v] [KIND ...]

KIND names a row of the table (for example `stray-capital` or
`lost-apostrophe/possessive`); -v lists the misses and collateral findings.
The injections are simple and seeded (one per record and kind), so a run is
reproducible; they measure what the lints see, not how realistic the damage
is (some injected forms, such as a hyphenated Western name, are not damage a
real pipeline makes). The clean corpus defaults to
../shared/corpus/clean-news.jsonl (JSONL records with "id" and "text").
"""
import argparse, json, random, re, subprocess, sys, collections, os, tempfile
from concurrent.futures import ThreadPoolExecutor

ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
ap.add_argument("--bin", default="target/release/artlint")
ap.add_argument("--corpus", default="../shared/corpus/clean-news.jsonl")
ap.add_argument("-v", "--verbose", action="store_true")
ap.add_argument("--seed", type=int, default=0, help="vary the injection sites (0 = the figures of the README)")
ap.add_argument("kinds", nargs="*")
ARGS = ap.parse_args()
BIN = ARGS.bin
VERBOSE = ARGS.verbose
ONLY = ARGS.kinds
docs = [json.loads(l) for l in open(ARGS.corpus)]

def para_spans(t):
    out = []
    pos = 0
    for line in t.split('\n'):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out

def sentence_start(t, i):
    j = i - 1
    while j >= 0 and t[j] == ' ':
        j -= 1
    return j < 0 or t[j] in '.!?\n"“:—(' 

# each injector: (text, rng) -> list of (new_text, start, end) char offsets of the injected artifact in new_text
def rep(t, s, e, new):
    return t[:s] + new + t[e:], s, s + len(new)

def inj_possessive(t, r):
    c = [m for m in re.finditer(r"\b([A-Z][a-z]{2,})['’]s\b", t) if not sentence_start(t, m.start())]
    if not c: return None
    m = r.choice(c)
    return rep(t, m.start(), m.end(), m.group(1) + 's')

CONTR = ["didn't", "doesn't", "don't", "isn't", "wasn't", "couldn't", "wouldn't", "shouldn't", "hasn't", "haven't", "aren't", "weren't", "they're", "you're", "we've", "they've", "I've", "she'll", "he'd"]
def inj_contraction(t, r):
    c = [m for m in re.finditer(r"\b(" + "|".join(re.escape(x).replace("'", "['’]") for x in CONTR) + r")\b", t)]
    if not c: return None
    m = r.choice(c)
    return rep(t, m.start(), m.end(), m.group(0).replace("'", "").replace("’", ""))

STOP = set("the a an of to in and or for on at by with from as is was were be been are it its that this these those which who he she his her they their".split())
def inj_stray_capital(t, r):
    c = [m for m in re.finditer(r"(?<=[a-z,] )([a-z]{3,})\b(?= [a-z])", t) if m.group(1) not in ('and', 'but')]
    if not c: return None
    m = r.choice(c)
    w = m.group(1)
    return rep(t, m.start(), m.end(), w[0].upper() + w[1:])

def inj_pronoun_flip(t, r):
    males = list(re.finditer(r"\b(he|his|him|He|His)\b", t))
    fem = re.findall(r"\b(she|her|hers|She|Her)\b", t)
    if len(males) < 4 or fem: return None
    m = r.choice(males[2:])
    w = m.group(1)
    new = {'he': 'she', 'his': 'her', 'him': 'her', 'He': 'She', 'His': 'Her'}[w]
    return rep(t, m.start(), m.end(), new)

ORG = r"(agency|ministry|company|government|committee|council|court|bank|party|commission|department|organisation|organization|firm|board|police|army|union)"
def inj_org_pronoun(t, r):
    c = list(re.finditer(r"\b[Tt]he (?:[A-Za-z]+ ){0,2}" + ORG + r"\b[^.;\n]{0,80}?\b(it|its)\b", t))
    if not c: return None
    m = r.choice(c)
    w = m.group(2)
    return rep(t, m.start(2), m.end(2), {'it': 'she', 'its': 'her'}[w])

NAME = r"\b([A-Z][a-z]+(?: [A-Z][a-z]+){1,2})\b"
def names(t):
    cnt = collections.Counter(m.group(1) for m in re.finditer(NAME, t))
    return cnt

def inj_name_stutter(t, r):
    c = [m for m in re.finditer(r"\b([A-Z][a-z]+) ([A-Z][a-z]+) ([A-Z][a-z]+)\b", t) if not sentence_start(t, m.start())]
    if not c: return None
    m = r.choice(c)
    return rep(t, m.start(), m.end(), m.group(0) + ' ' + m.group(2) + ' ' + m.group(3))

def inj_name_misspell(t, r):
    words = collections.Counter(re.findall(r"\b[A-Z][a-z]{5,}\b", t))
    c = [w for w, n in words.items() if n >= 2 and w.lower() not in t]
    if not c: return None
    w = r.choice(sorted(c))
    occ = [m for m in re.finditer(r"\b" + w + r"\b", t)]
    m = occ[-1]
    vow = [i for i in range(1, len(w) - 1) if w[i] in 'aeiou']
    if not vow: return None
    i = r.choice(vow)
    nw = w[:i] + {'a': 'e', 'e': 'a', 'i': 'e', 'o': 'u', 'u': 'o'}[w[i]] + w[i + 1:]
    return rep(t, m.start(), m.end(), nw)

def inj_name_caps(t, r):
    # an all-caps surname once, beside the usual case ("XI" / "Xi")
    c = collections.Counter(m.group(2) for m in re.finditer(r"\b([A-Z][a-z]+) ([A-Z][a-z]{1,})\b", t))
    c = [w for w, n in c.items() if n >= 1 and len(re.findall(r"\b" + w + r"\b", t)) >= 3]
    if not c: return None
    w = r.choice(sorted(c))
    occ = list(re.finditer(r"\b" + w + r"\b", t))
    m = occ[len(occ) // 2]
    return rep(t, m.start(), m.end(), w.upper())

def inj_name_diacritic(t, r):
    # one mention of a recurring name written with a diacritic ("Erdogan" / "Erdoğan")
    acc = {'a': 'á', 'e': 'é', 'i': 'í', 'o': 'ö', 'u': 'ü', 'n': 'ñ', 'c': 'ç', 'g': 'ğ', 's': 'ş'}
    c = collections.Counter(re.findall(r"\b[A-Z][a-z]{3,}\b", t))
    c = [w for w, n in c.items() if n >= 3 and w.lower() not in t and any(ch in acc for ch in w[1:])]
    if not c: return None
    w = r.choice(sorted(c))
    occ = list(re.finditer(r"\b" + w + r"\b", t))
    m = occ[-1]
    i = r.choice([k for k in range(1, len(w)) if w[k] in acc])
    return rep(t, m.start(), m.end(), w[:i] + acc[w[i]] + w[i + 1:])

FURNITURE = ["Share on Facebook", "Click here to subscribe to our newsletter", "Advertisement", "Related Articles",
             "Follow us on Instagram", "Sign up for breaking news alerts", "Download our free app", "Most Popular",
             "Photo: Reuters", "(Photo by John Doe/Getty Images)", "Continue reading below", "Back to top",
             "Privacy Policy | Terms of Use", "© 2024 Daily Herald. All rights reserved.", "Tap here to add us to your home screen",
             "Share this story", "Leave a comment", "Recommended for you", "You may also like", "Listen to this article",
             "Get the latest headlines delivered to your inbox", "Trending Now", "Join our WhatsApp channel",
             "Image credit: AFP", "Story continues below advertisement", "Print this page", "Email this article",
             "Subscribe now for unlimited access", "Watch the video above", "Read more: Economy news"]
def inj_boilerplate(t, r):
    lines = para_spans(t)
    where = r.choice(['start', 'mid', 'end'])
    line = r.choice(FURNITURE)
    if where == 'start':
        pos = 0
    elif where == 'end':
        pos = len(t)
        if not t.endswith('\n'):
            t = t + '\n'; pos = len(t)
    else:
        pos = lines[len(lines) // 2][0]
    new = t[:pos] + line + '\n' + t[pos:]
    return new, pos, pos + len(line)

LEAKS = ["Posted: 2023-05-12 09:14", "By admin | March 3, 2022", "Last modified: 12/03/2021", "Category: World News",
         "Reading time: 4 min", "Keywords: election, senate, vote", "Published on 14 Feb 2022, 10:31 IST",
         "Updated 2 hours ago", "author_id: 4471", "slug: senate-vote-delayed", "Posted by newsdesk on 2021-11-02",
         "Filed under: Politics"]
def inj_metadata(t, r):
    line = r.choice(LEAKS)
    lines = para_spans(t)
    pos = lines[1][0] if len(lines) > 2 and r.random() < 0.5 else 0
    return t[:pos] + line + '\n' + t[pos:], pos, pos + len(line)

def inj_duplicate(t, r):
    lines = [(s, e) for s, e in para_spans(t) if e - s > 80]
    if len(lines) < 2: return None
    s, e = r.choice(lines[1:])
    para = t[s:e]
    return t[:e] + '\n' + para + t[e:], e + 1, e + 1 + len(para)

def inj_teaser(t, r):
    lines = [(s, e) for s, e in para_spans(t) if e - s > 120]
    if not lines: return None
    s, e = r.choice(lines)
    cut = t[s:s + 70].rsplit(' ', 1)[0] + '...'
    pos = lines[0][0] if s != lines[0][0] else e + 1
    if pos > len(t): return None
    return t[:pos] + cut + '\n' + t[pos:], pos, pos + len(cut)

def inj_unbalanced(t, r):
    c = list(re.finditer(r"“[^”\n]{10,}”", t)) or list(re.finditer(r'"[^"\n]{10,}"', t))
    if not c: return None
    m = r.choice(c)
    # drop the closing mark
    return t[:m.end() - 1] + t[m.end():], m.start(), m.end() - 1

GB = {"color": "colour", "organize": "organise", "organized": "organised", "center": "centre", "defense": "defence",
      "favor": "favour", "labor": "labour", "traveled": "travelled", "analyze": "analyse", "honor": "honour",
      "neighbor": "neighbour", "neighbors": "neighbours", "recognize": "recognise", "recognized": "recognised",
      "criticized": "criticised", "behavior": "behaviour", "theater": "theatre", "apologize": "apologise",
      "emphasized": "emphasised", "harbor": "harbour", "realize": "realise", "realized": "realised", "mobilize": "mobilise"}
def inj_mixed(t, r):
    c = [m for m in re.finditer(r"\b(" + "|".join(GB) + r")\b", t)]
    if len(c) < 2: return None
    m = r.choice(c)
    return rep(t, m.start(), m.end(), GB[m.group(1)])

def inj_glued_sentence(t, r):
    c = list(re.finditer(r"(?<=[a-z])\. (?=[A-Z][a-z])", t))
    if not c: return None
    m = r.choice(c)
    return t[:m.start() + 1] + t[m.end():], m.start() - 3, m.start() + 4

def inj_glued_word(t, r):
    c = list(re.finditer(r"(?<=[a-z]{3}) (and|but|the|for|with|of)(?= [a-z])", t))
    if not c: return None
    m = r.choice(c)
    w = m.group(1)
    return rep(t, m.start(), m.end(), w[0].upper() + w[1:])

def inj_repeated(t, r):
    c = list(re.finditer(r"(?<= )(the|of|to|in|and|a|that|for|on)(?= )", t))
    if not c: return None
    m = r.choice(c)
    return rep(t, m.start(), m.end(), m.group(1) + ' ' + m.group(1))

def inj_mojibake(t, r):
    c = list(re.finditer(r"[’“”é—]", t))
    if not c: return None
    m = r.choice(c)
    moj = {'’': 'â€™', '“': 'â€œ', '”': 'â€\x9d', 'é': 'Ã©', '—': 'â€”'}[m.group(0)]
    return rep(t, m.start(), m.end(), moj)

def inj_space_hyphen(t, r):
    c = list(re.finditer(r"\b([a-z]{3,})-([a-z]{3,})\b", t))
    if not c: return None
    m = r.choice(c)
    return rep(t, m.start(), m.end(), m.group(1) + ' -' + m.group(2))

def inj_acronym(t, r):
    c = list(re.finditer(r"\b([A-Z]{2,5})s\b", t))
    if not c: return None
    m = r.choice(c)
    return rep(t, m.start(), m.end(), m.group(1) + 'S')

FOREIGN = ["Die Regierung hat am Montag angekündigt, dass die neuen Maßnahmen ab nächster Woche gelten sollen.",
           "Le gouvernement a annoncé lundi que les nouvelles mesures entreront en vigueur la semaine prochaine.",
           "El gobierno anunció el lunes que las nuevas medidas entrarán en vigor la próxima semana.",
           "政府周一宣布，新措施将于下周生效。", "Правительство в понедельник объявило, что новые меры вступят в силу на следующей неделе."]
def inj_foreign(t, r):
    lines = para_spans(t)
    s = lines[len(lines) // 2][0]
    f = r.choice(FOREIGN)
    return t[:s] + f + '\n' + t[s:], s, s + len(f)

TYPES = {
    'lost-apostrophe/possessive': (inj_possessive, 'lost-apostrophe'),
    'lost-apostrophe/contraction': (inj_contraction, 'lost-apostrophe'),
    'stray-capital': (inj_stray_capital, 'stray-capital'),
    'pronoun-drift': (inj_pronoun_flip, 'pronoun-drift'),
    'org-pronoun': (inj_org_pronoun, 'org-pronoun'),
    'mangled-name/stutter': (inj_name_stutter, 'mangled-name|repeated-word'),
    'mangled-name/misspell': (inj_name_misspell, 'mangled-name|name-variant'),
    'name-variant/caps': (inj_name_caps, 'name-variant'),
    'name-variant/diacritic': (inj_name_diacritic, 'name-variant'),
    'boilerplate': (inj_boilerplate, 'boilerplate'),
    'metadata-leak': (inj_metadata, 'metadata-leak|boilerplate'),
    'duplicate-line': (inj_duplicate, 'duplicate-line'),
    'truncated-teaser': (inj_teaser, 'truncated-teaser'),
    'unbalanced-quotes': (inj_unbalanced, 'unbalanced-quotes'),
    'mixed-spelling': (inj_mixed, 'mixed-spelling'),
    'glued-words/sentence': (inj_glued_sentence, 'glued-words'),
    'glued-words/camel': (inj_glued_word, 'glued-words'),
    'repeated-word': (inj_repeated, 'repeated-word'),
    'mojibake': (inj_mojibake, 'mojibake'),
    'space-before-hyphen': (inj_space_hyphen, 'space-before-hyphen'),
    'acronym-plural': (inj_acronym, 'acronym-plural'),
    'foreign-segment': (inj_foreign, 'foreign-segment'),
}

def b(t, i):
    return len(t[:i].encode())

def lint(text):
    with tempfile.NamedTemporaryFile('w', suffix='.txt', delete=False) as f:
        f.write(text); p = f.name
    out = subprocess.run([BIN, 'check', '--no-config', '--format', 'jsonl', '-j1', p], capture_output=True, text=True).stdout
    os.unlink(p)
    return [json.loads(l) for l in out.splitlines() if l.strip()]

def key(f):
    return (f['lint'], f['message'])

def run_case(args):
    name, di, seed = args
    fn, want = TYPES[name]
    r = random.Random(seed)
    t = docs[di]['text']
    res = fn(t, r)
    if res is None: return None
    nt, s, e = res
    bs, be = b(nt, s), b(nt, e)
    fs = lint(nt)
    hit = [f for f in fs if re.fullmatch(want, f['lint']) and f['span']['start']['byte'] < be + 2 and f['span']['end']['byte'] > bs - 2]
    return (name, di, bool(hit), nt[max(0, s - 40):e + 40].replace('\n', '⏎'), fs, bs, be)

def main():
    base = {}
    for di, d in enumerate(docs):
        base[di] = collections.Counter(key(f) for f in lint(d['text']))
    jobs = [(n, di, di * 7919 + k + ARGS.seed * 1000003) for n in TYPES if not ONLY or n in ONLY for di in range(len(docs)) for k in range(1)]
    res = collections.defaultdict(lambda: [0, 0])
    noise = collections.Counter()
    misses = collections.defaultdict(list)
    with ThreadPoolExecutor(2) as ex:
        for out in ex.map(run_case, jobs):
            if out is None: continue
            name, di, ok, ctx, fs, bs, be = out
            res[name][1] += 1
            if ok: res[name][0] += 1
            else: misses[name].append(ctx)
            extra = collections.Counter(key(f) for f in fs) - base[di]
            for (l, m), n in extra.items():
                if not re.fullmatch(TYPES[name][1], l):
                    noise[(name, l)] += n
                    if VERBOSE: print(f"  noise [{name}] {l}: {m}")
    tot = [0, 0]
    for n in TYPES:
        if n in res:
            h, c = res[n]; tot[0] += h; tot[1] += c
            print(f"{n:30s} {h:3d}/{c:3d}  {100*h/c:5.1f}%")
    print(f"{'TOTAL':30s} {tot[0]:3d}/{tot[1]:3d}  {100*tot[0]/max(1,tot[1]):5.1f}%")
    print("collateral findings (other lints, new vs clean):", sum(noise.values()), dict(noise.most_common(12)))
    if VERBOSE:
        for n, ms in misses.items():
            print(f"--- misses {n}")
            for m in (ms if ARGS.seed or ONLY else ms[:12]): print("   ", m)

main()
