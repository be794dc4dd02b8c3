use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::cmp::Reverse;

use serde::Deserialize;

use super::romanize::{Romanizer, SkeletonScratch};
use crate::declare_lint;
use crate::document::names::{edit_distance, fold_key, jaro_winkler, morphological_pair, pieces, Mention, NameTable};
use crate::document::Document;
use crate::finding::Applicability;
use crate::lint::{BuildCx, Ctx, Lint, RuleInfo};
use crate::lints::typography::words::{with_lowercase, Words};
use crate::source::Span;

declare_lint! {
    /// ## What it does
    ///
    /// Flags a name written in more than one way: "Park Geun-hye" beside "Park
    /// Geun Hye", "LI" beside "Li", "Nato" beside "NATO", "Fangfang" beside
    /// "Fang Fang", "Zelenskyy" beside "Zelensky", "Qaddafi" beside "Gaddafi".
    /// Within a document the less used form is flagged, with a label on the
    /// form most mentions use; across the documents of a run (the default
    /// scope) a document whose form differs from the one most documents use
    /// is flagged, with a label into a document that uses it.
    ///
    /// ## Why is this bad?
    ///
    /// Machine translation and copy from different wire services spell one
    /// name several ways. Readers wonder whether two people are meant, search
    /// and entity linking break, and a content repository should spell a name
    /// one way.
    ///
    /// ## Example
    ///
    /// ```text
    /// The former leader Park Geun Hye arrived on Tuesday. Park Geun-hye met
    /// reporters. Park Geun Hye left on Wednesday.
    /// ```
    ///
    /// Use instead: `Park Geun Hye` throughout (an unsafe fix rewrites the
    /// minority form).
    ///
    /// ## Options
    ///
    /// - `canonical = ["Park Geun Hye", ...]`: preferred forms; they win over
    ///   the majority, and any form matching one of them (same key or same
    ///   romanization skeleton) is flagged even when it is the only form used.
    ///   A pack can ship such a style book as a `lexicon` rule for
    ///   `name-variant` with `entries` and no `pairs`.
    /// - `scope = "run"` (default) or `"document"`: compare the documents of
    ///   a run with each other, or each document only with itself.
    ///
    /// ## How it works
    ///
    /// Names come from the document's name table (capitalised chains with
    /// particles, titles, sentence openers and possessives handled). Forms are
    /// matched in passes of falling precision:
    /// 1. exact fold key: case, spaces, hyphens, apostrophes and diacritics
    ///    ignored. A difference only in case counts only when the mixed-case
    ///    form is used as a name mid-sentence and the document never writes it
    ///    as a lowercase word (so "US"/"us", "WHO"/"who" never match; a
    ///    particle inside a name may be lowercase: "Ana Lopes Da Silva" /
    ///    "Ana Lopes da Silva" match); forms
    ///    differing only in periods ("U.S."/"US") are not compared;
    /// 2. romanization skeleton: the letter rules of `lints/romanization.toml`
    ///    (Korean, Chinese, Cyrillic, Arabic families; no per-person lists).
    ///    Korean and Chinese rules apply only to names shaped like romanised
    ///    East Asian names; one-word names need six letters; the two forms
    ///    must be similar (Jaro-Winkler >= 0.82); in one document one form
    ///    must be used more often than the other, unless both are full names
    ///    differing in one word of five letters or more ("Sergey Lavrov" /
    ///    "Sergei Lavrov": the first written wins); across documents the two
    ///    documents must share at least three other names;
    /// 3. fuzzy (one document only): names of two or more words that differ
    ///    in one word of at least five letters, by at most two edits, with
    ///    Jaro-Winkler >= 0.9 on the whole name, where one form occurs once
    ///    and the other at least twice ("Pham Minh Chinh" / "Pham Minh Trinh");
    /// 4. word order: a two-word name written in both orders ("Ishiba
    ///    Shigeru" / "Shigeru Ishiba", family name first or last), each word
    ///    of three letters or more ("Wang Li" / "Li Wang" may be two
    ///    people); across documents only when they share three other names,
    ///    as in pass 2.
    ///
    /// A surname written once alone in another romanization than in the one
    /// full name of the document that ends with it ("Leonid Varnitsky" ...
    /// "Varnitskiy said": the same skeleton, six letters or more, the first
    /// two letters or the second and third shared ("Gaddafi" / "Qaddafi"),
    /// no feminine and masculine forms ("Kowalska" / "Kowalski": two
    /// people), and no full name written with the lone spelling) is flagged
    /// against the full name. So is a compound surname written once with a
    /// space where the one full name has a hyphen, or the other way round
    /// ("Zsófia Bakó-Németh" ... "Bakó Németh said").
    ///
    /// A one-word form written only as a sentence opener counts as a name
    /// when the word list does not know it as a lowercase word ("Qaddafi
    /// was buried"; "Later" never does).
    ///
    /// A surname written once in capitals mid-sentence where the document
    /// writes it only as the first word of one full name ("with XI and
    /// Putin" beside "Xi Jinping"), never alone and never in lowercase, is
    /// flagged too (the first word only: "UN" is no given name of "Kim Jong
    /// Un").
    ///
    /// Besides the passes, a word of four letters or more written once in
    /// capitals in running text ("Richard RODGERS", "North KOREA", "PALTROW
    /// has two children") is flagged when the document writes it at least
    /// twice in the usual case, with a capitalised word beside it or with
    /// the usual form written after a word or a comma (a name, not only a
    /// sentence opener). Skipped: headlines, lines mostly in capitals, runs
    /// of words in capitals ("VIRGINIA BEACH"), datelines, the first word of
    /// the first paragraph (articles may open in capitals), words joined by
    /// a hyphen, underscore or slash ("CTRL-]"), a word written in capitals
    /// twice or more (a house style), and a lone word the document also
    /// writes in lowercase (emphasis: "we will NEVER stop"). Likewise a
    /// capitalised word written once with other diacritics than a spelling
    /// written at least twice ("the Rajásthan High Court" beside
    /// "Rajasthan"), unless it stands in a longer name sharing no part with
    /// the names written the usual way (two people: "José Ortiz" / "Jose
    /// Luis Reyes"). Neither check reports a word of a name whose forms
    /// the passes already reported ("Khánh" of "Lưu Minh Khánh" beside "Luu
    /// Minh Khanh": one finding).
    ///
    /// The target form is the configured canonical form, else the form most
    /// documents (in one document: most mentions) use, ties going to an
    /// acronym defined in brackets ("Electoral Commission (ELCOM)"), then to mixed
    /// case over capitals (fewer words in capitals: "Savage" over "SAVAGE",
    /// "Greater Noida" over "Greater NOIDA"), then to the form written
    /// first. An acronym's plural in capitals beside its usual form ("MPS" /
    /// "MPs") is `acronym-plural`'s.
    ///
    /// A misspelled word of a name is one cause: when `mangled-name` reports
    /// a word inside the span of a variant ("Minester" in "Interior
    /// Minester"), the engine keeps only its finding.
    ///
    /// ## Known problems
    ///
    /// A feminine and a masculine surname ("Kowalska" / "Kowalski") stay
    /// apart. Different names stay apart when they differ in a real letter ("Park Geun
    /// Hye" / "Park Chung Hee", "Shanxi" / "Shaanxi", "Sudan" / "Sudanese",
    /// "Martin Luther" / "Martin Luther King", "John Paul" / "John Paul II"),
    /// but two different people whose names are romanization variants of each
    /// other ("Park" / "Pak" in two unrelated articles) can be merged by pass 2
    /// when their documents share context. Surname classes that are not letter
    /// rules (Lee / Yi / Rhee) are not matched. Headline capitals are not
    /// judged. In technical text a key or mode name written once in
    /// capitals beside its usual spelling ("the SHIFT key" / "Shift") is
    /// flagged like a name. Across documents, style differences of wire services ("Nato" /
    /// "NATO") are reported like any other variant: configure `canonical`, or
    /// `scope = "document"`.
    pub static NAME_VARIANT = {
        name: "name-variant",
        family: "names",
        severity: Warning,
        status: Preview,
        fix: Some(Applicability::Unsafe),
        english_only: true,
    };
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum ScopeOpt {
    Document,
    #[default]
    Run,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct Options {
    canonical: Vec<String>,
    scope: ScopeOpt,
}

/// The lint, built from options and the romanization lexicons.
#[derive(Debug, Default)]
pub struct NameVariant {
    /// Fold key -> configured form.
    canonical: HashMap<String, String>,
    /// (family, skeleton) -> configured form.
    canonical_skeletons: HashMap<(usize, String), String>,
    romanizer: Romanizer,
    run_scope: bool,
    /// The shared English word list: two words of it ("License",
    /// "Licensee") are no romanizations of one name.
    words: Option<std::sync::Arc<Words>>,
}

pub fn build(cx: &BuildCx) -> Result<Box<dyn Lint>, String> {
    let opts: Options = cx.options()?;
    let romanizer = Romanizer::from_lexicons(cx.lexicons_for(NAME_VARIANT.name))?;
    let mut forms = opts.canonical.clone();
    for lex in cx.lexicons_for(NAME_VARIANT.name).filter(|l| l.pairs.is_empty()) {
        forms.extend(lex.entries().map(str::to_string));
    }
    let mut lint = NameVariant::new(romanizer, &forms, opts.scope == ScopeOpt::Run);
    lint.words = Some(Words::shared(cx.lexicons));
    Ok(Box::new(lint))
}

impl NameVariant {
    pub fn new(romanizer: Romanizer, canonical: &[String], run_scope: bool) -> NameVariant {
        let mut lint = NameVariant {
            romanizer,
            run_scope,
            ..NameVariant::default()
        };
        for c in canonical {
            let c = c.trim();
            if c.is_empty() {
                continue;
            }
            lint.canonical.insert(fold_key(c), c.to_string());
            for (f, s) in lint.romanizer.skeletons(c).into_iter().enumerate() {
                if let Some(s) = s {
                    lint.canonical_skeletons.insert((f, s), c.to_string());
                }
            }
        }
        lint
    }
}

impl Lint for NameVariant {
    fn rules(&self) -> Vec<RuleInfo> {
        vec![RuleInfo::from(&NAME_VARIANT)]
    }

    fn check(&self, doc: &Document, cx: &mut Ctx) {
        // Words in capitals beside the usual case need the tokens, which
        // are freed before the corpus phase: find them now and keep them.
        let mut shouted = shouted_words(doc);
        shouted.extend(accented_words(doc));
        if !shouted.is_empty() {
            doc.keep(Shouted(shouted));
        }
        if self.run_scope {
            // Build the name table now, while the document is fresh in the
            // cache (and in parallel): the corpus phase reads it.
            doc.names();
        } else {
            self.analyze(&[doc], cx);
        }
    }

    fn has_corpus_phase(&self) -> bool {
        self.run_scope
    }

    fn check_corpus(&self, docs: &[&Document], cx: &mut Ctx) {
        if self.run_scope {
            self.analyze(docs, cx);
        }
    }
}

/// One surface form of a name in one document.
#[derive(Debug)]
struct Node<'d> {
    form: &'d str,
    key: &'d str,
    table: &'d NameTable,
    doc: usize,
    /// Index of the first mention with this form (datelines excluded).
    first_mention: u32,
    /// Number of mentions with this form (datelines excluded).
    count: u32,
    n_pieces: u16,
    /// Used as a name: several words, mid-sentence outside headlines, or a
    /// word of a longer name.
    name_like: bool,
    /// Some mention outside headlines and not all capitals.
    body: bool,
    all_caps: bool,
    /// A hyphenated pair of capitalised words ("Austria-Hungary"): left to
    /// `mangled-name` beyond pass 1.
    compound: bool,
    /// An acronym defined in brackets after the name it stands for ("the
    /// Electoral Commission (ELCOM)"): the form wins a tie with mixed case.
    defined: bool,
}

impl<'d> Node<'d> {
    fn count(&self) -> usize {
        self.count as usize
    }

    fn n_pieces(&self) -> usize {
        usize::from(self.n_pieces)
    }

    /// The weight of the form when two spellings of one document compete:
    /// its mentions, plus the mentions of longer names of the document that
    /// end with it ("Volodymyr Zelensky" backs "Zelensky"; "Khalid
    /// al-Harthy" backs "Al-Harthy"). (Computed on demand: few nodes
    /// compete.)
    fn weight(&self) -> u32 {
        let t = self.table;
        if self.n_pieces() != 1 {
            // Backed by longer names ending with the same spelling, case
            // aside ("Khalid al-Harthy" backs "Al-Harthy", not "Al Harthy").
            let form = self.form.as_bytes();
            let backing = t
                .mentions
                .iter()
                .filter(|m| !m.headline && !m.dateline)
                .filter(|m| {
                    let f = t.form(m).as_bytes();
                    f.len() > form.len() + 1
                        && f.get(f.len() - form.len() - 1) == Some(&b' ')
                        && f.get(f.len() - form.len()..).is_some_and(|tail| tail.eq_ignore_ascii_case(form))
                })
                .count();
            return self.count + u32::try_from(backing).unwrap_or(u32::MAX);
        }
        let backing = t
            .mentions
            .iter()
            .filter(|m| m.part_count() >= 2 && !m.headline && !m.dateline && t.piece_keys(m).last() == Some(self.key))
            .count();
        self.count + u32::try_from(backing).unwrap_or(u32::MAX)
    }

    /// The first mention with this form.
    fn mention(&self) -> Option<&'d Mention> {
        self.table.mentions.get(self.first_mention as usize)
    }

    /// Where the form is first written.
    fn first(&self) -> Span {
        self.mention().map_or(Span::new(0, 0), |m| m.span)
    }

    /// Fold keys of the pieces.
    fn pieces(&self) -> impl Iterator<Item = &'d str> + 'd {
        let table = self.table;
        self.mention().into_iter().flat_map(move |m| table.piece_keys(m))
    }

    fn piece(&self, i: usize) -> Option<&'d str> {
        self.table.piece_key(self.mention()?, i)
    }

    /// The node's mentions (datelines excluded).
    fn mentions(&self) -> impl Iterator<Item = &'d Mention> + '_ {
        self.table
            .mentions
            .get(self.first_mention as usize..)
            .unwrap_or(&[])
            .iter()
            .filter(|m| !m.dateline && self.table.form(m) == self.form)
    }
}

