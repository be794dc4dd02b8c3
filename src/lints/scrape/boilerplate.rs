use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use regex::Regex;

use super::{hash_bytes, head_in, last_word_in, line_deletion, normalize, normalize_into};
use crate::declare_lint;
use crate::document::{Document, Scope};
use crate::finding::{Applicability, Edit};
use crate::lint::{BuildCx, Ctx, Lint, RuleInfo};
use crate::source::Span;

declare_lint! {
    /// ## What it does
    ///
    /// Flags page furniture that a scraper left in article text. It covers navigation
    /// ("Skip to content", a lone "Latest", a menu of section names), share
    /// and follow prompts, newsletter and subscription prompts,
    /// advertisements, "Read also:" and related-article lists, image captions
    /// and credits ("Image: Example News.", "(Photo by ...)"), cookie notices
    /// and copyright footers.
    ///
    /// ## Why is this bad?
    ///
    /// Furniture is not part of the article: it interrupts the text, gets
    /// indexed and quoted as if the author wrote it, and shows that the
    /// extraction step failed.
    ///
    /// ## Example
    ///
    /// ```text
    /// Skip to content
    ///
    /// Military parade draws world leaders
    /// ...
    /// Read also:
    ///
    /// Latest
    /// ```
    ///
    /// Use instead: the article without the first and the last two lines.
    ///
    /// ## Known problems
    ///
    /// Signals, line by line: (1) a phrase of the `boilerplate-*` lexicons in
    /// `lints/boilerplate.toml` (whole line, line start, line end; weak
    /// entries such as a lone section name count only at the start or end of
    /// the document or in a menu run); (2) a short line that opens with a
    /// web imperative ("subscribe", "tap", "get") and names a web thing
    /// ("newsletter", "inbox", "app") or addresses the reader; (3) credit
    /// shapes ("Image: X", "Photo: X / Agency", "(Photo by X)") at the start
    /// or the end of a line, comment links with their count ("Comments
    /// (12)"), and after a caption's last sentence "| Outlet
    /// photo: Name", "— Outlet/Name" or "NAME/OUTLET", and copyright lines ("© 2025 X", "Copyright
    /// 2025"), counter lines ("4 min read", "2.1K views", "3 hours ago"),
    /// short lines with a machine timestamp ("Jo Lee · 2020-05-19T17:52:00Z"),
    /// in plain text a short line without punctuation or a label's colon
    /// repeated three times or more in the document (a page template:
    /// "Now playing" under every video of a list), a wire service's note on
    /// an updated story ("(Adds union comment in paragraph 6)"), long consent notices that open with a cookie phrase of three
    /// words or more ("We use cookies to ... By continuing ...") or that
    /// name partners and personalised ads ("We and our 214 partners store
    /// ..."), and before or after the article lines of up to 40 words that
    /// open with a furniture phrase of three words or more or one followed
    /// by a separator ("About the author: ...", "Do you have a story for
    /// ...?"); (4) breadcrumb and link shapes ("Home > World > Asia", "More
    /// »", "News · Sport · Opinion"; before the article also two-part
    /// crumbs, "Sport / Hurling", and menus spaced out by runs of spaces),
    /// and before the article the site's name as its copyright line writes
    /// it (alone or before a tagline); (5) runs of four or more very short lines without punctuation
    /// near the start or end (menus), short label lines after the last
    /// paragraph, headline-like lines under a "Related:" or "Most read"
    /// header (inside the article too: four words or more, each right under
    /// the one before, up to the next paragraph; a teaser cut off by "..."
    /// is no paragraph), and, after the article, a headline-like line right over a
    /// relative time line ("Council delays vote" / "Published 2 weeks
    /// ago": a list of other articles under any header); a copyright line
    /// at the end never counts as the article's last paragraph; (6) in a
    /// run of several documents, a short line repeated verbatim in two or
    /// more unrelated documents (template residue; documents that share
    /// paragraphs count as one; not in Markdown files, whose shared headings
    /// and notices are the author's). Markdown headings are structure: they
    /// never join a menu run or count as a stray short line; a heading after
    /// the article's last paragraph that is no furniture itself opens the
    /// author's section ("## License", "## Contributors"), whose lines are
    /// not judged as furniture after the article, and a new heading ends a
    /// related list; a table of contents (list items linking to the document's own
    /// sections, "- [Usage](#usage)") is no menu and no furniture, nor is a
    /// list that a line ending in a colon introduces ("For more details,
    /// see:", with that line; such a line before a code block is the
    /// author's too) or that opens a section under a heading that is
    /// no furniture; a heading that only a wildcard phrase matches ("##
    /// Related crates" against "related *") is the author's section title,
    /// and a heading's "Label: imperative" is no prompt ("### Example: follow
    /// symbolic links"); a one-word phrase opens a label only in capitals
    /// ("Watch Live", not "watch changes and run tests"); and a weak
    /// entry ("About") as a heading is not furniture. Datelines ("NEW DELHI (AP) -") and lines in
    /// quotation marks are never flagged. Short furniture in the middle of
    /// the article that matches no phrase, no shape and no other document
    /// is missed; plain-text lists of very short lines at the very start or
    /// end of a document may be taken for a menu. The fix deletes the line
    /// (or the credit) and is safe.
    pub static BOILERPLATE = {
        name: "boilerplate",
        family: "scrape",
        severity: Warning,
        status: Preview,
        fix: Some(Applicability::Safe),
        english_only: false,
    };
}

#[derive(Clone, Debug)]
struct Entry {
    family: std::sync::Arc<str>,
    weak: bool,
}

/// The compiled phrase lexicons and cue words.
#[derive(Default)]
pub struct Boilerplate {
    exact: HashMap<String, Entry>,
    prefix: HashMap<String, Entry>,
    suffix: HashMap<String, Entry>,
    contains: Vec<(String, Entry)>,
    /// First words of the cookies-family prefix phrases of three words or
    /// more (`long_notice`), lowercase.
    notice_first: Vec<String>,
    /// First words of the `prefix` phrases, last words of the `suffix` ones.
    prefix_first: HashSet<String>,
    suffix_last: HashSet<String>,
    /// The first two words of every exact and prefix phrase (the word of
    /// one-word phrases), and the cue verbs: a line whose first word or
    /// first two words are none of them (and that ends with no suffix
    /// phrase's last word) matches no phrase and is no prompt.
    heads: HashSet<String>,
    max_words: usize,
    verbs: HashSet<String>,
    nouns: HashSet<String>,
}

/// Lines longer than this are never furniture by phrase.
const SHORT: usize = 15;
/// Lines up to this length take part in cross-document repetition.
const TEMPLATE_MAX: usize = 20;
/// Word counts are needed up to here (no test looks further).
const WORDS_CAP: usize = 26;
/// Lines of fewer words than this may be long furniture at the article's
/// edges (`Boilerplate::long_prefix`): counted only there.
const LONG_CAP: usize = 41;
/// Bytes of normalized text that key a line in the corpus phase.
const PREFIX_BYTES: usize = 48;

/// One flagged piece of a document.
struct Hit {
    block: usize,
    span: Span,
    /// Whether the fix deletes the whole line.
    whole_line: bool,
    message: String,
}

impl Boilerplate {
    pub fn build(cx: &BuildCx) -> Result<Box<dyn Lint>, String> {
        if let Some(key) = cx.options.keys().next() {
            return Err(format!("unknown option `{key}` (this lint has no options)"));
        }
        let lexicons: Vec<(&str, Vec<&str>)> = cx
            .lexicons_for(BOILERPLATE.name)
            .map(|l| (l.rule.as_str(), l.entries().collect()))
            .collect();
        Ok(Box::new(Boilerplate::from_lexicons(&lexicons)))
    }

    fn from_lexicons(lexicons: &[(&str, Vec<&str>)]) -> Boilerplate {
        let mut b = Boilerplate::default();
        for (rule, entries) in lexicons {
            let family = rule.strip_prefix("boilerplate-").unwrap_or(rule);
            if family.contains("cue-verb") {
                for e in entries {
                    let verb = normalize(e);
                    b.heads.insert(verb.clone());
                    b.verbs.insert(verb);
                }
                continue;
            }
            if family.contains("cue-noun") {
                b.nouns.extend(entries.iter().map(|e| normalize(e)));
                continue;
            }
            let family: std::sync::Arc<str> = std::sync::Arc::from(family);
            for &raw in entries {
                let (weak, raw) = match raw.strip_prefix('~') {
                    Some(r) => (true, r),
                    None => (false, raw),
                };
                let lead = raw.trim_start().starts_with('*');
                let trail = raw.trim_end().ends_with('*');
                let phrase = normalize(raw);
                if phrase.is_empty() {
                    continue;
                }
                b.max_words = b.max_words.max(phrase.split(' ').count());
                let e = Entry {
                    family: family.clone(),
                    weak,
                };
                if !lead {
                    // The first two words.
                    let two = phrase.match_indices(' ').nth(1).map_or(phrase.as_str(), |(k, _)| &phrase[..k]);
                    if !b.heads.contains(two) {
                        b.heads.insert(two.to_string());
                    }
                }
                match (lead, trail) {
                    (false, false) => b.exact.insert(phrase, e),
                    (false, true) => {
                        let first = phrase.split(' ').next().unwrap_or("").to_string();
                        if &*family == "cookies" && phrase.split(' ').count() >= 3 && !b.notice_first.contains(&first) {
                            b.notice_first.push(first.clone());
                        }
                        b.prefix_first.insert(first);
                        b.prefix.insert(phrase, e)
                    }
                    (true, false) => {
                        b.suffix_last.insert(phrase.rsplit(' ').next().unwrap_or("").to_string());
                        b.suffix.insert(phrase, e)
                    }
                    (true, true) => {
                        b.contains.push((phrase, e));
                        None
                    }
                };
            }
        }
        b
    }

    #[cfg(test)]
    fn builtin() -> Boilerplate {
        let all = crate::pack::builtin_lexicons();
        let lex: Vec<(&str, Vec<&str>)> = all
            .iter()
            .filter(|l| l.lint == BOILERPLATE.name)
            .map(|l| (l.rule.as_str(), l.entries().collect()))
            .collect();
        Boilerplate::from_lexicons(&lex)
    }

    /// The cookies-family prefix phrase of three words or more that opens a
    /// long line that mentions cookies ("We use cookies to improve your
    /// experience. By ...").
    fn long_notice(&self, raw: &str) -> Option<&Entry> {
        // Most lines are ruled out by their first byte.
        let b0 = raw.trim_start().as_bytes().first()?.to_ascii_lowercase();
        if !self.notice_first.iter().any(|w| w.as_bytes().first() == Some(&b0)) {
            return None;
        }
        let first = raw.trim_start().split(|c: char| !c.is_alphanumeric()).next()?;
        if !self.notice_first.iter().any(|w| w.eq_ignore_ascii_case(first)) {
            return None;
        }
        // Every consent notice names its cookies, or the CAPTCHA that
        // guards the form (a vectorised search, its searchers built once).
        static COOKIE: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
        static CAPTCHA: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
        COOKIE
            .get_or_init(|| memchr::memmem::Finder::new(b"ookie"))
            .find(raw.as_bytes())
            .or_else(|| CAPTCHA.get_or_init(|| memchr::memmem::Finder::new(b"CAPTCHA")).find(raw.as_bytes()))?;
        let mut head = Vec::new();
        normalize_into(raw, &mut head, self.max_words + 1, usize::MAX);
        let head = std::str::from_utf8(&head).ok()?;
        head.match_indices(' ')
            .skip(2)
            .filter_map(|(cut, _)| head.get(..cut).and_then(|h| self.prefix.get(h)))
            .chain(self.prefix.get(head))
            .find(|e| &*e.family == "cookies")
    }

    /// A prefix phrase opening a line too long for `lexicon` (up to
    /// `LONG_CAP` words): a phrase of three words or more, or one that a
    /// separator follows ("About the author: ...", "Do you have a story
    /// for ...? Drop us a line ...", "Sponsored | ..."). Only looked for at
    /// the edges of the article.
    fn long_prefix(&self, raw: &str) -> Option<&Entry> {
        let mut buf = [0u8; 128];
        let first = head_in(raw, 1, &mut buf)?;
        if !self.prefix_first.contains(first) {
            return None;
        }
        let mut head = Vec::new();
        normalize_into(raw, &mut head, self.max_words + 1, usize::MAX);
        let head = std::str::from_utf8(&head).ok()?;
        head.match_indices(' ').enumerate().find_map(|(n, (cut, _))| {
            let e = head.get(..cut).and_then(|h| self.prefix.get(h)).filter(|e| !e.weak)?;
            (n + 1 >= 3 || separator_after(raw, n + 1)).then_some(e)
        })
    }

