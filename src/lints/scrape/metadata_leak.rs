use std::sync::OnceLock;

use regex::Regex;

use crate::declare_lint;
use crate::document::{Document, Scope};
use crate::finding::{Applicability, Edit};
use crate::lint::{BuildCx, Ctx, Lint, RuleInfo};
use crate::source::Span;

declare_lint! {
    /// ## What it does
    ///
    /// Flags field labels and values that a CMS or a scraper leaked into the
    /// text: " date 2025-09-03 Beijing, Sep 3 ..." at the start of an article,
    /// "Published: 2021-03-04", "Updated: 14:02", "author: Jane Doe",
    /// "tags: politics, asia", `og_title = ...`.
    ///
    /// ## Why is this bad?
    ///
    /// Metadata is not part of the article. Left in, it sits before the
    /// dateline or between paragraphs and reads as garbage.
    ///
    /// ## Example
    ///
    /// ```text
    ///  date 2025-09-03 Beijing, Sep 3 (IANS) North Korean leader ...
    /// ```
    ///
    /// Use instead: `Beijing, Sep 3 (IANS) North Korean leader ...`.
    ///
    /// ## Known problems
    ///
    /// Signals, all anchored at the start of a line: (1) a time field name
    /// from the `metadata-fields-*` lexicons of `lints/boilerplate.toml`
    /// ("published", "updated", "datum") followed by a machine-shaped date or
    /// time (ISO date, numeric date, clock time, "10.02 GMT" with its zone,
    /// "3 hours ago", or a written
    /// date when a colon follows the label, the line ends there or another
    /// field follows after a dash or comma: "Published June 10, 2025 —
    /// Updated 5 hours ago"); (2) a text
    /// field name ("author", "tags", "category") with a colon, on a short line;
    /// (3) shapes that no prose has: a lowercase label directly followed by an
    /// ISO date, an identifier-like key (`og:title =`, `author_name =`,
    /// `"datePublished":`, or a key of a metadata namespace before its
    /// value: `og:title Talks resume`, `twitter:card summary`), a field name glued to a value by "=" (`lang=en`,
    /// `date=2021-03-04`), or a line that is only a date-time stamp or only
    /// "Label: date", or such a stamp followed by text fields between bars
    /// ("2024-04-12 10:31:07 | Editor: Li Na", also without bars: "...
    /// 10:31:07 Source: Wire Editor: Li Na"), or short capitalised names
    /// between bars or "·" before stamps, one with its time ("Ana Lopes | Wire | April
    /// 2, 2024 9:42 am", "Ana Lopes, Senior Reporter | Published: 22:14, 19
    /// Aug 2025 | Updated: 9:02, 20 Aug 2025"); (4) a CMS byline of at most
    /// 20 words that ends in a date or time ("By admin | March 3, 2022",
    /// "Posted by newsdesk on 2021-11-02", "By Ana Lopes · Metro Desk · Thu,
    /// 14 Aug 2025 06:12 WAT"). A
    /// Markdown heading is never an identifier key ("# fast_rng: a small
    /// generator" is a title). The
    /// fix deletes the leaked prefix, or the whole line (unsafe for a dated
    /// byline, whose author may be wanted). Fields in the middle of a line,
    /// and bylines without a date ("By Jane Doe"), are not flagged; a written-out date with a capitalised label and running text
    /// after it ("Published 3 July 2020, the report ...") is left alone.
    pub static METADATA_LEAK = {
        name: "metadata-leak",
        family: "scrape",
        severity: Warning,
        status: Preview,
        fix: Some(Applicability::Safe),
        english_only: false,
    };
}

/// Compiled field patterns.
pub struct MetadataLeak {
    /// Time field, optional colon, date/time value.
    time_field: Option<TimeField>,
    /// Text field with a colon.
    text_field: Option<TextField>,
    /// The first words of the time and text field names.
    time_first: FirstWords,
    text_first: FirstWords,
}

/// The first words of field names, lowercased: a line holds a field only
/// when its own first word (see [`first_word`]) is one of them.
#[derive(Default)]
struct FirstWords {
    words: rustc_hash::FxHashSet<String>,
    /// Per first byte (ASCII, lowercased), a bit per length (up to 63) of
    /// the words: most words are ruled out without hashing.
    shapes: Vec<u64>,
    /// A name holds a character that case-folds to ASCII (the Kelvin sign,
    /// the long s): no gate.
    open: bool,
}

impl FirstWords {
    fn of(keys: &[&str]) -> FirstWords {
        let mut f = FirstWords {
            shapes: vec![0; 128],
            ..FirstWords::default()
        };
        for k in keys {
            let w = first_word(k.trim()).to_lowercase();
            f.open |= w.contains(['\u{212a}', '\u{17f}']);
            if let Some(s) = w.bytes().next().and_then(|b| f.shapes.get_mut(usize::from(b))) {
                *s |= 1 << w.len().min(63);
            }
            f.words.insert(w);
        }
        f
    }

    /// Whether `word` may be one of the first words, as the regexes compare
    /// them (case-insensitively; non-ASCII words are left to the regexes).
    fn may_contain(&self, word: &str) -> bool {
        if self.open || !word.is_ascii() {
            return true;
        }
        if let Some(b) = word.bytes().next() {
            let shape = self.shapes.get(usize::from(b.to_ascii_lowercase())).copied().unwrap_or(0);
            if shape & (1 << word.len().min(63)) == 0 {
                return false;
            }
        }
        let mut buf = [0u8; 32];
        let Some(slot) = buf.get_mut(..word.len()) else {
            // Longer than a name: let the regex decide.
            return true;
        };
        slot.copy_from_slice(word.as_bytes());
        slot.make_ascii_lowercase();
        std::str::from_utf8(slot).is_ok_and(|w| self.words.contains(w))
    }
}

/// The first word of a line or field name: up to whitespace or a field
/// separator (`:`, `=`, `|`). A field name in the text ends at one of those.
fn first_word(rest: &str) -> &str {
    let end = rest
        .find(|c: char| c.is_whitespace() || matches!(c, ':' | '=' | '|'))
        .unwrap_or(rest.len());
    rest.get(..end).unwrap_or("")
}

/// Whether `head` holds a digit, ':', '=' or '"' (without an early exit,
/// which lets the loop run on whole vectors).
fn has_field_byte(head: &[u8]) -> bool {
    head.iter().fold(false, |found, &b| {
        found | (b.wrapping_sub(b'0') < 10) | (b == b':') | (b == b'=') | (b == b'"')
    })
}

/// Whether a line (after its leading blanks) may be a date stamp: it starts
/// like a date value (a digit, a day or month name), or a short label and a
/// colon come first.
fn may_be_stamp(rest: &str) -> bool {
    const STARTS: [&[u8; 3]; 19] = [
        b"mon", b"tue", b"wed", b"thu", b"fri", b"sat", b"sun", b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep",
        b"oct", b"nov", b"dec",
    ];
    let b = rest.as_bytes();
    let Some(start) = b.get(..3) else {
        return true;
    };
    if !start.is_ascii() || start[0].is_ascii_digit() {
        return true;
    }
    let lower = start.to_ascii_lowercase();
    // A label is at most 25 characters (100 bytes).
    STARTS.iter().any(|s| s[..] == lower[..]) || b.get(..b.len().min(101)).is_some_and(|h| h.contains(&b':'))
}

/// Whitespace-separated words of a line, counted up to `cap`.
fn words_upto(body: &str, cap: usize) -> usize {
    let bytes = body.as_bytes();
    let mut n = 0;
    let mut in_word = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let (space, width) = match b {
            b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' => (true, 1),
            // Lead bytes of the other whitespace characters.
            0xC2 | 0xE1 | 0xE2 | 0xE3 => match body.get(i..).and_then(|t| t.chars().next()) {
                Some(c) => (c.is_whitespace(), c.len_utf8()),
                None => (false, 1),
            },
            _ => (false, 1),
        };
        if !space && !in_word {
            n += 1;
            if n >= cap {
                return cap;
            }
        }
        in_word = !space;
        i += width;
    }
    n
}

impl Default for MetadataLeak {
    fn default() -> Self {
        MetadataLeak::from_fields(&[])
    }
}

const MONTHS: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

