use crate::declare_lint;
use crate::document::Document;
use crate::finding::Applicability;
use crate::lint::{Ctx, Lint, RuleInfo};
use crate::lints::bytes::non_ascii;
use crate::source::{FileKind, Span};

declare_lint! {
    /// ## What it does
    ///
    /// Flags mis-decoded text: UTF-8 read as Latin-1 or Windows-1252
    /// ("â€™", "â€œ", "Ã©", "Ã¼", "Â°"), HTML entities left in plain text
    /// ("&#8217;", "&rsquo;") or encoded twice ("&amp;amp;", "&amp;quot;"),
    /// and U+FFFD replacement characters.
    ///
    /// ## Why is this bad?
    ///
    /// Mojibake comes from a pipeline that decoded bytes with the wrong
    /// encoding or escaped text twice. Readers see garbage in place of
    /// apostrophes, quotes and accented letters, and search breaks.
    ///
    /// ## Example
    ///
    /// ```text
    /// Kimâ€™s visit to the cafÃ© &amp;amp; the museum
    /// ```
    ///
    /// Use instead: `Kim’s visit to the café & the museum`.
    ///
    /// ## Known problems
    ///
    /// Signals: a run of characters that, written back as Windows-1252 bytes,
    /// forms valid multi-byte UTF-8 (a lead character Â..ô followed by the
    /// right number of continuation characters); the repair is that UTF-8
    /// text, repeated for text mis-decoded twice, and is offered as a safe
    /// fix. "â€" whose third byte was lost (Windows-1252 has no character for
    /// 0x9D) is flagged with an unsafe fix to ”. Entities are decoded when
    /// the name is a known HTML entity or a valid code point (safe fix); in
    /// Markdown only double-encoded entities are flagged, since single
    /// entities are valid Markdown. U+FFFD is flagged without a fix: the
    /// original character is lost. Mis-decodings through other code pages
    /// (KOI8-R, Shift-JIS, Mac Roman) are not recognised.
    pub static MOJIBAKE = {
        name: "mojibake",
        family: "language",
        severity: Warning,
        status: Stable,
        fix: Some(Applicability::Safe),
        english_only: false,
    };
}

#[derive(Default)]
pub struct Mojibake;

/// The byte a character stands for when UTF-8 was decoded as Windows-1252
/// (with Latin-1 for the five bytes Windows-1252 leaves undefined).
fn byte_of(c: char) -> Option<u8> {
    let u = c as u32;
    if u <= 0xFF {
        return u8::try_from(u).ok();
    }
    Some(match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '\u{2018}' => 0x91,
        '\u{2019}' => 0x92,
        '\u{201c}' => 0x93,
        '\u{201d}' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    })
}

/// Try to read one mis-decoded UTF-8 sequence at the start of `s`: returns
/// its length in `s` and the decoded character.
fn sequence(s: &str) -> Option<(usize, char)> {
    let mut chars = s.char_indices();
    let (_, lead) = chars.next()?;
    let lead_b = byte_of(lead)?;
    let n = match lead_b {
        0xC2..=0xDF => 1,
        0xE0..=0xEF => 2,
        0xF0..=0xF4 => 3,
        _ => return None,
    };
    let mut bytes = [lead_b, 0, 0, 0];
    for slot in bytes.iter_mut().skip(1).take(n) {
        let (_, c) = chars.next()?;
        let b = byte_of(c)?;
        if !(0x80..=0xBF).contains(&b) {
            return None;
        }
        *slot = b;
    }
    let len = chars.next().map_or(s.len(), |(i, _)| i);
    let decoded = std::str::from_utf8(&bytes[..=n]).ok()?.chars().next()?;
    // C1 controls are never what the writer meant.
    if ('\u{80}'..='\u{9f}').contains(&decoded) {
        return None;
    }
    Some((len, decoded))
}

/// Repair every mis-decoded sequence of `s` (one level).
fn repair_once(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    let mut changed = false;
    while i < s.len() {
        let rest = s.get(i..)?;
        if let Some((len, c)) = sequence(rest) {
            out.push(c);
            i += len;
            changed = true;
        } else {
            let c = rest.chars().next()?;
            out.push(c);
            i += c.len_utf8();
        }
    }
    changed.then_some(out)
}

