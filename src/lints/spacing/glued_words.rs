use serde::Deserialize;

use crate::declare_lint;
use crate::document::{Document, Token, TokenKind};
use crate::finding::{Applicability, Edit};
use crate::lint::{Ctx, Lint, RuleInfo};
use crate::lints::bytes::{gallop, load8};
use crate::source::Span;

declare_lint! {
    /// ## What it does
    ///
    /// Flags a missing space between two words or two sentences: "termAnd",
    /// "associationA regional", "announced.After", "welcome.”Brazil".
    ///
    /// ## Why is this bad?
    ///
    /// Scrapers join paragraphs and text nodes without a space, and machine
    /// translation glues words it could not segment. The result reads as a
    /// typo and breaks search and sentence splitting.
    ///
    /// ## Example
    ///
    /// ```text
    /// as Reuters announced.After the vote, during his termAnd the first time
    /// ```
    ///
    /// Use instead: `announced. After the vote`, `term And`.
    ///
    /// ## Options
    ///
    /// `allow = ["easyJet", ...]`: words never to flag.
    ///
    /// ## Known problems
    ///
    /// Two signals are used. (1) A word that starts in lowercase and has a
    /// capital inside after at least three lowercase letters ("termAnd"),
    /// unless the tail is an acronym ("macOS"), the word recurs unchanged in
    /// the document (a brand), or it is an item of a list of identifiers in
    /// technical prose (a comma, slash, semicolon or bracket right after it,
    /// a slash or opening bracket before it: "thereIs, weasel, tooWordy",
    /// "ReplaceWith / InsertAfter(chars)"; one in running text is still
    /// flagged). Camel-case brands that start with a capital
    /// (YouTube, McDonald, PhD) are never flagged, so a glued pair that starts
    /// with a capital ("TermAnd") is missed unless its tail is a common
    /// sentence opener. (2) Sentence punctuation directly followed by a
    /// capitalised word ("announced.After", "welcome.”Brazil"), unless the
    /// left side is a single letter (initials, "U.S.") or the right side is a
    /// domain or file extension ("Example.Com"); after a number of three
    /// digits or more, only a common sentence opener counts ("in 2024.The").
    /// (3) A comma or a semicolon glued to the next lowercase word ("on
    /// Monday,adding", "in Paris;the talks"), unless a side holds a digit
    /// or a single letter pair, or the comma is one of a run of items
    /// ("red,green,blue"); a colon glued to a capitalised word or an opening
    /// quotation mark after a lowercase word ("said:\"We", "said:The"; a
    /// capitalised word only when it is a common sentence opener, so not
    /// "key:Value", nor "10:30", "std::io"). Two lowercase words glued
    /// without any capital ("theend") cannot be seen without a dictionary.
    pub static GLUED_WORDS = {
        name: "glued-words",
        family: "spacing",
        severity: Warning,
        status: Stable,
        fix: Some(Applicability::Safe),
        english_only: false,
    };
}

#[derive(Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct GluedWords {
    /// Words never flagged.
    pub allow: Vec<String>,
}

/// Words that often open a sentence; a capitalised token whose tail is one
/// of these is a glued sentence even when it starts with a capital.
const OPENERS: &[&str] = &[
    "And",
    "The",
    "But",
    "However",
    "According",
    "In",
    "On",
    "He",
    "She",
    "It",
    "They",
    "We",
    "This",
    "That",
    "These",
    "Those",
    "Meanwhile",
    "Moreover",
    "Upon",
    "After",
    "Before",
    "While",
    "When",
    "Since",
    "Although",
    "Also",
];

/// Top-level domains and file extensions: "Example.Com" is a name, not a glue.
const DOMAIN_TAILS: &[&str] = &[
    "com", "org", "net", "gov", "edu", "io", "co", "uk", "de", "fr", "ru", "cn", "jp", "in", "info", "biz", "tv", "me", "ai", "app", "dev",
    "md", "txt", "pdf", "doc", "docx", "html", "htm", "js", "ts", "rs", "py", "jpg", "jpeg", "png", "gif", "csv", "json", "xml", "zip",
    "exe",
];

