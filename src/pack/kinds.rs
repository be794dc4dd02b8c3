//! The fixed rule kinds, compiled once for all packs of a run.

use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::{Regex, RegexSet};

use super::{FixKind, Kind, Rule};
use crate::config::Spelling;
use crate::document::{parse_lang, Document, Lang, Scope};
use crate::finding::{Applicability, Edit};
use crate::lint::{Ctx, Lint, RuleInfo, Status};
use crate::source::{FileKind, SourceFile, Span};

/// What an automaton pattern stands for: (rule index, replacement).
type PhraseTarget = (usize, Option<String>);

/// One phrase automaton.
struct PhraseSet {
    ac: AhoCorasick,
    /// Pattern -> (rule, replacement).
    map: Vec<PhraseTarget>,
    /// ASCII case-insensitive: the automaton holds the patterns in ASCII
    /// lowercase and searches ASCII-lowercased text (the same matches, at
    /// the same offsets, as a case-insensitive automaton, and with its
    /// SIMD prefilter).
    folded: bool,
}

struct Compiled {
    info: RuleInfo,
    kind: Kind,
    message: String,
    help: Option<String>,
    scopes: Vec<String>,
    langs: Option<Vec<Lang>>,
    fix: FixKind,
    /// `variants`: groups of forms and the preferred column.
    groups: Vec<Vec<String>>,
    prefer_column: Option<usize>,
    variants_ac: Option<(AhoCorasick, Vec<(usize, usize)>)>,
}

/// Every pack rule of a run, compiled together.
pub struct PackSet {
    rules: Vec<Compiled>,
    /// Phrase and substitute automata (case-insensitive, case-sensitive).
    ac: Vec<PhraseSet>,
    /// Whether the automata may search a whole document at once (no empty
    /// phrase).
    whole_text: bool,
    patterns: Option<(RegexSet, Vec<(usize, Regex)>)>,
    lines: Option<(RegexSet, Vec<usize>)>,
}

fn scope_name(s: Scope) -> &'static str {
    s.name()
}

