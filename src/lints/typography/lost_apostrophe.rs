use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::Arc;

use crate::declare_lint;
use crate::document::{Document, TokenKind};
use crate::finding::{Applicability, Edit};
use crate::lint::{BuildCx, Ctx, Lint, RuleInfo};
use crate::source::Span;

use super::words::{with_lowercase, Words};
use super::{is_capitalised, next_word, prev_word, PairFilter, BASE_VERBS, CARDINALS};
use crate::lints::pronouns::entities::GivenNames;

declare_lint! {
    /// ## What it does
    ///
    /// Flags a possessive or a contraction that lost its apostrophe ("Rutos
    /// Motorcade", "Kenyas news agency", "in Rutos for the first time",
    /// "leaders Wholl join", "they didnt say"), and a possessive apostrophe
    /// put after the "s" of a singular name ("Rutos' presence" for "Ruto's
    /// presence").
    ///
    /// ## Why is this bad?
    ///
    /// Machine translation and careless text pipelines drop apostrophes. The
    /// result reads as a typo or, worse, as a plural ("the Rutos").
    ///
    /// ## Example
    ///
    /// ```text
    /// Ruto left on Monday. Rutos motorcade entered Uganda early on Tuesday.
    /// ```
    ///
    /// Use instead: `Kim's train`.
    ///
    /// ## Known problems
    ///
    /// A possessive is flagged only on evidence that its stem is a name, and
    /// never where an occurrence reads as a plural ("the Nehrus have", "two
    /// Koreas", "Houthis said"):
    /// - the stem stands alone elsewhere in the document and the "s" form is
    ///   not a word of the shared English word list (pack `english-words`, a
    ///   commonness threshold, not mere membership);
    /// - or the word list knows the stem as a name ("Germany") but not the
    ///   "s" form, written once inside a sentence, before a capitalised word
    ///   or a noun ("Melbournes west"), never after "the" ("the Philippines
    ///   government"; after "the", a stem the document writes alone must
    ///   stand alone outside longer names: "the Solomons economy" beside
    ///   "Solomon Islands" is a plural name; a man's given name with an "s"
    ///   may be a surname, "Rogers Centre", a woman's may not, "Floridas
    ///   Cape Canaveral"); for a stem that is no man's given name (and, likewise,
    ///   for a stem the document writes alone), also before a
    ///   lowercase word that no plural subject takes: no function word, no
    ///   verb of a short list, no adverb in "-ly", a word in "-ed" or
    ///   "-ing" only before another lowercase word that starts no object
    ///   ("Canberras offer", "Pakistans atomic program"; not "Clintons
    ///   arrived at");
    /// - or a given name (pack `given-names`) or a title comes right before
    ///   and a noun follows ("Roger Taylors birthday", "Mr Gehlots
    ///   government");
    /// - or the "s" form is also a word ("Trumps", "Saturdays") but its stem
    ///   stands alone or is a listed name (not a given name: "Evans"), it
    ///   is written once in running text and a noun follows ("President
    ///   Trumps motives"); plural names of events and teams (pack
    ///   `apostrophes`, "Oscars") never count.
    ///
    /// A noun shows the possessive when it is one that follows possessors
    /// (pack `apostrophes`, `possessed-nouns`: "team", "birthday", "west"),
    /// a superlative, a word with a noun suffix ("decision") or, where the
    /// name cannot end in "s" itself, a plural noun ("Watfords players"),
    /// or, for a stem the document or the list shows to be a name, a word
    /// shaped like a gerund or an adjective before such a noun ("Scotlands
    /// engineering heritage"); a word in "-ed" reads as a plural subject's
    /// verb unless a lowercase content word follows it ("Rutos planned tax
    /// rise" is a possessive, "Vargas planned a party" is not); a word
    /// followed by an object is a verb ("the
    /// Gandhis rule the party").
    /// After "the", "of" or "and" a possessive needs such a noun or a
    /// capital after it. A stem shaped like a demonym ("-i", "-er":
    /// "Houthis", "Lakers") reads as a possessive before a lowercase word
    /// only when the document names a person with it in full, after a title
    /// or a given name ("Narendra Modi ... Modis home state"), when it
    /// writes the possessive with its apostrophe elsewhere ("Ogunbiyi's
    /// certificate ... Ogunbiyis victory"), or as the
    /// short surname that opens a titled East Asian name ("Premier Bai
    /// Qiming ... Bais first visit"). Multiword
    /// names whose last word is a plural are flagged only when the document
    /// writes the name without the "s" and a modifier and a noun follow
    /// ("Downing Streets sudden decision"); "Foreign Offices travel advice"
    /// is missed. A word ending in "-shs" or "-xs" cannot be an English
    /// plural and needs no other evidence ("Uttar Pradeshs Greater Noida").
    /// A possessive is never read before "of", nor, opening a sentence or a
    /// list item, before a preposition, a verb or an article
    /// ("Redistributions in binary form must"); a given name of its own
    /// ("Andreas") is no possessive of a shorter one ("Andrea").
    /// Two lowercase slips are flagged too: a common noun in consonant + "y"
    /// with an "s" that is no word, before a lowercase word ("the countrys
    /// federation": the plural is "countries"), and "it's" after a
    /// preposition, where "it is" cannot stand ("in it's history", "on
    /// it's way"; not after "for", which may mean "because"), or before a
    /// word "it is" cannot take ("launched it's latest phone", "it's own"),
    /// or before a noun and a verb ("it's wording is too vague"). Contractions come from a closed list of forms
    /// that cannot be words ("didnt", "wholl"); "wont" and "cant" only after
    /// a subject pronoun or before a verb such as "be"; "Ive" only before a
    /// past participle that is no past tense ("Ive been", never "Jony Ive
    /// said" nor after a capitalised word); "its", "hell",
    /// "well", "were", "wed" and "shell" are never flagged. The fix inserts
    /// the apostrophe and is unsafe.
    pub static LOST_APOSTROPHE = {
        name: "lost-apostrophe",
        family: "typography",
        severity: Warning,
        status: Preview,
        fix: Some(Applicability::Unsafe),
        english_only: true,
    };
}

/// Rarest commonness class at which an "s" form counts as a real word.
const REAL_WORD_CLASS: u8 = 70;

/// Rarest class of a word of the list counted as the singular of a plural
/// noun ("players" after "Watfords").
const NOUN_CLASS: u8 = 35;

/// The lexicon of nouns and adjectives that follow a possessor.
pub(crate) const POSSESSED_RULE: &str = "possessed-nouns";

/// The lexicons of plural names (never possessives).
const PLURAL_RULES: &[&str] = &["group-plurals"];

pub struct LostApostrophe {
    words: Arc<Words>,
    /// Given names (lexicon of `pronoun-drift`): "Roger" in "Roger Taylor"
    /// shows that "Taylor" is a person's surname.
    given: Arc<GivenNames>,
    /// Contraction without apostrophe (lowercase) -> right form.
    contractions: HashMap<String, String>,
    /// Nouns and adjectives that typically follow a possessor ("team",
    /// "birthday", "west"; lexicon `possessed-nouns`).
    possessed: HashSet<String>,
    /// Plural names of peoples, groups and events ("Kurds", "Oscars";
    /// lexicon `group-plurals`): never possessives.
    plural_names: HashSet<String>,
    /// Shapes (`contraction_shape`) of the contraction keys and of "wont"
    /// and "cant": a cheap pre-check, small enough to stay in the cache.
    shapes: [u64; SHAPE_WORDS],
    /// Last two bytes of every contraction key, sorted (the pre-check for
    /// non-ASCII words, when `ascii_keys` is false).
    endings: Vec<[u8; 2]>,
    /// Every contraction key is ASCII without a "k": then no word with a
    /// non-ASCII character can be one (the only character that lowercases
    /// to ASCII is the Kelvin sign, to "k"), and the shape test alone does.
    ascii_keys: bool,
    /// Bit set of the last two bytes of the keys (bit 5 set, see
    /// `may_end_contraction`); all ones if some key is not ASCII.
    tails: Vec<u64>,
}

/// Bits of the contraction shape filter (4096).
const SHAPE_WORDS: usize = 64;

