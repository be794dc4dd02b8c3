use rustc_hash::FxHashMap;
use std::hash::BuildHasher;

use crate::declare_lint;
use crate::document::{Document, Scope};
use crate::finding::{Applicability, Edit};
use crate::lint::{Ctx, Lint, RuleInfo};
use crate::lints::scrape::{head_hash, head_key, line_deletion, normalize, word_count};
use crate::source::Span;

declare_lint! {
    /// ## What it does
    ///
    /// Flags a line, paragraph or headline that repeats an earlier one of the
    /// same document verbatim or nearly so. The second copy is flagged; a
    /// label points at the first.
    ///
    /// ## Why is this bad?
    ///
    /// Scrapers pick up a headline twice (page title and article title), and
    /// pipelines that join pages or retry requests duplicate paragraphs. The
    /// reader meets the same text twice.
    ///
    /// ## Example
    ///
    /// ```text
    /// Parade in the Capital Draws World Leaders
    /// ...
    /// Parade in the Capital Draws World Leaders
    /// ```
    ///
    /// ## Known problems
    ///
    /// Lines are compared lowercased with punctuation folded, so "Leaders"
    /// and "leaders:" are the same; near copies are lines with the same first
    /// four words (or, for lines of twelve words or more outside quotations,
    /// the same last 16 bytes) whose word-level similarity is at least 90 % and whose
    /// lengths differ by less than a fifth (compared with the 32 latest such
    /// lines only). Lines of fewer than five words,
    /// list items, table cells, block quotes and lines of fewer than twenty
    /// words inside quotation marks (refrains in quoted speech) are never
    /// compared. A repeat that is
    /// intended (a chorus, a pull quote outside quotation marks) is flagged.
    /// The fix deletes the second copy: safe when it is byte-identical,
    /// unsafe otherwise.
    pub static DUPLICATE_LINE = {
        name: "duplicate-line",
        family: "repetition",
        severity: Warning,
        status: Stable,
        fix: Some(Applicability::Safe),
        english_only: false,
    };
}

#[derive(Default)]
pub struct DuplicateLine;

const MIN_WORDS: usize = 5;

/// Words a line needs for a near copy found by its last letters.
const TAIL_MIN_WORDS: u32 = 12;
/// Shortest line inside quotation marks that is compared (shorter ones may
/// be refrains of quoted speech).
const MIN_QUOTED_WORDS: usize = 20;
/// How many earlier lines with the same first four words a line is
/// compared with for a near copy (exact copies are found among all).
const NEAR_WINDOW: usize = 32;

impl Lint for DuplicateLine {
    fn rules(&self) -> Vec<RuleInfo> {
        vec![RuleInfo::from(&DUPLICATE_LINE)]
    }