impl Lint for GluedWords {
    fn rules(&self) -> Vec<RuleInfo> {
        vec![RuleInfo::from(&GLUED_WORDS)]
    }

    fn check(&self, doc: &Document, cx: &mut Ctx) {
        self.comma_glue(doc, cx);
        let src = doc.source.text.as_bytes();
        // The bytes that can make a glue (inside a word, or a stop in the
        // punctuation after it), found in one pass over the text; only the
        // words they point to are judged.
        let trig = triggers(src);
        if trig.is_empty() {
            return;
        }
        let ordered = doc.blocks.windows(2).all(|w| w[0].tokens.end <= w[1].tokens.start);
        if !ordered {
            // (Not made by the parser.) Every word of every block.
            for block in &doc.blocks {
                let toks = doc.block_tokens(block);
                for i in 0..toks.len() {
                    let cur = toks.get(i).map_or(0, |t| trig.partition_point(|&p| p < t.span.start));
                    self.word(doc, toks, i, &trig, cur, cx);
                }
            }
            return;
        }
        let mut b = 0;
        // A cursor into `trig`: the first trigger at or after the word (the
        // candidates are in text order).
        let mut cur = 0;
        for i in candidates(&doc.tokens, &trig, src) {
            while doc.blocks.get(b).is_some_and(|bl| bl.tokens.end <= i) {
                b += 1;
            }
            let Some(block) = doc.blocks.get(b) else { break };
            if let Some(start) = doc.tokens.get(i).map(|t| t.span.start) {
                cur = gallop(&trig, cur, |&p| p < start);
            }
            if let Some(k) = i.checked_sub(block.tokens.start) {
                self.word(doc, doc.block_tokens(block), k, &trig, cur, cx);
            }
        }
    }
}