impl LostApostrophe {
    pub fn build(cx: &BuildCx) -> Result<Box<dyn Lint>, String> {
        if let Some(key) = cx.options.keys().next() {
            return Err(format!("unknown option `{key}` (this lint has no options)"));
        }
        let words = Words::shared(cx.lexicons);
        let given = GivenNames::shared(cx.lexicons_for(crate::lints::pronouns::pronoun_drift::PRONOUN_DRIFT.name))?;
        let mut contractions = HashMap::default();
        let mut possessed = HashSet::default();
        let mut plural_names = HashSet::default();
        for l in cx.lexicons_for(LOST_APOSTROPHE.name) {
            for (k, v) in &l.pairs {
                contractions.insert(k.to_lowercase(), v.clone());
            }
            if l.rule == POSSESSED_RULE {
                possessed.extend(l.entries().map(str::to_string));
            } else if PLURAL_RULES.contains(&l.rule.as_str()) {
                plural_names.extend(l.entries().map(str::to_string));
            }
        }
        let mut shapes = [0u64; SHAPE_WORDS];
        for k in contractions.keys().map(String::as_str).chain(["wont", "cant", "ive"]) {
            let (w, bit) = contraction_shape(k.as_bytes());
            shapes[w] |= bit;
        }
        let mut endings: Vec<[u8; 2]> = contractions
            .keys()
            .filter_map(|k| match *k.as_bytes() {
                [.., a, b] => Some([a, b]),
                _ => None,
            })
            .collect();
        endings.sort_unstable();
        endings.dedup();
        let ascii_keys = contractions.keys().all(|k| k.is_ascii() && !k.contains('k'));
        let mut tails = vec![if ascii_keys { 0u64 } else { !0 }; 1024];
        for k in contractions.keys().map(String::as_str).chain(["wont", "cant", "ive"]) {
            if let [.., a, z] = *k.as_bytes() {
                let i = usize::from(a | 0x20) << 8 | usize::from(z | 0x20);
                tails[i / 64] |= 1 << (i % 64);
            }
        }
        Ok(Box::new(LostApostrophe {
            words,
            given,
            contractions,
            possessed,
            plural_names,
            shapes,
            endings,
            ascii_keys,
            tails,
        }))
    }

    /// Whether a word ending in bytes `a`, `z` may be a contraction key or
    /// "wont"/"cant" in any case (a test on the last two bytes, ASCII case
    /// folded; always true when some key is not ASCII).
    #[inline]
    fn may_end_contraction(&self, a: u8, z: u8) -> bool {
        let k = usize::from(a | 0x20) << 8 | usize::from(z | 0x20);
        self.tails[k / 64] & (1 << (k % 64)) != 0
    }

    /// Whether a word may be a contraction key or "wont"/"cant" in any case
    /// (a cheap test without false negatives; `contraction` decides).
    fn may_be_contraction(&self, w: &[u8]) -> bool {
        if self.ascii_keys || w.is_ascii() {
            let (k, bit) = contraction_shape(w);
            return self.shapes[k] & bit != 0;
        }
        match *w {
            [.., a, z] => self
                .endings
                .binary_search(&[a.to_ascii_lowercase(), z.to_ascii_lowercase()])
                .is_ok(),
            _ => false,
        }
    }
}

/// Filter word and bit of a word's shape: its length and its first and last
/// two bytes with bit 5 set (this lowercases ASCII letters; words equal up
/// to ASCII case keep equal shapes, and other collisions only cost a probe).
#[inline]
fn contraction_shape(w: &[u8]) -> (usize, u64) {
    let at = |i: usize| w.get(i).map_or(0, |&b| u64::from(b | 0x20));
    let n = w.len();
    let key = n as u64 | at(0) << 16 | at(n.wrapping_sub(2)) << 24 | at(n.wrapping_sub(1)) << 32;
    let h = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 52) as usize;
    ((h / 64) % SHAPE_WORDS, 1 << (h % 64))
}

/// Words before a plural, besides [`CARDINALS`]: "the Nehrus", "two
/// Koreas", "both Gandhis".
const DETERMINERS: &[&str] = &[
    "the",
    "both",
    "all",
    "many",
    "several",
    "some",
    "few",
    "these",
    "those",
    "other",
    "more",
    "most",
    "various",
    "numerous",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "no",
    "such",
    "fellow",
    "young",
    "rival",
];

/// Words after which an "s" form is left alone, being more often a plural.
const PLURAL_BEFORE: &[&str] = &["among", "against", "between", "like", "of", "and", "or", "nor", "are", "were"];

/// Words after a plural subject or a plural noun: "Houthis said", "Kurds are".
const PLURAL_AFTER: &[&str] = &[
    "are",
    "were",
    "have",
    "had",
    "say",
    "said",
    "says",
    "do",
    "did",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "must",
    "and",
    "or",
    "who",
    "which",
    "that",
    "themselves",
    "all",
    "both",
    "alike",
    "together",
    "each",
    "fled",
    "live",
    "lived",
    "remain",
    "remained",
    "still",
    "also",
    "often",
    "now",
    "then",
    "there",
    "here",
    "is",
    "was",
    "has",
    "as",
];

/// What shows that the stem "X" of a capitalised "Xs" is a name.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Evidence {
    /// "X" stands alone in the document and "Xs" is no word of the list.
    Alone,
    /// "X" is a name of the word list ("Germany") and "Xs" is not.
    Listed,
    /// A given name or a title comes right before ("Roger Taylors", "Mr
    /// Gehlots") and "Xs" is no word of the list.
    Person,
    /// "Xs" is a word of the list too ("Trumps", "Saturdays"), but "X"
    /// stands alone in the document: only a noun after it decides.
    Known,
}

/// Abbreviated titles: their "-s" forms are titles or plurals ("Mrs",
/// "Drs", "Reps"), never possessives that lost their apostrophe.
const TITLE_ABBREVIATIONS: &[&str] = &[
    "Mr", "Dr", "St", "Mt", "Ft", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "Capt", "Prof", "Supt", "Insp", "Cpl", "Pte", "Adm",
];

/// Words that never follow a possessive opening a sentence or a list item:
/// prepositions, conjunctions and verbs ("Redistributions in binary form
/// must reproduce").
const NEVER_AFTER_OPENING: &[&str] = &[
    "in", "on", "at", "to", "for", "from", "with", "by", "into", "about", "and", "or", "but", "must", "may", "can", "will", "shall",
    "should", "would", "could", "is", "are", "was", "were", "have", "has", "had", "the", "a", "an", "that", "which", "who",
];

/// Prepositions after which "it's" cannot be "it is": "in it's history".
const ITS_AFTER: &[&str] = &[
    "in", "of", "to", "with", "by", "on", "from", "into", "about", "at", "under", "over", "through", "during", "within", "without",
    "across",
];

/// Words after "it's" that may open a clause or a predicate before "is"
/// ("it's what is needed", "it's not that it is"): no noun.
const ITS_NOT_NOUNS: &[&str] = &[
    "what", "who", "which", "that", "this", "not", "also", "just", "still", "only", "all", "now", "here", "there", "why", "how", "because",
    "as", "so", "time", "true", "clear", "possible", "likely", "said", "believed", "thought", "expected",
];

/// Words "it is" cannot take before a noun: "it's own", "it's latest".
const ITS_BEFORE: &[&str] = &[
    "own",
    "latest",
    "largest",
    "biggest",
    "annual",
    "members",
    "shareholders",
    "customers",
    "employees",
    "headquarters",
    "website",
];

/// Titles before a surname ("Mr Gehlots government").
fn is_title(w: &str) -> bool {
    matches!(
        w,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Miss"
            | "Sir"
            | "Dame"
            | "Lord"
            | "Lady"
            | "President"
            | "Senator"
            | "Sen"
            | "Rep"
            | "Governor"
            | "Gov"
            | "Minister"
            | "Secretary"
            | "Chancellor"
            | "Judge"
            | "Justice"
            | "General"
            | "Gen"
            | "Colonel"
            | "Col"
            | "Captain"
            | "Capt"
            | "Coach"
            | "Professor"
            | "Prof"
            | "Prince"
            | "Princess"
            | "King"
            | "Queen"
            | "Pope"
            | "Speaker"
            | "Mayor"
            | "Inspector"
            | "Sergeant"
            | "Sgt"
            | "Detective"
            | "Bishop"
            | "Rev"
            | "Imam"
            | "Rabbi"
            | "Sheikh"
    )
}