    /// A long consent notice that names no cookies: "We and our 214
    /// partners store and access information on your device to show
    /// personalised ads ... ACCEPT ALL". It opens with "We and our" and
    /// speaks of partners and of consent or personalised ads.
    fn consent_notice(raw: &str) -> bool {
        let t = raw.trim_start();
        let Some(head) = t.get(..10) else { return false };
        if !head.eq_ignore_ascii_case("we and our") {
            return false;
        }
        let lower = t.to_lowercase();
        lower.contains("partners") && (lower.contains("consent") || lower.contains("personalised") || lower.contains("personalized"))
    }

    /// The lexicon entry a normalized line matches, strongest first.
    fn lexicon(&self, norm: &str, raw: &str) -> Option<&Entry> {
        if let Some(e) = self.exact.get(norm) {
            return Some(e);
        }
        // Phrases are whole words: a prefix phrase starts with the line's
        // first word, a suffix phrase ends with its last one.
        let first = norm.split(' ').next().unwrap_or("");
        let last = norm.rsplit(' ').next().unwrap_or("");
        let try_prefix = self.prefix_first.contains(first);
        let try_suffix = self.suffix_last.contains(last);
        if !try_prefix && !try_suffix && self.contains.is_empty() {
            return None;
        }
        let n_words = norm.bytes().filter(|&b| b == b' ').count() + 1;
        let mut best: Option<&Entry> = None;
        let limit = self.max_words.min(n_words.saturating_sub(1));
        if try_prefix {
            let ends_sentence = raw.trim_end().ends_with(['.', '!', '?']);
            // The first n + 1 words end at the (n + 1)-th space.
            for (n, (cut, _)) in norm.match_indices(' ').enumerate().take(limit) {
                if let Some(e) = norm.get(..cut).and_then(|head| self.prefix.get(head)) {
                    // "Read more: X", a short label without sentence punctuation,
                    // or a specific phrase of three words or more.
                    // (A one-word phrase opens a label in capitals: "Watch
                    // Live", not "watch changes and run tests".)
                    let short_label = !ends_sentence
                        && n_words <= 6
                        && (n > 0 || raw.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase));
                    if short_label || separator_after(raw, n + 1) || n + 1 >= 3 {
                        consider(&mut best, e);
                    }
                }
            }
        }
        if try_suffix {
            for (cut, _) in norm.rmatch_indices(' ').take(limit) {
                if let Some(e) = norm.get(cut + 1..).and_then(|tail| self.suffix.get(tail)) {
                    consider(&mut best, e);
                }
            }
        }
        for (p, e) in &self.contains {
            // `p` as whole words somewhere in the line.
            let mut from = 0;
            while let Some(k) = norm.get(from..).and_then(|t| t.find(p.as_str())) {
                let at = from + k;
                let end = at + p.len();
                let before = at == 0 || norm.as_bytes().get(at - 1) == Some(&b' ');
                let after = end == norm.len() || norm.as_bytes().get(end) == Some(&b' ');
                if before && after {
                    consider(&mut best, e);
                    break;
                }
                from = at + 1;
                while !norm.is_char_boundary(from) {
                    from += 1;
                }
            }
        }
        best
    }

    /// A short line that opens with a web imperative and names a web thing
    /// or addresses the reader: "Get our briefing in your inbox".
    fn cue(&self, norm: &str, raw: &str, words: usize) -> bool {
        if words > 14 || self.verbs.is_empty() {
            return false;
        }
        let mut it = norm.split(' ');
        let Some(first) = it.next() else { return false };
        if !self.verbs.contains(first) {
            return false;
        }
        // "send-email config variables": a compound, not an imperative.
        if raw
            .split_whitespace()
            .find(|w| w.chars().any(char::is_alphabetic))
            .is_some_and(|w| w.contains('-'))
        {
            return false;
        }
        let toks: Vec<&str> = norm.split(' ').collect();
        let noun = toks
            .iter()
            .enumerate()
            .skip(1)
            .any(|(i, t)| self.nouns.contains(*t) || toks.get(i + 1).is_some_and(|n| self.nouns.contains(&format!("{t} {n}"))));
        let reader = toks.iter().any(|t| matches!(*t, "you" | "your" | "our" | "us"));
        let sentence = raw.trim_end().ends_with(['.', '!', '?']);
        noun && (reader || !sentence)
    }

    /// A short line of two sentences or more whose last sentence is a prompt
    /// ("Be the first to know. Get our breaking news alerts."): a prompt at
    /// the edge of the article, however it opens.
    fn last_sentence_cue(&self, raw: &str, words: usize) -> bool {
        let t = raw.trim_end();
        let Some(cut) = t.trim_end_matches(['.', '!', '?']).rfind(['.', '!', '?']) else {
            return false;
        };
        let last = t.get(cut + 1..).unwrap_or("").trim();
        !last.is_empty() && self.cue_raw(last, words)
    }

    /// `cue` on raw text, normalizing it only when its first word is a cue
    /// verb.
    fn cue_raw(&self, raw: &str, words: usize) -> bool {
        if words > 14 || self.verbs.is_empty() {
            return false;
        }
        let mut first = Vec::new();
        normalize_into(raw, &mut first, 1, usize::MAX);
        if !std::str::from_utf8(&first).is_ok_and(|w| self.verbs.contains(w)) {
            return false;
        }
        self.cue(&normalize(raw), raw, words)
    }

    /// Whether a short line may need its normalized text: it may match a
    /// phrase or be a prompt (`lexicon`, `cue`, `after_colon`).
    fn needs_norm(&self, raw: &str) -> bool {
        if !self.contains.is_empty() || raw.contains(':') {
            return true;
        }
        let mut buf = [0u8; 128];
        let Some(two) = head_in(raw, 2, &mut buf) else {
            return true;
        };
        let one = two.split(' ').next().unwrap_or("");
        if self.heads.contains(one) || self.heads.contains(two) {
            return true;
        }
        last_word_in(raw, &mut buf).is_none_or(|w| self.suffix_last.contains(w))
    }

    /// Everything this lint flags in one document (without the corpus
    /// phase), and the facts about each line.
    fn analyze(&self, doc: &Document) -> (Vec<Hit>, Vec<LineInfo>) {
        let mut hits: Vec<Hit> = Vec::new();
        let n = doc.blocks.len();
        if n == 0 {
            return (hits, Vec::new());
        }
        let mut norms = String::new();
        let mut scratch = Vec::new();
        let info: Vec<LineInfo> = (0..n).map(|i| LineInfo::of(doc, i, self, &mut norms, &mut scratch)).collect();
        let cand = Candidates::of(doc);
        // The article body: from the first to the last block that reads as a
        // paragraph (eight words or more with sentence punctuation).
        let body_start = info.iter().position(|l| l.paragraph).unwrap_or(n);
        // Whether block `i` (of `words` counted up to `WORDS_CAP`) has fewer
        // than `cap` words.
        let short_of = |i: usize, words: usize, cap: usize| words < WORDS_CAP || super::word_count(doc, &doc.blocks[i], cap) < cap;
        // A consent notice after the article is a paragraph by its shape,
        // not article text.
        let body_end = info
            .iter()
            .enumerate()
            .rev()
            .find(|&(i, l)| {
                let raw = doc.text(doc.blocks[i].span);
                // (Nor is a prompt shaped like a sentence: "Get the day's
                // top stories in your inbox every weekday.")
                let prompt = l
                    .norm(&norms)
                    .is_some_and(|norm| self.lexicon(norm, raw).is_some_and(|e| !e.weak) || self.cue(norm, raw, l.words));
                // (A long line opening with a furniture phrase is furniture
                // only beside an article: not the document's one paragraph.)
                let long = l.norm.is_none() && l.words > SHORT && short_of(i, l.words, LONG_CAP) && info[..i].iter().any(|p| p.paragraph);
                l.paragraph
                    && !prompt
                    && self.long_notice(raw).is_none()
                    && !(long && (self.long_prefix(raw).is_some() || Self::consent_notice(raw)))
                    && !self.last_sentence_cue(raw, l.words)
                    && !(l.words <= 25 && copyright_line(raw))
            })
            .map_or(0, |(i, _)| i + 1);
        // Without any paragraph there is no article to be "after", and a
        // Markdown heading is a heading wherever it stands.
        let has_body = body_start < n;
        let tail = |i: usize| has_body && i >= body_end && !matches!(doc.blocks[i].scope, Scope::Heading(_));
        // Another paragraph than line `i` is there: an article the line can
        // stand before or after.
        let beside_article = |i: usize| info.iter().enumerate().any(|(k, p)| k != i && p.paragraph);
        // Short lines that are no sentences, repeated three times or more
        // in the document: a page template ("Video Ad Feedback", "Now
        // playing", "- Source: CNN" under every video of a list).
        // Only in plain text, and never a label ("Files:", "License: MIT"):
        // structured documents (changelogs, licence files) repeat their
        // labels on purpose.
        let mut repeats: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
        let plain = doc.source.kind == crate::source::FileKind::Plain;
        for (i, l) in info.iter().enumerate().filter(|_| plain) {
            let label = doc.text(doc.blocks[i].span).contains(':');
            if let Some(norm) = l
                .norm(&norms)
                .filter(|_| l.words <= 6 && !l.sentence && !l.skip && !l.plain_item && !label)
            {
                if !matches!(doc.blocks[i].scope, Scope::Heading(_) | Scope::ListItem) {
                    *repeats.entry(norm).or_insert(0) += 1;
                }
            }
        }
        // The site's name, as the copyright lines write it ("© 2025 Harrow
        // Falls Courier"): a short line before the article that is that name
        // is the page's masthead.
        let owners: Vec<String> = if body_start > 0 {
            doc.blocks
                .iter()
                .map(|b| doc.text(b.span))
                .filter(|raw| copyright_line(raw) || raw.trim_start().starts_with('©'))
                .map(normalize)
                .collect()
        } else {
            Vec::new()
        };
        // (Also the name before a tagline: "Example Daily — your window on
        // the world".)
        let masthead = |raw: &str, l: &LineInfo| {
            let named = |part: &str| {
                let name = normalize(part);
                name.len() >= 4
                    && owners.iter().any(|o| {
                        o.match_indices(name.as_str()).any(|(at, _)| {
                            let end = at + name.len();
                            (at == 0 || o.as_bytes().get(at - 1) == Some(&b' ')) && (end == o.len() || o.as_bytes().get(end) == Some(&b' '))
                        })
                    })
            };
            !owners.is_empty()
                && !l.sentence
                && (((1..=6).contains(&l.words) && named(raw))
                    || (l.words <= 12
                        && [" — ", " – ", " | "]
                            .iter()
                            .find_map(|sep| raw.split_once(sep))
                            .is_some_and(|(head, _)| (1..=4).contains(&head.split_whitespace().count()) && named(head))))
        };
        let mut flagged = vec![false; n];
        // The nearest Markdown heading before each line: a heading after the
        // article's last paragraph that no test marks as furniture opens a
        // section of the author's ("## License", "## Contributors"), whose
        // lines are not judged as furniture after the article.
        let mut heading_before: Vec<Option<usize>> = Vec::with_capacity(n);
        let mut last_heading = None;
        for l in &info {
            heading_before.push(last_heading);
            if l.heading {
                last_heading = Some(heading_before.len() - 1);
            }
        }
        let authors = |i: usize, flagged: &[bool]| heading_before[i].is_some_and(|h| h >= body_end && !flagged[h]);
        let mut related_header = false;
        // Markdown lists the author introduced: a list after a line ending in
        // a colon ("You may be looking for:", "For more details, see:") or
        // opening a section under a heading that is no furniture ("# Related
        // crates"), and that colon line itself; not after a furniture line
        // ("Read more:"). Never a menu, never furniture after the article
        // (unless a phrase matched).
        let mut author_list = vec![false; n];
        for (i, l) in info.iter().enumerate() {
            let block = &doc.blocks[i];
            let raw = doc.text(block.span);
            if i > 0 && block.scope == Scope::ListItem {
                if doc.blocks[i - 1].scope == Scope::ListItem {
                    author_list[i] = author_list[i - 1];
                } else {
                    let colon = doc.text(doc.blocks[i - 1].span).trim_end().ends_with(':');
                    if (colon || info[i - 1].heading) && !flagged[i - 1] {
                        author_list[i] = true;
                        author_list[i - 1] |= colon;
                    }
                }
            }
            // A Markdown heading opens a new section: a related list ends
            // there (the heading may open another one).
            if l.skip || l.heading {
                related_header = false;
            }
            if l.skip || l.toc {
                continue;
            }
            let edge = i < body_start || i >= body_end;
            let mut msg: Option<String> = None;
            if let Some(norm) = l.norm(&norms) {
                if let Some(e) = self.lexicon(norm, raw) {
                    // A weak entry ("About", "Features") as a Markdown heading
                    // is the author's section title, and so is a heading that
                    // only a wildcard phrase matches ("## Related crates"
                    // against "related *"; "## Related articles" is furniture).
                    let structure = l.heading && (e.weak || !self.exact.contains_key(norm));
                    if (!e.weak || edge) && !structure {
                        msg = Some(format!("'{}' is page furniture ({}), not article text", clip(raw), e.family));
                        related_header = &*e.family == "related" && l.words <= 4;
                    }
                } else if self.cue(norm, raw, l.words) || (!l.heading && after_colon(raw).is_some_and(|t| self.cue_raw(t, l.words))) {
                    msg = Some(format!("'{}' is a site prompt addressed to the reader", clip(raw)));
                }
            }
            if msg.is_none() && edge && self.last_sentence_cue(raw, l.words) {
                msg = Some(format!("'{}' is a site prompt addressed to the reader", clip(raw)));
            }
            // (Only outside the article body or as its first paragraph: a
            // notice sits at the top or the bottom of a page.)
            if msg.is_none() && l.norm.is_none() && l.words > SHORT && !l.skip && (i <= body_start || i >= body_end) {
                // A consent notice runs to two sentences or more: its opening
                // words, as a phrase of three words or more of the cookies
                // family ("we use cookies *").
                if let Some(e) = self.long_notice(raw) {
                    msg = Some(format!("'{}' is page furniture ({}), not article text", clip(raw), e.family));
                } else if let Some(e) = self
                    .long_prefix(raw)
                    .filter(|_| short_of(i, l.words, LONG_CAP) && beside_article(i))
                {
                    msg = Some(format!("'{}' is page furniture ({}), not article text", clip(raw), e.family));
                } else if beside_article(i) && Self::consent_notice(raw) {
                    msg = Some(format!("'{}' is page furniture (cookies), not article text", clip(raw)));
                }
            }
            if msg.is_none() && l.words <= 8 && counter_parts(raw) {
                msg = Some(format!("'{}' is a reading-time, timestamp or counter line of the page", clip(raw)));
            }
            // A machine timestamp ("2020-05-19T17:52:00Z") on a short line:
            // a comment header or a feed item, never prose.
            if msg.is_none() && l.words <= 10 && iso_timestamp(raw) {
                msg = Some(format!("'{}' carries a machine timestamp: page furniture", clip(raw)));
            }
            if msg.is_none() {
                let repeated = l.norm(&norms).and_then(|norm| repeats.get(norm)).copied().unwrap_or(0);
                if repeated >= 3 {
                    msg = Some(format!(
                        "'{}' is repeated {repeated} times in this document (page template)",
                        clip(raw)
                    ));
                }
            }
            if msg.is_none() && l.words <= 25 && copyright_line(raw) {
                msg = Some("copyright footer left in the text".to_string());
            }
            if msg.is_none() && l.words <= 20 && staff_credit(raw) {
                msg = Some(format!("'{}' is a wire service's staff credit line", clip(raw)));
            }
            if msg.is_none() && l.words <= 20 && wire_note(raw) {
                msg = Some(format!("'{}' is a wire service's note on an updated story", clip(raw)));
            }
            if msg.is_none() && l.words <= 20 && link_like(raw, cand.separator[i]) {
                msg = Some(format!("'{}' is a breadcrumb or menu line", clip(raw)));
            }
            // Before the article: a breadcrumb of two parts ("Sports /
            // Football", "News › UK News"), a menu spaced out with runs of
            // spaces ("News   Sport   Weather   Travel"), the site's name.
            if msg.is_none() && i < body_start && !l.heading {
                if top_crumb(raw) || (gapped_menu(raw) && !gapped_neighbour(doc, i)) {
                    msg = Some(format!("'{}' is a breadcrumb or menu line", clip(raw)));
                } else if masthead(raw, l) {
                    msg = Some(format!("'{}' is the site's name (its copyright line names it)", clip(raw)));
                }
            }
            // (In the article, a list under its header: headline-like lines
            // of four words or more, each right under the one before.)
            let item_in_body = || !l.sentence && l.words >= 4 && !blank_line_before(doc, i);
            if msg.is_none() && related_header && !l.paragraph && l.words <= 20 && (i >= body_end.saturating_sub(1) || item_in_body()) {
                msg = Some(format!("'{}' is an item of a related-articles list", clip(raw)));
            } else if msg.is_some() || l.paragraph {
                related_header &= msg.is_some();
            }
            // After the article, a headline over its time line ("Council
            // delays vote on harbour scheme" / "Published 2 weeks ago"): an
            // item of a list of other articles.
            let over_time = || doc.blocks.get(i + 1).is_some_and(|b| time_line(doc.text(b.span)));
            if msg.is_none() && tail(i) && !l.paragraph && (2..=15).contains(&l.words) && !time_line(raw) && over_time() {
                msg = Some(format!("'{}' is an item of a list of other articles", clip(raw)));
            }
            // (A list, or a code block: "Example usage in build.rs:".)
            let introduces_list = info.get(i + 1).is_some_and(|next| next.plain_item)
                || doc.blocks.get(i + 1).is_some_and(|b| b.scope == Scope::ListItem)
                || doc.source.text.get(block.span.end..).is_some_and(|t| {
                    let t = t.trim_start_matches(['\r', '\n']);
                    t.starts_with("```") || t.starts_with("~~~") || t.starts_with("    ") || t.starts_with('\t')
                });
            if msg.is_none()
                && tail(i)
                && !authors(i, &flagged)
                && !author_list[i]
                && !l.plain_item
                && !l.heading
                && l.words <= 4
                && !l.sentence
                && (l.words == 1 || (raw.trim_end().ends_with(':') && !introduces_list))
            {
                msg = Some(format!(
                    "short line '{}' after the end of the article reads as page furniture",
                    clip(raw)
                ));
            }
            if let Some(m) = msg {
                flagged[i] = true;
                hits.push(Hit {
                    block: i,
                    span: block.span,
                    whole_line: true,
                    message: m,
                });
                continue;
            }
            if let Some(span) = credit(doc, block.span, l.words, cand.label[i]) {
                flagged[i] = true;
                let whole = span.start == block.span.start;
                hits.push(Hit {
                    block: i,
                    span,
                    whole_line: whole,
                    message: "image credit left in the text".to_string(),
                });
            }
        }
        // Menu runs: four or more very short lines in a row near the start or
        // the end (three when one of them is a known phrase), or six anywhere.
        let mut i = 0;
        while i < n {
            if !info[i].menu_item {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < n && info[j].menu_item && (j == i || doc.blocks[j].span.start > doc.blocks[j - 1].span.end) {
                j += 1;
            }
            let len = j - i;
            let near_edge = i <= n / 4 || j >= n - n / 4;
            let known = (i..j).any(|k| {
                flagged[k]
                    || info[k]
                        .norm(&norms)
                        .is_some_and(|s| self.lexicon(s, doc.text(doc.blocks[k].span)).is_some())
            });
            let introduced = author_list[i];
            if ((len >= 4 && near_edge) || len >= 6 || (len >= 3 && known)) && !authors(i, &flagged) && !introduced {
                for (k, f) in flagged.iter_mut().enumerate().take(j).skip(i) {
                    if !*f {
                        *f = true;
                        let raw = doc.text(doc.blocks[k].span);
                        hits.push(Hit {
                            block: k,
                            span: doc.blocks[k].span,
                            whole_line: true,
                            message: format!("'{}' is part of a run of short menu lines", clip(raw)),
                        });
                    }
                }
            }
            i = j.max(i + 1);
        }
        // After the last paragraph: runs of headline-like lines among
        // furniture ("You might have missed" and its list).
        let mut i = body_end;
        while i < n {
            let part = |k: usize| {
                let l = &info[k];
                flagged[k]
                    || (tail(k)
                        && !l.skip
                        && !l.plain_item
                        && !l.heading
                        && !l.sentence
                        && !author_list[k]
                        && (1..=15).contains(&l.words)
                        && !doc.text(doc.blocks[k].span).starts_with('('))
            };
            if !part(i) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < n && part(j) {
                j += 1;
            }
            let known = (i..j).filter(|&k| flagged[k]).count();
            if !authors(i, &flagged) && (j - i >= 3 || (j - i >= 2 && known >= 1)) {
                for (k, f) in flagged.iter_mut().enumerate().take(j).skip(i) {
                    if !*f {
                        *f = true;
                        hits.push(Hit {
                            block: k,
                            span: doc.blocks[k].span,
                            whole_line: true,
                            message: format!(
                                "'{}' follows the end of the article among page furniture",
                                clip(doc.text(doc.blocks[k].span))
                            ),
                        });
                    }
                }
            }
            i = j;
        }
        hits.sort_by_key(|h| h.span.start);
        (hits, info)
    }

    /// Identifies this lint instance (its configuration) in memos.
    fn id(&self) -> usize {
        std::ptr::from_ref(self) as usize
    }

    /// What the corpus phase needs of a document.
    fn summary(&self, doc: &Document, hits: &[Hit], info: &[LineInfo]) -> Summary {
        let lines = doc
            .blocks
            .iter()
            .zip(info)
            .map(|(b, l)| {
                // (Markdown headings and image alt text are the author's
                // structure: "## Usage" and a "Build Status" badge recur in
                // every file of a docs repository.)
                if matches!(b.scope, Scope::TableCell | Scope::Quote | Scope::Heading(_) | Scope::Caption) || l.words == 0 {
                    return LineSum::default();
                }
                let raw = doc.text(b.span);
                LineSum {
                    words: u8::try_from(l.words).unwrap_or(u8::MAX),
                    article: l.words >= 8 && (l.words > TEMPLATE_MAX || raw.trim_end().ends_with(['.', '!', '?', '"', '\u{201d}'])),
                    hash: hash_bytes(raw.as_bytes()),
                }
            })
            .collect();
        Summary {
            owner: self.id(),
            flagged: hits.iter().map(|h| h.block).collect(),
            lines,
        }
    }

    /// The summary `check` kept of a document, or a new one.
    fn summary_of(&self, doc: &Document) -> std::sync::Arc<Summary> {
        let build = |doc: &Document| {
            let (hits, info) = self.analyze(doc);
            self.summary(doc, &hits, &info)
        };
        match doc.kept::<Summary>() {
            Some(kept) if kept.owner == self.id() => kept,
            _ => std::sync::Arc::new(build(doc)),
        }
    }

    fn report(&self, doc: &Document, hit: &Hit, cx: &mut Ctx) {
        let del = if hit.whole_line {
            line_deletion(doc, hit.span)
        } else {
            // The credit and the space before it.
            let before = doc.source.text.get(..hit.span.start).unwrap_or("");
            let ws = before.len() - before.trim_end_matches([' ', '\t']).len();
            Span::new(hit.span.start - ws, hit.span.end)
        };
        cx.report(hit.span, hit.message.clone())
            .fix_edits(
                vec![Edit {
                    span: del,
                    replacement: String::new(),
                }],
                Applicability::Safe,
            )
            .help(if hit.whole_line { "delete the line" } else { "delete the credit" });
    }
}

