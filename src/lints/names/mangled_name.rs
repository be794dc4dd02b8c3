use std::cell::{OnceCell, RefCell};
use std::cmp::Reverse;
use std::sync::Arc;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::declare_lint;
use crate::document::names::{
    east_asian_like, east_asian_shape, edit_distance, fold_key, is_one_or_two_syllables, is_syllable, morphological_pair, Mention,
    NameTable,
};
use crate::document::Document;
use crate::finding::{Applicability, FileId};
use crate::lint::{BuildCx, Ctx, Lint, RuleInfo};
use crate::lints::pronouns::entities::GivenNames;
use crate::lints::typography::words::Words;
use crate::source::Span;

declare_lint! {
    /// ## What it does
    ///
    /// Flags a name that machine translation has damaged:
    /// - a stutter of name parts: "Park Geun Hyee Geun H", "Pham Minh Chinh Minh Chinh",
    ///   also with the title: "Treasury Secretary Steve Secretary Steve Mnuchin";
    /// - a surname-first East Asian name cut short: "Park Geun was traveling"
    ///   when the document also has the three-part name;
    /// - a common word standing inside such a name: "Minister of Foreign
    ///   Affairs Ri his Gwon" (a listed word), or any short lowercase
    ///   syllable when the name then speaks ("Tran Thi may Anh said");
    /// - a misspelled part of a hyphenated name pair: "the Israel-Palestne talks"
    ///   when "Palestine" is written correctly elsewhere;
    /// - a misspelled name part: "Mnuchen said" when the document writes
    ///   "Mnuchin" twice or more, or once in a way that shows one name is
    ///   meant ("Elena Marchetti" ... "Elena Marchitti", "Samuel Umtiti" ...
    ///   "Umteti");
    /// - a misspelled capitalised word beside the right spelling: "Satorday"
    ///   when the document writes "Saturday", a known word.
    ///
    /// The message names the intended form where the document (or another
    /// document of the run) writes it, with a label there and an unsafe fix.
    ///
    /// ## Why is this bad?
    ///
    /// A mangled name misinforms: readers cannot tell who is meant, and
    /// search and entity linking miss the person.
    ///
    /// ## Example
    ///
    /// ```text
    /// The former leader Park Geun Hyee Geun H flew to Hanoi. State media said
    /// that Park Geun was traveling with Minister of Foreign Affairs Ri his Gwon.
    /// ```
    ///
    /// Use instead: `Park Geun Hye` and `Ri Son Gwon` (as written elsewhere).
    ///
    /// ## How it works
    ///
    /// All checks read the document's name table (capitalised chains, titles
    /// stripped). Decisions rest on evidence in the same document; the rest
    /// of the run is used only to find the intended form and, for
    /// misspellings, to count how often each spelling is used.
    /// - Stutter: inside one name, a run of two or three pieces repeated at
    ///   once, the last piece of the copy equal to, a prefix of, or one edit
    ///   from the original ("Geun Hyee Geun H"). A single repeated word ("Fang
    ///   Fang", "Boutros Boutros-Ghali", "Bora Bora") is never a stutter. The
    ///   title before the name is read with it: a repeat that takes in a
    ///   title word and whose copy ends as the original ("Secretary Steve
    ///   Secretary Steve Mnuchin") is one too. In a name of three pieces or
    ///   more, one piece written twice or cut and then written whole ("Aoki
    ///   Haruto Haruto", "Olaf Bren Brenner") is a stutter when the name
    ///   without it is written elsewhere in the document, or, for the last
    ///   piece written twice, in another document of the run.
    /// - Truncation: a two-piece name of romanised single syllables (surname
    ///   first) followed by a lowercase word or punctuation, when the same
    ///   document has a longer name beginning with those two pieces (not a
    ///   name whose third piece repeats the second: "Li Qiang Qiang" is no
    ///   longer name). Western
    ///   names are exempt: "Martin Luther" may be a whole name.
    /// - Intruder: surname, a lowercase word from a short list (his, her, its,
    ///   their, the, son, sun, moon, young, man, song...), one syllable in
    ///   capitals ("Ri his Gwon"), when a three-part name "Ri X Gwon" is
    ///   written elsewhere, or the surname follows a title.
    /// - Misspelling: a piece of a hyphenated pair ("Israel-Palestne") used once
    ///   in the run, at most two edits from a piece used at least twice that
    ///   this document writes too (or the corrected pair is written elsewhere),
    ///   sharing its first letter and not a derived form ("Sudanese").
    /// - Misspelled part: a part of six letters or more used once in the run,
    ///   not a word or name of the shared word list (pack `english-words`:
    ///   "Slovenia" beside "Slovakia" stays), one edit (two from nine letters)
    ///   from a part with the same first letter that this document writes at
    ///   least twice, and not a derived form, a prefix or a doubled-vowel
    ///   variant of it. In a longer name, the other spelling must be written
    ///   alone or in a name sharing another part ("Refael Ackermann" beside
    ///   "Rafael Gonzaga" are two people). When the whole name is written
    ///   twice with only that part different, `name-variant` reports it
    ///   instead.
    /// - Part written once each: a part used once in the run may also stand
    ///   for a part written only once, when the two differ by the usual slip
    ///   (one vowel for another, or two neighbouring letters swapped, not
    ///   the last two: "Alexandre" / "Alexander") and the document shows one
    ///   name is meant: an earlier name shares another part with this one
    ///   ("Elena Marchetti" / "Elena Marchitti"), or this is a one-word mention
    ///   and an earlier longer name begins or ends with the other spelling
    ///   ("Samuel Umtiti" ... "Umteti"). The later one is flagged.
    /// - Capitalised word: a capitalised word of six letters or more written
    ///   once, not a known word or name, one vowel from a capitalised word
    ///   of the document that is a known word or name ("Satorday" /
    ///   "Saturday", "Menistry" / "Ministry") or is written twice ("Garessa"
    ///   / "Garissa"), unless the two stand in longer names sharing no part
    ///   ("Filipe Luis" / "Felipe Massa", "Hafiz Mohammed Rauf" /
    ///   "Harakat-e-Mohammad": two names) and the right spelling is no common
    ///   word ("Inspector-Genaral" beside "Attorney-General" is a slip) nor
    ///   a known name that is no given name, a place or an institution
    ///   ("South Australea" beside "Western Australia").
    ///
    /// ## Known problems
    ///
    /// A truncation is only seen when the full name (or a stutter of it) is in
    /// the same document; a stutter that repeats no whole piece ("Park
    /// Geunhyee") is left to `name-variant`. A fully translated name ("Sharp"
    /// for a name in another script) cannot be seen. A misspelled part is
    /// seen only when the right spelling is written in the same document,
    /// and when both spellings are written once, only with the evidence
    /// above ("Kaesong" / "Kaesung" alone are left). Two real names one
    /// vowel apart that the word list does not know can be taken for a
    /// misspelling ("Michiel" beside "Michael" in a list of credits).
    /// Consonant slips and dropped letters are not seen when the right
    /// spelling is written once. The intruder check without a
    /// full form in the run needs a title before the surname, and the
    /// suggestion is then only the shape of the problem.
    pub static MANGLED_NAME = {
        name: "mangled-name",
        family: "names",
        severity: Warning,
        status: Preview,
        fix: Some(Applicability::Unsafe),
        english_only: true,
    };
}

#[derive(Default)]
pub struct MangledName {
    /// The shared English word list (pack `english-words`): a one-word name
    /// that is a known word or name ("Slovenia" beside "Slovakia") is never
    /// taken for a misspelling.
    words: Option<Arc<Words>>,
    /// Given names (lexicon of `pronoun-drift`): a known name that is a
    /// given name may be another person's ("Felipe Massa" / "Filipe Luis").
    given: Arc<GivenNames>,
}

impl MangledName {
    pub fn build(cx: &BuildCx) -> Result<Box<dyn Lint>, String> {
        if let Some(key) = cx.options.keys().next() {
            return Err(format!("unknown option `{key}` (this lint has no options)"));
        }
        Ok(Box::new(MangledName {
            words: Some(Words::shared(cx.lexicons)),
            given: GivenNames::shared(cx.lexicons_for(crate::lints::pronouns::pronoun_drift::PRONOUN_DRIFT.name))?,
        }))
    }
}