/// Words after a verb that show it is one ("rule the party").
const OBJECT_STARTS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "them", "him", "it", "this", "that", "these", "those", "our", "my", "your", "us", "me",
];

/// Suffixes of nouns and adjectives ("decision", "government", "political").
const NOUN_SUFFIXES: &[&str] = &[
    "tion", "sion", "ment", "ness", "ity", "ship", "ance", "ence", "ism", "hood", "ical", "ional", "ology", "ator",
];

/// "-s" words that are no plural nouns.
const NOT_PLURALS: &[&str] = &[
    "always",
    "perhaps",
    "sometimes",
    "afterwards",
    "besides",
    "towards",
    "backwards",
    "forwards",
    "upwards",
    "downwards",
    "nevertheless",
    "nonetheless",
    "whereas",
    "was",
    "has",
    "does",
    "goes",
    "its",
    "this",
    "yes",
    "less",
    "unless",
    "thanks",
    "plus",
    "means",
];

/// "-est" words that are no superlatives.
const NOT_SUPERLATIVES: &[&str] = &[
    "forest", "honest", "modest", "digest", "earnest", "tempest", "interest", "protest", "contest", "request", "suggest", "invest",
    "harvest", "arrest", "conquest", "unrest", "priest", "manifest", "bequest", "behest", "inquest",
];

/// Words before a plural of the word list used as an adverb or a name
/// ("on Saturdays", "every Sundays").
const KNOWN_PLURAL_BEFORE: &[&str] = &["on", "every", "by", "until", "till", "through", "at", "from"];

/// Past participles that are no past tense: "Ive been" is "I've been".
const PARTICIPLES: &[&str] = &[
    "been",
    "seen",
    "done",
    "gone",
    "taken",
    "given",
    "known",
    "written",
    "become",
    "spoken",
    "shown",
    "grown",
    "drawn",
    "driven",
    "broken",
    "chosen",
    "forgotten",
    "eaten",
    "fallen",
    "risen",
    "flown",
    "worn",
    "begun",
    "sung",
    "ridden",
    "hidden",
    "beaten",
    "gotten",
];

/// Subjects before "wont"/"cant" read as contractions.
const SUBJECTS: &[&str] = &[
    "i", "you", "he", "she", "it", "we", "they", "who", "that", "this", "there", "one", "people",
];

/// One possessive candidate: a capitalised word "Xs" (or "Xs'") whose
/// stem "X" may be a name of the document.
struct Candidate {
    /// Token index.
    tok: usize,
    /// "Rutos'": an apostrophe follows.
    trailing: Option<Span>,
}

impl Lint for LostApostrophe {
    fn rules(&self) -> Vec<RuleInfo> {
        vec![RuleInfo::from(&LOST_APOSTROPHE)]
    }

    fn check(&self, doc: &Document, cx: &mut Ctx) {
        let apostrophe = || {
            let curly = doc.source.text.contains('\u{2019}') && !doc.source.text.contains("'s ");
            if curly {
                "\u{2019}"
            } else {
                "'"
            }
        };
        let toks = &doc.tokens;
        let src = doc.source.text.as_bytes();
        // Possible possessives, and the capitalised words (the stems to
        // find among them).
        let mut candidates: Vec<Candidate> = Vec::new();
        let mut capitalised: Vec<usize> = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            if t.kind != TokenKind::Word {
                continue;
            }
            let Some(b) = src.get(t.span.range()) else { continue };
            // Both tests below need words of three bytes or more: a
            // contraction (cheap checks on the last two bytes and on the
            // shape first), and a capitalised word ending in a single "s"
            // (a possessive).
            let (first, a, z) = match *b {
                [first, .., a, z] => (first, a, z),
                [first, ..] => {
                    if first.is_ascii_uppercase() | (first >= 0x80) {
                        capitalised.push(i);
                    }
                    continue;
                }
                [] => continue,
            };
            let upper = first.is_ascii_uppercase() | (first >= 0x80);
            if upper {
                capitalised.push(i);
            }
            let possessive = (z == b's') & (a != b's') & upper;
            // "the countrys federation", "in it's history" (rare: out of line;
            // one test on the last byte for most words).
            if z == b's' && matches!(a, b'y' | b'\'' | 0x99) {
                // (A consonant before the "y": "says", "days", "always" are out.)
                let lower_ys =
                    a == b'y' && first.is_ascii_lowercase() && b.len() >= 5 && !matches!(b[b.len() - 3], b'a' | b'e' | b'i' | b'o' | b'u');
                let its = b.len() >= 4 && b[0] == b'i' && b[1] == b't' && (b == b"it's" || b == "it\u{2019}s".as_bytes());
                if lower_ys || its {
                    self.lowercase_slip(doc, i, its, apostrophe, cx);
                }
            }
            let contraction = self.may_end_contraction(a, z) && self.may_be_contraction(b);
            if !(contraction | possessive) {
                continue;
            }
            // (Rare: out of line, so that the walk stays light.)
            if let Some(c) = self.rare_word(doc, i, contraction, possessive, apostrophe, cx) {
                candidates.push(c);
            }
        }
        if candidates.is_empty() {
            return;
        }
        // Stems to look for, and how often each stands alone (as a word
        // starting with a capital, possibly possessive). Only words that
        // start with the first two bytes of a stem can be one: a filter of
        // 64 bits, in a register.
        let mut stems: HashMap<&str, usize> = HashMap::default();
        for c in &candidates {
            let w = doc.text(doc.tokens[c.tok].span);
            stems.insert(&w[..w.len() - 1], 0);
        }
        for (_, span) in PairFilter::of(stems.keys().copied()).pass(doc, &capitalised) {
            let w = doc.text(span);
            if !w.starts_with(char::is_uppercase) {
                continue;
            }
            if let Some(n) = stems.get_mut(strip_possessive(w)) {
                *n += 1;
            }
        }
        // A candidate needs some evidence for its stem (see `Evidence`): it
        // stands alone, or a name or a title may come before, or the word
        // list knows it as a name (the costliest test, last).
        candidates.retain(|c| {
            let w = doc.text(doc.tokens[c.tok].span);
            let stem = &w[..w.len() - 1];
            // (Evidence from the list needs a word or a comma before: a
            // sentence-initial "This" costs no lookup.)
            stems.get(stem).is_some_and(|&n| n > 0)
                || person_slot(doc, c.tok).is_some()
                || (inside_sentence(doc, c.tok) && self.words.is_capitalised(stem))
        });
        if candidates.is_empty() {
            return;
        }
        self.possessives(doc, &candidates, &stems, apostrophe(), cx);
    }
}

/// Whether capitalised `stem` stands in the document as a word that no
/// capitalised word follows ("the Pentagon said"; not only in "Solomon
/// Islands"). A linear scan, asked only for "the" before a candidate.
fn alone_outside_names(doc: &Document, stem: &str) -> bool {
    doc.tokens.iter().enumerate().any(|(i, t)| {
        t.kind == TokenKind::Word
            && strip_possessive(doc.text(t.span)) == stem
            && !next_word(doc, i).is_some_and(|n| doc.text(doc.tokens[n].span).starts_with(char::is_uppercase))
    })
}

impl LostApostrophe {
    /// A word of `check`'s walk (token `i`) that may be a contraction
    /// (reported here) or a possessive (returned as a candidate).
    #[inline(never)]
    fn rare_word(
        &self,
        doc: &Document,
        i: usize,
        contraction: bool,
        possessive: bool,
        apostrophe: impl Fn() -> &'static str,
        cx: &mut Ctx,
    ) -> Option<Candidate> {
        if contraction {
            self.contraction(doc, i, apostrophe, cx);
        }
        if !possessive {
            return None;
        }
        let toks = &doc.tokens;
        let t = toks.get(i)?;
        let b = doc.source.text.as_bytes().get(t.span.range())?;
        // Capitalised and alphabetic: for ASCII, a capital and lowercase
        // letters.
        let simple = b.first().is_some_and(u8::is_ascii_uppercase) && b[1..].iter().all(u8::is_ascii_lowercase);
        let w = doc.text(t.span);
        if simple || (is_capitalised(w) && w.chars().all(char::is_alphabetic)) {
            let trailing = toks
                .get(i + 1)
                .filter(|n| n.kind == TokenKind::Punct && matches!(doc.text(n.span), "'" | "\u{2019}"))
                .map(|n| n.span)
                // "Rutos' presence": the apostrophe is followed by a space.
                .filter(|_| toks.get(i + 2).is_some_and(|n| n.kind == TokenKind::Space));
            return Some(Candidate { tok: i, trailing });
        }
        None
    }

