//! Language per block and per document, with whatlang behind a cheap test so
//! that ordinary English blocks cost almost nothing.

pub use whatlang::Lang;

use super::Document;

const ENGLISH_MARKERS: &[&str] = &[
    " the ", " and ", " of ", " to ", " in ", " is ", " was ", " for ", " that ", " with ",
];

/// The language of one block, or `None` when it is too short to tell.
pub(crate) fn block_language(text: &str) -> Option<Lang> {
    if text.len() < 24 {
        return None;
    }
    let non_ascii = text.bytes().filter(|b| !b.is_ascii()).count();
    if non_ascii * 20 < text.len() {
        // Mostly ASCII: English if two common function words appear.
        let lower_hits = ENGLISH_MARKERS.iter().filter(|m| text.contains(*m)).take(2).count();
        if lower_hits >= 2 {
            return Some(Lang::Eng);
        }
    }
    let info = whatlang::detect(text)?;
    (info.is_reliable() || info.confidence() > 0.6).then(|| info.lang())
}

/// The document language: the language of the most bytes among blocks whose
/// language is known; English when nothing is known.
pub(crate) fn document_language(doc: &Document) -> Lang {
    let mut counts: Vec<(Lang, usize)> = Vec::new();
    for b in &doc.blocks {
        if let Some(l) = b.lang {
            match counts.iter_mut().find(|(x, _)| *x == l) {
                Some((_, n)) => *n += b.span.len(),
                None => counts.push((l, b.span.len())),
            }
        }
    }
    counts.into_iter().max_by_key(|&(_, n)| n).map_or(Lang::Eng, |(l, _)| l)
}

/// Parse a language name or ISO 639-3 code from config ("en", "eng", "english").
pub fn parse_lang(name: &str) -> Option<Lang> {
    let n = name.trim().to_ascii_lowercase();
    match n.as_str() {
        "en" | "english" => return Some(Lang::Eng),
        "de" | "german" => return Some(Lang::Deu),
        "fr" | "french" => return Some(Lang::Fra),
        "es" | "spanish" => return Some(Lang::Spa),
        _ => {}
    }
    Lang::from_code(&n).or_else(|| Lang::all().iter().copied().find(|l| l.eng_name().eq_ignore_ascii_case(&n)))
}