/// Lowercase words that machine translation puts in place of a name syllable.
const INTRUDERS: &[&str] = &[
    "his", "her", "its", "their", "the", "son", "sun", "moon", "young", "man", "song", "good", "line", "ship", "gold", "jade", "star",
    "rain", "snow", "spring", "bright", "light", "peace", "hero", "tiger", "dragon", "river", "mountain", "flower",
];

/// A name written somewhere in the run.
#[derive(Clone, Copy, Debug)]
struct Place<'d> {
    form: &'d str,
    doc: usize,
    span: Span,
}

/// A three-piece name of the run with its fold key.
#[derive(Clone, Copy, Debug)]
struct LongName<'d> {
    place: Place<'d>,
    key: &'d str,
    /// The character of the key after the first two pieces (as `complete` reads it).
    third: Option<char>,
}

/// Arguments of `RunNames::complete` for the whole run.
type CompleteKey<'d> = (&'d str, &'d str, Option<char>);

/// Three-piece East Asian names (no stutter) by their first two pieces.
type LongNames<'d> = HashMap<(&'d str, &'d str), Vec<LongName<'d>>>;

/// Hyphenated pairs by pattern ("austria-*" and "*-hungary") -> (piece, place).
type Compounds<'d> = HashMap<String, Vec<(String, Place<'d>)>>;

/// What the run knows about names, built on first use in one pass over the
/// mentions outside headlines and datelines.
#[derive(Default)]
struct RunIndex<'d> {
    /// Folded piece -> uses (pieces of five letters or more: the only ones
    /// ever asked for).
    piece_counts: HashMap<&'d str, usize>,
    long_names: LongNames<'d>,
    compounds: Compounds<'d>,
}

struct RunNames<'d> {
    docs: &'d [&'d Document],
    index: OnceCell<RunIndex<'d>>,
    /// Answers of `complete` for the whole run (a, b, initial).
    cache: RefCell<HashMap<CompleteKey<'d>, Vec<Place<'d>>>>,
}

impl Lint for MangledName {
    fn rules(&self) -> Vec<RuleInfo> {
        vec![RuleInfo::from(&MANGLED_NAME)]
    }

    fn check(&self, doc: &Document, _cx: &mut Ctx) {
        // Build the name table now, while the document is fresh in the cache
        // (and in parallel): the corpus phase reads it.
        doc.names();
        // The tokens are freed before the corpus phase: find misspelled
        // capitalised words now and keep them.
        if let Some(words) = &self.words {
            let slips = capital_slips(doc, words, &self.given);
            if !slips.is_empty() {
                doc.keep(CapitalSlips(slips));
            }
        }
    }

    fn has_corpus_phase(&self) -> bool {
        true
    }

    fn check_corpus(&self, docs: &[&Document], cx: &mut Ctx) {
        let run = RunNames::new(docs);
        for (di, &doc) in docs.iter().enumerate() {
            let table = doc.names();
            if table.mentions.is_empty() {
                continue;
            }
            let index = DocIndex::default();
            let here = Here {
                doc,
                di,
                docs,
                run: &run,
                index: &index,
            };
            let mut reported: Vec<Span> = Vec::new();
            for m in &table.mentions {
                stutter(&here, m, cx);
                truncation(&here, m, cx);
                misspelling(&here, m, cx);
                if let Some(words) = &self.words {
                    reported.extend(misspelled_word(&here, m, words, cx));
                }
            }
            if let Some(slips) = doc.kept::<CapitalSlips>() {
                for slip in slips.0.iter().filter(|s| !reported.iter().any(|r| r.overlaps(s.span))) {
                    let f = cx.report_in(
                        doc.id,
                        slip.span,
                        format!("'{}' looks like a misspelling of '{}'", slip.word, slip.target),
                    );
                    f.label(slip.target_span, format!("written '{}' here", slip.target));
                    f.replace(slip.target.clone(), Applicability::Unsafe);
                    f.help("the word is spelled correctly elsewhere in this document");
                }
            }
            for pair in table.mentions.windows(2) {
                if let [a, b] = pair {
                    intruder(&here, a, b, cx);
                }
            }
        }
    }
}

/// The document being checked, with the run.
struct Here<'a, 'd> {
    doc: &'d Document,
    di: usize,
    docs: &'d [&'d Document],
    run: &'a RunNames<'d>,
    /// Lookups of the document, built on first use.
    index: &'a DocIndex<'d>,
}

impl<'d> Here<'_, 'd> {
    /// First two pieces -> first mention (outside headlines) with three or more pieces.
    fn longer(&self) -> &Longer<'d> {
        self.index.longer.get_or_init(|| DocIndex::longer(self.doc))
    }

    /// First letter -> (folded piece, where it is written), first use of each piece.
    fn pieces(&self) -> &Pieces<'d> {
        self.index.pieces.get_or_init(|| DocIndex::pieces(self.doc, self.di))
    }
}

/// See [`Here::longer`].
type Longer<'d> = HashMap<(&'d str, &'d str), (&'d Mention, Vec<&'d str>)>;

/// See [`Here::pieces`].
type Pieces<'d> = HashMap<char, Vec<(&'d str, Place<'d>)>>;

/// Per-document lookups, each built on first use.
#[derive(Default)]
struct DocIndex<'d> {
    longer: OnceCell<Longer<'d>>,
    pieces: OnceCell<Pieces<'d>>,
}

impl<'d> DocIndex<'d> {
    fn longer(doc: &'d Document) -> Longer<'d> {
        let mut longer = HashMap::default();
        let table = doc.names();
        for m in table.mentions.iter().filter(|m| !m.headline && m.piece_count() >= 3) {
            let ps: Vec<&str> = table.piece_keys(m).collect();
            // (Not a piece written twice: "Li Qiang Qiang" is "Li Qiang"
            // stuttered, no longer name.)
            if let [a, b, c, rest @ ..] = ps.as_slice() {
                if c == b || (b.chars().count() >= 3 && c.starts_with(b)) {
                    continue;
                }
                // A person's name: the pieces after the first two are
                // syllables too ("Tan Viet Logistics" is a company, and "Tan
                // Viet" its short name), unless the name stutters ("Ryu Sung
                // Mine Sung M").
                if !std::iter::once(c).chain(rest).all(|p| is_one_or_two_syllables(p)) && find_stutter(&ps).is_none() {
                    continue;
                }
                longer.entry((*a, *b)).or_insert_with(|| (m, ps.clone()));
            }
        }
        longer
    }

    fn pieces(doc: &'d Document, di: usize) -> Pieces<'d> {
        let mut pieces: Pieces<'d> = HashMap::default();
        let mut seen: HashSet<&str> = HashSet::default();
        let text = doc.source.text.as_str();
        let table = doc.names();
        for m in table.mentions.iter().filter(|m| !m.headline) {
            if table.piece_keys(m).all(|q| seen.contains(q)) {
                continue;
            }
            for (q, span) in table.piece_keys(m).zip(table.piece_spans(m, text)) {
                if seen.insert(q) {
                    if let Some(c) = q.chars().next() {
                        pieces.entry(c).or_default().push((
                            q,
                            Place {
                                form: doc.text(span),
                                doc: di,
                                span,
                            },
                        ));
                    }
                }
            }
        }
        pieces
    }
}

impl<'d> RunNames<'d> {
    fn new(docs: &'d [&'d Document]) -> RunNames<'d> {
        RunNames {
            docs,
            index: OnceCell::new(),
            cache: RefCell::new(HashMap::default()),
        }
    }

