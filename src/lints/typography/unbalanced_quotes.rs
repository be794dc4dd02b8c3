use crate::declare_lint;
use crate::document::Document;
use crate::lint::{Ctx, Lint, RuleInfo};
use crate::source::Span;

declare_lint! {
    /// ## What it does
    ///
    /// Flags double quotation marks that do not pair within a paragraph: an
    /// opening mark where a closing one belongs ("a summit “was being
    /// considered. “Lula and Modi ..."), a closing mark with no opening one,
    /// and a quotation that is never closed. Straight (") and curly (“ ”)
    /// marks are both checked. A second rule, `mixed-quote-style` (info),
    /// reports a document that mixes straight and curly double quotes.
    ///
    /// ## Why is this bad?
    ///
    /// Readers cannot tell where a quotation ends, which changes who said
    /// what. Machine translation often turns a closing mark into an opening
    /// one, and scrapers cut quotations apart.
    ///
    /// ## Example
    ///
    /// ```text
    /// He said the summit “was being considered. “Both leaders agreed.
    /// ```
    ///
    /// Use instead: `“was being considered.” Both leaders agreed.`
    ///
    /// ## Known problems
    ///
    /// The news convention of a quotation that runs over several paragraphs
    /// is respected: a paragraph may end inside a quotation when the next
    /// paragraph opens with a new opening mark, unless the speaker's
    /// attribution ends a sentence inside it (", she said.", ", said Jane
    /// Smith."), which shows where the closing mark was lost, or a whole line
    /// of narration (no first- or second-person word) carries it on before
    /// the next one opens. The same convention is respected inside one
    /// line whose paragraph breaks a scraper removed: a new quotation of
    /// speech (punctuation before its closing mark, or six words) that
    /// opens a sentence while one is open ends the open one, unless that one
    /// holds its attribution (", ministry spokesman Ali Karimov said.",
    /// ", he said, speaking through an interpreter") or is a lowercase phrase
    /// opened inside a sentence ("called for a \"soaring memorial. ..."), whose
    /// closing mark was lost (other missing closing marks right before such
    /// a quotation are missed). A paragraph cut off by an ellipsis (a teaser) may
    /// leave its quotation open. Inch marks after digits
    /// (`12"`) are ignored, and so are single quotation marks, which cannot
    /// be told from apostrophes. In plain text a paragraph is a line, or
    /// several lines without a blank line when the parser joins them. No fix
    /// is offered.
    pub static UNBALANCED_QUOTES = {
        name: "unbalanced-quotes",
        family: "typography",
        severity: Warning,
        status: Preview,
        fix: None,
        english_only: false,
    };
}

declare_lint! {
    /// ## What it does
    ///
    /// Reports a document that mixes straight (") and curly (“ ”) double
    /// quotation marks (reported by the `unbalanced-quotes` runner).
    ///
    /// ## Why is this bad?
    ///
    /// Mixed quotation marks show text pasted together from different
    /// sources or pipelines, and look careless in print.
    ///
    /// ## Example
    ///
    /// ```text
    /// He called it “historic”. She said "no".
    /// ```
    ///
    /// Use one style throughout.
    ///
    /// ## Known problems
    ///
    /// One finding per document, at the first mark of the less used style.
    pub static MIXED_QUOTE_STYLE = {
        name: "mixed-quote-style",
        family: "typography",
        severity: Info,
        status: Preview,
        fix: None,
        english_only: false,
    };
}

#[derive(Default)]
pub struct UnbalancedQuotes;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    /// A straight mark: opens or closes by the state.
    Straight,
    /// A straight mark shaped as a closing one (after a word, before a space).
    StraightClose,
    /// A straight mark shaped as an opening one (after a space, before a word).
    StraightOpen,
}

impl Lint for UnbalancedQuotes {
    fn rules(&self) -> Vec<RuleInfo> {
        vec![RuleInfo::from(&UNBALANCED_QUOTES), RuleInfo::from(&MIXED_QUOTE_STYLE)]
    }