/// A regex over dates in two forms: with ASCII digits (quick to compile),
/// and as written, with Unicode digits (`\d`), compiled on first need. On a
/// text without other digits than ASCII ones the two agree.
struct Dated {
    ascii: Regex,
    unicode: String,
    compiled: OnceLock<Option<Regex>>,
}

impl Dated {
    /// `pattern` with `{d}` where a digit class goes.
    fn new(pattern: &str) -> Option<Dated> {
        Some(Dated {
            ascii: Regex::new(&pattern.replace("{d}", "[0-9]")).ok()?,
            unicode: pattern.replace("{d}", r"\d"),
            compiled: OnceLock::new(),
        })
    }

    /// The form to run on `text`.
    fn on(&self, text: &str) -> Option<&Regex> {
        let other_digits = !text.is_ascii() && text.chars().any(|c| !c.is_ascii() && c.is_numeric());
        if other_digits {
            self.compiled.get_or_init(|| Regex::new(&self.unicode).ok()).as_ref()
        } else {
            Some(&self.ascii)
        }
    }
}

/// A date or time value as CMSs print it. Group `iso` marks machine shapes.
/// Digits are `{d}` (see [`Dated`]).
fn date_value_with_digits() -> String {
    date_value().replace(r"\d", "{d}")
}

/// An ISO date (and time), digits as `{d}`.
const ISO: &str = r"{d}{4}-{d}{2}-{d}{2}(?:[T ]{d}{2}:{d}{2}(?::{d}{2}(?:\.{d}+)?)?(?:Z|[+-]{d}{2}:?{d}{2})?)?";

/// A date or time value as CMSs print it. Group `iso` marks machine shapes.
fn date_value() -> String {
    let time = r"(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\d{1,2}\.\d{2}(?:\s*[ap]\.?m\.?|\s+(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|AEST|AEDT)\b))(?:\s+(?:[A-Z]{2,4}|UTC[+-]?\d*|GMT[+-]?\d*))?";
    let iso = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?";
    let numeric = format!(r"\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}(?:,?\s+(?:at\s+)?{time})?");
    let written = format!(
        r"(?:{time},?\s+)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTHS},?\s+\d{{4}})(?:(?:,?\s+(?:at\s+)?|\s+[-–—|·•]\s+)(?:{time}))?"
    );
    let ago = r"\d+\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago";
    format!(r"(?:(?P<iso>{iso}|{numeric}|{time}|{ago})|(?P<written>{written}))")
}

/// Field names as the regex alternation `(?i)(?:{alternation})` matches
/// them at the start of a line, matched by hand (compiling the alternation
/// costs more than many documents).
struct Names {
    /// The names (trimmed), in the order of the alternation; `None` when a
    /// name holds a character whose case folding is not simple (see
    /// [`fold`]), two spaces in a row or other whitespace, or is empty:
    /// then the regex decides.
    by_hand: Option<Vec<String>>,
}

impl Names {
    fn of(keys: &[&str]) -> Names {
        let mut keys: Vec<(String, &str)> = keys.iter().map(|k| (escaped(k), k.trim())).collect();
        keys.sort_by_key(|(e, _)| std::cmp::Reverse(e.len()));
        let simple = keys
            .iter()
            .all(|(_, k)| !k.is_empty() && !k.contains("  ") && k.chars().all(|c| c == ' ' || (!c.is_whitespace() && fold(c).is_some())));
        Names {
            by_hand: simple.then(|| keys.into_iter().map(|(_, k)| k.to_string()).collect()),
        }
    }
}

/// The case folding of a character that the regex `(?i)` applies, for the
/// characters whose folding orbit is known here: ASCII and Latin-1 letters
/// (upper and lower case; the Kelvin sign folds with `k`, the long s with
/// `s`), digits, ASCII punctuation and the other characters of Latin-1
/// that fold with nothing. `None` for others (`µ`, `ß`, `å`, `ÿ` and all
/// beyond Latin-1 have larger orbits).
fn fold(c: char) -> Option<char> {
    match c {
        'A'..='Z' => Some(c.to_ascii_lowercase()),
        '\u{212a}' => Some('k'),
        '\u{17f}' => Some('s'),
        '\u{b5}' | '\u{c5}' | '\u{e5}' | '\u{df}' | '\u{ff}' => None,
        '\u{c0}'..='\u{de}' if c != '\u{d7}' => char::from_u32(u32::from(c) + 0x20),
        '\0'..='\u{fe}' => Some(c),
        _ => None,
    }
}

/// The length of the match of field name `key` (see [`Names::by_hand`]) at
/// the start of `text`: its characters case-insensitively, each space as
/// `\s+`.
fn name_len(key: &str, text: &str) -> Option<usize> {
    let mut t = text.char_indices().peekable();
    for k in key.chars() {
        if k == ' ' {
            // `\s+` (a name has no two spaces in a row, and no space at
            // either end: the run ends before a character of the name).
            t.next_if(|&(_, c)| c.is_whitespace())?;
            while t.next_if(|&(_, c)| c.is_whitespace()).is_some() {}
            continue;
        }
        let (_, c) = t.next()?;
        if c != k && (fold(c).is_none() || fold(c) != fold(k)) {
            return None;
        }
    }
    Some(t.peek().map_or(text.len(), |&(i, _)| i))
}

/// The leading `[ \t]*` of a line.
fn lead_len(body: &str) -> usize {
    body.len() - body.trim_start_matches([' ', '\t']).len()
}

/// Time field names and the pattern of their value.
struct TimeField {
    names: Names,
    /// With names matched by hand, the value after a name (anchored at
    /// its end); else the whole field.
    pattern: String,
    /// Compiled on first need (most runs never need it).
    compiled: OnceLock<Option<Dated>>,
}

/// A time field at the start of a line: the field's end, the name, the
/// colon and whether the value is machine-shaped.
struct TimeMatch<'a> {
    end: usize,
    key: &'a str,
    colon: bool,
    machine: bool,
}

impl TimeField {
    fn find<'a>(&self, body: &'a str) -> Option<TimeMatch<'a>> {
        let regex = || self.compiled.get_or_init(|| Dated::new(&self.pattern)).as_ref()?.on(body);
        let colon = |m: &regex::Captures| m.name("colon").is_some_and(|c| !c.as_str().trim().is_empty());
        let Some(names) = &self.names.by_hand else {
            let m = regex()?.captures(body)?;
            return Some(TimeMatch {
                end: m.get(0).map_or(0, |x| x.end()),
                key: m.name("key").map_or("", |k| k.as_str()),
                colon: colon(&m),
                machine: m.name("iso").is_some(),
            });
        };
        // Digits other than ASCII ones take the Unicode form of the regex
        // (see `Dated::on`), which the value is left to.
        let ascii_digits = body.is_ascii() || !body.chars().any(|c| !c.is_ascii() && c.is_numeric());
        // The first name of the alternation that the value follows.
        let lead = lead_len(body);
        let rest = body.get(lead..)?;
        names.iter().find_map(|k| {
            let n = name_len(k, rest)?;
            let after = rest.get(n..)?;
            let key = rest.get(..n)?;
            if ascii_digits {
                match iso_value(after) {
                    Value::Iso { end, colon } => {
                        return Some(TimeMatch {
                            end: lead + n + end,
                            key,
                            colon,
                            machine: true,
                        });
                    }
                    Value::None => return None,
                    Value::Other => {}
                }
            }
            let m = regex()?.captures(after)?;
            Some(TimeMatch {
                end: lead + n + m.get(0).map_or(0, |x| x.end()),
                key,
                colon: colon(&m),
                machine: m.name("iso").is_some(),
            })
        })
    }
}

/// What the value regex of a time field (ASCII digits) matches after a
/// name, as far as it is told without the regex.
#[derive(Debug, PartialEq)]
enum Value {
    /// An ISO date (and time) where the regex takes its first way: the
    /// match's end and whether a separator (`:`, `=`, `|`) came before.
    Iso { end: usize, colon: bool },
    /// No way reaches a value start (a digit, or a day or month name).
    None,
    /// Else: the regex decides.
    Other,
}