    fn index(&self) -> &RunIndex<'d> {
        self.index.get_or_init(|| {
            let mut run = RunIndex::default();
            // Per distinct form of a document: a mention with it, and its
            // number of mentions outside headlines and datelines.
            let mut per_form: Vec<(usize, usize)> = Vec::new();
            for (di, &doc) in self.docs.iter().enumerate() {
                let table = doc.names();
                per_form.clear();
                per_form.resize(table.form_count(), (0, 0));
                for (mi, m) in table.mentions.iter().enumerate().filter(|(_, m)| !m.headline && !m.dateline) {
                    if let Some((first, n)) = per_form.get_mut(m.form_index()) {
                        if *n == 0 {
                            *first = mi;
                        }
                        *n += 1;
                    }
                    if m.piece_count() == 3 {
                        add_long_name(&mut run.long_names, table, m, di);
                    }
                    if m.has_compound() {
                        add_compounds(&mut run.compounds, doc, m, di);
                    }
                }
                for &(mi, n) in per_form.iter().filter(|(_, n)| *n > 0) {
                    let Some(m) = table.mentions.get(mi) else { continue };
                    for p in table.piece_keys(m).filter(|p| p.len() >= 5) {
                        *run.piece_counts.entry(p).or_default() += n;
                    }
                }
            }
            run
        })
    }

    /// Uses of a folded piece outside headlines and datelines (counted for
    /// pieces of at least five letters; shorter ones read 0).
    fn count(&self, piece: &str) -> usize {
        self.index().piece_counts.get(piece).copied().unwrap_or(0)
    }

    fn long_names(&self) -> &LongNames<'d> {
        &self.index().long_names
    }

    fn compounds(&self) -> &Compounds<'d> {
        &self.index().compounds
    }

    /// Three-piece names starting with `a b` whose third piece starts with
    /// `initial` (if given): same document first, else the run; distinct forms.
    fn complete(&self, a: &'d str, b: &'d str, initial: Option<char>, doc: usize) -> Vec<Place<'d>> {
        let Some(list) = self.long_names().get(&(a, b)) else {
            return Vec::new();
        };
        let fits = |p: &&LongName| initial.is_none_or(|c| p.third == Some(c));
        // Places are in document order: this document's are one run.
        let lo = list.partition_point(|p| p.place.doc < doc);
        let hi = list.partition_point(|p| p.place.doc <= doc);
        let here: Vec<&LongName> = list.get(lo..hi).unwrap_or(&[]).iter().filter(fits).collect();
        if !here.is_empty() {
            return distinct(here);
        }
        let key = (a, b, initial);
        if let Some(v) = self.cache.borrow().get(&key) {
            return v.clone();
        }
        let v = distinct(list.iter().filter(fits).collect());
        self.cache.borrow_mut().insert(key, v.clone());
        v
    }
}

/// Record a three-piece East Asian name (no stutter, no piece written
/// twice) by its first two pieces.
fn add_long_name<'d>(long_names: &mut LongNames<'d>, table: &'d NameTable, m: &'d Mention, di: usize) {
    let pieces: Vec<&str> = table.piece_keys(m).collect();
    if let [a, b, c] = pieces.as_slice() {
        // (Nor a piece written twice: "Li Qiang Qiang".)
        let repeat = c == b || (b.chars().count() >= 3 && c.starts_with(b));
        if east_asian_like(&pieces) && find_stutter(&pieces).is_none() && !repeat {
            // The key is the concatenation of the pieces.
            let key = table.key(m);
            let third = key.chars().nth(a.len() + b.len());
            long_names.entry((*a, *b)).or_default().push(LongName {
                place: Place {
                    form: table.form(m),
                    doc: di,
                    span: m.span,
                },
                key,
                third,
            });
        }
    }
}

/// Record the hyphenated pairs of a mention under both patterns.
fn add_compounds<'d>(compounds: &mut Compounds<'d>, doc: &'d Document, m: &Mention, di: usize) {
    let text = doc.source.text.as_str();
    for part in doc.names().parts(m) {
        let Some(s) = text.get(part.range()) else { continue };
        let ps: Vec<&str> = s.split('-').collect();
        if ps.len() < 2 || ps.iter().any(|p| !p.chars().next().is_some_and(char::is_uppercase)) {
            continue;
        }
        let folded: Vec<String> = ps.iter().map(|p| fold_key(p)).collect();
        for i in 0..folded.len() {
            let mut pat = folded.clone();
            pat[i] = "*".into();
            compounds.entry(pat.join("-")).or_default().push((
                folded[i].clone(),
                Place {
                    form: ps[i],
                    doc: di,
                    span: *part,
                },
            ));
        }
    }
}

/// One place per distinct name (fold key), in the form most places use
/// (ties: the first written); names in order of first place.
fn distinct<'d>(pool: Vec<&LongName<'d>>) -> Vec<Place<'d>> {
    let mut groups: Vec<Vec<&LongName>> = Vec::new();
    let mut by_key: HashMap<&str, usize> = HashMap::default();
    for p in pool {
        match by_key.get(p.key) {
            Some(&g) => groups[g].push(p),
            None => {
                by_key.insert(p.key, groups.len());
                groups.push(vec![p]);
            }
        }
    }
    groups
        .into_iter()
        .filter_map(|places| {
            let mut counts: HashMap<&str, usize> = HashMap::default();
            for p in &places {
                *counts.entry(p.place.form).or_default() += 1;
            }
            let count = |f: &str| counts.get(f).copied().unwrap_or(0);
            places
                .iter()
                .max_by_key(|p| (count(p.place.form), Reverse((p.place.doc, p.place.span.start))))
                .map(|p| p.place)
        })
        .collect()
}

/// (start, length) of a stutter: pieces[i..i+L] repeated at once, the last
/// piece of the copy equal, a prefix, or one edit away.
fn find_stutter<S: AsRef<str>>(pieces: &[S]) -> Option<(usize, usize)> {
    let p = |i: usize| pieces[i].as_ref();
    for l in 2..=3 {
        for i in 0..pieces.len() {
            if i + 2 * l > pieces.len() {
                break;
            }
            let same = (0..l - 1).all(|k| p(i + k) == p(i + l + k));
            if !same {
                continue;
            }
            let (x, y) = (p(i + l - 1), p(i + 2 * l - 1));
            let close = x == y || x.starts_with(y) || y.starts_with(x) || edit_distance(x, y) <= 1;
            if close {
                return Some((i, l));
            }
        }
    }
    None
}

fn file_of(docs: &[&Document], i: usize) -> Option<FileId> {
    docs.get(i).map(|d| d.id)
}

fn label_place(f: &mut crate::finding::Finding, docs: &[&Document], di: usize, p: &Place) {
    let msg = format!("written '{}' here", p.form);
    if p.doc == di {
        f.label(p.span, msg);
    } else if let Some(id) = file_of(docs, p.doc) {
        f.label_in(id, p.span, msg);
    }
}

fn stutter(h: &Here, m: &Mention, cx: &mut Ctx) {
    if m.all_caps {
        return;
    }
    if m.piece_count() < 4 {
        if !piece_stutter(h, m, cx) {
            title_stutter(h, m, cx);
        }
        return;
    }
    let (doc, di, table) = (h.doc, h.di, h.doc.names());
    let pieces: Vec<&str> = table.piece_keys(m).collect();
    if pieces.len() < 4 {
        return;
    }
    let Some((i, l)) = find_stutter(&pieces) else {
        if !piece_stutter(h, m, cx) {
            title_stutter(h, m, cx);
        }
        return;
    };
    let spans = table.piece_spans(m, &doc.source.text);
    let (Some(first), Some(last)) = (spans.first(), spans.get(i + 2 * l - 1)) else {
        return;
    };
    let span = Span::new(first.start, last.end);
    let written = doc.text(span).to_string();
    // The intended name: the pieces before the repeat plus one piece.
    let k = i + l - 1;
    let candidates = if k == 2 {
        h.run.complete(pieces[0], pieces[1], pieces[k].chars().next(), di)
    } else {
        Vec::new()
    };
    match candidates.as_slice() {
        [one] => {
            let f = cx.report_in(
                doc.id,
                span,
                format!("name parts repeated in '{written}'; the name is written '{}'", one.form),
            );
            label_place(f, h.docs, di, one);
            f.replace(one.form.to_string(), Applicability::Unsafe);
            f.help("machine translation repeated part of the name");
        }
        _ => {
            let f = cx.report_in(doc.id, span, format!("name parts repeated in '{written}'"));
            f.help("machine translation repeated part of the name; write it once");
        }
    }
}