    fn check(&self, doc: &Document, cx: &mut Ctx) {
        let prose = &doc.prose;
        // The first mark of the text at or after `.0` (`.1`): blocks before
        // it hold no mark and are not searched.
        let mut ahead = (0, next_mark(prose.as_bytes(), 0));
        if ahead.1.is_none() {
            return;
        }
        let mut straight: Vec<usize> = Vec::new();
        let mut curly: Vec<usize> = Vec::new();
        let mut carried: Option<(usize, Mark)> = None;
        let mut i = 0;
        let mut marks: Vec<(usize, Mark)> = Vec::new();
        while i < doc.blocks.len() {
            // One paragraph: consecutive blocks with the same number.
            let para = doc.blocks[i].paragraph;
            let mut j = i;
            marks.clear();
            while j < doc.blocks.len() && doc.blocks[j].paragraph == para {
                let span = doc.blocks[j].span;
                if ahead.0 > span.start || ahead.1.is_some_and(|p| p < span.start) {
                    ahead = (span.start, next_mark(prose.as_bytes(), span.start));
                }
                if ahead.1.is_some_and(|p| p < span.end) {
                    collect(prose, span, &mut marks);
                }
                j += 1;
            }
            for &(at, m) in &marks {
                match m {
                    Mark::Straight | Mark::StraightClose | Mark::StraightOpen => straight.push(at),
                    _ => curly.push(at),
                }
            }
            if marks.is_empty() && carried.is_none() {
                // Nothing to pair, nothing carried on.
                i = j;
                continue;
            }
            let next = doc.blocks.get(j);
            // A paragraph cut off by an ellipsis (a teaser, which
            // `truncated-teaser` reports) may leave its quotation open.
            let cut = prose
                .get(doc.blocks[i].span.start..doc.blocks[j - 1].span.end)
                .is_some_and(|t| t.trim_end().ends_with("...") || t.trim_end().ends_with('\u{2026}'));
            let next_opens = cut || next.is_some_and(|b| prose[b.span.range()].trim_start().starts_with(['"', '\u{201c}']));
            // The next line follows without a blank line: a scraper may
            // have split one paragraph into lines.
            let next_adjacent = next.is_some_and(|b| {
                let end = doc.blocks[j - 1].span.end;
                b.span.start >= end && prose[end..b.span.start].matches('\n').count() == 1
            });
            let para_end = doc.blocks[j - 1].span.end;
            carried = if cx.enabled(0) {
                check_paragraph(
                    &marks,
                    carried,
                    next_opens,
                    next_adjacent,
                    prose.get(..para_end).unwrap_or(""),
                    doc.blocks[i].span.start,
                    cx,
                )
            } else {
                None
            };
            i = j;
        }
        if cx.enabled(1) && !straight.is_empty() && !curly.is_empty() {
            let (minority, majority, kind) = if straight.len() <= curly.len() {
                (&straight, &curly, "straight")
            } else {
                (&curly, &straight, "curly")
            };
            let (Some(&at), Some(&other)) = (minority.first(), majority.first()) else {
                return;
            };
            let len = prose[at..].chars().next().map_or(1, char::len_utf8);
            let olen = prose[other..].chars().next().map_or(1, char::len_utf8);
            let f = cx.report_rule(
                1,
                Span::new(at, at + len),
                format!(
                    "straight and curly double quotation marks are mixed ({} straight, {} curly); this {kind} one is the less used style",
                    straight.len(),
                    curly.len()
                ),
            );
            f.label(Span::new(other, other + olen), "the document's usual style");
            f.help("use one style of quotation marks throughout");
        }
    }
}

/// Quotation marks of a block, inch marks left out.
/// Byte offset of the first double quotation mark (`"`, `\u{201c}` or
/// `\u{201d}`) at or after `from`.
fn next_mark(b: &[u8], from: usize) -> Option<usize> {
    let is_mark = |at: usize| match b.get(at) {
        Some(b'"') => true,
        Some(0xE2) => b.get(at + 1) == Some(&0x80) && matches!(b.get(at + 2), Some(0x9C | 0x9D)),
        _ => false,
    };
    let rest = b.get(from..)?;
    // Most blocks of 32 bytes hold no candidate byte: a test on a fixed-size
    // block, which the compiler vectorizes, skips them.
    let mut chunks = rest.chunks_exact(32);
    for (c, chunk) in chunks.by_ref().enumerate() {
        let hits = chunk.iter().fold(0u8, |acc, &x| acc | u8::from(x == b'"') | u8::from(x == 0xE2));
        if hits != 0 {
            for (i, &x) in chunk.iter().enumerate() {
                let at = from + c * 32 + i;
                if (x == b'"' || x == 0xE2) && is_mark(at) {
                    return Some(at);
                }
            }
        }
    }
    // The last bytes, padded with zeros to a block of 32 (zeros are not
    // candidates): the same test, before a byte-by-byte search.
    let remainder = chunks.remainder();
    let mut pad = [0u8; 32];
    pad.get_mut(..remainder.len())?.copy_from_slice(remainder);
    if pad.iter().fold(0u8, |acc, &x| acc | u8::from(x == b'"') | u8::from(x == 0xE2)) == 0 {
        return None;
    }
    let tail = rest.len() - remainder.len();
    (from + tail..b.len()).find(|&at| is_mark(at))
}