    /// Two slips of lowercase words: a common noun in "-y" that lost its
    /// possessive apostrophe ("the countrys federation": English writes
    /// the plural "countries"), and "it's" for "its" after a preposition
    /// ("in it's history", "on it's way", where "it is" cannot stand).
    #[inline(never)]
    fn lowercase_slip(&self, doc: &Document, i: usize, its: bool, apostrophe: impl Fn() -> &'static str, cx: &mut Ctx) {
        let t = doc.tokens[i];
        let w = doc.text(t.span);
        let Some(next) = next_word(doc, i) else { return };
        let next_text = doc.text(doc.tokens[next].span);
        if !next_text.starts_with(|c: char| c.is_lowercase()) || NEVER_AFTER_OPENING.contains(&next_text) || next_text == "of" {
            return;
        }
        if its {
            // After a preposition, or before a word "it is" cannot take
            // ("launched it's latest phone", "it's own").
            let Some(p) = prev_word(doc, i) else { return };
            let after_prep = ITS_AFTER.contains(&doc.text(doc.tokens[p].span));
            // "it's wording is too vague": "it is" cannot take a noun and
            // then another verb.
            let noun_then_verb = !ITS_NOT_NOUNS.contains(&next_text)
                && !next_text.ends_with("ly")
                && next_word(doc, next).is_some_and(|v| matches!(doc.text(doc.tokens[v].span), "is" | "was" | "has" | "had" | "remains"));
            if !(after_prep || noun_then_verb || ITS_BEFORE.contains(&next_text)) || doc.in_quote(t.span) {
                return;
            }
            let f = cx.report(t.span, format!("'{w}' means 'it is'; the possessive is 'its'"));
            f.replace("its".to_string(), Applicability::Unsafe);
            f.help("write 'its'");
            return;
        }
        let stem = &w[..w.len() - 1];
        let before_y = stem.as_bytes().get(stem.len().wrapping_sub(2)).copied().unwrap_or(b'a');
        if matches!(before_y, b'a' | b'e' | b'i' | b'o' | b'u') || !w.is_ascii() {
            return;
        }
        if !self.words.is_word(stem, NOUN_CLASS) || self.words.known(w, REAL_WORD_CLASS) || next_text.ends_with("ed") {
            return;
        }
        let fixed = format!("{stem}{}s", apostrophe());
        let f = cx.report(
            t.span,
            format!("'{w}' reads as the possessive '{fixed}', which has lost its apostrophe"),
        );
        f.replace(fixed.clone(), Applicability::Unsafe);
        f.help(format!("the plural of '{stem}' is not '{w}'; write '{fixed}'"));
    }

    fn contraction(&self, doc: &Document, i: usize, apostrophe: impl Fn() -> &'static str, cx: &mut Ctx) {
        let t = doc.tokens[i];
        let w = doc.text(t.span);
        // Lowercase or capitalised only ("DIDNT" in a shouted headline is left alone).
        let rest_lower = if w.is_ascii() {
            w.as_bytes().iter().skip(1).all(u8::is_ascii_lowercase)
        } else {
            w.chars().skip(1).all(char::is_lowercase)
        };
        if !rest_lower {
            return;
        }
        let Some(right) = with_lowercase(w, |lower| self.contraction_of(doc, i, lower)) else {
            return;
        };
        let right = right.replace('\'', apostrophe());
        let fixed = match_first_case(w, &right);
        let f = cx.report(t.span, format!("'{w}' has lost its apostrophe"));
        f.replace(fixed.clone(), Applicability::Unsafe);
        f.help(format!("write '{fixed}'"));
    }

    /// The right form of a contraction written without its apostrophe
    /// (`lower`: the token at `i`, lowercase).
    fn contraction_of(&self, doc: &Document, i: usize, lower: &str) -> Option<String> {
        match self.contractions.get(lower) {
            Some(r) => Some(r.clone()),
            None if lower == "wont" || lower == "cant" => {
                let prev = prev_word(doc, i).map(|p| doc.text(doc.tokens[p].span).to_lowercase());
                let next = next_word(doc, i).map(|n| doc.text(doc.tokens[n].span));
                let next = next?;
                let subject = prev.as_deref().is_some_and(|p| SUBJECTS.contains(&p));
                let verb = BASE_VERBS.contains(&next);
                let lower_next = next.starts_with(|c: char| c.is_lowercase());
                if next == "to" || !lower_next || !(verb || subject) {
                    return None;
                }
                if lower == "wont" {
                    Some("won't".to_string())
                } else {
                    Some("can't".to_string())
                }
            }
            // "Ive been", "Ive even seen": "I've" before a past participle
            // that is no past tense (the surname "Ive" takes verbs too:
            // "Ive designed", "Ive said").
            None if lower == "ive" => {
                if !doc.text(doc.tokens[i].span).starts_with('I')
                    || prev_word(doc, i).is_some_and(|p| is_capitalised(doc.text(doc.tokens[p].span)))
                {
                    return None;
                }
                let n = next_word(doc, i)?;
                let next = doc.text(doc.tokens[n].span);
                let adverb = [
                    "even", "never", "always", "already", "just", "also", "ever", "still", "really", "recently",
                ]
                .contains(&next);
                let participle = if adverb {
                    next_word(doc, n).map(|m| doc.text(doc.tokens[m].span))
                } else {
                    Some(next)
                };
                participle.is_some_and(|p| PARTICIPLES.contains(&p)).then(|| "I've".to_string())
            }
            None => None,
        }
    }

