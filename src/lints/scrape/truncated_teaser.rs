use crate::declare_lint;
use crate::document::{Document, Scope, TokenKind};
use crate::finding::{Applicability, Edit};
use crate::lint::{Ctx, Lint, RuleInfo};
use crate::source::Span;

use super::{line_deletion, normalize};

declare_lint! {
    /// ## What it does
    ///
    /// Flags teaser and listing residue: a line ending in "..." or "…" that
    /// repeats the beginning of a line found elsewhere in the document, a
    /// paragraph cut off in mid-sentence ("since taking..."), and a text
    /// whose end was cut off ("..., adding that the").
    ///
    /// ## Why is this bad?
    ///
    /// Listing pages show the first words of an article with an ellipsis.
    /// Scraped along with the article, the teaser duplicates text or leaves a
    /// sentence unfinished.
    ///
    /// ## Example
    ///
    /// ```text
    /// Parade in the Capital Draws World Leaders, Marking His First...
    /// Parade in the Capital Draws World Leaders, Marking His First Trip Abroad
    /// ```
    ///
    /// ## Known problems
    ///
    /// Signals: (1) the text before the ellipsis (four words or more) is,
    /// lowercased and with punctuation folded, the start of a longer line of
    /// the same document, quoted or not (flagged with an unsafe fix that deletes the
    /// teaser); (2) the ellipsis is glued to a lowercase word at the end of a
    /// line, the unfinished sentence has at least six words, and it is not in
    /// quotation marks: a cut-off teaser (no fix: the rest is lost). An
    /// ellipsis that trails off on purpose in narration ("He paused and
    /// then...") on a long sentence is flagged too; quoted speech, short
    /// sentences, "[...]" omissions and title-case lines are not, unless a
    /// title-case headline stops on a word that cannot end one ("Mayor
    /// Hopes New Terminal Will Draw Tourists Back to the..."). (3) In an
    /// English document, the text ends in mid-sentence: the last line is
    /// running text of twelve words or more whose last sentence (six words
    /// or more) stops on a word that cannot end one ("the", "of", "and",
    /// "was", "across", "during"...), with nothing after it in the file
    /// ("officials said, adding that the"); not in a quotation, a heading or
    /// a title-case line. A
    /// text cut after a content word ("adding that the council") is missed.
    pub static TRUNCATED_TEASER = {
        name: "truncated-teaser",
        family: "scrape",
        severity: Warning,
        status: Preview,
        fix: Some(Applicability::Unsafe),
        english_only: false,
    };
}

#[derive(Default)]
pub struct TruncatedTeaser;

/// The line without its final ellipsis, if it ends with one.
fn strip_ellipsis(text: &str) -> Option<&str> {
    let t = text.trim_end();
    t.strip_suffix("...")
        .or_else(|| t.strip_suffix('…'))
        .map(|s| s.trim_end_matches('.'))
}

impl Lint for TruncatedTeaser {
    fn rules(&self) -> Vec<RuleInfo> {
        vec![RuleInfo::from(&TRUNCATED_TEASER)]
    }