const ENTITIES: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", "\u{a0}"),
    ("ndash", "–"),
    ("mdash", "—"),
    ("hellip", "…"),
    ("lsquo", "\u{2018}"),
    ("rsquo", "\u{2019}"),
    ("ldquo", "\u{201c}"),
    ("rdquo", "\u{201d}"),
    ("sbquo", "‚"),
    ("bdquo", "„"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("lsaquo", "‹"),
    ("rsaquo", "›"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
    ("deg", "°"),
    ("euro", "€"),
    ("pound", "£"),
    ("yen", "¥"),
    ("cent", "¢"),
    ("sect", "§"),
    ("para", "¶"),
    ("middot", "·"),
    ("bull", "•"),
    ("times", "×"),
    ("divide", "÷"),
    ("plusmn", "±"),
    ("frac12", "½"),
    ("frac14", "¼"),
    ("frac34", "¾"),
    ("shy", "\u{ad}"),
    ("eacute", "é"),
    ("egrave", "è"),
    ("ecirc", "ê"),
    ("aacute", "á"),
    ("agrave", "à"),
    ("acirc", "â"),
    ("atilde", "ã"),
    ("auml", "ä"),
    ("aring", "å"),
    ("ccedil", "ç"),
    ("iacute", "í"),
    ("iuml", "ï"),
    ("ntilde", "ñ"),
    ("oacute", "ó"),
    ("ocirc", "ô"),
    ("ouml", "ö"),
    ("oslash", "ø"),
    ("uacute", "ú"),
    ("uuml", "ü"),
    ("szlig", "ß"),
    ("Eacute", "É"),
    ("Auml", "Ä"),
    ("Ouml", "Ö"),
    ("Uuml", "Ü"),
];

/// Decode one entity body ("amp", "#8217", "#x2019").
fn entity(body: &str) -> Option<String> {
    if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        let c = char::from_u32(code)?;
        if c.is_control() && c != '\n' && c != '\t' {
            return None;
        }
        return Some(c.to_string());
    }
    ENTITIES.iter().find(|(n, _)| *n == body).map(|(_, v)| v.to_string())
}

/// Length of the entity starting at `s` ("&...;"), with its body.
fn entity_at(s: &str) -> Option<(usize, &str)> {
    let rest = s.strip_prefix('&')?;
    let end = rest.bytes().take(10).position(|b| b == b';')?;
    let body = rest.get(..end)?;
    if body.is_empty() || !body.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'#') {
        return None;
    }
    Some((end + 2, body))
}

impl Lint for Mojibake {
    fn rules(&self) -> Vec<RuleInfo> {
        vec![RuleInfo::from(&MOJIBAKE)]
    }

    fn check(&self, doc: &Document, cx: &mut Ctx) {
        let prose = doc.prose.as_str();
        let bytes = prose.as_bytes();
        // Cheap gates: Latin-1 lead characters are encoded with 0xC3/0xC2,
        // Windows-1252 extras and U+FFFD with 0xE2/0xEF/0xC5/0xC6/0xCB.
        // One branch-free pass (vector compares) flags the bytes 0xC2/0xC3,
        // '&' and 0xEF; U+FFFD is then looked for only after an 0xEF.
        let seen = bytes.chunks(64).fold(0u8, |acc, chunk| {
            acc | chunk.iter().fold(0u8, |a, &b| {
                a | u8::from(b == 0xC2 || b == 0xC3) | (u8::from(b == b'&') << 1) | (u8::from(b == 0xEF) << 2)
            })
        });
        let maybe_moji = seen & 1 != 0;
        let maybe_entity = seen & 2 != 0;
        let maybe_fffd = seen & 4 != 0 && memchr::memmem::find(bytes, "\u{fffd}".as_bytes()).is_some();
        if maybe_moji {
            self.mis_decoded(doc, cx);
        }
        if maybe_entity {
            self.entities(doc, cx);
        }
        if maybe_fffd {
            let mut i = 0;
            while let Some(off) = prose.get(i..).and_then(|r| r.find('\u{fffd}')) {
                let start = i + off;
                let run = prose[start..].chars().take_while(|&c| c == '\u{fffd}').count() * 3;
                let span = Span::new(start, start + run);
                cx.report(span, "replacement character: the original character was lost in decoding")
                    .help("recover the text from the source, or retype the character");
                i = start + run;
            }
        }
    }
}

impl Mojibake {
    fn mis_decoded(&self, doc: &Document, cx: &mut Ctx) {
        let prose = doc.prose.as_str();
        // Candidates are U+00C2..U+00F4, all encoded with the lead byte 0xC3.
        let bytes = prose.as_bytes();
        let mut pos = 0;
        for i in non_ascii(bytes) {
            if i < pos || bytes.get(i) != Some(&0xC3) {
                continue;
            }
            pos = i + 1;
            let Some(rest) = prose.get(i..) else { continue };
            let Some(c) = rest.chars().next() else { continue };
            pos = i + c.len_utf8();
            if !('\u{c2}'..='\u{f4}').contains(&c) {
                continue;
            }
            // Extend over adjacent sequences ("Ã¼Ã¶").
            let mut end = 0;
            while let Some((len, _)) = rest.get(end..).and_then(sequence) {
                end += len;
            }
            if end == 0 {
                // "â€" whose third byte was lost (0x9D, undefined in Windows-1252).
                if rest.starts_with("â€") {
                    let span = Span::new(i, i + "â€".len());
                    cx.report(span, "mis-decoded text 'â€': probably a closing quotation mark")
                        .replace("\u{201d}", Applicability::Unsafe)
                        .help("the text was UTF-8 read as Windows-1252; re-read it as UTF-8");
                    pos = i + "â€".len();
                }
                continue;
            }
            let original = &rest[..end];
            let mut repaired = original.to_string();
            for _ in 0..3 {
                match repair_once(&repaired) {
                    Some(r) if r != repaired => repaired = r,
                    _ => break,
                }
            }
            // Byte-order marks decode to nothing.
            let repaired: String = repaired.chars().filter(|&c| c != '\u{feff}').collect();
            let span = Span::new(i, i + end);
            let msg = if repaired.is_empty() {
                format!("mis-decoded byte-order mark '{original}'")
            } else {
                format!("mis-decoded text '{original}' should be '{repaired}'")
            };
            cx.report(span, msg)
                .replace(repaired, Applicability::Safe)
                .help("the text was UTF-8 read as Latin-1 or Windows-1252; re-read it as UTF-8");
            pos = pos.max(i + end);
        }
    }