/// The words (token indices, ascending) that `triggers` points to: a word
/// holding a trigger byte, and the word just before a run of punctuation
/// holding a '.', '!' or '?'. Every word `GluedWords::word` can flag is one.
fn candidates(toks: &[Token], trig: &[usize], src: &[u8]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    let mut j = 0;
    for &p in trig {
        // The token holding byte `p` (the triggers are in text order).
        j = gallop(toks, j, |t| t.span.end <= p);
        let Some(t) = toks.get(j) else { break };
        if t.span.start > p {
            continue;
        }
        match t.kind {
            TokenKind::Word => out.push(j),
            TokenKind::Punct if matches!(src.get(p), Some(b'.' | b'!' | b'?')) => {
                let mut k = j;
                while k > 0 && toks.get(k - 1).is_some_and(|t| t.kind == TokenKind::Punct) {
                    k -= 1;
                }
                if k > 0
                    && toks
                        .get(k - 1)
                        .is_some_and(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
                {
                    out.push(k - 1);
                }
            }
            _ => {}
        }
    }
    out.dedup();
    out
}

impl GluedWords {
    /// Judge the word `toks[i]` of a block (`toks`: the block's tokens).
    /// `cur`: the index of the first trigger at or after the word's start.
    fn word(&self, doc: &Document, toks: &[Token], i: usize, trig: &[usize], mut cur: usize, cx: &mut Ctx) {
        let src = doc.source.text.as_bytes();
        let Some(t) = toks.get(i).filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number)) else {
            return;
        };
        if t.kind == TokenKind::Number {
            // "in 2024.The mayor": a number of three digits or more, a
            // period and a common sentence opener.
            if t.span.len() >= 3 && toks.get(i + 1).is_some_and(|n| doc.text(n.span) == ".") {
                if let Some(next) = toks
                    .get(i + 2)
                    .filter(|n| n.kind == TokenKind::Word && OPENERS.contains(&doc.text(n.span)))
                {
                    self.report(doc, next.span.start, Span::new(t.span.start, next.span.end), cx);
                }
            }
            return;
        }
        // Only a non-ASCII character, a '.' or a lowercase letter followed
        // by a capital can make a glue inside the token.
        if suspicious(trig, &mut cur, src, t.span.start, t.span.end) {
            let w = doc.text(t.span);
            if self.allow.iter().any(|a| a == w) {
                return;
            }
            if let Some(split) = camel_glue(w) {
                if !recurs(doc, w) && !listed(doc, toks, i) {
                    self.report(doc, t.span.start + split, t.span, cx);
                }
                return;
            }
            if let Some(split) = inner_period_glue(w) {
                // "One.Tel" twice, capitalised on both sides: a brand.
                let brand = w.starts_with(|c: char| c.is_uppercase()) && recurs(doc, w);
                if !brand {
                    self.report(doc, t.span.start + split, t.span, cx);
                }
                return;
            }
        }
        // Cheap tests first: the next token must be sentence punctuation or
        // a closing mark, and more must follow it without a space (see
        // `punct_glue`).
        let Some(next) = toks.get(i + 1).filter(|n| n.kind == TokenKind::Punct) else {
            return;
        };
        let after = toks
            .get(i + 2)
            .is_some_and(|n| matches!(n.kind, TokenKind::Word | TokenKind::Punct));
        let mark = src
            .get(next.span.start)
            .is_some_and(|b| matches!(b, b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']' | 0xE2));
        if !after || !mark || self.allow.iter().any(|a| a == doc.text(t.span)) {
            return;
        }
        self.punct_glue(doc, toks, i, cx);
    }

    /// "on Monday,adding that": a comma between two words of two letters
    /// or more, the second lowercase, without the space after it. Read in
    /// the prose, so code, URLs and link targets are left alone.
    fn comma_glue(&self, doc: &Document, cx: &mut Ctx) {
        self.separator_glue(doc, b',', "comma", cx);
        self.separator_glue(doc, b';', "semicolon", cx);
        self.colon_glue(doc, cx);
    }

    /// "said:The", "said:\"We": a colon glued to a common sentence opener
    /// or an opening quotation mark after a lowercase word of three letters
    /// or more (not "10:30", "std::io", "http:", "key:Value").
    fn colon_glue(&self, doc: &Document, cx: &mut Ctx) {
        let b = doc.prose.as_bytes();
        for p in memchr::memchr_iter(b':', b) {
            let (Some(&l), Some(&r)) = (p.checked_sub(1).and_then(|k| b.get(k)), b.get(p + 1)) else {
                continue;
            };
            if !l.is_ascii_lowercase() || !(r.is_ascii_uppercase() || r == b'"') {
                continue;
            }
            let start = b[..p].iter().rposition(|c| !c.is_ascii_alphanumeric()).map_or(0, |k| k + 1);
            let left = &b[start..p];
            if left.len() < 3
                || !left.iter().all(u8::is_ascii_lowercase)
                || matches!(left, b"http" | b"https" | b"mailto" | b"ftp" | b"file")
            {
                continue;
            }
            // A word, not a key or a path: a blank or a line start before it.
            if start > 0 && !b[start - 1].is_ascii_whitespace() {
                continue;
            }
            // The word after: letters, then a blank or punctuation.
            let from = p + 1 + usize::from(r == b'"');
            let end = b[from..]
                .iter()
                .position(|c| !c.is_ascii_alphabetic())
                .map_or(b.len(), |k| from + k);
            // After a quotation mark any word; else a common sentence opener
            // ("said:The"), not a value ("key:Value").
            let right = doc.prose.get(from..end).unwrap_or("");
            if end - from < 2 || !b[from].is_ascii_uppercase() || (r != b'"' && !OPENERS.contains(&right)) {
                continue;
            }
            let f = cx.report(
                Span::new(start, end),
                format!(
                    "missing space after the colon between '{}' and '{}'",
                    doc.prose.get(start..p).unwrap_or(""),
                    doc.prose.get(from..end).unwrap_or("")
                ),
            );
            f.fix_edits(
                vec![Edit {
                    span: Span::new(p + 1, p + 1),
                    replacement: " ".to_string(),
                }],
                Applicability::Safe,
            );
            f.help("insert a space after the colon");
        }
    }

    /// `comma_glue` for one separator (`sep`, named `name`).
    fn separator_glue(&self, doc: &Document, sep: u8, name: &str, cx: &mut Ctx) {
        let b = doc.prose.as_bytes();
        for p in memchr::memchr_iter(sep, b) {
            // Cheap tests first: letters on both sides, lowercase after.
            let (Some(&l), Some(&r)) = (p.checked_sub(1).and_then(|k| b.get(k)), b.get(p + 1)) else {
                continue;
            };
            if !l.is_ascii_alphabetic() || !r.is_ascii_lowercase() {
                continue;
            }
            let start = b[..p].iter().rposition(|c| !c.is_ascii_alphanumeric()).map_or(0, |k| k + 1);
            let end = b[p + 1..]
                .iter()
                .position(|c| !c.is_ascii_alphanumeric())
                .map_or(b.len(), |k| p + 1 + k);
            let (left, right) = (&b[start..p], &b[p + 1..end]);
            // Words of letters only ("1,000", "a1,b2" are data), and not a
            // list of single letters or codes ("x,y", "en,de").
            let word = |w: &[u8]| w.len() >= 2 && w.iter().all(u8::is_ascii_alphabetic);
            if !word(left) || !word(right) || right.len() < 3 && left.len() < 3 {
                continue;
            }
            // Not a run of comma-separated items ("red,green,blue"), nor
            // code ("{upload,fetch}", "SANITIZE=foo,bar", "-L start,end").
            let code = |c: Option<&u8>| {
                c.is_some_and(|c| {
                    matches!(
                        c,
                        b',' | b'{' | b'}' | b'=' | b'/' | b'-' | b'_' | b'[' | b']' | b'<' | b'>' | b'#' | b'@' | b'$' | b'.'
                    )
                })
            };
            if code(b.get(end)) || code(start.checked_sub(1).and_then(|k| b.get(k))) {
                continue;
            }
            // (The line before the word, at most 200 bytes of it: linear
            // time on one very long line.)
            let from = start.saturating_sub(200);
            let line_start = b[from..start].iter().rposition(|&c| c == b'\n').map_or(from, |k| from + k + 1);
            if b[line_start..start].windows(2).any(|w| w == b" -" || w == b"--") && b[line_start..start].contains(&b'"') {
                continue;
            }
            let w = doc.prose.get(start..end).unwrap_or("");
            if self.allow.iter().any(|a| a == w) {
                continue;
            }
            let f = cx.report(
                Span::new(start, end),
                format!(
                    "missing space after the {name} between '{}' and '{}'",
                    doc.prose.get(start..p).unwrap_or(""),
                    doc.prose.get(p + 1..end).unwrap_or("")
                ),
            );
            f.fix_edits(
                vec![Edit {
                    span: Span::new(p + 1, p + 1),
                    replacement: " ".to_string(),
                }],
                Applicability::Safe,
            );
            f.help(format!("insert a space after the {name}"));
        }
    }

    fn report(&self, doc: &Document, at: usize, word: Span, cx: &mut Ctx) {
        let left = doc.text(Span::new(word.start, at));
        let right = doc.text(Span::new(at, word.end));
        let right_word: String = right
            .chars()
            .skip_while(|c| !c.is_alphanumeric())
            .take_while(|c| c.is_alphanumeric())
            .collect();
        let left_word: String = left
            .chars()
            .rev()
            .skip_while(|c| !c.is_alphanumeric())
            .take_while(|c| c.is_alphanumeric())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let f = cx.report(word, format!("missing space between '{left_word}' and '{right_word}'"));
        f.fix_edits(
            vec![Edit {
                span: Span::new(at, at),
                replacement: " ".to_string(),
            }],
            Applicability::Safe,
        );
        f.help("insert a space");
    }

    /// Word + sentence punctuation (+ closing quote or bracket) + capitalised
    /// word, with no space anywhere: "welcome.”Brazil".
    fn punct_glue(&self, doc: &Document, toks: &[Token], i: usize, cx: &mut Ctx) {
        let mut j = i + 1;
        let mut saw_stop = false;
        while let Some(t) = toks.get(j) {
            if t.kind != TokenKind::Punct {
                break;
            }
            let p = doc.text(t.span);
            if matches!(p, "." | "!" | "?") {
                if saw_stop {
                    // An ellipsis ("murders...I think") or "?!".
                    return;
                }
                saw_stop = true;
            } else if !matches!(p, "\u{201d}" | "\"" | "'" | "\u{2019}" | ")" | "]") {
                return;
            }
            j += 1;
        }
        let Some(next) = toks.get(j) else { return };
        if !saw_stop || next.kind != TokenKind::Word || j == i + 1 {
            return;
        }
        let left = doc.text(toks[i].span);
        let token = doc.text(next.span);
        // "China’s": judge the word before its possessive.
        let right = token.split(['\'', '\u{2019}']).next().unwrap_or(token);
        if right.chars().count() < 2 || left.chars().count() < 2 || !left.chars().any(char::is_lowercase) || !is_capitalised_word(right) {
            return;
        }
        if DOMAIN_TAILS.contains(&right.to_ascii_lowercase().as_str()) {
            return;
        }
        let word = Span::new(toks[i].span.start, next.span.end);
        self.report(doc, next.span.start, word, cx);
    }
}