/// [`Value`] of `(?i)^(?:\s+(?:on|at))?(?P<colon>\s*[:=|]\s*|\s+){value}`
/// on `after`: its ways in the regex's order of preference are "on"/"at"
/// taken or not, then the separator or blanks; each reaches one place
/// where the value must start (a value never starts with a blank).
fn iso_value(after: &str) -> Value {
    let blanks = |i: usize| {
        let t = after.get(i..).unwrap_or("");
        i + (t.len() - t.trim_start().len())
    };
    let mut starts: Vec<(usize, bool)> = Vec::with_capacity(4);
    let ways = |from: usize, starts: &mut Vec<(usize, bool)>| {
        // `\s*[:=|]\s*`
        let k = blanks(from);
        if matches!(after.as_bytes().get(k), Some(b':' | b'=' | b'|')) {
            starts.push((blanks(k + 1), true));
        }
        // `\s+`
        let k = blanks(from);
        if k > from {
            starts.push((k, false));
        }
    };
    let k = blanks(0);
    let word = after.as_bytes().get(k..k + 2);
    if k > 0 && word.is_some_and(|w| w.eq_ignore_ascii_case(b"on") || w.eq_ignore_ascii_case(b"at")) {
        ways(k + 2, &mut starts);
    }
    ways(0, &mut starts);
    let Some(&(first, colon)) = starts.first() else {
        return Value::None;
    };
    if let Some(len) = iso_len(after.get(first..).unwrap_or("")) {
        return Value::Iso { end: first + len, colon };
    }
    if starts.iter().any(|&(at, _)| may_open_value(after.get(at..).unwrap_or(""))) {
        Value::Other
    } else {
        Value::None
    }
}

/// Whether a date value (ASCII digits) may start `text`: a digit, or the
/// first three letters of a day or month name (`(?i)`: with the long s).
fn may_open_value(text: &str) -> bool {
    const STARTS: [&str; 19] = [
        "mon", "tue", "wed", "thu", "fri", "sat", "sun", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    if text.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let mut three = [' '; 3];
    for (slot, c) in three.iter_mut().zip(text.chars()) {
        *slot = fold(c).unwrap_or(c);
    }
    STARTS.iter().any(|s| s.chars().eq(three.iter().copied()))
}

/// The length of the ISO date (and time) the regex (ASCII digits, `(?i)`)
/// takes at the start of `text`:
/// `\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`,
/// each optional part taken when it matches (nothing follows the value).
fn iso_len(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let digits = |at: usize, n: usize| b.get(at..at + n).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let byte = |at: usize, set: &[u8]| b.get(at).is_some_and(|c| set.contains(c));
    if !(digits(0, 4) && byte(4, b"-") && digits(5, 2) && byte(7, b"-") && digits(8, 2)) {
        return None;
    }
    let date = 10;
    if !(byte(date, b"Tt ") && digits(date + 1, 2) && byte(date + 3, b":") && digits(date + 4, 2)) {
        return Some(date);
    }
    let mut end = date + 6;
    if byte(end, b":") && digits(end + 1, 2) {
        end += 3;
        if byte(end, b".") && digits(end + 1, 1) {
            end += 1;
            while digits(end, 1) {
                end += 1;
            }
        }
    }
    if byte(end, b"Zz") {
        end += 1;
    } else if byte(end, b"+-") && digits(end + 1, 2) {
        if byte(end + 3, b":") && digits(end + 4, 2) {
            end += 6;
        } else if digits(end + 3, 2) {
            end += 5;
        }
    }
    Some(end)
}

/// Text field names: `(?i)^[ \t]*(?:{names})\s*:\s*\S`.
struct TextField {
    names: Names,
    /// The regex, compiled on first need, when the names need it.
    pattern: String,
    compiled: OnceLock<Option<Regex>>,
}

impl TextField {
    fn is_match(&self, body: &str) -> bool {
        let Some(names) = &self.names.by_hand else {
            return self
                .compiled
                .get_or_init(|| Regex::new(&self.pattern).ok())
                .as_ref()
                .is_some_and(|r| r.is_match(body));
        };
        let rest = body.get(lead_len(body)..).unwrap_or("");
        names.iter().any(|k| {
            name_len(k, rest).is_some_and(|n| {
                // `\s*:\s*\S`
                let after = rest.get(n..).unwrap_or("").trim_start();
                after
                    .strip_prefix(':')
                    .is_some_and(|v| v.trim_start().chars().next().is_some_and(|c| !c.is_whitespace()))
            })
        })
    }
}

/// A field name in the alternation: escaped, each space as `\s+`.
fn escaped(key: &str) -> String {
    regex::escape(key.trim()).replace(' ', r"\s+")
}

fn alternation(keys: &[&str]) -> String {
    let mut keys: Vec<String> = keys.iter().map(|k| escaped(k)).collect();
    keys.sort_by_key(|k| std::cmp::Reverse(k.len()));
    keys.join("|")
}

impl MetadataLeak {
    /// `fields`: (name, class) with class "time" or "text".
    pub fn from_fields(fields: &[(String, String)]) -> MetadataLeak {
        let time: Vec<&str> = fields.iter().filter(|(_, c)| c == "time").map(|(k, _)| k.as_str()).collect();
        let text: Vec<&str> = fields.iter().filter(|(_, c)| c == "text").map(|(k, _)| k.as_str()).collect();
        let dv = date_value_with_digits();
        let time_field = (!time.is_empty()).then(|| {
            let names = Names::of(&time);
            let pattern = if names.by_hand.is_some() {
                // The value after a name matched by hand.
                format!(r"(?i)^(?:\s+(?:on|at))?(?P<colon>\s*[:=|]\s*|\s+){dv}")
            } else {
                // Escaped names hold no `{d}`.
                let keys = alternation(&time);
                format!(r"(?i)^[ \t]*(?P<key>{keys})(?:\s+(?:on|at))?(?P<colon>\s*[:=|]\s*|\s+){dv}")
            };
            TimeField {
                names,
                pattern,
                compiled: OnceLock::new(),
            }
        });
        let text_field = (!text.is_empty()).then(|| TextField {
            names: Names::of(&text),
            pattern: format!(r"(?i)^[ \t]*(?:{})\s*:\s*\S", alternation(&text)),
            compiled: OnceLock::new(),
        });
        MetadataLeak {
            time_field,
            text_field,
            time_first: FirstWords::of(&time),
            text_first: FirstWords::of(&text),
        }
    }

    pub fn build(cx: &BuildCx) -> Result<Box<dyn Lint>, String> {
        if let Some(key) = cx.options.keys().next() {
            return Err(format!("unknown option `{key}` (this lint has no options)"));
        }
        let mut fields = Vec::new();
        for lex in cx.lexicons_for(METADATA_LEAK.name) {
            for (k, v) in &lex.pairs {
                if v != "time" && v != "text" {
                    return Err(format!(
                        "{}: rule `{}`: field class must be \"time\" or \"text\", not {v:?}",
                        lex.origin, lex.rule
                    ));
                }
                fields.push((k.clone(), v.clone()));
            }
        }
        Ok(Box::new(MetadataLeak::from_fields(&fields)))
    }

    #[cfg(test)]
    fn builtin() -> MetadataLeak {
        let mut fields = Vec::new();
        for lex in crate::pack::builtin_lexicons().iter().filter(|l| l.lint == METADATA_LEAK.name) {
            fields.extend(lex.pairs.iter().cloned());
        }
        MetadataLeak::from_fields(&fields)
    }
}

/// The line shapes, each compiled on first need (most documents need none
/// of them, and compiling costs more than a document).
struct Shapes;

fn never() -> Regex {
    Regex::new("$^").unwrap_or_else(|_| unreachable!())
}

fn dated(p: &str) -> Dated {
    Dated::new(p).unwrap_or_else(|| Dated {
        ascii: never(),
        unicode: "$^".to_string(),
        compiled: OnceLock::new(),
    })
}

impl Shapes {
    /// A lowercase label directly followed by an ISO date: " date 2025-09-03".
    fn lower_iso(&self) -> &'static Dated {
        static R: OnceLock<Dated> = OnceLock::new();
        R.get_or_init(|| dated(&format!(r"^[ \t]*[a-z][a-z_]{{1,20}}\s*[:=]?\s*{ISO}\b")))
    }

    /// Identifier keys: `og:title`, `author_name =`, `"datePublished":`,
    /// and keys of the well-known metadata namespaces followed by their
    /// value (`og:title Harbour vote`, `twitter:card summary`).
    fn ident_key(&self) -> &'static Regex {
        static R: OnceLock<Regex> = OnceLock::new();
        R.get_or_init(|| {
            Regex::new(r#"^[ \t]*(?:"[A-Za-z_][\w.:-]*"\s*:\s*\S|[a-z][a-z0-9]*(?:[_.:][a-z0-9]+|[A-Z][a-z0-9]+)+\s*[:=]\s*\S|(?:og|twitter|article|dc|dcterms|fb|itemprop):[a-z_:]+\s+\S)"#)
                .unwrap_or_else(|_| never())
        })
    }

    /// A line that is only a date-time stamp (see `lone_stamp`).
    fn stamp(&self) -> &'static Dated {
        static R: OnceLock<Dated> = OnceLock::new();
        R.get_or_init(|| dated(&format!(r"(?i)^[ \t]*{}\s*$", date_value_with_digits())))
    }

    /// A byline that ends in a date: "By admin | March 3, 2022", "Posted by
    /// newsdesk on 2021-11-02", "By Jane Doe, 4 June 2023, 10:31".
    fn dated_byline(&self) -> &'static Dated {
        static R: OnceLock<Dated> = OnceLock::new();
        R.get_or_init(|| {
            dated(&format!(
                r"(?i)^[ \t]*(?:(?:{})\s+)?by\s+[^\s|][^\n]*?(?:\s*[|·•–—]\s*|,\s*|\s+-\s+|\s+on\s+|\s+at\s+)(?:(?:posted|published|updated|last\s+updated)(?:\s+on)?\s*:?\s*)?{}\s*$",
                BYLINE_VERBS.join("|"),
                date_value_with_digits()
            ))
        })
    }

    /// The label of "Label: date": a letter, then letters and spaces.
    fn stamp_label(&self) -> &'static Regex {
        static R: OnceLock<Regex> = OnceLock::new();
        R.get_or_init(|| Regex::new(r"(?i)^[\p{L}][\p{L} ]*$").unwrap_or_else(|_| never()))
    }
}