/// Keep the stronger of two lexicon matches.
fn consider<'a>(best: &mut Option<&'a Entry>, e: &'a Entry) {
    if best.is_none_or(|b| b.weak && !e.weak) {
        *best = Some(e);
    }
}

/// Whether a phrase of `n` normalized words is followed in the raw line by a
/// separator (":", "|", "»", "-").
fn separator_after(raw: &str, n: usize) -> bool {
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in raw.char_indices() {
        if c.is_alphanumeric() {
            if !in_word {
                words += 1;
                in_word = true;
            }
        } else {
            if in_word && words == n {
                let rest = raw.get(i..).unwrap_or("").trim_start();
                return rest.starts_with([':', '|', '»', '›', '-', '–', '—', '>']);
            }
            in_word = false;
        }
    }
    false
}

/// The text after a label colon ("Never miss a beat: turn on alerts").
fn after_colon(raw: &str) -> Option<&str> {
    let (head, tail) = raw.split_once(':')?;
    (head.split_whitespace().count() <= 5 && !tail.trim().is_empty()).then_some(tail.trim())
}

fn clip(s: &str) -> String {
    let s = s.trim();
    if s.chars().count() <= 60 {
        return s.to_string();
    }
    let mut out: String = s.chars().take(57).collect();
    out.push_str("...");
    out
}

/// What the corpus phase needs of a document, kept by `check` of one lint
/// instance (while the document is at hand, its tokens in cache).
struct Summary {
    owner: usize,
    /// The blocks `check` flagged.
    flagged: Vec<usize>,
    /// Per block.
    lines: Vec<LineSum>,
}

