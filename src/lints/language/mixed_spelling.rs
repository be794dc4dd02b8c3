use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

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
    /// Organisation", "Department of Defense") and quotations are exempt.
    /// Without a configured spelling, the minority is flagged only when the
    /// majority has at least two forms. The fix is unsafe.
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
    /// Pattern index -> (pair, column).
    map: Vec<(usize, usize)>,
    ac: Option<AhoCorasick>,
    spelling: Spelling,
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
        let ac = if pats.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    .ascii_case_insensitive(true)
                    .kind(Some(AhoCorasickKind::ContiguousNFA))
                    .build(&pats)
                    .map_err(|e| e.to_string())?,
            )
        };
        Ok(Box::new(MixedSpelling {
            pairs,
            neutral,
            map,
            ac,
            spelling: cx.spelling,
        }))
    }
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

fn is_word_byte(b: Option<&u8>) -> bool {
    b.is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80 || *b == b'_' || *b == b'-')
}

impl Lint for MixedSpelling {
    fn rules(&self) -> Vec<RuleInfo> {
        vec![RuleInfo::from(&MIXED_SPELLING)]
    }

    fn check(&self, doc: &Document, cx: &mut Ctx) {
        let Some(ac) = &self.ac else { return };
        let prose = doc.prose.as_bytes();
        let mut hits: Vec<Hit> = Vec::new();
        for block in &doc.blocks {
            let text = &doc.prose[block.span.range()];
            for m in ac.find_iter(text) {
                let (s, e) = (block.span.start + m.start(), block.span.start + m.end());
                if is_word_byte(s.checked_sub(1).and_then(|p| prose.get(p))) || is_word_byte(prose.get(e)) {
                    continue;
                }
                let span = Span::new(s, e);
                let word = &doc.prose[s..e];
                if self.exempt(doc, span, word) {
                    continue;
                }
                let (pair, col) = self.map[m.pattern().as_usize()];
                hits.push(Hit { span, pair, col });
            }
        }
        if hits.is_empty() {
            return;
        }
        let gb = hits.iter().filter(|h| h.col == GB).count();
        let us = hits.iter().filter(|h| h.col == US && !self.neutral[h.pair]).count();
        let preferred = match self.spelling {
            Spelling::EnGb => GB,
            Spelling::EnUs => US,
            Spelling::Any => {
                if gb >= 2 && us >= 1 && gb > us {
                    GB
                } else if us >= 2 && gb >= 1 && us > gb {
                    US
                } else {
                    // No clear majority: only the same word spelt both ways.
                    self.same_word(doc, &hits, cx);
                    return;
                }
            }
        };
        let forced = self.spelling != Spelling::Any;
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
            self.report(doc, h, preferred, if forced { None } else { example }, forced, cx);
        }
    }
}

impl MixedSpelling {
    /// Capitalised forms in names, all-caps forms and quotations.
    fn exempt(&self, doc: &Document, span: Span, word: &str) -> bool {
        let first_upper = word.starts_with(|c: char| c.is_ascii_uppercase());
        if word.len() > 1 && word.bytes().all(|b| b.is_ascii_uppercase()) {
            return true;
        }
        if doc.in_quote(span) {
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
        after.starts_with(|c: char| c.is_uppercase())
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
            self.report(doc, h, 1 - h.col, example, false, cx);
        }
    }

    fn report(&self, doc: &Document, h: &Hit, preferred: usize, example: Option<Span>, forced: bool, cx: &mut Ctx) {
        let Some((gb, us)) = self.pairs.get(h.pair) else { return };
        let found = doc.text(h.span);
        let target = if preferred == GB { gb } else { us };
        let target = match_case(found, target);
        let (this, that) = if h.col == GB {
            ("British", "American")
        } else {
            ("American", "British")
        };
        let msg = if forced {
            format!("'{found}' is {this} spelling; the configured spelling is {that} ('{target}')")
        } else {
            format!("'{found}' is {this} spelling in a document that mostly uses {that} spelling ('{target}')")
        };
        let f = cx.report(h.span, msg);
        f.replace(target.clone(), Applicability::Unsafe);
        if let Some(ex) = example {
            f.label(ex, format!("{that} spelling here"));
        }
        f.help(format!("write '{target}'"));
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
    fn config_decides() {
        let l = lint(Spelling::EnGb);
        assert_eq!(flagged(l.as_ref(), "The color of the flag."), vec!["color"]);
        assert!(flagged(l.as_ref(), "The organization chose a colour.").is_empty());
        let l = lint(Spelling::EnUs);
        assert_eq!(flagged(l.as_ref(), "The colour of the flag."), vec!["colour"]);
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
        ] {
            assert!(flagged(l.as_ref(), ok).is_empty(), "{ok}: {:?}", flagged(l.as_ref(), ok));
        }
    }
}
