use crate::declare_lint;
use crate::document::{accepted_lang, BlockLang, Document, Lang, Scope, TokenKind, LANG_DETECT_BYTES};
use crate::lint::{Ctx, Lint, RuleInfo};
use crate::lints::bytes::load8;
use crate::source::Span;

declare_lint! {
    /// ## What it does
    ///
    /// Flags a block or a long sentence written in another language than the
    /// document: an untranslated source segment in a translated article
    /// ("这项协议将于明年生效。" or a German sentence in an English text).
    ///
    /// ## Why is this bad?
    ///
    /// Machine translation pipelines skip segments they fail on and leave the
    /// source text in place. Readers of the translation cannot read it.
    ///
    /// ## Example
    ///
    /// ```text
    /// The agreement was signed on Monday. Die Regierung hat die Entscheidung
    /// heute getroffen und wird sie morgen bekannt geben.
    /// ```
    ///
    /// ## Known problems
    ///
    /// Signals: (1) a block whose language (detected once by the Document
    /// behind a cheap English test) differs from the document's, confirmed
    /// by whatlang as reliable on a block of at least eight words that is not
    /// a headline; (2) in a Latin-script document, a run of at least eight
    /// letters of a non-Latin script (Han, kana, Hangul) or at least twelve
    /// of another (Cyrillic, Arabic, Greek), unless it is in parentheses
    /// after a romanized name ("Moon Jae-in (문재인)") or a short quotation;
    /// (3) in an English block, a run of eight or more words without any
    /// common English function word that whatlang reliably assigns to
    /// another language. Short foreign phrases, names and titles are not
    /// flagged; neither are foreign sentences in quotation marks of up to
    /// fifteen words. Language identification on short text is unreliable, so
    /// a foreign segment of fewer than eight words is missed, and some
    /// lists of names may be taken for a foreign sentence.
    pub static FOREIGN_SEGMENT = {
        name: "foreign-segment",
        family: "language",
        severity: Warning,
        status: Preview,
        fix: None,
        english_only: false,
    };
}

#[derive(Default)]
pub struct ForeignSegment;

/// English function words rare in other languages written in Latin script
/// (the Document's list: it records the longest run of words without one,
/// [`crate::document::Block::plain_run`]).
/// "a German", "an English": the indefinite article before a language name.
fn with_article(name: &str) -> String {
    let an = name.starts_with(['A', 'E', 'I', 'O', 'U']);
    format!("{} {name}", if an { "an" } else { "a" })
}

#[cfg(test)]
const ENGLISH: &[&str] = crate::document::ENGLISH_MARKERS;

/// Function words of other Latin-script languages (German, French, Spanish,
/// Italian, Portuguese, Dutch); a run needs two of them before whatlang is
/// asked.
const FOREIGN: &[&str] = &[
    "der", "die", "und", "ist", "nicht", "das", "ein", "eine", "mit", "den", "dem", "des", "sich", "auf", "für", "wir", "sie", "auch",
    "wird", "le", "la", "les", "et", "est", "une", "du", "pas", "qui", "dans", "pour", "sur", "avec", "sont", "ce", "il", "elle", "nous",
    "el", "los", "las", "del", "que", "por", "para", "con", "una", "es", "su", "lo", "como", "más", "pero", "di", "che", "è", "della",
    "non", "per", "sono", "gli", "nel", "não", "uma", "do", "da", "em", "os", "ao", "são", "het", "een", "van", "zijn", "niet", "op",
    "voor", "ook", "dat", "de",
];

const LATIN_LANGS: &[Lang] = &[
    Lang::Eng,
    Lang::Deu,
    Lang::Fra,
    Lang::Spa,
    Lang::Ita,
    Lang::Por,
    Lang::Nld,
    Lang::Swe,
    Lang::Dan,
    Lang::Nob,
    Lang::Fin,
    Lang::Pol,
    Lang::Ces,
    Lang::Slk,
    Lang::Hun,
    Lang::Ron,
    Lang::Tur,
    Lang::Ind,
    Lang::Vie,
    Lang::Hrv,
    Lang::Slv,
    Lang::Lit,
    Lang::Lav,
    Lang::Est,
];