/// A block as the corpus phase sees it.
#[derive(Clone, Copy, Default)]
struct LineSum {
    /// Word tokens, up to `WORDS_CAP`; 0 for blocks never compared.
    words: u8,
    /// Eight words or more that read as article text.
    article: bool,
    /// A hash of the text.
    hash: u64,
}

/// Per-line features.
struct LineInfo {
    words: usize,
    /// Normalized text (a range of the document's buffer of them), for
    /// lines of at most `SHORT` words that may match a phrase.
    norm: Option<(usize, usize)>,
    /// Ends with sentence punctuation.
    sentence: bool,
    /// Eight words or more with sentence punctuation: article text.
    paragraph: bool,
    /// At most four words, no sentence punctuation, no digits-only content.
    menu_item: bool,
    /// Never flagged: quotations, table cells, datelines.
    skip: bool,
    /// A Markdown list item that is not a link (a real list, not a menu).
    plain_item: bool,
    /// A Markdown heading: the author's structure, never a menu entry or a
    /// stray short line (phrases still match: "## Related articles").
    heading: bool,
    /// A Markdown list item linking to the document's own section ("-
    /// [About](#about)"): an entry of a table of contents, never furniture.
    toc: bool,
}

impl LineInfo {
    fn norm<'a>(&self, norms: &'a str) -> Option<&'a str> {
        self.norm.and_then(|(a, b)| norms.get(a..b))
    }

    fn of(doc: &Document, i: usize, lint: &Boilerplate, norms: &mut String, scratch: &mut Vec<u8>) -> LineInfo {
        let block = &doc.blocks[i];
        let raw = doc.text(block.span).trim();
        let words = super::word_count(doc, block, WORDS_CAP);
        // (A line cut off with an ellipsis is no sentence: a teaser.)
        let sentence =
            raw.ends_with(['.', '!', '?', '"', '\u{201d}', '\'', '\u{2019}', ';']) && !raw.ends_with("..") && !raw.ends_with('…');
        let skip = matches!(block.scope, Scope::Quote | Scope::TableCell | Scope::Caption)
            || doc.in_quote(block.span)
            || (words <= 10 && dateline(raw))
            || words == 0;
        let mut norm = None;
        if words <= SHORT && !skip && lint.needs_norm(raw) {
            scratch.clear();
            normalize_into(raw, scratch, usize::MAX, usize::MAX);
            if let Ok(s) = std::str::from_utf8(scratch) {
                if !s.is_empty() {
                    norm = Some((norms.len(), norms.len() + s.len()));
                    norms.push_str(s);
                }
            }
        }
        let heading = matches!(block.scope, Scope::Heading(_));
        // Markdown list items take part in menus only when they are links,
        // and not links to the document's own sections (a table of
        // contents: "- [Usage](#usage)").
        let anchor = block.scope == Scope::ListItem && doc.source.text.get(block.span.end..).is_some_and(|t| t.starts_with("](#"));
        let linked = block.scope != Scope::ListItem || {
            let from = block.span.start.saturating_sub(3);
            doc.source.text.get(from..block.span.start).is_some_and(|t| t.contains('[')) && !anchor
        };
        LineInfo {
            words,
            norm,
            sentence,
            paragraph: words >= 8 && sentence,
            menu_item: linked
                && !heading
                && !skip
                && (1..=4).contains(&words)
                && !sentence
                && !raw.ends_with([',', ':'])
                && raw.chars().count() <= 40
                && !table_row(raw),
            skip,
            plain_item: !linked,
            heading,
            toc: anchor,
        }
    }
}

/// A line that is a page counter: a number and unit words only, one of
/// them a page word ("4 min read", "5 min", "2.1K views", "12 comments",
/// "3 hours ago").
/// Whether `raw` holds an ISO 8601 date and time ("2020-05-19T17:52:00Z",
/// "2024-01-02T09:15"): digits, '-', digits, '-', digits, 'T', two digits
/// and ':'.
fn iso_timestamp(raw: &str) -> bool {
    let b = raw.as_bytes();
    memchr::memchr_iter(b'T', b).any(|t| {
        let digit = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
        t >= 10
            && (1..=2).all(|d| digit(t - d))
            && b.get(t - 3) == Some(&b'-')
            && (4..=5).all(|d| digit(t - d))
            && b.get(t - 6) == Some(&b'-')
            && (7..=10).all(|d| digit(t - d))
            && digit(t + 1)
            && digit(t + 2)
            && b.get(t + 3) == Some(&b':')
    })
}

fn counter_line(raw: &str) -> bool {
    const UNITS: &[&str] = &[
        "min", "mins", "minute", "minutes", "read", "reads", "view", "views", "comment", "comments", "share", "shares", "like", "likes",
        "sec", "secs", "second", "seconds", "hour", "hours", "hr", "hrs", "day", "days", "week", "weeks", "month", "months", "year",
        "years", "ago", "listen", "watch", "reading", "time",
    ];
    const PAGE: &[&str] = &[
        "min", "mins", "read", "reads", "views", "comments", "shares", "likes", "ago", "listen",
    ];
    let mut words = raw.split_whitespace();
    let Some(number) = words.next() else { return false };
    let digits = number.trim_end_matches(['K', 'k', 'M', 'm']);
    if digits.is_empty()
        || !digits.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        || !digits.starts_with(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    let mut page = false;
    let mut n = 0;
    for w in words {
        let w = w.trim_end_matches(['.', ',', ':']);
        let lower = w.to_ascii_lowercase();
        if !UNITS.contains(&lower.as_str()) {
            return false;
        }
        page |= PAGE.contains(&lower.as_str());
        n += 1;
    }
    page && (1..=3).contains(&n)
}

/// A counter line, or counters joined by "·" or "|" ("4 min read · 1,204
/// views").
fn counter_parts(raw: &str) -> bool {
    if comment_count(raw) {
        return true;
    }
    if raw.contains(['·', '|']) {
        raw.split(['·', '|']).all(|p| counter_line(p.trim()))
    } else {
        raw.split_whitespace().count() <= 4 && counter_line(raw)
    }
}

/// A breadcrumb of two parts: "Sports / Football", "News › UK News" (each
/// part one to three capitalised words).
fn top_crumb(raw: &str) -> bool {
    let t = raw.trim();
    let Some((a, b)) = [" / ", " › ", " > ", " » "].iter().find_map(|sep| t.split_once(sep)) else {
        return false;
    };
    let part = |p: &str| {
        let n = p.split_whitespace().count();
        (1..=3).contains(&n)
            && p.split_whitespace()
                .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
            && !p.ends_with(['.', '!', '?', ','])
    };
    part(a) && part(b)
}

/// A menu spaced out with runs of two or more spaces: four items or more,
/// each one to three words opening with a capital ("News   Sport   Weather
/// Travel", "NEWS  SPORT  MONEY  TECH").
fn gapped_menu(raw: &str) -> bool {
    let t = raw.trim();
    if !t.contains("  ") || t.ends_with(['.', '!', '?', ',', ':']) {
        return false;
    }
    let items: Vec<&str> = t.split("  ").map(str::trim).filter(|s| !s.is_empty()).collect();
    items.len() >= 4
        && items.iter().all(|it| {
            (1..=3).contains(&it.split_whitespace().count())
                && it.starts_with(|c: char| c.is_uppercase())
                && !it.contains(|c: char| c.is_ascii_digit())
        })
}

/// A line next to block `i` spaced out like it: the rows of a table.
fn gapped_neighbour(doc: &Document, i: usize) -> bool {
    let gapped = |k: usize| doc.blocks.get(k).is_some_and(|b| doc.text(b.span).trim().contains("  "));
    i.checked_sub(1).is_some_and(gapped) || gapped(i + 1)
}

/// A comments link with its count in brackets: "Comments (12)", "Read what
/// readers are saying (143)", "Join the discussion (27 replies)".
fn comment_count(raw: &str) -> bool {
    let t = raw.trim();
    let Some(open) = t.strip_suffix(')').and_then(|r| r.rfind('(')) else {
        return false;
    };
    let count = t.get(open + 1..t.len() - 1).unwrap_or("");
    let number = count.split_whitespace().next().unwrap_or("");
    let head = t.get(..open).unwrap_or("").to_lowercase();
    // (Not a year: "... the council (2019)".)
    let year = number.len() == 4 && (number.starts_with("19") || number.starts_with("20"));
    !number.is_empty()
        && !year
        && number.bytes().all(|b| b.is_ascii_digit() || b == b',')
        && count.split_whitespace().count() <= 2
        && head.split_whitespace().count() <= 6
        && ["comment", "readers", "replies", "reactions", "responses", "discussion"]
            .iter()
            .any(|w| head.contains(w) || count.contains(w))
}

/// Whether a blank line separates block `i` from the block before it.
fn blank_line_before(doc: &Document, i: usize) -> bool {
    let (Some(a), Some(b)) = (i.checked_sub(1).and_then(|k| doc.blocks.get(k)), doc.blocks.get(i)) else {
        return true;
    };
    doc.source
        .text
        .get(a.span.end..b.span.start)
        .is_none_or(|gap| gap.bytes().filter(|&c| c == b'\n').count() >= 2)
}

/// A relative time line of a list of articles: "3 hours ago",
/// "Published 2 weeks ago", "Updated: 14 minutes ago".
fn time_line(raw: &str) -> bool {
    let t = raw.trim();
    let rest = ["published", "updated", "posted", "last updated"]
        .iter()
        .find_map(|label| {
            t.get(..label.len())
                .filter(|head| head.eq_ignore_ascii_case(label))
                .and_then(|_| t.get(label.len()..))
                .filter(|r| r.starts_with([' ', ':']))
        })
        .map_or(t, |r| r.trim_start_matches([' ', ':']));
    rest.split_whitespace().last().is_some_and(|w| w.eq_ignore_ascii_case("ago")) && counter_line(rest)
}

/// The line shapes, each compiled on first need (most documents need none
/// of them, and compiling costs more than a document).
struct Shapes;

/// The labels of credit lines.
const CREDIT_LABELS: &str = r"(?:Image|Images|Photo|Photos|Photograph|Picture|Pictures|Pic|Illustration|Graphic|Video|Credit|Credits|Photo credit|Image credit|Picture credit|Image source|Photo source|File photo|File image|Courtesy)";

fn compile(p: &str) -> Regex {
    Regex::new(p).unwrap_or_else(|_| Regex::new("$^").unwrap_or_else(|_| unreachable!()))
}

impl Shapes {
    /// "(AP)", "(IANS)", "(Reuters) -" near the start of a short line.
    fn dateline(&self) -> &'static Regex {
        static R: OnceLock<Regex> = OnceLock::new();
        R.get_or_init(|| {
            compile(r"^[^()]{0,60}\((?:[A-Z]{2,8}|[A-Z][a-z]+)\)\s*(?:[-–—:]|$)|^[A-Z][A-Z .'-]{2,30}(?:,\s*[A-Za-z .]+)?\s*[-–—]\s*$")
        })
    }

    fn credit_line(&self) -> &'static Regex {
        static R: OnceLock<Regex> = OnceLock::new();
        R.get_or_init(|| {
            compile(&format!(
                r"^\s*{CREDIT_LABELS}\s*:\s*\p{{Lu}}[^\n]{{0,80}}$|^\s*(?:Photo|Image|Picture|Video|Illustration)s?\s+(?:by|courtesy of|via)\s+\p{{Lu}}[^\n]{{0,60}}$"
            ))
        })
    }

    fn credit_tail(&self) -> &'static Regex {
        static R: OnceLock<Regex> = OnceLock::new();
        R.get_or_init(|| {
            compile(&format!(
                r"[.!?][\x22\u{{201d}}\u{{2019}}')]?\s+({CREDIT_LABELS}\s*:\s*\p{{Lu}}[^\n.!?]{{0,60}}[.]?|(?:Photo|Image|Picture)s?\s+(?:by|courtesy of)\s+\p{{Lu}}[^\n.!?]{{0,60}}[.]?)\s*$"
            ))
        })
    }

    fn credit_paren(&self) -> &'static Regex {
        static R: OnceLock<Regex> = OnceLock::new();
        R.get_or_init(|| {
            compile(r"\((?:Photo|Photos|Image|Images|Picture|Pic|Video|File photo|Illustration|Graphic)(?:\s+(?:by|courtesy(?: of)?|credit)\s*:?|\s*:)\s*[^()\n]{1,60}\)")
        })
    }

    fn copyright(&self) -> &'static Regex {
        static R: OnceLock<Regex> = OnceLock::new();
        R.get_or_init(|| compile(r"^\s*(?:©|\([cC]\)\s*\d{4}|(?i:copyright)\s*(?:©\s*)?\d{4}|Copyright\s+©?\s*\p{Lu})"))
    }
}