impl PackSet {
    /// Compile rules given as (family, origin, rule).
    pub fn compile(rules: &[(String, String, Rule)], spelling: Spelling) -> Result<PackSet, String> {
        let mut compiled = Vec::new();
        let mut ci_pats: Vec<String> = Vec::new();
        let mut ci_map = Vec::new();
        let mut cs_pats: Vec<String> = Vec::new();
        let mut cs_map = Vec::new();
        let mut pat_src = Vec::new();
        let mut pat_rules = Vec::new();
        let mut line_src = Vec::new();
        let mut line_rules = Vec::new();
        for (i, (family, origin, r)) in rules.iter().enumerate() {
            let langs = if r.languages.iter().any(|l| l == "any") {
                None
            } else if r.languages.is_empty() {
                Some(vec![Lang::Eng])
            } else {
                Some(r.languages.iter().filter_map(|l| parse_lang(l)).collect())
            };
            let default_fix = match r.kind {
                Kind::Substitute => FixKind::Safe,
                Kind::Variants => FixKind::Unsafe,
                _ => FixKind::None,
            };
            let fix = r.fix.unwrap_or(default_fix);
            let info = RuleInfo {
                name: Arc::from(r.name.as_str()),
                family: family.clone(),
                severity: r.severity,
                status: Status::Stable,
                fix: match fix {
                    FixKind::Safe => Some(Applicability::Safe),
                    FixKind::Unsafe => Some(Applicability::Unsafe),
                    FixKind::None => None,
                },
                english_only: langs.as_ref().is_some_and(|l| l == &[Lang::Eng]),
                // The docs' first sentence when the rule has docs; else the message.
                summary: Some(crate::lint::summary_of(r.docs.as_deref().unwrap_or("")))
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| {
                        r.message
                            .replace("{match}", "…")
                            .replace("{replacement}", "…")
                            .replace("{preferred}", "…")
                    }),
                docs: r.docs.clone().unwrap_or_else(|| {
                    format!(
                        "## What it does\n\n{}\n\n(pack rule, kind `{}`)\n",
                        r.message,
                        format!("{:?}", r.kind).to_lowercase()
                    )
                }),
                origin: origin.clone(),
            };
            match r.kind {
                Kind::Phrase => {
                    for p in &r.phrases {
                        if r.case_sensitive {
                            cs_pats.push(p.clone());
                            cs_map.push((i, None));
                        } else {
                            ci_pats.push(p.clone());
                            ci_map.push((i, None));
                        }
                    }
                }
                Kind::Substitute => {
                    for (wrong, right) in &r.substitutes {
                        if r.case_sensitive {
                            cs_pats.push(wrong.clone());
                            cs_map.push((i, Some(right.clone())));
                        } else {
                            ci_pats.push(wrong.clone());
                            ci_map.push((i, Some(right.clone())));
                        }
                    }
                }
                Kind::Pattern => {
                    let p = r.pattern.clone().unwrap_or_default();
                    let p = if r.case_sensitive { p } else { format!("(?i:{p})") };
                    pat_rules.push((i, Regex::new(&p).map_err(|e| e.to_string())?));
                    pat_src.push(p);
                }
                Kind::Line => {
                    let p = r.pattern.clone().unwrap_or_default();
                    let flags = if r.case_sensitive { "" } else { "(?i)" };
                    line_src.push(format!("{flags}^(?:{p})$"));
                    line_rules.push(i);
                }
                Kind::Variants | Kind::Lexicon => {}
            }
            let prefer_column = match spelling {
                Spelling::Any => None,
                Spelling::EnUs => r.columns.iter().position(|c| c == "en-US"),
                Spelling::EnGb => r.columns.iter().position(|c| c == "en-GB"),
            };
            let variants_ac = if r.kind == Kind::Variants {
                let mut pats = Vec::new();
                let mut map = Vec::new();
                for (g, group) in r.variants.iter().enumerate() {
                    for (c, form) in group.iter().enumerate() {
                        pats.push(form.clone());
                        map.push((g, c));
                    }
                }
                let ac = AhoCorasickBuilder::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    .ascii_case_insensitive(!r.case_sensitive)
                    .build(&pats)
                    .map_err(|e| e.to_string())?;
                Some((ac, map))
            } else {
                None
            };
            compiled.push(Compiled {
                info,
                kind: r.kind,
                message: r.message.clone(),
                help: r.help.clone(),
                scopes: r.scope.clone(),
                langs,
                fix,
                groups: r.variants.clone(),
                prefer_column,
                variants_ac,
            });
        }
        let mut ac = Vec::new();
        let whole_text = !ci_pats.iter().chain(&cs_pats).any(String::is_empty);
        for (pats, map, folded) in [(ci_pats, ci_map, true), (cs_pats, cs_map, false)] {
            if !pats.is_empty() {
                let pats: Vec<String> = if folded {
                    pats.iter().map(|p| p.to_ascii_lowercase()).collect()
                } else {
                    pats
                };
                // A contiguous NFA: built for a fraction of a DFA's cost, and
                // the prefilter skips most of the text either way.
                let a = AhoCorasickBuilder::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
                    .build(&pats)
                    .map_err(|e| e.to_string())?;
                ac.push(PhraseSet { ac: a, map, folded });
            }
        }
        let patterns = if pat_src.is_empty() {
            None
        } else {
            Some((RegexSet::new(&pat_src).map_err(|e| e.to_string())?, pat_rules))
        };
        let lines = if line_src.is_empty() {
            None
        } else {
            Some((RegexSet::new(&line_src).map_err(|e| e.to_string())?, line_rules))
        };
        Ok(PackSet {
            rules: compiled,
            ac,
            whole_text,
            patterns,
            lines,
        })
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Run on a plain text with every rule enabled: (finding count, text
    /// with all fixes applied). Used by pack tests.
    pub fn run_text(&self, text: &str) -> (usize, String) {
        // Examples are in the rule's (first) language.
        let lang = self
            .rules
            .iter()
            .find_map(|r| r.langs.as_ref().and_then(|l| l.first().copied()))
            .unwrap_or(Lang::Eng);
        let doc = Document::parse(0, SourceFile::new("<test>", text, FileKind::Plain), Some(lang));
        let names: Vec<Arc<str>> = self.rules.iter().map(|r| r.info.name.clone()).collect();
        let enabled = vec![true; names.len()];
        let mut cx = Ctx::new(0, &names, &enabled);
        self.check(&doc, &mut cx);
        let findings = cx.into_findings();
        let edits: Vec<Edit> = findings
            .iter()
            .filter_map(|f| f.fix.as_ref())
            .flat_map(|f| f.edits.clone())
            .collect();
        (findings.len(), crate::fix::apply_edits(text, edits))
    }

    fn applies(&self, i: usize, doc: &Document, scope: Scope, cx: &Ctx) -> bool {
        let r = &self.rules[i];
        cx.enabled(i)
            && (r.scopes.is_empty() || r.scopes.iter().any(|s| s == scope_name(scope)))
            && r.langs.as_ref().is_none_or(|l| l.contains(&doc.lang))
    }

    fn report(&self, i: usize, doc: &Document, span: Span, replacement: Option<&str>, preferred: Option<&str>, cx: &mut Ctx) {
        let r = &self.rules[i];
        let matched = doc.text(span);
        let msg = r
            .message
            .replace("{match}", matched)
            .replace("{replacement}", replacement.unwrap_or(""))
            .replace("{preferred}", preferred.unwrap_or(""));
        let fix = r.fix;
        let help = r.help.clone();
        let f = cx.report_rule(i, span, msg);
        if let Some(h) = help {
            f.help(h);
        }
        let app = match fix {
            FixKind::Safe => Some(Applicability::Safe),
            FixKind::Unsafe => Some(Applicability::Unsafe),
            FixKind::None => None,
        };
        if let Some(app) = app {
            match (r.kind, replacement.or(preferred)) {
                (_, Some(rep)) => {
                    let rep = match_case(matched, rep);
                    f.replace(rep, app);
                }
                (Kind::Line, None) => {
                    // Delete the whole line, with its line break.
                    let text = &doc.source.text;
                    let line = doc.source.line_index(span.start);
                    let start = doc.source.line_starts()[line];
                    let end = doc.source.line_starts().get(line + 1).copied().unwrap_or(text.len());
                    f.fix_edits(
                        vec![Edit {
                            span: Span::new(start, end),
                            replacement: String::new(),
                        }],
                        app,
                    );
                }
                (_, None) => {
                    f.replace("", app);
                }
            }
        }
    }
}

/// Carry the case of the matched text over to a replacement.
fn match_case(matched: &str, rep: &str) -> String {
    let mut m = matched.chars();
    let first_upper = m.next().is_some_and(char::is_uppercase);
    let all_upper =
        matched.chars().filter(|c| c.is_alphabetic()).count() > 1 && matched.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    if all_upper {
        return rep.to_uppercase();
    }
    if first_upper {
        let mut c = rep.chars();
        return match c.next() {
            Some(f) => f.to_uppercase().chain(c).collect(),
            None => String::new(),
        };
    }
    rep.to_string()
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// Whether `prose[start..end]` stands on word boundaries.
fn on_boundaries(prose: &str, start: usize, end: usize) -> bool {
    let before = prose[..start].chars().next_back();
    let after = prose[end..].chars().next();
    let first = prose[start..end].chars().next();
    let last = prose[start..end].chars().next_back();
    (!is_word_char(first) || !is_word_char(before)) && (!is_word_char(last) || !is_word_char(after))
}

impl Lint for PackSet {
    fn rules(&self) -> Vec<RuleInfo> {
        self.rules.iter().map(|r| r.info.clone()).collect()
    }

    fn check(&self, doc: &Document, cx: &mut Ctx) {
        let phrases = self.phrase_matches(doc);
        // Cursor per automaton into its matches (in block order).
        let mut next = vec![0usize; phrases.len()];
        for (b, block) in doc.blocks.iter().enumerate() {
            let text = &doc.prose[block.span.range()];
            // Phrases and substitutes.
            for (k, set) in self.ac.iter().enumerate() {
                let (Some(found), Some(at)) = (phrases.get(k), next.get_mut(k)) else {
                    continue;
                };
                while let Some(&(_, start, end, pattern)) = found.get(*at).filter(|m| m.0 == b) {
                    *at += 1;
                    let (i, rep) = &set.map[pattern];
                    if !on_boundaries(&doc.prose, start, end) || !self.applies(*i, doc, block.scope, cx) {
                        continue;
                    }
                    self.report(*i, doc, Span::new(start, end), rep.as_deref(), None, cx);
                }
            }
            if let Some((set, rules)) = &self.patterns {
                for k in set.matches(text).iter() {
                    let (i, re) = &rules[k];
                    if !self.applies(*i, doc, block.scope, cx) {
                        continue;
                    }
                    // A group named `flag` is the finding (and what the fix
                    // deletes); the rest of the match is context.
                    if re.capture_names().any(|n| n == Some("flag")) {
                        for c in re.captures_iter(text) {
                            let Some(m) = c.name("flag").filter(|m| !m.is_empty()) else {
                                continue;
                            };
                            let span = Span::new(block.span.start + m.start(), block.span.start + m.end());
                            // Not over masked text (code, a URL): the blanks
                            // that stand for it are no spaces of the author's.
                            if doc.source.text.get(span.range()) != Some(m.as_str()) {
                                continue;
                            }
                            self.report(*i, doc, span, None, None, cx);
                        }
                        continue;
                    }
                    for m in re.find_iter(text) {
                        if m.is_empty() {
                            continue;
                        }
                        let span = Span::new(block.span.start + m.start(), block.span.start + m.end());
                        self.report(*i, doc, span, None, None, cx);
                    }
                }
            }
            if let Some((set, rules)) = &self.lines {
                let trimmed = text.trim();
                if let Some(k) = set.matches(trimmed).iter().next() {
                    let i = rules[k];
                    if self.applies(i, doc, block.scope, cx) {
                        self.report(i, doc, block.span, None, None, cx);
                    }
                }
            }
        }
        for (i, r) in self.rules.iter().enumerate() {
            if r.kind == Kind::Variants && doc.blocks.first().is_some_and(|b| self.applies_any_scope(i, doc, b.scope, cx)) {
                self.check_variants(i, doc, cx);
            }
        }
    }
}

/// A phrase match: (block, start, end, pattern), offsets in the document.
type PhraseMatch = (usize, usize, usize, usize);

impl PackSet {
    /// The matches of every phrase automaton, per automaton in block order:
    /// what searching each block on its own finds.
    fn phrase_matches(&self, doc: &Document) -> Vec<Vec<PhraseMatch>> {
        if self.ac.is_empty() {
            return Vec::new();
        }
        let folded = self.ac.iter().any(|s| s.folded).then(|| doc.prose.as_bytes().to_ascii_lowercase());
        let hay = |set: &PhraseSet| -> &[u8] {
            match (&folded, set.folded) {
                (Some(f), true) => f,
                _ => doc.prose.as_bytes(),
            }
        };
        // Searching the whole text at once finds what the blocks find as long
        // as no match runs across the edge of a block (and blocks are in
        // order): a match that starts between blocks ends before the next.
        let ordered = doc.blocks.windows(2).all(|w| w[0].span.end <= w[1].span.start);
        if self.whole_text && ordered {
            let mut all = Vec::with_capacity(self.ac.len());
            'sets: for set in &self.ac {
                let mut found = Vec::new();
                let mut b = 0;
                for m in set.ac.find_iter(hay(set)) {
                    while doc.blocks.get(b).is_some_and(|x| x.span.end <= m.start()) {
                        b += 1;
                    }
                    match doc.blocks.get(b) {
                        Some(x) if x.span.start <= m.start() && m.end() <= x.span.end => {
                            found.push((b, m.start(), m.end(), m.pattern().as_usize()));
                        }
                        // Across an edge: search block by block.
                        Some(x) if m.end() > x.span.start => break 'sets,
                        // Between blocks.
                        _ => {}
                    }
                }
                all.push(found);
            }
            if all.len() == self.ac.len() {
                return all;
            }
        }
        self.ac
            .iter()
            .map(|set| {
                let hay = hay(set);
                let mut found = Vec::new();
                for (b, block) in doc.blocks.iter().enumerate() {
                    let Some(text) = hay.get(block.span.range()) else {
                        continue;
                    };
                    for m in set.ac.find_iter(text) {
                        found.push((b, block.span.start + m.start(), block.span.start + m.end(), m.pattern().as_usize()));
                    }
                }
                found
            })
            .collect()
    }

    fn applies_any_scope(&self, i: usize, doc: &Document, _scope: Scope, cx: &Ctx) -> bool {
        cx.enabled(i) && self.rules[i].langs.as_ref().is_none_or(|l| l.contains(&doc.lang))
    }

    fn check_variants(&self, i: usize, doc: &Document, cx: &mut Ctx) {
        let r = &self.rules[i];
        let Some((ac, map)) = &r.variants_ac else {
            return;
        };
        // (span, group, column)
        let mut hits: Vec<(Span, usize, usize)> = Vec::new();
        for block in &doc.blocks {
            if !(r.scopes.is_empty() || r.scopes.iter().any(|s| s == scope_name(block.scope))) {
                continue;
            }
            let text = &doc.prose[block.span.range()];
            for m in ac.find_iter(text) {
                let (s, e) = (block.span.start + m.start(), block.span.start + m.end());
                if on_boundaries(&doc.prose, s, e) {
                    let (g, c) = map[m.pattern().as_usize()];
                    hits.push((Span::new(s, e), g, c));
                }
            }
        }
        let columns = r.groups.iter().map(Vec::len).max().unwrap_or(0);
        let mut counts = vec![0usize; columns];
        for &(_, _, c) in &hits {
            counts[c] += 1;
        }
        if counts.iter().filter(|&&n| n > 0).count() < 2 && r.prefer_column.is_none() {
            return;
        }
        let majority = r.prefer_column.unwrap_or_else(|| {
            // Ties go to the first form used.
            let max = counts.iter().copied().max().unwrap_or(0);
            hits.iter().map(|h| h.2).find(|&c| counts[c] == max).unwrap_or(0)
        });
        let example = hits.iter().find(|h| h.2 == majority).map(|h| h.0);
        for &(span, g, c) in &hits {
            if c == majority {
                continue;
            }
            let Some(preferred) = r.groups[g].get(majority) else {
                continue;
            };
            self.report(i, doc, span, None, Some(preferred), cx);
            if let (Some(ex), Some(f)) = (example, cx.findings.last_mut()) {
                f.label(ex, "the document's usual form is used here");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(toml: &str) -> PackSet {
        let pack = super::super::parse_pack("test.toml", toml).unwrap_or_else(|e| panic!("{e}"));
        let rules: Vec<(String, String, Rule)> = pack
            .file
            .rules
            .iter()
            .map(|r| ("test".to_string(), "test".to_string(), r.clone()))
            .collect();
        PackSet::compile(&rules, crate::config::Spelling::Any).unwrap_or_else(|e| panic!("{e}"))
    }

    const PACK: &str = r#"
[pack]
name = "t"

[[rule]]
name = "typo"
kind = "substitute"
message = "'{match}'"
substitutes = { "recieve" = "receive", "recieved" = "received", "one two" = "one-two", "Xy" = "xy" }
  [[rule.test]]
  text = "x"
  findings = 0

[[rule]]
name = "exact-case"
kind = "phrase"
case-sensitive = true
message = "'{match}'"
phrases = ["NASA said", "one\ntwo"]
  [[rule.test]]
  text = "x"
  findings = 0
"#;

    #[test]
    fn folded_search_matches_case_insensitively() {
        let s = set(PACK);
        let (n, fixed) = s.run_text("We RECIEVED it. They Recieve xY and xy.\n");
        assert_eq!(n, 4);
        assert_eq!(fixed, "We RECEIVED it. They Receive xy and xy.\n");
        // Not inside a word.
        assert_eq!(s.run_text("unrecieved recieves\n").0, 0);
    }

    #[test]
    fn matches_stay_inside_blocks() {
        let s = set(PACK);
        // Per block: "one" and "two" are in different lines.
        assert_eq!(s.run_text("one\ntwo\nNASA said so\n").0, 1);
        assert_eq!(s.run_text("the one two step\n").0, 1);
        // A match across the edge of two blocks is none (searched block by
        // block), and the lines around it keep theirs.
        assert_eq!(s.run_text("recieve one\ntwo recieve\n").0, 2);
    }

    #[test]
    fn a_flag_group_is_the_finding_but_never_masked_text() {
        let s = set(r#"
[pack]
name = "t"

[[rule]]
name = "space-comma"
kind = "pattern"
message = "space"
fix = "safe"
pattern = '(?P<flag> )[,;]'
  [[rule.test]]
  text = "x"
  findings = 0
"#);
        let (n, fixed) = s.run_text("ties , energy ; more\n");
        assert_eq!(n, 2);
        assert_eq!(fixed, "ties, energy; more\n");
        // Blanks that stand for inline code are not the author's spaces.
        let doc = Document::parse(
            0,
            SourceFile::new("t.md", "Call `f()`, then go.\n", FileKind::Markdown),
            Some(Lang::Eng),
        );
        let names: Vec<Arc<str>> = vec!["space-comma".into()];
        let enabled = vec![true];
        let mut cx = Ctx::new(0, &names, &enabled);
        s.check(&doc, &mut cx);
        assert!(cx.into_findings().is_empty());
    }
}