/// Verbs of a CMS byline: "Posted by", "Written by".
const BYLINE_VERBS: &[&str] = &["posted", "published", "written", "submitted", "created", "updated", "filed"];

/// Whether a line (after its leading blanks) may be a byline: "By ...", or
/// a byline verb and "by".
fn may_be_byline(rest: &str) -> bool {
    let mut words = rest.split([' ', '\t']).filter(|w| !w.is_empty());
    let Some(first) = words.next() else { return false };
    first.eq_ignore_ascii_case("by")
        || (BYLINE_VERBS.iter().any(|v| first.eq_ignore_ascii_case(v)) && words.next().is_some_and(|w| w.eq_ignore_ascii_case("by")))
}

/// A line that is only a date-time stamp, or "Label: date" with a label of
/// at most 25 letters and spaces, and with a machine-shaped date or a colon:
/// the regex `(?i)^[ \t]*(?:[\p{L}][\p{L} ]{0,24}:\s*)?{date}\s*$`, run
/// as two small ones (the counted letter class is slow to compile).
fn lone_stamp(shapes: &Shapes, body: &str) -> bool {
    if !has_digit(body) {
        return false;
    }
    let Some(colon) = body.find(':') else {
        // No label: the date alone, machine-shaped.
        return may_start_date(body)
            && shapes
                .stamp()
                .on(body)
                .and_then(|r| r.captures(body))
                .is_some_and(|c| c.name("iso").is_some());
    };
    if may_start_date(body) && shapes.stamp().on(body).is_some_and(|r| r.is_match(body)) {
        return true;
    }
    // The label holds no colon: it ends at the first one.
    let rest = body.trim_start_matches([' ', '\t']);
    let label = rest.get(..rest.find(':').unwrap_or(0)).unwrap_or("");
    let value = body.get(colon + 1..).unwrap_or("").trim_start();
    label.chars().count() <= 25
        && stamp_label(shapes, label)
        && may_start_date(value)
        && shapes.stamp().on(value).is_some_and(|r| r.is_match(value))
}

/// Whether `text` may hold a date value: every one holds a digit (an ASCII
/// one, or with the Unicode form of a regex, see [`Dated::on`], a numeric
/// character).
fn has_digit(text: &str) -> bool {
    if text.is_ascii() {
        text.bytes().any(|b| b.is_ascii_digit())
    } else {
        text.chars().any(char::is_numeric)
    }
}

/// Whether a date value may start after the leading blanks of `text`: every
/// one starts with a digit or a day or month name (letters, or the
/// characters that case-fold to them), so with a letter or a digit.
fn may_start_date(text: &str) -> bool {
    text.trim_start_matches([' ', '\t'])
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric)
}

/// Whether `label` is a letter, then letters and spaces (`stamp_label`; an
/// ASCII label without the regex).
fn stamp_label(shapes: &Shapes, label: &str) -> bool {
    if !label.is_ascii() {
        return shapes.stamp_label().is_match(label);
    }
    let b = label.as_bytes();
    b.first().is_some_and(u8::is_ascii_alphabetic) && b.iter().all(|&c| c.is_ascii_alphabetic() || c == b' ')
}

/// Whether a line (after its leading blanks) may start with an identifier
/// key (`ident_key`): a quote and a letter or `_`, or a lowercase letter
/// whose run of lowercase letters and digits goes on with `_`, `.`, `:` or
/// a capital.
fn may_be_ident_key(rest: &str) -> bool {
    let b = rest.as_bytes();
    match b.first() {
        Some(b'"') => b.get(1).is_some_and(|&c| c.is_ascii_alphabetic() || c == b'_'),
        Some(c) if c.is_ascii_lowercase() => {
            let run = b.iter().take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit()).count();
            // (One lowercase letter before a capital is a brand, not a
            // camel-case key: "uClibc:", "iPhone:", "eBay:".)
            b.get(run)
                .is_some_and(|&c| matches!(c, b'_' | b'.' | b':') || (c.is_ascii_uppercase() && run >= 2))
        }
        _ => false,
    }
}

/// Namespaces of page metadata keys (Open Graph, Twitter cards, Dublin
/// Core...): `og:title` followed by its value is a leaked field.
const METADATA_NAMESPACES: &[&str] = &["og", "twitter", "article", "dc", "dcterms", "fb", "itemprop"];

/// The `ident_key` regex: by hand on ASCII text (compiling the regex costs
/// more than many documents), by the regex otherwise.
fn ident_key(shapes: &Shapes, body: &str) -> bool {
    if !body.is_ascii() {
        return shapes.ident_key().is_match(body);
    }
    let b = body.as_bytes();
    let space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r');
    let skip = |mut i: usize, f: &dyn Fn(u8) -> bool| {
        while b.get(i).is_some_and(|&c| f(c)) {
            i += 1;
        }
        i
    };
    // `\s*` then one of `seps`, `\s*` and a non-space.
    let value_at = |i: usize, seps: &[u8]| {
        let k = skip(i, &space);
        b.get(k).is_some_and(|c| seps.contains(c)) && b.get(skip(k + 1, &space)).is_some_and(|&c| !space(c))
    };
    let lower_digit = |c: u8| c.is_ascii_lowercase() || c.is_ascii_digit();
    let i = skip(0, &|c| c == b' ' || c == b'\t');
    // `(?:og|twitter|...):[a-z_:]+\s+\S`
    let namespaced = METADATA_NAMESPACES.iter().any(|ns| {
        let j = i + ns.len() + 1;
        let head = b.get(i..i + ns.len()) == Some(ns.as_bytes()) && b.get(j - 1) == Some(&b':');
        let k = skip(j, &|c| c.is_ascii_lowercase() || c == b'_' || c == b':');
        head && k > j && b.get(k).is_some_and(|&c| space(c)) && b.get(skip(k, &space)).is_some_and(|&c| !space(c))
    });
    if namespaced {
        return true;
    }
    match b.get(i) {
        // `"[A-Za-z_][\w.:-]*"\s*:\s*\S`
        Some(b'"') => {
            if !b.get(i + 1).is_some_and(|&c| c.is_ascii_alphabetic() || c == b'_') {
                return false;
            }
            let k = skip(i + 2, &|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b':' | b'-'));
            b.get(k) == Some(&b'"') && value_at(k + 1, b":")
        }
        // `[a-z][a-z0-9]*(?:[_.:][a-z0-9]+|[A-Z][a-z0-9]+)+\s*[:=]\s*\S`: runs
        // of lowercase letters and digits are taken whole (a shorter one
        // leaves one of them next, which nothing after it accepts).
        Some(c) if c.is_ascii_lowercase() => {
            let mut k = skip(i + 1, &lower_digit);
            let mut parts = 0;
            loop {
                if parts > 0 && value_at(k, b":=") {
                    return true;
                }
                let Some(&c) = b.get(k) else { return false };
                if !(matches!(c, b'_' | b'.' | b':') || c.is_ascii_uppercase()) {
                    return false;
                }
                let end = skip(k + 1, &lower_digit);
                if end == k + 1 {
                    return false;
                }
                k = end;
                parts += 1;
            }
        }
        _ => false,
    }
}