fn shapes() -> &'static Shapes {
    &Shapes
}

fn dateline(raw: &str) -> bool {
    // "X (AP) -": the first parenthesis, within 60 characters, opens on a
    // capital; "NEW DELHI -": a capital first and a dash last.
    let paren = raw.find('(').is_some_and(|p| {
        raw.as_bytes().get(p + 1).is_some_and(u8::is_ascii_uppercase)
            && raw
                .get(..p)
                .is_some_and(|before| !before.contains(')') && before.chars().count() <= 60)
    });
    let dash = raw.starts_with(|c: char| c.is_ascii_uppercase()) && raw.trim_end().ends_with(['-', '–', '—']);
    (paren || dash) && shapes().dateline().is_match(raw)
}

fn copyright_line(raw: &str) -> bool {
    let t = raw.trim_start();
    (t.starts_with('©') || t.starts_with("(c)") || t.starts_with("(C)") || t.starts_with("Copyright") || t.starts_with("copyright"))
        && shapes().copyright().is_match(raw)
}

/// A wire service's staff credit line: "Reporting by Tom Hale; Editing by
/// Sara Lin", "Additional reporting by Ana Ruiz in Madrid", "Writing by
/// X". The label opens the line and a capitalised name follows it.
fn staff_credit(raw: &str) -> bool {
    let t = raw.trim_start().trim_start_matches(['(', '[']);
    // (Cheap first: the line opens with the first letter of a label.)
    if !t.starts_with(['R', 'E', 'W', 'C', 'A', 'r', 'e', 'w', 'c', 'a']) {
        return false;
    }
    let t = t.trim_end();
    let t = t.strip_prefix("Additional ").map_or(t, |r| r);
    let Some((label, rest)) = t.split_once(" by ") else { return false };
    let label = label.to_ascii_lowercase();
    matches!(
        label.as_str(),
        "reporting" | "editing" | "writing" | "compiled" | "research" | "additional reporting"
    ) && rest.starts_with(|c: char| c.is_uppercase())
        && !rest.trim_end().ends_with(['!', '?'])
        // Names, places and labels only: "Reporting by Reuters showed that
        // ..." is a sentence.
        && rest.split_whitespace().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.is_empty()
                || w.starts_with(|c: char| c.is_uppercase())
                || matches!(w, "and" | "in" | "at" | "from" | "by" | "with" | "for" | "of" | "editing" | "writing" | "reporting")
        })
}

/// A wire service's note on an updated story, in brackets: "(Adds union
/// comment in paragraph 6)", "(Updates with closing prices)", "(Recasts
/// throughout)", "(Corrects spelling of name in paragraph 3)".
fn wire_note(raw: &str) -> bool {
    let t = raw.trim();
    let Some(inner) = t.strip_prefix('(').and_then(|r| r.strip_suffix(')')) else {
        return false;
    };
    let first = inner.split_whitespace().next().unwrap_or("");
    [
        "Adds", "Updates", "Recasts", "Corrects", "Changes", "Refiles", "Repeats", "Rewrites", "Removes", "Fixes",
    ]
    .contains(&first)
        && !inner.contains(['(', ')'])
        && inner.split_whitespace().count() <= 20
        && !inner.ends_with(['.', '!', '?'])
}

/// Link separators ("Home > World").
const SEPARATORS: [&str; 7] = [" | ", " > ", " » ", " › ", " / ", " • ", " · "];

/// Words every credit label holds ("Photo" in "Photograph", "Pic" in
/// "Picture").
const CREDIT_WORDS: [&str; 9] = [
    "Image",
    "Photo",
    "Pic",
    "Illustration",
    "Graphic",
    "Video",
    "Credit",
    "File",
    "Courtesy",
];

/// Blocks of a document that hold a credit label word (in the prose) or a
/// link separator (in the text), found in one pass each.
struct Candidates {
    label: Vec<bool>,
    separator: Vec<bool>,
}

impl Candidates {
    fn of(doc: &Document) -> Candidates {
        static SCAN: OnceLock<Option<(aho_corasick::AhoCorasick, aho_corasick::AhoCorasick)>> = OnceLock::new();
        let n = doc.blocks.len();
        let mut c = Candidates {
            label: vec![false; n],
            separator: vec![false; n],
        };
        // Separators without their leading space, which every line has
        // (no use to a prefilter).
        let scan = SCAN.get_or_init(|| {
            // Leftmost matching: the packed (SIMD) prefilter.
            let build = |p: &[&str]| {
                aho_corasick::AhoCorasick::builder()
                    .match_kind(aho_corasick::MatchKind::LeftmostFirst)
                    .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
                    .build(p)
                    .ok()
            };
            Some((build(&CREDIT_WORDS)?, build(&SEPARATORS.map(|s| s.trim_start()))?))
        });
        // Matches are placed in blocks by their order.
        let ordered = doc.blocks.windows(2).all(|w| w[0].span.end <= w[1].span.start);
        let Some((labels, separators)) = scan.as_ref().filter(|_| ordered) else {
            // Without the scanners every block is a candidate.
            c.label.fill(true);
            c.separator.fill(true);
            return c;
        };
        let mark = |found: &mut Vec<bool>, start: usize, end: usize| {
            let i = doc.blocks.partition_point(|b| b.span.end < end);
            if let Some(b) = doc.blocks.get(i) {
                if b.span.start <= start && end <= b.span.end {
                    if let Some(f) = found.get_mut(i) {
                        *f = true;
                    }
                }
            }
        };
        // Labels are letters: a match that hides another (overlapping it)
        // stands in the same block.
        for m in labels.find_iter(doc.prose.as_str()) {
            mark(&mut c.label, m.start(), m.end());
        }
        // Matches cannot overlap (a symbol, then a space).
        let text = doc.source.text.as_bytes();
        for m in separators.find_iter(doc.source.text.as_str()) {
            if m.start() > 0 && text.get(m.start() - 1) == Some(&b' ') {
                mark(&mut c.separator, m.start() - 1, m.end());
            }
        }
        c
    }
}

/// "Home > World > Asia", "Home | News | Sport", "More »".
/// A row of a plain-text table: cells padded to align ("64000 | ftn      |
/// fidogate") or fenced by pipes ("| a | b |").
fn table_row(t: &str) -> bool {
    t.contains('|') && (t.contains("  |") || t.contains("|  ") || t.trim_start().starts_with('|'))
}

fn link_like(raw: &str, has_separator: bool) -> bool {
    let t = raw.trim();
    let count: usize = if has_separator {
        SEPARATORS.iter().map(|s| t.matches(s).count()).sum()
    } else {
        0
    };
    if count >= 2 {
        if table_row(t) {
            return false;
        }
        // Every item short.
        let items = t.split(['|', '>', '»', '›', '/', '•', '·']);
        return items.map(|s| s.split_whitespace().count()).all(|w| (1..=4).contains(&w));
    }
    (t.ends_with(['»', '›', '→']) || t.ends_with(">>") || t.starts_with(['«', '‹', '←']) || t.starts_with("<<"))
        && t.split_whitespace().count() <= 6
}

/// Whether a credit label may follow the last sentence of `tail`: the
/// trailing credit shape (`credit_tail`) is a sentence end, an optional
/// closing quote, whitespace and a label, then no sentence punctuation but
/// an optional final period.
fn label_after_last_sentence(tail: &str) -> bool {
    let t = tail.trim_end();
    let t = t.strip_suffix('.').unwrap_or(t);
    let Some(end) = t.bytes().rposition(|b| matches!(b, b'.' | b'!' | b'?')) else {
        return false;
    };
    let rest = t.get(end + 1..).unwrap_or("");
    let rest = rest.strip_prefix(['"', '\u{201d}', '\u{2019}', '\'', ')']).unwrap_or(rest);
    let label = rest.trim_start();
    label.len() < rest.len()
        && [
            "Image",
            "Photo",
            "Pic",
            "Illustration",
            "Graphic",
            "Video",
            "Credit",
            "File",
            "Courtesy",
        ]
        .iter()
        .any(|w| label.starts_with(w))
}

/// The labels of `CREDIT_LABELS`, in the order the regex tries them.
const CREDIT_LABEL_LIST: [&str; 21] = [
    "Image",
    "Images",
    "Photo",
    "Photos",
    "Photograph",
    "Picture",
    "Pictures",
    "Pic",
    "Illustration",
    "Graphic",
    "Video",
    "Credit",
    "Credits",
    "Photo credit",
    "Image credit",
    "Picture credit",
    "Image source",
    "Photo source",
    "File photo",
    "File image",
    "Courtesy",
];

/// The span of group 1 of the `credit_tail` regex in `tail`: by hand on
/// ASCII text (compiling the regex costs more than many documents), by the
/// regex otherwise.
fn credit_tail(tail: &str) -> Option<(usize, usize)> {
    if !tail.is_ascii() {
        let c = shapes().credit_tail().captures(tail)?.get(1)?;
        return Some((c.start(), c.end()));
    }
    let b = tail.as_bytes();
    // Leftmost match first.
    (0..b.len())
        .filter(|&i| matches!(b[i], b'.' | b'!' | b'?'))
        .find_map(|i| credit_tail_at(b, i + 1))
}

/// ASCII whitespace as the regex `\s` sees it.
fn ascii_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// The rest of `credit_tail` after the sentence end (ending before `at`):
/// `[\x22')]?\s+(LABEL\s*:\s*[A-Z]VALUE|(?:Photo|Image|Picture)s?\s+(?:by|courtesy of)\s+[A-Z]VALUE)\s*$`.
fn credit_tail_at(b: &[u8], at: usize) -> Option<(usize, usize)> {
    let skip_space = |mut i: usize| {
        while b.get(i).copied().is_some_and(ascii_space) {
            i += 1;
        }
        i
    };
    let mut i = at;
    if matches!(b.get(i), Some(b'"' | b'\'' | b')')) {
        // The optional closing quote: needed only when whitespace follows
        // (a quote is no whitespace, so taking it never loses a match).
        i += 1;
    }
    let start = skip_space(i);
    if start == i {
        return None;
    }
    let rest = b.get(start..)?;
    // A capital after the label (at `k`), then the value to the end.
    let value = |k: usize| -> Option<(usize, usize)> {
        if !b.get(k).is_some_and(u8::is_ascii_uppercase) {
            return None;
        }
        credit_value_end(b, k + 1).map(|end| (start, end))
    };
    for label in CREDIT_LABEL_LIST {
        if rest.starts_with(label.as_bytes()) {
            let k = skip_space(start + label.len());
            if b.get(k) == Some(&b':') {
                if let Some(m) = value(skip_space(k + 1)) {
                    return Some(m);
                }
            }
        }
    }
    for label in ["Photo", "Image", "Picture"] {
        if !rest.starts_with(label.as_bytes()) {
            continue;
        }
        let mut k = start + label.len();
        if b.get(k) == Some(&b's') {
            k += 1;
        }
        let k2 = skip_space(k);
        if k2 == k {
            continue;
        }
        for verb in ["by", "courtesy of"] {
            let after = b.get(k2..).unwrap_or(&[]);
            if after.starts_with(verb.as_bytes()) {
                let k3 = k2 + verb.len();
                let k4 = skip_space(k3);
                if k4 > k3 {
                    if let Some(m) = value(k4) {
                        return Some(m);
                    }
                }
            }
        }
    }
    None
}

/// The end of `[^\n.!?]{0,60}[.]?` from `from` when only whitespace follows
/// it (`\s*$`), as the greedy regex takes it.
fn credit_value_end(b: &[u8], from: usize) -> Option<usize> {
    let run = b
        .get(from..)?
        .iter()
        .take(60)
        .take_while(|&&c| !matches!(c, b'\n' | b'.' | b'!' | b'?'))
        .count();
    let blank = |i: usize| b.get(i..).is_some_and(|t| t.iter().all(|&c| ascii_space(c)));
    (0..=run).rev().find_map(|k| {
        let p = from + k;
        if b.get(p) == Some(&b'.') && blank(p + 1) {
            Some(p + 1)
        } else if blank(p) {
            Some(p)
        } else {
            None
        }
    })
}