fn collect(prose: &str, span: Span, out: &mut Vec<(usize, Mark)>) {
    let text = &prose[span.range()];
    let mut from = 0;
    // Straight marks so far in the block: with one open, a mark after a
    // digit closes it ("treat \"0\" as false") rather than being an inch.
    let mut straight_open = false;
    while let Some(k) = next_mark(text.as_bytes(), from) {
        let Some(c) = text[k..].chars().next() else { break };
        from = k + c.len_utf8();
        let prev = text[..k].chars().next_back();
        let mut m = match c {
            '\u{201c}' => Mark::Open,
            '\u{201d}' => Mark::Close,
            _ => Mark::Straight,
        };
        // 12" or 5'10": a unit, not a quotation mark.
        let inch = prev.is_some_and(|p| p.is_ascii_digit() || p == '\'') && m != Mark::Open && !(m == Mark::Straight && straight_open);
        let doubled = prev == Some(c) && m == Mark::Straight;
        // The last character of mojibake ("â€œ", "â€“", "â€”": UTF-8 read as
        // Windows-1252), which `mojibake` reports.
        let mojibake = prev == Some('\u{20ac}');
        if m == Mark::Straight {
            // Shape: `enemies" distress` closes, `said "frame` opens.
            let next = text[k + 1..].chars().next();
            let after_word = prev.is_some_and(|p| p.is_alphanumeric() || matches!(p, '.' | ',' | '!' | '?'));
            let before_space = next.is_none_or(|n| n.is_whitespace() || matches!(n, '.' | ',' | ';' | ':' | '!' | '?' | ')'));
            let after_space = prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '-' | '\u{2014}'));
            let before_word = next.is_some_and(char::is_alphanumeric);
            if after_word && before_space {
                m = Mark::StraightClose;
            } else if after_space && before_word {
                m = Mark::StraightOpen;
            }
        }
        if !inch && !doubled && !mojibake {
            if matches!(m, Mark::Straight | Mark::StraightOpen | Mark::StraightClose) {
                straight_open = !straight_open;
            }
            out.push((span.start + k, m));
        }
    }
}

fn mark_span(at: usize, m: Mark) -> Span {
    let len = if matches!(m, Mark::Open | Mark::Close) { 3 } else { 1 };
    Span::new(at, at + len)
}