/// One piece written twice, or cut and then written whole, inside a name of
/// three pieces or more: "Hanyu Yuzuru Yuzuru", "Hanyu Yuzu Yuzuru", "Olaf
/// Scho Scholz". Only when the name without that piece is written elsewhere
/// in the document, or, for the last piece, in another document of the run
/// (so "Fang Fang" and "Ali Ali Khan" alone stay silent).
fn piece_stutter(h: &Here, m: &Mention, cx: &mut Ctx) -> bool {
    if m.piece_count() < 3 || m.headline {
        return false;
    }
    let (doc, table) = (h.doc, h.doc.names());
    let keys: Vec<&str> = table.piece_keys(m).collect();
    for j in 0..keys.len().saturating_sub(1) {
        let (x, y) = (keys[j], keys[j + 1]);
        if !(x == y || (x.chars().count() >= 3 && y.starts_with(x))) {
            continue;
        }
        let reduced = keys.iter().enumerate().filter(|&(k, _)| k != j).map(|(_, k)| *k);
        let found = |d: &'_ Document| {
            let t = d.names();
            t.mentions
                .iter()
                .find(|o| !o.headline && o.span != m.span && t.piece_keys(o).eq(reduced.clone()))
                .map(|o| o.span)
        };
        // In this document, or, for the last piece written twice ("Li Qiang
        // Qiang"), in another document of the run.
        let place = found(doc).map(|sp| (h.di, sp)).or_else(|| {
            (j + 2 == keys.len())
                .then(|| {
                    h.docs
                        .iter()
                        .enumerate()
                        .filter(|&(d, _)| d != h.di)
                        .find_map(|(d, o)| found(o).map(|sp| (d, sp)))
                })
                .flatten()
        });
        let Some((od, ospan)) = place else {
            continue;
        };
        let written = doc.text(m.span).to_string();
        let form = h.docs[od].text(ospan).to_string();
        let f = cx.report_in(
            doc.id,
            m.span,
            format!("name parts repeated in '{written}'; the name is written '{form}'"),
        );
        if od == h.di {
            f.label(ospan, format!("written '{form}' here"));
        } else {
            f.label_in(h.docs[od].id, ospan, format!("written '{form}' here"));
        }
        f.replace(form, Applicability::Unsafe);
        f.help("machine translation repeated part of the name");
        return true;
    }
    false
}

/// A stutter that repeats the title with the name: "Treasury Secretary
/// Steve Secretary Steve Mnuchin", "President Trump President Trump's".
/// The title words are read with the name's pieces; the repeat must take
/// in a title word, and the copy must end as the original does.
fn title_stutter(h: &Here, m: &Mention, cx: &mut Ctx) {
    let Some(title) = m.title() else { return };
    let doc = h.doc;
    let text = doc.source.text.as_str();
    // The title stands right before the name.
    if title.end > m.span.start
        || !text
            .get(title.end..m.span.start)
            .is_some_and(|g| g.chars().all(char::is_whitespace))
    {
        return;
    }
    let table = doc.names();
    let t = doc.text(title);
    // Cheap test first: a title word written again, in the title or in
    // the name.
    let tw = || {
        t.split(char::is_whitespace)
            .map(|w| w.trim_end_matches('.'))
            .filter(|w| !w.is_empty())
    };
    let repeated = tw().enumerate().any(|(i, w)| {
        tw().skip(i + 1).any(|x| x.eq_ignore_ascii_case(w)) || table.piece_keys(m).any(|k| k.len() == w.len() && w.eq_ignore_ascii_case(k))
    });
    if !repeated {
        return;
    }
    let mut words: Vec<(String, Span)> = Vec::new();
    let mut at = 0;
    for w in t.split(char::is_whitespace) {
        let start = title.start + at;
        at += w.len() + 1;
        let w = w.trim_end_matches('.');
        if !w.is_empty() {
            words.push((fold_key(w), Span::new(start, start + w.len())));
        }
    }
    let n_title = words.len();
    words.extend(table.piece_keys(m).map(str::to_string).zip(table.piece_spans(m, text)));
    if words.len() < 4 {
        return;
    }
    let keys: Vec<&str> = words.iter().map(|(k, _)| k.as_str()).collect();
    let Some((i, l)) = find_stutter(&keys) else { return };
    // The repeat takes in a title word, and the copy ends as the original.
    if i >= n_title || keys.get(i + l - 1) != keys.get(i + 2 * l - 1) {
        return;
    }
    let (Some(first), Some(end_orig), Some(last)) = (words.get(i), words.get(i + l - 1), words.get(i + 2 * l - 1)) else {
        return;
    };
    let span = Span::new(first.1.start, last.1.end);
    let once = doc.text(Span::new(first.1.start, end_orig.1.end)).to_string();
    let f = cx.report_in(doc.id, span, format!("title and name repeated in '{}'", doc.text(span)));
    f.replace(once, Applicability::Unsafe);
    f.help("machine translation repeated part of the title and name; write it once");
}

fn truncation(h: &Here, m: &Mention, cx: &mut Ctx) {
    if m.headline || m.all_caps || m.part_count() == 0 || m.piece_count() != 2 {
        return;
    }
    let (doc, di, table) = (h.doc, h.di, h.doc.names());
    let mut pk = table.piece_keys(m);
    let (Some(p0), Some(p1), None) = (pk.next(), pk.next(), pk.next()) else {
        return;
    };
    if !east_asian_shape(&[p0, p1]) {
        return;
    }
    let after = doc.prose.get(m.span.end..).and_then(|s| s.chars().next());
    let ends = m.next_lower || m.possessive || matches!(after, Some(',' | '.' | ';' | ':' | ')' | '!' | '?'));
    if !ends {
        return;
    }
    // Evidence in this document: a longer name starting with these pieces.
    let Some((evidence, ev_pieces)) = h.longer().get(&(p0, p1)) else {
        return;
    };
    let initial = if find_stutter(ev_pieces).is_some() {
        ev_pieces[2].chars().next()
    } else {
        None
    };
    let candidates = h.run.complete(p0, p1, initial, di);
    let written = table.form(m);
    match candidates.as_slice() {
        [one] => {
            let f = cx.report_in(
                doc.id,
                m.span,
                format!("'{written}' looks cut short; the name is written '{}'", one.form),
            );
            label_place(f, h.docs, di, one);
            f.replace(one.form.to_string(), Applicability::Unsafe);
            f.help("surname-first names are shortened to the surname alone, not to surname and first syllable");
        }
        [] => {
            let ev_form = table.form(evidence);
            let f = cx.report_in(
                doc.id,
                m.span,
                format!("'{written}' looks cut short ('{ev_form}' is written here too)"),
            );
            f.label(evidence.span, format!("written '{ev_form}' here"));
            f.help("surname-first names are shortened to the surname alone, not to surname and first syllable");
        }
        many => {
            let names: Vec<String> = many.iter().map(|p| format!("'{}'", p.form)).collect();
            let f = cx.report_in(doc.id, m.span, format!("'{written}' looks cut short ({})", names.join(" or ")));
            for p in many {
                label_place(f, h.docs, di, p);
            }
            f.help("surname-first names are shortened to the surname alone, not to surname and first syllable");
        }
    }
}

fn intruder(h: &Here, a: &Mention, b: &Mention, cx: &mut Ctx) {
    if a.block != b.block || a.headline || a.all_caps || b.all_caps || a.possessive {
        return;
    }
    // One listed word between single spaces.
    if !(5..=10).contains(&b.span.start.saturating_sub(a.span.end)) {
        return;
    }
    let (doc, di, table) = (h.doc, h.di, h.doc.names());
    let Some(between) = doc.prose.get(a.span.end..b.span.start) else {
        return;
    };
    let Some(word) = between.strip_prefix(' ').and_then(|s| s.strip_suffix(' ')) else {
        return;
    };
    // Or any short lowercase syllable when the name then speaks: "Nguyen
    // Thi may Anh said" has no other reading.
    let speaks = || {
        let after = doc.prose.get(b.span.end..).unwrap_or("");
        let next = after
            .strip_prefix(' ')
            .unwrap_or("")
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        matches!(next, "said" | "says" | "told" | "added" | "wrote")
    };
    let spoken = !INTRUDERS.contains(&word)
        && (3..=4).contains(&word.len())
        && !["nor", "but", "yet", "for", "not", "who", "and"].contains(&word)
        && word.bytes().all(|c| c.is_ascii_lowercase())
        && is_syllable(word)
        && speaks()
        && table.piece_keys(a).count() <= 3
        && table.piece_keys(a).all(is_syllable);
    if !INTRUDERS.contains(&word) && !spoken {
        return;
    }
    let mut pb = table.piece_keys(b);
    let (Some(x), Some(y), None) = (table.piece_keys(a).next_back(), pb.next(), pb.next()) else {
        return;
    };
    if x.len() > 5 || y.len() > 5 || !is_syllable(x) || !is_syllable(y) || b.part_count() != 1 {
        return;
    }
    let spans = table.piece_spans(a, &doc.source.text);
    let Some(start) = spans.last() else { return };
    let span = Span::new(start.start, b.span.end);
    let written = doc.text(span).to_string();
    // A three-part name "x ? y" written in the run.
    let mut found: Vec<Place> = Vec::new();
    for (_, places) in h.run.long_names().iter().filter(|((p0, _), _)| *p0 == x) {
        for p in places {
            let f = p.key;
            if f.ends_with(y) && !found.iter().any(|o| fold_key(o.form) == *f) {
                found.push(p.place);
            }
        }
    }
    found.sort_by_key(|p| (p.doc != di, p.doc, p.span.start));
    match found.first() {
        Some(one) if found.iter().all(|p| fold_key(p.form) == fold_key(one.form)) => {
            let f = cx.report_in(
                doc.id,
                span,
                format!(
                    "'{word}' in '{written}' looks like a translated name part; the name is written '{}'",
                    one.form
                ),
            );
            label_place(f, h.docs, di, one);
            f.replace(one.form.to_string(), Applicability::Unsafe);
            f.help("machine translation rendered a syllable of the name as an English word");
        }
        _ if (a.title().is_some() && a.part_count() == 1) || spoken => {
            let f = cx.report_in(doc.id, span, format!("'{word}' in '{written}' looks like a translated name part"));
            f.help("machine translation rendered a syllable of the name as an English word; check the person's name");
        }
        _ => {}
    }
}