    /// `stems`: how often the stem of each candidate stands alone.
    fn possessives(&self, doc: &Document, candidates: &[Candidate], stems: &HashMap<&str, usize>, apostrophe: &str, cx: &mut Ctx) {
        // The evidence for each candidate (it needs the number of uses of
        // its form), then plural evidence per form with some, over all its
        // occurrences.
        // (Documents have a few candidates: counted by a scan, by a map only
        // when there are many.)
        let form = |c: &Candidate| doc.text(doc.tokens[c.tok].span);
        let many = candidates.len() > 24;
        let mut counted: HashMap<&str, usize> = HashMap::default();
        if many {
            for c in candidates {
                *counted.entry(form(c)).or_insert(0) += 1;
            }
        }
        let uses = |w: &str| {
            if many {
                counted.get(w).copied().unwrap_or(0)
            } else {
                candidates.iter().filter(|c| form(c) == w).count()
            }
        };
        // (Only a candidate before a word can be a possessive: that test
        // first, it is the cheapest.)
        let judged: Vec<(&Candidate, usize, Evidence)> = candidates
            .iter()
            .filter_map(|c| {
                let next = if c.trailing.is_some() {
                    Some(c.tok + 3)
                        .filter(|&n| adjacent(doc, c.tok, n, true) && doc.tokens.get(n).is_some_and(|t| t.kind == TokenKind::Word))
                } else {
                    next_word(doc, c.tok)
                }?;
                let w = doc.text(doc.tokens[c.tok].span);
                self.evidence(doc, c, w, stems, &uses).map(|e| (c, next, e))
            })
            .collect();
        if judged.is_empty() {
            return;
        }
        // Forms with an occurrence that reads as a plural (among the forms
        // judged: by a scan, by a set when there are many).
        let judged_forms: HashSet<&str> = if judged.len() > 24 {
            judged.iter().map(|(c, _, _)| form(c)).collect()
        } else {
            HashSet::default()
        };
        let is_judged = |w: &str| {
            if judged.len() > 24 {
                judged_forms.contains(w)
            } else {
                judged.iter().any(|(j, _, _)| form(j) == w)
            }
        };
        let mut plural: HashSet<&str> = HashSet::default();
        for c in candidates {
            let w = form(c);
            if c.trailing.is_none() && !plural.contains(w) && is_judged(w) && self.plural_context(doc, c.tok) {
                plural.insert(w);
            }
        }
        for (c, next, evidence) in judged {
            let t = doc.tokens[c.tok];
            let w = doc.text(t.span);
            let stem = &w[..w.len() - 1];
            // "Mrs", "Drs", "Reps": a title or its plural, not "Mr's".
            if stem.chars().count() < 2 || plural.contains(w) || TITLE_ABBREVIATIONS.contains(&stem) {
                continue;
            }
            let next_text = doc.text(doc.tokens[next].span);
            let next_cap = next_text.starts_with(|c: char| c.is_uppercase());
            // A possessive heads a noun phrase: never before "of"
            // ("Redistributions of source code"), nor, opening a sentence or
            // a list item, before a preposition or a verb ("Redistributions
            // in binary form must").
            if next_text == "of" || (!inside_sentence(doc, c.tok) && NEVER_AFTER_OPENING.contains(&next_text)) {
                continue;
            }
            // A given name in its own right ("Andreas Schwab", "Anders"),
            // not the possessive of a shorter one.
            if self.given.get(w).is_some() && c.trailing.is_none() && evidence != Evidence::Person {
                continue;
            }
            // A plural noun after "Xs" shows a possessive, unless "Xs" may be
            // a singular name ending in "s" ("Owens wants"): the stem is a
            // given name and nothing else shows it.
            let plural_ok = match evidence {
                Evidence::Alone | Evidence::Known => true,
                Evidence::Listed => !self.patronymic(stem),
                Evidence::Person => false,
            };
            // "of Scotlands engineering heritage": a modifier shaped like a
            // gerund or an adjective, then such a noun (for a stem the
            // document or the list shows to be a name).
            let noun = !next_cap
                && (self.noun_evidence(doc, next, plural_ok)
                    || (matches!(evidence, Evidence::Alone | Evidence::Listed) && self.modifier_then_noun(doc, next))
                    || (matches!(evidence, Evidence::Alone | Evidence::Listed)
                        && plural_ok
                        && !demonym_like(stem)
                        && content_word(doc, next)));
            let prev = prev_word(doc, c.tok).map(|p| doc.text(doc.tokens[p].span).to_lowercase());
            let prev = prev.as_deref().unwrap_or("");
            let determiner = DETERMINERS.contains(&prev) || CARDINALS.contains(&prev);
            let weak_prev = PLURAL_BEFORE.contains(&prev);
            let ok = match evidence {
                Evidence::Alone | Evidence::Listed => {
                    // "the Talibans political spokesman": after "the" or a
                    // word before plurals ("of", "and"), only before a
                    // capital or a word that shows the possessive.
                    // (Never for a name known only from the word list: "the
                    // Philippines government".)
                    // (The stem must stand alone outside longer names: "the
                    // Solomons economy" beside "Solomon Islands" is a plural
                    // name.)
                    let after_det = !determiner || (prev == "the" && noun && evidence == Evidence::Alone && alone_outside_names(doc, stem));
                    let after_weak = !weak_prev || next_cap || noun;
                    // Demonym-like stems ("Houthi", "Laker", "Texan") make
                    // plurals; only a capitalised noun after them shows the
                    // possessive, unless the stem is a person's surname
                    // ("Modi", "Taylor").
                    let demonym = !demonym_like(stem) || next_cap || self.person_surname(doc, stem);
                    // A name known only from the word list needs a capital
                    // (not after a given name: "Rogers Centre") or a noun.
                    let listed = evidence == Evidence::Alone || noun || (next_cap && !self.patronymic(stem));
                    after_det && after_weak && demonym && listed
                }
                // ("President Kais Saied": a given name after a title.)
                Evidence::Person => !determiner && noun,
                Evidence::Known => {
                    let alone = stems.get(stem).copied().unwrap_or(0) > 0;
                    // "Downing Streets sudden decision": the document
                    // writes the name "Downing Street" elsewhere; a
                    // modifier may stand before the noun.
                    let modifier = !next_cap
                        && !PLURAL_AFTER.contains(&next_text)
                        && !next_text.ends_with("ed")
                        && next_word(doc, next).is_some_and(|m| self.noun_evidence(doc, m, false));
                    let noun = noun || (modifier && compound_elsewhere(doc, c.tok));
                    (!determiner || (prev == "the" && alone)) && !weak_prev && !KNOWN_PLURAL_BEFORE.contains(&prev) && noun
                }
            };
            if !ok {
                continue;
            }
            let (span, found) = match c.trailing {
                Some(ap) => (Span::new(t.span.start, ap.end), doc.text(Span::new(t.span.start, ap.end))),
                None => (t.span, w),
            };
            let fixed = format!("{stem}{apostrophe}s");
            let msg = if c.trailing.is_some() {
                format!("'{found}' puts the apostrophe after the 's' of the singular name '{stem}'")
            } else {
                format!("'{found}' reads as the possessive '{fixed}', which has lost its apostrophe")
            };
            let f = cx.report(span, msg);
            f.fix_edits(
                vec![Edit {
                    span,
                    replacement: fixed.clone(),
                }],
                Applicability::Unsafe,
            );
            let why = match evidence {
                Evidence::Alone | Evidence::Known => format!("'{stem}' stands alone elsewhere in the document"),
                Evidence::Listed => format!("'{stem}' is a name and '{w}' is no word"),
                Evidence::Person => format!("'{stem}' follows a given name or a title"),
            };
            f.help(format!("{why}; write '{fixed}'"));
        }
    }

    /// Whether "stem" + "s" may be a surname: the stem is a man's given name
    /// ("Rogers Centre", "Owens wants"). Surnames are made from men's names;
    /// a woman's name that is also a place is not one ("Floridas Kennedy
    /// Space Center", "Georgias sovereignty").
    fn patronymic(&self, stem: &str) -> bool {
        self.given.get(stem) == Some(crate::lints::pronouns::entities::Gender::Male)
    }

    /// What shows that the stem of candidate `c` (the word `w`, written
    /// `uses` times) is a name, if anything.
    fn evidence(
        &self,
        doc: &Document,
        c: &Candidate,
        w: &str,
        stems: &HashMap<&str, usize>,
        uses: &dyn Fn(&str) -> usize,
    ) -> Option<Evidence> {
        let stem = &w[..w.len() - 1];
        let alone = stems.get(stem).copied().unwrap_or(0) > 0;
        // The cheaper tests first: most candidates have no evidence.
        let listed = !alone && self.words.is_capitalised(stem);
        // A name of the list in its own right ("Mars", "Carlos"), unless
        // the document writes the stem alone: not "Mar's" or "Carlo's".
        // (A weekday or a month makes a plural of the list: "Saturdays
        // announcement" is still judged.)
        if listed && self.words.is_capitalised(w) && !with_lowercase(stem, |l| crate::document::CALENDAR.contains(&l)) {
            return None;
        }
        if !alone && !listed {
            if self.words.known(w, REAL_WORD_CLASS) {
                return None;
            }
            // "Uttar Pradeshs Greater Noida", "Marxs theory": English
            // writes the plural of "-sh" and "-x" with "-es"; an "s" right
            // after them is a lost possessive.
            if impossible_plural(w) && inside_sentence(doc, c.tok) && uses(w) == 1 {
                return Some(Evidence::Listed);
            }
            return self.person_cue(doc, c.tok).then_some(Evidence::Person);
        }
        // A word of the list ("Trumps", "Saturdays") may still be a name that
        // stands alone or that the list knows, once and inside a sentence of
        // running text; never a plural name ("Oscars") nor a given name,
        // whose "s" form is also a surname ("Evans", "Adams").
        let may_be_known = c.trailing.is_none() && !self.plural_names.contains(w) && uses(w) == 1;
        if !self.words.known(w, REAL_WORD_CLASS) {
            if alone {
                return Some(Evidence::Alone);
            }
            // (Once, inside a sentence: "Philippines", "Bahamas" recur.)
            if inside_sentence(doc, c.tok) && uses(w) == 1 {
                return Some(Evidence::Listed);
            }
            return self.person_cue(doc, c.tok).then_some(Evidence::Person);
        }
        if !may_be_known || prev_word(doc, c.tok).is_none() || self.given.get(stem).is_some() {
            return None;
        }
        let running = doc
            .block_at(doc.tokens[c.tok].span.start)
            .and_then(|b| doc.blocks.get(b))
            .is_some_and(|b| !b.heading_like && !b.title_case);
        running.then_some(Evidence::Known)
    }