/// Union-find over nodes; remembers which nodes were ever joined.
struct UnionFind {
    parent: Vec<usize>,
    joined: Vec<bool>,
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n).collect(),
            joined: vec![false; n],
        }
    }
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[rb] = ra;
            self.joined[a] = true;
            self.joined[b] = true;
        }
    }
}

/// Per document: the fold keys of its name-like nodes (built on first use),
/// and per pair of documents the number of keys they share.
struct Context<'d> {
    keys: Vec<Option<HashSet<&'d str>>>,
    shared: HashMap<(usize, usize), usize>,
}

impl<'d> Context<'d> {
    fn keys(&mut self, nodes: &[Node<'d>], ranges: &[std::ops::Range<usize>], doc: usize) -> &HashSet<&'d str> {
        let slot = &mut self.keys[doc];
        slot.get_or_insert_with(|| {
            let range = ranges.get(doc).cloned().unwrap_or(0..0);
            nodes
                .get(range)
                .unwrap_or(&[])
                .iter()
                .filter(|n| n.name_like)
                .map(|n| n.key)
                .collect()
        })
    }

    /// Whether two nodes of different documents share context: at least
    /// three other name keys in both documents.
    fn shared(&mut self, nodes: &[Node<'d>], ranges: &[std::ops::Range<usize>], a: &Node<'d>, b: &Node<'d>) -> bool {
        if a.doc == b.doc {
            return true;
        }
        let pair = (a.doc.min(b.doc), a.doc.max(b.doc));
        let (both, a_in, b_in) = {
            self.keys(nodes, ranges, a.doc);
            self.keys(nodes, ranges, b.doc);
            let (Some(ca), Some(cb)) = (&self.keys[a.doc], &self.keys[b.doc]) else {
                return false;
            };
            let both = *self
                .shared
                .entry(pair)
                .or_insert_with(|| ca.iter().filter(|k| cb.contains(*k)).count());
            let in_both = |k: &str| ca.contains(k) && cb.contains(k);
            (both, in_both(a.key), a.key != b.key && in_both(b.key))
        };
        both - usize::from(a_in) - usize::from(b_in) >= 3
    }
}

impl NameVariant {
    fn nodes<'d>(docs: &[&'d Document], words: Option<&Words>) -> (Vec<Node<'d>>, Vec<std::ops::Range<usize>>) {
        let mut nodes: Vec<Node> = Vec::with_capacity(docs.iter().map(|d| d.names().form_count()).sum());
        let mut ranges = Vec::with_capacity(docs.len());
        let mut long_pieces: HashSet<&str> = HashSet::default();
        // Per distinct form of the document: its node, and whether its pieces
        // are in `long_pieces`.
        let mut node_of_form: Vec<usize> = Vec::new();
        let mut pieces_in: Vec<bool> = Vec::new();
        for (di, doc) in docs.iter().enumerate() {
            let table = doc.names();
            let lo = nodes.len();
            node_of_form.clear();
            node_of_form.resize(table.form_count(), usize::MAX);
            for (mi, m) in table.mentions.iter().enumerate() {
                if m.dateline {
                    continue;
                }
                let Some(slot) = node_of_form.get_mut(m.form_index()) else {
                    continue;
                };
                if *slot == usize::MAX {
                    *slot = nodes.len();
                    nodes.push(Node {
                        form: table.form(m),
                        key: table.key(m),
                        table,
                        doc: di,
                        first_mention: u32::try_from(mi).unwrap_or(u32::MAX),
                        count: 0,
                        n_pieces: u16::try_from(m.piece_count()).unwrap_or(u16::MAX),
                        name_like: m.part_count() >= 2,
                        body: false,
                        all_caps: m.all_caps,
                        compound: m.has_compound(),
                        defined: false,
                    });
                }
                let node = &mut nodes[*slot];
                node.count += 1;
                if m.all_caps && m.part_count() == 1 && !node.defined {
                    let before = doc.prose.get(..m.span.start).map(str::trim_end);
                    let defined = doc.prose.get(m.span.end..).is_some_and(|a| a.starts_with(')'))
                        && before.and_then(|b| b.strip_suffix('(')).is_some_and(|b| {
                            b.trim_end()
                                .rsplit(' ')
                                .next()
                                .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()) && w.chars().any(char::is_lowercase))
                        });
                    node.defined = defined;
                }
                if !m.headline && !m.all_caps {
                    node.body = true;
                    // A sentence opener proves nothing, unless it is a
                    // possessive ("Qaddafi's son spoke") or a single word
                    // that is no lowercase English word ("Qaddafi was
                    // buried"; not "Later", "Officials").
                    let unknown = || {
                        let form = table.form(m);
                        m.part_count() == 1
                            && form.chars().nth(1).is_some_and(char::is_lowercase)
                            && words.is_some_and(|w| with_lowercase(form, |l| !w.is_word(l, u8::MAX)))
                    };
                    if !m.initial || m.possessive || unknown() {
                        node.name_like = true;
                    }
                }
            }
            // A one-part name is name-like when it is a word of a longer name.
            let mut filled = false;
            for n in nodes.get_mut(lo..).unwrap_or(&mut []) {
                if n.name_like {
                    continue;
                }
                if !filled {
                    long_pieces.clear();
                    pieces_in.clear();
                    pieces_in.resize(table.form_count(), false);
                    for m in table.mentions.iter().filter(|m| m.part_count() >= 2 && !m.headline) {
                        if let Some(done) = pieces_in.get_mut(m.form_index()) {
                            if !*done {
                                *done = true;
                                long_pieces.extend(table.piece_keys(m));
                            }
                        }
                    }
                    filled = true;
                }
                n.name_like = long_pieces.contains(n.key);
            }
            ranges.push(lo..nodes.len());
        }
        (nodes, ranges)
    }

    fn analyze(&self, docs: &[&Document], cx: &mut Ctx) {
        let (nodes, ranges) = Self::nodes(docs, self.words.as_deref());
        if nodes.is_empty() {
            report_shouted(docs, &[], cx);
            return;
        }
        let mut uf = UnionFind::new(nodes.len());

        // Pass 1: exact fold key. Nodes of one key are chained in node order.
        let mut by_key: HashMap<&str, (usize, usize)> = HashMap::default();
        let mut next_same: Vec<usize> = vec![usize::MAX; nodes.len()];
        for (i, n) in nodes.iter().enumerate() {
            match by_key.get_mut(n.key) {
                Some((_, last)) => {
                    next_same[*last] = i;
                    *last = i;
                }
                None => {
                    by_key.insert(n.key, (i, i));
                }
            }
        }
        let mut group: Vec<usize> = Vec::new();
        for &(head, last) in by_key.values() {
            if head == last {
                continue;
            }
            group.clear();
            let mut i = head;
            while i != usize::MAX {
                group.push(i);
                i = next_same[i];
            }
            // Only different forms of one key can join.
            if group.iter().all(|&g| nodes[g].form == nodes[head].form) {
                continue;
            }
            pass_one_group(docs, &nodes, &group, &mut uf);
        }

        // Context of each document: its name keys (for pairs across documents).
        let mut context = Context {
            keys: (0..docs.len()).map(|_| None).collect(),
            shared: HashMap::default(),
        };

        // Pass 2: romanization skeletons.
        // Skeletons depend only on the form: compute each form once.
        let mut uniq: Vec<Vec<Option<String>>> = vec![Vec::new()];
        let mut by_form: HashMap<&str, usize> = HashMap::default();
        let mut scratch = SkeletonScratch::default();
        let mut piece_buf: Vec<&str> = Vec::new();
        let skel_of: Vec<usize> = nodes
            .iter()
            .map(|n| {
                if n.name_like && n.body && !n.all_caps && !n.compound && (n.n_pieces() >= 2 || n.key.chars().count() >= 6) {
                    *by_form.entry(n.form).or_insert_with(|| {
                        piece_buf.clear();
                        piece_buf.extend(n.pieces());
                        uniq.push(self.romanizer.skeletons_with(&piece_buf, &mut scratch));
                        uniq.len() - 1
                    })
                } else {
                    0
                }
            })
            .collect();
        let skeletons: Vec<&[Option<String>]> = skel_of.iter().map(|&u| uniq.get(u).map_or(&[][..], |v| v.as_slice())).collect();
        // Skeleton -> forms (unique) that have it; then the nodes of those forms.
        let mut by_skel: HashMap<(usize, &str), Vec<usize>> = HashMap::default();
        for (u, sk) in uniq.iter().enumerate().skip(1) {
            for (f, s) in sk.iter().enumerate() {
                if let Some(s) = s {
                    by_skel.entry((f, s.as_str())).or_default().push(u);
                }
            }
        }
        let mut nodes_of_form: Vec<Vec<usize>> = vec![Vec::new(); uniq.len()];
        for (i, &u) in skel_of.iter().enumerate() {
            if u != 0 {
                nodes_of_form[u].push(i);
            }
        }
        let mut similar: HashMap<(&str, &str), bool> = HashMap::default();
        let mut members: Vec<usize> = Vec::new();
        for forms in by_skel.values() {
            // Forms with one key never join (same key is pass 1's business).
            let key0 = nodes_of_form[forms[0]].first().map(|&n| nodes[n].key);
            if forms.iter().all(|&u| nodes_of_form[u].first().map(|&n| nodes[n].key) == key0) {
                continue;
            }
            members.clear();
            for &u in forms {
                members.extend_from_slice(&nodes_of_form[u]);
            }
            for (x, &a) in members.iter().enumerate() {
                for &b in &members[x + 1..] {
                    // As in node order (similarity is read in that order).
                    let (a, b) = (a.min(b), a.max(b));
                    let (na, nb) = (&nodes[a], &nodes[b]);
                    if na.key == nb.key
                        || (na.doc == nb.doc && na.count == nb.count && na.weight() == nb.weight() && !one_spelling_apart(na, nb))
                        || uf.find(a) == uf.find(b)
                    {
                        continue;
                    }
                    // A place and its demonym ("Somalia" / "Somali", "Kenya"
                    // / "Kenyan") are two words, not two spellings; a
                    // feminine and a masculine surname are two people.
                    if na.n_pieces() == 1 && nb.n_pieces() == 1 && (place_and_demonym(na.key, nb.key) || feminine_form(na.key, nb.key)) {
                        continue;
                    }
                    let close = *similar
                        .entry((na.key, nb.key))
                        .or_insert_with(|| jaro_winkler(na.key, nb.key) >= 0.82);
                    if !close || self.two_words(na, nb) || !context.shared(&nodes, &ranges, na, nb) {
                        continue;
                    }
                    uf.union(a, b);
                }
            }
        }

        // Pass 3: fuzzy, inside one document, names of two or more words
        // differing in one word.
        let mut slots: Vec<(u64, usize, usize)> = Vec::new();
        for range in &ranges {
            slots.clear();
            for i in range.clone() {
                let n = &nodes[i];
                if n.n_pieces() < 2 || !n.body || n.all_caps || n.form.contains('-') {
                    continue;
                }
                wildcard_hashes(n, |p, h| slots.push((h, p, i)));
            }
            slots.sort_unstable();
            for run in slots.chunk_by(|x, y| x.0 == y.0 && x.1 == y.1).filter(|r| r.len() >= 2) {
                for (x, &(_, p, a)) in run.iter().enumerate() {
                    for &(_, _, b) in &run[x + 1..] {
                        let (a, b) = (a.min(b), a.max(b));
                        let (na, nb) = (&nodes[a], &nodes[b]);
                        if !same_but(na, nb, p) {
                            continue;
                        }
                        let (Some(wa), Some(wb)) = (na.piece(p), nb.piece(p)) else {
                            continue;
                        };
                        let (ca, cb) = (na.count, nb.count);
                        if wa == wb
                            || wa.chars().count() < 5
                            || wb.chars().count() < 5
                            || edit_distance(wa, wb) > 2
                            || wa.starts_with(wb)
                            || wb.starts_with(wa)
                            || morphological_pair(wa, wb)
                            || jaro_winkler(na.key, nb.key) < 0.9
                            || ca.min(cb) != 1
                            || ca.max(cb) < 2
                        {
                            continue;
                        }
                        uf.union(a, b);
                    }
                }
            }
        }

        // Pass 4: the two words of a name in the other order ("Ishiba
        // Shigeru" / "Shigeru Ishiba", family name first or last); across
        // documents only when they share context, as in pass 2.
        let mut by_pair: HashMap<(&str, &str), Vec<usize>> = HashMap::default();
        for (i, n) in nodes.iter().enumerate() {
            if n.n_pieces() != 2 || !n.body || !n.name_like || n.all_caps || n.form.contains('-') {
                continue;
            }
            let (Some(a), Some(b)) = (n.piece(0), n.piece(1)) else { continue };
            // (Two-letter syllables are both surnames and given names:
            // "Wang Li" and "Li Wang" may be two people.)
            if a != b && a.chars().count() >= 3 && b.chars().count() >= 3 {
                by_pair.entry((a, b)).or_default().push(i);
            }
        }
        let mut swapped: Vec<(usize, usize)> = Vec::new();
        for (&(a, b), xs) in &by_pair {
            if let Some(ys) = by_pair.get(&(b, a)).filter(|_| a < b) {
                swapped.extend(xs.iter().flat_map(|&x| ys.iter().map(move |&y| (x.min(y), x.max(y)))));
            }
        }
        swapped.sort_unstable();
        for (x, y) in swapped {
            if uf.find(x) != uf.find(y) && context.shared(&nodes, &ranges, &nodes[x], &nodes[y]) {
                uf.union(x, y);
            }
        }

        // Clusters, ordered by root, members in node order. Without
        // configured forms a one-form cluster reports nothing: only joined
        // nodes matter.
        let all = !self.canonical.is_empty();
        let keep: Vec<usize> = (0..nodes.len()).filter(|&i| all || uf.joined[i]).collect();
        let mut order: Vec<(usize, usize)> = keep.into_iter().map(|i| (uf.find(i), i)).collect();
        order.sort_unstable();
        let flat: Vec<usize> = order.iter().map(|&(_, i)| i).collect();
        let mut clusters: Vec<&[usize]> = Vec::new();
        let mut start = 0;
        for k in 1..=order.len() {
            if order.get(k).map(|x| x.0) != order.get(start).map(|x| x.0) {
                if let Some(c) = flat.get(start..k) {
                    clusters.push(c);
                }
                start = k;
            }
        }
        let style = Self::run_style(&nodes, &clusters);
        let mut reported: Vec<(usize, Span)> = Vec::new();
        for members in &clusters {
            self.report_cluster(docs, &nodes, members, &skeletons, style, &mut reported, cx);
        }
        // Sorted by document, so that each later report asks only its own
        // document's spans (`reported_overlaps`).
        reported.sort_unstable_by_key(|&(d, sp)| (d, sp.start, sp.end));
        report_shouted(docs, &reported, cx);
        report_shouted_surnames(docs, &nodes, &ranges, &uf, &reported, cx);
        self.report_surname_spellings(docs, &nodes, &ranges, &uf, &reported, cx);
        report_split_surnames(docs, &nodes, &ranges, &uf, &reported, cx);
    }

    /// A surname written once alone in another romanization than in the one
    /// full name of the document that ends with it ("Leonid Slutsky" ...
    /// "Slutskiy said"; "Volodymyr Zelensky" ... "Zelenskyy"): the same
    /// skeleton (pass 2's letter rules), six letters or more, no other name
    /// written with the lone spelling. The full name is the usual form.
    fn report_surname_spellings(
        &self,
        docs: &[&Document],
        nodes: &[Node],
        ranges: &[std::ops::Range<usize>],
        uf: &UnionFind,
        reported: &[(usize, Span)],
        cx: &mut Ctx,
    ) {
        let mut scratch = SkeletonScratch::default();
        let mut fulls: Vec<(&str, usize)> = Vec::new();
        for range in ranges {
            let Some(here) = nodes.get(range.clone()) else { continue };
            // The last pieces of the full names, built on first need.
            fulls.clear();
            let mut built = false;
            for (ci, c) in here.iter().enumerate() {
                let Some(m) = c.mention() else { continue };
                if c.n_pieces() != 1
                    || c.all_caps
                    || c.count != 1
                    || !c.body
                    || !c.name_like
                    || c.compound
                    || uf.joined[range.start + ci]
                    || m.headline
                    || m.dateline
                    || c.key.chars().count() < 6
                {
                    continue;
                }
                if !built {
                    built = true;
                    for (oi, o) in here.iter().enumerate() {
                        if o.n_pieces() >= 2 && o.body && !o.all_caps && o.name_like && !o.compound {
                            if let Some(last) = o.pieces().last() {
                                fulls.push((last, oi));
                            }
                        }
                    }
                }
                // (Cheap first: the spellings share their first two letters,
                // or their second and third: "Gaddafi" / "Qaddafi".)
                let near = |p: &str| p.get(..2) == c.key.get(..2) || p.get(1..3) == c.key.get(1..3);
                if !fulls.iter().any(|(p, _)| *p != c.key && near(p)) {
                    continue;
                }
                if reported_overlaps(reported, c.doc, m.span) {
                    continue;
                }
                // The lone spelling is nobody's surname in a full name.
                if here.iter().any(|o| o.n_pieces() >= 2 && o.pieces().any(|p| p == c.key)) {
                    continue;
                }
                let skel = self.romanizer.skeletons_with(&[c.key], &mut scratch);
                let mut other = SkeletonScratch::default();
                let mut same = |p: &str| {
                    p != c.key
                        && near(p)
                        && !feminine_form(p, c.key)
                        && p.chars().count() >= 5
                        && !place_and_demonym(p, c.key)
                        && jaro_winkler(p, c.key) >= 0.82
                        && self
                            .romanizer
                            .skeletons_with(&[p], &mut other)
                            .iter()
                            .zip(&skel)
                            .any(|(a, b)| a.is_some() && a == b)
                };
                let mut full = fulls.iter().filter(|(p, _)| same(p)).map(|&(_, oi)| &here[oi]);
                let Some(o) = full.next() else { continue };
                let Some(last) = o.pieces().last() else { continue };
                // One spelling among the full names.
                if full.any(|x| x.pieces().last() != Some(last)) || here.iter().any(|x| x.n_pieces() == 1 && x.key == last) {
                    continue;
                }
                let Some(om) = o.mention() else { continue };
                let doc = docs[c.doc];
                let written = doc.text(om.span);
                // (After the last blank, which may be a no-break space of two
                // bytes.)
                let start = written
                    .char_indices()
                    .rev()
                    .find(|&(_, ch)| ch == ' ' || ch == '\u{a0}')
                    .map_or(0, |(k, ch)| k + ch.len_utf8());
                let Some(tail) = written.get(start..) else { continue };
                let usual = tail.trim_end_matches("'s").trim_end_matches("\u{2019}s");
                if usual.to_lowercase() != last {
                    continue;
                }
                let word = doc.text(m.span);
                let word = word.trim_end_matches("'s").trim_end_matches("\u{2019}s");
                let f = cx.report_in(
                    doc.id,
                    Span::new(m.span.start, m.span.start + word.len()),
                    format!("'{word}' is written '{usual}' in '{written}' elsewhere in this document"),
                );
                let at = om.span.start + start;
                f.label(Span::new(at, at + usual.len()), format!("written '{usual}' here"));
                f.help("spell the name one way throughout the document");
                f.replace(usual.to_string(), Applicability::Unsafe);
            }
        }
    }

    /// Whether two one-word forms are both words of the English word list
    /// (and neither a listed name): "License" and "Licensee" share a
    /// skeleton but are different words.
    fn two_words(&self, a: &Node, b: &Node) -> bool {
        let Some(words) = &self.words else { return false };
        let word = |n: &Node| n.n_pieces() == 1 && !words.is_capitalised(n.form) && with_lowercase(n.form, |l| words.is_word(l, 70));
        // A noun in "-ee" beside its base ("Licensee", "Nominee"): a word
        // the list may not hold, made from one it does.
        let agent = |x: &Node, y: &Node| {
            x.n_pieces() == 1 && x.form.len() >= 6 && x.form.ends_with("ee") && x.form.get(..x.form.len() - 1) == Some(y.form) && word(y)
        };
        // Names that differ in one piece, two common words ("East Berlin" /
        // "West Berlin", "North Korea" / "South Korea"): two places.
        let one_word_apart = a.n_pieces() >= 2 && a.n_pieces() == b.n_pieces() && {
            let mut differ = a.pieces().zip(b.pieces()).filter(|(x, y)| x != y);
            match (differ.next(), differ.next()) {
                (Some((x, y)), None) => [x, y].iter().all(|w| with_lowercase(w, |l| words.is_word(l, 50))),
                _ => false,
            }
        };
        (word(a) && word(b)) || agent(a, b) || agent(b, a) || one_word_apart
    }

    fn configured(&self, nodes: &[Node], members: &[usize], skeletons: &[&[Option<String>]]) -> Option<String> {
        if self.canonical.is_empty() {
            return None;
        }
        for &m in members {
            if let Some(c) = self.canonical.get(nodes[m].key) {
                return Some(c.clone());
            }
            for (f, s) in skeletons.get(m).copied().unwrap_or(&[]).iter().enumerate() {
                if let Some(s) = s {
                    if let Some(c) = self.canonical_skeletons.get(&(f, s.clone())) {
                        return Some(c.clone());
                    }
                }
            }
        }
        None
    }

    /// Per form of a cluster: (votes, mentions, earliest place reversed).
    /// Each document votes for the form it uses most.
    fn scores<'n>(nodes: &'n [Node], members: &[usize]) -> HashMap<&'n str, Score> {
        let mut best_in_doc: HashMap<usize, usize> = HashMap::default();
        for &m in members {
            let n = &nodes[m];
            let e = best_in_doc.entry(n.doc).or_insert(m);
            if *e == m {
                continue;
            }
            let cur = &nodes[*e];
            // Ties go to an acronym defined in brackets ("(ELCOM)"), then to
            // mixed case ("Savage" over "SAVAGE", "Greater Noida" over
            // "Greater NOIDA"), then to the form written first.
            let mixed = |f: &str| Reverse(words_in_capitals(f));
            if (n.weight(), n.defined, mixed(n.form), Reverse(n.first().start))
                > (cur.weight(), cur.defined, mixed(cur.form), Reverse(cur.first().start))
            {
                *e = m;
            }
        }
        let mut score: HashMap<&str, Score> = HashMap::default();
        for &m in members {
            let n = &nodes[m];
            let s = score.entry(n.form).or_insert(Score {
                votes: 0,
                mentions: 0,
                defined: false,
                first: Reverse((usize::MAX, usize::MAX)),
            });
            s.mentions += n.count();
            s.defined |= n.defined;
            s.first = s.first.max(Reverse((n.doc, n.first().start)));
            if best_in_doc.get(&n.doc) == Some(&m) {
                s.votes += 1;
            }
        }
        score
    }

    /// The run's hyphenation style for names ("Park Geun-hye" vs "Park Geun
    /// Hye"), from clusters where one form clearly wins (twice the votes of
    /// every other): Some(true) = hyphenated.
    fn run_style(nodes: &[Node], clusters: &[&[usize]]) -> Option<bool> {
        let (mut hyphen, mut space) = (0usize, 0usize);
        for members in clusters {
            if members.len() < 2 {
                // One form: never a style cluster.
                continue;
            }
            let score = Self::scores(nodes, members);
            if score.len() < 2 || !score.keys().all(|a| score.keys().all(|b| style_pair(a, b))) {
                continue;
            }
            let Some((top, ts)) = score.iter().max_by_key(|(_, s)| (s.votes, s.mentions, s.first)) else {
                continue;
            };
            if score.iter().all(|(f, s)| f == top || ts.votes >= 2 * s.votes) {
                if top.contains('-') {
                    hyphen += 1;
                } else {
                    space += 1;
                }
            }
        }
        match hyphen.cmp(&space) {
            std::cmp::Ordering::Greater => Some(true),
            std::cmp::Ordering::Less => Some(false),
            std::cmp::Ordering::Equal => None,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn report_cluster(
        &self,
        docs: &[&Document],
        nodes: &[Node],
        members: &[usize],
        skeletons: &[&[Option<String>]],
        style: Option<bool>,
        reported: &mut Vec<(usize, Span)>,
        cx: &mut Ctx,
    ) {
        if members.len() < 2 && self.canonical.is_empty() {
            // One form and nothing configured: nothing to report.
            return;
        }
        let configured = self.configured(nodes, members, skeletons);
        let distinct: HashSet<&str> = members.iter().map(|&m| nodes[m].form).collect();
        if distinct.len() < 2 && configured.as_ref().is_none_or(|c| distinct.contains(c.as_str())) {
            return;
        }
        let score = Self::scores(nodes, members);
        let style_cluster = score.len() >= 2 && score.keys().all(|a| score.keys().all(|b| style_pair(a, b)));
        let fits_style = |f: &str| style_cluster && style == Some(f.contains('-'));
        let target = match &configured {
            Some(c) => c.clone(),
            None => {
                // Ties go to the run's hyphen style, then to the form used
                // more, then to an acronym defined in brackets, then to mixed
                // case ("Savage" over "SAVAGE"), then to the form written
                // first.
                let Some((form, _)) = score.iter().max_by_key(|(f, s)| {
                    (
                        s.votes,
                        fits_style(f),
                        s.mentions,
                        s.defined,
                        Reverse(words_in_capitals(f)),
                        s.first,
                    )
                }) else {
                    return;
                };
                form.to_string()
            }
        };
        let target_votes = score.get(target.as_str()).map_or(0, |s| s.votes);
        let holders: Vec<&Node> = members.iter().map(|&m| &nodes[m]).filter(|n| n.form == target).collect();
        let docs_with = holders.len();
        let docs_in: HashSet<usize> = members.iter().map(|&m| nodes[m].doc).collect();
        let before = reported.len();
        for &m in members {
            let n = &nodes[m];
            // (Periods and apostrophe style are typography: "U.S" joins "US"
            // only through a third form such as "U-S".)
            if n.form == target || typography_only(n.form, &target) {
                continue;
            }
            let doc = docs[n.doc];
            let same_doc = holders.iter().find(|h| h.doc == n.doc);
            // Across documents, a near-even split is a house style, not a
            // slip: flag only a clear minority, or one against the run's style.
            if same_doc.is_none() && configured.is_none() {
                let votes = score.get(n.form).map_or(0, |s| s.votes);
                let clear = target_votes >= 2 * votes;
                let by_style = fits_style(&target) && target_votes >= votes;
                if !clear && !by_style {
                    continue;
                }
            }
            let case_only = n.form.to_lowercase() == target.to_lowercase();
            for mention in n.mentions() {
                if (case_only && (mention.headline || mention.initial && !mention.all_caps)) || (mention.headline && mention.all_caps) {
                    continue;
                }
                reported.push((n.doc, mention.span));
                self.report(
                    doc,
                    docs,
                    mention,
                    n.form,
                    &target,
                    same_doc.copied(),
                    holders.first().copied(),
                    (docs_with, docs_in.len()),
                    configured.is_some(),
                    cx,
                );
            }
        }
        // A word of any form of a reported name is this finding's business:
        // no second finding on a word of the form it points to ("Chính" in
        // "Phạm Minh Chính" beside "Pham Minh Chinh").
        if reported.len() > before {
            let flagged: HashSet<usize> = reported[before..].iter().map(|&(d, _)| d).collect();
            for &m in members {
                let n = &nodes[m];
                if flagged.contains(&n.doc) {
                    reported.extend(n.mentions().map(|mention| (n.doc, mention.span)));
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn report(
        &self,
        doc: &Document,
        docs: &[&Document],
        mention: &Mention,
        form: &str,
        target: &str,
        same_doc: Option<&Node>,
        other: Option<&Node>,
        (with, total): (usize, usize),
        configured: bool,
        cx: &mut Ctx,
    ) {
        let f = if configured && same_doc.is_none() && other.is_none() {
            let f = cx.report_in(doc.id, mention.span, format!("'{form}' is not the configured form '{target}'"));
            f.help(format!("write '{target}' (configured canonical form)"));
            f
        } else if let Some(h) = same_doc {
            let f = cx.report_in(
                doc.id,
                mention.span,
                format!("'{form}' is written '{target}' elsewhere in this document"),
            );
            f.label(h.first(), format!("written '{target}' here"));
            f.help(if configured {
                format!("write the name one way; '{target}' is the configured canonical form")
            } else {
                format!("write the name one way throughout; most mentions use '{target}'")
            });
            f
        } else if let Some(h) = other {
            let Some(od) = docs.get(h.doc) else { return };
            let f = cx.report_in(
                doc.id,
                mention.span,
                format!("'{form}' is written '{target}' in other documents of this run"),
            );
            f.label_in(od.id, h.first(), format!("written '{target}' here"));
            f.help(if configured {
                format!("'{target}' is the configured canonical form")
            } else {
                format!("{with} of the {total} documents that use this name write '{target}'")
            });
            f
        } else {
            return;
        };
        f.replace(target.to_string(), Applicability::Unsafe);
    }
}

/// A word written once in capitals or with other diacritics than the
/// usual form the document writes elsewhere: "Richard RODGERS" beside
/// "Rodgers", "Rajásthan" beside "Rajasthan".
#[derive(Debug)]
struct ShoutedWord {
    span: Span,
    word: String,
    /// The usual form and where it is first written.
    usual: String,
    usual_span: Span,
}

/// The shouted words of a document, kept for the corpus phase.
struct Shouted(Vec<ShoutedWord>);

/// A surname written once in capitals mid-sentence ("a meeting with XI and
/// Putin") where the document writes it only as the first word of a full
/// name ("Xi Jinping"), never alone and never in lowercase: the first word,
/// not the last, so an acronym ("UN") is not read as the given name of "Kim
/// Jong Un".
fn report_shouted_surnames(
    docs: &[&Document],
    nodes: &[Node],
    ranges: &[std::ops::Range<usize>],
    uf: &UnionFind,
    reported: &[(usize, Span)],
    cx: &mut Ctx,
) {
    for range in ranges {
        let Some(here) = nodes.get(range.clone()) else { continue };
        for (ci, c) in here.iter().enumerate() {
            let Some(m) = c.mention() else { continue };
            if c.n_pieces() != 1 || !c.all_caps || c.count != 1 || uf.joined[range.start + ci] || m.initial || m.headline || m.dateline {
                continue;
            }
            let doc = docs[c.doc];
            if reported_overlaps(reported, c.doc, m.span) || lower_in_prose(doc, c.key) {
                continue;
            }
            // The one full name of the document it begins, and no other
            // form of the word alone.
            if here.iter().any(|o| o.n_pieces() == 1 && o.key == c.key && !o.all_caps) {
                continue;
            }
            let mut full = here
                .iter()
                .filter(|o| o.n_pieces() >= 2 && o.body && !o.all_caps && o.name_like && o.piece(0) == Some(c.key));
            let (Some(o), None) = (full.next(), full.next()) else { continue };
            let Some(om) = o.mention() else { continue };
            let written = doc.text(om.span);
            let end = written.find([' ', '-', '\u{a0}']).unwrap_or(written.len());
            let usual = &written[..end];
            if usual.to_lowercase() != c.key || !usual.chars().skip(1).any(char::is_lowercase) {
                continue;
            }
            let word = doc.text(m.span);
            let f = cx.report_in(doc.id, m.span, format!("'{word}' is written '{usual}' elsewhere in this document"));
            f.label(
                Span::new(om.span.start, om.span.start + end),
                format!("written '{usual}' here, in '{written}'"),
            );
            f.help("write the name in one case throughout; capitals belong to headlines and acronyms");
            f.replace(usual.to_string(), Applicability::Unsafe);
        }
    }
}

/// Whether two surnames are the feminine and masculine forms of one family
/// name, differing only in a last "a" ("Kowalska" / "Kowalski", "Novotna" /
/// "Novotny"): two people, perhaps of one family.
fn feminine_form(a: &str, b: &str) -> bool {
    let (Some(x), Some(y)) = (a.char_indices().last(), b.char_indices().last()) else {
        return false;
    };
    x.0 == y.0 && a.get(..x.0) == b.get(..y.0) && (x.1 == 'a' || y.1 == 'a')
}

/// Whether the document's prose holds `lower` as a whole lowercase word.
/// (A scan of the prose, not `names::is_lower_word`: the tokens that one
/// reads are freed before the corpus phase.)
fn lower_in_prose(doc: &Document, lower: &str) -> bool {
    let p = doc.prose.as_bytes();
    memchr::memmem::find_iter(p, lower.as_bytes()).any(|at| {
        let before = at.checked_sub(1).and_then(|i| p.get(i)).is_none_or(|b| !b.is_ascii_alphanumeric());
        let after = p.get(at + lower.len()).is_none_or(|b| !b.is_ascii_alphanumeric());
        before && after
    })
}

/// A compound surname written once with a space where the one full name
/// of the document that ends with it has a hyphen, or the other way round:
/// "Zsófia Bakó-Németh" ... "Bakó Németh said". The form alone is written
/// once, in the body, and nothing else in the document spells it so.
fn report_split_surnames(
    docs: &[&Document],
    nodes: &[Node],
    ranges: &[std::ops::Range<usize>],
    uf: &UnionFind,
    reported: &[(usize, Span)],
    cx: &mut Ctx,
) {
    // The last `n` pieces of a form as written (pieces end at a space or a
    // hyphen).
    fn tail_of(form: &str, n: usize) -> Option<&str> {
        let seps: Vec<usize> = form.char_indices().filter(|&(_, c)| c == ' ' || c == '-').map(|(k, _)| k).collect();
        seps.len().checked_sub(n).and_then(|k| seps.get(k)).and_then(|&k| form.get(k + 1..))
    }
    for range in ranges {
        let Some(here) = nodes.get(range.clone()) else { continue };
        for (ci, c) in here.iter().enumerate() {
            let n = c.n_pieces();
            if !(2..=3).contains(&n) || c.count != 1 || c.all_caps || !c.body || uf.joined[range.start + ci] {
                continue;
            }
            let Some(m) = c.mention() else { continue };
            if m.headline || m.dateline || reported_overlaps(reported, c.doc, m.span) {
                continue;
            }
            let spaced = |f: &str| f.replace('-', " ");
            let last = c.form.as_bytes().last().map(u8::to_ascii_lowercase);
            let mut longer = here.iter().filter(|o| {
                o.n_pieces() > n
                    && o.form.len() > c.form.len()
                    && o.form.as_bytes().last().map(u8::to_ascii_lowercase) == last
                    && !o.all_caps
                    && o.body
                    && tail_of(o.form, n)
                        .is_some_and(|t| t != c.form && (t.contains('-') != c.form.contains('-')) && spaced(t) == spaced(c.form))
            });
            let (Some(o), None) = (longer.next(), longer.next()) else {
                continue;
            };
            let Some(usual) = tail_of(o.form, n) else { continue };
            // Nothing else of the document is written like the lone form.
            if here.iter().any(|x| !std::ptr::eq(x, c) && x.form.ends_with(c.form)) {
                continue;
            }
            let Some(om) = o.mention() else { continue };
            let doc = docs[c.doc];
            let written = doc.text(om.span);
            let Some(at) = written.rfind(usual) else { continue };
            let word = doc.text(m.span);
            let f = cx.report_in(
                doc.id,
                m.span,
                format!("'{word}' is written '{usual}' in '{written}' elsewhere in this document"),
            );
            f.label(
                Span::new(om.span.start + at, om.span.start + at + usual.len()),
                format!("written '{usual}' here"),
            );
            f.help("spell the name one way throughout the document");
            f.replace(usual.to_string(), Applicability::Unsafe);
        }
    }
}

/// Whether a reported span of document `doc` overlaps `span`; `reported` is
/// sorted by document.
fn reported_overlaps(reported: &[(usize, Span)], doc: usize, span: Span) -> bool {
    let from = reported.partition_point(|&(d, _)| d < doc);
    reported
        .get(from..)
        .unwrap_or_default()
        .iter()
        .take_while(|&&(d, _)| d == doc)
        .any(|(_, sp)| sp.overlaps(span))
}

/// Report the kept shouted words of each document, except where a cluster
/// already reported the mention (`reported`: document index and span).
fn report_shouted(docs: &[&Document], reported: &[(usize, Span)], cx: &mut Ctx) {
    for (di, doc) in docs.iter().enumerate() {
        let Some(kept) = doc.kept::<Shouted>() else { continue };
        for w in kept.0.iter().filter(|w| !reported_overlaps(reported, di, w.span)) {
            let f = cx.report_in(
                doc.id,
                w.span,
                format!("'{}' is written '{}' elsewhere in this document", w.word, w.usual),
            );
            f.label(w.usual_span, format!("written '{}' here", w.usual));
            f.help("write the name in one case throughout; capitals belong to headlines and acronyms");
            f.replace(w.usual.clone(), Applicability::Unsafe);
        }
    }
}

/// A word of four letters or more written once in capitals in running
/// text, that the document writes at least twice in the usual case (a
/// capital and lowercase letters; once may be in a headline): "Richard
/// RODGERS", "North KOREA",
/// "PALTROW has two children", "through SATURDAY". Skipped: headlines,
/// title-case and shouted lines, runs of capitalised words in capitals
/// ("VIRGINIA BEACH, Va."), a dateline ("NAIROBI (Reuters) -"), the first
/// word of the first two paragraphs (articles may open in capitals), a word
/// whose usual form is never written after a word or a comma (a sentence
/// opener or a label: "Note:"), and a lone word in capitals that the
/// document also writes in lowercase (emphasis: "we will NEVER stop").
fn shouted_words(doc: &Document) -> Vec<ShoutedWord> {
    use crate::document::TokenKind;
    let prose = doc.prose.as_bytes();
    let caps = doc.names().capitals();
    // (Two capitals first: "SÃO" too.)
    let in_caps = |sp: Span| {
        let b = prose.get(sp.range()).unwrap_or(&[]);
        if b.len() >= 2 && b.first().is_some_and(u8::is_ascii_uppercase) && b.get(1).is_some_and(u8::is_ascii_uppercase) {
            return true;
        }
        if b.is_ascii() {
            return false;
        }
        let mut chars = doc.prose.get(sp.range()).unwrap_or("").chars();
        chars.next().is_some_and(char::is_uppercase) && chars.next().is_some_and(char::is_uppercase)
    };
    let tok = |i: usize| doc.tokens.get(i);
    let kind_at = |i: usize| tok(i).map(|t| t.kind);
    let byte_at = |i: usize| tok(i).and_then(|t| prose.get(t.span.start).copied());
    let space_at = |i: usize| tok(i).is_some_and(|t| doc.prose.get(t.span.range()) == Some(" "));
    // Candidates: (core, span, token index).
    let mut cands: Vec<(&str, Span, usize)> = Vec::new();
    for (ci, c) in caps.iter().enumerate() {
        if c.headline || c.span.len() < 4 || !in_caps(c.span) {
            continue;
        }
        let Some(raw) = doc.prose.get(c.span.range()) else { continue };
        let core = crate::document::names::strip_possessive(raw).0;
        if core.len() < 4 || !core.bytes().all(|x| x.is_ascii_uppercase()) || crate::document::names::is_roman_numeral(core) {
            continue;
        }
        let ti = c.token as usize;
        // Neighbouring words in capitals: a dateline, a shouted name.
        let neighbour = |other: Option<&crate::document::names::Capital>| {
            other.is_some_and(|o| (o.token as usize).abs_diff(ti) == 2 && space_at(ti.min(o.token as usize) + 1) && in_caps(o.span))
        };
        if neighbour(ci.checked_sub(1).and_then(|j| caps.get(j))) || neighbour(caps.get(ci + 1)) {
            continue;
        }
        // The first word of its block: a dateline ("WASHINGTON -",
        // "NAIROBI (Reuters)") unless a word follows, and in the first
        // paragraph the opening words of an article may be set in capitals
        // ("BARCELONA will be known as a selling club").
        let block = doc.block_at(c.span.start).and_then(|b| doc.blocks.get(b));
        let block_start = block.is_some_and(|b| doc.prose.get(b.span.start..c.span.start).is_some_and(|g| g.trim().is_empty()));
        if block_start {
            let first_body = doc.blocks.iter().find(|b| !headline_block(doc, b)).map(|b| b.span) == block.map(|b| b.span);
            let word_follows = core.len() < raw.len() || (space_at(ti + 1) && kind_at(ti + 2) == Some(TokenKind::Word));
            if first_body || !word_follows {
                continue;
            }
        }
        // Joined by a hyphen, an underscore or a slash: a code or a key
        // ("CTRL-]", "COVID-19", "COMPOUND_TEXT").
        let joiner = |i: usize| kind_at(i) == Some(TokenKind::Punct) && matches!(byte_at(i), Some(b'-' | b'_' | b'/'));
        if core.len() == raw.len() && (joiner(ti + 1) || ti.checked_sub(1).is_some_and(joiner)) {
            continue;
        }
        cands.push((core, Span::new(c.span.start, c.span.start + core.len()), ti));
    }
    if cands.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for &(core, span, ti) in &cands {
        // One slip: a word written in capitals twice or more is a
        // deliberate style (an acronym, or a surname in capitals).
        if cands.iter().filter(|(c, _, _)| *c == core).count() != 1 {
            continue;
        }
        // Uses in the usual case (a capital and lowercase letters), and
        // those after a word or a comma outside headlines (a name, not a
        // sentence opener or a label such as "Note:").
        let (mut usual, mut usual_mid, mut first): (usize, usize, Option<(Span, bool)>) = (0, 0, None);
        let lead = core.as_bytes().first().copied();
        for c in caps {
            // Cheap test first: the first letter, and a length that fits
            // (the word, maybe with a possessive).
            if c.span.len() < core.len() || c.span.len() > core.len() + 4 || prose.get(c.span.start).copied() != lead {
                continue;
            }
            let Some(raw) = doc.prose.get(c.span.range()) else { continue };
            let w = crate::document::names::strip_possessive(raw).0;
            if w.len() != core.len() || !w.eq_ignore_ascii_case(core) || !w.bytes().skip(1).all(|x| x.is_ascii_lowercase()) {
                continue;
            }
            usual += 1;
            let i = c.token as usize;
            let mid = !c.headline
                && i >= 2
                && space_at(i - 1)
                && match kind_at(i - 2) {
                    Some(TokenKind::Word | TokenKind::Number) => true,
                    Some(TokenKind::Punct) => byte_at(i - 2) == Some(b','),
                    _ => false,
                };
            usual_mid += usize::from(mid);
            if first.is_none_or(|(_, h)| h && !c.headline) {
                first = Some((Span::new(c.span.start, c.span.start + w.len()), c.headline));
            }
        }
        let Some((first, _)) = first else { continue };
        if usual < 2 {
            continue;
        }
        // A capitalised word beside it, after one space: the next word, or
        // the previous one when a word or a comma stands before that (not a
        // sentence opener: "It ONLY matches").
        let capital = |j: usize| kind_at(j) == Some(TokenKind::Word) && byte_at(j).is_some_and(|b| b.is_ascii_uppercase());
        let next_capital = space_at(ti + 1) && capital(ti + 2);
        let prev_capital = ti >= 4
            && space_at(ti - 1)
            && capital(ti - 2)
            && space_at(ti - 3)
            && (kind_at(ti - 4) == Some(TokenKind::Word) || (kind_at(ti - 4) == Some(TokenKind::Punct) && byte_at(ti - 4) == Some(b',')));
        let capital_beside = next_capital || prev_capital;
        if !capital_beside {
            // Alone, the word must be a name elsewhere (written in the usual
            // case after a word or a comma), and never written in lowercase
            // (emphasis: "we will NEVER stop").
            if usual_mid == 0 || crate::document::names::is_lower_word(doc, &core.to_ascii_lowercase()) {
                continue;
            }
        }
        out.push(ShoutedWord {
            span,
            word: core.to_string(),
            usual: doc.text(first).to_string(),
            usual_span: first,
        });
    }
    out
}

/// A headline block, as the name table reads it: a heading, or a
/// heading-like or title-case line that does not end a sentence.
fn headline_block(doc: &Document, b: &crate::document::Block) -> bool {
    if matches!(b.scope, crate::document::Scope::Heading(_)) {
        return true;
    }
    if !(b.heading_like || b.title_case) {
        return false;
    }
    let raw = doc.prose.get(b.span.range()).unwrap_or("").trim_end();
    !raw.ends_with(['.', '!', '?', ';', '"', '\u{201d}', ')']) || raw.ends_with("..")
}

/// Capitalised words written once with other diacritics than a spelling
/// the document writes at least twice: "the Rajásthan High Court" beside
/// two "Rajasthan", "Erdogan" once beside "Erdoğan" twice. Words in
/// capitals are left to the other checks, and so are two people: the word
/// stands in a longer name that shares no part with the names written the
/// usual way ("José Ortiz" / "Jose Luis Reyes").
fn accented_words(doc: &Document) -> Vec<ShoutedWord> {
    let prose = doc.prose.as_bytes();
    let caps = doc.names().capitals();
    // Cheap test first: a capitalised word with a letter outside ASCII (a
    // curly possessive "Trump’s" does not count).
    let accented = |c: &crate::document::names::Capital| {
        prose.get(c.span.range()).is_some_and(|b| !b.is_ascii())
            && doc
                .prose
                .get(c.span.range())
                .is_some_and(|w| !crate::document::names::strip_possessive(w).0.is_ascii())
    };
    if !caps.iter().any(accented) {
        return Vec::new();
    }
    // Plain capitalised forms (possessive stripped, four letters or more).
    let core_of = |c: &crate::document::names::Capital| {
        let raw = doc.prose.get(c.span.range())?;
        let core = crate::document::names::strip_possessive(raw).0;
        let plain = core.chars().next().is_some_and(char::is_uppercase) && core.chars().skip(1).all(char::is_lowercase);
        (plain && core.chars().count() >= 4).then(|| (core, Span::new(c.span.start, c.span.start + core.len())))
    };
    // Fold keys of the forms with a letter outside ASCII.
    let mut keys: Vec<String> = Vec::new();
    for c in caps.iter().filter(|c| accented(c)) {
        if let Some((core, _)) = core_of(c) {
            let k = fold_key(core);
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
    }
    // Per key: the forms written, with their uses and first place.
    let mut forms: Vec<Vec<(&str, usize, Span)>> = vec![Vec::new(); keys.len()];
    for c in caps {
        let Some((core, span)) = core_of(c) else { continue };
        let ki = if core.is_ascii() {
            keys.iter().position(|k| k.len() == core.len() && k.eq_ignore_ascii_case(core))
        } else {
            let k = fold_key(core);
            keys.iter().position(|x| *x == k)
        };
        let Some(list) = ki.and_then(|i| forms.get_mut(i)) else { continue };
        match list.iter_mut().find(|(f, _, _)| *f == core) {
            Some((_, n, _)) => *n += 1,
            None => list.push((core, 1, span)),
        }
    }
    // The mention (of two parts or more) at a place, and whether two
    // places stand in such mentions that share no other part: two people
    // ("José Ortiz" / "Jose Luis Reyes").
    let table = doc.names();
    let mention_at = |sp: Span| {
        let i = table.mentions.partition_point(|m| m.span.end <= sp.start);
        table.mentions.get(i).filter(|m| m.span.start <= sp.start && m.part_count() >= 2)
    };
    let two_people = |a: Span, others: &[Span]| {
        let Some(ma) = mention_at(a) else { return false };
        let key = fold_key(doc.text(a));
        !others.iter().any(|&b| match mention_at(b) {
            None => true,
            Some(mb) => table.piece_keys(mb).any(|k| k != key && table.piece_keys(ma).any(|x| x == k)),
        })
    };
    let mut out = Vec::new();
    for list in &forms {
        let Some(&(usual, n, usual_span)) = list.iter().max_by_key(|(_, n, sp)| (*n, Reverse(sp.start))) else {
            continue;
        };
        // Written twice or more, or two spellings written once each
        // ("Mehmet Simsek ... Şimşek"): then the one with diacritics, which
        // pipelines lose and seldom add, is taken as the usual one.
        let tie = list.len() == 2 && list.iter().all(|&(_, m, _)| m == 1);
        if n < 2 && !tie {
            continue;
        }
        let (usual, usual_span) = match list.iter().find(|(f, _, _)| !f.is_ascii()) {
            Some(&(f, _, sp)) if tie => (f, sp),
            _ => (usual, usual_span),
        };
        for &(f, m, span) in list {
            // Differing only in case is the other check's business.
            if m != 1 || f == usual || f.to_lowercase() == usual.to_lowercase() {
                continue;
            }
            let usual_places: Vec<Span> = caps
                .iter()
                .filter_map(|c| core_of(c).filter(|(c, _)| *c == usual).map(|(_, sp)| sp))
                .collect();
            if two_people(span, &usual_places) {
                continue;
            }
            out.push(ShoutedWord {
                span,
                word: f.to_string(),
                usual: usual.to_string(),
                usual_span,
            });
        }
    }
    out
}

#[derive(Clone, Copy, Debug)]
struct Score {
    votes: usize,
    mentions: usize,
    /// Some node of the form is an acronym defined in brackets.
    defined: bool,
    first: Reverse<(usize, usize)>,
}

/// For each piece `p` of a node: a hash of its pieces with piece `p`
/// replaced by a wildcard (the buckets of pass 3; `same_but` confirms a
/// match). Each piece adds a term tagged with its position; the hash for
/// `p` leaves its term out.
fn wildcard_hashes(n: &Node, mut f: impl FnMut(usize, u64)) {
    use std::hash::BuildHasher;
    let k = n.n_pieces();
    let term = |q: usize, piece: &str| rustc_hash::FxBuildHasher.hash_one((q, piece));
    let tag = |p: usize| rustc_hash::FxBuildHasher.hash_one((k, p));
    let mut terms = [0u64; 16];
    if k <= terms.len() {
        let mut total = 0u64;
        for (q, piece) in n.pieces().enumerate().take(terms.len()) {
            terms[q] = term(q, piece);
            total = total.wrapping_add(terms[q]);
        }
        for (p, t) in terms.iter().enumerate().take(k) {
            f(p, total.wrapping_sub(*t).wrapping_add(tag(p)));
        }
        return;
    }
    for p in 0..k {
        let h = n
            .pieces()
            .enumerate()
            .filter(|(q, _)| *q != p)
            .fold(0u64, |h, (q, piece)| h.wrapping_add(term(q, piece)));
        f(p, h.wrapping_add(tag(p)));
    }
}

/// Whether two nodes have the same pieces except piece `p`.
fn same_but(a: &Node, b: &Node, p: usize) -> bool {
    a.n_pieces == b.n_pieces && a.pieces().zip(b.pieces()).enumerate().all(|(q, (x, y))| q == p || x == y)
}

/// Whether two forms differ only in hyphens versus spaces and the case that
/// goes with them ("Park Geun-hye" / "Park Geun Hye").
fn style_pair(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.to_lowercase().replace(['-', '\u{2010}', '\u{2011}'], " ");
    norm(a) == norm(b)
}

/// Pass 1 on the nodes of one fold key: union every compatible pair. Pairs
/// are judged per pair of forms (only forms differing in case need per-node
/// checks), and pairs already joined are skipped.
/// Whether two forms differ only in periods and the style of apostrophe,
/// which are typography, not spelling ("U.S." / "US", "O\u{2019}Brien" /
/// "O'Brien").
fn typography_only(a: &str, b: &str) -> bool {
    let dotless = |s: &str| s.replace('.', "").replace('\u{2019}', "'");
    dotless(a) == dotless(b)
}

/// The words of a form written in capitals (two letters or more): the
/// fewer, the more a form is in mixed case.
fn words_in_capitals(f: &str) -> usize {
    f.split([' ', '-'])
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase))
        .count()
}

/// Whether two forms are an acronym's plural with a capital and a
/// lowercase "s" ("MPS" / "MPs"): `acronym-plural`'s business.
fn acronym_plural_pair(a: &str, b: &str) -> bool {
    let caps_plural = |x: &str, y: &str| {
        x.len() >= 3
            && x.len() == y.len()
            && x.ends_with('S')
            && y.ends_with('s')
            && x[..x.len() - 1] == y[..y.len() - 1]
            && x[..x.len() - 1].bytes().all(|c| c.is_ascii_uppercase())
    };
    caps_plural(a, b) || caps_plural(b, a)
}

fn pass_one_group(docs: &[&Document], nodes: &[Node], group: &[usize], uf: &mut UnionFind) {
    // Forms in order of first node; members in node order.
    let mut forms: Vec<(&str, Vec<usize>)> = Vec::new();
    for &i in group {
        match forms.iter_mut().find(|(f, _)| *f == nodes[i].form) {
            Some((_, v)) => v.push(i),
            None => forms.push((nodes[i].form, vec![i])),
        }
    }
    for x in 0..forms.len() {
        for y in x + 1..forms.len() {
            let ((fa, ma), (fb, mb)) = (&forms[x], &forms[y]);
            if typography_only(fa, fb) || acronym_plural_pair(fa, fb) {
                continue;
            }
            let lower = fa.to_lowercase();
            if lower != fb.to_lowercase() {
                // Every pair is compatible: join both forms' nodes.
                for &n in ma.iter().chain(mb.iter()) {
                    uf.union(ma[0], n);
                }
                continue;
            }
            // Case only: whether a document writes a piece in lowercase (a
            // particle inside a name is one: "Ana Lopes Da Silva" / "Ana
            // Lopes da Silva" differ; a name that opens with one may be
            // capitalised when it stands alone, "De Gaulle", "El-Sisi").
            let words: Vec<&str> = pieces(&lower)
                .enumerate()
                .filter(|&(k, w)| k == 0 || !crate::document::names::PARTICLES.contains(&w))
                .map(|(_, w)| w)
                .collect();
            let mut bad: HashMap<usize, bool> = HashMap::default();
            let mut is_bad = |d: usize| {
                *bad.entry(d)
                    .or_insert_with(|| docs.get(d).is_some_and(|doc| words.iter().any(|w| doc.names().is_lower_piece(w))))
            };
            for &p in ma {
                for &q in mb {
                    let (a, b) = (p.min(q), p.max(q));
                    let (na, nb) = (&nodes[a], &nodes[b]);
                    let (caps, mixed) = if na.all_caps { (na, nb) } else { (nb, na) };
                    if !mixed.name_like || !mixed.body || (!caps.body && !caps.all_caps) || uf.find(a) == uf.find(b) {
                        continue;
                    }
                    if is_bad(na.doc) || is_bad(nb.doc) {
                        continue;
                    }
                    uf.union(a, b);
                }
            }
        }
    }
}

/// Two full names of one document that share a word and differ only in
/// the spelling of another ("Sergey Lavrov" / "Sergei Lavrov"): one person
/// spelled two ways even when each is written once (the first written is
/// then the target). The differing words must have five letters or more:
/// short syllables tell real people apart ("Li Peng" / "Li Ping"). One-word
/// names ("Shanxi" / "Shaanxi") still need a majority.
fn one_spelling_apart(a: &Node, b: &Node) -> bool {
    if a.doc != b.doc || a.n_pieces() < 2 || a.n_pieces() != b.n_pieces() {
        return false;
    }
    let mut differ = a.pieces().zip(b.pieces()).filter(|(x, y)| x != y);
    match (differ.next(), differ.next()) {
        (Some((x, y)), None) => x.chars().count() >= 5 && y.chars().count() >= 5,
        _ => false,
    }
}

/// Whether one key is the other with a demonym or place ending ("somali" /
/// "somalia", "kenya" / "kenyan", "nepal" / "nepalese"). Not a doubled last
/// letter ("zelensky" / "zelenskyy"): that is a spelling.
fn place_and_demonym(a: &str, b: &str) -> bool {
    const ENDINGS: &[&str] = &["a", "n", "an", "ia", "ian", "ese", "i", "ns", "ans", "ians"];
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.len() >= 4 && long.strip_prefix(short).is_some_and(|tail| ENDINGS.contains(&tail))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{fixed, flagged};
    use crate::source::FileKind;

    fn lint() -> NameVariant {
        let lex = crate::pack::builtin_lexicons();
        let r = Romanizer::from_lexicons(lex.iter().filter(|l| l.lint == "name-variant")).unwrap();
        let mut l = NameVariant::new(r, &[], true);
        l.words = Some(Words::shared(&lex));
        l
    }

    fn run_docs(lint: &NameVariant, texts: &[&str]) -> Vec<(usize, String, String)> {
        crate::lint::testing::run_corpus(lint, texts)
    }

    #[test]
    fn a_lone_surname_in_another_romanization_than_the_full_name() {
        let l = lint();
        let text = "The committee head, Oleg Varnitsky, met them on Monday. Later Varnitskiy said the vote would wait.";
        assert_eq!(flagged(&l, text), vec!["Varnitskiy"]);
        // A no-break space inside the full name.
        assert_eq!(
            flagged(&l, &text.replace("Oleg Varnitsky", "Oleg\u{a0}Varnitsky")),
            vec!["Varnitskiy"]
        );
        assert_eq!(
            fixed(&l, text),
            "The committee head, Oleg Varnitsky, met them on Monday. Later Varnitsky said the vote would wait."
        );
        // Another first letter, the same second and third.
        let text = "The former leader Hamid Gaddari ruled for decades. Later Qaddari was exiled.";
        assert_eq!(flagged(&l, text), vec!["Qaddari"]);
        for ok in [
            // A woman's form of the surname is another person.
            "Officials met Maria Ivanova on Monday. Ivanov said the talks went well.",
            // The lone spelling is the surname of another full name.
            "Oleg Varnitsky met Igor Varnitskiy on Monday. Varnitskiy said the vote would wait.",
            // A feminine and a masculine form: two people.
            "Officials met Anna Kowalczyka on Monday. Later Kowalczyki said the talks went well.",
            "Kowalczyka spoke first. Later Kowalczyka left. Then Kowalczyki, her husband, said the talks went well.",
            // Another name, not a romanization.
            "Officials met Mark Johnson on Monday. Johnston said the talks went well.",
        ] {
            assert!(flagged(&l, ok).is_empty(), "{ok}: {:?}", flagged(&l, ok));
        }
    }

    #[test]
    fn flags_minority_hyphenation_case_and_spacing() {
        let l = lint();
        assert_eq!(
            flagged(
                &l,
                "Ryu Sung Min arrived on Tuesday. Ryu Sung-min met officials. Ryu Sung Min left."
            ),
            vec!["Ryu Sung-min"]
        );
        assert_eq!(
            flagged(&l, "Leaders met Hu on Monday. Hu spoke, then HU and Scholz left."),
            vec!["HU"]
        );
        assert_eq!(
            flagged(
                &l,
                "The writer Fang Fang kept a diary. Critics attacked Fang Fang. Later Fangfang replied."
            ),
            vec!["Fangfang"]
        );
        // The case of a particle inside a name; not of a name that opens
        // with one ("El-Sisi" may stand capitalised alone).
        assert_eq!(
            flagged(
                &l,
                "Officials met Ana Lopes da Silva on Monday. Later Ana Lopes Da Silva thanked them. Ana Lopes da Silva left."
            ),
            vec!["Ana Lopes Da Silva"]
        );
        assert!(flagged(&l, "Talks with al-Sisi ended. Later al-Sisi and El-Sisi aides met.").is_empty());
        // A possessive sentence opener is a name.
        assert_eq!(
            flagged(
                &l,
                "Muammar Gaddafi ruled Libya. Gaddafi was killed in 2011. Gaddafi had ruled for decades. Qaddafi's son spoke."
            ),
            vec!["Qaddafi"]
        );
        // A tie between capitals and mixed case goes to mixed case.
        assert_eq!(
            flagged(
                &l,
                "Mr. SAVAGE said the tactics were dangerous. Later, officers said Savage had left."
            ),
            vec!["SAVAGE"]
        );
        // The full name backs the bare surname of its spelling: one bare
        // mention each, wherever the variant stands.
        for text in [
            "Volodymyr Zelensky spoke on Monday. Then Zelensky met reporters. Later Zelenskyy returned.",
            "Later Zelenskyy returned. Volodymyr Zelensky spoke on Monday. Then Zelensky met reporters.",
        ] {
            assert_eq!(flagged(&l, text), vec!["Zelenskyy"], "{text}");
        }
        // Without a full name a one-to-one tie stays silent.
        assert!(flagged(&l, "Then Zelensky met reporters. Later Zelenskyy returned.").is_empty());
        // Two full names one spelling apart, each written once: the first
        // written is the target.
        assert_eq!(
            flagged(
                &l,
                "Foreign Minister Sergey Lavrov held talks. Later Sergei Lavrov said the sides agreed."
            ),
            vec!["Sergei Lavrov"]
        );
        assert!(flagged(&l, "Coal from Shanxi reached ports. Mines in Shaanxi closed.").is_empty());
        assert!(flagged(&l, "Premier Li Peng met envoys. The dissident Li Ping was jailed.").is_empty());
    }

    #[test]
    fn label_points_to_majority_and_fix_rewrites() {
        let l = lint();
        let text = "Ryu Sung Min arrived on Tuesday. Ryu Sung-min met officials. Ryu Sung Min left.";
        let f = crate::lint::testing::run(&l, text, FileKind::Plain);
        assert_eq!(f.len(), 1);
        assert_eq!(&text[f[0].labels[0].span.range()], "Ryu Sung Min");
        assert_eq!(
            crate::lint::testing::fixed(&l, text),
            "Ryu Sung Min arrived on Tuesday. Ryu Sung Min met officials. Ryu Sung Min left."
        );
    }

    #[test]
    fn across_documents() {
        let l = lint();
        let f = run_docs(
            &l,
            &[
                "Leader Ryu Sung-min went to Hanoi with Scholz and Hu.",
                "Leader Ryu Sung Min went to Hanoi to meet Scholz and Hu.",
                "Then Ryu Sung Min met Scholz and Hu in Hanoi. Chile's Efe agency said so.",
                "Ryu Sung Min and Scholz and Hu met in Hanoi, Chile's Efe agency said. Chile's EFE agency repeated.",
            ],
        );
        assert!(
            f.iter()
                .any(|(d, t, m)| *d == 0 && t == "Ryu Sung-min" && m.contains("other documents")),
            "{f:?}"
        );
        assert!(f.iter().any(|(d, t, _)| *d == 3 && t == "EFE"), "{f:?}");
        assert_eq!(f.len(), 2, "{f:?}");
    }

    #[test]
    fn configured_canonical_wins() {
        let lex = crate::pack::builtin_lexicons();
        let r = Romanizer::from_lexicons(lex.iter().filter(|l| l.lint == "name-variant")).unwrap();
        let l = NameVariant::new(r, &["Ryu Sung-min".to_string()], true);
        assert_eq!(
            flagged(&l, "Ryu Sung Min arrived. Ryu Sung Min left."),
            vec!["Ryu Sung Min", "Ryu Sung Min"]
        );
        assert!(flagged(&l, "Ryu Sung-min arrived.").is_empty());
    }

    #[test]
    fn known_distinct_and_precision_traps() {
        let l = lint();
        for ok in [
            "Ryu Sung Min, son of Ryu Sung Il and grandson of Ryu Il Chol, sent Ryu Yo Sung. Ryu Sung Min left.",
            "Coal from Shanxi and Shaanxi. Mines in Shanxi and Shaanxi. And Shanxi again.",
            "Nepal's leader spoke. Nepalese voters agreed. Nepal's army drilled.",
            // Only the style of apostrophe differs.
            "Mr O\u{2019}Brien spoke. Mr O'Brien left. O\u{2019}Brien said so. O'Brien agreed.",
            // Two places named by one common word apart.
            "Officials in East Berlin met. West Berlin was free. East Berlin was not. The East German state fell, and West German leaders cheered.",
            // A place and its demonym.
            "Officers have entered Somalia in secret. They met a rebel Somali group. The US acted against Somali individuals.",
            "Martin Luther wrote theses. Martin Luther King marched. Martin Luther King spoke.",
            "John Paul II visited. John Paul was a name. John Paul II left.",
            "Fang Fang and Boutros Boutros-Ghali met in Baden-Baden and Bora Bora.",
            "Mohammed bin Salman met Charles de Gaulle's heirs. Mohammed bin Salman left.",
            "Moon Jae-in met Sun Yat-sen's heirs and To Lam. Moon Jae-in left.",
            "The US said. Give us a call. Later the US agreed.",
            "WHO officials said. Who knows? The WHO agreed.",
            "The U.S. said so. The US agreed.",
            "YouTube and PayPal grew. YouTube said.",
            "Macron Signs Order On Trade\nPresident Emmanuel Macron signed an order. Macron spoke.",
            "Ryu Sung Min met his sister Ryu Yo Sung and his aunt Ryu Kyong Ok. Ryu Yo Sung spoke.",
            "Pope Pius XI died. Pius XI was pope.",
            "NEW DELHI (AP) - Delhi officials said. New Delhi is big.",
            // Words, not names: a noun in "-ee" beside its base.
            "The License grants rights. The License is free.\n\nThe Licensee may copy it.",
            "José Ortiz met Jose Luis Reyes on Monday.",
        ] {
            assert!(flagged(&l, ok).is_empty(), "{ok}: {:?}", flagged(&l, ok));
        }
    }

    #[test]
    fn unrelated_documents_are_not_merged() {
        let l = lint();
        let f = run_docs(
            &l,
            &[
                "Park Jin met officials in Busan. Park Jin spoke about trade.",
                "The striker Bak Jin scored twice in Madrid. Bak Jin celebrated.",
            ],
        );
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn periods_are_typography_even_through_a_third_form() {
        let l = lint();
        let f = run_docs(
            &l,
            &[
                "The U.S. economy grew fast this year. U.S. officials said so on Monday in Washington.",
                "The US economy grew fast this year. US officials said so on Monday in Washington.",
                "The US army left the base. The US said so on Monday in Washington.",
                "The U-S economy grew fast this year, officials said on Monday in Washington.",
            ],
        );
        let flagged: Vec<&str> = f.iter().map(|(_, w, _)| w.as_str()).collect();
        assert_eq!(flagged, vec!["U-S"], "{f:?}");
    }

    #[test]
    fn an_acronym_plural_is_left_to_acronym_plural() {
        let l = lint();
        assert!(flagged(&l, "Two MPS resigned on Monday, and the MPs said they would appeal.").is_empty());
    }

    #[test]
    fn a_compound_surname_written_with_a_space() {
        let l = lint();
        let text = "The jury president, the director Zsófia Bakó-Németh, praised the film. Later Bakó Németh said the jury had admired it.";
        assert_eq!(flagged(&l, text), vec!["Bakó Németh"]);
        assert_eq!(
            fixed(&l, "Director Ana Lopes-Vidal spoke on Monday. Lopes Vidal said the plan was good."),
            "Director Ana Lopes-Vidal spoke on Monday. Lopes-Vidal said the plan was good."
        );
        // A given name of a hyphenated pair is no compound surname.
        assert!(flagged(&l, "Jean-Pierre Raffarin spoke. Pierre Raffarin said so.").is_empty());
    }

    #[test]
    fn a_full_name_backs_the_spelling_of_its_surname() {
        let l = lint();
        let text = "Brigadier Samir al-Hadi spoke on Monday.\n\n\"We waited,\" Al Hadi told reporters.\n\nAl-Hadi said the search went on.";
        assert_eq!(flagged(&l, text), vec!["Al Hadi"]);
    }

    #[test]
    fn an_acronym_defined_in_brackets_wins_a_tie_with_mixed_case() {
        let l = lint();
        let text =
            "The Kordani Electoral Commission (KELCOM) said it would publish results.\n\nOfficials said Kelcom had learned of delays.";
        assert_eq!(flagged(&l, text), vec!["Kelcom"]);
        // Without a definition, mixed case wins.
        let text = "Officials said KELCOM would publish results.\n\nOfficials said Kelcom had learned of delays.";
        assert_eq!(flagged(&l, text), vec!["KELCOM"]);
    }

    #[test]
    fn name_order_swapped() {
        let l = lint();
        assert_eq!(
            flagged(
                &l,
                "Prime Minister Oshiro Kenta arrived on Monday. Oshiro Kenta met officials, and Kenta Oshiro left on Tuesday."
            ),
            vec!["Kenta Oshiro"]
        );
        assert_eq!(
            flagged(&l, "Al-Hadi and Samir al-Hadi spoke to Samir el-Hadi. Later Samir al-Hadi left."),
            vec!["Samir el-Hadi"]
        );
        // Half of a compound ("anti-Tarsk") and the next word are no name.
        assert!(flagged(
            &l,
            "Fighters of the Kordani Tarsk movement met in Velm. Rival anti-Tarsk Kordani groups refused. The Kordani Tarsk movement left."
        )
        .is_empty());
        // Two-letter syllables: maybe two people.
        assert!(flagged(
            &l,
            "Professor Wang Li spoke on Monday, and the student Li Wang replied. Wang Li left."
        )
        .is_empty());
        // Two people in unrelated documents.
        let f = run_docs(
            &l,
            &[
                "Lee Kim met officials in Busan. Lee Kim spoke about trade.",
                "The striker Kim Lee scored twice in Madrid.",
            ],
        );
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn one_finding_for_a_name_with_and_without_diacritics() {
        let l = lint();
        assert_eq!(
            flagged(
                &l,
                "Premier Lưu Minh Khánh spoke on Monday about the economy. Luu Minh Khanh met officials, and Khanh left."
            ),
            vec!["Luu Minh Khanh"]
        );
    }

    #[test]
    fn a_sentence_opener_that_is_no_english_word_is_a_name() {
        let l = lint();
        assert_eq!(
            flagged(&l, "Moammar Gaddafi ruled. Gaddafi fled. Gaddafi died. Qaddafi was buried."),
            vec!["Qaddafi"]
        );
        // A common word opening a sentence is no name.
        assert!(flagged(&l, "Mr Leter spoke. Leter left. Leter returned. Later the council met.").is_empty());
    }

    #[test]
    fn fuzzy_one_word_differs() {
        let l = lint();
        assert_eq!(
            flagged(
                &l,
                "Prime Minister Pham Minh Chinh spoke. Pham Minh Chinh left. Later Pham Minh Trinh returned."
            ),
            vec!["Pham Minh Trinh"]
        );
    }

    #[test]
    fn one_word_in_capitals() {
        let l = lint();
        let text = "Headline About Rodgers\nThe duo Rodgers and Hart wrote songs.\nLater Richard RODGERS left. Rodgers died in 1979.";
        assert_eq!(flagged(&l, text), vec!["RODGERS"]);
        assert_eq!(crate::lint::testing::fixed(&l, text), text.replace("RODGERS", "Rodgers"));
        assert_eq!(
            flagged(
                &l,
                "Gwyneth Paltrow spoke.\nShe said so.\nPALTROW has two children, and Paltrow is proud of them."
            ),
            vec!["PALTROW"]
        );
        assert_eq!(
            flagged(
                &l,
                "Cases rose in the South.\nOfficials said North KOREA has received aid. Korea denied it, and Korea agreed."
            ),
            vec!["KOREA"]
        );
        assert_eq!(
            flagged(
                &l,
                "Fires burned on Saturday.\nRain is expected on Saturday. Winds stay strong through SATURDAY."
            ),
            vec!["SATURDAY"]
        );
    }

    #[test]
    fn surname_in_capitals_beside_the_full_name() {
        let l = lint();
        assert_eq!(
            flagged(
                &l,
                "Chinese President Xi Jinping sent a message on Monday. Officials said XI would attend the summit."
            ),
            vec!["XI"]
        );
        for ok in [
            // The last word of a full name: an acronym, not a given name.
            "Kim Jong Un met envoys on Monday. The UN said the talks went well.",
            // Opening a sentence, or a word the document writes in lowercase.
            "Chinese President Xi Jinping sent a message on Monday. XI would attend the summit, officials said.",
            "Defence chief Go Min-su arrived. Officials said GO was the word and the troops would go home.",
        ] {
            assert!(flagged(&l, ok).is_empty(), "{ok}: {:?}", flagged(&l, ok));
        }
    }

    #[test]
    fn one_word_in_capitals_traps() {
        let l = lint();
        for ok in [
            // A dateline, a run of capitals, an opening word in capitals.
            "WASHINGTON (Reuters) - Officials in Washington met. Washington agreed.",
            "VIRGINIA BEACH, Va. -- The city of Virginia Beach met. Virginia agreed.",
            "SÃO PAULO, Nov 9 — Officials in Sao Paulo met. Paulo Costa agreed. Paulo left.",
            "BARCELONA will sell players, said Barcelona. Barcelona agreed.",
            // Emphasis: the word is written in lowercase too.
            "First line here.\nNever say never, said Mr Never. We will NEVER stop. Never again.",
            // A key joined by a hyphen.
            "Press Ctrl twice.\nUse CTRL-] to jump. Then hold Ctrl again.",
            // A label, never a name in running text.
            "Note: this is new.\nIt is NOTE worthy. Note: again.",
            // A headline in capitals.
            "RODGERS AND HART\nRichard Rodgers wrote songs. Rodgers died.",
        ] {
            assert!(flagged(&l, ok).is_empty(), "{ok}: {:?}", flagged(&l, ok));
        }
    }

    #[test]
    fn one_word_with_other_diacritics() {
        let l = lint();
        let text = "The Rajasthan government met.\nThe Rajasthan assembly sat, and the Rajásthan High Court ruled.";
        assert_eq!(flagged(&l, text), vec!["Rajásthan"]);
        assert_eq!(crate::lint::testing::fixed(&l, text), text.replace("Rajásthan", "Rajasthan"));
        assert_eq!(
            flagged(
                &l,
                "Fires burned on Saturday.\nRain fell on Saturday. By Satürday morning it was out."
            ),
            vec!["Satürday"]
        );
        // Once each: the spelling with diacritics is taken as the usual one.
        let text = "Finance Minister Mehmet Simsek said the plan was working. \u{15e}im\u{15f}ek added that his ministry would act.";
        assert_eq!(flagged(&l, text), vec!["Simsek"]);
        // Two people.
        let ok = "José Ortiz spoke. Jose Luis Reyes and Jose Luis Reyes left.";
        assert!(flagged(&l, ok).is_empty(), "{ok}: {:?}", flagged(&l, ok));
    }
}