    fn check(&self, doc: &Document, cx: &mut Ctx) {
        let mut norms: Option<Vec<String>> = None;
        for (i, block) in doc.blocks.iter().enumerate() {
            if matches!(block.scope, Scope::TableCell | Scope::Quote | Scope::Caption) {
                continue;
            }
            let prose = doc.prose.get(block.span.range()).unwrap_or("");
            let Some(stem) = strip_ellipsis(prose) else { continue };
            if stem.ends_with(['[', '(', ' ']) {
                continue;
            }
            let stem_end = block.span.start + stem.len();
            let ellipsis = Span::new(stem_end, block.span.start + prose.trim_end().len());
            let key = normalize(stem);
            let words = key.split(' ').filter(|w| !w.is_empty()).count();
            if words < 4 {
                continue;
            }
            // (1) The start of another line.
            let norms = norms.get_or_insert_with(|| {
                doc.blocks
                    .iter()
                    .map(|b| normalize(doc.prose.get(b.span.range()).unwrap_or("")))
                    .collect()
            });
            let full = norms
                .iter()
                .enumerate()
                .find(|&(j, n)| j != i && n.len() > key.len() && n.starts_with(&key) && n.as_bytes().get(key.len()) == Some(&b' '));
            if let Some((j, _)) = full {
                let line = doc.source.line_index(doc.blocks[j].span.start) + 1;
                let del = line_deletion(doc, block.span);
                cx.report(block.span, format!("teaser repeats the beginning of line {line} and is cut off"))
                    .label(doc.blocks[j].span, "the full text")
                    .fix_edits(
                        vec![Edit {
                            span: del,
                            replacement: String::new(),
                        }],
                        Applicability::Unsafe,
                    )
                    .help("delete the teaser");
                continue;
            }
            // (2) A sentence cut off in the middle: "since taking...". Quoted
            // speech may trail off on purpose (a teaser of a quote-led
            // paragraph is caught by (1)).
            if doc.in_quote(ellipsis) {
                continue;
            }
            let toks = doc.block_tokens(block);
            let Some(last) = toks.iter().rev().find(|t| t.span.end <= stem_end && t.kind != TokenKind::Space) else {
                continue;
            };
            if last.kind != TokenKind::Word || last.span.end != stem_end {
                continue;
            }
            if !doc.text(last.span).starts_with(|c: char| c.is_lowercase()) {
                continue;
            }
            // A title-case headline cut off only on a word that cannot end
            // one ("Mayor Hopes New Terminal Will Draw Tourists Back to
            // the..."; not "... With the Anchors...").
            if block.title_case && !NEVER_LAST.contains(&doc.text(last.span)) {
                continue;
            }
            // Words of the unfinished sentence.
            let mut n = 0;
            for t in toks.iter().rev().filter(|t| t.span.end <= stem_end) {
                match t.kind {
                    TokenKind::Word => n += 1,
                    TokenKind::Punct if matches!(doc.text(t.span), "." | "!" | "?" | ":" | ";") => break,
                    _ => {}
                }
            }
            if n < 6 {
                continue;
            }
            // Any opening quotation mark in the unfinished sentence means quoted speech.
            let cut = Span::new(last.span.start, ellipsis.end);
            cx.report(cut, "teaser cut off in mid-sentence")
                .help("restore the full paragraph from the source or delete the teaser");
        }
        cut_at_the_end(doc, cx);
    }
}

/// Words that cannot end an English sentence: a text whose last line ends
/// on one, with no punctuation, was cut off.
#[rustfmt::skip]
const NEVER_LAST: &[&str] = &[
    "the", "a", "an", "of", "to", "and", "or", "but", "that", "with", "for", "in", "on", "at", "by", "from", "into", "his", "her",
    "their", "its", "our", "my", "your", "is", "was", "were", "are", "will", "would", "has", "have", "had", "which", "who", "than",
    "be", "been", "because", "while", "whose", "as", "across", "among", "amid", "amidst", "during", "despite", "towards", "toward",
    "onto", "via", "whether", "although", "unless", "whereas", "nor", "per", "including", "every",
];