    /// Whether a given name of the `given-names` lexicon ("Roger Taylors")
    /// or a title ("Mr Gehlots", "Mr. Gehlots") comes right before token
    /// `i`.
    fn person_cue(&self, doc: &Document, i: usize) -> bool {
        match person_slot(doc, i) {
            Some(p) => {
                let prev = doc.text(doc.tokens[p].span);
                is_title(prev) || (p + 2 == i && self.given.get(prev).is_some())
            }
            None => false,
        }
    }

    /// Whether the word at token `n` (after a possessive candidate) shows
    /// the possessive: a noun or an adjective that follows possessors
    /// (lexicon `possessed-nouns`), a superlative ("largest"), a word with a
    /// noun suffix ("decision", "government"), or, when `plural_ok`, a
    /// plural noun ("players", "motives"): a plural subject takes no verb in
    /// "-s". Never a word followed by an object ("the Gandhis rule the
    /// party": a verb).
    fn noun_evidence(&self, doc: &Document, n: usize, plural_ok: bool) -> bool {
        let w = doc.text(doc.tokens[n].span);
        if !w.starts_with(|c: char| c.is_lowercase()) {
            return false;
        }
        if next_word(doc, n).is_some_and(|m| OBJECT_STARTS.contains(&doc.text(doc.tokens[m].span))) {
            return false;
        }
        if self.possessed.contains(w) || (w.len() >= 6 && NOUN_SUFFIXES.iter().any(|s| w.ends_with(s))) || self.superlative(w) {
            return true;
        }
        plural_ok && self.plural_noun(w)
    }

    /// Whether the word at token `n` is shaped like a gerund or an adjective
    /// ("engineering", "political", "economic") and a noun of
    /// `noun_evidence` (no plural) follows it.
    fn modifier_then_noun(&self, doc: &Document, n: usize) -> bool {
        let w = doc.text(doc.tokens[n].span);
        let modifier = w.len() >= 6
            && w.starts_with(|c: char| c.is_lowercase())
            && ["ing", "al", "ic", "ary", "ern", "ive", "ous"].iter().any(|e| w.ends_with(e));
        modifier && next_word(doc, n).is_some_and(|m| self.noun_evidence(doc, m, false))
    }

    /// "largest", "biggest", "happiest": "-est" on an adjective of the list.
    fn superlative(&self, w: &str) -> bool {
        let Some(base) = w.strip_suffix("est") else { return false };
        if base.len() < 3 || NOT_SUPERLATIVES.contains(&w) {
            return false;
        }
        let b = base.as_bytes();
        let doubled = b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2];
        self.words.is_word(base, NOUN_CLASS)
            || self.words.is_word(&format!("{base}e"), NOUN_CLASS)
            || (doubled && self.words.is_word(&base[..base.len() - 1], NOUN_CLASS))
            || base
                .strip_suffix('i')
                .is_some_and(|b| self.words.is_word(&format!("{b}y"), NOUN_CLASS))
    }

    /// "players", "services", "policies": an "-s" form of a noun of the
    /// list (not "always", "perhaps").
    fn plural_noun(&self, w: &str) -> bool {
        let Some(one) = w.strip_suffix('s') else { return false };
        if w.len() < 4 || ["ss", "us", "is"].iter().any(|e| w.ends_with(e)) || NOT_PLURALS.contains(&w) {
            return false;
        }
        self.words.is_word(one, NOUN_CLASS)
            || one
                .strip_suffix("ie")
                .is_some_and(|b| self.words.is_word(&format!("{b}y"), NOUN_CLASS))
            || one
                .strip_suffix('e')
                .is_some_and(|b| b.len() >= 3 && self.words.is_word(b, NOUN_CLASS))
    }

    /// Whether `stem` is the surname of a person the document names in
    /// full: the last part of a name of two or more parts after a title
    /// ("Prime Minister Narendra Modi") or after a given name of the
    /// `given-names` lexicon ("Roger Taylor").
    fn person_surname(&self, doc: &Document, stem: &str) -> bool {
        // The document writes the possessive with its apostrophe elsewhere
        // ("Ogunbiyi's certificate"): one person, not a people.
        let with_apostrophe = memchr::memmem::find_iter(doc.prose.as_bytes(), stem.as_bytes()).any(|at| {
            let before = doc.prose.get(..at).and_then(|b| b.chars().next_back());
            let after = doc.prose.get(at + stem.len()..).unwrap_or("");
            let rest = after.strip_prefix("'s").or_else(|| after.strip_prefix("\u{2019}s"));
            !before.is_some_and(char::is_alphanumeric) && rest.is_some_and(|r| !r.starts_with(char::is_alphanumeric))
        });
        if with_apostrophe {
            return true;
        }
        let names = doc.names();
        names.mentions.iter().any(|m| {
            let parts = names.parts(m);
            let titled = m.title().is_some();
            parts.len() >= 2
                && !m.all_caps
                && ((parts.last().is_some_and(|p| doc.text(*p) == stem)
                    && (titled || parts.first().is_some_and(|p| self.given.get(doc.text(*p)).is_some())))
                    // A short surname first after a title ("President Xu
                    // Jinfeng", "Premier Bai Qiming").
                    || (titled && parts.len() <= 3 && stem.chars().count() <= 4 && parts.first().is_some_and(|p| doc.text(*p) == stem)))
        })
    }

    /// Whether this occurrence of "Xs" reads as a plural.
    fn plural_context(&self, doc: &Document, i: usize) -> bool {
        if let Some(p) = prev_word(doc, i) {
            let pt = doc.tokens[p];
            let (det, the) = with_lowercase(doc.text(pt.span), |prev| {
                (DETERMINERS.contains(&prev) || CARDINALS.contains(&prev), prev == "the")
            });
            if det {
                // "the Talibans political spokesman": a noun after "the Xs"
                // shows a possessive ("the Nehrus have ruled" stays plural).
                return !(the && next_word(doc, i).is_some_and(|n| self.noun_evidence(doc, n, true)));
            }
        }
        // A number before it: "10,000 Teslas".
        if let Some(prev) = i.checked_sub(2).and_then(|p| doc.tokens.get(p)) {
            if prev.kind == TokenKind::Number && doc.tokens.get(i - 1).is_some_and(|s| s.kind == TokenKind::Space) {
                return true;
            }
        }
        match next_word(doc, i) {
            Some(n) => {
                let next = doc.text(doc.tokens[n].span);
                // A verb in "-ed" ("the Gandhis ruled", "Smiths planned a"),
                // not a participle before the noun it modifies ("Rutos
                // planned tax rise").
                PLURAL_AFTER.contains(&next)
                    || (next.ends_with("ed") && next.starts_with(|c: char| c.is_lowercase()) && !content_word(doc, n))
            }
            None => false,
        }
    }
}

/// The word token of a title or a given name that may come right before
/// token `i`: the word before one space ("Roger Taylors"), or before a full
/// stop and a space ("Mr. Gehlots"), starting with a capital.
fn person_slot(doc: &Document, i: usize) -> Option<usize> {
    let cap = |p: usize| {
        doc.tokens
            .get(p)
            .is_some_and(|t| t.kind == TokenKind::Word && doc.text(t.span).starts_with(|c: char| c.is_uppercase()))
    };
    if let Some(p) = prev_word(doc, i) {
        return cap(p).then_some(p);
    }
    let p = i.checked_sub(3)?;
    let dot =
        doc.tokens.get(i - 2).is_some_and(|t| doc.text(t.span) == ".") && doc.tokens.get(i - 1).is_some_and(|t| t.kind == TokenKind::Space);
    (dot && cap(p)).then_some(p)
}

/// Whether a word ends in "s" right after "sh" or "x" ("Pradeshs",
/// "Marxs"): no English plural, whose ending there is "-es".
fn impossible_plural(w: &str) -> bool {
    w.len() >= 5 && (w.ends_with("shs") || w.ends_with("xs")) && w.get(1..).is_some_and(|r| r.bytes().all(|b| b.is_ascii_lowercase()))
}