/// Positions of the bytes of `src` that can make a glue: inside a word, the
/// non-ASCII bytes, the '.' and the ASCII capitals after a lowercase ASCII
/// letter; after a word, a '.', '!' or '?'. Eight bytes at a time, without a branch per byte.
fn triggers(src: &[u8]) -> Vec<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let ones = |b: u8| u64::from_le_bytes([b; 8]);
    // Flag (0x80) of each byte of `y` (bytes below 0x80) that is >= `lo`.
    let at_least = |y: u64, lo: u8| (y + ones(0x80 - lo)) & HIGH;
    let mut out = Vec::new();
    // Flag (0x80) of a lowercase letter just before the eight bytes.
    let mut prev_lower = 0;
    let mut at = 0;
    while at < src.len() {
        // Most blocks of 32 bytes hold no trigger: one test (which the
        // compiler vectorizes) skips them, given the byte before them.
        if let (Some(block), Some(before)) = (
            src.get(at..).and_then(|r| r.first_chunk::<32>()),
            at.checked_sub(1).and_then(|b| src.get(b..)).and_then(|r| r.first_chunk::<32>()),
        ) {
            if !any_trigger(block, before) {
                prev_lower = if block[31].is_ascii_lowercase() { 0x80 } else { 0 };
                at += 32;
                continue;
            }
        }
        // Bytes past the end read as zero, which is neither a '.' nor a letter.
        let x = load8(src, at);
        let y = x & LOW7;
        let upper = at_least(y, b'A') & !at_least(y, b'Z' + 1);
        let lower = at_least(y, b'a') & !at_least(y, b'z' + 1);
        let v = x ^ ones(b'.');
        let dot = !(((v & LOW7) + LOW7) | v | LOW7);
        let camel = upper & (lower << 8 | prev_lower);
        prev_lower = lower >> 56 & 0x80;
        let v = x ^ ones(b'!');
        let bang = !(((v & LOW7) + LOW7) | v | LOW7);
        let v = x ^ ones(b'?');
        let question = !(((v & LOW7) + LOW7) | v | LOW7);
        let mut m = (x & HIGH) | dot | camel | bang | question;
        while m != 0 {
            out.push(at + m.trailing_zeros() as usize / 8);
            m &= m - 1;
        }
        at += 8;
    }
    out
}