    fn check(&self, doc: &Document, cx: &mut Ctx) {
        // Both exact and near copies share their first four words. Lines
        // whose first words no other line has can neither repeat nor be
        // repeated: find them by a cheap key of those words, then by their
        // hash, and compare whole lines only within a group.
        // The other conditions (five words, outside quotations) are checked
        // only for lines whose key recurs: a line whose key no line has
        // has none among the lines that meet them.
        let mut keys: Vec<((u64, u32), usize)> = Vec::with_capacity(doc.blocks.len());
        // The same by the line's last letters: a near copy whose first words
        // differ ("The organisers said ..." / "The organizers said ...").
        let mut tails: Vec<(u64, usize)> = Vec::with_capacity(doc.blocks.len());
        for (i, block) in doc.blocks.iter().enumerate() {
            if matches!(block.scope, Scope::ListItem | Scope::TableCell | Scope::Quote | Scope::Caption) {
                continue;
            }
            let text = doc.prose.get(block.span.range()).unwrap_or("");
            keys.push((head_key(text), i));
            if block.words >= TAIL_MIN_WORDS {
                tails.push((tail_key(text), i));
            }
        }
        // Lines reported as copies (few: a list).
        let mut reported: Vec<usize> = Vec::new();
        let mut keys = shared(keys);
        keys.retain(|&(_, i)| {
            let block = &doc.blocks[i];
            // A line inside quotation marks may be a refrain; one of twenty
            // words or more is a quoted paragraph, which a pipeline copied.
            word_count(doc, block, MIN_QUOTED_WORDS) >= if doc.in_quote(block.span) { MIN_QUOTED_WORDS } else { MIN_WORDS }
        });
        let heads: Vec<(u64, usize)> = shared(keys)
            .into_iter()
            .map(|(_, i)| (head_hash(doc.prose.get(doc.blocks[i].span.range()).unwrap_or(""), 4), i))
            .collect();
        let heads = shared(heads);
        // The earlier lines of each head, unreported, with their keys.
        let mut groups: FxHashMap<u64, Vec<(usize, Line)>> = FxHashMap::default();
        for (head, i) in heads {
            let key = Line::new(normalize(doc.prose.get(doc.blocks[i].span.range()).unwrap_or("")));
            let group = groups.entry(head).or_default();
            if let Some(&(first, _)) = group.iter().find(|(_, other)| other.text == key.text) {
                self.report(doc, i, first, true, cx);
                reported.push(i);
                continue;
            }
            // Near copies among the last lines of the group only: a document
            // of thousands of lines with one opening stays linear.
            let recent = group.len().saturating_sub(NEAR_WINDOW);
            if let Some(&(first, _)) = group
                .get(recent..)
                .unwrap_or(&[])
                .iter()
                .find(|(_, other)| similar_lines(other, &key))
            {
                self.report(doc, i, first, false, cx);
                reported.push(i);
                continue;
            }
            group.push((i, key));
        }
        // Near copies with other first words: lines whose last letters
        // recur, not reported above (sorted by key, then by line; most
        // documents have no recurring key and stop here).
        tails.sort_unstable();
        if !tails.windows(2).any(|w| w[0].0 == w[1].0) {
            return;
        }
        for group in tails.chunk_by(|a, b| a.0 == b.0).filter(|g| g.len() >= 2) {
            let mut seen: Vec<(usize, Line)> = Vec::new();
            let len = |i: usize| doc.blocks[i].span.len();
            for &(_, i) in group {
                // (A near copy has about the same length: most lines that
                // only end alike are ruled out before normalizing.)
                let close = group
                    .iter()
                    .any(|&(_, j)| j != i && len(i).min(len(j)) * 4 >= len(i).max(len(j)) * 3);
                if !close || reported.contains(&i) || doc.in_quote(doc.blocks[i].span) {
                    continue;
                }
                let key = Line::new(normalize(doc.prose.get(doc.blocks[i].span.range()).unwrap_or("")));
                let recent = seen.len().saturating_sub(NEAR_WINDOW);
                match seen
                    .get(recent..)
                    .unwrap_or(&[])
                    .iter()
                    .find(|(_, other)| similar_lines(other, &key))
                {
                    Some(&(first, _)) if !reported.contains(&first) => {
                        self.report(doc, i, first, false, cx);
                        reported.push(i);
                    }
                    Some(_) => {}
                    None => seen.push((i, key)),
                }
            }
        }
    }
}

/// A key of a line's last 16 bytes, trailing blanks and punctuation left
/// out, ASCII letters lowercased.
fn tail_key(text: &str) -> u64 {
    let b = text.as_bytes();
    let mut end = b.len();
    while end > 0 && (b[end - 1].is_ascii_whitespace() || b[end - 1].is_ascii_punctuation()) {
        end -= 1;
    }
    let mut k: u128 = 0;
    for &c in &b[end.saturating_sub(16)..end] {
        k = (k << 8) | u128::from(c.to_ascii_lowercase());
    }
    (k as u64) ^ ((k >> 64) as u64).rotate_left(17)
}

/// The items whose key another item has, in their order.
fn shared<K: Ord + Copy, V: Copy>(mut items: Vec<(K, V)>) -> Vec<(K, V)> {
    if items.len() < 2 {
        return Vec::new();
    }
    // The keys sorted: a key recurs when a neighbour has it.
    let mut sorted: Vec<K> = items.iter().map(|&(k, _)| k).collect();
    sorted.sort_unstable();
    let recurs = |k: &K| {
        let i = sorted.partition_point(|x| x < k);
        sorted.get(i + 1) == Some(k)
    };
    let unique = sorted.windows(2).all(|w| w[0] != w[1]);
    if unique {
        return Vec::new();
    }
    items.retain(|(k, _)| recurs(k));
    items
}

/// A normalized line and the sorted hashes of its words.
struct Line {
    text: String,
    hashes: Vec<u64>,
}

impl Line {
    fn new(text: String) -> Line {
        let mut hashes: Vec<u64> = text.split(' ').map(|w| rustc_hash::FxBuildHasher.hash_one(w)).collect();
        hashes.sort_unstable();
        Line { text, hashes }
    }
}