/// Whether the capitalised word before token `i` ("Downing" in "Downing
/// Streets") and the stem of token `i` ("Street") stand together elsewhere
/// in the document as a name, without the "s".
fn compound_elsewhere(doc: &Document, i: usize) -> bool {
    let Some(p) = prev_word(doc, i) else { return false };
    let first = doc.text(doc.tokens[p].span);
    if !is_capitalised(first) {
        return false;
    }
    let w = doc.text(doc.tokens[i].span);
    let stem = &w[..w.len() - 1];
    let pair = format!("{first} {stem}");
    let text = doc.source.text.as_bytes();
    memchr::memmem::find_iter(text, pair.as_bytes()).any(|at| {
        let end = at + pair.len();
        at != doc.tokens[p].span.start && !text.get(end).is_some_and(u8::is_ascii_alphanumeric)
    })
}

/// Whether token `i` follows a word or a comma and one space.
fn inside_sentence(doc: &Document, i: usize) -> bool {
    prev_word(doc, i).is_some()
        || (i >= 2
            && doc.tokens.get(i - 1).is_some_and(|t| t.kind == TokenKind::Space)
            && doc
                .tokens
                .get(i - 2)
                .is_some_and(|t| t.kind == TokenKind::Punct && doc.text(t.span) == ","))
}

/// "Kim’s" -> "Kim"; other words unchanged.
fn strip_possessive(w: &str) -> &str {
    for suf in ["'s", "\u{2019}s"] {
        if let Some(s) = w.strip_suffix(suf) {
            return s;
        }
    }
    w
}

/// Stems whose "s" form is the plural of a people or member noun.
fn demonym_like(stem: &str) -> bool {
    ["i", "ian", "ite", "ist", "er"].iter().any(|s| stem.ends_with(s))
}

/// Words that follow a plural subject or stand between a noun and what
/// follows it, never the head of a possessed noun phrase: "Xs also",
/// "Xs over".
const NOT_CONTENT: &[&str] = &[
    "not", "too", "again", "already", "yet", "just", "even", "only", "over", "under", "up", "down", "out", "off", "back", "away", "than",
    "when", "where", "while", "whose", "whom", "what", "why", "how", "if", "because", "since", "though", "although", "unless", "until",
    "after", "before", "against", "among", "between", "during", "without", "within", "through", "across", "towards", "toward", "per",
    "via", "upon", "onto", "around", "beyond", "near", "like", "unlike", "plus", "minus", "versus", "got", "get", "gets", "being", "went",
    "came", "come", "comes", "go", "goes", "make", "made", "makes", "take", "took", "takes", "want", "wanted", "wants", "need", "needed",
    "needs", "use", "used", "uses", "see", "saw", "seem", "seemed", "seems", "know", "knew", "think", "thought", "told", "tell", "win",
    "won", "lose", "lost", "beat", "met", "meet", "hold", "held", "face", "faced", "agree", "agreed", "claim", "claimed", "play", "played",
    "join", "joined", "visit", "visited", "return", "returned", "did", "does", "doing", "done", "ever", "never", "always", "however",
    "instead", "either", "neither", "such",
];

/// Whether the word at token `n` may head or modify the noun phrase
/// after a name known from the word list ("Canberras offer", "Pakistans
/// atomic program", "Argentinas discredited economy minister"): a
/// lowercase word that no plural subject would take, neither a function
/// word nor a verb of a small list, nor an adverb in "-ly"; a word in
/// "-ed" only before another lowercase word that starts no object.
fn content_word(doc: &Document, n: usize) -> bool {
    let w = doc.text(doc.tokens[n].span);
    if w.len() < 3 || !w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') || w.ends_with("ly") {
        return false;
    }
    if [PLURAL_AFTER, NEVER_AFTER_OPENING, OBJECT_STARTS, NOT_CONTENT]
        .iter()
        .any(|l| l.contains(&w))
    {
        return false;
    }
    if w.ends_with("ed") || w.ends_with("ing") {
        return adjacent_word(doc, n).is_some_and(|m| {
            let m = doc.text(doc.tokens[m].span);
            m.starts_with(|c: char| c.is_ascii_lowercase())
                && !OBJECT_STARTS.contains(&m)
                && !NOT_CONTENT.contains(&m)
                && !PLURAL_AFTER.contains(&m)
        });
    }
    true
}

/// The word right after token `n`, one space on, if any.
fn adjacent_word(doc: &Document, n: usize) -> Option<usize> {
    next_word(doc, n).filter(|&m| adjacent(doc, n, m, false))
}

/// Whether token `n` follows token `i` after one space (and the optional
/// apostrophe): no punctuation or line break between them.
fn adjacent(doc: &Document, i: usize, n: usize, apostrophe: bool) -> bool {
    let gap = if apostrophe { 3 } else { 2 };
    n == i + gap && doc.tokens.get(n - 1).is_some_and(|t| t.kind == TokenKind::Space)
}