/// Whether a line may hold an ISO date (`lower_iso`): four ASCII digits and
/// a dash, unless the text has other digits.
fn may_hold_iso(rest: &str) -> bool {
    if !rest.contains('-') {
        return false;
    }
    if !rest.is_ascii() {
        return true;
    }
    let b = rest.as_bytes();
    b.windows(5).any(|w| w[4] == b'-' && w[..4].iter().all(u8::is_ascii_digit))
}

fn shapes() -> &'static Shapes {
    &Shapes
}

impl Lint for MetadataLeak {
    fn rules(&self) -> Vec<RuleInfo> {
        vec![RuleInfo::from(&METADATA_LEAK)]
    }

    fn check(&self, doc: &Document, cx: &mut Ctx) {
        let shapes = shapes();
        for block in &doc.blocks {
            if matches!(block.scope, Scope::TableCell | Scope::Caption) {
                continue;
            }
            // Each line of the block (plain text: the block is one line).
            let mut pos = block.span.start;
            let text = doc.prose.get(block.span.range()).unwrap_or("");
            for line in crate::source::lines_inclusive(text) {
                let start = pos;
                pos += line.len();
                let body = line.trim_end();
                if body.trim().is_empty() {
                    continue;
                }
                let heading = matches!(block.scope, Scope::Heading(_));
                self.check_line(doc, shapes, Span::new(start, start + body.len()), body, heading, cx);
            }
        }
    }
}

impl MetadataLeak {
    /// `heading`: a Markdown heading, whose "name: what it is" shape is the
    /// author's title ("# fastrand: a small random number generator"), not a
    /// key and value.
    fn check_line(&self, doc: &Document, shapes: &Shapes, line: Span, body: &str, heading: bool, cx: &mut Ctx) {
        // A field needs a digit, a colon, an equals sign or a quote near the
        // start.
        // (A byline's date may come later: "By Ana Lopes · Metro Desk · Thu,
        // 14 Aug 2025 06:12".)
        let head = body.as_bytes().get(..body.len().min(48)).unwrap_or(&[]);
        let rest = body.trim_start_matches([' ', '\t']);
        // ("By", or a byline verb: "posted", "published", "written",
        // "submitted", "created", "updated", "filed".)
        let byline_letter = || {
            matches!(
                rest.as_bytes().first().map(|b| b | 0x20),
                Some(b'b' | b'p' | b'w' | b's' | b'c' | b'u' | b'f')
            )
        };
        if !(has_field_byte(head) || byline_letter() && may_be_byline(rest) && has_digit(body)) {
            return;
        }
        // Every shape starts right after the leading blanks: a field name, a
        // lowercase key, a quoted key, or (a short line) a date stamp.
        let first = first_word(rest);
        let time_name = self.time_first.may_contain(first);
        let text_name = self.text_first.may_contain(first);
        let lower_start = rest.starts_with(|c: char| c.is_ascii_lowercase());
        let mut counted = None;
        // Word counts matter up to 20.
        let mut words = || *counted.get_or_insert_with(|| words_upto(body, 21));
        let stamp = may_be_stamp(rest);
        let byline = may_be_byline(rest);
        if !time_name && !text_name && !lower_start && !rest.starts_with('"') && !stamp && !byline {
            return;
        }
        let lead = body.len() - body.trim_start().len();
        let content = Span::new(line.start + lead, line.end);

        if let Some(TimeMatch { end, key, colon, machine }) = self
            .time_field
            .as_ref()
            // Every date value holds a digit (an ASCII one, unless the text
            // has other digits).
            .filter(|_| time_name && has_digit(body))
            .and_then(|f| f.find(body))
        {
            let rest = body.get(end..).unwrap_or("").trim();
            let lower = key.starts_with(|c: char| c.is_lowercase());
            // Another field after a dash or a comma: "Published June 10,
            // 2025 — Updated 5 hours ago", "Updated June 11 2025 - 4:30pm,
            // first published 2:15pm".
            let chained = rest.starts_with(['-', '–', '—', '|', '·', ',']) && {
                let next = rest.trim_start_matches(['-', '–', '—', '|', '·', ',', ' ']);
                let word = first_word(next).to_lowercase();
                (self.time_first.may_contain(&word) && self.time_first.words.contains(&word)) || word == "first" || word == "last"
            };
            if colon || rest.is_empty() || machine || lower || (chained && words() <= 16) {
                self.report_prefix(
                    doc,
                    line,
                    lead,
                    end,
                    rest.is_empty() || chained,
                    &format!("leaked '{}' field", key.to_lowercase()),
                    cx,
                );
                return;
            }
        }
        // `lang=en`, `date=2021-03-04`: a field name, an equals sign and a
        // value without blanks, as in a query string or a config file.
        if (time_name || text_name) && rest.as_bytes().get(first.len()) == Some(&b'=') {
            let value = rest.get(first.len() + 1..).unwrap_or("");
            let len = value.find(char::is_whitespace).unwrap_or(value.len());
            let lower = first.to_lowercase();
            if len > 0 && (self.time_first.words.contains(&lower) || self.text_first.words.contains(&lower)) {
                let end = lead + first.len() + 1 + len;
                let whole = value.get(len..).is_none_or(|r| r.trim().is_empty());
                self.report_prefix(doc, line, lead, end, whole, &format!("leaked '{lower}' field"), cx);
                return;
            }
        }
        if text_name
            && words() <= 12
            && self.text_field.as_ref().is_some_and(|f| f.is_match(body))
            && !body.trim_end().ends_with(['.', '!', '?'])
        {
            let key = body.trim_start().split(':').next().unwrap_or("").trim().to_lowercase();
            report_line(doc, content, &format!("leaked '{key}' field"), cx);
            return;
        }
        // An ISO date has dashes.
        if lower_start && may_hold_iso(rest) {
            if let Some(m) = shapes.lower_iso().on(body).and_then(|r| r.find(body)) {
                let rest = body.get(m.end()..).unwrap_or("").trim();
                self.report_prefix(doc, line, lead, m.end(), rest.is_empty(), "leaked date field", cx);
                return;
            }
        }
        if !heading && may_be_ident_key(rest) && (rest.contains(':') || rest.contains('=')) && words() <= 20 && ident_key(shapes, body) {
            report_line(doc, content, "leaked key/value field", cx);
            return;
        }
        if stamp && words() <= 8 && lone_stamp(shapes, body) {
            report_line(doc, content, "leaked date stamp", cx);
            return;
        }
        // A stamp and fields between bars: "2024-04-12 10:31:07 | Editor: Li
        // Na"; or after the stamp with their labels only: "... 16:45:12
        // Source: Wire Editor: Li Na".
        if stamp && (body.contains(['|', '·']) || body.contains(": ")) && words() <= 20 && self.stamp_and_fields(shapes, body) {
            report_line(doc, content, "leaked date stamp and fields", cx);
            return;
        }
        if byline && words() <= 20 && has_digit(body) && shapes.dated_byline().on(body).is_some_and(|r| r.is_match(body)) {
            // The author may be wanted: the deletion is unsafe.
            let del = super::line_deletion(doc, content);
            cx.report(content, "leaked byline and date stamp".to_string())
                .fix_edits(
                    vec![Edit {
                        span: del,
                        replacement: String::new(),
                    }],
                    Applicability::Unsafe,
                )
                .help("remove the CMS byline line, or keep only the author's name");
        }
    }