fn misspelling(h: &Here, m: &Mention, cx: &mut Ctx) {
    if m.headline || m.all_caps || !m.has_compound() {
        return;
    }
    let (doc, di, table, run) = (h.doc, h.di, h.doc.names(), h.run);
    let text = doc.source.text.as_str();
    for part in table.parts(m) {
        let Some(s) = text.get(part.range()) else { continue };
        let ps: Vec<&str> = s.split('-').collect();
        if ps.len() < 2 || ps.iter().any(|p| !p.chars().next().is_some_and(char::is_uppercase)) {
            continue;
        }
        let folded: Vec<String> = ps.iter().map(|p| fold_key(p)).collect();
        let mut offset = part.start;
        for (i, p) in ps.iter().enumerate() {
            let pspan = Span::new(offset, offset + p.len());
            offset += p.len() + 1;
            let fp = &folded[i];
            if fp.chars().count() < 5 || p.chars().all(|c| !c.is_lowercase()) || run.count(fp) != 1 || table.is_lower_piece(fp) {
                continue;
            }
            // Candidates: pieces of this document, and the other piece of
            // pairs written with the same partner in the run.
            let mut cands: Vec<(&str, Place)> = fp
                .chars()
                .next()
                .and_then(|c| h.pieces().get(&c))
                .map(|v| v.iter().filter(|(q, _)| q.len().abs_diff(fp.len()) <= 2).copied().collect())
                .unwrap_or_default();
            let mut pat = folded.clone();
            pat[i] = "*".into();
            if let Some(list) = run.compounds().get(&pat.join("-")) {
                cands.extend(list.iter().map(|(q, place)| (q.as_str(), *place)));
            }
            let best = cands
                .into_iter()
                .filter(|(q, _)| {
                    *q != fp.as_str()
                        && q.chars().next() == fp.chars().next()
                        && q.chars().count() >= 5
                        && run.count(q) >= 2
                        && !morphological_pair(fp, q)
                        && !q.starts_with(fp.as_str())
                        && !fp.starts_with(q)
                        && !doubled_vowel_pair(fp, q)
                })
                .map(|(q, place)| (edit_distance(fp, q), q, place))
                .filter(|(d, q, _)| *d <= if fp.chars().count().min(q.chars().count()) <= 5 { 1 } else { 2 })
                .min_by_key(|(d, q, place)| (*d, std::cmp::Reverse(run.count(q)), place.doc != di, place.doc, place.span.start));
            let Some((_, _, place)) = best else { continue };
            let f = cx.report_in(doc.id, pspan, format!("'{p}' looks like a misspelling of '{}'", place.form));
            label_place(f, h.docs, di, &place);
            f.replace(place.form.to_string(), Applicability::Unsafe);
            f.help("the name is spelled correctly elsewhere");
        }
    }
}

/// A name part used once in the run, one edit (two for long words) from a
/// part this document writes at least twice: "Mnuchen said" beside three
/// "Mnuchin"s, "Amnesty Internetional" beside "Amnesty International". The
/// part must have six letters or more and must not be a known word or name,
/// nor a derived form, a prefix or a doubled-vowel variant of the other.
///
/// A part written once may stand for one written once too, at exactly one
/// edit (not a doubled letter), when the document shows they are one name:
/// the two mentions share another part ("Elena Marchitti" / "Elena
/// Marchetti"), or the part is a one-word mention and the other spelling
/// is the first or last part of a longer name written before it ("Samuel
/// Umtiti ... Umteti"). Returns the spans reported.
fn misspelled_word(h: &Here, m: &Mention, words: &Words, cx: &mut Ctx) -> Vec<Span> {
    let mut out = Vec::new();
    if m.headline || m.all_caps || m.dateline || m.has_compound() {
        return out;
    }
    let (doc, table, run) = (h.doc, h.doc.names(), h.run);
    for (i, (part, fp)) in table.parts(m).iter().zip(table.piece_keys(m)).enumerate() {
        // Six letters or more (a folded key has at least as many bytes as
        // letters: the byte length is the cheap test), used once in the run.
        if fp.len() < 6 || run.count(fp) != 1 {
            continue;
        }
        let p = doc.text(*part);
        let n = fp.chars().count();
        // A plain capitalised word ("McCain" and "DeSantis" are left alone).
        let plain = p.chars().next().is_some_and(char::is_uppercase) && p.chars().skip(1).all(char::is_lowercase);
        if n < 6 || !plain || table.is_lower_piece(fp) || words.known(p, u8::MAX) {
            continue;
        }
        let first = fp.chars().next();
        let Some(cands) = first.and_then(|c| h.pieces().get(&c)) else {
            continue;
        };
        let close: Vec<(usize, &str, &Place, usize)> = cands
            .iter()
            .filter(|(q, place)| {
                *q != fp
                    && q.len().abs_diff(fp.len()) <= 2
                    && place.doc == h.di
                    && !morphological_pair(fp, q)
                    && !q.starts_with(fp)
                    && !fp.starts_with(q)
                    && !doubled_vowel_pair(fp, q)
            })
            .map(|(q, place)| (edit_distance(fp, q), *q, place))
            .filter(|(d, q, _)| *d <= if n.min(q.chars().count()) < 9 { 1 } else { 2 })
            .map(|(d, q, place)| (d, q, place, doc_uses(table, q)))
            .collect();
        if close.is_empty() {
            continue;
        }
        let keys: Vec<&str> = table.piece_keys(m).collect();
        let twice = close
            .iter()
            .filter(|&&(_, _, _, uses)| uses >= 2)
            .min_by_key(|(d, _, place, uses)| (*d, Reverse(*uses), place.span.start));
        let (q, place, evidence) = match twice {
            Some(&(_, q, place, uses)) => (q, place, Evidence::Twice(uses)),
            None => {
                // Written once each: the document must show they are one name.
                let once = close
                    .iter()
                    .filter(|&&(_, q, _, uses)| uses == 1 && slip_pair(fp, q))
                    .find_map(|&(_, q, place, _)| one_name(table, m, &keys, fp, q).map(|e| (q, place, e)));
                let Some(found) = once else { continue };
                found
            }
        };
        // The same name with only this part different, written twice:
        // `name-variant` reports the whole name.
        let same_name = keys.len() > 1
            && table
                .mentions
                .iter()
                .filter(|o| {
                    o.part_count() == keys.len()
                        && table
                            .piece_keys(o)
                            .enumerate()
                            .all(|(j, k)| if j == i { k == q } else { keys.get(j) == Some(&k) })
                })
                .count()
                >= 2;
        if same_name {
            continue;
        }
        // Two people: the other spelling is written only in names that share
        // no other part with this one ("Refael Ackermann" / "Rafael Gonzaga").
        if keys.len() > 1 {
            let mut with_q = table
                .mentions
                .iter()
                .filter(|o| o.part_count() >= 2 && table.piece_keys(o).any(|k| k == q))
                .peekable();
            if with_q.peek().is_some() && !with_q.any(|o| table.piece_keys(o).any(|k| k != q && keys.contains(&k))) {
                continue;
            }
        }
        let message = match evidence {
            Evidence::Twice(uses) => format!(
                "'{p}' looks like a misspelling of '{}', written {} times in this document",
                place.form, uses
            ),
            Evidence::Shared(o) | Evidence::Earlier(o) => {
                format!("'{p}' looks like a misspelling of '{}' (as in '{}')", place.form, table.form(o))
            }
        };
        let f = cx.report_in(doc.id, *part, message);
        label_place(f, h.docs, h.di, place);
        f.replace(place.form.to_string(), Applicability::Unsafe);
        f.help("the name is spelled correctly elsewhere");
        out.push(*part);
    }
    out
}