/// Carry the case of the first letter over: "Wholl" -> "Who'll".
fn match_first_case(found: &str, right: &str) -> String {
    if found.starts_with(|c: char| c.is_uppercase()) {
        let mut c = right.chars();
        match c.next() {
            Some(f) => f.to_uppercase().chain(c).collect(),
            None => String::new(),
        }
    } else {
        right.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{fixed, flagged};

    fn lint() -> Box<dyn Lint> {
        crate::lint::testing::build_builtin(LostApostrophe::build)
    }

    const SEED: &str = "Ruto left Nairobi on Monday. Ruto met officials.\n\nThe security service said Rutos Motorcade entered Uganda. \
It takes place in Rutos for the first time. Rutos Travel has marked his first visit. Some experts say that Rutos' presence matters. \
The talks collapsed from Rutos earlier Diplomacy. Kenya agreed. The aide told Kenyas Standard that a meeting was under study. \
Ruto and Lula are among The 26 world leaders Wholl join the summit.";

    #[test]
    fn flags_seed_shapes() {
        let l = lint();
        assert_eq!(
            flagged(l.as_ref(), SEED),
            vec!["Wholl", "Rutos", "Rutos", "Rutos", "Rutos'", "Rutos", "Kenyas"]
        );
    }

    #[test]
    fn flags_other_names_and_contractions() {
        let l = lint();
        let text = "Mirziyoyev visited Paris. Mirziyoyevs Plane landed at noon. Officials didnt comment. \
Analysts said Nigeria would act. Nigerias President spoke. He wont be there, and they cant say. \
Pakistan agreed. Pakistans foreign minister spoke to the editor of Pakistans Daily Times.";
        assert_eq!(
            flagged(l.as_ref(), text),
            vec!["didnt", "wont", "cant", "Mirziyoyevs", "Nigerias", "Pakistans", "Pakistans"]
        );
        assert_eq!(
            flagged(
                l.as_ref(),
                "\"I know Ive done something new,\" she said. Ive even seen it. Ive been there."
            ),
            vec!["Ive", "Ive", "Ive"]
        );
        assert!(flagged(l.as_ref(), "Designer Jony Ive said so. Ive designed the phone, and Ive also left.").is_empty());
        assert_eq!(fixed(l.as_ref(), "Ive been there."), "I've been there.");
        assert_eq!(
            fixed(l.as_ref(), "Obi spoke. Later Obis Office said it didnt agree."),
            "Obi spoke. Later Obi's Office said it didn't agree."
        );
        assert_eq!(
            fixed(l.as_ref(), "Ruto’s aide spoke. Rutos Cabinet met."),
            "Ruto’s aide spoke. Ruto’s Cabinet met."
        );
    }

    #[test]
    fn person_surnames_shaped_like_demonyms() {
        let l = lint();
        let text = "Prime Minister Narendra Modi spoke. An architect from Gujarat, Modis home state, drew the plans. \
Roger Taylor turned 71. The band marked Roger Taylors birthday. Taylor thanked fans.";
        assert_eq!(flagged(l.as_ref(), text), vec!["Modis", "Taylors"]);
        // A short surname first in a titled East Asian name.
        let text = "President Xu Jinfeng arrived on Tuesday. Officials praised Xus speech.";
        assert_eq!(flagged(l.as_ref(), text), vec!["Xus"]);
        let text = "Premier Bai Qiming arrived on Tuesday. It is Bais first visit to Hanoi.";
        assert_eq!(flagged(l.as_ref(), text), vec!["Bais"]);
        // The possessive written with its apostrophe elsewhere.
        let text = "Adewale Ogunbiyi won. INEC will issue Ogunbiyi's certificate. Ogunbiyis victory makes him the first.";
        assert_eq!(flagged(l.as_ref(), text), vec!["Ogunbiyis"]);
        // Without a title or a given name, "-i" and "-er" stems stay plurals.
        assert!(flagged(l.as_ref(), "Modi spoke. Modis home state voted.").is_empty());
        assert!(flagged(l.as_ref(), "Bai Qiming spoke. Bais home town voted.").is_empty());
    }

    #[test]
    fn flags_possessives_on_other_evidence() {
        let l = lint();
        // A name of the word list, once ("Germany" is listed, "Germanys" not).
        assert_eq!(
            flagged(l.as_ref(), "Economies adopted versions of Germanys Kurzarbeit subsidy."),
            vec!["Germanys"]
        );
        assert_eq!(
            flagged(l.as_ref(), "Elsewhere on the night, Australias Robert Whittaker won."),
            vec!["Australias"]
        );
        assert_eq!(
            flagged(l.as_ref(), "A man was shot in Melbournes west overnight."),
            vec!["Melbournes"]
        );
        // A woman's given name that is also a place makes no surname.
        assert_eq!(
            flagged(
                l.as_ref(),
                "The probe landed near Floridas Cape Canaveral, and Georgias sovereignty was raised."
            ),
            vec!["Floridas", "Georgias"]
        );
        // A name of the list before a word no plural subject takes.
        assert_eq!(
            flagged(l.as_ref(), "Sources would not reveal the nature of Canberras offer."),
            vec!["Canberras"]
        );
        assert_eq!(
            flagged(l.as_ref(), "A scientist at Pakistans atomic program set up a group."),
            vec!["Pakistans"]
        );
        // A stem the document writes alone, likewise.
        assert_eq!(
            flagged(
                l.as_ref(),
                "Nasa said the rock was rare. It will form part of Nasas planned expedition."
            ),
            vec!["Nasas"]
        );
        assert_eq!(
            flagged(l.as_ref(), "Ruto spoke on Monday. Critics attacked Rutos planned tax rise."),
            vec!["Rutos"]
        );
        // A title or a given name before, a noun after.
        assert_eq!(
            flagged(l.as_ref(), "Critics attacked Mr. Gehlots government on Monday."),
            vec!["Gehlots"]
        );
        // A word of the list whose stem stands alone, before a plural noun.
        assert_eq!(
            flagged(
                l.as_ref(),
                "President Trump spoke. Critics questioned President Trumps motives on Sunday."
            ),
            vec!["Trumps"]
        );
        // After "the" or "of", a noun shows the possessive.
        assert_eq!(
            flagged(l.as_ref(), "Taliban fighters attacked. The Talibans political spokesman said so."),
            vec!["Talibans"]
        );
        assert_eq!(
            flagged(l.as_ref(), "Watford lost. Some of Watfords players sank to their knees."),
            vec!["Watfords"]
        );
        assert_eq!(
            flagged(l.as_ref(), "Pogba left. A transfer fee and Pogbas salary were discussed."),
            vec!["Pogbas"]
        );
        assert_eq!(
            flagged(l.as_ref(), "Scotland won. The bridge is part of Scotlands engineering heritage."),
            vec!["Scotlands"]
        );
        // A two-word name written elsewhere; a form English cannot pluralise.
        assert_eq!(
            flagged(
                l.as_ref(),
                "Reporters waited at Downing Street. He said Downing Streets sudden decision had left travellers angry."
            ),
            vec!["Streets"]
        );
        assert_eq!(
            flagged(l.as_ref(), "A man was found in Uttar Pradeshs Greater Noida."),
            vec!["Pradeshs"]
        );
        // A capital outside ASCII: no panic on the slice after it.
        assert!(flagged(l.as_ref(), "The \u{c9}baxs team met. \u{c9}mile \u{c9}baxs spoke.").is_empty());
        // Lowercase slips: a noun in "-y" and "it's" after a preposition.
        assert_eq!(
            flagged(
                l.as_ref(),
                "The race was the largest in it's history, and the countrys federation was pleased."
            ),
            vec!["it's", "countrys"]
        );
        assert_eq!(
            crate::lint::testing::fixed(l.as_ref(), "The firm is on it's way."),
            "The firm is on its way."
        );
        assert_eq!(
            flagged(l.as_ref(), "The firm launched it's latest phone and kept it's own brand."),
            vec!["it's", "it's"]
        );
        assert_eq!(flagged(l.as_ref(), "Critics say it's wording is too vague."), vec!["it's"]);
        assert_eq!(
            flagged(l.as_ref(), "Samsung spoke. Analysts said Samsungs share of the market doubled."),
            vec!["Samsungs"]
        );
    }

    #[test]
    fn leaves_plural_names_and_surnames() {
        let l = lint();
        for ok in [
            "The Philippines government said the Bahamas economy grew, and the Netherlands team won.",
            "The new Marana Islands premier spoke. Unrest left the Maranas economy close to collapse.",
            "Officials in Texas said. Texas officials, Brussels officials and Lagos residents met Athens residents.",
            "Mr Jenkins told reporters the plan was ready. Sarah Jenkins said it was fine.",
            "Prime Minister Boris Johnson spoke. President Kais Saied met officials.",
            "Oscar winners spoke. The Oscars ceremony opened, and the Olympics organisers met.",
            "On Saturdays games are played at noon. Saturday was busy.",
            "Democrats and Republicans met. Republicans lead by five points.",
            "John Adams was president. The Adams family lived in Boston. Owen spoke. Mr Owens colleagues left.",
            "Rahul Gandhi spoke. The Gandhis rule the party now, and the Gandhis own the paper.",
            "Germany won. Germans living abroad voted, and Germans support the deal.",
            "Democrat leaders met. Democrats seeking office met, and Republicans oppose government spending.",
            // A name of the list in its own right, not the possessive of a
            // shorter one ("Mar", "Carlo").
            "The rock will form a key part of the forthcoming Mars expedition.",
            // A plural subject before a verb, an adverb or a preposition.
            "At the dinner, Clintons arrived at eight and Kennedys also came.",
            "In the end Romanovs lived in exile, and Koreas agree on little.",
            "Mr Varga spoke. Later the Vargas attended the wedding, and the Vargas recently moved. Vargas planned a party.",
            // A title.
            "Mr Gillies spoke. Mrs Gillies says the investigation was a thorough one.",
            // A man's given name with an "s" is a surname.
            "Fans filled the Rogers Centre, and Stevens Point voted.",
        ] {
            assert!(flagged(l.as_ref(), ok).is_empty(), "{ok}: {:?}", flagged(l.as_ref(), ok));
        }
    }

    #[test]
    fn leaves_plurals_and_real_words() {
        let l = lint();
        for ok in [
            "The Americas and America. On Thursday, as on all Thursdays, it rained.",
            "Gandhi was born in 1869. The Gandhis ruled India for decades.",
            "Korea is divided. The two Koreas met. Both Koreas agreed.",
            "Its hell, she said. Well, the shell hit a wed couple. Shell said its Shells were fine.",
            "Trump spoke. Trumps tariffs were discussed.",
            "Houthi fighters attacked. Houthis fired missiles at ships.",
            "Nehru spoke. The Nehrus have ruled for decades. Nehrus are a dynasty.",
            "Tesla sold cars. It sold 10,000 Teslas in May.",
            "Reuters reported it. Evan spoke to Evans about Adams.",
            "As was his wont, he left early. They are wont to complain. The cant of politics.",
            "The Democrat said Democrats won.",
            "Jones spoke to Jones' lawyer.",
            "Iraqi forces advanced. Many Iraqis fled north, and Iraqis support the deal.",
            "The New Yorker ran it. New Yorkers love the subway.",
            "Rahul Gandhi spoke. The Gandhis rule the party now.",
            // A plural opening a list item; a given name in its own right.
            "Redistribution is allowed.\n1. Redistributions of source code must be kept.\n2. Redistributions in binary form must too.",
            "Andrea Rossi and Andreas Weber wrote it.",
            "The Foreign Office spoke. The Foreign Offices of both countries agreed.",
            "He won, for it's clear that he trained. For what it's worth, it's over. Says who? The days passed.",
            "He claimed it's new to him, and that it's best to wait.",
            "He said it's what is needed, and it's not clear what it's said is true.",
            "The countrys of origin were listed.",
        ] {
            assert!(flagged(l.as_ref(), ok).is_empty(), "{ok}: {:?}", flagged(l.as_ref(), ok));
        }
    }
}
