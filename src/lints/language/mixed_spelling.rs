use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::lints::bytes::load8;
use rustc_hash::FxHashMap;

use crate::config::Spelling;
use crate::declare_lint;
use crate::document::Document;
use crate::finding::Applicability;
use crate::lint::{BuildCx, Ctx, Lint, RuleInfo};
use crate::source::Span;

declare_lint! {
    /// ## What it does
    ///
    /// Flags British and American spellings mixed in one document
    /// ("armoured" and "armored", "organisation" and "traveled"). The
    /// document's majority decides which forms are flagged, unless the
    /// config sets `spelling = "en-US"` or `"en-GB"`.
    ///
    /// ## Why is this bad?
    ///
    /// Mixed spelling shows text stitched together from different sources or
    /// machine-translated piecemeal, and looks careless.
    ///
    /// ## Example
    ///
    /// ```text
    /// He arrived by armoured train. The armored train has armored carriages.
    /// ```
    ///
    /// Use instead: `armored train`.
    ///
    /// ## Known problems
    ///
    /// Only curated pairs count (pack `spelling-us-gb`, from breame and
    /// SCOWL), without pairs that split by meaning (programme/program,
    /// licence/license, practise/practice, metre/meter, tyre/tire, kerb/curb,
    /// cheque/check, disc/disk, storey/story, grey/gray...). -ize forms are
    /// also British (Oxford spelling), so "organization" with "colour" is not
    /// flagged; only "organisation" with "organization" is. Capitalised forms
    /// inside names ("World Health Organization", "Shanghai Cooperation
    /// Organisation", "Department of Defense"), sentence-initial forms the
    /// document never writes in lowercase ("Labor leader Simon Crean says"),
    /// quotations and foreign
    /// sentences (no English function word among the six words on each
    /// side: "en vigor la próxima semana") are exempt.
    /// Without a configured spelling, the minority is flagged only when the
    /// majority has at least two forms; on a tie, the document's house style
    /// decides when it is clear (at least two cues, all one way: "Mr.",
    /// "March 3" and "percent" are American, "Mr", "3 March" and "per cent"
    /// British), else the spelling the document starts with. Oxford "-ize"
    /// forms count for neither side; when nothing else decides, a word
    /// spelt both ways ("organised" and "organized") is still flagged. The
    /// fix is unsafe.
    pub static MIXED_SPELLING = {
        name: "mixed-spelling",
        family: "language",
        severity: Warning,
        status: Preview,
        fix: Some(Applicability::Unsafe),
        english_only: true,
    };
}

const GB: usize = 0;
const US: usize = 1;

pub struct MixedSpelling {
    /// (British, American) forms, lowercase.
    pairs: Vec<(String, String)>,
    /// Pairs that differ only by -ise/-ize (Oxford spelling is British too).
    neutral: Vec<bool>,
    matcher: Option<Matcher>,
    spelling: Spelling,
}

/// Finds the forms in the text.
enum Matcher {
    /// Every form is made of word bytes (the usual case): a form is found
    /// exactly when a whole run of word bytes equals it, so one hash probe
    /// per run of a plausible shape does.
    Runs(Runs),
    /// Some form holds another byte (a space, an apostrophe): Aho-Corasick
    /// over each block. Pattern index -> (pair, column).
    Automaton(AhoCorasick, Vec<(usize, usize)>),
}

/// Forms keyed by their bytes, with a cheap filter in front.
struct Runs {
    /// Lowercase form -> (pair, column); the first of equal forms wins.
    forms: FxHashMap<Box<[u8]>, (usize, usize)>,
    /// Shortest and longest form, in bytes.
    min_len: usize,
    max_len: usize,
    /// A Bloom filter of the forms' `run_key`s: 2^`FILTER_LOG` bits, two per
    /// key in one 64-bit word. About one word of running text in a hundred
    /// passes it and costs a hash probe.
    filter: Vec<u64>,
    /// A first, cheaper filter: by the first two bytes (folded, see
    /// `pair_index`), the lengths of the forms as bits (bit 31: 31 bytes or
    /// more). About one run in four passes it.
    pairs: Vec<u32>,
}

const FILTER_LOG: u32 = 16;