/// Whether `triggers` finds a position in `block`, given the bytes before
/// each of its bytes (`before`, the block one byte earlier): a non-ASCII
/// byte, a '.', '!' or '?', or an ASCII capital after a lowercase ASCII
/// letter. (In UTF-8, the byte before an ASCII byte is ASCII or ends a
/// character, never a letter, so this is the test of `triggers`.)
#[inline]
fn any_trigger(block: &[u8; 32], before: &[u8; 32]) -> bool {
    let hits = block.iter().zip(before).fold(0u8, |acc, (&x, &p)| {
        acc | u8::from(x >= 0x80)
            | u8::from(x == b'.')
            | u8::from(x == b'!')
            | u8::from(x == b'?')
            | (u8::from(p.wrapping_sub(b'a') < 26) & u8::from(x.wrapping_sub(b'A') < 26))
    });
    hits != 0
}

/// Whether the word `src[start..end]` has a non-ASCII byte, an inner '.'
/// or a lowercase ASCII letter followed by an uppercase one: a position of
/// `trig` (from `triggers`) in the word, other than a '.' or a capital at
/// its start (a '!' or '?' does not count). `cur` is a cursor into
/// `trig`, for words in text order.
#[inline]
fn suspicious(trig: &[usize], cur: &mut usize, src: &[u8], start: usize, end: usize) -> bool {
    while let Some(&p) = trig.get(*cur) {
        if p >= end {
            return false;
        }
        let byte = src.get(p).copied().unwrap_or(0);
        if p >= start && (byte >= 0x80 || (p > start && byte != b'!' && byte != b'?')) {
            return true;
        }
        *cur += 1;
    }
    false
}