    fn entities(&self, doc: &Document, cx: &mut Ctx) {
        let prose = doc.prose.as_str();
        let markdown = doc.source.kind == FileKind::Markdown;
        let mut i = 0;
        while let Some(off) = prose.get(i..).and_then(|r| r.find('&')) {
            let start = i + off;
            i = start + 1;
            let Some(rest) = prose.get(start..) else { break };
            let Some((mut len, body)) = entity_at(rest) else { continue };
            let Some(mut decoded) = entity(body) else { continue };
            let mut levels = 1;
            // "&amp;amp;", "&amp;#8217;": the text after "&amp;" is an entity again.
            while decoded == "&" {
                let Some((l2, b2)) = rest.get(len..).filter(|r| !r.is_empty()).map(|r| format!("&{r}")).and_then(|r| {
                    let (l, b) = entity_at(&r)?;
                    Some((l - 1, b.to_string()))
                }) else {
                    break;
                };
                let Some(d2) = entity(&b2) else { break };
                len += l2;
                decoded = d2;
                levels += 1;
            }
            if markdown && levels < 2 {
                continue;
            }
            let span = Span::new(start, start + len);
            let original = &rest[..len];
            let msg = if levels >= 2 {
                format!("double-encoded entity '{original}' should be '{decoded}'")
            } else {
                format!("HTML entity '{original}' left in text should be '{decoded}'")
            };
            cx.report(span, msg)
                .replace(decoded, Applicability::Safe)
                .help("decode HTML entities once when extracting text");
            i = start + len;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{fixed, flagged, run};

    #[test]
    fn flags_windows_1252_mojibake() {
        assert_eq!(flagged(&Mojibake, "Kimâ€™s visit"), vec!["â€™"]);
        assert_eq!(flagged(&Mojibake, "the cafÃ© was open"), vec!["Ã©"]);
        assert_eq!(flagged(&Mojibake, "MÃ¼nchen and ZÃ¼rich"), vec!["Ã¼", "Ã¼"]);
        assert_eq!(flagged(&Mojibake, "it was 25Â°C"), vec!["Â°"]);
        assert_eq!(flagged(&Mojibake, "â€œHelloâ€ she said"), vec!["â€œ", "â€"]);
    }

    #[test]
    fn repairs_mojibake() {
        assert_eq!(fixed(&Mojibake, "Kimâ€™s visit"), "Kim’s visit");
        assert_eq!(fixed(&Mojibake, "GrÃ¶ÃŸe"), "Größe");
        assert_eq!(fixed(&Mojibake, "the naÃ¯ve cafÃ©"), "the naïve café");
        // Mis-decoded twice.
        assert_eq!(fixed(&Mojibake, "itÃ¢â‚¬â„¢s"), "it’s");
        assert_eq!(fixed(&Mojibake, "\u{ef}\u{bb}\u{bf}Title"), "Title");
    }

    #[test]
    fn entities() {
        assert_eq!(fixed(&Mojibake, "Tom &amp;amp; Jerry"), "Tom & Jerry");
        assert_eq!(fixed(&Mojibake, "it&#8217;s late"), "it’s late");
        assert_eq!(fixed(&Mojibake, "it&rsquo;s &quot;late&quot;"), "it’s \"late\"");
        assert_eq!(fixed(&Mojibake, "say &amp;quot;hi"), "say \"hi");
        let md = run(&Mojibake, "Tom &amp; Jerry and A &amp;amp; B\n", FileKind::Markdown);
        assert_eq!(md.len(), 1);
    }

    #[test]
    fn replacement_character() {
        assert_eq!(flagged(&Mojibake, "Kim\u{fffd}s visit"), vec!["\u{fffd}"]);
    }

    #[test]
    fn clean_text_is_silent() {
        for ok in [
            "São Paulo and Zürich are cities; Ångström, Øresund, Ægir, Ðakovo.",
            "The café served crème brûlée for €5 — a bargain at 25°C.",
            "AT&T and Procter & Gamble; R&D spending rose.",
            "Señor Núñez said «¿qué?» and left.",
            "Kim’s “cordial hospitality” — and more…",
            "A & B; C &D; x&y;z",
            "À la carte is fine; Ãngel is a name.",
        ] {
            assert!(flagged(&Mojibake, ok).is_empty(), "{ok}: {:?}", flagged(&Mojibake, ok));
        }
    }
}