/// Pair the marks of one paragraph. `carried` is a quotation left open by
/// the previous line; the return value is one this paragraph leaves open
/// for the next line.
fn check_paragraph(
    marks: &[(usize, Mark)],
    carried: Option<(usize, Mark)>,
    next_opens: bool,
    next_adjacent: bool,
    // The document's prose up to the end of the paragraph.
    upto: &str,
    // Where the paragraph starts in `upto`.
    line_start: usize,
    cx: &mut Ctx,
) -> Option<(usize, Mark)> {
    // Open quotations, innermost last.
    let mut stack: Vec<(usize, Mark)> = carried.into_iter().collect();
    let mut is_carried = carried.is_some();
    for (idx, &(at, m)) in marks.iter().enumerate() {
        // A new quotation opening a sentence while one is open, and closed
        // by the next mark: the continuation of a quotation into a new
        // paragraph ("... at all. \"Next, \" she said.") whose paragraph
        // break a scraper removed. The open quotation ends there. (Not when
        // the next mark opens again: "was being considered. \u{201c}Xi and
        // Putin ... \u{201c}old friend\u{201d}".)
        let opens = matches!(m, Mark::Open | Mark::StraightOpen);
        if opens && !stack.is_empty() && !is_carried && sentence_ends_before(upto, at) {
            // A continued quotation is speech, not a quoted title or term
            // ("her new thriller \"The Others. \"Moulin Rouge\" also
            // leads"): punctuation before its closing mark, or six words.
            let closed_next = marks.get(idx + 1).is_some_and(|&(end, n)| {
                matches!(n, Mark::Close | Mark::StraightClose | Mark::Straight)
                    && upto
                        .get(at..end)
                        .is_some_and(|q| q.trim_end().ends_with(['.', ',', '!', '?', ';', ':']) || q.split_whitespace().count() >= 6)
            });
            if closed_next {
                // Unless the open quotation holds its speaker's attribution
                // ("... millimetres, she said. \"In some places"): its
                // closing mark was lost before it.
                // Nor when it opened inside a sentence ("calling for a
                // \"soaring memorial. ..."): a quoted phrase, not a paragraph
                // of speech, which opens its sentence or follows a colon or
                // comma.
                if let Some(&(o, om)) = stack.first() {
                    if upto.get(o..at).is_some_and(attributed) || opens_inside_sentence(upto, o) {
                        never_closed(o, om, cx);
                    }
                }
                stack.clear();
                stack.push((at, m));
                continue;
            }
        }
        match m {
            Mark::Open if is_carried => {
                if let Some(&(o, om)) = stack.first() {
                    never_closed(o, om, cx);
                }
                stack.clear();
                stack.push((at, m));
                is_carried = false;
            }
            Mark::Open => match stack.last() {
                Some(&(o, om)) if om == Mark::Open => {
                    let f = cx.report(
                        mark_span(at, m),
                        "opening quotation mark inside an open quotation; a closing mark may belong here",
                    );
                    f.label(mark_span(o, om), "the quotation opened here");
                    f.help("close the first quotation (\u{201d}) or remove one of the marks");
                    stack.pop();
                }
                _ => stack.push((at, m)),
            },
            Mark::StraightOpen => {
                stack.push((at, m));
                is_carried = false;
            }
            Mark::Straight if stack.is_empty() => stack.push((at, m)),
            Mark::Close | Mark::Straight | Mark::StraightClose => {
                if stack.pop().is_some() {
                    is_carried = false;
                } else {
                    let f = cx.report(mark_span(at, m), "closing quotation mark without an opening one in this paragraph");
                    f.help("add the opening mark or remove this one");
                }
            }
        }
    }
    let (o, om) = stack.first().copied()?;
    // A quotation may run on into the next paragraph, which then opens with
    // a new opening mark; or into the next line of the same paragraph. Not
    // one that its speaker's attribution follows ("..., she said."): it
    // should have closed before it.
    if next_opens {
        // A quotation carried over a whole line of narration (no first- or
        // second-person word) ends before a new one opens: its closing
        // mark was lost.
        let narration = is_carried && upto.get(line_start..).is_some_and(|l| !personal(l));
        // A quoted fragment opened after a word inside a sentence ("the
        // board had \"failed in its duty by renewing ...") is part of its
        // sentence: it never runs on into the next paragraph.
        if narration || (!is_carried && (upto.get(o..).is_some_and(attributed) || opens_inside_sentence(upto, o))) {
            never_closed(o, om, cx);
        }
        return None;
    }
    // Only one line on: a quotation carried over a whole line is not one.
    if next_adjacent && !is_carried {
        return Some((o, om));
    }
    never_closed(o, om, cx);
    None
}

/// Whether a sentence ends just before `at` in `text` (sentence-final
/// punctuation, then a space).
fn sentence_ends_before(text: &str, at: usize) -> bool {
    let Some(before) = text.get(..at) else { return false };
    let trimmed = before.trim_end_matches(' ');
    trimmed.len() < before.len() && trimmed.ends_with(['.', '!', '?'])
}

/// Whether the mark at `at` follows a word inside a sentence and opens a
/// lowercase phrase ("for a \"soaring"), not speech after the start of a
/// sentence or line, a colon or a comma ("the storm struck \"It sounded").
fn opens_inside_sentence(text: &str, at: usize) -> bool {
    let (Some(before), Some(after)) = (text.get(..at), text.get(at..)) else {
        return false;
    };
    let trimmed = before.trim_end_matches(' ');
    let lower = after.chars().skip(1).find(|c| !c.is_whitespace()).is_some_and(char::is_lowercase);
    lower && trimmed.len() < before.len() && trimmed.ends_with(|c: char| c.is_alphanumeric())
}

/// Verbs of a speech attribution.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "told",
    "asked",
    "explained",
    "noted",
    "wrote",
    "insisted",
    "argued",
    "continued",
    "stated",
    "recalled",
    "warned",
    "claimed",
    "replied",
    "declared",
];