/// "Upon", "China", "A": a capital, then lowercase letters only.
fn is_capitalised_word(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(char::is_uppercase) && c.all(char::is_lowercase)
}

/// Byte offset of the glue inside a camel-case word, if it is one.
fn camel_glue(w: &str) -> Option<usize> {
    // Cheap test first: ASCII words need a lowercase letter followed by an
    // uppercase one.
    if w.is_ascii()
        && !w
            .as_bytes()
            .windows(2)
            .any(|p| p[0].is_ascii_lowercase() && p[1].is_ascii_uppercase())
    {
        return None;
    }
    // All letters, and the first lowercase letter followed by a capital.
    let mut split = None;
    let mut prev_lower = false;
    for (k, c) in w.char_indices() {
        if !c.is_alphabetic() {
            return None;
        }
        if split.is_none() && prev_lower && c.is_uppercase() {
            split = Some(k);
        }
        prev_lower = c.is_lowercase();
    }
    let split = split?;
    let left = &w[..split];
    let right = &w[split..];
    // The tail must be a capitalised word ("And") or one capital ("A").
    if !is_capitalised_word(right) {
        return None;
    }
    let first = left.chars().next()?;
    if first.is_lowercase() {
        // "iPhone", "eBay", "mRNA": short lowercase prefixes are brands.
        if left.chars().count() < 3 || !left.chars().all(char::is_lowercase) {
            return None;
        }
        // One trailing capital needs more evidence: "associationA".
        if right.chars().count() == 1 && left.chars().count() < 5 {
            return None;
        }
        return Some(left.len());
    }
    // Starts with a capital: only a glued sentence opener ("TermAnd"), of
    // three letters or more ("LinkedIn", "SignUp" are brand shapes).
    let left_rest = &left[first.len_utf8()..];
    if left_rest.chars().count() >= 2 && left_rest.chars().all(char::is_lowercase) && right.len() >= 3 && OPENERS.contains(&right) {
        return Some(left.len());
    }
    None
}

/// A word token that UAX #29 kept together across a period: "announced.After".
fn inner_period_glue(w: &str) -> Option<usize> {
    let dot = memchr_dot(w)?;
    let left = &w[..dot];
    let right = &w[dot + 1..];
    if left.chars().count() < 2 || left.contains('.') || !left.chars().all(char::is_alphabetic) || !left.chars().any(char::is_lowercase) {
        return None;
    }
    let right_word: &str = right.split('.').next().unwrap_or("");
    // "happen.There's", "official.It's": a contraction or a possessive on
    // the right is still a word.
    let right_word = right_word.split(['\'', '\u{2019}']).next().unwrap_or("");
    if !is_capitalised_word(right_word) || right_word.chars().count() < 2 {
        return None;
    }
    if DOMAIN_TAILS.contains(&right_word.to_ascii_lowercase().as_str()) {
        return None;
    }
    Some(dot + 1)
}

fn memchr_dot(w: &str) -> Option<usize> {
    w.bytes().position(|b| b == b'.')
}