    /// Whether a line is a date stamp and one or more fields, each between
    /// bars: "2024-04-12 10:31:07 | Editor: Li Na | Source: Wire"; or short
    /// capitalised names before a last segment that is a stamp with its
    /// time (a byline and agency): "Ana Lopes | Wire | April 2, 2024 9:42 am".
    fn stamp_and_fields(&self, shapes: &Shapes, body: &str) -> bool {
        let segs: Vec<&str> = body.split(['|', '·']).map(str::trim).collect();
        // Short capitalised names ("Ana Lopes, Senior Reporter"), then
        // stamps, one with its time.
        let short_name = |s: &str| {
            let words: Vec<&str> = s.split_whitespace().collect();
            (1..=5).contains(&words.len())
                && words.iter().all(|w| {
                    let w = w.strip_suffix(',').unwrap_or(w);
                    w.starts_with(|c: char| c.is_uppercase()) && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
                })
        };
        let names = segs.iter().take_while(|s| short_name(s)).count();
        if let Some(stamps) = segs.get(names..).filter(|rest| names > 0 && !rest.is_empty()) {
            let timed = |s: &str| s.contains(':') || s.bytes().filter(u8::is_ascii_digit).count() >= 8;
            if stamps.iter().any(|s| timed(s)) && stamps.iter().all(|s| lone_stamp(shapes, s)) {
                return true;
            }
        }
        let field = |seg: &str| {
            self.text_first.may_contain(first_word(seg))
                && self.text_field.as_ref().is_some_and(|f| f.is_match(seg))
                && !seg.ends_with(['.', '!', '?'])
        };
        // Without bars: a stamp, then fields each opened by a capitalised
        // one-word label ("2026-05-20 16:45:12 Source: Xinhua Editor: Li Na").
        if let [one] = segs.as_slice() {
            let mut starts = Vec::new();
            let mut at = 0;
            for tok in one.split(' ') {
                let label = tok
                    .strip_suffix(':')
                    .filter(|l| l.len() >= 3 && l.starts_with(|c: char| c.is_uppercase()) && l.chars().all(char::is_alphabetic));
                if label.is_some() {
                    starts.push(at);
                }
                at += tok.len() + 1;
            }
            if let Some(&first) = starts.first() {
                let stamp = one.get(..first).unwrap_or("").trim();
                let fields_ok = starts.iter().enumerate().all(|(k, &s)| {
                    let e = starts.get(k + 1).copied().unwrap_or(one.len());
                    one.get(s..e).is_some_and(|seg| field(seg.trim()))
                });
                if !stamp.is_empty() && lone_stamp(shapes, stamp) && fields_ok {
                    return true;
                }
            }
        }
        let mut segments = segs.iter().copied();
        let first_is_stamp = segments.next().is_some_and(|s| lone_stamp(shapes, s));
        let mut fields = 0;
        for seg in segments {
            if seg.is_empty() || !(lone_stamp(shapes, seg) || field(seg)) {
                return false;
            }
            fields += 1;
        }
        first_is_stamp && fields > 0
    }

    #[allow(clippy::too_many_arguments)]
    fn report_prefix(&self, doc: &Document, line: Span, lead: usize, end: usize, whole: bool, msg: &str, cx: &mut Ctx) {
        let content = Span::new(line.start + lead, line.end);
        if whole {
            report_line(doc, content, msg, cx);
            return;
        }
        // Delete the field and the separator after it.
        let text = doc.prose.get(line.start + end..line.end).unwrap_or("");
        let sep = text.len()
            - text
                .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '|' | '-' | '–' | '—' | '·' | '•'))
                .len();
        let span = Span::new(line.start + lead, line.start + end);
        // Blank before the field (outside the block) goes too.
        let before = doc.source.text.get(..line.start).unwrap_or("");
        let ws = before.len() - before.trim_end_matches([' ', '\t']).len();
        let edit = Span::new(line.start - ws, line.start + end + sep);
        cx.report(span, msg.to_string())
            .fix_edits(
                vec![Edit {
                    span: edit,
                    replacement: String::new(),
                }],
                Applicability::Safe,
            )
            .help("remove the leaked metadata");
    }
}