/// Why a part is taken for a misspelling of another.
enum Evidence<'t> {
    /// The other spelling is written this many times in the document.
    Twice(usize),
    /// A name sharing another part with this mention is written with the
    /// other spelling.
    Shared(&'t Mention),
    /// A one-word mention; a longer name written before it begins or ends
    /// with the other spelling.
    Earlier(&'t Mention),
}

/// Whether the document shows that the part `fp` of mention `m` (pieces
/// `keys`) and the piece `q` written once elsewhere are one name: a mention
/// with `q` shares another piece with `m`, or `m` is one word and an
/// earlier mention of two or more parts begins or ends with `q`.
fn one_name<'t>(table: &'t NameTable, m: &Mention, keys: &[&str], fp: &str, q: &str) -> Option<Evidence<'t>> {
    let body = |o: &&Mention| !o.headline && !o.dateline && o.part_count() >= 2;
    if keys.len() > 1 {
        // Written once each: the later one is taken for the slip.
        return table
            .mentions
            .iter()
            .filter(body)
            .take_while(|o| o.span.start < m.span.start)
            .find(|o| {
                let ks = table.piece_keys(o);
                ks.clone().any(|k| k == q) && !ks.clone().any(|k| k == fp) && ks.into_iter().any(|k| k != q && keys.contains(&k))
            })
            .map(Evidence::Shared);
    }
    table
        .mentions
        .iter()
        .filter(body)
        .take_while(|o| o.span.start < m.span.start)
        .filter(|o| {
            let mut ks = table.piece_keys(o);
            ks.next() == Some(q) || ks.next_back() == Some(q)
        })
        .last()
        .map(Evidence::Earlier)
}

/// A capitalised word written once in the document, not a known word or
/// name, one edit from a known word or name the document writes capitalised
/// ("Satorday" beside "Saturday", "Washengton" beside "Washington"): the
/// word list settles which of the two is right.
struct Slip {
    span: Span,
    word: String,
    target: String,
    target_span: Span,
}

/// The slips of a document, kept for the corpus phase.
struct CapitalSlips(Vec<Slip>);

/// Find the [`Slip`]s of a document. Words one vowel apart share a
/// signature (their length, first letter and letters with the vowels
/// masked); only words sharing one are compared.
fn capital_slips(doc: &Document, words: &Words, given: &GivenNames) -> Vec<Slip> {
    let mut out = Vec::new();
    let prose = doc.prose.as_bytes();
    // Plain capitalised ASCII words of six letters or more (possessive
    // stripped), and words in capitals (evidence only).
    let mut plain: Vec<(&str, Span)> = Vec::new();
    let mut shouted: Vec<(&str, Span)> = Vec::new();
    for c in doc.names().capitals() {
        let b = prose.get(c.span.range()).unwrap_or(&[]);
        if b.len() < 6 || !b.first().is_some_and(u8::is_ascii_uppercase) {
            continue;
        }
        let Some(w) = doc.prose.get(c.span.range()) else { continue };
        if b.get(1).is_some_and(u8::is_ascii_lowercase) {
            let w = crate::document::names::strip_possessive(w).0;
            if w.len() >= 6 && w.bytes().skip(1).all(|x| x.is_ascii_lowercase()) {
                plain.push((w, Span::new(c.span.start, c.span.start + w.len())));
            }
        } else if b.iter().all(u8::is_ascii_uppercase) {
            shouted.push((w, c.span));
        }
    }
    if plain.is_empty() || plain.len() + shouted.len() < 2 || plain.len() >= 1 << 16 {
        return out;
    }
    // Signature in the high 48 bits, index in the low 16 (0xFFFF: a word
    // in capitals).
    let mut sigs: Vec<u64> = Vec::with_capacity(plain.len() + shouted.len());
    sigs.extend(plain.iter().enumerate().map(|(i, (w, _))| skeleton(w) << 16 | i as u64));
    sigs.extend(shouted.iter().map(|(w, _)| skeleton(w) << 16 | 0xFFFF));
    sigs.sort_unstable();
    let uses = |w: &str| plain.iter().filter(|(x, _)| *x == w).count();
    let mut done: Vec<&str> = Vec::new();
    for run in sigs.chunk_by(|a, b| a >> 16 == b >> 16).filter(|r| r.len() >= 2) {
        let word = |x: &u64| plain.get((x & 0xFFFF) as usize).map(|(w, _)| *w);
        // Only one word written (maybe several times): nothing to compare.
        let first = run.first().and_then(word);
        if run.iter().all(|x| word(x) == first) {
            continue;
        }
        for x in run {
            let Some(&(w, span)) = plain.get((x & 0xFFFF) as usize) else {
                continue;
            };
            if done.contains(&w) || uses(w) != 1 || words.known(w, u8::MAX) {
                continue;
            }
            done.push(w);
            let others: Vec<&str> = run.iter().filter_map(word).filter(|v| *v != w).collect();
            if let Some(slip) = slip_for(doc, words, given, w, span, &others, &plain, &shouted) {
                out.push(slip);
            }
        }
    }
    out
}

/// The vowel-masked signature of an ASCII word (see [`capital_slips`]),
/// 48 bits: a word in capitals gets that of its lowercase form.
fn skeleton(w: &str) -> u64 {
    let b = w.as_bytes();
    let first = u64::from(b.first().map_or(0, u8::to_ascii_lowercase));
    let mut h: u64 = 0;
    for &c in b {
        let c = c | 0x20;
        let v = if matches!(c, b'a' | b'e' | b'i' | b'o' | b'u') { b'*' } else { c };
        h = h.wrapping_mul(0x0100_0000_01B3).wrapping_add(u64::from(v));
    }
    ((b.len() as u64 & 0x3F) << 42 | first << 34 | (h & ((1 << 34) - 1))) & ((1 << 48) - 1)
}

/// The slip of `w` (written once, unknown) among the words sharing a
/// signature with it (`others`), if one of them is a known word or a word
/// written twice, and the two are not in the names of two people.
#[allow(clippy::too_many_arguments)]
fn slip_for(
    doc: &Document,
    words: &Words,
    given: &GivenNames,
    w: &str,
    span: Span,
    others: &[&str],
    plain: &[(&str, Span)],
    shouted: &[(&str, Span)],
) -> Option<Slip> {
    let lw = w.to_ascii_lowercase();
    let first = w.as_bytes().first();
    let places = |v: &str| plain.iter().filter(|(x, _)| *x == v).map(|(_, sp)| *sp).collect::<Vec<Span>>();
    let fits = |v: &str| {
        let lv = v.to_ascii_lowercase();
        v != w && v.len() == w.len() && v.as_bytes().first() == first && slip_pair(&lw, &lv) && !morphological_pair(&lw, &lv)
    };
    let best = others
        .iter()
        .copied()
        .filter(|v| fits(v))
        .map(|v| (v, places(v)))
        // A known word, or a word written at least twice.
        .filter(|(v, p)| p.len() >= 2 || words.known(v, u8::MAX))
        .max_by_key(|(_, p)| (p.len(), Reverse(p.first().map_or(0, |s| s.start))));
    let Some((v, places)) = best else {
        // A known word written in capitals: "Virginea Beach" beside
        // "VIRGINIA BEACH".
        let (usual, target_span) = shouted.iter().find_map(|&(sw, sp)| {
            let ls = sw.to_ascii_lowercase();
            let usual: String = sw.chars().take(1).chain(ls.chars().skip(1)).collect();
            (fits(&usual) && words.known(&usual, u8::MAX)).then_some((usual, sp))
        })?;
        return Some(Slip {
            span,
            word: w.to_string(),
            target: usual,
            target_span,
        });
    };
    let table = doc.names();
    // Two people: this word is a part of a longer name, and the other is
    // written only in longer names that share no part with it ("Filipe
    // Luis" / "Felipe Massa"; a hyphenated name counts by its pieces:
    // "Hafiz Mohammed Saeed" / "Jaish-e-Mohammad").
    let mention_at = |sp: Span| {
        let i = table.mentions.partition_point(|m| m.span.end <= sp.start);
        table.mentions.get(i).filter(|m| m.span.start <= sp.start && m.piece_count() >= 2)
    };
    // (A common word is misspelled in any name: "Inspector-Genaral" beside
    // "Attorney-General"; so is a known name that is no given name, a
    // place or an institution: "South Australea" beside "Western
    // Australia".)
    let common = words.is_word(&v.to_ascii_lowercase(), u8::MAX) || (words.is_capitalised(v) && given.get(v).is_none());
    if let Some(mw) = mention_at(span) {
        let same_person = common
            || places.iter().any(|&sp| match mention_at(sp) {
                None => true,
                Some(mv) => table.piece_keys(mv).any(|k| k != lw && table.piece_keys(mw).any(|x| x == k)),
            });
        if !same_person {
            return None;
        }
        // The same name with only this word different, written twice:
        // `name-variant` reports the whole name.
        let keys: Vec<&str> = table.piece_keys(mw).collect();
        let lv = v.to_ascii_lowercase();
        let same_name = table
            .mentions
            .iter()
            .filter(|o| {
                table.piece_keys(o).count() == keys.len()
                    && table
                        .piece_keys(o)
                        .zip(&keys)
                        .all(|(k, x)| if *x == lw { k == lv } else { k == *x })
            })
            .count()
            >= 2;
        if same_name {
            return None;
        }
    }
    Some(Slip {
        span,
        word: w.to_string(),
        target: v.to_string(),
        target_span: *places.first()?,
    })
}