impl Runs {
    fn new(pats: &[String], map: &[(usize, usize)]) -> Runs {
        let mut forms = FxHashMap::default();
        let mut filter = vec![0u64; (1 << FILTER_LOG) / 64];
        let (mut min_len, mut max_len) = (usize::MAX, 0);
        for (p, &m) in pats.iter().zip(map) {
            let b = p.as_bytes();
            min_len = min_len.min(b.len());
            max_len = max_len.max(b.len());
            let (w, bits) = filter_bits(run_key(b, 0, b.len()));
            if let Some(x) = filter.get_mut(w) {
                *x |= bits;
            }
            forms.entry(b.to_ascii_lowercase().into_boxed_slice()).or_insert(m);
        }
        let mut pairs = vec![0u32; 1024];
        for p in pats {
            match *p.as_bytes() {
                [a, b, ..] => {
                    if let Some(x) = pairs.get_mut(pair_index(a, b)) {
                        *x |= 1 << p.len().min(31);
                    }
                }
                // A form shorter than two bytes: no filter.
                _ => pairs.fill(u32::MAX),
            }
        }
        Runs {
            forms,
            min_len,
            max_len,
            filter,
            pairs,
        }
    }

    /// Whether the run `bytes[start..end]` may spell a form (a cheap filter).
    #[inline(always)]
    fn may_match(&self, bytes: &[u8], start: usize, end: usize) -> bool {
        // Short runs ("a", "of") are common and never match: ruled out
        // before the hash.
        if (end - start).wrapping_sub(self.min_len) > self.max_len.wrapping_sub(self.min_len) {
            return false;
        }
        if let (Some(&a), Some(&b)) = (bytes.get(start), bytes.get(start + 1)) {
            let lengths = self.pairs.get(pair_index(a, b)).copied().unwrap_or(u32::MAX);
            if lengths >> (end - start).min(31) & 1 == 0 {
                return false;
            }
        }
        let (w, bits) = filter_bits(run_key(bytes, start, end));
        self.filter.get(w).is_some_and(|x| x & bits == bits)
    }

    /// The form that a run spells, if any.
    fn get(&self, run: &[u8], buf: &mut Vec<u8>) -> Option<(usize, usize)> {
        buf.clear();
        buf.extend(run.iter().map(u8::to_ascii_lowercase));
        self.forms.get(buf.as_slice()).copied()
    }
}

/// Index of two first bytes in `Runs::pairs`: five bits of each with bit 5
/// set (ASCII letters fold to their lowercase; bytes equal up to ASCII case
/// fold alike).
#[inline(always)]
fn pair_index(a: u8, b: u8) -> usize {
    (usize::from(a | 0x20) & 31) << 5 | (usize::from(b | 0x20) & 31)
}