/// Near copies: lengths within a fifth and a word-level similarity of at
/// least 90 %.
fn similar_lines(a: &Line, b: &Line) -> bool {
    let (la, lb) = (a.text.len(), b.text.len());
    if la.min(lb) * 5 < la.max(lb) * 4 {
        return false;
    }
    // The diff's ratio (twice the matched words over all words) is at most
    // the share of words the two lines have in common as multisets: that
    // bound rules out most pairs before the diff, whose cost grows with the
    // number of differences.
    let (ha, hb) = (&a.hashes, &b.hashes);
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while let (Some(x), Some(y)) = (ha.get(i), hb.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    if 20 * common < 9 * (ha.len() + hb.len()) {
        return false;
    }
    let wa: Vec<&str> = a.text.split(' ').collect();
    let wb: Vec<&str> = b.text.split(' ').collect();
    let diff = similar::TextDiff::configure().diff_slices(&wa, &wb);
    diff.ratio() >= 0.9
}

impl DuplicateLine {
    fn report(&self, doc: &Document, second: usize, first: usize, exact: bool, cx: &mut Ctx) {
        let (Some(a), Some(b)) = (doc.blocks.get(first), doc.blocks.get(second)) else {
            return;
        };
        let identical = doc.text(a.span) == doc.text(b.span);
        let line = doc.source.line_index(a.span.start) + 1;
        let what = if exact { "repeats" } else { "nearly repeats" };
        let del = line_deletion(doc, b.span);
        let app = if identical { Applicability::Safe } else { Applicability::Unsafe };
        cx.report(b.span, format!("this {} {what} line {line}", scope_name(b.scope)))
            .label(a.span, "first written here")
            .fix_edits(
                vec![Edit {
                    span: Span::new(del.start, del.end),
                    replacement: String::new(),
                }],
                app,
            )
            .help("delete the second copy");
    }
}

fn scope_name(scope: Scope) -> &'static str {
    match scope {
        Scope::Heading(_) => "heading",
        Scope::Paragraph => "paragraph",
        _ => "line",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{fixed, flagged, run};
    use crate::source::FileKind;

    #[test]
    fn flags_repeated_headline() {
        let t = "Parade in the Capital Draws World Leaders\n\nThe parade began at dawn.\n\nParade in the Capital Draws World Leaders\n\nIt ended at noon.\n";
        assert_eq!(flagged(&DuplicateLine, t), vec!["Parade in the Capital Draws World Leaders"]);
        assert_eq!(
            fixed(&DuplicateLine, t),
            "Parade in the Capital Draws World Leaders\n\nThe parade began at dawn.\n\nIt ended at noon.\n"
        );
    }

    #[test]
    fn flags_exact_copies_with_other_punctuation() {
        let t = "Parade in the Capital Draws World Leaders\nThe parade began at dawn today.\nParade in the capital draws world leaders:\n";
        assert_eq!(flagged(&DuplicateLine, t), vec!["Parade in the capital draws world leaders:"]);
        let f = run(&DuplicateLine, t, FileKind::Plain);
        assert!(f[0].message.contains("repeats line 1"), "{}", f[0].message);
    }

    #[test]
    fn flags_a_copied_quoted_paragraph() {
        let q =
            "\"They went too far. Maybe last spring it was necessary, but there are real consequences of people not returning to work.\"";
        let t = format!("The minister spoke on Monday about the plan.\n{q}\n{q}\nHe left.\n");
        assert_eq!(flagged(&DuplicateLine, &t), vec![q]);
    }

    #[test]
    fn flags_near_copies() {
        let t = "The minister said the budget would be published next week after a cabinet meeting.\nOther text follows here today.\nThe minister said the budget would be published next week, after a cabinet meeting on Monday.\n";
        assert_eq!(flagged(&DuplicateLine, t).len(), 1);
        let f = run(&DuplicateLine, t, FileKind::Plain);
        assert!(f[0].fix.as_ref().is_some_and(|x| x.applicability == Applicability::Unsafe));
        // Other first words, the same ending.
        let t = "The organisers said the race had been the largest in its history, with runners from 40 countries.\n\
                 The winner was happy.\n\
                 The organizers said the race had been the largest in its history, with runners from 40 countries.\n";
        assert_eq!(flagged(&DuplicateLine, t).len(), 1);
        // Lines that only end alike are no copies.
        let t = "Prices rose sharply in the capital last month, the ministry said in a statement.\n\
                 Exports to the region fell for a third month, the ministry said in a statement.\n";
        assert!(flagged(&DuplicateLine, t).is_empty());
    }

    #[test]
    fn leaves_legitimate_repeats() {
        for t in [
            // Short lines and different lines with a shared opening.
            "Read more\nText one is here.\nRead more\n",
            "Military Parade in Beijing to Witness Attendance of Kim, Marking His First Multilateral...\nMilitary Parade in Beijing to Witness Attendance of Kim, Marking His First Multilateral Public Engagement in Six Years\n",
            "The minister said the budget was ready.\nThe minister said the vote would be held on Friday afternoon.\n",
            // Refrains in quoted speech.
            "\"We shall overcome, we shall overcome someday\"\nThey sang.\n\"We shall overcome, we shall overcome someday\"\n",
        ] {
            assert!(flagged(&DuplicateLine, t).is_empty(), "{t}");
        }
        let md = "- apples and pears and plums too\n- apples and pears and plums too\n\n| a b c d e | x |\n|---|---|\n| a b c d e | y |\n";
        assert!(run(&DuplicateLine, md, FileKind::Markdown).is_empty());
    }
}