fn report_line(doc: &Document, content: Span, msg: &str, cx: &mut Ctx) {
    let del = super::line_deletion(doc, content);
    cx.report(content, msg.to_string())
        .fix_edits(
            vec![Edit {
                span: del,
                replacement: String::new(),
            }],
            Applicability::Safe,
        )
        .help("remove the leaked metadata line");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{fixed, flagged};

    #[test]
    fn flags_leaked_date_prefix() {
        let l = MetadataLeak::builtin();
        let t = " date 2025-09-03 Beijing, Sep 3 (IANS) North Korean leader arrived.\n";
        assert_eq!(flagged(&l, t), vec!["date 2025-09-03"]);
        assert_eq!(fixed(&l, t), "Beijing, Sep 3 (IANS) North Korean leader arrived.\n");
    }

    #[test]
    fn flags_bylines_with_separators_and_chained_fields() {
        let l = MetadataLeak::builtin();
        for line in [
            "By Ana Lopes · Metro Desk · Thu, 14 Aug 2025 06:12 WAT",
            "By Ana Lopes and Tomas Berg | Wire Press | Aug 22, 2025, 10:05 AM",
            "Ana Lopes, Senior Reporter | Published: 22:14, 19 Aug 2025 | Updated: 9:02, 20 Aug 2025",
            "Ana Lopes, Wire News | August 12, 2025 4:31pm",
            "Published June 10, 2025 — Updated 5 hours ago",
            "Updated June 11 2025 - 4:30pm, first published 2:15pm",
        ] {
            let t = format!("{line}\n\nThe minister spoke to reporters on Monday about the budget.\n");
            assert_eq!(flagged(&l, &t), vec![line.to_string()], "{line}");
        }
        for line in [
            "By the end of the year, officials said, more than 2,000 homes had been built.",
            "Published 3 July 2020, the report was widely read by officials.",
        ] {
            let t = format!("{line}\n\nThe minister spoke to reporters on Monday about the budget.\n");
            assert!(flagged(&l, &t).is_empty(), "{line}");
        }
    }

    #[test]
    fn flags_query_string_fields() {
        let l = MetadataLeak::builtin();
        let t = "lang=en The governor said more data was needed.\n";
        assert_eq!(flagged(&l, t), vec!["lang=en"]);
        assert_eq!(fixed(&l, t), "The governor said more data was needed.\n");
        assert_eq!(flagged(&l, "The minister spoke.\nauthor=jdoe\n").len(), 1);
        for ok in [
            "The ratio x=5 held.\n",
            "Time = money, he said.\n",
            "language = culture, she wrote.\n",
        ] {
            assert!(flagged(&l, ok).is_empty(), "{ok}");
        }
    }

    #[test]
    fn flags_stamp_and_fields_between_bars() {
        let l = MetadataLeak::builtin();
        let t = "Rail deal signed\n2024-05-02 08:15:40 | Editor: Ana Lopes\n\nThe deal was signed on Monday.\n";
        assert_eq!(flagged(&l, t), vec!["2024-05-02 08:15:40 | Editor: Ana Lopes"]);
        assert_eq!(flagged(&l, "2024-05-02 | Source: Wire | Editor: Ana Lopes\n").len(), 1);
        assert_eq!(flagged(&l, "Ana Lopes | Wire | April 2, 2024 9:42 am\n").len(), 1);
        // Without bars, each field opened by its label.
        assert_eq!(
            flagged(&l, "Rail deal signed\n2024-05-02 08:15:40 Source: Wire Editor: Ana Lopes\n").len(),
            1
        );
        for ok in [
            "2024-05-02 Update: the minister resigned after the vote\n",
            "2024-05-02 Note: rain is expected in the north.\n",
            "Rail | Road | April 2, 2024\n",
            "Ana Lopes | Wire said the deal was signed on April 2, 2024 9:42 am\n",
            "2024-05-02 | Rail deal signed in the capital\n",
            "2024-05-02 | Editor: Ana Lopes said the deal was good.\n",
            "Score: 3-1 | Editor: Ana Lopes\n",
        ] {
            assert!(flagged(&l, ok).is_empty(), "{ok}");
        }
    }

    #[test]
    fn a_markdown_heading_is_no_key_and_value() {
        let l = MetadataLeak::builtin();
        let md = "# fast_rng: a small random number generator\n\nIt is fast.\n";
        assert!(crate::lint::testing::run(&l, md, crate::source::FileKind::Markdown).is_empty());
        let t = "fast_rng: a small random number generator\n";
        assert_eq!(flagged(&l, t).len(), 1);
    }

    #[test]
    fn flags_field_lines() {
        let l = MetadataLeak::builtin();
        for t in [
            "Published: 2021-03-04",
            "Updated: 14:02",
            "Last updated: March 3, 2021 10:02 am",
            "author: Jane Doe",
            "Tags: politics, asia, trade",
            "Updated 3 hours ago",
            "posted on 04/03/2021",
        ] {
            assert_eq!(
                flagged(&l, &format!("The minister spoke on Monday.\n{t}\nShe left.\n")).len(),
                1,
                "{t}"
            );
        }
        assert_eq!(
            fixed(&l, "The minister spoke.\nUpdated: 14:02\nShe left.\n"),
            "The minister spoke.\nShe left.\n"
        );
    }

    #[test]
    fn flags_unseen_shapes() {
        let l = MetadataLeak::builtin();
        for t in [
            "pubstamp 2023-11-02T08:15:00Z Paris (AFP) - The talks resumed.",
            "og:title = Talks resume in Paris",
            "article_section: World",
            "\"datePublished\": \"2023-11-02\"",
            "Erstellt: 02.11.2023 08:15",
            "2023-11-02 08:15",
            "og:title Talks resume in Paris",
            "twitter:card summary_large_image",
            "Last modified on Tue 3 Mar 2026 10.02 GMT",
        ] {
            assert_eq!(flagged(&l, &format!("{t}\nThe talks resumed on Monday.\n")).len(), 1, "{t}");
        }
        for ok in [
            "The og:title tag sets the title of a shared link.",
            "Updated figures put growth at 3.45 per cent.",
            "og: the abbreviation is used in the report.",
        ] {
            assert!(flagged(&l, &format!("{ok}\nThe talks resumed on Monday.\n")).is_empty(), "{ok}");
        }
    }

    #[test]
    fn flags_dated_bylines() {
        let l = MetadataLeak::builtin();
        for t in [
            "By admin | March 3, 2022",
            "Posted by newsdesk on 2021-11-02",
            "By Jane Doe, 4 June 2023, 10:31",
            "Written by Staff Reporter - 12/03/2021",
            "By Ana Ruiz | Updated: 14:02 IST",
        ] {
            assert_eq!(
                flagged(&l, &format!("Talks resume in Paris\n{t}\nThe talks resumed on Monday.\n")),
                vec![t],
                "{t}"
            );
        }
        for t in [
            "By Jane Doe, Staff Reporter",
            "By March 3, 2022, the company had hired 40 people.",
            "By 2030 the plant will run on solar power, the firm said on March 3, 2022.",
            "By the end of the day, prices were up 3% at 14:02.",
            "Posted by a friend, the video spread fast.",
        ] {
            assert!(flagged(&l, &format!("{t}\nThe talks resumed on Monday.\n")).is_empty(), "{t}");
        }
    }

    #[test]
    fn stamp_gate() {
        for t in [
            "2023-11-02",
            "Wednesday, 3 March 2021",
            "MAR 3, 2021",
            "Last updated: 14:02",
            "\u{661}",
            "ab",
            "ſep 3, 2021",
        ] {
            assert!(may_be_stamp(t), "{t}");
        }
        for t in ["The minister spoke on 3 March 2021", "Updated on 3 March"] {
            assert!(!may_be_stamp(t), "{t}");
        }
    }

    #[test]
    fn counts_words() {
        for t in [
            "",
            " a  b\tc ",
            "one",
            "a\u{a0}b c",
            "x\u{3000}y",
            "\x0bq\x0cr",
            "“é”\u{2009}’ü \u{85}x\u{1680}y\u{205f}z\u{2028}",
        ] {
            for cap in [1, 2, 21] {
                assert_eq!(words_upto(t, cap), t.split_whitespace().take(cap).count(), "{t:?} {cap}");
            }
        }
    }

    #[test]
    fn unicode_digits_take_the_unicode_form() {
        let l = MetadataLeak::builtin();
        let t = "Published: \u{662}\u{660}\u{662}\u{661}-\u{660}\u{663}-\u{660}\u{664}\nThe minister spoke.\n";
        assert_eq!(flagged(&l, t).len(), 1);
    }

    #[test]
    fn gates_keep_field_names() {
        let keys = ["date", "Last updated", "og:date", "publié le"];
        let f = FirstWords::of(&keys);
        for w in ["date", "DATE", "last", "Last", "og", "publié", "Publié"] {
            assert!(f.may_contain(w), "{w}");
        }
        for w in ["dated", "lastly", "Beijing", ""] {
            assert!(!f.may_contain(w), "{w}");
        }
        assert_eq!(first_word("Updated: 14:02"), "Updated");
        assert_eq!(first_word("tags=x"), "tags");
        assert_eq!(first_word("date\u{a0}2025"), "date");
        assert!(FirstWords::of(&["\u{212a}ey"]).may_contain("key"));
        assert!(FirstWords::of(&[":x"]).may_contain(""));
    }

    #[test]
    fn ident_key_by_hand_agrees_with_the_regex() {
        let s = shapes();
        let heads = ["", " ", "\t ", "  x"];
        let keys = [
            "og:title",
            "twitter:card",
            "article:published_time",
            "ogg:title",
            "dc:",
            "og:Title",
            "author_name",
            "\"datePublished\"",
            "\"_a.b:c-d\"",
            "\"9a\"",
            "authorName",
            "authorNAME",
            "author",
            "a",
            "a1_b2",
            "a:b:c",
            "a_",
            "a__b",
            "og:",
            "x.y.z",
            "aB",
            "aBc",
            "tags",
            "\"\"",
            "\"a",
            "Og:title",
        ];
        let seps = ["=", " = ", ":", " : ", ": ", "", " ", "\t=", "==", ":="];
        let values = ["x", " x", "", "  ", "Jane", "\u{e9}t\u{e9}", ":", "\n"];
        for h in heads {
            for k in keys {
                for sep in seps {
                    for v in values {
                        let t = format!("{h}{k}{sep}{v}");
                        assert_eq!(ident_key(s, &t), s.ident_key().is_match(&t), "{t:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn lone_stamps() {
        let s = shapes();
        // The single regex that `lone_stamp` splits.
        let single =
            Regex::new(&format!(r"(?i)^[ \t]*(?:[\p{{L}}][\p{{L}} ]{{0,24}}:\s*)?{}\s*$", date_value())).unwrap_or_else(|e| panic!("{e}"));
        let cases = [
            ("2023-11-02 08:15", true),
            ("14:02", true),
            ("Last updated: 14:02", true),
            ("  Heure de Paris : 02/11/2023 ", true),
            ("Zuletzt aktualisiert:\u{a0}3 March 2021", true),
            ("Ünal Straße: 2 hours ago", true),
            ("March 3, 2021", false),
            ("A label that is far too long for one: 14:02", false),
            ("A label of twenty-five ok: 14:02", false),
            ("Abcdefghi klmnopqrst vwxy: 14:02", true),
            ("Abcdefghij klmnopqrst vwxy: 14:02", false),
            ("x1: 14:02", false),
            ("Score: 3-1", false),
            (": 14:02", false),
            ("Date: 14:02: 15:03", false),
            ("Posted: March 3, 2021", true),
            ("14 April 2026 - 09:42", true),
            ("April 14, 2026 | 9:42 am", true),
            ("14 April 2026 - the day it rained", false),
            ("\tTime:14:02 UTC", true),
            ("\u{662}\u{660}\u{662}\u{663}-\u{661}\u{661}-\u{660}\u{662}", true),
            ("Zeit: \u{661}\u{664}:\u{660}\u{662}", true),
        ];
        for (t, want) in cases {
            let old = single.captures(t).is_some_and(|c| c.name("iso").is_some() || t.contains(':'));
            assert_eq!(old, want, "single regex: {t}");
            assert_eq!(lone_stamp(s, t), want, "{t}");
        }
    }

    /// The fields of the built-in lexicon, matched by hand and by the
    /// regex alternation (the fallback).
    fn fields_both_ways() -> Vec<(MetadataLeak, MetadataLeak)> {
        let mut fields = Vec::new();
        for lex in crate::pack::builtin_lexicons().iter().filter(|l| l.lint == METADATA_LEAK.name) {
            fields.extend(lex.pairs.iter().cloned());
        }
        // Extra names: a non-ASCII one with a simple folding, one with a
        // sign that folds with `k`, and one that needs the regex.
        fields.push(("m\u{e9}ta k\u{e9}y".to_string(), "time".to_string()));
        fields.push(("\u{212a}ey".to_string(), "text".to_string()));
        let hand = MetadataLeak::from_fields(&fields);
        let mut regex = MetadataLeak::from_fields(&fields);
        for f in regex.time_field.iter_mut() {
            f.names.by_hand = None;
            let keys: Vec<&str> = fields.iter().filter(|(_, c)| c == "time").map(|(k, _)| k.as_str()).collect();
            f.pattern = format!(
                r"(?i)^[ \t]*(?P<key>{})(?:\s+(?:on|at))?(?P<colon>\s*[:=|]\s*|\s+){}",
                alternation(&keys),
                date_value_with_digits()
            );
        }
        for f in regex.text_field.iter_mut() {
            f.names.by_hand = None;
        }
        let greek = MetadataLeak::from_fields(&[
            ("\u{3c3}ort".to_string(), "text".to_string()),
            ("stra\u{df}e".to_string(), "time".to_string()),
        ]);
        assert!(greek.text_field.as_ref().is_some_and(|f| f.names.by_hand.is_none()));
        assert!(greek.time_field.as_ref().is_some_and(|f| f.names.by_hand.is_none()));
        vec![(hand, regex)]
    }

    #[test]
    fn names_by_hand_agree_with_the_alternation() {
        let pairs = fields_both_ways();
        let (hand, regex) = &pairs[0];
        let mut names: Vec<String> = Vec::new();
        for lex in crate::pack::builtin_lexicons().iter().filter(|l| l.lint == METADATA_LEAK.name) {
            names.extend(lex.pairs.iter().map(|(k, _)| k.clone()));
        }
        names.extend(
            [
                "m\u{e9}ta k\u{e9}y",
                "M\u{c9}TA\tK\u{c9}Y",
                "\u{212a}ey",
                "key",
                "dat",
                "dates",
                "Published On",
                "x",
            ]
            .map(String::from),
        );
        let mut spellings = Vec::new();
        for n in &names {
            spellings.push(n.clone());
            spellings.push(n.to_uppercase());
            spellings.push(n.replace('k', "\u{212a}").replace('s', "\u{17f}"));
            spellings.push(n.replace(' ', "\u{a0} "));
            spellings.push(n.replace(' ', ""));
            spellings.push(n.replace('e', "\u{e9}"));
        }
        let heads = ["", " ", "\t "];
        let seps = ["", ":", " :", " on", " at:", "=", "|", " - ", "\u{2003}", ": "];
        let values = [
            "2021-03-04",
            " 14:02",
            " March 3, 2021",
            " 3 hours ago",
            " x",
            "",
            " on 3 March 2021 at 10:02 am",
            " \u{662}\u{660}\u{662}\u{661}-\u{660}\u{663}-\u{660}\u{664}",
            " jane doe",
            "2021-03-04T08:15:00.123+05:30 x",
            " 2021-03-04t08:15Z",
            " 2021-03-04 08:1",
            " 2021-03-04 08:15:0+0530",
            " 2021-03-04T08:15-05:3",
            " 12021-03-04",
            " 2021-3-04",
            "line 2021-03-04",
            " \u{17f}ep 3, 2021",
            " Mon, 3 March 2021",
            " 3 June 2021 2021-03-04",
        ];
        let (mut checked, mut matched) = (0, [0, 0]);
        for h in heads {
            for n in &spellings {
                for sep in seps {
                    for v in values {
                        let t = format!("{h}{n}{sep}{v}");
                        let a = hand
                            .time_field
                            .as_ref()
                            .and_then(|f| f.find(&t))
                            .map(|m| (m.end, m.key, m.colon, m.machine));
                        let b = regex
                            .time_field
                            .as_ref()
                            .and_then(|f| f.find(&t))
                            .map(|m| (m.end, m.key, m.colon, m.machine));
                        assert_eq!(a, b, "{t:?}");
                        matched[0] += usize::from(a.is_some());
                        let a = hand.text_field.as_ref().is_some_and(|f| f.is_match(&t));
                        let b = regex.text_field.as_ref().is_some_and(|f| f.is_match(&t));
                        assert_eq!(a, b, "{t:?}");
                        matched[1] += usize::from(a);
                        checked += 1;
                    }
                }
            }
        }
        assert!(
            checked > 10_000 && matched[0] > 1_000 && matched[1] > 1_000,
            "{checked} {matched:?}"
        );
    }

    #[test]
    fn iso_values_by_hand_agree_with_the_regex() {
        let tail = Regex::new(&format!(
            r"(?i)^(?:\s+(?:on|at))?(?P<colon>\s*[:=|]\s*|\s+){}",
            date_value_with_digits().replace("{d}", "[0-9]")
        ))
        .unwrap_or_else(|e| panic!("{e}"));
        let pre = [
            "", " ", "  ", ":", " : ", "=", "|", " on ", " AT: ", " on", " onx ", "\u{a0}", " -- ", "x",
        ];
        let values = [
            "2021-03-04",
            "2021-03-04T08:15",
            "2021-03-04 08:15:07.5Z",
            "2021-03-04T08:15:07.z",
            "2021-03-04T08:15+0530",
            "2021-03-04T08:15+05:30",
            "2021-03-04T08:15+05:3",
            "2021-03-04T8:15",
            "2021-03-4",
            "14:02",
            "3 hours ago",
            "March 3, 2021",
            "\u{17f}at, 3 March 2021",
            "Mon 2021-03-04",
            "hello",
            "",
        ];
        let mut fast = 0;
        for p in pre {
            for v in values {
                let t = format!("{p}{v}");
                let m = tail.captures(&t);
                match iso_value(&t) {
                    Value::Iso { end, colon } => {
                        fast += 1;
                        let m = m.unwrap_or_else(|| panic!("{t:?}"));
                        assert!(m.name("iso").is_some(), "{t:?}");
                        assert_eq!(m.get(0).map(|x| x.end()), Some(end), "{t:?}");
                        assert_eq!(m.name("colon").is_some_and(|c| !c.as_str().trim().is_empty()), colon, "{t:?}");
                    }
                    Value::None => assert!(m.is_none(), "{t:?}"),
                    Value::Other => {}
                }
            }
        }
        assert!(fast > 30, "{fast}");
    }

    #[test]
    fn folds_like_the_regex() {
        // Every character up to U+024F that `fold` knows folds as `(?i)`
        // compares it with each ASCII and Latin-1 letter.
        for c in (0..=0x24f_u32)
            .filter_map(char::from_u32)
            .chain(['\u{212a}', '\u{212b}', '\u{1e9e}'])
        {
            for k in ('\u{20}'..='\u{fe}').filter(|k| !k.is_whitespace() && fold(*k).is_some()) {
                let Ok(r) = Regex::new(&format!("(?i)^{}$", regex::escape(&k.to_string()))) else {
                    continue;
                };
                let by_fold = c == k || fold(c).is_some() && fold(c) == fold(k);
                assert_eq!(by_fold, r.is_match(&c.to_string()), "{c:?} {k:?}");
            }
        }
    }

    #[test]
    fn clean_lines_are_silent() {
        let l = MetadataLeak::builtin();
        for t in [
            "NEW DELHI (AP) - Indian Prime Minister Narendra Modi will attend.",
            "Beijing, Sep 3 (IANS) North Korean leader Kim stood with the others.",
            "Published 3 July 2020, the report found that rates had fallen.",
            "Updated figures released on July 3, 2020 showed a fall.",
            "By Jane Doe",
            "The ceremony is set for Aug. 5, a date organizers said was auspicious.",
            "He said: \"We will meet at 10:30 tomorrow.\"",
            "Author and activist Jane Doe spoke at 3:15 pm.",
            "Date night: how couples are coping",
            "- uClibc: No longer link to libutil",
            "iPhone: Apple cuts prices in China",
            "Tags are used to track the birds.",
            "Source: the ministry said the figure was correct.",
            "Score: 3-1 after extra time.",
            "In 2019, 14:02 was the time.",
            "Price: 2.30",
        ] {
            assert!(flagged(&l, t).is_empty(), "{t}: {:?}", flagged(&l, t));
        }
    }
}