/// A hash of the run `bytes[start..end]` for the filter: of its length and
/// its first and last eight bytes, with bit 5 set in every byte (this
/// lowercases ASCII letters; other bytes that collide cost a hash probe).
#[inline(always)]
fn run_key(bytes: &[u8], start: usize, end: usize) -> u64 {
    const LOWER: u64 = 0x2020_2020_2020_2020;
    let n = end - start;
    let keep = if n >= 8 { u64::MAX } else { (1u64 << (8 * n)) - 1 };
    let head = load8(bytes, start) & keep;
    let tail = if n > 8 { load8(bytes, end - 8) } else { 0 };
    let x = (head | LOWER) ^ (tail | LOWER).rotate_left(29) ^ n as u64;
    x.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The filter word of a key and the two bits set in it.
fn filter_bits(h: u64) -> (usize, u64) {
    let w = (h >> (64 - (FILTER_LOG - 6))) as usize;
    let bits = 1u64 << ((h >> 32) & 63) | 1u64 << ((h >> 40) & 63);
    (w, bits)
}

/// Call `f(start, end)` for each maximal run of word bytes. Works on 64
/// bytes at a time: a bit mask of word bytes, whose changes of value are the
/// runs' edges (no branch per byte).
#[inline(always)]
fn for_each_run(bytes: &[u8], mut f: impl FnMut(usize, usize)) {
    let mut start = 0;
    // Whether the byte before the current chunk is a word byte.
    let mut carry = 0u64;
    for (c, chunk) in bytes.chunks(64).enumerate() {
        let base = c * 64;
        let mask = word_mask(chunk);
        let mut edges = mask ^ (mask << 1 | carry);
        carry = mask >> 63;
        while edges != 0 {
            let i = edges.trailing_zeros() as usize;
            edges &= edges - 1;
            if mask & (1 << i) != 0 {
                start = base + i;
            } else {
                f(start, base + i);
            }
        }
        // (In a short last chunk, the missing bytes read as non-word bytes:
        // a run up to its end ends at an edge like any other.)
    }
    if carry != 0 {
        f(start, bytes.len());
    }
}

/// Bit `i` set: `chunk[i]` is a word byte (see `is_word_byte`). Written so
/// that the compiler vectorizes it.
fn word_mask(chunk: &[u8]) -> u64 {
    let mut mask = 0u64;
    let mut parts = chunk.chunks_exact(8);
    for (k, part) in parts.by_ref().enumerate() {
        let x = u64::from_le_bytes(part.try_into().unwrap_or([0; 8]));
        mask |= word_mask8(x) << (8 * k);
    }
    let done = chunk.len() - parts.remainder().len();
    for (i, &b) in parts.remainder().iter().enumerate() {
        mask |= u64::from(is_word_byte(b)) << (done + i);
    }
    mask
}

/// `word_mask` of eight bytes (a little-endian number), without a branch
/// per byte.
#[inline(always)]
fn word_mask8(x: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let ones = |b: u8| u64::from_le_bytes([b; 8]);
    // Flag (0x80) of each byte of `y` (bytes below 0x80) that is >= `lo`.
    let at_least = |y: u64, lo: u8| (y + ones(0x80 - lo)) & HIGH;
    // Flag of each byte of `x` equal to the ASCII byte `c`.
    let equal = |c: u8| {
        let v = x ^ ones(c);
        !(((v & LOW7) + LOW7) | v | LOW7)
    };
    let y = x & LOW7;
    let folded = y | ones(0x20);
    let letter = at_least(folded, b'a') & !at_least(folded, b'z' + 1);
    let digit = at_least(y, b'0') & !at_least(y, b'9' + 1);
    let flags = (x & HIGH) | letter | digit | equal(b'_');
    // Gather the eight flags (bits 7, 15, ..., 63) into the low byte.
    ((flags & HIGH) >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

impl MixedSpelling {
    pub fn build(cx: &BuildCx) -> Result<Box<dyn Lint>, String> {
        if let Some(key) = cx.options.keys().next() {
            return Err(format!("unknown option `{key}` (this lint has no options)"));
        }
        let mut pairs: Vec<(String, String)> = cx
            .lexicons_for(MIXED_SPELLING.name)
            .flat_map(|l| l.pairs.iter())
            .map(|(gb, us)| (gb.to_lowercase(), us.to_lowercase()))
            .filter(|(gb, us)| gb != us && !gb.is_empty() && !us.is_empty())
            .collect();
        pairs.sort();
        pairs.dedup_by(|a, b| a.0 == b.0);
        let neutral = pairs.iter().map(|(gb, us)| ize_only(gb, us)).collect();
        let mut pats = Vec::new();
        let mut map = Vec::new();
        for (i, (gb, us)) in pairs.iter().enumerate() {
            pats.push(gb.clone());
            map.push((i, GB));
            pats.push(us.clone());
            map.push((i, US));
        }
        let matcher = if pats.is_empty() {
            None
        } else if pats.iter().all(|p| p.bytes().all(is_word_byte)) {
            Some(Matcher::Runs(Runs::new(&pats, &map)))
        } else {
            Some(Matcher::Automaton(automaton(&pats)?, map))
        };
        Ok(Box::new(MixedSpelling {
            pairs,
            neutral,
            matcher,
            spelling: cx.spelling,
        }))
    }
}

fn automaton(pats: &[String]) -> Result<AhoCorasick, String> {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(pats)
        .map_err(|e| e.to_string())
}

/// "organise"/"organize": the same but for s -> z after an i.
fn ize_only(gb: &str, us: &str) -> bool {
    if gb.len() != us.len() {
        return false;
    }
    let diffs: Vec<usize> = gb
        .bytes()
        .zip(us.bytes())
        .enumerate()
        .filter(|(_, (a, b))| a != b)
        .map(|(k, _)| k)
        .collect();
    matches!(diffs.as_slice(), [k] if *k > 0 && gb.as_bytes()[*k] == b's' && us.as_bytes()[*k] == b'z' && gb.as_bytes()[*k - 1] == b'i')
}

struct Hit {
    span: Span,
    pair: usize,
    col: usize,
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80 || b == b'_'
}

impl Lint for MixedSpelling {
    fn rules(&self) -> Vec<RuleInfo> {
        vec![RuleInfo::from(&MIXED_SPELLING)]
    }

    fn check(&self, doc: &Document, cx: &mut Ctx) {
        let Some(matcher) = &self.matcher else { return };
        let hits = self.hits(doc, matcher);
        if hits.is_empty() {
            return;
        }
        let gb = hits.iter().filter(|h| h.col == GB).count();
        let us = hits.iter().filter(|h| h.col == US && !self.neutral[h.pair]).count();
        let mut basis = Basis::Config;
        let preferred = match self.spelling {
            Spelling::EnGb => GB,
            Spelling::EnUs => US,
            Spelling::Any => {
                basis = Basis::Majority;
                if gb >= 2 && us >= 1 && gb > us {
                    GB
                } else if us >= 2 && gb >= 1 && us > gb {
                    US
                } else if let Some(lean) = (gb >= 1 && us >= 1).then(|| style_lean(&doc.prose)).flatten() {
                    // As many forms of each: the document's style of titles
                    // and percentages decides.
                    basis = Basis::Style;
                    lean
                } else if gb == us && gb >= 1 {
                    // A tie without house-style cues: the spelling the
                    // document starts with.
                    basis = Basis::First;
                    match hits.iter().find(|h| !(h.col == US && self.neutral[h.pair])) {
                        Some(h) => h.col,
                        None => return,
                    }
                } else {
                    // No clear majority: only the same word spelt both ways.
                    self.same_word(doc, &hits, cx);
                    return;
                }
            }
        };
        let forced = basis == Basis::Config;
        let example = hits
            .iter()
            .find(|h| h.col == preferred && !(preferred == US && self.neutral[h.pair]))
            .map(|h| h.span);
        for h in &hits {
            if h.col == preferred {
                continue;
            }
            // -ize is British too (Oxford spelling): flag it only when the
            // same word also appears in -ise.
            if h.col == US && self.neutral[h.pair] && !hits.iter().any(|o| o.pair == h.pair && o.col == GB) {
                continue;
            }
            self.report(doc, h, preferred, if forced { None } else { example }, basis, cx);
        }
    }
}

impl MixedSpelling {
    /// The forms found in the blocks, whole words only, without exempt ones.
    fn hits(&self, doc: &Document, matcher: &Matcher) -> Vec<Hit> {
        let prose = doc.prose.as_bytes();
        let word_at = |i: Option<usize>| i.and_then(|i| prose.get(i)).is_some_and(|&b| is_word_byte(b));
        let mut hits: Vec<Hit> = Vec::new();
        let mut push = |s: usize, e: usize, (pair, col): (usize, usize)| {
            let span = Span::new(s, e);
            if !doc.prose.get(s..e).is_some_and(|word| self.exempt(doc, span, word)) {
                hits.push(Hit { span, pair, col });
            }
        };
        match matcher {
            Matcher::Runs(runs) => {
                let mut buf = Vec::new();
                let mut found = Vec::new();
                for block in &doc.blocks {
                    let Some(bytes) = prose.get(block.span.range()) else { continue };
                    found.clear();
                    for_each_run(bytes, |start, end| {
                        if runs.may_match(bytes, start, end) {
                            found.push((start, end));
                        }
                    });
                    for &(start, end) in &found {
                        let (s, e) = (block.span.start + start, block.span.start + end);
                        // A run cut by the block's edge is part of a longer word.
                        if (start == 0 && word_at(s.checked_sub(1))) || (end == bytes.len() && word_at(Some(e))) {
                            continue;
                        }
                        if let Some(m) = bytes.get(start..end).and_then(|run| runs.get(run, &mut buf)) {
                            push(s, e, m);
                        }
                    }
                }
            }
            Matcher::Automaton(ac, map) => {
                for block in &doc.blocks {
                    let text = &doc.prose[block.span.range()];
                    for m in ac.find_iter(text) {
                        let (s, e) = (block.span.start + m.start(), block.span.start + m.end());
                        if word_at(s.checked_sub(1)) || word_at(Some(e)) {
                            continue;
                        }
                        push(s, e, map[m.pattern().as_usize()]);
                    }
                }
            }
        }
        hits
    }

    /// Capitalised forms in names, all-caps forms and quotations.
    fn exempt(&self, doc: &Document, span: Span, word: &str) -> bool {
        let first_upper = word.starts_with(|c: char| c.is_ascii_uppercase());
        if word.len() > 1 && word.bytes().all(|b| b.is_ascii_uppercase()) {
            return true;
        }
        if doc.in_quote(span) || foreign_context(doc, span) {
            return true;
        }
        if !first_upper {
            return false;
        }
        let before = doc.prose[..span.start].trim_end();
        let sentence_start = before.is_empty()
            || before.ends_with(['.', '!', '?', ':', '"', '\u{201c}', '\u{201d}', '\n'])
            || doc.block_at(span.start).is_some_and(|b| doc.blocks[b].span.start == span.start);
        if !sentence_start {
            return true;
        }
        // "Defence Minister", "Centre for Strategic Studies".
        let after = doc.prose[span.end..].trim_start();
        let after = after
            .strip_prefix("of ")
            .or_else(|| after.strip_prefix("for "))
            .or_else(|| after.strip_prefix("and "))
            .unwrap_or(after);
        if after.starts_with(|c: char| c.is_uppercase()) {
            return true;
        }
        // A form the document never writes in lowercase is a name there
        // ("Labor leader Simon Crean says": the Australian Labor Party).
        !has_lowercase_use(&doc.prose, word)
    }

    /// Without a document majority: flag the rarer form of a word that is
    /// spelt both ways ("armoured" once, "armored" twice).
    fn same_word(&self, doc: &Document, hits: &[Hit], cx: &mut Ctx) {
        for h in hits {
            let mine = hits.iter().filter(|o| o.pair == h.pair && o.col == h.col).count();
            let other: Vec<&Hit> = hits.iter().filter(|o| o.pair == h.pair && o.col != h.col).collect();
            if other.is_empty() || mine > other.len() {
                continue;
            }
            // A tie: flag the later form.
            if mine == other.len() && other.iter().all(|o| o.span.start > h.span.start) {
                continue;
            }
            let example = other.first().map(|o| o.span);
            self.report(doc, h, 1 - h.col, example, Basis::Majority, cx);
        }
    }

    fn report(&self, doc: &Document, h: &Hit, preferred: usize, example: Option<Span>, basis: Basis, cx: &mut Ctx) {
        let Some((gb, us)) = self.pairs.get(h.pair) else { return };
        let found = doc.text(h.span);
        let target = if preferred == GB { gb } else { us };
        let target = match_case(found, target);
        let (this, that) = if h.col == GB {
            ("British", "American")
        } else {
            ("American", "British")
        };
        let msg = match basis {
            Basis::Config => format!("'{found}' is {this} spelling; the configured spelling is {that} ('{target}')"),
            Basis::Majority => format!("'{found}' is {this} spelling in a document that mostly uses {that} spelling ('{target}')"),
            Basis::Style => format!(
                "'{found}' is {this} spelling in a document that mixes both and otherwise follows {that} style (titles, dates, 'percent'): '{target}'"
            ),
            Basis::First => format!("'{found}' is {this} spelling in a document that starts with {that} spelling ('{target}')"),
        };
        let f = cx.report(h.span, msg);
        f.replace(target.clone(), Applicability::Unsafe);
        if let Some(ex) = example {
            f.label(ex, format!("{that} spelling here"));
        }
        f.help(format!("write '{target}'"));
    }
}

/// What decides the preferred spelling.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Basis {
    /// `spelling` in the config.
    Config,
    /// The document's majority.
    Majority,
    /// The document's style of titles and percentages, on a tie.
    Style,
    /// The spelling the document starts with, on a tie without such cues.
    First,
}

/// Whether the words around a form (up to six on each side, within its
/// sentence) hold no English function word: a foreign segment ("entrarán
/// en vigor la próxima semana"), which `foreign-segment` reports.
fn foreign_context(doc: &Document, span: Span) -> bool {
    use crate::document::TokenKind;
    let toks = &doc.tokens;
    let at = toks.partition_point(|t| t.span.start < span.start);
    let src = doc.source.text.as_bytes();
    let stop = |t: &crate::document::Token| {
        t.kind == TokenKind::Newline || (t.kind == TokenKind::Punct && matches!(src.get(t.span.start), Some(b'.' | b'!' | b'?')))
    };
    let mut words = 0;
    for dir in [-1isize, 1] {
        let mut k = at as isize + dir;
        let mut seen = 0;
        while seen < 6 && k >= 0 && (k as usize) < toks.len() {
            let t = &toks[k as usize];
            if stop(t) {
                break;
            }
            if t.kind == TokenKind::Word {
                if crate::document::is_english_marker(src, t.span.start, t.span.end) {
                    return false;
                }
                seen += 1;
            }
            k += dir;
        }
        words += seen;
    }
    words >= 5
}

/// The side (`GB` or `US`) that a document's house style leans to: titles
/// with or without a period ("Mr." is American, "Mr" British), dates
/// ("March 3" against "3 March") and "percent" against "per cent". At least
/// two cues, all on one side; else none.
fn style_lean(prose: &str) -> Option<usize> {
    let b = prose.as_bytes();
    let (mut gb, mut us) = (0usize, 0usize);
    for title in ["Mr", "Mrs", "Ms", "Dr"] {
        for at in memchr::memmem::find_iter(b, title.as_bytes()) {
            let word_start = at == 0 || !b[at - 1].is_ascii_alphanumeric();
            match b.get(at + title.len()) {
                Some(b'.') if word_start => us += 1,
                Some(b' ') if word_start && b.get(at + title.len() + 1).is_some_and(u8::is_ascii_uppercase) => gb += 1,
                _ => {}
            }
        }
    }
    // Dates: "March 3" is American, "3 March" British.
    for month in crate::document::months() {
        // Capitalised, as in a date.
        let month: String = month
            .chars()
            .take(1)
            .flat_map(char::to_uppercase)
            .chain(month.chars().skip(1))
            .collect();
        for at in memchr::memmem::find_iter(b, month.as_bytes()) {
            let end = at + month.len();
            if at > 0 && b[at - 1].is_ascii_alphabetic() || b.get(end).is_some_and(u8::is_ascii_alphabetic) {
                continue;
            }
            // A day is one or two digits ("March 2020" is a year, either way).
            let day_after = b.get(end) == Some(&b' ') && {
                let n = b.get(end + 1..).unwrap_or(&[]).iter().take_while(|c| c.is_ascii_digit()).count();
                (1..=2).contains(&n)
            };
            let day_before = at >= 2 && b[at - 1] == b' ' && {
                let n = b[..at - 1].iter().rev().take_while(|c| c.is_ascii_digit()).count();
                (1..=2).contains(&n)
            };
            if day_after {
                us += 1;
            } else if day_before {
                gb += 1;
            }
        }
    }
    // "percent", not "percentage" (both styles write that).
    us += memchr::memmem::find_iter(b, b"percent")
        .filter(|&at| !b.get(at + 7).is_some_and(u8::is_ascii_alphabetic))
        .count();
    gb += memchr::memmem::find_iter(b, b"per cent").count();
    match (gb, us) {
        (g, 0) if g >= 2 => Some(GB),
        (0, u) if u >= 2 => Some(US),
        _ => None,
    }
}

fn match_case(found: &str, rep: &str) -> String {
    if found.starts_with(|c: char| c.is_uppercase()) {
        let mut c = rep.chars();
        match c.next() {
            Some(f) => f.to_uppercase().chain(c).collect(),
            None => String::new(),
        }
    } else {
        rep.to_string()
    }
}

/// Whether `text` holds `word` in lowercase as a whole word.
fn has_lowercase_use(text: &str, word: &str) -> bool {
    let lower = word.to_lowercase();
    let bytes = text.as_bytes();
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
    memchr::memmem::find_iter(bytes, lower.as_bytes()).any(|at| {
        let before = at.checked_sub(1).and_then(|k| bytes.get(k)).is_some_and(|&b| is_word(b));
        let after = bytes.get(at + lower.len()).is_some_and(|&b| is_word(b));
        !before && !after
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{fixed, flagged};

    fn lint(spelling: Spelling) -> Box<dyn Lint> {
        let lex = crate::pack::builtin_lexicons();
        let empty = toml::Table::new();
        let cx = BuildCx {
            options: &empty,
            spelling,
            lexicons: &lex,
        };
        MixedSpelling::build(&cx).unwrap()
    }

    #[test]
    fn flags_the_minority() {
        let l = lint(Spelling::Any);
        let text = "He arrived by armoured train. The armored train has armored carriages and advanced armored vehicles.";
        assert_eq!(flagged(l.as_ref(), text), vec!["armoured"]);
        assert_eq!(
            fixed(l.as_ref(), text),
            "He arrived by armored train. The armored train has armored carriages and advanced armored vehicles."
        );
        let text = "The organisation said its colour and flavour were fine. Officials traveled to the capital.";
        assert_eq!(flagged(l.as_ref(), text), vec!["traveled"]);
    }

    #[test]
    fn house_style_breaks_a_tie() {
        let l = lint(Spelling::Any);
        let us = "Mr. Lee said the color was 5 percent brighter. Mr. Park ruled in favour of the plan.";
        assert_eq!(flagged(l.as_ref(), us), vec!["favour"]);
        let gb = "Mr Lee said the colour was 5 per cent brighter. Mr Park ruled in favor of the plan.";
        assert_eq!(flagged(l.as_ref(), gb), vec!["favor"]);
        // No cue, or cues both ways: the spelling the document starts with.
        assert_eq!(
            flagged(l.as_ref(), "The color was bright. He ruled in favour of the plan."),
            vec!["favour"]
        );
        assert_eq!(
            flagged(
                l.as_ref(),
                "Mr. Lee said the colour was 5 per cent brighter. Mr Park ruled in favor."
            ),
            vec!["favor"]
        );
        let dated = "On March 3 the color faded. On May 5 the court ruled in favour of the plan.";
        assert_eq!(flagged(l.as_ref(), dated), vec!["favour"]);
        // Years and percentages are no cue.
        let undated = "In March 2020 the colour faded. In May 2021 the percentage rose and he ruled in favor.";
        assert_eq!(flagged(l.as_ref(), undated), vec!["favor"]);
        // A foreign sentence is no American spelling.
        let es = "The colour was bright. El gobierno anunci\u{f3} que las nuevas medidas entrar\u{e1}n en vigor la pr\u{f3}xima semana.";
        assert!(flagged(l.as_ref(), es).is_empty());
        // Oxford -ize alone decides nothing.
        assert!(flagged(l.as_ref(), "They organized a parade in the colour of the flag.").is_empty());
    }

    #[test]
    fn config_decides() {
        let l = lint(Spelling::EnGb);
        assert_eq!(flagged(l.as_ref(), "The color of the flag."), vec!["color"]);
        assert!(flagged(l.as_ref(), "The organization chose a colour.").is_empty());
        let l = lint(Spelling::EnUs);
        assert_eq!(flagged(l.as_ref(), "The colour of the flag."), vec!["colour"]);
    }

    #[test]
    fn runs_are_found_across_chunks() {
        for b in 0..=255u8 {
            assert_eq!(word_mask(&[b]) == 1, is_word_byte(b), "{b}");
            // Eight bytes at a time: every byte value, next to every other.
            let chunk: Vec<u8> = (0..64u8).map(|k| if k % 2 == 0 { b } else { b.wrapping_add(k) }).collect();
            let scalar = chunk
                .iter()
                .enumerate()
                .fold(0u64, |m, (k, &c)| m | u64::from(is_word_byte(c)) << k);
            assert_eq!(word_mask(&chunk), scalar, "{b}");
            assert_eq!(word_mask(&chunk[..61]), scalar & (u64::MAX >> 3), "{b}");
        }
        let naive = |b: &[u8]| {
            let mut out = Vec::new();
            let mut k = 0;
            while k < b.len() {
                if !is_word_byte(b[k]) {
                    k += 1;
                    continue;
                }
                let s = k;
                while k < b.len() && is_word_byte(b[k]) {
                    k += 1;
                }
                out.push((s, k));
            }
            out
        };
        let alphabet = [b'a', b'Z', b' ', b'-', b'.', 0xC3, b'\n', b'7'];
        let mut seed = 12345u64;
        for len in 0..400 {
            for spread in [1u64, 3, 8] {
                let b: Vec<u8> = (0..len)
                    .map(|_| {
                        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                        let r = (seed >> 33) % (alphabet.len() as u64 * spread);
                        // Mostly letters when `spread` is large: long runs.
                        alphabet.get(r as usize).copied().unwrap_or(b'a')
                    })
                    .collect();
                let mut got = Vec::new();
                for_each_run(&b, |s, e| got.push((s, e)));
                assert_eq!(got, naive(&b), "{b:?}");
            }
        }
    }

    /// The run matcher finds what Aho-Corasick over the blocks finds.
    #[test]
    fn runs_agree_with_the_automaton() {
        let lex = crate::pack::builtin_lexicons();
        let empty = toml::Table::new();
        let cx = BuildCx {
            options: &empty,
            spelling: Spelling::Any,
            lexicons: &lex,
        };
        let mut pairs: Vec<(String, String)> = cx
            .lexicons_for(MIXED_SPELLING.name)
            .flat_map(|l| l.pairs.iter())
            .map(|(gb, us)| (gb.to_lowercase(), us.to_lowercase()))
            .collect();
        pairs.sort();
        pairs.dedup_by(|a, b| a.0 == b.0);
        let pats: Vec<String> = pairs.iter().flat_map(|(gb, us)| [gb.clone(), us.clone()]).collect();
        let map: Vec<(usize, usize)> = (0..pairs.len()).flat_map(|i| [(i, GB), (i, US)]).collect();
        let lint = MixedSpelling {
            neutral: pairs.iter().map(|(gb, us)| ize_only(gb, us)).collect(),
            pairs,
            matcher: None,
            spelling: Spelling::Any,
        };
        let runs = Matcher::Runs(Runs::new(&pats, &map));
        let ac = Matcher::Automaton(automaton(&pats).unwrap(), map);
        let mut texts: Vec<String> = std::fs::read_dir("fixtures/seeds")
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect();
        // (With English words between: a list of bare forms reads as a
        // foreign segment.)
        texts.push(pats.join(" the "));
        texts.push(pats.iter().map(|p| match_case("X", p)).collect::<Vec<_>>().join("\n"));
        texts.push("Colour-coloured colour_ 1colour ARMOURED\ncolours colour's xcolour colour\u{e9} \u{e9}colour aeon.".into());
        let mut found = 0;
        for text in texts {
            let doc = Document::parse(
                0,
                crate::source::SourceFile::new("t.txt", text, crate::source::FileKind::Plain),
                None,
            );
            let key = |h: &Hit| (h.span.start, h.span.end, h.pair, h.col);
            let a: Vec<_> = lint.hits(&doc, &runs).iter().map(key).collect();
            let b: Vec<_> = lint.hits(&doc, &ac).iter().map(key).collect();
            if let Some(k) = (0..a.len().max(b.len())).find(|&k| a.get(k) != b.get(k)) {
                panic!("runs {:?} != automaton {:?}", a.get(k), b.get(k));
            }
            found += a.len();
        }
        assert!(found > pats.len(), "{found}");
    }

    #[test]
    fn leaves_names_sense_splits_and_oxford_spelling() {
        let l = lint(Spelling::Any);
        for ok in [
            "The World Health Organization and the Shanghai Cooperation Organisation met. The organization agreed.",
            "The organization praised the colour, the honour and the labour of its members.",
            "The programme ran a computer program. A licence to license, a metre on the meter, a tyre and a tired driver.",
            "The Department of Defense and the Ministry of Defence met. The defense budget and the defense plan rose.",
            "He said \u{201c}the colour is wrong\u{201d} and the color was changed, and the color stayed.",
            "Centre-left parties met at the center of the city.",
            // A sentence-initial form the document never writes in
            // lowercase is a name (the Australian Labor Party).
            "The labour market was tight, he said. Labor leader Simon Crean says jobs grew. The colour of the labour data was mixed.",
        ] {
            assert!(flagged(l.as_ref(), ok).is_empty(), "{ok}: {:?}", flagged(l.as_ref(), ok));
        }
    }
}