/// Words packed little-endian into a `u64` with their length in the top
/// byte (all are at most six bytes long), sorted: membership by binary search
/// without `memcmp`.
const fn pack_sorted<const N: usize>(words: &[&str]) -> [u64; N] {
    let mut out = [0u64; N];
    let mut i = 0;
    while i < N && i < words.len() {
        let w = words[i].as_bytes();
        let mut v = 0u64;
        let mut k = 0;
        while k < w.len() && k < 7 {
            v |= (w[k] as u64) << (8 * k);
            k += 1;
        }
        out[i] = v | (w.len() as u64) << 56;
        i += 1;
    }
    // Insertion sort.
    let mut i = 1;
    while i < N {
        let mut j = i;
        while j > 0 && out[j - 1] > out[j] {
            let t = out[j - 1];
            out[j - 1] = out[j];
            out[j] = t;
            j -= 1;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
const ENGLISH_PACKED: [u64; ENGLISH.len()] = pack_sorted(ENGLISH);
const FOREIGN_PACKED: [u64; FOREIGN.len()] = pack_sorted(FOREIGN);

/// A word ASCII-lowercased and packed as `pack_sorted` does; `None` when
/// longer than six bytes (no listed word is). The plain form of what
/// `english_bytes` and `foreign_bytes` compute, for tests.
#[cfg(test)]
fn pack(w: &str) -> Option<u64> {
    let b = w.as_bytes();
    if b.len() > 6 {
        return None;
    }
    let mut buf = [0u8; 8];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    buf[7] = b.len() as u8;
    Some(u64::from_le_bytes(buf))
}

/// Whether a word is one of `ENGLISH` (ASCII case-insensitive), without
/// allocating.
fn english_word(w: &str) -> bool {
    english_bytes(w.as_bytes(), 0, w.len())
}

/// Whether the word `src[start..end]` is one of `ENGLISH` (ASCII
/// case-insensitive).
fn english_bytes(src: &[u8], start: usize, end: usize) -> bool {
    crate::document::is_english_marker(src, start, end)
}

/// Whether a word is one of `FOREIGN` (ASCII case-insensitive).
#[cfg(test)]
fn foreign_word(w: &str) -> bool {
    foreign_bytes(w.as_bytes(), 0, w.len())
}

/// Whether the word `src[start..end]` is one of `FOREIGN`: packed as
/// `pack` does (ASCII letters lowercased) from one eight-byte load.
fn foreign_bytes(src: &[u8], start: usize, end: usize) -> bool {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let n = end.wrapping_sub(start);
    if n == 0 || n > 6 {
        return false;
    }
    let x = load8(src, start) & (u64::MAX >> (64 - 8 * n as u32));
    // Flag (0x80) of the ASCII capitals, moved to bit 5 to lowercase them.
    let y = x & LOW7;
    let upper = (y + 0x3F3F_3F3F_3F3F_3F3F) & !(y + 0x2525_2525_2525_2525) & !x & HIGH;
    let k = (x | upper >> 2) | (n as u64) << 56;
    FOREIGN_PACKED.binary_search(&k).is_ok()
}

fn is_latin(c: char) -> bool {
    (c as u32) < 0x0250 || ('\u{1e00}'..='\u{1eff}').contains(&c)
}

/// Scripts written without spaces, where each character carries a word.
fn dense(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

/// Whether a text has at least five blank-separated pieces with a letter:
/// a sentence, not a path or an identifier whose parts the tokenizer splits
/// ("libs/geometry/index/test/rtree_qua_que_p3d.cpp").
fn spaced(text: &str) -> bool {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .take(5)
        .count()
        >= 5
}

/// Confirm a segment's language with whatlang: reliable and not `doc_lang`.
fn confirm(text: &str, doc_lang: Lang) -> Option<Lang> {
    confirmed(&whatlang::detect(text)?, doc_lang)
}

/// `confirm` on whatlang's answer.
fn confirmed(info: &whatlang::Info, doc_lang: Lang) -> Option<Lang> {
    (info.lang() != doc_lang && info.is_reliable() && info.confidence() >= 0.5).then(|| info.lang())
}

impl Lint for ForeignSegment {
    fn rules(&self) -> Vec<RuleInfo> {
        vec![RuleInfo::from(&FOREIGN_SEGMENT)]
    }

    fn check(&self, doc: &Document, cx: &mut Ctx) {
        let latin_doc = LATIN_LANGS.contains(&doc.lang);
        let mut items = Vec::new();
        for (i, block) in doc.blocks.iter().enumerate() {
            if matches!(block.scope, Scope::TableCell) {
                continue;
            }
            let text = doc.prose.get(block.span.range()).unwrap_or("");
            // (1) The whole block (the cheap tests first: the language of a
            // block the parse left to whatlang is detected only here).
            let candidate = match block.lang {
                BlockLang::Known(l) => l.is_some_and(|l| l != doc.lang),
                BlockLang::Deferred => true,
            };
            let words = block.words as usize;
            let long = candidate && ((words >= 8 && spaced(text)) || text.chars().filter(|&c| dense(c)).count() >= 10);
            if long && !block.title_case && !quoted_short(doc, block.span, words) {
                // The block's whatlang answer when it was deferred: the same
                // call as `confirm` on a text that `detect` reads whole.
                let info = match block.lang {
                    BlockLang::Known(_) => None,
                    BlockLang::Deferred => Some(doc.block_lang_info(block)),
                };
                let lang = match &info {
                    Some(info) => info.as_ref().and_then(accepted_lang),
                    None => doc.block_lang(block),
                };
                if let Some(l) = lang.filter(|&l| l != doc.lang) {
                    // A foreign block in an English document; otherwise only a
                    // block without English function words (the cheap test
                    // before whatlang, which must confirm the block's language).
                    let foreign_in_english = l != Lang::Eng && doc.lang == Lang::Eng;
                    let confirmed = || match &info {
                        Some(Some(info)) if text.len() <= LANG_DETECT_BYTES => confirmed(info, doc.lang),
                        _ => confirm(text, doc.lang),
                    };
                    if (foreign_in_english || english_share(doc, i) < 0.1) && confirmed() == Some(l) {
                        cx.report(
                            block.span,
                            format!("{} text in {} document", l.eng_name(), with_article(doc.lang.eng_name())),
                        )
                        .help("translate the segment or remove it");
                        continue;
                    }
                }
            }
            // (2) A run of another script.
            if latin_doc && has_non_latin_letter(text) && self.script_runs(doc, block.span, text, cx) {
                continue;
            }
            // (3) A long run without English function words (a run of eight
            // words needs a block of at least eight).
            if doc.lang == Lang::Eng && !block.title_case && block.plain_run {
                self.latin_runs(doc, i, &mut items, cx);
            }
        }
    }
}

/// Whether a text holds a letter outside the Latin script. Such letters are
/// U+0250 or above, so their UTF-8 lead byte is 0xC9 or above: only those
/// characters are decoded.
fn has_non_latin_letter(text: &str) -> bool {
    let b = text.as_bytes();
    // Blocks of 32 bytes without such a byte (the usual case) are skipped
    // by a comparison the compiler vectorizes.
    b.chunks(32).enumerate().any(|(c, chunk)| {
        chunk.iter().fold(0, |m, &x| m.max(x)) >= 0xC9
            && chunk.iter().enumerate().any(|(k, &x)| {
                x >= 0xC9
                    && text
                        .get(c * 32 + k..)
                        .and_then(|t| t.chars().next())
                        .is_some_and(|ch| ch.is_alphabetic() && !is_latin(ch))
            })
    })
}

/// Share of English function words among the words of a block.
fn english_share(doc: &Document, i: usize) -> f32 {
    let Some(b) = doc.blocks.get(i) else { return 0.0 };
    let mut n = 0usize;
    let mut hits = 0usize;
    for t in doc.block_tokens(b).iter().filter(|t| t.kind == TokenKind::Word) {
        n += 1;
        if english_word(doc.text(t.span)) {
            hits += 1;
        }
    }
    if n == 0 {
        0.0
    } else {
        hits as f32 / n as f32
    }
}

/// A foreign quotation of at most fifteen words is a quote, not a segment.
fn quoted_short(doc: &Document, span: Span, words: usize) -> bool {
    words <= 15 && doc.in_quote(span)
}

impl ForeignSegment {
    /// Runs of non-Latin letters (with the spaces and punctuation between
    /// them). Returns whether anything was reported.
    fn script_runs(&self, doc: &Document, block: Span, text: &str, cx: &mut Ctx) -> bool {
        let mut reported = false;
        let mut run: Option<(usize, usize, usize, usize)> = None; // start, end, letters, dense letters
        let mut flush = |run: &mut Option<(usize, usize, usize, usize)>, cx: &mut Ctx| {
            if let Some((s, e, letters, dense_n)) = run.take() {
                let enough = dense_n >= 8 || letters >= 12;
                if !enough {
                    return;
                }
                let span = Span::new(block.start + s, block.start + e);
                // "(김정은)" after a name, or a short quotation.
                let before = text.get(..s).unwrap_or("").trim_end();
                let after = text.get(e..).unwrap_or("").trim_start();
                if before.ends_with(['(', '（', '[']) && after.starts_with([')', '）', ']']) {
                    return;
                }
                if doc.in_quote(span) && letters < 40 {
                    return;
                }
                let name = whatlang::detect(doc.text(span)).map_or("Non-Latin", |i| i.lang().eng_name());
                cx.report(span, format!("{name} text in {} document", with_article(doc.lang.eng_name())))
                    .help("translate the segment or remove it");
                reported = true;
            }
        };
        for (i, c) in text.char_indices() {
            if c.is_alphabetic() && !is_latin(c) {
                let r = run.get_or_insert((i, i, 0, 0));
                r.1 = i + c.len_utf8();
                r.2 += 1;
                r.3 += usize::from(dense(c));
            } else if c.is_alphabetic() || c == '\n' {
                flush(&mut run, cx);
            } else if let Some(r) = run.as_mut() {
                // Keep sentence punctuation of the foreign text inside the run.
                if !c.is_whitespace() && !c.is_ascii_digit() {
                    r.1 = i + c.len_utf8();
                }
            }
        }
        flush(&mut run, cx);
        reported
    }

    /// Runs of eight or more words without an English function word, in an
    /// English block; confirmed by whatlang.
    /// `items`: a buffer reused between blocks.
    fn latin_runs(&self, doc: &Document, i: usize, items: &mut Vec<(usize, bool)>, cx: &mut Ctx) {
        let Some(block) = doc.blocks.get(i) else { return };
        let toks = doc.block_tokens(block);
        let src = doc.source.text.as_bytes();
        let check = |s: usize, e: usize, count: usize, cx: &mut Ctx| {
            let (Some(a), Some(b)) = (toks.get(s), toks.get(e)) else { return };
            let span = Span::new(a.span.start, b.span.end);
            if doc.in_quote(span) && count <= 15 {
                return;
            }
            let text = doc.text(span);
            if !spaced(text) {
                return;
            }
            // At least two foreign function words (the rarer test, first).
            let foreign = toks[s..=e]
                .iter()
                .filter(|t| t.kind == TokenKind::Word && foreign_bytes(src, t.span.start, t.span.end))
                .take(2)
                .count();
            if foreign < 2 {
                return;
            }
            // Mostly capitalised words: a list of names or a title.
            let caps = toks[s..=e]
                .iter()
                .filter(|t| t.kind == TokenKind::Word && doc.text(t.span).starts_with(char::is_uppercase))
                .count();
            if caps * 2 > count {
                return;
            }
            if let Some(l) = confirm(text, Lang::Eng).filter(|l| LATIN_LANGS.contains(l)) {
                cx.report(span, format!("{} text in an English document", l.eng_name()))
                    .help("translate the segment or remove it");
            }
        };
        // The words and the sentence punctuation (which ends a run like an
        // English word) of the block, in order: (token, is punctuation).
        items.clear();
        items.reserve(toks.len());
        for (k, t) in toks.iter().enumerate() {
            match t.kind {
                TokenKind::Word => items.push((k, false)),
                TokenKind::Punct if t.span.len() == 1 && src.get(t.span.start).is_some_and(|b| matches!(b, b'.' | b'!' | b'?')) => {
                    items.push((k, true))
                }
                _ => {}
            }
        }
        let ends_run = |(k, stop): (usize, bool)| stop || toks.get(k).is_some_and(|t| english_bytes(src, t.span.start, t.span.end));
        long_runs(items, ends_run, |s, e, count| check(s, e, count, cx));
    }
}

/// Call `f(first token, last token, words)` for each run of eight words or
/// more of `items` (token, is sentence punctuation) that `ends_run` does not
/// end. A run ends at its last word, or at the punctuation after it. The
/// last item of each window of eight is tested first: one that ends a run
/// rules out every run starting in the window, so most items are never
/// looked up.
fn long_runs(items: &[(usize, bool)], ends_run: impl Fn((usize, bool)) -> bool, mut f: impl FnMut(usize, usize, usize)) {
    let mut p = 0;
    'scan: while p + 8 <= items.len() {
        for q in (p..p + 8).rev() {
            if ends_run(items[q]) {
                p = q + 1;
                continue 'scan;
            }
        }
        let mut r = p + 8;
        while r < items.len() && !ends_run(items[r]) {
            r += 1;
        }
        let end = match items.get(r) {
            Some(&(k, true)) => k,
            _ => items[r - 1].0,
        };
        f(items[p].0, end, r - p);
        p = r + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::flagged;

    #[test]
    fn english_word_matches_the_list() {
        for w in ENGLISH {
            assert!(english_word(w), "{w}");
            assert!(english_word(&w.to_uppercase()), "{w}");
        }
        for w in FOREIGN {
            assert!(foreign_word(w), "{w}");
            assert!(foreign_word(&w.to_ascii_uppercase()), "{w}");
        }
        assert!(!foreign_word("the") && !foreign_word("dès") && !foreign_word("nichts"));
        // Non-ASCII bytes are not lowercased: "FÜR" is not "für".
        assert!(foreign_word("Für") && !foreign_word("FÜR") && !foreign_word("f\u{c3}\u{9c}r"));
        for w in [
            "a", "then", "ther", "der", "theirs", "la", "shoulda", "th\0", "the\0", "t@e", "THE@", "th\u{e9}",
        ] {
            assert!(!english_word(w), "{w}");
        }
        // Inside a text, next to other bytes, and at its end.
        let text = b"xTHEy The";
        assert!(english_bytes(text, 1, 4) && english_bytes(text, 6, 9) && !english_bytes(text, 0, 4));
    }

    /// `long_runs` finds what a walk over every item finds.
    #[test]
    fn long_runs_match_a_full_walk() {
        let mut seed = 5u64;
        for n in 0..60 {
            for density in [2u64, 5, 9, 30] {
                // (token, is punctuation, ends a run)
                let items: Vec<(usize, bool, bool)> = (0..n)
                    .map(|k| {
                        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                        let r = (seed >> 33) % density;
                        (k * 2, r == 0, r <= 1)
                    })
                    .collect();
                let mut slow = Vec::new();
                let (mut start, mut count, mut end) = (None, 0, 0);
                for &(k, stop, ends) in &items {
                    if stop && start.is_some() {
                        end = k;
                    }
                    if ends {
                        if count >= 8 {
                            slow.push((start.unwrap_or(0), end, count));
                        }
                        (start, count) = (None, 0);
                    } else {
                        start = start.or(Some(k));
                        count += 1;
                        end = k;
                    }
                }
                if count >= 8 {
                    slow.push((start.unwrap_or(0), end, count));
                }
                let pairs: Vec<(usize, bool)> = items.iter().map(|&(k, stop, _)| (k, stop)).collect();
                let ends: std::collections::HashMap<usize, bool> = items.iter().map(|&(k, _, e)| (k, e)).collect();
                let mut fast = Vec::new();
                long_runs(&pairs, |(k, _)| ends[&k], |s, e, c| fast.push((s, e, c)));
                assert_eq!(fast, slow, "{items:?}");
            }
        }
    }

    /// The one-load lookups agree with packing byte by byte.
    #[test]
    fn lookups_agree_with_pack() {
        let alphabet = [
            "t", "h", "E", "D", "e", "r", "\u{fc}", "\u{dc}", "@", "[", "`", "{", "a", "s", "I", "\u{e8}", "n", "o",
        ];
        let mut seed = 99u64;
        let mut words: Vec<String> = ENGLISH.iter().chain(FOREIGN).map(|w| w.to_string()).collect();
        for _ in 0..20000 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let len = (seed >> 60) as usize % 8;
            let w: String = (0..len)
                .map(|k| alphabet[((seed >> (4 * k + 3)) % alphabet.len() as u64) as usize])
                .collect();
            words.push(w.clone());
            words.push(w.to_uppercase());
        }
        for w in &words {
            let en = w.len() >= 2 && pack(w).is_some_and(|k| ENGLISH_PACKED.binary_search(&k).is_ok());
            let fr = pack(w).is_some_and(|k| FOREIGN_PACKED.binary_search(&k).is_ok());
            assert_eq!(english_word(w), en, "{w}");
            assert_eq!(foreign_word(w), fr, "{w}");
        }
    }

    const EN: &str = "The minister spoke to reporters on Monday about the new budget and said that the plan would be published next week after a meeting of the cabinet.\n";

    #[test]
    fn flags_untranslated_blocks() {
        let t = format!(
            "{EN}{EN}Die Regierung hat heute beschlossen, die Steuern im kommenden Jahr deutlich zu senken, sagte ein Sprecher.\n{EN}"
        );
        assert_eq!(flagged(&ForeignSegment, &t).len(), 1);
        let t = format!("{EN}这项协议将于明年生效，双方领导人在北京签署了文件。\n{EN}");
        assert_eq!(
            flagged(&ForeignSegment, &t),
            vec!["这项协议将于明年生效，双方领导人在北京签署了文件。"]
        );
    }

    #[test]
    fn flags_foreign_sentence_inside_english_block() {
        let t = format!(
            "{EN}The agreement was signed on Monday. La ministra declaró ayer que el gobierno no cambiará su política económica durante este año. It takes effect in May.\n{EN}"
        );
        let f = flagged(&ForeignSegment, &t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].starts_with("La ministra"));
    }

    #[test]
    fn leaves_names_quotes_and_titles() {
        for t in [
            format!("{EN}South Korean president Moon Jae-in (문재인) arrived on Tuesday by train.\n"),
            format!("{EN}The slogan \"Wir schaffen das\" became famous in 2015, she said.\n"),
            format!("{EN}Myanmar, Iranian, Cuban, Indonesian, Malaysian, and Vietnamese leaders are also attending.\n"),
            format!("{EN}He quoted the motto \"liberté, égalité, fraternité\" in his speech.\n"),
            format!("{EN}Le Monde and Der Spiegel reported the story, as did El País.\n"),
            format!("{EN}Amazon Web Services, Google Cloud Platform, Microsoft Azure, IBM Cloud, Oracle Cloud Infrastructure dominate.\n"),
            format!("{EN} libs/geometry/index/test/rtree/generated/p3d/rtree_qua_que_p3d.cpp\n"),
        ] {
            assert!(flagged(&ForeignSegment, &t).is_empty(), "{t}: {:?}", flagged(&ForeignSegment, &t));
        }
    }
}