/// Whether the word at token `i` is an item of a list of names, as
/// identifiers are in technical prose ("thereIs, weasel, tooWordy",
/// "ReplaceWith / InsertAfter", "fastText / n-gram", "InsertAfter(chars)"):
/// a comma, slash, semicolon or bracket right after it, or a slash or
/// opening bracket before it. A glue joins a word to the sentence after it, which
/// goes on with words.
fn listed(doc: &Document, toks: &[Token], i: usize) -> bool {
    let text = |t: &Token| doc.text(t.span);
    let next = toks.get(i + 1);
    if next.is_some_and(|t| t.kind == TokenKind::Punct && matches!(text(t), "," | ";" | "(" | ")" | "/")) {
        return true;
    }
    let next_solid = toks.get(i + 1..).and_then(|r| r.iter().find(|t| t.kind != TokenKind::Space));
    let prev_solid = toks.get(..i).and_then(|r| r.iter().rev().find(|t| t.kind != TokenKind::Space));
    next_solid.is_some_and(|t| text(t) == "/") || prev_solid.is_some_and(|t| matches!(text(t), "/" | "("))
}

/// Whether a camel-case word appears more than once: a brand, not a glue.
fn recurs(doc: &Document, w: &str) -> bool {
    doc.memo(CamelCounts::of).0.get(w).is_some_and(|&n| n > 1)
}

/// How often each mixed-case word occurs, built once per document on first
/// need.
struct CamelCounts(rustc_hash::FxHashMap<String, u32>);