/// Whether two words (folded or lowercase) differ by the usual slip in a
/// name: one vowel written for another ("Marchitti" / "Marchetti": an
/// unstressed vowel is the letter spellers guess), or two neighbouring
/// letters swapped ("Kirshna" / "Krishna"), but not the last two ("-re" /
/// "-er": "Alexandre" / "Alexander" are two spellings of a name).
/// Consonant changes and added or dropped letters are left alone: they tell
/// real names apart ("Marcin" / "Marlin", "Michal" / "Michael").
fn slip_pair(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() || a == b {
        return false;
    }
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a.get(i) != b.get(i)).collect();
    match diff.as_slice() {
        [i] => a.get(*i).copied().is_some_and(vowel) && b.get(*i).copied().is_some_and(vowel),
        [i, j] => *j == i + 1 && j + 1 < a.len() && a.get(*i) == b.get(*j) && a.get(*j) == b.get(*i),
        _ => false,
    }
}

/// Mentions (outside headlines and datelines) of this document with the
/// folded piece `q`.
fn doc_uses(table: &NameTable, q: &str) -> usize {
    table
        .mentions
        .iter()
        .filter(|m| !m.headline && !m.dateline && table.piece_keys(m).any(|k| k == q))
        .count()
}

/// Whether two words differ only by a doubled vowel ("Shanxi" / "Shaanxi"):
/// a doubled vowel is a deliberate distinction in romanised names.
fn doubled_vowel_pair(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    if long.len() != short.len() + 1 {
        return false;
    }
    let lb = long.as_bytes();
    (1..lb.len()).any(|i| {
        lb[i] == lb[i - 1]
            && matches!(lb[i], b'a' | b'e' | b'i' | b'o' | b'u')
            && long
                .get(..i)
                .zip(long.get(i + 1..))
                .is_some_and(|(x, y)| x.len() + y.len() == short.len() && short.starts_with(x) && short.ends_with(y))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{fixed, flagged};

    fn run_docs(texts: &[&str]) -> Vec<(usize, String, String)> {
        crate::lint::testing::run_corpus(&MangledName::default(), texts)
    }

    #[test]
    fn stutter() {
        assert_eq!(
            flagged(
                &MangledName::default(),
                "The former minister Ryu Sung Mine Sung M Tuesday heads for Hanoi."
            ),
            vec!["Ryu Sung Mine Sung M"]
        );
        assert_eq!(
            flagged(
                &MangledName::default(),
                "Prime Minister Pham Minh Chinh Minh Chinh spoke. Pham Minh Chinh left."
            ),
            vec!["Pham Minh Chinh Minh Chinh"]
        );
        // Names with several particles stay one chain.
        assert_eq!(
            flagged(
                &MangledName::default(),
                "Ilse van der Berg spoke on Monday. Later Ilse van der Berg van der Berg left."
            ),
            vec!["Ilse van der Berg van der Berg"]
        );
        assert_eq!(
            fixed(&MangledName::default(), "Leader Ryu Sung Min spoke. Ryu Sung Mine Sung M left."),
            "Leader Ryu Sung Min spoke. Ryu Sung Min left."
        );
        // One piece repeated or cut, against the name written elsewhere.
        for (text, want) in [
            (
                "Aoki Haruto won. Aoki Haru Haruto first won gold in 2014. Aoki Haruto left.",
                "Aoki Haru Haruto",
            ),
            (
                "Aoki Haruto won. Aoki Haruto Haruto first won gold. Aoki Haruto left.",
                "Aoki Haruto Haruto",
            ),
            (
                "Olaf Brenner spoke. Olaf Bren Brenner arrived. Olaf Brenner left.",
                "Olaf Bren Brenner",
            ),
        ] {
            assert_eq!(flagged(&MangledName::default(), text), vec![want], "{text}");
        }
        assert_eq!(
            fixed(&MangledName::default(), "Olaf Brenner spoke. Olaf Bren Brenner arrived."),
            "Olaf Brenner spoke. Olaf Brenner arrived."
        );
        // Without the shorter name elsewhere, nothing.
        assert!(flagged(&MangledName::default(), "Aoki Haru Haruto won gold in 2014.").is_empty());
    }

    #[test]
    fn last_piece_twice_with_the_name_in_another_document() {
        let f = run_docs(&[
            "Premier Ryu Sung Sung met investors in Hanoi on Tuesday.",
            "Premier Ryu Sung spoke on Monday.",
        ]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].0 == 0 && f[0].1 == "Ryu Sung Sung" && f[0].2.contains("'Ryu Sung'"), "{f:?}");
        // Not a repeat inside the name, nor a name written only in its own
        // document.
        let f = run_docs(&["Mr Ali Ali Khan met investors on Tuesday.", "Mr Ali Khan spoke on Monday."]);
        assert!(f.is_empty(), "{f:?}");
        let f = run_docs(&["Premier Ryu Sung Sung met investors on Tuesday.", "Premier Park spoke on Monday."]);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn truncation() {
        assert_eq!(
            flagged(
                &MangledName::default(),
                "Leader Ryu Sung Min arrived. Officials said that Ryu Sung was traveling."
            ),
            vec!["Ryu Sung"]
        );
        // A company's short name.
        assert!(flagged(
            &MangledName::default(),
            "Tan Viet Logistics opened a depot. Officials said Tan Viet, which employs 300 people, will expand."
        )
        .is_empty());
        assert_eq!(
            flagged(
                &MangledName::default(),
                "Minister Nguyen Quoc Bao arrived. Officials said Nguyen Quoc would stay."
            ),
            vec!["Nguyen Quoc"]
        );
        // A piece written twice is no longer name: the stutter is flagged,
        // the name it repeats is not cut short.
        assert_eq!(
            flagged(
                &MangledName::default(),
                "Premier Ryu Sung spoke on Monday. Ryu Sung said so. Premier Ryu Sung Sung later met investors."
            ),
            vec!["Ryu Sung Sung"]
        );
        let f = run_docs(&[
            "Leader Ryu Sung Min arrived in Hanoi.",
            "Leader Ryu Sung Mine Sung M left. Officials said that Ryu Sung was traveling.",
        ]);
        assert!(
            f.iter().any(|(d, t, m)| *d == 1 && t == "Ryu Sung" && m.contains("'Ryu Sung Min'")),
            "{f:?}"
        );
        assert!(
            f.iter()
                .any(|(d, t, m)| *d == 1 && t == "Ryu Sung Mine Sung M" && m.contains("'Ryu Sung Min'")),
            "{f:?}"
        );
    }

    #[test]
    fn intruder() {
        // Any short lowercase syllable when the name then speaks.
        assert_eq!(
            flagged(
                &MangledName::default(),
                "Chief financial officer Tran Thi may Anh said the company had cut its debt."
            ),
            vec!["Thi may Anh"]
        );
        assert!(flagged(
            &MangledName::default(),
            "Either Lee or Kim said so. Premier Li Qiang met Wang on Monday."
        )
        .is_empty());
        assert_eq!(
            flagged(
                &MangledName::default(),
                "He traveled with the Minister of Foreign Affairs Pak his Chol on Monday."
            ),
            vec!["Pak his Chol"]
        );
        assert_eq!(
            fixed(&MangledName::default(), "Minister Pak Son Chol spoke. Later Pak son Chol left."),
            "Minister Pak Son Chol spoke. Later Pak Son Chol left."
        );
    }

    #[test]
    fn misspelled_compound() {
        let text = "The Ethiopia-Eritera war goes on. Eritrea said. Eritrea fought.";
        assert_eq!(flagged(&MangledName::default(), text), vec!["Eritera"]);
        assert_eq!(
            fixed(&MangledName::default(), text),
            "The Ethiopia-Eritrea war goes on. Eritrea said. Eritrea fought."
        );
        let f = run_docs(&["The Ethiopia-Eritrea war goes on in Eritrea.", "The Ethiopia-Eritera war goes on."]);
        assert_eq!(f.len(), 1, "{f:?}");
    }

    #[test]
    fn misspelled_one_word_name() {
        let l = crate::lint::testing::build_builtin(MangledName::build);
        let text = "Treasury Secretary Steven Mnuchin spoke on Monday. Mnuchin said the bill was ready. \
Later Mnuchen said talks would go on.";
        assert_eq!(flagged(l.as_ref(), text), vec!["Mnuchen"]);
        assert_eq!(
            flagged(
                l.as_ref(),
                "Amnesty International said so. Transparency International agreed. Amnesty Internetional researcher Ana Ruiz spoke."
            ),
            vec!["Internetional"]
        );
        assert_eq!(fixed(l.as_ref(), text), text.replace("Mnuchen", "Mnuchin"));
        for ok in [
            // Known names one letter apart.
            "Slovakia voted. Slovakia agreed, and Slovenia did not.",
            // Used once each, or a derived form, or a prefix.
            "Mnuchin spoke. Mnuchen left.",
            "Germany voted. Germany agreed. A German official spoke.",
            "Sudan voted. Sudan agreed. Sudanese troops left.",
            "Bolsonaro spoke. Bolsonaro left. Bolsonaros arrived.",
            // A doubled vowel is a deliberate distinction.
            "Shaanxi grew. Shaanxi exported coal. Shanxi did not.",
            // Two people with given names one letter apart.
            "Rafael Gonzaga spoke. Rafael Gonzaga left. Refael Ackermann stayed.",
            // The whole name differs in one part: `name-variant` reports it.
            "Amnesty International said so. Amnesty International agreed. Amnesty Internetional left.",
            // Too short to judge.
            "Kiev spoke. Kiev left. Kyiv won.",
        ] {
            assert!(flagged(l.as_ref(), ok).is_empty(), "{ok}: {:?}", flagged(l.as_ref(), ok));
        }
    }

    #[test]
    fn precision_traps() {
        for ok in [
            "The writer Fang Fang kept a diary. Fang Fang was attacked.",
            "Boutros Boutros-Ghali met Bora Bora officials in Baden-Baden.",
            "Martin Luther King led marches. Martin Luther was a monk.",
            "John Paul II visited. John Paul was a name.",
            "Mohammed bin Salman met Charles de Gaulle's heirs.",
            "President Moon Jae-in met Sun Yat-sen's heirs. General Secretary To Lam spoke.",
            "Ryu Sung Min met Ryu Sung Il. Ryu Il Chol founded the state. Ryu Yo Sung spoke.",
            "Ryu Sung Min and his sister Ryu Yo Sung. Ryu said so.",
            "Nepal's army and Nepalese voters. The Sino-Nepalese talks.",
            "The Austria-Bavaria treaty. Australia won.",
            "President Hu Jintao met Ryu in Busan. Hu said Ryu his friend had come.",
            "President Yoon in Busan. Yoon the younger spoke.",
            "Wang Yi said that the talks went well. Wang Yi left.",
            "The Shanxi-Hebei border. Shaanxi and Shaanxi again.",
        ] {
            assert!(
                flagged(&MangledName::default(), ok).is_empty(),
                "{ok}: {:?}",
                flagged(&MangledName::default(), ok)
            );
        }
    }

    #[test]
    fn misspelled_once_each_with_evidence() {
        let l = crate::lint::testing::build_builtin(MangledName::build);
        // The other spelling is a known word or name.
        let text = "The protest began on Saturday in Washington, officials said. Later on Satorday evening, police left Washengton.";
        assert_eq!(flagged(l.as_ref(), text), vec!["Satorday", "Washengton"]);
        assert_eq!(
            fixed(l.as_ref(), text),
            text.replace("Satorday", "Saturday").replace("Washengton", "Washington")
        );
        // A known name that is no given name (a place) in two longer names:
        // one place.
        assert_eq!(
            flagged(l.as_ref(), "Three died in Western Australia, and two in South Australea."),
            vec!["Australea"]
        );
        // Two people sharing a name part ("Elena"): one person.
        assert_eq!(
            flagged(
                l.as_ref(),
                "Elena Marchetti spoke on Monday. Critics said Elena Marchitti was wrong."
            ),
            vec!["Marchitti"]
        );
        // A surname alone after the full name.
        assert_eq!(
            flagged(l.as_ref(), "The defender Samuel Umtiti is injured. Coutinho and Umteti may leave."),
            vec!["Umteti"]
        );
        // A word written twice, inside a title.
        assert_eq!(
            flagged(
                l.as_ref(),
                "Police in Garissa said so. Garissa is calm. Garessa MP Aden Duale called the deaths heinous."
            ),
            vec!["Garessa"]
        );
        // A known word written in capitals.
        assert_eq!(
            flagged(l.as_ref(), "VIRGINIA BEACH, Va. -- The city of Virginea Beach removed a statue."),
            vec!["Virginea"]
        );
        // Two neighbouring letters swapped.
        assert_eq!(
            flagged(l.as_ref(), "Hari Krishna Dara wrote the patch. Later Hari Kirshna Dara fixed it."),
            vec!["Kirshna"]
        );
    }

    #[test]
    fn misspelled_once_each_traps() {
        let l = crate::lint::testing::build_builtin(MangledName::build);
        for ok in [
            // Written once each, no evidence which is right.
            "Rescuers reached Kaesong on Monday. Later Kaesung city was closed.",
            // A consonant, or a letter added or dropped: other names.
            "Michael Geddes wrote it. Michal fixed it.",
            "The Marlin hotel opened. Marcin spoke.",
            // Two spellings of one given name ("-re" / "-er").
            "Alexander spoke. Alexandre replied.",
            // Two people: different surnames.
            "Felipe Massa raced. Filipe Luis played.",
            "Victor Hugo wrote. Viktor Orban spoke.",
            // ... and a hyphenated name counts by its pieces.
            "Police blamed Harakat-e-Mohammad for the attack. Later Hafiz Mohammed Rauf was arrested.",
            // Both spellings in one name.
            "The tale of Zizzer Zazzer Zuzz was read.",
            // A doubled letter tells names apart.
            "Janssen spoke. Jansen replied. Philips and Phillips.",
            // Capitals count only for known words.
            "KAESONG CITY, Monday. Kaesung city was closed.",
        ] {
            assert!(flagged(l.as_ref(), ok).is_empty(), "{ok}: {:?}", flagged(l.as_ref(), ok));
        }
    }

    #[test]
    fn stutter_with_title() {
        let l = MangledName::default();
        let text = "No deal yet, Treasury Secretary Steve Secretary Steve Mnuchin said on Monday.";
        assert_eq!(flagged(&l, text), vec!["Secretary Steve Secretary Steve"]);
        assert_eq!(fixed(&l, text), "No deal yet, Treasury Secretary Steve Mnuchin said on Monday.");
        assert_eq!(
            flagged(&l, "The mayor questioned President Trump President Trump's motives."),
            vec!["President Trump President Trump"]
        );
        assert_eq!(
            flagged(
                &l,
                "The parade was led by Air Chief Marshal Chief Marshal R K S Bhadauria and others."
            ),
            vec!["Chief Marshal Chief Marshal"]
        );
        for ok in [
            "Prime Minister Pham Minh Chinh met President Trump.",
            "The Secretary of State Mike Pompeo met Secretary General Antonio Guterres.",
            "Vice President Mike Pence and President Mike Smith met.",
        ] {
            assert!(flagged(&l, ok).is_empty(), "{ok}: {:?}", flagged(&l, ok));
        }
    }
}