/// An image credit: a whole line ("Photo: Jane Doe / Agency"), a credit after
/// the last sentence of a caption ("... parade. Image: Example News."), or a
/// parenthesised "(Photo by ...)".
fn credit(doc: &Document, span: Span, words: usize, has_label: bool) -> Option<Span> {
    let raw = doc.prose.get(span.range())?;
    // A credit after the caption's last sentence without a credit label:
    // "... on Wednesday. | Metro photo: Ana Lopes", "... at the arena. —
    // Clarion/Femi Adeola", "... before the meeting. TOM REYES/COURIER".
    if let Some(at) = caption_credit_tail(raw) {
        return Some(Span::new(span.start + at, span.end));
    }
    // Every other credit shape names a label.
    if !has_label {
        return None;
    }
    let s = shapes();
    // A credit line starts with its label, and every label with one of the
    // credit words.
    let opens_with_label = || {
        let t = raw.trim_start();
        CREDIT_WORDS.iter().any(|w| t.starts_with(w))
    };
    if words <= 12
        && (raw.contains(':') || raw.contains(" by ") || raw.contains(" via ") || raw.contains("courtesy"))
        && opens_with_label()
        && s.credit_line().is_match(raw)
    {
        return Some(span);
    }
    // Only the end of a long line can hold a trailing credit.
    let mut cut = raw.len().saturating_sub(160);
    while !raw.is_char_boundary(cut) {
        cut += 1;
    }
    let tail = raw.get(cut..)?;
    // Every credit label holds one of these words.
    let label = |t: &str| CREDIT_WORDS.iter().any(|w| t.contains(w));
    if (tail.contains(':') || tail.contains(" by ") || tail.contains("courtesy")) && label_after_last_sentence(tail) && label(tail) {
        if let Some((a, b)) = credit_tail(tail) {
            if tail.get(a..b).is_some_and(|c| c.split_whitespace().count() <= 10) {
                return Some(Span::new(span.start + cut + a, span.start + cut + b));
            }
        }
    }
    let paren_label = raw.match_indices('(').any(|(k, _)| {
        let after = raw.get(k..).unwrap_or("");
        ["(Photo", "(Image", "(Pic", "(Video", "(File photo", "(Illustration", "(Graphic"]
            .iter()
            .any(|w| after.starts_with(w))
    });
    if !paren_label {
        return None;
    }
    s.credit_paren()
        .find(raw)
        .map(|m| Span::new(span.start + m.start(), span.start + m.end()))
}

/// Where a credit after the last sentence of a caption starts (its
/// separator included), for two shapes: a separator and "Outlet photo:
/// Name" (a credit word of any case before a colon and a capitalised name),
/// or an optional dash and "Outlet/Name" or "NAME/OUTLET" (capitalised words
/// on both sides of one slash). At most six words, no digits, and the line
/// ends with no sentence punctuation.
fn caption_credit_tail(raw: &str) -> Option<usize> {
    let t = raw.trim_end();
    if t.ends_with(['.', '!', '?', ',', ';', ':', '"', '\u{201d}']) || !(t.contains('/') || t.contains(':')) {
        return None;
    }
    // The end of the last sentence: ". " (or "! ", "? "), a closing quote allowed.
    let end = t.match_indices(['.', '!', '?']).rev().find_map(|(k, _)| {
        let after = t.get(k + 1..)?;
        let after = after.strip_prefix(['"', '\u{201d}', '\u{2019}', '\'', ')']).unwrap_or(after);
        after.starts_with(' ').then(|| t.len() - after.len())
    })?;
    let tail = t.get(end..)?;
    let body = tail.trim_start();
    let (sep, body) = match body.strip_prefix(['|', '—', '–', '-']) {
        Some(b) => (true, b.trim_start()),
        None => (false, body),
    };
    let words: Vec<&str> = body.split_whitespace().collect();
    if !(2..=6).contains(&words.len()) || body.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    // "Metro photo: Ana Lopes" after a bar or a dash.
    let labelled = sep
        && body.split_once(':').is_some_and(|(head, name)| {
            let label = head.split_whitespace().last().unwrap_or("").to_lowercase();
            let name_words: Vec<&str> = name.split_whitespace().collect();
            ["photo", "image", "picture", "video", "pic"].contains(&label.as_str())
                && head.split_whitespace().count() <= 3
                && (1..=4).contains(&name_words.len())
                && name_words.iter().all(|w| capital(w))
        });
    // "Clarion/Femi Adeola", "TOM REYES/COURIER".
    let slashed = body.matches('/').count() == 1
        && body.split('/').all(|side| {
            let ws: Vec<&str> = side.split_whitespace().collect();
            (1..=3).contains(&ws.len())
                && ws
                    .iter()
                    .all(|w| capital(w) && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'')))
        })
        && (sep || body.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase));
    (labelled || slashed).then(|| raw.len() - raw.trim_start().len() + end + (tail.len() - tail.trim_start().len()))
}

impl Lint for Boilerplate {
    fn rules(&self) -> Vec<RuleInfo> {
        vec![RuleInfo::from(&BOILERPLATE)]
    }

    fn check(&self, doc: &Document, cx: &mut Ctx) {
        let (hits, info) = self.analyze(doc);
        for hit in &hits {
            self.report(doc, hit, cx);
        }
        // Kept for the corpus phase (memos are freed before it).
        doc.keep(self.summary(doc, &hits, &info));
    }

    fn has_corpus_phase(&self) -> bool {
        true
    }