/// Whether `text` holds a speech attribution after a comma: ", she
/// said.", ", they added.", ", said Jane Smith.", ", said the State
/// Department.", ", Meunier said of the plan", ", she told Reuters".
fn attributed(text: &str) -> bool {
    fn bare(w: &str) -> &str {
        w.trim_end_matches(['.', ',', ';', '!', '?'])
    }
    let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase()) && !matches!(bare(w), "I" | "We" | "You" | "It" | "They");
    let mut rest = text;
    while let Some(k) = rest.find(", ") {
        rest = &rest[k + 2..];
        // The sentence after the comma: up to its end.
        let sentence = rest.split_inclusive(['.', '!', '?', '\n']).next().unwrap_or("");
        let words: Vec<&str> = sentence.split_whitespace().collect();
        let ends = sentence.ends_with(['.', '!', '?']) || sentence.len() == rest.len();
        // Where the attribution's verb stands: after a pronoun, or after a
        // name of one to five capitalised words ("Meunier", "Rear Admiral
        // Jane Smith"), perhaps after up to three lowercase words of a role
        // ("ministry spokesman Ali Khan").
        let lead = words.iter().take(3).take_while(|w| role_word(w)).count();
        let verb_at = match words.first() {
            Some(a) if matches!(bare(a), "he" | "she" | "they" | "I" | "we") => Some(1),
            Some(_) => words
                .iter()
                .skip(lead)
                .take(6)
                .position(|w| !capital(w) || w.ends_with(','))
                .filter(|&n| (1..=5).contains(&n))
                .map(|n| n + lead),
            None => None,
        };
        if let Some(v) = verb_at {
            // The verb must close its word (", Smith said, adding" is one
            // too, but "Smith said, we" is not told apart from speech).
            let Some(verb) = words.get(v) else { continue };
            if !SPEECH.contains(&bare(verb)) {
                continue;
            }
            let tail = words.get(v + 1).copied();
            // ", she said." ends the sentence; ", she told Reuters",
            // ", Meunier said of", ", Smith said on Monday" go on with a
            // name or a preposition (a name only after a pronoun).
            let pronoun = v == 1 && !capital(words[0]);
            // ", he said, speaking through an interpreter".
            if pronoun && verb.ends_with(',') {
                return true;
            }
            if ends && words.len() == v + 1
                || tail.is_some_and(|t| capital(t) && !matches!(bare(t), "I" | "We" | "You"))
                || !pronoun && tail.is_some_and(|t| matches!(t, "of" | "on" | "in" | "at" | "after" | "during"))
            {
                return true;
            }
            continue;
        }
        let upper = |w: &str| w.starts_with(char::is_uppercase);
        match words.as_slice() {
            // ", said the Tarra Council (TC), an alliance of ...": a name
            // of two capitalised words after the verb, however long the
            // sentence goes on.
            [a, b, c, ..] | [a, _, b, c, ..]
                if SPEECH.contains(&bare(a)) && upper(b) && upper(c) && (words[1] == "the" || upper(words[1])) =>
            {
                return true
            }
            [a, b, more @ ..] if ends && SPEECH.contains(&bare(a)) && b.starts_with(char::is_uppercase) && more.len() < 6 => return true,
            [a, the, b, more @ ..]
                if ends && SPEECH.contains(&bare(a)) && *the == "the" && b.starts_with(char::is_uppercase) && more.len() < 6 =>
            {
                return true
            }
            _ => {}
        }
    }
    false
}

/// A lowercase word that may stand in a role before a name in an
/// attribution ("ministry spokesman Ali Khan said"): letters only, four or
/// more, and not a function word of speech ("then Bob said").
fn role_word(w: &str) -> bool {
    w.len() >= 4
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && !matches!(
            w,
            "then"
                | "when"
                | "that"
                | "this"
                | "what"
                | "where"
                | "which"
                | "while"
                | "after"
                | "before"
                | "because"
                | "also"
                | "just"
                | "only"
                | "even"
                | "really"
                | "said"
                | "says"
                | "told"
                | "they"
                | "them"
                | "there"
                | "with"
                | "from"
        )
}