impl CamelCounts {
    fn of(doc: &Document) -> CamelCounts {
        let mut m = rustc_hash::FxHashMap::default();
        for t in doc.words() {
            let w = doc.text(t.span);
            if w.chars().skip(1).any(char::is_uppercase) {
                *m.entry(w.to_string()).or_insert(0) += 1;
            }
        }
        CamelCounts(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{assert_silent, fixed, flagged};

    fn lint() -> GluedWords {
        GluedWords::default()
    }

    #[test]
    fn flags_glued_words() {
        assert_eq!(flagged(&lint(), "during his long termAnd the first time"), vec!["termAnd"]);
        assert_eq!(
            flagged(&lint(), "the Andean trade associationA regional summit"),
            vec!["associationA"]
        );
        assert_eq!(
            flagged(&lint(), "as Reuters announced.After the vote, he left."),
            vec!["announced.After"]
        );
        assert_eq!(
            flagged(&lint(), "for the \u{201c}warm welcome.\u{201d}Brazil said"),
            vec!["welcome.\u{201d}Brazil"]
        );
        assert_eq!(flagged(&lint(), "influence.The parade"), vec!["influence.The"]);
        assert_eq!(flagged(&lint(), "allow it to happen.There's facts"), vec!["happen.There's"]);
        assert_eq!(flagged(&lint(), "in Kansas City.We\u{2019}ve had"), vec!["City.We\u{2019}ve"]);
    }

    #[test]
    fn flags_glued_commas_and_numbers() {
        assert_eq!(
            flagged(&lint(), "The deal was confirmed on Monday,adding that talks go on."),
            vec!["Monday,adding"]
        );
        assert_eq!(fixed(&lint(), "on Monday,adding that"), "on Monday, adding that");
        assert_eq!(
            flagged(&lint(), "The council approved the budget for 2024.The mayor"),
            vec!["2024.The"]
        );
        for ok in [
            "It cost 1,000 dollars and 2,500 euros.",
            "Use the colours red,green,blue in the chart.",
            "The axes x,y and the codes en,de were set.",
            "Version 1.2.3 shipped in 2024.Next is due.",
            "The rate was 4.5 percent in 2023.",
            "The files compat/inet-{ntop,pton} and make SANITIZE=foo,bar changed.",
            "Meet at 10:30 today. See std::io, http://example.com, key:Value and x;y here.",
        ] {
            assert_silent(&lint(), ok);
        }
        // A semicolon or a colon glued to the next word.
        assert_eq!(
            flagged(&lint(), "He arrived in Paris;the talks began. The minister said:\"We will act.\""),
            vec!["Paris;the", "said:\"We"]
        );
        assert_eq!(fixed(&lint(), "He said:The plan"), "He said: The plan");
    }

    #[test]
    fn suspicious_matches_a_byte_loop() {
        let slow = |w: &[u8]| {
            w.iter()
                .enumerate()
                .any(|(k, &b)| b >= 0x80 || (k > 0 && (b == b'.' || (w[k - 1].is_ascii_lowercase() && b.is_ascii_uppercase()))))
        };
        let alphabet = [b'a', b'z', b'A', b'Z', b'.', b'@', b'[', b'`', b'{', 0xC3, b'0', b'\'', b'!', b'?'];
        let mut seed = 7u64;
        for len in 0..40 {
            for _ in 0..300 {
                let w: Vec<u8> = (0..len)
                    .map(|_| {
                        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                        let r = (seed >> 33) as usize % (alphabet.len() * 4);
                        alphabet.get(r).copied().unwrap_or(b'm')
                    })
                    .collect();
                // The word inside a longer text, and at its very end.
                let mut text = b"Xy.".to_vec();
                text.extend(&w);
                text.extend(b"aB.");
                let one = |text: &[u8], start: usize| {
                    let trig = triggers(text);
                    let mut cur = 0;
                    suspicious(&trig, &mut cur, text, start, start + w.len())
                };
                assert_eq!(one(&text, 3), slow(&w), "{w:?}");
                assert_eq!(one(&w, 0), slow(&w), "{w:?}");
            }
        }
    }

    #[test]
    fn triggers_skip_no_trigger() {
        // Long texts (blocks of 32 bytes skipped or not), against the
        // definition byte by byte.
        let pieces = ["a", "b", "B", " ", "  ", ".", "!", "?", "\u{e9}", "\u{2019}", "xyz", "Q", "\n"];
        let mut seed = 7u64;
        for len in [0, 1, 31, 32, 33, 40, 64, 100, 257] {
            for _ in 0..50 {
                let mut text = String::new();
                while text.len() < len {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
                }
                let b = text.as_bytes();
                let slow: Vec<usize> = (0..b.len())
                    .filter(|&i| {
                        let x = b[i];
                        let camel = x.is_ascii_uppercase() && i > 0 && b[i - 1].is_ascii_lowercase();
                        x >= 0x80 || matches!(x, b'.' | b'!' | b'?') || camel
                    })
                    .collect();
                assert_eq!(triggers(b), slow, "{text:?}");
            }
        }
    }

    #[test]
    fn fixes_by_inserting_a_space() {
        assert_eq!(
            fixed(&lint(), "as Reuters announced.After the vote"),
            "as Reuters announced. After the vote"
        );
        assert_eq!(fixed(&lint(), "his long termAnd the"), "his long term And the");
    }

    #[test]
    fn leaves_brands_abbreviations_and_numbers() {
        for ok in [
            "She bought an iPhone and sold it on eBay.",
            "Videos on YouTube and meals at McDonald were discussed by a PhD.",
            "The U.S. and the U.K. met, e.g. in Paris at 3.5 p.m.",
            "Visit example.com or read README.md today.",
            "J.R.R. Tolkien wrote it. J.K. Rowling too.",
            "The macOS update and iOS app shipped.",
            "Node.js and ASP.NET are frameworks.",
            "The company easyJet flies. Later easyJet landed.",
            "On his LinkedIn profile he lists his training.",
            // A brand with a period, written twice.
            "The head of One.Tel denied it. The board of One.Tel met.",
            "He said: \"Go.\" Then he left.",
            "Population 1,000.Total",
            "solving murders...I think so.",
            "Really?!Yes",
            // Identifiers listed in technical prose.
            "Rules such as thereIs, weasel, tooWordy, cliches are on; fixes are ReplaceWith / InsertAfter(chars).",
            "It uses fastText / n-gram models (jusText) for this.",
        ] {
            assert_silent(&lint(), ok);
        }
    }

    #[test]
    fn allow_option() {
        let l = GluedWords {
            allow: vec!["airBaltic".into()],
        };
        assert!(flagged(&l, "She flew airBaltic to Riga.").is_empty());
    }
}