    /// Template residue: short lines repeated verbatim in several unrelated
    /// documents of the run.
    fn check_corpus(&self, docs: &[&Document], cx: &mut Ctx) {
        if docs.len() < 2 {
            return;
        }
        // Lines are compared by their normalized text. Normalize each
        // distinct text once, and in full only when another line may share
        // it: when the text recurs, or the prefix of its normalized text
        // does. Texts are told apart by a 64-bit hash (as the normalized
        // texts are).
        struct Line {
            doc: usize,
            block: usize,
            words: usize,
            article: bool,
            text: usize,
        }
        struct Text {
            doc: usize,
            block: usize,
            count: u32,
            /// Whether the text has an alphanumeric character.
            has_words: bool,
            prefix: u64,
            /// The hash of the normalized text (`true`), or the text's own
            /// number (`false`) when no other text may share it.
            key: Option<(u64, bool)>,
        }
        let summaries: Vec<std::sync::Arc<Summary>> = docs.iter().map(|d| self.summary_of(d)).collect();
        let mut lines: Vec<Line> = Vec::new();
        let mut texts: Vec<Text> = Vec::new();
        let mut text_ids: HashMap<u64, usize> = HashMap::default();
        for (d, sum) in summaries.iter().enumerate() {
            for (i, l) in sum.lines.iter().enumerate().filter(|(_, l)| l.words > 0) {
                let text = *text_ids.entry(l.hash).or_insert_with(|| {
                    texts.push(Text {
                        doc: d,
                        block: i,
                        count: 0,
                        has_words: false,
                        prefix: 0,
                        key: None,
                    });
                    texts.len() - 1
                });
                texts[text].count += 1;
                lines.push(Line {
                    doc: d,
                    block: i,
                    words: usize::from(l.words),
                    article: l.article,
                    text,
                });
            }
        }
        let mut buf: Vec<u8> = Vec::new();
        let raw_of = |t: &Text| docs[t.doc].text(docs[t.doc].blocks[t.block].span);
        for t in &mut texts {
            buf.clear();
            normalize_into(raw_of(t), &mut buf, usize::MAX, PREFIX_BYTES);
            t.has_words = !buf.is_empty();
            t.prefix = hash_bytes(&buf);
        }
        let mut prefixes: HashMap<u64, u32> = HashMap::default();
        for t in texts.iter().filter(|t| t.has_words) {
            *prefixes.entry(t.prefix).or_default() += 1;
        }
        // A text whose prefix no other text has is the only one with its
        // normalized text: a recurring one is keyed by its own hash (kept
        // apart from normalized keys).
        for (id, t) in texts.iter_mut().enumerate() {
            if t.has_words && prefixes.get(&t.prefix).is_some_and(|&n| n >= 2) {
                buf.clear();
                normalize_into(raw_of(t), &mut buf, usize::MAX, usize::MAX);
                t.key = Some((hash_bytes(&buf), true));
            } else if t.count >= 2 {
                t.key = Some((id as u64, false));
            }
        }
        // No alphanumeric character: not a line to compare.
        lines.retain(|l| texts[l.text].has_words);
        let mut lines_of: Vec<usize> = vec![0; docs.len()];
        for l in &lines {
            lines_of[l.doc] += 1;
        }
        // Short lines by key, and article lines (to tell copies of one
        // article apart from a shared template). A line that no other line
        // may share is in no group of two: left out. Keys are numbered once
        // per text.
        let mut key_ids: HashMap<(u64, bool), usize> = HashMap::default();
        let group_of: Vec<Option<usize>> = texts
            .iter()
            .map(|t| {
                t.key.map(|k| {
                    let n = key_ids.len();
                    *key_ids.entry(k).or_insert(n)
                })
            })
            .collect();
        let mut short: Vec<Vec<(usize, usize)>> = vec![Vec::new(); key_ids.len()];
        let mut long: Vec<(Vec<usize>, bool)> = vec![(Vec::new(), false); key_ids.len()];
        for line in &lines {
            let Some(g) = group_of[line.text] else { continue };
            let (d, i, words) = (line.doc, line.block, line.words);
            if line.article {
                let v = &mut long[g];
                if v.0.is_empty() {
                    v.1 = words > TEMPLATE_MAX;
                }
                if v.0.last() != Some(&d) {
                    v.0.push(d);
                }
            }
            if words <= TEMPLATE_MAX {
                let v = &mut short[g];
                if v.last().is_none_or(|&(ld, _)| ld != d) {
                    v.push((d, i));
                }
            }
        }
        // Documents that share two article lines, or one long one, are
        // copies of one article.
        let mut shared: HashMap<(usize, usize), usize> = HashMap::default();
        for (ds, is_long) in long.iter().filter(|v| !v.1 && (2..=5).contains(&v.0.len())) {
            for &a in ds {
                for &b in ds {
                    if a != b {
                        *shared.entry((a, b)).or_default() += if *is_long { 2 } else { 1 };
                    }
                }
            }
        }
        // Documents sharing at least half of their lines (short ones too) are
        // copies of one text, however short its lines.
        let mut shared_all: HashMap<(usize, usize), usize> = HashMap::default();
        for v in short.iter().filter(|v| (2..=5).contains(&v.len())) {
            for &(a, _) in v {
                for &(b, _) in v {
                    if a < b {
                        *shared_all.entry((a, b)).or_default() += 1;
                    }
                }
            }
        }
        // Components of copies: documents joined by a shared long paragraph
        // (any number of them: a wire story republished many times), or by
        // two shared article lines.
        let mut parent: Vec<usize> = (0..docs.len()).collect();
        fn find(parent: &mut [usize], mut x: usize) -> usize {
            while parent[x] != x {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            x
        }
        let union = |parent: &mut Vec<usize>, a: usize, b: usize| {
            let (ra, rb) = (find(parent, a), find(parent, b));
            if ra != rb {
                parent[ra] = rb;
            }
        };
        for (ds, is_long) in &long {
            if *is_long {
                for w in ds.windows(2) {
                    union(&mut parent, w[0], w[1]);
                }
            }
        }
        for (&(a, b), &n) in &shared {
            if n >= 2 {
                union(&mut parent, a, b);
            }
        }
        for (&(a, b), &n) in &shared_all {
            let smaller = lines_of[a].min(lines_of[b]);
            if n >= smaller.min(2) && n * 2 >= smaller {
                union(&mut parent, a, b);
            }
        }
        let mut candidates: Vec<(usize, usize, usize, (usize, usize))> = Vec::new(); // doc, block, count, first other
        for occ in short.iter().filter(|v| v.len() >= 2) {
            // Independent documents: one per component of copies.
            let mut chosen: Vec<usize> = Vec::new();
            for &(d, _) in occ {
                let root = find(&mut parent, d);
                if !chosen.contains(&root) {
                    chosen.push(root);
                }
            }
            if chosen.len() < 2 {
                continue;
            }
            for (k, &(d, i)) in occ.iter().enumerate() {
                let other = if k == 0 { occ[1] } else { occ[0] };
                candidates.push((d, i, chosen.len(), other));
            }
        }
        if candidates.is_empty() {
            return;
        }
        candidates.sort_unstable();
        for (d, i, count, (od, oi)) in candidates {
            let doc = docs[d];
            let block = &doc.blocks[i];
            let raw = doc.text(block.span);
            let words = summaries[d].lines.get(i).map_or(0, |l| usize::from(l.words));
            if (words > 12 && count < 3) || dateline(raw.trim()) || doc.in_quote(block.span) {
                continue;
            }
            // Markdown files are authored: files of a content repository
            // share headings and notices on purpose ("## License").
            if summaries[d].flagged.contains(&i) || doc.source.kind == crate::source::FileKind::Markdown {
                continue;
            }
            let other = docs[od];
            let del = line_deletion(doc, block.span);
            cx.report_in(
                doc.id,
                block.span,
                format!(
                    "'{}' is repeated verbatim in {count} documents of this run (template residue)",
                    clip(raw)
                ),
            )
            .label_in(other.id, other.blocks[oi].span, "the same line in another document")
            .fix_edits(
                vec![Edit {
                    span: del,
                    replacement: String::new(),
                }],
                Applicability::Safe,
            )
            .help("delete the line");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{fixed, flagged};
    use crate::source::{FileKind, SourceFile};

    fn bp() -> Boilerplate {
        Boilerplate::builtin()
    }

    const BODY: &str = "The minister spoke to reporters on Monday about the new budget.\n\nShe said the plan would be published next week after a cabinet meeting.\n";

    #[test]
    fn flags_seed_furniture() {
        let t = format!("Skip to content\n\nParade in the capital marks anniversary\n\n{BODY}\nRead also:\n\nLatest");
        assert_eq!(flagged(&bp(), &t), vec!["Skip to content", "Read also:", "Latest"]);
        let cap = "Leader arrives by armoured train ahead of the parade. Image: Example News.\nThe leader traveled on Tuesday.\n";
        assert_eq!(flagged(&bp(), cap), vec!["Image: Example News."]);
        assert_eq!(
            fixed(&bp(), cap),
            "Leader arrives by armoured train ahead of the parade.\nThe leader traveled on Tuesday.\n"
        );
    }

    #[test]
    fn table_rows_are_not_menus() {
        for ok in [
            "64000 | ftn        | fidogate",
            "| gid | name | description |",
            "gid   | name   | description",
        ] {
            assert!(!link_like(ok, true), "{ok}");
        }
        assert!(link_like("Home | World | Asia", true));
    }

    #[test]
    fn time_lines() {
        for yes in [
            "3 hours ago",
            "Published 2 weeks ago",
            "Updated: 14 minutes ago",
            "posted 1 day ago",
        ] {
            assert!(time_line(yes), "{yes}");
        }
        for no in ["3 hours", "Published in 2020", "Updated 14:02", "Two days ago", "ago"] {
            assert!(!time_line(no), "{no}");
        }
    }

    #[test]
    fn counter_lines_need_a_page_word() {
        for ok in [
            "4 minutes",
            "12 days",
            "2024 Olympics",
            "3 hours",
            "10 Downing Street",
            "1.5 million views of the city",
        ] {
            assert!(!counter_line(ok), "{ok}");
        }
        assert!(counter_line("12 comments"));
    }

    #[test]
    fn lists_and_notices_after_the_article() {
        let t = format!(
            "{BODY}Most popular\n1. Heatwave to last into next week, forecasters say\n2. Train strike called off after late-night talks\n\
             We use cookies to improve your experience. By continuing to browse you agree to our use of cookies.\n"
        );
        assert_eq!(flagged(&bp(), &t).len(), 4, "{:?}", flagged(&bp(), &t));
    }

    #[test]
    fn flags_unseen_phrasing_by_shape() {
        // Prompts in no list: imperative + web thing.
        for line in [
            "Grab our free morning digest straight to your inbox",
            "Turn on push notifications for breaking stories",
            "Install the app to keep reading",
            "Home > News > Asia > Politics",
            "Photo: Jane Roe / Example Agency",
            "© 2024 Some Media Group Ltd",
            "Copyright 2023 Northwind Publishing. All rights reserved.",
            "More headlines »",
            "News | Sport | Weather",
            "4 min read",
            "5 min",
            "2.1K views",
            "3 hours ago",
        ] {
            let t = format!("{BODY}{line}\nThe plan was approved by parliament later that week.\n");
            assert_eq!(flagged(&bp(), &t), vec![line.to_string()], "{line}");
        }
        let t = format!("{BODY}The crowd cheered (Photo by Jane Roe) as the band played.\n");
        assert_eq!(flagged(&bp(), &t), vec!["(Photo by Jane Roe)"]);
    }

    #[test]
    fn flags_menu_runs_and_related_lists() {
        let t = format!("Home\nWorld\nMarkets\nOpinion\nGadgets\n\nParade in the capital marks anniversary\n\n{BODY}");
        assert_eq!(flagged(&bp(), &t).len(), 5);
        let t = format!("{BODY}\nRelated:\nFloods hit northern towns after storm\nMinister resigns over expenses row\n");
        assert_eq!(flagged(&bp(), &t).len(), 3, "{:?}", flagged(&bp(), &t));
        // A prompt of two sentences after the list does not extend the
        // article over it; "send-email" opens no prompt.
        let t = format!(
            "{BODY}\nMore from Business\nOil prices slip as demand worries return\nWhy small firms are struggling to hire\n\
             Be the first to know. Get our breaking news alerts.\n"
        );
        assert_eq!(flagged(&bp(), &t).len(), 4, "{:?}", flagged(&bp(), &t));
        // A prompt of one sentence, and a CAPTCHA notice, do not extend the
        // article over the list either.
        let t = format!(
            "{BODY}\nTop Stories\nFerry operator fined over safety failures\n2 hours ago\nHospital waiting lists fall again\n\
             Get the day's top stories in your inbox every weekday.\n\
             This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.\n"
        );
        assert_eq!(flagged(&bp(), &t).len(), 6, "{:?}", flagged(&bp(), &t));
        // Headlines over their time lines after the article, under a
        // header no phrase marks as a list; a copyright line at the very
        // end does not extend the article over them.
        let t = format!(
            "{BODY}\nKeep exploring\nResidents protest over terminal plans\nPublished 3 days ago\n\
             Council delays vote on harbour scheme\nUpdated: 2 weeks ago\n\
             Copyright 2026 Example Media. All rights reserved. We are not responsible for external sites.\n"
        );
        let got = flagged(&bp(), &t);
        assert!(got.iter().any(|g| g == "Residents protest over terminal plans"), "{got:?}");
        assert!(got.iter().any(|g| g == "Council delays vote on harbour scheme"), "{got:?}");
        // Not a line of the article over a time line inside it.
        let t = format!("The vote was close.\nCouncil delays vote on harbour scheme\n3 days ago\n{BODY}");
        assert!(!flagged(&bp(), &t).iter().any(|g| g == "Council delays vote on harbour scheme"));
        let t = format!("{BODY}\nReporting by Tom Hale; Editing by Sara Lin\n(Additional reporting by Ana Ruiz)\n");
        assert_eq!(flagged(&bp(), &t).len(), 2, "{:?}", flagged(&bp(), &t));
        let t = format!("{BODY}\nReporting by Reuters showed that the deal was off.\n");
        assert!(flagged(&bp(), &t).is_empty(), "{:?}", flagged(&bp(), &t));
        let t = format!("{BODY}\nReporting by the local press was thin on Monday, officials said.\n");
        assert!(flagged(&bp(), &t).is_empty(), "{:?}", flagged(&bp(), &t));
        let t = format!("{BODY}\nsend-email config variables whose values are pathnames now expand\n");
        assert!(flagged(&bp(), &t).is_empty(), "{:?}", flagged(&bp(), &t));
    }

    #[test]
    fn flags_a_related_list_inside_the_article_and_joined_counters() {
        // A list under its header in the middle of the article, up to the
        // next paragraph; a crosshead after a blank line is the article's.
        let t = format!(
            "{BODY}\nSEE ALSO\nResidents count losses after overnight downpour\n1 Governor orders audit of 42 drainage contracts\n\n\
             What happens next for the traders\n\n{BODY}"
        );
        assert_eq!(flagged(&bp(), &t).len(), 3, "{:?}", flagged(&bp(), &t));
        // Teasers cut off with an ellipsis do not end the article.
        let t = format!(
            "{BODY}\nMore local stories\nTrustees table warehouse rezoning after three-hour hearing\n\
             Police say a man, 34, was charged after a chase that ended in a crash near the...\n"
        );
        assert_eq!(flagged(&bp(), &t).len(), 3, "{:?}", flagged(&bp(), &t));
        let t = format!("4 minute read · 1,204 views\n{BODY}News · Sports · Opinion · Things To Do · Classifieds\n");
        assert_eq!(flagged(&bp(), &t).len(), 2, "{:?}", flagged(&bp(), &t));
    }

    #[test]
    fn flags_long_furniture_lines_at_the_edges() {
        let t = format!(
            "We and our 120 partners store and access information on your device to show personalised ads and measure content. ACCEPT ALL\n\
             {BODY}About the author: Ana Lopes covers farming and energy for the paper. She previously reported for a business weekly in Lima.\n\
             Do you have a story for our news team? Drop us a line at the newsroom or call the news desk any time of the day.\n"
        );
        assert_eq!(flagged(&bp(), &t).len(), 3, "{:?}", flagged(&bp(), &t));
        // In the article, a long line opening with such words is the author's.
        let t = format!("{BODY}About the author: the committee said the book was written by a former minister who left in 2019.\n{BODY}");
        assert!(flagged(&bp(), &t).is_empty(), "{:?}", flagged(&bp(), &t));
    }

    #[test]
    fn flags_mastheads_crumbs_and_spaced_menus_before_the_article() {
        let t = format!(
            "Tarrow Valley Courier\nSport / Hurling\nNews   Sport   Weather   Things To Do   Obituaries\n{BODY}\
             © Copyright 2025 Tarrow Valley Courier, a Kestrel Media publication\n"
        );
        assert_eq!(flagged(&bp(), &t).len(), 4, "{:?}", flagged(&bp(), &t));
        let t = format!("Tarrow Daily — your window on the world\n{BODY}© 2025 Tarrow Daily. Wire content © Kestrel Press.\n");
        assert_eq!(flagged(&bp(), &t).len(), 2, "{:?}", flagged(&bp(), &t));
        // Not a headline, nor a table of the article.
        let t =
            format!("Courier wins regional award\nName   Age   Town   Team\nAna   34   Lima   North\n{BODY}© 2025 Tarrow Valley Courier\n");
        assert_eq!(flagged(&bp(), &t), vec!["© 2025 Tarrow Valley Courier"]);
    }

    #[test]
    fn flags_comment_counts() {
        for line in [
            "Comments (12)",
            "Read what readers are saying (143)",
            "Join the discussion (27 replies)",
        ] {
            let t = format!("{BODY}{line}\n");
            assert_eq!(flagged(&bp(), &t), vec![line.to_string()], "{line}");
        }
        let t = format!("{BODY}Readers wrote in to the council (2019)\n{BODY}");
        assert!(flagged(&bp(), &t).is_empty(), "{:?}", flagged(&bp(), &t));
    }

    #[test]
    fn flags_wire_notes_and_login_bars() {
        let t = format!("(Adds union comment in paragraph 6, share price reaction in paragraph 9)\n{BODY}");
        assert_eq!(flagged(&bp(), &t).len(), 1, "{:?}", flagged(&bp(), &t));
        let t = format!("Log in | Subscribe: 99 cents for 3 months\n{BODY}");
        assert_eq!(flagged(&bp(), &t).len(), 1, "{:?}", flagged(&bp(), &t));
        // A bracketed remark of the article.
        let t = format!("{BODY}(Adds to the pressure on the minister, who resigned.)\n");
        assert!(flagged(&bp(), &t).is_empty(), "{:?}", flagged(&bp(), &t));
    }

    #[test]
    fn flags_credits_after_a_caption_without_a_label() {
        for (line, credit) in [
            (
                "Traders gather outside the market on Wednesday. | Metro photo: Ana Lopes",
                "| Metro photo: Ana Lopes",
            ),
            (
                "The striker wheels away after scoring the winner. — Clarion/Femi Adeola",
                "— Clarion/Femi Adeola",
            ),
            (
                "Parents hold signs before Tuesday's board meeting. TOM REYES/COURIER",
                "TOM REYES/COURIER",
            ),
        ] {
            let t = format!("{BODY}{line}\n");
            assert_eq!(flagged(&bp(), &t), vec![credit.to_string()], "{line}");
        }
        for ok in [
            "The poll was run by Reuters/Ipsos. Support for the plan fell to a record low",
            "He said the band AC/DC played.",
            "The vote was close. Lopes/Berg",
        ] {
            let t = format!("{BODY}{ok}\n");
            assert!(flagged(&bp(), &t).is_empty(), "{ok}: {:?}", flagged(&bp(), &t));
        }
    }

    #[test]
    fn flags_page_templates_and_machine_timestamps() {
        // A short line repeated three times in a page dump, and a comment
        // header with an ISO timestamp.
        let t = format!(
            "{BODY}Now playing\nFloods hit northern towns after storm\nNow playing\nMinister resigns over expenses row\nNow playing\n\
             Rowan Cole \u{b7} 2020-05-19T17:52:00Z\n"
        );
        let found = flagged(&bp(), &t);
        assert_eq!(found.iter().filter(|f| *f == "Now playing").count(), 3, "{found:?}");
        assert!(found.iter().any(|f| f.starts_with("Rowan Cole")), "{found:?}");
        // Labels of a structured document repeat on purpose; so does a
        // Markdown document's structure; a timestamp in a sentence is prose.
        let t = format!("{BODY}Files: a.c\nCopyright: 2020 A\nFiles: b.c\nCopyright: 2021 B\nFiles: c.c\nCopyright: 2022 C\n");
        let found = crate::lint::testing::run(&bp(), &t, FileKind::Plain);
        assert!(found.iter().all(|f| !f.message.contains("page template")), "{found:?}");
        let md = format!("{BODY}\n## Changes\n\nFixed bugs\n\n## More\n\nFixed bugs\n\n## Last\n\nFixed bugs\n");
        let found = crate::lint::testing::run(&bp(), &md, FileKind::Markdown);
        assert!(found.iter().all(|f| !f.message.contains("page template")), "{found:?}");
        let t = format!("{BODY}The log shows the job started at 2020-05-19T17:52:00Z and failed an hour later, officials said.\n");
        assert!(flagged(&bp(), &t).is_empty(), "{:?}", flagged(&bp(), &t));
    }

    #[test]
    fn flags_unlisted_trailing_furniture() {
        let t = format!("{BODY}\nYou might have missed\nStorm damages coastal homes\nFerry operator cuts winter routes\n\nNever miss a beat: turn on alerts\n");
        assert_eq!(flagged(&bp(), &t).len(), 4, "{:?}", flagged(&bp(), &t));
        // One trailing short line that is not a label: a sign-off, left alone.
        let t = format!("{BODY}\nJane Roe in Lisbon\n");
        assert!(flagged(&bp(), &t).is_empty());
    }

    #[test]
    fn markdown_lists_are_not_menus() {
        let md = format!("{BODY}\nWe used:\n\n- Rust\n- Go\n- Python\n- Java\n");
        assert!(crate::lint::testing::run(&bp(), &md, FileKind::Markdown).is_empty());
        let menu = format!("- [Home](/)\n- [World](/w)\n- [Markets](/m)\n- [Opinion](/o)\n\n{BODY}");
        assert_eq!(crate::lint::testing::run(&bp(), &menu, FileKind::Markdown).len(), 4);
        // A list of links that a line ending in a colon introduces.
        let intro = format!(
            "# Widgets\n\nYou may be looking for:\n\n- [An overview of widgets and their parts](https://example.com)\n\
             - [Guides](/g)\n- [Examples](/e)\n- [API docs](/a)\n- [Release notes](/r)\n\n{BODY}"
        );
        assert!(crate::lint::testing::run(&bp(), &intro, FileKind::Markdown).is_empty());
        // A colon line and its list after the last paragraph; a table of
        // contents with a weak entry; a lowercase item that opens with a
        // phrase word; a heading with a label and an imperative.
        let md = format!(
            "## Contents\n\n1. [About](#about)\n2. [Features](#features)\n\n{BODY}\n\
             - `make watch` - watch changes and run tests\n\n### Example: follow symbolic links\n\n{BODY}\n\
             For more details, see:\n- [docs](https://example.com/d)\n- [examples](examples/)\n\n\
             Example usage in build.rs:\n\n```rust\nfn main() {{}}\n```\n"
        );
        let f = crate::lint::testing::run(&bp(), &md, FileKind::Markdown);
        assert!(f.is_empty(), "{f:?}");
        // A table of contents links to the document's own sections; a
        // short section body under its heading is the author's.
        let toc = format!(
            "Contents\n\n- [Install](#install)\n- [Usage](#usage)\n- [Configuration](#configuration)\n- [License](#license)\n\n\
             ## Install\n\n{BODY}\n## License\n\nMIT\n"
        );
        assert!(crate::lint::testing::run(&bp(), &toc, FileKind::Markdown).is_empty());
        // A new heading ends a related list; a section's links under its
        // own heading are the author's.
        let md = format!(
            "{BODY}\n## Related projects\n\n- [alpha](https://example.com/a) parser\n- [beta](https://example.com/b) printer\n\n\
             ## License and links\n\nLicensed under either of:\n\n- [Apache License](https://example.com/l1)\n\
             - [MIT license](https://example.com/l2)\n- [Docs](https://example.com/d)\n"
        );
        let got: Vec<String> = crate::lint::testing::run(&bp(), &md, FileKind::Markdown)
            .into_iter()
            .map(|f| f.message)
            .collect();
        assert!(
            got.iter()
                .all(|m| !m.contains("License and links") && !m.contains("either of") && !m.contains("MIT")),
            "{got:?}"
        );
    }

    #[test]
    fn credit_gate_keeps_every_trailing_credit() {
        let s = shapes();
        for t in [
            "The parade ended. Image: Example News.",
            "The parade ended.\" Photo: Jane Roe / Agency",
            "It rained! Photos by Jane Roe",
            "It rained?)\u{a0}Credit : Ünal Doe.  ",
            "It rained. Picture courtesy of Jane Roe.",
            "Done. File photo: Jane Roe",
        ] {
            assert!(s.credit_tail().is_match(t), "{t}");
            assert!(credit_tail(t).is_some(), "{t}");
            assert!(label_after_last_sentence(t), "{t}");
        }
        for t in [
            "The parade ended. Image: Example News. More text",
            "Image: Example News",
            "It rained.Photo: Jane Roe",
            "End. The photo: x",
        ] {
            assert!(!label_after_last_sentence(t), "{t}");
            assert!(!s.credit_tail().is_match(t), "{t}");
            assert!(credit_tail(t).is_none(), "{t}");
        }
    }

    #[test]
    fn credit_tail_by_hand_agrees_with_the_regex() {
        let re = shapes().credit_tail();
        let ends = ["x.", "x!", "x?", "x.\"", "x.'", "x.)", "x)", "x", "x. .", "x.."];
        let gaps = ["", " ", "  ", "\t", " \n "];
        let labels = [
            "Image",
            "Images",
            "Photo",
            "Photos",
            "Photo credit",
            "Photo  credit",
            "File photo",
            "Courtesy",
            "Pics",
            "Photograph",
            "Photos by",
            "Picture courtesy of",
            "Image by",
            "Photo via",
            "Images  by",
            "Video by",
            "photo",
        ];
        let seps = [":", " :", ": ", "", " ", " : "];
        let values = [
            "Jane Roe",
            "Jane Roe.",
            "jane",
            "Credit: Jane",
            "J",
            "Jane Roe / Agency.  ",
            "Jane. Roe",
            "Jane Roe!",
            "Jane\nRoe",
            "Jane Roe. ",
            "Jane Roe..",
            "A very long credit line that goes on and on well past the sixty character limit",
            "A credit that has exactly fifty-nine characters after it ok",
            "A credit that has exactly fifty-nine characters after it ok.",
            "A credit that has exactly sixty-one characters after it okay",
            "A credit that has exactly sixty-one characters after it okay   ",
        ];
        let mut n = 0;
        for e in ends {
            for g in gaps {
                for l in labels {
                    for s in seps {
                        for v in values {
                            let t = format!("{e}{g}{l}{s}{v}");
                            let want = re.captures(&t).and_then(|c| c.get(1)).map(|c| (c.start(), c.end()));
                            assert_eq!(credit_tail(&t), want, "{t:?}");
                            n += 1;
                        }
                    }
                }
            }
        }
        assert!(n > 1000);
    }

    #[test]
    fn datelines() {
        for t in [
            "NEW DELHI (AP) -",
            "Beijing, Sep 3 (IANS)",
            "WASHINGTON -",
            "PARIS, France —  ",
            "Moscow (Reuters):",
        ] {
            assert!(dateline(t), "{t}");
        }
        for t in [
            "Kim Jong-un arrives",
            "(AP) earlier",
            "A (b) -",
            "Paris (AFP) said the talks would go on",
        ] {
            assert!(!dateline(t), "{t}");
        }
    }

    #[test]
    fn leaves_articles_alone() {
        for t in [
            format!("Military Parade in Beijing Draws World Leaders\n\n{BODY}"),
            format!("Beijing, Sep 3 (IANS)\n{BODY}"),
            format!("NEW DELHI (AP) -\n{BODY}"),
            format!("{BODY}\nThe budding friendship\n\n{BODY}"),
            format!("{BODY}\nHe declined to comment.\n"),
            format!("{BODY}\nShare prices fell sharply after the announcement.\n"),
            format!("{BODY}\n\"Follow us,\" the officer shouted at the crowd.\n"),
            format!("{BODY}\nWatch the moment a whale leaps onto a boat\n\n{BODY}"),
            format!("{BODY}\nThe photo was taken by a passer-by.\n"),
            format!("{BODY}\nSource: the ministry said the figure was correct and would not change.\n"),
            format!("Key US challengers in one frame\n{BODY}\nKim’s Legendary Train\n{BODY}"),
        ] {
            assert!(flagged(&bp(), &t).is_empty(), "{t}: {:?}", flagged(&bp(), &t));
        }
    }

    #[test]
    fn template_lines_across_documents() {
        let a = format!("{BODY}Get the best of our journalism, every morning\n");
        let b = "Floods hit the north after a week of heavy rain across the region.\n\nGet the best of our journalism, every morning\n";
        let c = "Floods hit the north after a week of heavy rain across the region.\n\nHe said the plan was ready.\n";
        let docs: Vec<Document> = [a.as_str(), b, c]
            .iter()
            .enumerate()
            .map(|(i, t)| Document::parse(i, SourceFile::new(format!("{i}.txt"), *t, FileKind::Plain), None))
            .collect();
        let refs: Vec<&Document> = docs.iter().collect();
        let lint = bp();
        let names = vec![std::sync::Arc::from("boilerplate")];
        let enabled = vec![true];
        let mut cx = Ctx::new(0, &names, &enabled);
        lint.check_corpus(&refs, &mut cx);
        let f = cx.into_findings();
        assert_eq!(f.len(), 2, "{f:?}");
        // Copies of one article share long lines: not template residue.
        let d2 = format!("Floods hit the north\n\n{BODY}The river burst its banks overnight and the water rose above the old flood walls, forcing residents from their homes before dawn.\n");
        let docs: Vec<Document> = [d2.as_str(); 8]
            .iter()
            .enumerate()
            .map(|(i, t)| Document::parse(i, SourceFile::new(format!("{i}.txt"), *t, FileKind::Plain), None))
            .collect();
        let refs: Vec<&Document> = docs.iter().collect();
        let mut cx = Ctx::new(0, &names, &enabled);
        lint.check_corpus(&refs, &mut cx);
        assert!(cx.into_findings().is_empty());
        // Markdown files of a content repository share headings and notices
        // on purpose.
        let shared = "## License\n\nLicensed under either of the two licences, at your option.\n";
        let texts = [
            format!("# Storms\n\n{BODY}\n{shared}"),
            format!("# Floods\n\nFloods hit the north after a week of heavy rain across the region.\n\n{shared}"),
            format!("# Fires\n\nFires burned in the hills after a dry summer across the region.\n\n{shared}"),
        ];
        let docs: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document::parse(i, SourceFile::new(format!("{i}.md"), t.as_str(), FileKind::Markdown), None))
            .collect();
        let refs: Vec<&Document> = docs.iter().collect();
        let mut cx = Ctx::new(0, &names, &enabled);
        lint.check_corpus(&refs, &mut cx);
        assert!(cx.into_findings().is_empty());
    }

    #[test]
    fn markdown_headings_are_structure() {
        // A weak entry as a heading, and short headings after the body.
        let md = format!("## About\n\n{BODY}\n## Features\n\n## Sponsors\n\n## Contributors\n");
        let f = crate::lint::testing::run(&bp(), &md, FileKind::Markdown);
        assert!(f.is_empty(), "{f:?}");
        // A furniture phrase as a heading is still furniture.
        let md = format!("{BODY}\n## Related articles\n");
        assert_eq!(crate::lint::testing::run(&bp(), &md, FileKind::Markdown).len(), 1);
        // A heading only a wildcard phrase matches is a section title, and
        // its list is the author's.
        let md = format!(
            "{BODY}\n## Related crates\n\n* [alpha-cell](https://example.com/a)\n* [beta](https://example.com/b)\n\
             * [gamma_init](https://example.com/c)\n* [delta](https://example.com/d)\n* [eps](https://example.com/e)\n\
             * [zeta](https://example.com/f)\n\n{BODY}"
        );
        let f = crate::lint::testing::run(&bp(), &md, FileKind::Markdown);
        assert!(f.is_empty(), "{f:?}");
    }
}