/// Whether a line has a first- or second-person word ("I", "we", "our",
/// "you"...): quoted speech rather than narration.
fn personal(line: &str) -> bool {
    line.split(|c: char| !c.is_alphabetic()).any(|w| {
        matches!(
            w,
            "I" | "me" | "my" | "we" | "We" | "us" | "our" | "Our" | "you" | "You" | "your" | "Your" | "My"
        )
    })
}

fn never_closed(o: usize, om: Mark, cx: &mut Ctx) {
    let f = cx.report(mark_span(o, om), "quotation mark opened here is never closed in its paragraph");
    f.help("add the closing mark, or remove this one");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{flagged, run};
    use crate::source::FileKind;

    #[test]
    fn a_quoted_fragment_does_not_run_on_into_the_next_paragraph() {
        let l = UnbalancedQuotes;
        let text = "The judge said the board had \"failed in its most basic duty by renewing the permit.\n\n\
                    \"A regulator that looks away is not a regulator,\" she wrote.";
        assert_eq!(flagged(&l, text).len(), 1, "{:?}", flagged(&l, text));
        // Speech opened after a colon runs on.
        let text = "The judge said: \"We failed in our most basic duty.\n\n\"A regulator that looks away is not one,\" she wrote.";
        assert!(flagged(&l, text).is_empty());
    }

    #[test]
    fn flags_unbalanced_marks() {
        let l = UnbalancedQuotes;
        let seed = "An aide told the agency that a summit \u{201c}was being considered. \u{201c}Lula and Modi, in contrast, \
            reaffirmed it, with Lula declaring that Modi was his \u{201c}old friend\u{201d} and Modi calling him a \u{201c}dear friend.\u{201d}";
        assert_eq!(flagged(&l, seed), vec!["\u{201c}"]);
        assert_eq!(flagged(&l, "He said it was \u{201c}over. Then he left."), vec!["\u{201c}"]);
        assert_eq!(flagged(&l, "He said it was over.\u{201d} Then he left."), vec!["\u{201d}"]);
        assert_eq!(flagged(&l, "He said \"it was over. Then he left.\n\nShe stayed."), vec!["\""]);
        assert_eq!(flagged(&l, "He eyed his enemies\" distress.\n\nShe stayed."), vec!["\""]);
        assert_eq!(
            flagged(&l, "He said \u{201c}it was over.\nThen he left.\nShe said \u{201c}no\u{201d}."),
            vec!["\u{201c}"]
        );
    }

    #[test]
    fn attribution_inside_an_open_quotation_in_one_line() {
        let l = UnbalancedQuotes;
        // Paragraph breaks removed by a scraper: the attribution shows the
        // lost closing mark.
        let lost = "It rained. \"It was less than five millimetres, she said. \"In some places it was nothing.\" The end.";
        assert_eq!(flagged(&l, lost), vec!["\""]);
        let lost = "It rained. \u{201c}It was light, Dr Varga said. \u{201c}In places it was nothing.\u{201d} The end.";
        assert_eq!(flagged(&l, lost), vec!["\u{201c}"]);
        // A quotation continued into the next (joined) paragraph.
        let ok = "It rained. \"It was less than five millimetres. \"In some places it was nothing,\" she said.";
        assert!(flagged(&l, ok).is_empty());
        let ok = "He spoke. \"When I called, he said no. \"Then we left,\" she said.";
        assert!(flagged(&l, ok).is_empty());
    }

    #[test]
    fn next_mark_finds_every_mark() {
        let text = "ab\"c \u{201c}d\u{2019}e\u{201d} \u{2014} x".repeat(7);
        let b = text.as_bytes();
        let slow: Vec<usize> = text.match_indices(['"', '\u{201c}', '\u{201d}']).map(|(k, _)| k).collect();
        for from in 0..b.len() {
            assert_eq!(next_mark(b, from), slow.iter().copied().find(|&k| k >= from), "{from}");
        }
        assert_eq!(next_mark(b, b.len()), None);
        assert_eq!(next_mark(b, b.len() + 1), None);
    }

    #[test]
    fn an_attribution_ends_the_quotation() {
        let l = UnbalancedQuotes;
        for bad in [
            "\u{201c}I try to keep them out of the public eye, she said.\n\n\u{201c}You know, now it is different.\u{201d}\n",
            "\"It is a ridiculous demand, said Jane Smith, a local official.\n\n\"We will fight it.\"\n",
            "\"It's not just a gotcha game, Hume said of the purpose of the event.\n\n\"It is serious.\"\n",
            "\"And I mean old trash, Meunier said.\n\n\"Beer cans, mostly.\"\n",
            "\"It is so important to raise a kid with a work ethic, she told Reuters.\n\n\"That's it.\"\n",
            "\"The parties are closer than ever, said the State Department.\n\n\"Talks go on.\"\n",
            "\"We have taken every post, he said, speaking through an interpreter.\n\n\"We hold the pass.\"\n",
            "\"A week ago we believed he was in the area, Rear Admiral Jane Coyle said in Lisbon.\n\n\"Now we do not know.\"\n",
            "\"The ministry regrets the decision, ministry spokesman Ali Karimov said.\n\n\"We will respond.\"\n",
            "\"We have no link to the attack, said the Tarra Valley Council (TVC), an alliance of 12 groups.\n\n\"We condemn it.\"\n",
            // In one line whose paragraph breaks were removed: a quoted
            // phrase opened inside a sentence, a quoted title.
            "He called for a \"soaring, beautiful memorial on the site. Mr Doyle spoke on Monday. \"It will be great,\" he said.\n",
            "She stars in the thriller \"The Others. \"Moulin Rouge\" also leads the nominations.\n",
            // A line of narration carried the quotation on; then a new one opens.
            "\"I have family abroad who have not seen their grandchildren since spring.\nAnna Berg, from Leeds, told the BBC she had booked a trip.\n\"It was a surprise,\" she said.\n",
        ] {
            let found = flagged(&l, bad);
            assert_eq!(found.len(), 1, "{bad:?}: {found:?}");
        }
    }

    #[test]
    fn respects_continued_quotes_and_inches() {
        let l = UnbalancedQuotes;
        for ok in [
            "\u{201c}We will go on,\u{201d} he said.\n\n\u{201c}The first part continues\n\n\u{201c}and ends here.\u{201d}\n",
            "He said: \"We will win. And we will stay.\"\n\"Next,\" she said.",
            "\"The quote runs on.\n\n\"And closes here,\" he said.",
            "The screen is 27\" wide and 5'10\" tall.",
            "Treat \"0\", \"false\" and empty values as false; it says \"0.45 == 0.45\" here.",
            "It opened \u{e2}\u{20ac}\u{201c} and closed \u{e2}\u{20ac}\u{201d} at once.",
            "\"It remains capable of attacks.\nIt also aims to attract fighters,\" the report said.\nThat deal was struck.",
            "No quotes at all here.",
            "\u{201c}I asked them, they said no, and we left.\n\n\u{201c}Then we came back.\u{201d}\n",
            "\u{201c}When I called, she said she was busy.\n\n\u{201c}So I waited.\u{201d}\n",
            "\u{201c}When I called, Mom said we could go.\n\n\u{201c}So we went.\u{201d}\n",
            "\u{201c}We went, they said in May.\n\n\u{201c}So we went.\u{201d}\n",
            // A teaser cut off inside its quotation.
            "\"We will not stop until the job is done and the...\nThe minister spoke on Monday.\n",
            // The carried line is still speech (first person): the convention.
            "He said: \"I would like to apologise to my family for going public.\nI did not protect them as they protected me.\n\"To them I say sorry.\"\n",
            // The convention inside one line whose paragraph breaks a
            // scraper removed.
            "\"Rain fell,\" she said. \"In some places it was not significant at all. \"It will clear soon,\" she said.",
            "\u{201c}We will go on,\u{201d} he said. \u{201c}The first part continues. \u{201c}And ends here,\u{201d} he said.",
            "Mr Walker was on his deck when the storm struck \"It sounded like a train. \"You could hear it,\" Mr Walker said.",
            "\"I was there, and then Bob said we should go.\n\n\"So we went.\"\n",
        ] {
            let found: Vec<_> = run(&l, ok, FileKind::Plain).iter().map(|f| f.lint.to_string()).collect();
            assert!(found.is_empty(), "{ok:?}: {found:?}");
        }
    }

    #[test]
    fn mixed_styles_is_a_separate_info_rule() {
        let l = UnbalancedQuotes;
        let text = "He called it \u{201c}historic\u{201d} and \u{201c}bold\u{201d}. She said \"no\".";
        let found = run(&l, text, FileKind::Plain);
        assert_eq!(found.len(), 1);
        assert_eq!(&*found[0].lint, "mixed-quote-style");
        assert_eq!(&text[found[0].span.range()], "\"");
    }
}