/// (3) The document's last line is running text cut off in mid-sentence
/// ("..., officials said, adding that the"): a scraper or a length limit
/// truncated the article. English documents only.
fn cut_at_the_end(doc: &Document, cx: &mut Ctx) {
    let Some(block) = doc.blocks.last() else { return };
    if !matches!(block.scope, Scope::Paragraph | Scope::Line) || block.title_case || !doc.is_english() {
        return;
    }
    let toks = doc.block_tokens(block);
    let Some(last) = toks.iter().rev().find(|t| t.kind != TokenKind::Space) else {
        return;
    };
    let word = doc.text(last.span);
    // The word must end the file: not a link's text ("[forked from](url)").
    let ends_file = doc.source.text.get(last.span.end..).is_some_and(|rest| rest.trim().is_empty());
    if last.kind != TokenKind::Word || !NEVER_LAST.contains(&word) || doc.in_quote(last.span) || !ends_file {
        return;
    }
    // Words of the unfinished sentence, and of the line.
    let mut sentence = 0;
    let mut open = true;
    let mut line = 0;
    for t in toks.iter().rev() {
        match t.kind {
            TokenKind::Word => {
                line += 1;
                sentence += usize::from(open);
            }
            TokenKind::Punct if matches!(doc.text(t.span), "." | "!" | "?" | ":" | ";") => open = false,
            _ => {}
        }
    }
    if sentence < 6 || line < 12 {
        return;
    }
    cx.report(last.span, "the text ends in mid-sentence: it was cut off")
        .help("restore the rest of the text from the source");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{fixed, flagged};

    #[test]
    fn flags_teaser_of_a_headline() {
        let t = "Parade in the Capital Draws World Leaders, Marking His First...\nParade in the Capital Draws World Leaders, Marking His First Trip Abroad in Six Years\n\nThe parade began at dawn.\n";
        assert_eq!(
            flagged(&TruncatedTeaser, t),
            vec!["Parade in the Capital Draws World Leaders, Marking His First..."]
        );
        assert_eq!(
            fixed(&TruncatedTeaser, t),
            "Parade in the Capital Draws World Leaders, Marking His First Trip Abroad in Six Years\n\nThe parade began at dawn.\n"
        );
        let t2 = "The council voted on Tuesday to close the old bridge to…\n\nThe council voted on Tuesday to close the old bridge to heavy traffic.\n";
        assert_eq!(flagged(&TruncatedTeaser, t2).len(), 1);
        // A teaser of a paragraph that opens with a quotation.
        let t3 = "\"This is truly one of the...\nHe built iron boats.\n\"This is truly one of the finest ships ever built,\" she said.\n";
        assert_eq!(flagged(&TruncatedTeaser, t3), vec!["\"This is truly one of the..."]);
    }

    #[test]
    fn flags_cut_teaser_paragraph() {
        let t = "The leader will attend a parade next week. It will mark his first such appearance at a multilateral event since taking...\n\nOther text.\n";
        assert_eq!(flagged(&TruncatedTeaser, t), vec!["taking..."]);
        let t = "Officials said the new rules would apply to every company that operates in the…\n";
        assert_eq!(flagged(&TruncatedTeaser, t), vec!["the…"]);
        // A title-case headline of a listing, cut on a word that cannot end it.
        let t = "The council met on Tuesday.\n\nMayor Hopes New Terminal Will Draw Tourists Back to the...\n";
        assert_eq!(flagged(&TruncatedTeaser, t), vec!["the..."]);
    }

    #[test]
    fn flags_text_cut_off_at_the_end() {
        let t = "The council approved the plan on Tuesday.\n\nConstruction is expected to begin in the autumn, officials said, adding that the\n";
        assert_eq!(flagged(&TruncatedTeaser, t), vec!["the"]);
        let t = "The council approved the plan on Tuesday.\n\nOfficials urged residents to stay away as water levels continued to rise along the coast and across\n";
        assert_eq!(flagged(&TruncatedTeaser, t), vec!["across"]);
        for ok in [
            "The council approved the plan on Tuesday.\n\nConstruction is expected to begin in the autumn, officials said.\n",
            "The council approved the plan.\n\nRead more about the\n",
            "# Notes on the\n",
            "The council approved the plan on Tuesday, and construction will begin in the autumn of\n\nNext year.\n",
            "The council approved the plan on Tuesday, and officials said \"construction will begin soon and\n",
            "The council approved the plan on Tuesday, and the design was [forked from](https://example.com/a)\n",
        ] {
            assert!(
                flagged(&TruncatedTeaser, ok).is_empty(),
                "{ok}: {:?}",
                flagged(&TruncatedTeaser, ok)
            );
        }
    }

    #[test]
    fn leaves_ellipses_alone() {
        for t in [
            "It sounds serene...\nWe pack the car.\n",
            "\"I think we will win, but you never know with these things...\" he said.\n",
            "\"We were walking home and then all of a sudden...\"\n",
            "The report says the program [...] was a failure.\n",
            "Coming Up Next on the Evening Show With the Anchors...\n",
            "Coming Up Next on the Evening Show With the Anchors and Guests...\n",
            "I also pray to God to lend his family patience...there is no strength but his.\n",
            "He said it was over. Wait for it...\n",
        ] {
            assert!(flagged(&TruncatedTeaser, t).is_empty(), "{t}: {:?}", flagged(&TruncatedTeaser, t));
        }
    }
}
