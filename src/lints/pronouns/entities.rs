//! Person and organisation mentions, third-person pronouns and conservative
//! pronoun links, shared by `pronoun-drift` and `org-pronoun`.
//!
//! The analysis is built once per document in O(n) over its word tokens:
//!
//! 1. **Name chains**: runs of capitalised words joined by particles ("van",
//!    "de", "bin") and hyphens ("Tae-hoon"). A title or honorific inside or
//!    just before the chain ("Brazilian President J. S", "leader X", "Mr X",
//!    "his sister X", "first lady X") is split off and kept as evidence.
//!    Chains ending in an organisation head ("... Service", "... Ministry",
//!    "... Airways") are organisations; chains that look like places
//!    (compass word first, place or club head last, acronyms), names after
//!    "the" without a title ("the Rose Bowl"; "the Queen" is a person named
//!    by a title, the cluster given that title) and adjectives made from names
//!    ("Nath-led") are no persons. Those and names without person evidence
//!    are kept as `things` where they are subjects ("France said"): a "she"
//!    after them may be theirs.
//! 2. **Persons**: a chain is a person when it has a title, honorific,
//!    kinship or role word, a confident Western given name first (lexicon),
//!    an age apposition ("X, 45,"), or a speech verb ("X said", "said X";
//!    a full name also when its last word alone speaks: "Modi said").
//!    Full names cluster by their letters; a bare name ("Merkel", "Park")
//!    joins the one cluster whose first or last name it is, and is an
//!    anonymous person of unknown gender when two clusters share it.
//! 3. **Other mentions**: gendered nouns ("the woman", "his wife"), person
//!    nouns ("the official"), organisation nouns ("the agency").
//! 4. **Pronouns** he/him/his/himself/she/her/hers/herself, with their case;
//!    generic pairs ("he or she", "his/her"), pronouns inside quotations and
//!    pronouns sandwiched in a capitalised name are unusable.
//! 5. **Links**, only in unambiguous configurations: (A) the nearest subject
//!    before a possessive, reflexive or subject pronoun in the same sentence,
//!    with no other person or gendered noun in between; (B) a pronoun with no
//!    person (nor organisation subject) before it in its sentence, when every
//!    person mentioned in the two sentences before is one cluster, in subject
//!    position, and no thing is a subject in between; (C) a pronoun in an
//!    opening adverbial ("Despite her willingness, ...") and the person
//!    cluster that is the subject just after its comma.
//! 6. **Consensus**: honorifics and kinship decide unless contradicted by
//!    other strong evidence; else a given name decides unless two or more
//!    links disagree with it; else links alone decide when at least two agree
//!    and they outnumber the others two to one.

use std::sync::{Arc, Mutex, OnceLock};

use rustc_hash::{FxHashMap, FxHashSet};

use crate::document::{Document, TokenKind};
use crate::source::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gender {
    Male,
    Female,
}

impl Gender {
    pub fn adjective(self) -> &'static str {
        match self {
            Gender::Male => "male",
            Gender::Female => "female",
        }
    }

    pub fn other(self) -> Gender {
        match self {
            Gender::Male => Gender::Female,
            Gender::Female => Gender::Male,
        }
    }

    fn parse(s: &str) -> Option<Gender> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("m") || s.eq_ignore_ascii_case("male") {
            Some(Gender::Male)
        } else if s.eq_ignore_ascii_case("f") || s.eq_ignore_ascii_case("female") {
            Some(Gender::Female)
        } else {
            None
        }
    }
}

/// Confident Western given names (from the `given-names` lexicon).
#[derive(Default)]
pub struct GivenNames {
    /// Lowercased names that are not ASCII.
    map: FxHashMap<String, Gender>,
    /// The ASCII names again, for quick lookups of ASCII words without
    /// lowercasing them: a bit set of their hashes ([`ascii_hash`]) that
    /// turns most other words away, then an open-addressing table (1 + index
    /// into `ascii`, or 0 when free) of the names, stored end to end in
    /// `text`.
    bloom: Vec<u64>,
    slots: Vec<u32>,
    ascii: Vec<(u32, u32, Gender)>,
    text: String,
    /// Names read (for `Debug`).
    count: usize,
}

impl std::fmt::Debug for GivenNames {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GivenNames").field("names", &self.count).finish()
    }
}

/// A hash of a word with ASCII letters folded to lowercase (`b | 0x20` maps
/// both cases of a letter to one value).
fn ascii_hash(w: &[u8]) -> usize {
    let h = w.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b | 0x20)).wrapping_mul(0x0100_0000_01b3)
    });
    (h ^ (h >> 29)) as usize
}

/// Bits of the name bloom filter (a power of two).
const NAME_BLOOM_BITS: usize = 1 << 17;

impl GivenNames {
    /// [`GivenNames::from_lexicons`], shared: both pronoun lints read the
    /// same lexicons, so the table of the last lexicons read (identified by
    /// their stamps, [`crate::pack::Lexicon::stamp`]) is kept and handed out again.
    pub fn shared<'a>(lexicons: impl Iterator<Item = &'a crate::pack::Lexicon>) -> Result<Arc<GivenNames>, String> {
        use std::hash::{Hash, Hasher};
        static LAST: Mutex<Option<(u64, Arc<GivenNames>)>> = Mutex::new(None);
        let lexicons: Vec<&crate::pack::Lexicon> = lexicons.collect();
        // (Hashing every name would cost as much as building the table.)
        let mut h = rustc_hash::FxHasher::default();
        for lex in &lexicons {
            lex.stamp().hash(&mut h);
        }
        let key = h.finish();
        if let Some(names) = LAST
            .lock()
            .ok()
            .and_then(|last| last.as_ref().filter(|(k, _)| *k == key).map(|(_, n)| n.clone()))
        {
            return Ok(names);
        }
        let names = Arc::new(GivenNames::from_lexicons(lexicons.into_iter())?);
        if let Ok(mut last) = LAST.lock() {
            *last = Some((key, names.clone()));
        }
        Ok(names)
    }

    /// Read `pairs = { name = "m" | "f" }` and `entries = ["name:f"]`. A
    /// name given twice keeps its last gender.
    pub fn from_lexicons<'a>(lexicons: impl Iterator<Item = &'a crate::pack::Lexicon>) -> Result<GivenNames, String> {
        let lexicons: Vec<&crate::pack::Lexicon> = lexicons.collect();
        let count: usize = lexicons.iter().map(|l| l.pairs.len() + l.entries().count()).sum();
        // At most one slot in four used.
        let size = (count * 4).next_power_of_two().max(2);
        let mut names = GivenNames {
            bloom: vec![0; NAME_BLOOM_BITS / 64],
            slots: vec![0; size],
            ..GivenNames::default()
        };
        for lex in lexicons {
            let entries = lex.entries().filter_map(|e| e.split_once(':'));
            for (k, v) in lex.pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).chain(entries) {
                let g = Gender::parse(v).ok_or_else(|| format!("{}: given name `{k}` has gender `{v}` (want m or f)", lex.origin))?;
                let k = k.trim();
                if k.is_ascii() {
                    names.insert_ascii(k, g);
                } else {
                    let lower = k.to_lowercase();
                    names.count += 1;
                    names.map.insert(lower, g);
                }
            }
        }
        Ok(names)
    }

    /// Add an ASCII name to the table (stored lowercase), or give a name
    /// already there its new gender.
    fn insert_ascii(&mut self, k: &str, g: Gender) {
        let h = ascii_hash(k.as_bytes());
        let mask = self.slots.len() - 1;
        let mut i = h & mask;
        while let Some(&slot) = self.slots.get(i).filter(|&&s| s != 0) {
            if let Some(entry) = self.ascii.get_mut(slot as usize - 1) {
                if self
                    .text
                    .get(entry.0 as usize..entry.1 as usize)
                    .is_some_and(|t| t.eq_ignore_ascii_case(k))
                {
                    entry.2 = g;
                    return;
                }
            }
            i = (i + 1) & mask;
        }
        if let Some(b) = self.bloom.get_mut((h & (NAME_BLOOM_BITS - 1)) / 64) {
            *b |= 1 << (h % 64);
        }
        let start = self.text.len();
        self.text.push_str(k);
        if let Some(t) = self.text.get_mut(start..) {
            t.make_ascii_lowercase();
        }
        self.ascii
            .push((u32::try_from(start).unwrap_or(0), u32::try_from(self.text.len()).unwrap_or(0), g));
        if let Some(s) = self.slots.get_mut(i) {
            *s = u32::try_from(self.ascii.len()).unwrap_or(0);
        }
        self.count += 1;
    }

    pub fn get(&self, name: &str) -> Option<Gender> {
        if !name.is_ascii() {
            return self.map.get(&name.to_lowercase()).copied();
        }
        // The lowercase form of an ASCII word is ASCII: only ASCII names can
        // match it.
        let h = ascii_hash(name.as_bytes());
        let bloom = self.bloom.get((h & (NAME_BLOOM_BITS - 1)) / 64).copied().unwrap_or(0);
        if bloom & (1 << (h % 64)) == 0 {
            return None;
        }
        let mask = self.slots.len().checked_sub(1)?;
        let mut i = h & mask;
        loop {
            let slot = *self.slots.get(i)? as usize;
            let &(start, end, g) = self.ascii.get(slot.checked_sub(1)?)?;
            let k = self.text.get(start as usize..end as usize)?;
            if k.len() == name.len() && k.as_bytes().eq_ignore_ascii_case(name.as_bytes()) {
                return Some(g);
            }
            i = (i + 1) & mask;
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    Subject,
    Object,
    Possessive,
    Reflexive,
}

#[derive(Clone, Debug)]
pub struct Pronoun {
    pub span: Span,
    pub tok: usize,
    pub sent: usize,
    pub gender: Gender,
    pub case: Case,
    /// Not generic, not quoted, not inside a name.
    pub usable: bool,
    /// In an opening adverbial whose comma comes after it, with no mention
    /// before it in its sentence ("Despite her willingness, ..."): it may
    /// refer forward to the subject after the comma.
    pub opening: bool,
    /// The subject of an attribution after a closing quotation mark
    /// (`"...," she said`), linked to the speaker named before the quote.
    pub attribution: bool,
    /// Unusable only because it is inside a quotation.
    pub quoted: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionKind {
    /// A person cluster.
    Person(usize),
    /// A person who cannot be clustered: a gendered or person noun, or a
    /// bare name shared by two clusters.
    Anon(Option<Gender>),
    Org,
}

#[derive(Clone, Debug)]
pub struct Mention {
    pub span: Span,
    /// First and last token (indices into the analysis tokens).
    pub first: usize,
    pub last: usize,
    pub sent: usize,
    pub kind: MentionKind,
    /// Subject or topic of its clause.
    pub subject: bool,
    pub possessive: bool,
    /// The possessive pronoun token whose kinship noun this name stands in
    /// apposition to ("Anita" of "her wife Anita", "Deepak" of "his brother,
    /// Deepak"): that pronoun's own phrase, never someone it could mean.
    pub kin_of: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EvidenceKind {
    /// Honorific, kinship or gendered title in the same phrase.
    Strong,
    /// Weakly gendered role noun ("spokesman").
    Role,
    GivenName,
    /// A pronoun linked in an unambiguous configuration.
    Link,
}

#[derive(Clone, Debug)]
pub struct Evidence {
    pub span: Span,
    pub gender: Gender,
    pub kind: EvidenceKind,
}

#[derive(Clone, Debug, Default)]
pub struct Cluster {
    pub name: String,
    pub evidence: Vec<Evidence>,
    pub gender: Option<Gender>,
}

/// A token of the analysis (no spaces or newlines).
#[derive(Clone, Copy, Debug)]
pub struct Tok {
    pub span: Span,
    pub word: bool,
    pub sent: usize,
}

/// A token while the analysis is built, with its text and word classes
/// computed once.
#[derive(Clone, Debug)]
struct BTok<'a> {
    span: Span,
    text: &'a str,
    word: bool,
    sent: usize,
    cap: bool,
    low: bool,
    /// Length of the text without a possessive ending ("China’s" -> "China").
    stem_len: usize,
    possessive: bool,
    /// Classes of the text and of `stem`, looked up on first use
    /// ([`UNKNOWN`] before): most tokens are never asked.
    bits: std::cell::Cell<u32>,
    sbits: std::cell::Cell<u32>,
    pro: Option<(Gender, Case)>,
}

/// Class bits not looked up yet (no word has every class).
const UNKNOWN: u32 = u32::MAX;

impl<'a> BTok<'a> {
    fn new(span: Span, text: &'a str, word: bool, sent: usize) -> BTok<'a> {
        let (cap, low) = match text.as_bytes().first() {
            Some(b) if b.is_ascii() => (b.is_ascii_uppercase(), b.is_ascii_lowercase()),
            _ => {
                let first = text.chars().next();
                (first.is_some_and(char::is_uppercase), first.is_some_and(char::is_lowercase))
            }
        };
        // Only a word has a possessive ending.
        let (stem, possessive) = if word { strip_possessive(text) } else { (text, false) };
        BTok {
            span,
            text,
            word,
            sent,
            cap: word && cap,
            low: word && low,
            stem_len: stem.len(),
            possessive,
            // No list holds numbers or punctuation.
            bits: std::cell::Cell::new(if word { UNKNOWN } else { 0 }),
            sbits: std::cell::Cell::new(if word && possessive { UNKNOWN } else { 0 }),
            pro: if word { pronoun_of(text) } else { None },
        }
    }
    fn cap(&self) -> bool {
        self.cap
    }
    fn stem(&self) -> &'a str {
        self.text.get(..self.stem_len).unwrap_or(self.text)
    }
    fn lower(&self) -> bool {
        self.low
    }
    fn is(&self, s: &str) -> bool {
        self.text.eq_ignore_ascii_case(s)
    }
    /// Classes of the text.
    fn bits(&self) -> u32 {
        let mut b = self.bits.get();
        if b == UNKNOWN {
            b = classes(self.text);
            self.bits.set(b);
        }
        b
    }
    /// Classes of the stem.
    fn sbits(&self) -> u32 {
        if !self.possessive {
            return self.bits();
        }
        let mut b = self.sbits.get();
        if b == UNKNOWN {
            b = classes(self.stem());
            self.sbits.set(b);
        }
        b
    }
    fn has(&self, bit: u32) -> bool {
        self.bits() & bit != 0
    }
    fn stem_has(&self, bit: u32) -> bool {
        self.sbits() & bit != 0
    }
    fn gender(&self, male: u32) -> Option<Gender> {
        gender_in(self.bits(), male)
    }
}

/// Everything the pronoun lints need from one document, owned so that it
/// can be built once and shared between them (see [`Document::memo`]).
#[derive(Debug)]
pub struct Analysis {
    pub toks: Vec<Tok>,
    /// Token index where each sentence starts (one extra at the end).
    pub sent_start: Vec<usize>,
    pub mentions: Vec<Mention>,
    /// Mention index where each sentence's mentions start (one extra).
    pub sent_mentions: Vec<usize>,
    pub clusters: Vec<Cluster>,
    pub pronouns: Vec<Pronoun>,
    /// Per pronoun: the mention it is linked to.
    pub links: Vec<Option<usize>>,
    /// Last tokens of names that are no persons (places, clubs, names
    /// without person evidence) in subject position or before "and"
    /// ("France said", "Britain and her allies"): a "she" or "her" may be
    /// theirs (countries, ships). In token order.
    pub things: Vec<usize>,
}

/// The analysis while it is built, borrowing the document's text.
struct Builder<'a> {
    toks: Vec<BTok<'a>>,
    sent_start: Vec<usize>,
    mentions: Vec<Mention>,
    sent_mentions: Vec<usize>,
    clusters: Vec<Cluster>,
    pronouns: Vec<Pronoun>,
    links: Vec<Option<usize>>,
    things: Vec<usize>,
}

/// The analysis of a document, shared by both pronoun lints: `None` when the
/// document has no third-person pronoun.
pub struct Shared(pub Option<Analysis>);

impl Shared {
    /// The document's analysis, built by the first lint that asks.
    pub fn of(doc: &Document, names: &GivenNames) -> std::sync::Arc<Shared> {
        doc.memo(|doc| Shared(Analysis::new(doc, names)))
    }
}

/// Which pronoun lints can possibly report on a document, from cheap tests
/// (no analysis). Every test is a necessary condition of a finding, so
/// skipping on `false` never loses one.
///
/// The usable pronouns are found from the bytes (see [`usable_pronouns`]).
/// `org` then looks at the words next to each pronoun and, when they allow
/// it, runs the organisation tests exactly over the pronoun's sentence.
/// `drift` needs one pass over the capitalised words only when the pronoun
/// counts do not settle it.
#[derive(Debug, Clone, Copy)]
pub struct Precheck {
    /// `pronoun-drift` needs a usable pronoun of one gender linked to a person
    /// decided as the other gender, which needs a gendered title, kinship or
    /// role word next to a name, a given name starting a full name, or two
    /// linked pronouns (with role words) of that other gender.
    pub drift: bool,
    /// `org-pronoun` needs a usable pronoun in one of its three
    /// configurations: "ORG [adverb] said [that] he/she", "In his/her ..., the
    /// ORG", or "ORG (subject) ... his/her" in one sentence.
    pub org: bool,
}

/// A non-space token of a sentence, for the exact organisation tests of
/// [`Precheck`].
#[derive(Clone, Copy)]
struct PTok<'d> {
    span: Span,
    text: &'d str,
    kind: TokenKind,
    /// Whether a sentence may end just before this token (only over a whole
    /// block: see [`org_in`]).
    end_before: bool,
}

/// The token after token `i`, unless a sentence may end between them.
fn after<'t, 'd>(toks: &'t [PTok<'d>], i: usize) -> Option<&'t PTok<'d>> {
    toks.get(i + 1).filter(|t| !t.end_before)
}

impl PTok<'_> {
    fn word(&self) -> bool {
        self.kind == TokenKind::Word
    }
    fn cap(&self) -> bool {
        self.word() && starts_upper(self.text)
    }
    fn lower(&self) -> bool {
        self.word() && self.text.chars().next().is_some_and(char::is_lowercase)
    }
}

fn starts_upper(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => w.chars().next().is_some_and(char::is_uppercase),
    }
}

impl Precheck {
    pub fn of(doc: &Document, names: &GivenNames) -> std::sync::Arc<Precheck> {
        doc.memo(|doc| Precheck::new(doc, names))
    }

    /// The usable pronouns, found from the bytes; the organisation
    /// configurations around them; and, when the pronoun counts alone do
    /// not settle it, one pass over the words for gender evidence.
    fn new(doc: &Document, names: &GivenNames) -> Precheck {
        let (pronouns, quoted) = usable_pronouns(doc);
        if pronouns.is_empty() {
            return Precheck { drift: false, org: false };
        }
        let mut count = [0usize; 2];
        for p in &pronouns {
            count[gender_index(p.gender)] += 1;
        }
        // The one pronoun of its gender in the document, in a quotation,
        // among two usable ones of the other (`pronoun_drift::quoted_orphan`).
        let lone_quoted = (quoted[0] == 1 && count[0] == 0 && count[1] >= 2) || (quoted[1] == 1 && count[1] == 0 && count[0] >= 2);
        // A person decided as gender `g` (against a pronoun of the other):
        // two linked pronouns, or strong evidence, a given name, or role words
        // with linked pronouns (two votes).
        let needed = |g: Gender| count[gender_index(g.other())] > 0 && count[gender_index(g)] < 2;
        let mut decided = [count[0] >= 2, count[1] >= 2];
        if needed(Gender::Male) || needed(Gender::Female) {
            let want = [needed(Gender::Male), needed(Gender::Female)];
            let found = evidence(doc, names, want, [2 - count[0].min(2), 2 - count[1].min(2)]);
            decided = [decided[0] || found[0], decided[1] || found[1]];
        }
        // Or, for a pronoun with no antecedent of its gender (see
        // `pronoun_drift::orphan`), a usable pronoun of the other gender.
        let drift = lone_quoted || (count[0] > 0 && (decided[1] || count[1] > 0)) || (count[1] > 0 && (decided[0] || count[0] > 0));
        // When `pronoun-drift` builds the shared analysis anyway, the
        // organisation tests run on it directly: `org` only needs to be a
        // necessary condition.
        let org = drift || org_possible(doc, &pronouns);
        Precheck { drift, org }
    }
}

/// A usable pronoun (not quoted, not in a title-case headline): its block
/// and its index among the block's tokens.
struct FoundPronoun {
    block: usize,
    i: usize,
    gender: Gender,
    case: Case,
    len: usize,
}

/// The text of a token (empty if the span is off).
fn token_text<'d>(doc: &'d Document, t: &crate::document::Token) -> &'d str {
    doc.prose.get(t.span.range()).unwrap_or("")
}

/// The first 'h' or 'H' in `bytes` from `from`, eight bytes at a time.
fn find_h(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        // Bytes equal to 'h' after folding case become zero.
        let x = (u64::from_le_bytes(word) | 0x2020_2020_2020_2020) ^ 0x6868_6868_6868_6868;
        let zero = x.wrapping_sub(0x0101_0101_0101_0101) & !x & 0x8080_8080_8080_8080;
        if zero != 0 {
            return Some(i + zero.trailing_zeros() as usize / 8);
        }
        i += 8;
    }
    bytes.get(i..)?.iter().position(|&b| b | 0x20 == b'h').map(|k| i + k)
}

/// The usable third-person pronouns of the document. Every pronoun has an
/// 'h' first or second and is a whole run of ASCII letters (a word token
/// never splits two ASCII letters), so the runs around each 'h' are the only
/// candidates; each is checked against the tokens. Also the number of
/// pronouns of each gender inside quotations.
fn usable_pronouns(doc: &Document) -> (Vec<FoundPronoun>, [usize; 2]) {
    let bytes = doc.prose.as_bytes();
    let mut out = Vec::new();
    let mut quoted = [0usize; 2];
    let mut from = 0;
    while let Some(h) = find_h(bytes, from) {
        from = h + 1;
        // A pronoun starts at the 'h' or at an 's' just before it, and goes
        // on with "e" or "i" ("he", "his", "she"): most 'h's ("the", "which")
        // are turned away here.
        let letter = |i: Option<usize>| i.and_then(|i| bytes.get(i)).is_some_and(u8::is_ascii_alphabetic);
        let before = h.checked_sub(1);
        if letter(before) && (bytes.get(h - 1).is_some_and(|&c| c | 0x20 != b's') || letter(h.checked_sub(2))) {
            continue;
        }
        if !bytes.get(h + 1).is_some_and(|&c| matches!(c | 0x20, b'e' | b'i')) {
            continue;
        }
        let start = bytes
            .get(..h)
            .map_or(h, |b| h - b.iter().rev().take_while(|c| c.is_ascii_alphabetic()).count());
        let end = h
            + 1
            + bytes
                .get(h + 1..)
                .map_or(0, |b| b.iter().take_while(|c| c.is_ascii_alphabetic()).count());
        from = end;
        let Some((gender, case)) = doc.prose.get(start..end).and_then(pronoun_of) else {
            continue;
        };
        let t = doc.tokens.partition_point(|t| t.span.start < start);
        let Some(tok) = doc
            .tokens
            .get(t)
            .filter(|tok| tok.span.start == start && tok.span.end == end && tok.kind == TokenKind::Word)
        else {
            continue;
        };
        let Some(block) = doc.block_at(start) else { continue };
        let Some(b) = doc.blocks.get(block) else { continue };
        if b.title_case || !b.tokens.contains(&t) {
            continue;
        }
        if doc.in_quote(tok.span) {
            quoted[gender_index(gender)] += 1;
            continue;
        }
        out.push(FoundPronoun {
            block,
            i: t - b.tokens.start,
            gender,
            case,
            len: end - start,
        });
    }
    (out, quoted)
}

/// Whether a usable pronoun may be in an `org-pronoun` configuration: first
/// from the words next to it, then exactly over its sentence when that has
/// an organisation word.
fn org_possible(doc: &Document, pronouns: &[FoundPronoun]) -> bool {
    let flags = word_flags();
    let bytes = doc.prose.as_bytes();
    let mut toks = Vec::new();
    let mut checked = usize::MAX;
    let is_org = |t: &crate::document::Token| {
        let (Some(&f), Some(&l)) = (bytes.get(t.span.start), bytes.get(t.span.end.wrapping_sub(1))) else {
            return false;
        };
        t.kind == TokenKind::Word
            && (flags.get(shape_of(f, l, t.span.len())) & FLAG_ORG != 0
                // "the Center for Volcanology" (see `org_of_for`).
                || matches!(bytes.get(t.span.range()), Some(b"Center" | b"Centre")))
    };
    // Per block (the last one looked at): the index of its first
    // organisation word. A sentence lies in one block, so an organisation
    // word of the sentence (before the pronoun in (1) and (3), anywhere in
    // (2)) is one of the block: without one, the sentences are not needed.
    let mut first_org: Option<(usize, Option<usize>)> = None;
    let mut block_possible: Option<(usize, bool)> = None;
    for p in pronouns {
        let Some(b) = doc.blocks.get(p.block) else { continue };
        let Some(all) = doc.tokens.get(b.tokens.clone()) else { continue };
        let first = match first_org {
            Some((block, first)) if block == p.block => first,
            _ => {
                let first = all.iter().position(is_org);
                first_org = Some((p.block, first));
                first
            }
        };
        let Some(first) = first else { continue };
        if p.case == Case::Subject && first >= p.i {
            continue;
        }
        // (4) "The company reported a loss. She blamed ...": a subject
        // pronoun opening its sentence after a sentence that opens with an
        // organisation word (a necessary condition; the analysis decides).
        if p.case == Case::Subject && org_opens_previous_sentence(doc, all, p.i, &is_org) {
            return true;
        }
        // (7) "... It raised his forecast": a possessive in a clause that
        // "It" opens (a necessary condition; the analysis decides).
        if p.case == Case::Possessive && it_opens_clause(doc, all, p.i) {
            return true;
        }
        // The words next to the pronoun first (cheapest).
        let local = match p.case {
            // (1) "ORG said [that] he": a reporting verb or "that" just before.
            Case::Subject => all
                .get(..p.i)
                .and_then(|b| b.iter().rev().find(|t| !matches!(t.kind, TokenKind::Space | TokenKind::Newline)))
                .is_some_and(|t| {
                    let w = token_text(doc, t);
                    // (5) also a clause opener, or a plural noun
                    // before a reduced relative clause.
                    t.kind == TokenKind::Word
                        && (w.eq_ignore_ascii_case("that")
                            || has_class(w, cls::ORG_REPORTING | cls::CLAUSE_OPENERS)
                            || may_open_question(w)
                            || PARTICIPLES_OF_SPEECH.contains(&w)
                            || (w.len() >= 4 && w.ends_with('s') && w.bytes().all(|b| b.is_ascii_lowercase())))
                }),
            // (2), (3): "his", or "her" before what a possessive takes.
            _ => p.len == 3 && possessive_may_follow(doc, all, p.i),
        };
        if !local {
            continue;
        }
        // Then the tests over the whole block (loosened to hold for every
        // sentence in it): most blocks fail them, and need no sentences.
        let possible = match block_possible {
            Some((block, possible)) if block == p.block => possible,
            _ => {
                let possible = org_in(doc, all, b.title_case, true, &mut toks);
                block_possible = Some((p.block, possible));
                possible
            }
        };
        if !possible {
            continue;
        }
        let sentences = doc.sentences();
        let t = b.tokens.start + p.i;
        let si = sentences.partition_point(|s| s.tokens.end <= t);
        if si == checked {
            // `org_in` has looked at every pronoun of that sentence.
            continue;
        }
        let Some(s) = sentences.get(si).filter(|s| s.tokens.contains(&t)) else {
            continue;
        };
        let Some(stoks) = doc.tokens.get(s.tokens.clone()) else { continue };
        // Every organisation mention has an organisation word: before the
        // pronoun in (1) and (3), after it in (2).
        let at = t - s.tokens.start;
        let org_word = match p.case {
            Case::Subject => stoks.get(..at).is_some_and(|b| b.iter().any(is_org)),
            // (3) needs an organisation mention before that may be a subject:
            // it ends at an organisation word or a name particle after one
            // ("Bank Al"); (2) an organisation after an opening preposition.
            _ => {
                let may_end = |t: &crate::document::Token| {
                    let (Some(&f), Some(&l)) = (bytes.get(t.span.start), bytes.get(t.span.end.wrapping_sub(1))) else {
                        return false;
                    };
                    t.kind == TokenKind::Word && flags.get(shape_of(f, l, t.span.len())) & FLAG_ORG_LAST != 0
                };
                let first_org = stoks.get(..at).and_then(|b| b.iter().position(is_org));
                let subject =
                    first_org.is_some_and(|f| (f..at).any(|j| stoks.get(j).is_some_and(may_end) && subject_may_follow(doc, stoks, j)));
                let opening = stoks
                    .get(..at)
                    .and_then(|b| b.iter().rev().find(|t| !matches!(t.kind, TokenKind::Space | TokenKind::Newline)))
                    .is_none_or(|t| t.kind == TokenKind::Word && has_class(token_text(doc, t), cls::OPENING_PREPOSITIONS));
                subject || (opening && stoks.get(at..).is_some_and(|a| a.iter().any(is_org)))
            }
        };
        if org_word {
            checked = si;
            if org_in(doc, stoks, b.title_case, false, &mut toks) {
                return true;
            }
        }
    }
    false
}

/// Whether a sentence opening with "It" runs to the token at `i` over words
/// and spaces only ("It raised his").
fn it_opens_clause(doc: &Document, all: &[crate::document::Token], i: usize) -> bool {
    let mut j = i;
    let mut words = 0;
    while j > 0 {
        j -= 1;
        let Some(t) = all.get(j) else { return false };
        match t.kind {
            TokenKind::Space => continue,
            TokenKind::Word if token_text(doc, t) == "It" => {
                let before = all
                    .get(..j)
                    .and_then(|b| b.iter().rev().find(|t| !matches!(t.kind, TokenKind::Space | TokenKind::Newline)));
                return words >= 1 && before.is_none_or(|b| matches!(token_text(doc, b), "." | "!" | "?"));
            }
            TokenKind::Word if words < 6 => words += 1,
            _ => return false,
        }
    }
    false
}

/// Whether the pronoun at token `i` of a block's tokens `all` opens its
/// sentence and the sentence before it, in the same block, has an
/// organisation word among its first four words.
fn org_opens_previous_sentence(
    doc: &Document,
    all: &[crate::document::Token],
    i: usize,
    is_org: &dyn Fn(&crate::document::Token) -> bool,
) -> bool {
    let stop = |t: &crate::document::Token| t.kind == TokenKind::Punct && matches!(token_text(doc, t), "." | "!" | "?");
    // The token before the pronoun (past blanks) ends a sentence.
    let Some(end) = (0..i)
        .rev()
        .find(|&k| all.get(k).is_some_and(|t| !matches!(t.kind, TokenKind::Space | TokenKind::Newline)))
    else {
        return false;
    };
    if !all.get(end).is_some_and(stop) {
        return false;
    }
    // The start of the sentence before (at most 120 tokens back).
    let start = (end.saturating_sub(120)..end)
        .rev()
        .find(|&k| all.get(k).is_some_and(stop))
        .map_or(end.saturating_sub(120), |k| k + 1);
    all.get(start..end)
        .unwrap_or(&[])
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .take(4)
        .any(is_org)
}

/// Per gender (male, female) where `want`ed: whether some person may be
/// decided as that gender by the words: a gendered title, kinship or role
/// word next to a name ("Ms X", "his wife, X", "Mr. X", "Lady-X"), a given
/// name starting a name, or `roles` role words (which count with linked
/// pronouns). Every such word is followed by a capitalised word, a hyphen and
/// a word, or name particles and a capitalised word, so the pass looks back
/// from capitalised words and hyphenated parts only.
fn evidence<'d>(doc: &'d Document, names: &GivenNames, want: [bool; 2], roles: [usize; 2]) -> [bool; 2] {
    let text = |t: &crate::document::Token| -> &'d str { token_text(doc, t) };
    let flags = word_flags();
    let bytes = doc.prose.as_bytes();
    let mut strong = [false; 2];
    let mut role_count = [0usize; 2];
    // Words of a block that may be a given name starting a name, looked up
    // at the end of the block.
    let mut given: Vec<&'d str> = Vec::new();
    let is_punct =
        |t: &crate::document::Token, c: u8| t.kind == TokenKind::Punct && t.span.len() == 1 && bytes.get(t.span.start) == Some(&c);
    for b in &doc.blocks {
        let Some(all) = doc.tokens.get(b.tokens.clone()) else { continue };
        // The non-space token before index `i`.
        let before = |i: usize| {
            all.get(..i)?
                .iter()
                .enumerate()
                .rev()
                .find(|(_, t)| !matches!(t.kind, TokenKind::Space | TokenKind::Newline))
        };
        let word = |t: &crate::document::Token| t.kind == TokenKind::Word;
        let upper = |t: &crate::document::Token| match bytes.get(t.span.start) {
            Some(&c) if c.is_ascii() => c.is_ascii_uppercase(),
            _ => starts_upper(text(t)),
        };
        let hyphen_part = |i: usize| before(i).is_some_and(|(_, p)| is_punct(p, b'-'));
        let lower_particle = |t: &crate::document::Token| {
            word(t)
                && flags.get(shape_key(text(t).as_bytes())) & FLAG_PARTICLE != 0
                && text(t).chars().next().is_some_and(char::is_lowercase)
                && has_class(text(t), cls::NAME_PARTICLES)
        };
        // A word `w` followed by a name (or what may continue one).
        let mut gendered = |w: &crate::document::Token| {
            let (Some(&f), Some(&l)) = (bytes.get(w.span.start), bytes.get(w.span.end.wrapping_sub(1))) else {
                return;
            };
            if word(w) && flags.get(shape_of(f, l, w.span.len())) & FLAG_GENDERED != 0 {
                let bits = classes(text(w));
                for g in [Gender::Male, Gender::Female] {
                    let k = gender_index(g);
                    strong[k] |= bits & (gender_bit(cls::GENDERED_TITLES, g) | gender_bit(cls::GENDERED_NOUNS, g)) != 0;
                    role_count[k] += usize::from(bits & gender_bit(cls::ROLE_TITLES, g) != 0);
                }
            }
        };
        let candidate = |i: usize, w: &crate::document::Token, given: &mut Vec<&'d str>| {
            if word(w) && (upper(w) || hyphen_part(i)) {
                given.push(strip_possessive(text(w)).0);
            }
        };
        // The previous non-space token is a hyphen.
        let mut after_hyphen = false;
        // Patronymic particles and female surname forms.
        let (mut named, mut surnames) = ([false; 2], 0);
        for (i, t) in all.iter().enumerate() {
            if !word(t) {
                if !matches!(t.kind, TokenKind::Space | TokenKind::Newline) {
                    after_hyphen = is_punct(t, b'-');
                }
                continue;
            }
            let cap = upper(t);
            if !cap && !std::mem::replace(&mut after_hyphen, false) {
                continue;
            }
            after_hyphen = false;
            let Some((p, prev)) = before(i) else { continue };
            if word(prev) {
                // "binti Rahman", "bin Ibrahim": a patronymic particle
                // (`Builder::classify`); "Ana Petrova": a female surname
                // form votes.
                if let Some(g) = patronymic_gender(text(prev)) {
                    named[gender_index(g)] = true;
                }
                if upper(prev)
                    && matches!(bytes.get(t.span.end.wrapping_sub(1)), Some(b'a' | b'r' | 0xA1 | 0x97))
                    && female_surname(text(t))
                {
                    surnames += 1;
                }
                // "X Y": X may start a name, or be a title or kinship word
                // before one; across name particles ("Lady de Winter").
                let mut w = (p, prev);
                if lower_particle(prev) {
                    while let Some(q) = before(w.0).filter(|(_, q)| lower_particle(q)) {
                        w = q;
                    }
                    let Some(q) = before(w.0) else { continue };
                    w = q;
                }
                gendered(w.1);
                // "Chairwoman and founder X" (`Builder::classify`).
                if let Some((a, and)) = before(w.0) {
                    if word(and) && text(and) == "and" {
                        if let Some((_, t)) = before(a) {
                            gendered(t);
                        }
                    }
                }
                candidate(w.0, w.1, &mut given);
            } else if is_punct(prev, b'-') {
                // "X-y": X may start a name or be a title before one.
                if let Some((q, w)) = before(p) {
                    gendered(w);
                    candidate(q, w, &mut given);
                }
            } else if cap && (is_punct(prev, b'.') || is_punct(prev, b',')) {
                // "his wife, X", "Mr. X" (a title's given name: "Mr." only
                // continues a name after a title).
                if let Some((q, w)) = before(p) {
                    gendered(w);
                    if is_punct(prev, b'.') && word(w) && classes(text(w)) & (cls::GENDERED_TITLES | cls::GENDERED_TITLES << 1) != 0 {
                        candidate(q, w, &mut given);
                    }
                }
            }
        }
        strong = [strong[0] || named[0], strong[1] || named[1]];
        role_count[gender_index(Gender::Female)] += surnames;
        // The block's given names, unless its other evidence settled it.
        let done = |strong: &[bool; 2]| (0..2).all(|k| !want[k] || strong[k] || role_count[k] >= roles[k]);
        if !done(&strong) {
            for w in given.drain(..) {
                if let Some(g) = names.get(w) {
                    strong[gender_index(g)] = true;
                    if done(&strong) {
                        break;
                    }
                }
            }
        }
        given.clear();
        // Every wanted gender found: the rest of the document changes
        // nothing the caller reads (an unwanted gender is decided already or
        // has no pronoun of the other gender to be flagged).
        if done(&strong) {
            break;
        }
    }
    let found = |k: usize| strong[k] || role_count[k] >= roles[k];
    [found(0), found(1)]
}

/// Whether a usable pronoun of a sentence (its tokens `all`) may be in an
/// `org-pronoun` configuration: the tests of `OrgPronoun::organisation`,
/// loosened where they need the analysis.
///
/// With `block`, `all` is a whole block, and the tests are loosened to hold
/// whenever they hold over one of its sentences: looking back or ahead past
/// a sentence end only finds more; a look ahead that passes at a sentence
/// end stops where one may be ([`after`]: at a line break, a non-ASCII space,
/// or after a token with a terminator or a non-ASCII letter inside); and an
/// opening preposition need not start its sentence.
fn org_in<'d>(doc: &'d Document, all: &[crate::document::Token], title_case: bool, block: bool, toks: &mut Vec<PTok<'d>>) -> bool {
    // (Only a pronoun of `all` can pass the tests below.)
    if title_case {
        return false;
    }
    toks.clear();
    // Whether a sentence may end before the next non-space token (looked at
    // over a whole block only).
    let mut end = false;
    for t in all {
        match t.kind {
            TokenKind::Newline => end = true,
            TokenKind::Space => end |= block && !token_text(doc, t).is_ascii(),
            _ => {
                let text = token_text(doc, t);
                toks.push(PTok {
                    span: t.span,
                    text,
                    kind: t.kind,
                    end_before: block && end,
                });
                end = block && !(t.kind == TokenKind::Word && text.bytes().all(|c| c.is_ascii_alphabetic() || c == b'\''));
            }
        }
    }
    // Scanned prefix of the sentence for configuration (3), and whether it
    // holds an organisation that may be a subject.
    let (mut scanned, mut org_subject) = (0, false);
    for (k, t) in toks.iter().enumerate() {
        let Some((_, case)) = t.word().then(|| pronoun_of(t.text)).flatten() else {
            continue;
        };
        if case == Case::Reflexive || doc.in_quote(t.span) {
            continue;
        }
        let org = match case {
            Case::Subject => {
                org_reported(toks, k) || {
                    // (5) a clause of the organisation as the subject.
                    let opens = k.checked_sub(1).and_then(|j| toks.get(j)).is_some_and(|b| {
                        b.word()
                            && ((has_class(b.text, cls::CLAUSE_OPENERS)
                                && !b.text.eq_ignore_ascii_case("and")
                                && !b.text.eq_ignore_ascii_case("so"))
                                || may_open_question(b.text)
                                || (b.text.len() >= 4 && b.text.ends_with('s') && b.text.bytes().all(|c| c.is_ascii_lowercase()))
                                // (6) ", saying he".
                                || (PARTICIPLES_OF_SPEECH.contains(&b.text) && k >= 2 && toks.get(k - 2).is_some_and(|c| c.text == ",")))
                    });
                    if opens {
                        while scanned < k {
                            org_subject |= org_last(toks, scanned) && subject_possible(toks, scanned);
                            scanned += 1;
                        }
                    }
                    opens && org_subject
                }
            }
            _ if t.text.len() == 3 && possessive_her(toks, k) => {
                while scanned < k {
                    org_subject |= org_last(toks, scanned) && subject_possible(toks, scanned);
                    scanned += 1;
                }
                org_subject || org_opening(toks, k, block)
            }
            _ => false,
        };
        if org {
            return true;
        }
    }
    false
}

/// The non-space token after token `i` of a block, and whether a line break
/// (where a sentence may end) comes between.
fn next_token<'t>(doc: &Document, all: &'t [crate::document::Token], i: usize) -> Option<(usize, &'t crate::document::Token, bool)> {
    let mut gap = false;
    for (j, t) in all.iter().enumerate().skip(i + 1) {
        match t.kind {
            TokenKind::Newline => gap = true,
            TokenKind::Space => gap |= !doc.prose.get(t.span.range()).is_some_and(str::is_ascii),
            _ => return Some((j, t, gap)),
        }
    }
    None
}

/// [`subject_possible`] for the word at `i` of a block, from the raw tokens:
/// whether a mention ending there may be a subject.
fn subject_may_follow(doc: &Document, all: &[crate::document::Token], i: usize) -> bool {
    let text = |t: &crate::document::Token| doc.prose.get(t.span.range()).unwrap_or("");
    let Some(w) = all.get(i).map(text) else { return false };
    // Possessive (also a non-ASCII one, after which a sentence may end), or
    // a possessive that lost its apostrophe ("Parks").
    if strip_possessive(w).1 || !w.is_ascii() || w.contains(['.', '!', '?']) || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss")) {
        return true;
    }
    let lower_word = |t: &crate::document::Token| t.kind == TokenKind::Word && text(t).chars().next().is_some_and(char::is_lowercase);
    let Some((mut j, mut next, gap)) = next_token(doc, all, i) else {
        return true;
    };
    if gap || next.kind != TokenKind::Word {
        return true;
    }
    // A prepositional phrase may come before the verb ("The commission into
    // the industry will").
    if lower_word(next) && has_class(text(next), cls::PREPOSITIONS) && !text(next).eq_ignore_ascii_case("and") {
        return true;
    }
    // Adverbs (a word ending a sentence always has a terminator after it);
    // "has", "had", "have" among them are the subject's auxiliary.
    while lower_word(next) && has_class(text(next), cls::ADVERBS) {
        if !text(next).is_ascii() || has_class(text(next), cls::AUXILIARIES) {
            return true;
        }
        match next_token(doc, all, j) {
            None => return true,
            Some((_, _, true)) => return true,
            Some((k, t, false)) => (j, next) = (k, t),
        }
    }
    let w = text(next);
    lower_word(next)
        && (has_class(w, cls::AUXILIARIES | cls::SPEECH_VERBS)
            || (w.len() > 4 && w.ends_with("ed"))
            || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !has_class(w, cls::NOT_AFTER_POSSESSIVE)))
}

/// [`possessive_her`] for the pronoun at `i` of a block, from the raw tokens.
fn possessive_may_follow(doc: &Document, all: &[crate::document::Token], i: usize) -> bool {
    let text = |t: &crate::document::Token| doc.prose.get(t.span.range()).unwrap_or("");
    if !all.get(i).is_some_and(|t| text(t).eq_ignore_ascii_case("her")) {
        return true;
    }
    match next_token(doc, all, i) {
        None => false,
        Some((_, _, true)) => true,
        // A capitalised word may be a possessive's head ("her Instagram
        // account", see `Builder::her_before_name`).
        Some((_, n, false)) if n.kind == TokenKind::Word => {
            text(n).chars().next().is_some_and(|c| c.is_uppercase())
                || text(n).chars().next().is_some_and(char::is_lowercase) && !has_class(text(n), cls::NOT_AFTER_POSSESSIVE)
        }
        Some((_, n, false)) => text(n).chars().all(|c| c.is_ascii_digit()) || text(n).chars().next().is_some_and(|c| c.is_ascii_digit()),
    }
}

/// Shape-table flags ([`word_flags`]).
const FLAG_PRONOUN: u8 = 1;
const FLAG_GENDERED: u8 = 2;
const FLAG_ORG: u8 = 4;
const FLAG_PARTICLE: u8 = 8;
const FLAG_MENTION: u8 = 16;
const FLAG_ORG_LAST: u8 = 32;

/// [`shape_key`] of a word from its first and last bytes and length.
fn shape_of(first: u8, last: u8, len: usize) -> usize {
    (usize::from(first & 31) << 11) | (usize::from(last & 31) << 6) | (len & 63)
}

/// Per word shape: whether a word of that shape may be a pronoun, a
/// gendered title, kinship or role word, an organisation head (possessive
/// or not: every organisation mention has one) or a name particle; and, as
/// a bit set small enough to stay in cache, whether it may be any of them.
struct WordFlags {
    flags: Vec<u8>,
    any: Vec<u64>,
    /// Per first and last byte (`& 31`): whether any shape with them is
    /// flagged; 128 bytes, always in cache.
    pairs: [u32; 32],
}

impl WordFlags {
    fn get(&self, shape: usize) -> u8 {
        let (first, last) = ((shape >> 11) & 31, (shape >> 6) & 31);
        if self.pairs.get(first).is_some_and(|p| p & (1 << last) != 0)
            && self.any.get(shape / 64).is_some_and(|b| b & (1 << (shape % 64)) != 0)
        {
            self.flags.get(shape).copied().unwrap_or(0)
        } else {
            0
        }
    }
}

fn word_flags() -> &'static WordFlags {
    static FLAGS: OnceLock<WordFlags> = OnceLock::new();
    FLAGS.get_or_init(|| {
        let mut flags = vec![0u8; 1 << 16];
        let mut set = |w: &[u8], flag: u8| {
            if let Some(f) = flags.get_mut(shape_key(w)) {
                *f |= flag;
            }
        };
        for (p, _, _) in PRONOUNS {
            set(p.as_bytes(), FLAG_PRONOUN);
        }
        for &(w, _) in GENDERED_TITLES.iter().chain(ROLE_TITLES).chain(GENDERED_NOUNS) {
            set(w.as_bytes(), FLAG_GENDERED);
        }
        for w in NAME_PARTICLES {
            set(w.as_bytes(), FLAG_PARTICLE);
        }
        for &w in ORG_HEADS.iter().chain(PERSON_NOUNS).chain(GENDERED_NOUNS.iter().map(|(w, _)| w)) {
            set(w.as_bytes(), FLAG_MENTION);
        }
        for (&w, head) in ORG_HEADS.iter().map(|w| (w, true)).chain(NAME_PARTICLES.iter().map(|w| (w, false))) {
            // With every possessive ending `strip_possessive` removes.
            let mut forms = vec![w.to_string(), format!("{w}'s"), format!("{w}’s")];
            if w.ends_with('s') {
                forms.extend([format!("{w}'"), format!("{w}’")]);
            }
            for f in forms {
                set(f.as_bytes(), if head { FLAG_ORG | FLAG_ORG_LAST } else { FLAG_ORG_LAST });
            }
        }
        // "Banco Montealto": an organisation word of another language
        // opening the name.
        for w in ORG_FIRST {
            set(w.as_bytes(), FLAG_ORG);
        }
        // "Hanul Electronics": a company word ending the name.
        for &w in COMPANY_HEADS {
            for f in [w.to_string(), format!("{w}'s"), format!("{w}’s")] {
                set(f.as_bytes(), FLAG_ORG | FLAG_ORG_LAST);
            }
        }
        let mut any = vec![0u64; (1 << 16) / 64];
        let mut pairs = [0u32; 32];
        for (shape, _) in flags.iter().enumerate().filter(|(_, &f)| f != 0) {
            if let Some(b) = any.get_mut(shape / 64) {
                *b |= 1 << (shape % 64);
            }
            if let Some(p) = pairs.get_mut((shape >> 11) & 31) {
                *p |= 1 << ((shape >> 6) & 31);
            }
        }
        WordFlags { flags, any, pairs }
    })
}

fn gender_index(g: Gender) -> usize {
    match g {
        Gender::Male => 0,
        Gender::Female => 1,
    }
}

/// Whether "her" at `k` may be a possessive (as `find_pronouns` decides);
/// always for "his".
fn possessive_her(toks: &[PTok], k: usize) -> bool {
    let Some(t) = toks.get(k) else { return false };
    if !t.text.eq_ignore_ascii_case("her") {
        return true;
    }
    match toks.get(k + 1) {
        Some(n) if n.word() => !n.lower() || !has_class(n.text, cls::NOT_AFTER_POSSESSIVE),
        Some(n) => n.text.chars().all(|c| c.is_ascii_digit()) || n.text.chars().next().is_some_and(|c| c.is_ascii_digit()),
        None => false,
    }
}

/// Whether token `i` may be the last token of an organisation mention: an
/// organisation head word, or a name particle ending a name chain.
fn org_last(toks: &[PTok], i: usize) -> bool {
    let Some(t) = toks.get(i).filter(|t| t.word()) else { return false };
    if t.cap() && (org_of_for(toks, i) || org_first_before(toks, i)) {
        return true;
    }
    if word_flags().get(shape_key(t.text.as_bytes())) & FLAG_ORG_LAST == 0 {
        return false;
    }
    let (stem, possessive) = strip_possessive(t.text);
    let bits = classes(t.text) | if possessive { classes(stem) } else { 0 };
    if bits & cls::NAME_PARTICLES != 0 || (bits & (cls::ORG_HEADS | cls::COMPANY_HEADS) != 0 && !t.lower()) {
        return true;
    }
    if bits & cls::ORG_HEADS == 0 {
        return false;
    }
    // A lowercase head: a hyphenated part of a name chain, or "the/its/their
    // ... agency" not followed by a name (`build_mentions`).
    let prev = |k: usize| i.checked_sub(k).and_then(|j| toks.get(j));
    if prev(1).is_some_and(|p| p.text == "-") {
        return true;
    }
    let det = (1..=4)
        .map_while(|k| prev(k).filter(|p| p.word()))
        .any(|p| p.text.eq_ignore_ascii_case("the") || p.text.eq_ignore_ascii_case("its") || p.text.eq_ignore_ascii_case("their"));
    det && !after(toks, i).is_some_and(|n| n.cap() || n.text == "-")
}

/// The capitalised word at `i` ends a name opened by an organisation word
/// of another language ("Banco Montealto"; as `Builder::classify` reads
/// them).
fn org_first_before(toks: &[PTok], i: usize) -> bool {
    (1..5)
        .map_while(|k| i.checked_sub(k).and_then(|j| toks.get(j)).filter(|t| t.cap()))
        .any(|t| classes(t.text) & cls::ORG_FIRST != 0)
}

/// The capitalised word at `i` ends a name after "of" or "for" that
/// completes an organisation's name: "the Ministry of Social Affairs", "the
/// Center for Volcanology" (as `Builder::classify` reads them).
fn org_of_for(toks: &[PTok], i: usize) -> bool {
    let mut j = i;
    while j > 0 && i - j < 6 && toks.get(j - 1).is_some_and(|p| p.cap()) {
        j -= 1;
    }
    // A portfolio after "and": "the Ministry of Education and Culture".
    let and = j
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .is_some_and(|a| a.text == "and" || a.text == "&");
    if and && j >= 2 && toks.get(j - 2).is_some_and(|p| p.cap()) && toks.get(i).is_some_and(|t| portfolio_word(strip_possessive(t.text).0))
    {
        j -= 1;
        while j > 0 && i - j < 8 && toks.get(j - 1).is_some_and(|p| p.cap()) {
            j -= 1;
        }
    }
    let (Some(of), Some(head)) = (
        j.checked_sub(1).and_then(|k| toks.get(k)),
        j.checked_sub(2).and_then(|k| toks.get(k)),
    ) else {
        return false;
    };
    let (stem, _) = strip_possessive(head.text);
    (of.text == "of" || of.text == "for")
        && head.cap()
        && (classes(stem) & cls::ORG_HEADS != 0 || head.text.eq_ignore_ascii_case("centre") || head.text.eq_ignore_ascii_case("center"))
}

/// Whether a mention ending at token `i` may be a subject (`is_subject`,
/// loosened: the tests on the words before the mention are left out).
fn subject_possible(toks: &[PTok], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    // Possessive, or a possessive that lost its apostrophe ("Parks").
    if strip_possessive(t.text).1 || (t.text.len() > 3 && t.text.ends_with('s') && !t.text.ends_with("ss")) {
        return true;
    }
    let mut j = i;
    match after(toks, j) {
        // "said X." and "X, who": anything may follow.
        None => return true,
        Some(n) if !n.word() => return true,
        _ => {}
    }
    // (`Builder::is_subject` loosened: a prepositional phrase may come
    // before the verb, and "has" ends the adverbs as the auxiliary.)
    if after(toks, j).is_some_and(|n| n.lower() && has_class(n.text, cls::PREPOSITIONS) && !n.text.eq_ignore_ascii_case("and")) {
        return true;
    }
    while let Some(n) = after(toks, j).filter(|n| n.lower() && has_class(n.text, cls::ADVERBS)) {
        if has_class(n.text, cls::AUXILIARIES) {
            return true;
        }
        j += 1;
    }
    let Some(next) = after(toks, j) else { return true };
    let w = next.text;
    next.lower()
        && (has_class(w, cls::AUXILIARIES | cls::SPEECH_VERBS)
            || (w.len() > 4 && w.ends_with("ed"))
            || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !has_class(w, cls::NOT_AFTER_POSSESSIVE)))
}

/// (1) "ORG [adverb] said [that] he/she", the subject pronoun at `k`.
fn org_reported(toks: &[PTok], k: usize) -> bool {
    let text = |i: usize| toks.get(i).map_or("", |t| t.text);
    reported_org_end(&text, k).is_some_and(|l| org_last(toks, l) || (text(l) == "and" && coordinated_org(toks, l)))
}

/// "The central bank held its rate on Thursday and said she would": the
/// reporting verb after "and" (token `and`) shares the subject of the clause
/// before it, an organisation opening the sentence (the first organisation
/// of the sentence, followed by a lowercase word, with no sentence end or
/// pronoun between it and "and").
fn coordinated_org(toks: &[PTok], and: usize) -> bool {
    const PERSONAL: [&str; 9] = ["he", "she", "his", "her", "him", "they", "it", "who", "which"];
    let mut first = None;
    let mut j = and;
    while j > 0 && and - j < 40 {
        let t = &toks[j];
        if t.end_before || matches!(t.text, "." | "?" | "!" | ";" | "\"" | "\u{201c}" | "\u{201d}") {
            break;
        }
        j -= 1;
        if matches!(toks[j].text, "." | "?" | "!" | ";" | "\"" | "\u{201c}" | "\u{201d}")
            || PERSONAL.iter().any(|p| toks[j].text.eq_ignore_ascii_case(p))
        {
            break;
        }
        if org_last(toks, j) && after(toks, j).is_some_and(|n| n.word() && n.lower()) {
            first = Some(j);
        }
    }
    first.is_some()
}

/// Configuration (1) of `org-pronoun` read backwards from a subject pronoun
/// at token `k` (`text` gives a token's text, punctuation included): the
/// reporting verb just before it, or before "that" ("said that she"), or
/// before a few words and "that" ("said on Monday that she"); then any
/// adverbs ("also said"), and a relative clause after the organisation
/// ("The agency, which monitors food safety, said she"). Returns the token
/// that must end the organisation.
pub(crate) fn reported_org_end<'a>(text: &dyn Fn(usize) -> &'a str, k: usize) -> Option<usize> {
    let word = |i: usize| text(i).chars().all(char::is_alphanumeric) && !text(i).is_empty();
    let before = k.checked_sub(1)?;
    // Up to three words between the verb and `end` (exclusive), none of
    // them another verb of reporting.
    let verb_before = |end: usize| {
        (end.saturating_sub(4)..end)
            .rev()
            .take_while(|&v| word(v))
            .find(|&v| has_class(text(v), cls::ORG_REPORTING))
    };
    // "said on Saturday, adding that she" / ", saying she": a participle
    // of speech after the comma carries the subject of the verb before it.
    let participle = |at: usize| {
        let that = usize::from(text(at).eq_ignore_ascii_case("that"));
        let p = at.checked_sub(that)?;
        let comma = p.checked_sub(1)?;
        (PARTICIPLES_OF_SPEECH.contains(&text(p)) && text(comma) == ",")
            .then(|| verb_before(comma))
            .flatten()
    };
    let verb = if has_class(text(before), cls::ORG_REPORTING) {
        before
    } else if let Some(v) = participle(before) {
        v
    } else if text(before).eq_ignore_ascii_case("that") {
        verb_before(before)?
    } else {
        return None;
    };
    let mut l = verb.checked_sub(1)?;
    while has_class(text(l), cls::ORG_ADVERBS) {
        l = l.checked_sub(1)?;
    }
    // "The Electoral Commission (ELCOM) said": an acronym in brackets.
    if text(l) == ")" && l >= 3 && text(l - 2) == "(" && all_caps(text(l - 1)) && text(l - 1).starts_with(char::is_alphabetic) {
        l -= 3;
    }
    // "Sanjeevani General Hospital in Nagpur said": a place after the
    // organisation.
    let cap = |i: usize| text(i).starts_with(char::is_uppercase);
    if cap(l) {
        let mut j = l;
        while j > 0 && l - j < 3 && cap(j - 1) {
            j -= 1;
        }
        if j >= 2 && matches!(text(j - 1), "in" | "at") && cap(j - 2) {
            l = j - 2;
        }
    }
    if text(l) == "," {
        // ", which ... ," before the verb, or an apposition (", known as
        // AFAD,", ", the state weather agency,", ", based in Lyon,").
        let open = (l.saturating_sub(16)..l).rev().find(|&j| {
            matches!(
                text(j),
                "which" | "whose" | "known" | "formerly" | "also" | "based" | "founded" | "headquartered" | "the" | "a" | "an" | "its"
            ) && j >= 1
                && text(j - 1) == ","
        })?;
        l = open.checked_sub(2)?;
    }
    Some(l)
}

/// Participles that report speech after a comma: "said on Saturday, adding
/// that she".
pub(crate) const PARTICIPLES_OF_SPEECH: &[&str] = &[
    "adding",
    "saying",
    "noting",
    "stressing",
    "insisting",
    "explaining",
    "warning",
    "arguing",
];

/// (2) "In his/her ..., the ORG said", the possessive at `k` (over a whole
/// `block`, without the test on the preposition).
fn org_opening(toks: &[PTok], k: usize, block: bool) -> bool {
    // The preposition starts its sentence: only punctuation before it. (The
    // analysis reads the token before the pronoun even across a sentence
    // end: a pronoun first in its sentence passes.)
    if let Some(prep) = k.checked_sub(1).filter(|_| !block) {
        if !toks.get(prep).is_some_and(|t| has_class(t.text, cls::OPENING_PREPOSITIONS)) {
            return false;
        }
        let mut j = prep;
        while j > 0 {
            j -= 1;
            if toks.get(j).is_some_and(|t| t.word() || t.text.chars().all(char::is_alphanumeric)) {
                return false;
            }
        }
    }
    // A comma, then the organisation as a subject.
    let Some(comma) = (k + 1..toks.len()).find(|&j| toks.get(j).is_some_and(|t| t.text == ",")) else {
        return false;
    };
    (comma + 1..toks.len()).any(|j| org_last(toks, j) && subject_possible(toks, j))
}

/// A set of words as bits of their shapes ([`shape_key`]): never misses a
/// member, rarely admits another word.
struct Shape([u64; 64]);

impl Shape {
    fn key(w: &[u8]) -> Option<usize> {
        if w.is_empty() {
            return None;
        }
        // 12 well-mixed bits of the 16-bit shape.
        Some((shape_key(w).wrapping_mul(0x9E37_79B1) >> 12) & 4095)
    }
    fn insert(&mut self, w: &str) {
        if let Some(b) = Shape::key(w.as_bytes()).and_then(|k| self.0.get_mut(k / 64).map(|b| (b, k))) {
            *b.0 |= 1 << (b.1 % 64);
        }
    }
    fn may_hold(&self, w: &str) -> bool {
        Shape::key(w.as_bytes()).is_some_and(|k| self.0.get(k / 64).is_some_and(|b| b & (1 << (k % 64)) != 0))
    }
}

const PRONOUNS: &[(&str, Gender, Case)] = &[
    ("he", Gender::Male, Case::Subject),
    ("him", Gender::Male, Case::Object),
    ("his", Gender::Male, Case::Possessive),
    ("himself", Gender::Male, Case::Reflexive),
    ("she", Gender::Female, Case::Subject),
    ("her", Gender::Female, Case::Possessive),
    ("hers", Gender::Female, Case::Possessive),
    ("herself", Gender::Female, Case::Reflexive),
];

fn pronoun_of(w: &str) -> Option<(Gender, Case)> {
    let b = w.as_bytes();
    if !(2..=7).contains(&b.len()) || !matches!(b.first(), Some(b'h' | b'H' | b's' | b'S')) {
        return None;
    }
    // The bytes as one little-endian integer with ASCII letters folded to
    // lowercase: `b | 0x20` equals a lowercase letter only for that letter in
    // either case, so comparing with a lowercase word is exact.
    let key = b.iter().rev().fold(0u64, |k, &c| (k << 8) | u64::from(c | 0x20));
    let word = |s: &str| s.bytes().rev().fold(0u64, |k, c| (k << 8) | u64::from(c));
    PRONOUNS
        .iter()
        .find(|(p, _, _)| p.len() == b.len() && word(p) == key)
        .map(|&(_, g, c)| (g, c))
}

/// `w` in ASCII lowercase, in `buf`, when `w` is ASCII and fits; `None`
/// otherwise (then callers fall back to `to_lowercase`).
fn ascii_lower<'b>(w: &str, buf: &'b mut [u8]) -> Option<&'b str> {
    if !w.is_ascii() {
        return None;
    }
    let out = buf.get_mut(..w.len())?;
    out.copy_from_slice(w.as_bytes());
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

/// Honorifics and gendered titles: strong evidence.
static GENDERED_TITLES: &[(&str, Gender)] = &[
    ("mr", Gender::Male),
    ("mister", Gender::Male),
    ("sir", Gender::Male),
    ("lord", Gender::Male),
    ("king", Gender::Male),
    ("prince", Gender::Male),
    ("duke", Gender::Male),
    ("emperor", Gender::Male),
    ("baron", Gender::Male),
    ("count", Gender::Male),
    ("sheikh", Gender::Male),
    ("monsieur", Gender::Male),
    ("señor", Gender::Male),
    ("herr", Gender::Male),
    ("mrs", Gender::Female),
    ("ms", Gender::Female),
    ("miss", Gender::Female),
    ("madam", Gender::Female),
    ("madame", Gender::Female),
    ("mme", Gender::Female),
    ("mlle", Gender::Female),
    ("dame", Gender::Female),
    ("lady", Gender::Female),
    ("queen", Gender::Female),
    ("princess", Gender::Female),
    ("duchess", Gender::Female),
    ("empress", Gender::Female),
    ("baroness", Gender::Female),
    ("countess", Gender::Female),
    ("señora", Gender::Female),
    ("frau", Gender::Female),
    ("actress", Gender::Female),
    ("congresswoman", Gender::Female),
    ("chairwoman", Gender::Female),
    ("spokeswoman", Gender::Female),
    ("businesswoman", Gender::Female),
    ("sportswoman", Gender::Female),
    ("councilwoman", Gender::Female),
    ("stateswoman", Gender::Female),
    ("policewoman", Gender::Female),
    ("heiress", Gender::Female),
    ("widow", Gender::Female),
];

/// Roles that are gendered by form but sometimes used for anyone: weak.
static ROLE_TITLES: &[(&str, Gender)] = &[
    ("chairman", Gender::Male),
    ("spokesman", Gender::Male),
    ("congressman", Gender::Male),
    ("businessman", Gender::Male),
    ("councilman", Gender::Male),
    ("statesman", Gender::Male),
    ("policeman", Gender::Male),
    ("sportsman", Gender::Male),
    ("actor", Gender::Male),
];

/// Kinship and gendered common nouns.
static GENDERED_NOUNS: &[(&str, Gender)] = &[
    ("man", Gender::Male),
    ("boy", Gender::Male),
    ("husband", Gender::Male),
    ("father", Gender::Male),
    ("son", Gender::Male),
    ("brother", Gender::Male),
    ("uncle", Gender::Male),
    ("nephew", Gender::Male),
    ("grandfather", Gender::Male),
    ("grandson", Gender::Male),
    ("stepfather", Gender::Male),
    ("stepson", Gender::Male),
    ("boyfriend", Gender::Male),
    ("widower", Gender::Male),
    ("gentleman", Gender::Male),
    ("fiance", Gender::Male),
    ("king", Gender::Male),
    ("prince", Gender::Male),
    ("woman", Gender::Female),
    ("girl", Gender::Female),
    ("wife", Gender::Female),
    ("mother", Gender::Female),
    ("daughter", Gender::Female),
    ("sister", Gender::Female),
    ("aunt", Gender::Female),
    ("niece", Gender::Female),
    ("grandmother", Gender::Female),
    ("granddaughter", Gender::Female),
    ("stepmother", Gender::Female),
    ("stepdaughter", Gender::Female),
    ("girlfriend", Gender::Female),
    ("widow", Gender::Female),
    ("lady", Gender::Female),
    ("fiancee", Gender::Female),
    ("queen", Gender::Female),
    ("princess", Gender::Female),
    ("actress", Gender::Female),
    ("mum", Gender::Female),
    ("mom", Gender::Female),
    ("dad", Gender::Male),
];

/// Titles and roles that precede a person's name (no gender).
static TITLES: &[&str] = &[
    "mp",
    "mep",
    "mla",
    "msp",
    "president",
    "minister",
    "premier",
    "chancellor",
    "leader",
    "senator",
    "sen",
    "rep",
    "representative",
    "governor",
    "gov",
    "mayor",
    "pope",
    "general",
    "gen",
    "colonel",
    "col",
    "captain",
    "capt",
    "admiral",
    "adm",
    "sergeant",
    "sgt",
    "lieutenant",
    "lt",
    "commander",
    "chief",
    "director",
    "secretary",
    "spokesperson",
    "ambassador",
    "envoy",
    "lawmaker",
    "legislator",
    "judge",
    "justice",
    "professor",
    "prof",
    "dr",
    "doctor",
    "chair",
    "ceo",
    "founder",
    "advisor",
    "adviser",
    "speaker",
    "coach",
    "manager",
    "analyst",
    "author",
    "writer",
    "singer",
    "player",
    "officer",
    "official",
    "dictator",
    "emir",
    "cardinal",
    "bishop",
    "rabbi",
    "imam",
    "rev",
    "reverend",
    "deputy",
    "chairperson",
    "diplomat",
    "economist",
    "researcher",
    "scientist",
    "commissioner",
    "prosecutor",
    "attorney",
    "lawyer",
    "activist",
    "journalist",
    "reporter",
    "correspondent",
    "editor",
    "candidate",
    "nominee",
    "comedian",
    "artist",
    "poet",
    "novelist",
    "director",
    "producer",
    "musician",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "quarterback",
    "pitcher",
    "boxer",
    "rapper",
    "dancer",
    "designer",
    "architect",
    "entrepreneur",
    "investor",
    "billionaire",
    "executive",
    "head",
    "president-elect",
    "vice",
    "aide",
    "assistant",
    "counsel",
    "inspector",
    "detective",
    "agent",
    "consul",
    "ayatollah",
    "cleric",
    "priest",
    "pastor",
    "chef",
    "host",
    "anchor",
    "teacher",
    "student",
    "nurse",
    "surgeon",
    "physician",
    "colleague",
    "friend",
    "partner",
    "rival",
    "opponent",
];

/// Person nouns that make an anonymous, gender-unknown person.
static PERSON_NOUNS: &[&str] = &[
    "official",
    "spokesperson",
    "minister",
    "lawmaker",
    "legislator",
    "analyst",
    "president",
    "leader",
    "diplomat",
    "envoy",
    "ambassador",
    "prosecutor",
    "judge",
    "lawyer",
    "attorney",
    "suspect",
    "victim",
    "defendant",
    "witness",
    "director",
    "chief",
    "executive",
    "ceo",
    "chairperson",
    "secretary",
    "governor",
    "mayor",
    "senator",
    "candidate",
    "officer",
    "soldier",
    "doctor",
    "nurse",
    "teacher",
    "student",
    "driver",
    "passenger",
    "resident",
    "patient",
    "researcher",
    "scientist",
    "professor",
    "expert",
    "source",
    "reporter",
    "journalist",
    "author",
    "writer",
    "artist",
    "player",
    "coach",
    "manager",
    "owner",
    "founder",
    "user",
    "person",
    "child",
    "baby",
    "teenager",
    "adult",
    "individual",
    "worker",
    "employee",
    "aide",
    "adviser",
    "advisor",
    "parent",
    "partner",
    "spouse",
    "premier",
    "chancellor",
    "commander",
    "general",
    "activist",
    "economist",
    "investigator",
    "detective",
    "agent",
    "friend",
    "neighbour",
    "neighbor",
    "colleague",
    "actor",
    "singer",
    "athlete",
    "survivor",
    "detainee",
    "prisoner",
    "inmate",
    "farmer",
    "correspondent",
    "editor",
    "host",
    "speaker",
    "representative",
    "deputy",
    "counterpart",
    "predecessor",
    "successor",
    "incumbent",
    "chairman",
    "spokesman",
    "congressman",
    "businessman",
];

/// Head nouns of organisations.
/// Organisation words that open a name in other languages ("Banco
/// Montealto", "Grupo Ferrara", "Bank Negara", "Universiti Sains"): the
/// name is an organisation, never a person.
static ORG_FIRST: &[&str] = &[
    "banco",
    "banca",
    "banque",
    "bank",
    "grupo",
    "gruppo",
    "groupe",
    "compañía",
    "compagnie",
    "companhia",
    "compagnia",
    "instituto",
    "institut",
    "istituto",
    "universidad",
    "universidade",
    "université",
    "università",
    "universiti",
    "universitas",
    "fundación",
    "fundação",
    "fondation",
    "fondazione",
    "stiftung",
    "partido",
    "partito",
    "partai",
    "sindicato",
    "syndicat",
    "sindacato",
    "federación",
    "federação",
    "fédération",
    "federazione",
    "asociación",
    "associação",
    "associazione",
    "ministerio",
    "ministério",
    "ministère",
    "ministero",
    "kementerian",
    "badan",
    "dewan",
    "majlis",
    "komisi",
    "comisión",
    "comissão",
    "commissione",
    "consejo",
    "conselho",
    "conseil",
    "consiglio",
    "agencia",
    "agência",
    "agenzia",
    "empresa",
    "sociedad",
    "sociedade",
    "société",
    "società",
    "hospital",
    "hôpital",
    "ospedale",
    "clínica",
    "tribunal",
    "tribunale",
    "corte",
    "cour",
    "cámara",
    "câmara",
];

pub static ORG_HEADS: &[&str] = &[
    "hospital",
    "clinic",
    "agency",
    "ministry",
    "government",
    "service",
    "company",
    "committee",
    "party",
    "council",
    "court",
    "bank",
    "bureau",
    "office",
    "commission",
    "department",
    "corporation",
    "firm",
    "group",
    "union",
    "association",
    "organisation",
    "organization",
    "authority",
    "administration",
    "cabinet",
    "parliament",
    "congress",
    "senate",
    "assembly",
    "army",
    "navy",
    "military",
    "regiment",
    "battalion",
    "brigade",
    "squadron",
    "corps",
    "police",
    "institute",
    "university",
    "foundation",
    "federation",
    "league",
    "club",
    "team",
    "board",
    "regime",
    "directorate",
    "secretariat",
    "embassy",
    "consulate",
    "network",
    "newspaper",
    "broadcaster",
    "publisher",
    "startup",
    "conglomerate",
    "bloc",
    "alliance",
    "coalition",
    "tribunal",
    "inc",
    "corp",
    "ltd",
    "plc",
    "llc",
    "co",
    "fund",
    "charity",
    "brand",
    "manufacturer",
    "retailer",
    "airline",
    "airlines",
    "airways",
    "carrier",
    "watchdog",
    "regulator",
    "prosecutors",
    "ngo",
];

/// The plural of an organisation head ending a name: "Health Services",
/// "Emergency Services", "Social Agencies" (not "Banks", a surname).
fn plural_org_head(w: &str) -> bool {
    if w.len() < 6 || !w.ends_with('s') || w.ends_with("ss") || !w.is_ascii() || w.eq_ignore_ascii_case("banks") {
        return false;
    }
    // (The word classes ignore case.)
    match w.strip_suffix("ies") {
        Some(stem) => classes(&format!("{stem}y")) & cls::ORG_HEADS != 0,
        None => w.strip_suffix('s').is_some_and(|stem| classes(stem) & cls::ORG_HEADS != 0),
    }
}

/// A capitalised abstract noun that ends the name of a company or a thing,
/// never a surname: "Sao Viet Mobility", "Kordani Logistics", "Tarrow
/// Development" ("-ity", "-tion", "-sion", "-ology", "-ics" of seven
/// letters or more, "-ment" of nine or more: not "Clement").
fn abstract_noun(w: &str) -> bool {
    let n = w.len();
    w.is_ascii() && ((n >= 7 && ends_with_any(w, &["ity", "tion", "sion", "ology", "ics"])) || (n >= 9 && ends_with_any(w, &["ment"])))
}

/// Whether `w` ends with one of `suffixes`, ignoring ASCII case (a
/// non-ASCII letter of a suffix must match exactly).
fn ends_with_any(w: &str, suffixes: &[&str]) -> bool {
    let b = w.as_bytes();
    suffixes
        .iter()
        .any(|s| b.len() >= s.len() && b[b.len() - s.len()..].eq_ignore_ascii_case(s.as_bytes()))
}

/// A plural noun for people by its ending ("Colleagues", "Researchers",
/// "Residents", "Analysts", "Employees"), of six letters or more.
fn plural_of_people(w: &str) -> bool {
    w.len() >= 6 && w.is_ascii() && ends_with_any(w, &["ers", "ists", "ants", "ents", "ors", "ees", "gues", "ians"])
}

/// The gender a patronymic particle states: "bin", "ibn" (son of), "binti",
/// "bint", "binte" (daughter of).
fn patronymic_gender(w: &str) -> Option<Gender> {
    match w {
        "bin" | "ibn" => Some(Gender::Male),
        "binti" | "bint" | "binte" => Some(Gender::Female),
        _ => None,
    }
}

/// A surname in a female form: Slavic "-ova", "-eva", "-ová", "-ská",
/// "-cká", "-ska", "-cka", "-skaya" ("Petrova", "Nowakowska"), Baltic
/// "-ienė", "-aitė", "-ytė", "-utė" and Icelandic "-dóttir" (seven letters
/// or more: not "Geneva").
fn female_surname(w: &str) -> bool {
    ends_with_any(
        w,
        &[
            "ova", "eva", "ová", "ská", "cká", "ska", "cka", "skaya", "skaja", "ienė", "aitė", "ytė", "utė", "dóttir", "dottir",
        ],
    ) && w.chars().count() >= 7
}

/// The last word of a portfolio coordinated into an organisation's name
/// ("Culture", "Tourism", "Hazard Mitigation", "Energy"): an abstract noun
/// or a company word, or a noun of seven letters or more ending in "-ure",
/// "-ism", "-ance", "-ence", "-ness" or "-ship".
fn portfolio_word(w: &str) -> bool {
    abstract_noun(w)
        || classes(w) & cls::PLACE_HEADS != 0
        || (w.is_ascii() && w.len() >= 7 && ends_with_any(w, &["ure", "ism", "ance", "ence", "ness", "ship"]))
}

/// Last words of place and thing names (never persons).
/// Last words of company names ("Tarrow Energy", "Tata Motors"), none of
/// them a common surname: organisations (and no persons or places).
static COMPANY_HEADS: &[&str] = &[
    "energy",
    "holdings",
    "industries",
    "motors",
    "resources",
    "petroleum",
    "telecom",
    "telecommunications",
    "technologies",
    "pharmaceuticals",
    "insurance",
    "mining",
    "railways",
    "shipping",
    "logistics",
    "securities",
    "investments",
    "properties",
    "enterprises",
    "communications",
    "electronics",
    "chemicals",
];

static PLACE_HEADS: &[&str] = &[
    // Sports clubs ("Sheffield United", "Blackburn Rovers").
    "united",
    "rovers",
    "wanderers",
    "athletic",
    "albion",
    "rangers",
    "hotspur",
    "fc",
    "square",
    "street",
    "avenue",
    "road",
    "river",
    "sea",
    "ocean",
    "lake",
    "island",
    "islands",
    "mountain",
    "mountains",
    "province",
    "city",
    "county",
    "state",
    "states",
    "republic",
    "kingdom",
    "region",
    "peninsula",
    "airport",
    "station",
    "hotel",
    "hospital",
    "museum",
    "stadium",
    "tower",
    "bridge",
    "palace",
    "hall",
    "house",
    "park",
    "valley",
    "strip",
    "heights",
    "basin",
    "delta",
    "plateau",
    "plains",
    "archipelago",
    "glacier",
    "reef",
    "canyon",
    "corridor",
    "coast",
    "bay",
    "strait",
    "gulf",
    "desert",
    "war",
    "day",
    "prize",
    "award",
    "cup",
    "games",
    "championship",
    "summit",
    "forum",
    "act",
    "treaty",
    "accord",
    "agreement",
    "empire",
    "dynasty",
    "church",
    "mosque",
    "temple",
    "cathedral",
    "school",
    "college",
    "centre",
    "center",
    "district",
    "territory",
    "territories",
    "village",
    "town",
    "port",
    "canal",
    "highway",
    "building",
    "zone",
    "front",
    "line",
    "festival",
    "week",
    "year",
    "times",
    "post",
    "news",
    "journal",
    "daily",
    "herald",
    "tribune",
    "press",
    "review",
    "magazine",
    "channel",
    "radio",
    "tv",
    "era",
    "age",
    "revolution",
    "movement",
    "project",
    "program",
    "programme",
    "plan",
    "initiative",
    "code",
    "law",
    "bill",
    "index",
];

/// First words of place names.
static PLACE_FIRST: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "new",
    "saint",
    "st",
    "san",
    "santa",
    "los",
    "las",
    "fort",
    "mount",
    "lake",
    "port",
    "upper",
    "lower",
    "greater",
    "united",
    "great",
    "old",
    "the",
    "sri",
    "costa",
    "puerto",
    "hong",
    "cape",
    "gulf",
    "middle",
    "far",
    "near",
    "inner",
    "outer",
    "typhoon",
    "hurricane",
    "cyclone",
    "storm",
    "tropical",
];

static NAME_PARTICLES: &[&str] = &[
    "de", "del", "della", "der", "den", "van", "von", "da", "di", "du", "dos", "das", "le", "la", "bin", "ibn", "al", "el", "ter", "ten",
    "y", "bint", "ben", "abu", "zu", "dela", "delos",
];

/// Abbreviated months (the full weekdays and months are
/// [`crate::document::CALENDAR`]).
static CALENDAR_ABBREVIATIONS: &[&str] = &["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"];

/// Capitalised words that are never names (sentence openers, pronouns).
static NOT_NAMES: &[&str] = &[
    "i",
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "of",
    "for",
    "to",
    "and",
    "but",
    "or",
    "if",
    "as",
    "by",
    "with",
    "from",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "they",
    "their",
    "we",
    "our",
    "you",
    "your",
    "there",
    "here",
    "when",
    "while",
    "after",
    "before",
    "since",
    "although",
    "though",
    "however",
    "meanwhile",
    "also",
    "according",
    "last",
    "next",
    "one",
    "two",
    "three",
    "some",
    "many",
    "most",
    "all",
    "both",
    "each",
    "every",
    "no",
    "not",
    "yes",
    "so",
    "then",
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "he",
    "she",
    "his",
    "her",
    "him",
    "hers",
    "himself",
    "herself",
    "what",
    "who",
    "why",
    "how",
    "where",
    "which",
    "during",
    "under",
    "over",
    "about",
    "despite",
    "amid",
    "among",
    "between",
    "into",
    "through",
    "without",
    "within",
    "because",
    "once",
    "until",
    "unless",
    "whether",
    "other",
    "another",
    "such",
    "more",
    "less",
    "only",
    "just",
    "even",
    "still",
    "read",
    "photo",
    "image",
    "video",
    "watch",
    "share",
];

/// Words after which a name is not a subject.
static PREPOSITIONS: &[&str] = &[
    "to",
    "with",
    "by",
    "for",
    "of",
    "from",
    "at",
    "in",
    "on",
    "alongside",
    "between",
    "among",
    "about",
    "against",
    "toward",
    "towards",
    "into",
    "than",
    "like",
    "under",
    "over",
    "via",
    "including",
    "except",
    "without",
    "behind",
    "beside",
    "besides",
    "near",
    "upon",
    "onto",
    "through",
    "after",
    "before",
    "during",
    "around",
    "across",
    "meet",
    "met",
    "meeting",
    "and",
    "or",
    "nor",
    "as",
    "per",
    "unlike",
    "beyond",
    "within",
    "amid",
    "despite",
];

static AUXILIARIES: &[&str] = &[
    "is", "was", "has", "had", "will", "would", "could", "can", "may", "might", "should", "must", "did", "does", "shall", "said", "says",
    "told", "added", "went", "came", "made", "took", "gave", "got", "left", "met", "won", "lost", "ran", "saw", "became", "began", "wrote",
    "spoke", "sent", "kept", "held", "led", "felt", "knew", "thought", "found", "set", "put", "let", "hit", "cut", "who", "later", "also",
    "now", "then", "still", "never", "once", "has", "have", "remains", "is", "been",
];

static SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "states",
    "claimed",
    "claims",
    "believes",
    "believed",
    "believe",
    "thought",
    "thinks",
    "think",
    "noted",
    "notes",
    "reported",
    "reports",
    "estimated",
    "estimates",
    "assessed",
    "assesses",
    "announced",
    "announces",
    "warned",
    "warns",
    "insisted",
    "insists",
    "argued",
    "argues",
    "concluded",
    "predicted",
    "predicts",
    "expects",
    "expected",
    "confirmed",
    "confirms",
    "explained",
    "explains",
    "wrote",
    "writes",
    "asked",
    "asks",
    "replied",
    "stressed",
    "stresses",
    "suggested",
    "suggests",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "denied",
    "denies",
    "revealed",
    "reveals",
];

/// The word before a subject pronoun that may open an indirect question or
/// a clause of condition ("how much she wants", "whether she"): what
/// `org-pronoun`'s configuration (5) takes, loosened for the prechecks.
pub(crate) fn may_open_question(w: &str) -> bool {
    ["whether", "what", "how", "why", "where", "unless", "until", "much", "many"]
        .iter()
        .any(|q| w.eq_ignore_ascii_case(q))
}

/// Finite verbs that end a subject's prepositional phrase ("The commission
/// into the industry will hold").
static FINITE: &[&str] = &[
    "is", "was", "are", "were", "has", "had", "have", "will", "would", "could", "can", "may", "might", "should", "must", "did", "does",
    "said", "says",
];

static ADVERBS: &[&str] = &[
    "also",
    "previously",
    "earlier",
    "later",
    "further",
    "then",
    "now",
    "still",
    "reportedly",
    "recently",
    "already",
    "once",
    "has",
    "had",
    "have",
    "again",
    "repeatedly",
    "publicly",
    "officially",
    "separately",
    "initially",
    "first",
    "last",
    "probably",
    "even",
    // Intensive reflexives: "Vardy himself ended the season".
    "himself",
    "herself",
    "itself",
    "themselves",
];

/// Verbs that take "her" as an object before a capitalised complement:
/// "named her Person of the Year", "called her Madam".
static NAMING_VERBS: &[&str] = &[
    "named",
    "called",
    "made",
    "elected",
    "appointed",
    "crowned",
    "dubbed",
    "voted",
    "declared",
    "considered",
    "name",
    "call",
    "make",
    "elect",
    "appoint",
    "crown",
    "dub",
    "calls",
    "names",
    "makes",
];

/// Words that follow object "her" (so that it is not a possessive).
static NOT_AFTER_POSSESSIVE: &[&str] = &[
    "the",
    "a",
    "an",
    "to",
    "that",
    "and",
    "or",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "of",
    "as",
    "into",
    "about",
    "after",
    "before",
    "if",
    "when",
    "while",
    "this",
    "these",
    "those",
    "back",
    "up",
    "out",
    "off",
    "down",
    "over",
    "away",
    "again",
    "now",
    "then",
    "there",
    "here",
    "was",
    "is",
    "be",
    "been",
    "not",
    "so",
    "but",
    "because",
    "since",
    "until",
    "during",
    "through",
    "how",
    "what",
    "why",
    "who",
    "whom",
    "which",
    "where",
    "his",
    "her",
    "him",
    "their",
    "its",
    "my",
    "your",
    "our",
    "some",
    "any",
    "no",
    "all",
    "more",
    "less",
    "very",
    "too",
    "just",
    "only",
    "also",
    "well",
    "alone",
    "himself",
    "herself",
    "today",
    "yesterday",
    "last",
    "next",
    "once",
    "twice",
    "either",
    "neither",
    "nor",
    "than",
    "like",
    "unless",
    "whether",
    "against",
    "toward",
    "towards",
    "across",
    "along",
    "around",
    "behind",
    "beside",
    "between",
    "beyond",
    "near",
    "under",
    "upon",
    "via",
    "without",
    "within",
    "amid",
    "among",
];

static DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "this", "that", "his", "her", "our", "one", "another", "each", "every", "whose", "my", "your",
];

/// Reporting verbs of `org-pronoun` ("the agency said that she").
pub static ORG_REPORTING: &[&str] = &[
    "said",
    "says",
    "stated",
    "states",
    "claimed",
    "claims",
    "believes",
    "believed",
    "thought",
    "thinks",
    "added",
    "adds",
    "noted",
    "notes",
    "reported",
    "reports",
    "estimated",
    "estimates",
    "assessed",
    "assesses",
    "announced",
    "announces",
    "warned",
    "warns",
    "insisted",
    "insists",
    "argued",
    "argues",
    "concluded",
    "predicted",
    "predicts",
    "expects",
    "expected",
    "explained",
    "explains",
    "stressed",
    "stresses",
    "suggested",
    "suggests",
    "judged",
    "judges",
    "considers",
    "considered",
    "indicated",
    "indicates",
];

/// Adverbs `org-pronoun` skips between an organisation and its verb.
pub static ORG_ADVERBS: &[&str] = &[
    "also",
    "previously",
    "earlier",
    "later",
    "further",
    "then",
    "now",
    "still",
    "reportedly",
    "recently",
    "already",
    "once",
    "again",
    "repeatedly",
    "publicly",
    "officially",
    "separately",
    "initially",
    "has",
    "had",
    "have",
];

/// Prepositions that open a sentence before "his"/"her" (`org-pronoun`).
pub static OPENING_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "during",
    "throughout",
    "with",
    "under",
    "after",
    "before",
    "through",
    "for",
    "on",
    "from",
    "despite",
    "via",
    "by",
];

/// Lowercase second parts of a hyphenated adjective made from a name
/// ("Nath-led", "Kremlin-backed", "Paris-based"): the chain is no person.
static COMPOUND_SUFFIXES: &[&str] = &[
    "led",
    "backed",
    "based",
    "born",
    "owned",
    "run",
    "controlled",
    "style",
    "era",
    "made",
    "funded",
    "linked",
    "allied",
    "aligned",
    "sponsored",
    "supported",
    "affiliated",
    "inspired",
    "dominated",
    "headed",
    "bound",
    "registered",
    "listed",
    "educated",
    "trained",
    "centric",
    "wide",
    "like",
    "type",
    "class",
];

/// Word classes: one bit per word list above, so that a word is looked up
/// once per token and every list test after that is a bit test.
pub mod cls {
    pub const TITLES: u32 = 1 << 0;
    pub const PERSON_NOUNS: u32 = 1 << 1;
    pub const ORG_HEADS: u32 = 1 << 2;
    pub const PLACE_HEADS: u32 = 1 << 3;
    pub const PLACE_FIRST: u32 = 1 << 4;
    pub const NAME_PARTICLES: u32 = 1 << 5;
    pub const CALENDAR: u32 = 1 << 6;
    pub const NOT_NAMES: u32 = 1 << 7;
    pub const PREPOSITIONS: u32 = 1 << 8;
    pub const AUXILIARIES: u32 = 1 << 9;
    pub const SPEECH_VERBS: u32 = 1 << 10;
    pub const ADVERBS: u32 = 1 << 11;
    pub const NOT_AFTER_POSSESSIVE: u32 = 1 << 12;
    pub const DETERMINERS: u32 = 1 << 13;
    pub const SAID_BEFORE: u32 = 1 << 14;
    pub const CLAUSE_OPENERS: u32 = 1 << 15;
    /// Gendered lists take two bits each: male, then female.
    pub const GENDERED_TITLES: u32 = 1 << 16;
    pub const ROLE_TITLES: u32 = 1 << 18;
    pub const GENDERED_NOUNS: u32 = 1 << 20;
    /// The lists of `org-pronoun`.
    pub const ORG_REPORTING: u32 = 1 << 22;
    pub const ORG_ADVERBS: u32 = 1 << 23;
    pub const OPENING_PREPOSITIONS: u32 = 1 << 24;
    pub const COMPOUND_SUFFIXES: u32 = 1 << 25;
    pub const ORG_FIRST: u32 = 1 << 26;
    pub const COMPANY_HEADS: u32 = 1 << 27;
}

/// Speech verbs that introduce an inverted attribution ("said X").
static SAID_BEFORE: &[&str] = &["said", "says", "added", "wrote"];

/// Words after which a name starts a clause.
static CLAUSE_OPENERS: &[&str] = &[
    "that", "and", "but", "while", "because", "as", "when", "although", "though", "since", "if", "after", "before", "so",
];

/// The shape of a word: its first and last bytes with ASCII case folded
/// (`& 31` maps both cases of a letter to one value) and its length, in 16
/// bits. Words of one shape are few in any word list.
fn shape_key(w: &[u8]) -> usize {
    match (w.first(), w.last()) {
        (Some(&f), Some(&l)) => (usize::from(f & 31) << 11) | (usize::from(l & 31) << 6) | (w.len() & 63),
        _ => 0,
    }
}

/// Every listed word (ASCII case-insensitive) to its class bits, bucketed by
/// 12 bits of its shape ([`shape_key`]), all in a few kilobytes: a word
/// whose first and last letters start and end no listed word (most words)
/// costs one read of a 128-byte table; else a bucket of a word or two is
/// compared, by one integer compare for short words of letters.
struct ClassTable {
    /// Per first byte (`& 31`): the last bytes (`& 31`) of listed words.
    pairs: [u32; 32],
    /// Per shape ([`shape_key`], 16 bits): whether a listed word has it (a
    /// bit set of 8 kilobytes that turns away most other words at once).
    shapes: Vec<u64>,
    /// Per bucket: its first entry; one more at the end.
    starts: Vec<u16>,
    /// Per entry: the word, its length, its lowercase bytes as one integer
    /// (little-endian) when it is at most 8 ASCII letters (else 0), and its
    /// class bits.
    words: Vec<&'static str>,
    lens: Vec<u8>,
    packed: Vec<u64>,
    bits: Vec<u32>,
}

/// The bucket of a shape: 12 well-mixed bits.
fn shape_bucket(shape: usize) -> usize {
    (shape.wrapping_mul(0x9E37_79B1) >> 12) & 4095
}

/// Up to 8 bytes as one little-endian integer, ASCII letters folded to
/// lowercase (`b | 0x20` equals a lowercase letter only for that letter in
/// either case, so comparing with a word of lowercase letters is exact).
fn pack_folded(w: &[u8]) -> u64 {
    w.iter().take(8).rev().fold(0u64, |k, &b| (k << 8) | u64::from(b | 0x20))
}

impl ClassTable {
    fn new(words: impl Iterator<Item = (&'static str, u32)>) -> ClassTable {
        let mut entries: Vec<(usize, &'static str, u32)> = words.map(|(w, v)| (shape_bucket(shape_key(w.as_bytes())), w, v)).collect();
        entries.sort_by_key(|e| e.0);
        entries.truncate(usize::from(u16::MAX));
        let mut t = ClassTable {
            pairs: [0; 32],
            shapes: vec![0; (1 << 16) / 64],
            starts: vec![0; 4097],
            words: Vec::new(),
            lens: Vec::new(),
            packed: Vec::new(),
            bits: Vec::new(),
        };
        for (bucket, w, v) in entries {
            let b = w.as_bytes();
            if let (Some(&f), Some(&l)) = (b.first(), b.last()) {
                if let Some(p) = t.pairs.get_mut(usize::from(f & 31)) {
                    *p |= 1 << (l & 31);
                }
            }
            if let Some(s) = t.starts.get_mut(bucket + 1) {
                *s += 1;
            }
            let shape = shape_key(b);
            if let Some(s) = t.shapes.get_mut(shape / 64) {
                *s |= 1 << (shape % 64);
            }
            let letters = b.len() <= 8 && b.iter().all(u8::is_ascii_lowercase);
            t.words.push(w);
            t.lens.push(u8::try_from(b.len()).unwrap_or(u8::MAX));
            t.packed.push(if letters { pack_folded(b) } else { 0 });
            t.bits.push(v);
        }
        // Counts per bucket to starts.
        for i in 1..t.starts.len() {
            let prev = t.starts.get(i - 1).copied().unwrap_or(0);
            if let Some(s) = t.starts.get_mut(i) {
                *s += prev;
            }
        }
        t
    }

    fn get(&self, w: &str) -> u32 {
        let b = w.as_bytes();
        let (Some(&f), Some(&l)) = (b.first(), b.last()) else { return 0 };
        if self.pairs.get(usize::from(f & 31)).is_none_or(|p| p & (1 << (l & 31)) == 0) {
            return 0;
        }
        let shape = shape_key(b);
        if self.shapes.get(shape / 64).is_none_or(|s| s & (1 << (shape % 64)) == 0) {
            return 0;
        }
        let bucket = shape_bucket(shape);
        let (Some(&from), Some(&to)) = (self.starts.get(bucket), self.starts.get(bucket + 1)) else {
            return 0;
        };
        let mut key = None;
        for i in usize::from(from)..usize::from(to) {
            if self.lens.get(i).is_none_or(|&n| usize::from(n) != b.len()) {
                continue;
            }
            let packed = self.packed.get(i).copied().unwrap_or(0);
            let same = if packed != 0 {
                *key.get_or_insert_with(|| pack_folded(b)) == packed
            } else {
                self.words.get(i).is_some_and(|e| e.as_bytes().eq_ignore_ascii_case(b))
            };
            if same {
                return self.bits.get(i).copied().unwrap_or(0);
            }
        }
        0
    }
}

/// No listed word is longer (longer words have no class).
const MAX_LISTED_LEN: usize = 20;

/// Every word list above, to class bits.
fn class_table() -> &'static ClassTable {
    static TABLE: OnceLock<ClassTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map: FxHashMap<&'static str, u32> = FxHashMap::default();
        let lists: &[(&[&'static str], u32)] = &[
            (TITLES, cls::TITLES),
            (PERSON_NOUNS, cls::PERSON_NOUNS),
            (ORG_HEADS, cls::ORG_HEADS),
            (PLACE_HEADS, cls::PLACE_HEADS),
            (PLACE_FIRST, cls::PLACE_FIRST),
            (NAME_PARTICLES, cls::NAME_PARTICLES),
            (crate::document::CALENDAR, cls::CALENDAR),
            (CALENDAR_ABBREVIATIONS, cls::CALENDAR),
            (NOT_NAMES, cls::NOT_NAMES),
            (PREPOSITIONS, cls::PREPOSITIONS),
            (AUXILIARIES, cls::AUXILIARIES),
            (SPEECH_VERBS, cls::SPEECH_VERBS),
            (ADVERBS, cls::ADVERBS),
            (NOT_AFTER_POSSESSIVE, cls::NOT_AFTER_POSSESSIVE),
            (DETERMINERS, cls::DETERMINERS),
            (SAID_BEFORE, cls::SAID_BEFORE),
            (CLAUSE_OPENERS, cls::CLAUSE_OPENERS),
            (ORG_REPORTING, cls::ORG_REPORTING),
            (ORG_ADVERBS, cls::ORG_ADVERBS),
            (OPENING_PREPOSITIONS, cls::OPENING_PREPOSITIONS),
            (COMPOUND_SUFFIXES, cls::COMPOUND_SUFFIXES),
            (ORG_FIRST, cls::ORG_FIRST),
            (COMPANY_HEADS, cls::COMPANY_HEADS | cls::PLACE_HEADS),
        ];
        for &(list, bit) in lists {
            for &w in list {
                *map.entry(w).or_default() |= bit;
            }
        }
        let gendered: &[(&[(&'static str, Gender)], u32)] = &[
            (GENDERED_TITLES, cls::GENDERED_TITLES),
            (ROLE_TITLES, cls::ROLE_TITLES),
            (GENDERED_NOUNS, cls::GENDERED_NOUNS),
        ];
        for &(list, male) in gendered {
            for &(w, g) in list {
                *map.entry(w).or_default() |= gender_bit(male, g);
            }
        }
        // The lists are lowercase (ASCII but for "señor(a)", which only
        // matches itself as before).
        ClassTable::new(map.into_iter().filter(|(w, _)| !w.is_empty() && w.len() <= MAX_LISTED_LEN))
    })
}

fn gender_bit(male: u32, g: Gender) -> u32 {
    match g {
        Gender::Male => male,
        Gender::Female => male << 1,
    }
}

/// The word classes of `w` (ASCII case-insensitive, as the lists are).
fn classes(w: &str) -> u32 {
    if w.len() > MAX_LISTED_LEN {
        return 0;
    }
    class_table().get(w)
}

/// Whether `w` is in one of the lists of `class` (ASCII case-insensitive).
pub fn has_class(w: &str, class: u32) -> bool {
    classes(w) & class != 0
}

fn in_list(bit: u32, w: &str) -> bool {
    classes(w) & bit != 0
}

/// The gender a gendered list (`cls::GENDERED_TITLES`...) gives to words of
/// classes `bits`.
fn gender_in(bits: u32, male: u32) -> Option<Gender> {
    if bits & male != 0 {
        Some(Gender::Male)
    } else if bits & (male << 1) != 0 {
        Some(Gender::Female)
    } else {
        None
    }
}

/// Strip a possessive ending: "China’s" -> ("China", true); "s'" and "s’"
/// lose the apostrophe only.
fn strip_possessive(w: &str) -> (&str, bool) {
    let b = w.as_bytes();
    let n = b.len();
    let stripped = match b.last() {
        // "'s", "’s" (the apostrophe is E2 80 99), either case of s.
        Some(b's' | b'S') if n >= 2 && b[n - 2] == b'\'' => Some(n - 2),
        Some(b's' | b'S') if n >= 4 && b[n - 4..n - 1] == [0xE2, 0x80, 0x99] => Some(n - 4),
        // "s'", "s’".
        Some(b'\'') if n >= 2 && b[n - 2] == b's' => Some(n - 1),
        Some(0x99) if n >= 4 && b[n - 3..n - 1] == [0xE2, 0x80] && b[n - 4] == b's' => Some(n - 3),
        _ => None,
    };
    match stripped.and_then(|k| w.get(..k)) {
        Some(stem) => (stem, true),
        None => (w, false),
    }
}

/// The fold of a name: its lowercase letters and digits (UTF-8), for
/// clustering ("Park Ji-won" = "Park Ji Won"), kept as a 64-bit FNV-1a hash
/// of the folded bytes. Folding is per character and the hash is fed byte by
/// byte, so the fold of several parts is [`fold_hash`] chained over them.
const FOLD_SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// Feed the fold of `part` into the hash `h`.
fn fold_hash(part: &str, mut h: u64) -> u64 {
    let step = |h: u64, b: u8| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    if part.is_ascii() {
        for &b in part.as_bytes() {
            if b.is_ascii_alphanumeric() {
                h = step(h, b.to_ascii_lowercase());
            }
        }
    } else {
        let mut utf8 = [0u8; 4];
        for c in part.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase) {
            h = c.encode_utf8(&mut utf8).bytes().fold(h, step);
        }
    }
    h
}

/// The fold of one word.
fn fold_word(w: &str) -> u64 {
    fold_hash(w, FOLD_SEED)
}

/// Append `w.to_lowercase()` to `out`, quicker for ASCII words.
fn push_lowercase(w: &str, out: &mut String) {
    if w.is_ascii() {
        out.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.push_str(&w.to_lowercase());
    }
}

/// One capitalised name chain, after titles are split off.
#[derive(Debug)]
struct Chain {
    /// Token indices of the first and last name words.
    first: usize,
    last: usize,
    /// Name words (particles and hyphen parts included), as a range of the
    /// chain word buffer.
    words: std::ops::Range<usize>,
    possessive: bool,
    class: ChainClass,
    person: bool,
    /// A title alone after "the" ("the Queen", "the Governor"): a person
    /// named by the title, never clustered.
    title_only: bool,
    /// The token of its title ("Secretary" of "Foreign Secretary Dominic
    /// Raab" or of "the Foreign Secretary").
    title: Option<usize>,
    /// See [`Mention::kin_of`].
    kin_of: Option<usize>,
    evidence: Vec<Evidence>,
    /// A one-word name that speaks ("Modi said", "said Modi"): the full name
    /// ending with it is a person ("Narendra Modi addressed the rally. Modi
    /// said ...").
    speaker: bool,
}

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
enum ChainClass {
    Name,
    Org,
    Place,
}

impl Analysis {
    /// Analyse a document; `None` when it has no third-person pronoun.
    pub fn new(doc: &Document, names: &GivenNames) -> Option<Analysis> {
        let b = Builder::new(doc, names)?;
        Some(Analysis {
            toks: b
                .toks
                .iter()
                .map(|t| Tok {
                    span: t.span,
                    word: t.word,
                    sent: t.sent,
                })
                .collect(),
            sent_start: b.sent_start,
            mentions: b.mentions,
            sent_mentions: b.sent_mentions,
            clusters: b.clusters,
            pronouns: b.pronouns,
            links: b.links,
            things: b.things,
        })
    }
}

/// Word sets a document's chains are classified with.
struct ChainCx<'a, 'n> {
    /// The first two tokens of each sentence, when capitalised, lowercased
    /// (a sentence-initial word also written in lowercase is a common word
    /// like "Wearing", not a name: [`ChainCx::lowercase_has`]).
    initial: FxHashSet<String>,
    /// Answers of [`ChainCx::lowercase_has`] so far.
    lowercase: std::cell::RefCell<Vec<(String, bool)>>,
    prose: &'a str,
    /// The stems of capitalised words (for "Parks" where "Park" occurs: a
    /// possessive that lost its apostrophe), behind a quick shape test and
    /// built on first need.
    capitalised_shape: Shape,
    /// The capitalised tokens (their stems are compared when the shape test
    /// passes).
    capitalised: Vec<usize>,
    names: &'n GivenNames,
}

impl<'a> ChainCx<'a, '_> {
    /// "Parks" where the document also has "Park": a possessive that lost its
    /// apostrophe.
    fn lost_apostrophe(&self, toks: &[BTok<'a>], w: &str) -> bool {
        if !(w.len() > 3 && w.ends_with('s') && !w.ends_with("ss")) {
            return false;
        }
        let Some(stem) = w.get(..w.len() - 1) else { return false };
        self.capitalised_shape.may_hold(stem)
            && self
                .capitalised
                .iter()
                .any(|&i| toks.get(i).is_some_and(|t| t.stem_len == stem.len() && t.stem() == stem))
    }

    /// Whether the lowercase form of `w` is one of the `initial` words and
    /// also a lowercase word token of the document. The few words asked are
    /// searched for in the text, each occurrence checked against the tokens.
    fn lowercase_has(&self, toks: &[BTok<'a>], w: &str) -> bool {
        if self.initial.is_empty() {
            return false;
        }
        let mut buf = [0u8; 64];
        let mut owned = String::new();
        let l = match ascii_lower(w, &mut buf) {
            Some(l) => l,
            None => {
                push_lowercase(w, &mut owned);
                owned.as_str()
            }
        };
        if l.is_empty() || !self.initial.contains(l) {
            return false;
        }
        if let Some(&(_, found)) = self.lowercase.borrow().iter().find(|(k, _)| k == l) {
            return found;
        }
        // Every occurrence, overlapping ones too.
        let finder = memchr::memmem::Finder::new(l.as_bytes());
        let (text, mut from, mut found) = (self.prose.as_bytes(), 0, false);
        while let Some(at) = text.get(from..).and_then(|rest| finder.find(rest)).map(|k| from + k) {
            let i = toks.partition_point(|t| t.span.start < at);
            if toks
                .get(i)
                .is_some_and(|t| t.span.start == at && t.span.end == at + l.len() && t.lower())
            {
                found = true;
                break;
            }
            from = at + 1;
        }
        self.lowercase.borrow_mut().push((l.to_string(), found));
        found
    }
}

impl<'a> Builder<'a> {
    fn new(doc: &'a Document, names: &GivenNames) -> Option<Builder<'a>> {
        // Without a pronoun word there is nothing to analyse (the lints ask
        // only after `Precheck` found one): checked while the tokens are
        // built, in the one pass over them.
        let sentences = doc.sentences();
        let span = |s: Option<&crate::document::Sentence>| s.map(|s| s.tokens.clone());
        let capacity = match (span(sentences.first()), span(sentences.last())) {
            (Some(a), Some(b)) => b.end.saturating_sub(a.start),
            _ => 0,
        };
        let mut toks: Vec<BTok<'a>> = Vec::with_capacity(capacity);
        let mut sent_start = Vec::with_capacity(sentences.len() + 1);
        // The pronoun words, in order.
        let mut pronoun_toks: Vec<usize> = Vec::new();
        // The stems of capitalised words, as a shape set (see `ChainCx`).
        let mut capitalised_shape = Shape([0; 64]);
        let mut capitalised = Vec::new();
        for (si, s) in sentences.iter().enumerate() {
            sent_start.push(toks.len());
            for t in doc.sentence_tokens(s) {
                if matches!(t.kind, TokenKind::Space | TokenKind::Newline) {
                    continue;
                }
                let b = BTok::new(t.span, doc.prose.get(t.span.range()).unwrap_or(""), t.kind == TokenKind::Word, si);
                if b.pro.is_some() {
                    pronoun_toks.push(toks.len());
                }
                if b.cap {
                    capitalised_shape.insert(b.stem());
                    capitalised.push(toks.len());
                }
                toks.push(b);
            }
        }
        if pronoun_toks.is_empty() {
            return None;
        }
        sent_start.push(toks.len());
        let mut a = Builder {
            toks,
            sent_start,
            mentions: Vec::new(),
            sent_mentions: Vec::new(),
            clusters: Vec::new(),
            pronouns: Vec::new(),
            links: Vec::new(),
            things: Vec::new(),
        };
        // The first two tokens of each sentence, when capitalised, lowercased.
        let mut initial: FxHashSet<String> = FxHashSet::default();
        for s in 0..a.sent_start.len().saturating_sub(1) {
            let Some(&i) = a.sent_start.get(s) else { continue };
            for t in (i..i + 2).filter_map(|i| a.toks.get(i)).filter(|t| t.cap()) {
                let mut buf = [0u8; 64];
                match ascii_lower(t.text, &mut buf) {
                    Some(l) if initial.contains(l) => {}
                    Some(l) => {
                        initial.insert(l.to_string());
                    }
                    None => {
                        let mut l = String::new();
                        push_lowercase(t.text, &mut l);
                        initial.insert(l);
                    }
                }
            }
        }
        let cx = ChainCx {
            initial,
            lowercase: std::cell::RefCell::new(Vec::new()),
            prose: &doc.prose,
            capitalised_shape,
            capitalised,
            names,
        };
        let mut chain_words = Vec::new();
        let chains = a.chains(&cx, &mut chain_words);
        a.build_mentions(&chains, &chain_words);
        a.find_pronouns(doc, &pronoun_toks);
        a.link(doc);
        a.consensus();
        Some(a)
    }

    fn tok(&self, i: usize) -> Option<&BTok<'a>> {
        self.toks.get(i)
    }

    /// Previous token in the same sentence.
    fn prev(&self, i: usize) -> Option<&BTok<'a>> {
        let t = self.toks.get(i)?;
        i.checked_sub(1).and_then(|j| self.toks.get(j)).filter(|p| p.sent == t.sent)
    }

    fn next(&self, i: usize) -> Option<&BTok<'a>> {
        let t = self.toks.get(i)?;
        self.toks.get(i + 1).filter(|n| n.sent == t.sent)
    }

    /// "her" at `i` before a capitalised word that is a possessive's head
    /// or modifier: "her Instagram account", "her Labour colleagues", "her
    /// MLAs." The word must not be a weekday or month ("told her Monday"),
    /// must end the noun phrase (a lowercase word or punctuation after it),
    /// and no naming verb may come before "her" ("named her Person of the
    /// Year").
    fn her_before_name(&self, i: usize) -> bool {
        let Some(n) = self.next(i) else { return false };
        if n.has(cls::CALENDAR) || n.is("today") || n.is("tonight") {
            return false;
        }
        let ends = self.next(i + 1).is_none_or(|m| !m.word || m.lower());
        let naming = self
            .prev(i)
            .is_some_and(|p| NAMING_VERBS.iter().any(|v| p.text.eq_ignore_ascii_case(v)));
        ends && !naming
    }

    /// A calendar word at `i`, except a month abbreviation that is part of a
    /// name: before a hyphen and a lowercase piece ("Kang Jun-ho") or before
    /// a capitalised word ("Jan Kowalski"). "Jan. 5", "Jun 3" and "Sept"
    /// alone stay dates.
    fn calendar(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        if !t.stem_has(cls::CALENDAR) {
            return false;
        }
        if t.possessive || !CALENDAR_ABBREVIATIONS.iter().any(|a| t.text.eq_ignore_ascii_case(a)) {
            return true;
        }
        let Some(n) = self.next(i) else { return true };
        if n.text == "-" && n.span.start == t.span.end {
            return !self.next(i + 1).is_some_and(|w| w.lower() && w.span.start == n.span.end);
        }
        !(n.cap() && n.span.start == t.span.end + 1 && !n.stem_has(cls::CALENDAR))
    }

    fn sentence_initial(&self, i: usize) -> bool {
        let mut j = i;
        while let Some(p) = self.prev(j) {
            if p.word || p.text.chars().all(|c| c.is_alphanumeric()) {
                return false;
            }
            j -= 1;
        }
        true
    }

    /// The name chains of the document; their words go to `chain_words`.
    fn chains(&self, cx: &ChainCx<'a, '_>, chain_words: &mut Vec<usize>) -> Vec<Chain> {
        let mut out = Vec::new();
        let mut words = Vec::new();
        let mut i = 0;
        let n = self.toks.len();
        while i < n {
            let t = &self.toks[i];
            if !t.cap() || self.calendar(i) {
                i += 1;
                continue;
            }
            // Extend the chain.
            words.clear();
            words.push(i);
            let mut j = i;
            loop {
                if self.toks[j].possessive || cx.lost_apostrophe(&self.toks, self.toks[j].text) {
                    break;
                }
                let Some(nx) = self.next(j) else { break };
                if nx.cap() && !self.calendar(j + 1) && nx.pro.is_none() {
                    j += 1;
                    words.push(j);
                    continue;
                }
                // "Mr. Smith"
                if nx.text == "."
                    && self.toks[j].gender(cls::GENDERED_TITLES).is_some()
                    && self.tok(j + 2).is_some_and(|w| w.cap() && w.sent == t.sent)
                {
                    j += 2;
                    words.push(j);
                    continue;
                }
                // Particles: "Ursula von der Leyen".
                if nx.lower() && nx.has(cls::NAME_PARTICLES) {
                    let mut k = j + 1;
                    while self
                        .tok(k + 1)
                        .is_some_and(|w| w.lower() && w.has(cls::NAME_PARTICLES) && w.sent == t.sent)
                    {
                        k += 1;
                    }
                    if self.tok(k + 1).is_some_and(|w| w.cap() && w.sent == t.sent) {
                        words.extend(j + 1..=k + 1);
                        j = k + 1;
                        continue;
                    }
                    break;
                }
                // Hyphenated parts: "Tae-hoon", "Mi-ran".
                if nx.text == "-"
                    && nx.span.start == self.toks[j].span.end
                    && self
                        .tok(j + 2)
                        .is_some_and(|w| w.word && w.sent == t.sent && w.span.start == nx.span.end)
                {
                    j += 2;
                    words.push(j);
                    continue;
                }
                break;
            }
            i = j + 1;
            // A lone common word ("The", "He") is dropped by `classify`.
            if words.len() == 1 && t.stem_has(cls::NOT_NAMES) {
                continue;
            }
            if let Some(c) = self.classify(&words, cx, chain_words) {
                out.push(c);
            }
        }
        out
    }

    /// Split titles off a raw chain and classify it; its remaining words go
    /// to `chain_words`.
    fn classify(&self, words: &[usize], cx: &ChainCx<'a, '_>, chain_words: &mut Vec<usize>) -> Option<Chain> {
        // Drop a sentence-initial common word ("The", "Wearing").
        let mut lo = 0;
        while let Some(&w) = words.get(lo) {
            let t = &self.toks[w];
            if t.stem_has(cls::NOT_NAMES) || (self.sentence_initial(w) && cx.lowercase_has(&self.toks, t.stem())) {
                lo += 1;
            } else {
                break;
            }
        }
        let words = words.get(lo..).unwrap_or(&[]);
        let words_before_split = words;
        let mut evidence = Vec::new();
        let mut kin_of = None;
        let mut person = false;
        let mut speaker = false;
        // Titles inside the chain: the name is what follows the last one
        // ("General" is an adjective in an organisation's name: "Sanjeevani
        // General Hospital"; "the Prime Minister's Office" keeps its person).
        let org_tail = words
            .last()
            .is_some_and(|&w| self.toks[w].stem_has(cls::ORG_HEADS | cls::COMPANY_HEADS));
        let title_at = words.iter().rposition(|&w| {
            if org_tail && self.toks[w].is("general") {
                return false;
            }
            let t = &self.toks[w];
            t.has(cls::TITLES) || t.gender(cls::GENDERED_TITLES).is_some() || t.gender(cls::ROLE_TITLES).is_some()
        });
        let mut name_from = 0;
        if let Some(k) = title_at {
            let title = &self.toks[words[k]];
            // "Prime Minister X", "Mr X": the title must be followed by a name.
            if k + 1 < words.len() {
                person = true;
                if let Some(g) = title.gender(cls::GENDERED_TITLES) {
                    evidence.push(Evidence {
                        span: title.span,
                        gender: g,
                        kind: EvidenceKind::Strong,
                    });
                } else if let Some(g) = title.gender(cls::ROLE_TITLES) {
                    evidence.push(Evidence {
                        span: title.span,
                        gender: g,
                        kind: EvidenceKind::Role,
                    });
                }
                name_from = k + 1;
            }
        }
        // "the Queen", "the Governor": a person named by a title alone.
        let title_only =
            title_at.is_some_and(|k| k + 1 == words.len()) && words.first().is_some_and(|&w| self.prev(w).is_some_and(|t| t.is("the")));
        if let Some(title) = title_at.and_then(|k| words.get(k)).map(|&w| &self.toks[w]).filter(|_| title_only) {
            person = true;
            if let Some(g) = title.gender(cls::GENDERED_TITLES).or_else(|| title.gender(cls::GENDERED_NOUNS)) {
                evidence.push(Evidence {
                    span: title.span,
                    gender: g,
                    kind: EvidenceKind::Strong,
                });
            }
        }
        // "Secretary of State Colin Powell", "Minister of Foreign Affairs
        // Ana Ruiz": after a title and "of", the portfolio runs into the
        // name, which starts at a given name of the lexicon with a surname
        // after it.
        if title_at.is_none() && words.len() >= 3 {
            let is_title =
                |t: &BTok| t.has(cls::TITLES) || t.gender(cls::ROLE_TITLES).is_some() || t.gender(cls::GENDERED_TITLES).is_some();
            let after_title_of = self.prev(words[0]).is_some_and(|t| t.is("of") || t.is("for"))
                && words[0].checked_sub(1).and_then(|o| self.prev(o)).is_some_and(is_title);
            if after_title_of {
                if let Some(k) = (1..words.len() - 1).find(|&k| cx.names.get(self.toks[words[k]].stem()).is_some()) {
                    name_from = k;
                    person = true;
                }
            }
        }
        // Skip "." tokens kept after "Mr"; drop trailing common words ("To").
        let start = chain_words.len();
        chain_words.extend(words.iter().skip(name_from).copied().filter(|&w| self.toks[w].word));
        while chain_words.len() > start && chain_words.last().is_some_and(|&w| self.toks[w].stem_has(cls::NOT_NAMES)) {
            chain_words.pop();
        }
        let words = chain_words.get(start..).unwrap_or(&[]);
        let (Some(&first), Some(&last)) = (words.first(), words.last()) else {
            chain_words.truncate(start);
            return None;
        };
        let is_name_word = |w: &usize| !self.toks[*w].has(cls::NAME_PARTICLES);
        let name_count = words.iter().filter(|w| is_name_word(w)).count();
        let (first_name, last_name) = (words.iter().find(|w| is_name_word(w)), words.iter().rfind(|w| is_name_word(w)));
        let possessive = self.toks[last].possessive || cx.lost_apostrophe(&self.toks, self.toks[last].text);
        let stem_bits = |k: Option<&usize>| k.map_or(0, |&w| self.toks[w].sbits());
        let (first_bits, last_bits) = (stem_bits(first_name), stem_bits(last_name));
        let first_word = first_name.map_or("", |&w| self.toks[w].stem());
        // "the Rose Bowl", "The Rolling Stones", "the Kennedy administration":
        // a name after the article (without a title) names a thing or a
        // group; "Nath-led", "Kremlin-backed": an adjective.
        let thing = title_at.is_none() && self.prev(first).is_some_and(|t| t.is("the"))
            || words.len() > 1 && self.toks[last].lower() && self.toks[last].has(cls::COMPOUND_SUFFIXES);
        // "the Ministry of Social Affairs", "the Bank of Korea", "the
        // Center for Volcanology": the words after "of" or "for" complete an
        // organisation's name.
        let completes_at = |first: usize| {
            self.prev(first).is_some_and(|t| t.is("of") || t.is("for"))
                && first
                    .checked_sub(1)
                    .and_then(|o| self.prev(o))
                    .is_some_and(|t| t.stem_has(cls::ORG_HEADS) || (t.cap() && (t.is("centre") || t.is("center"))))
        };
        // "the Ministry of Education and Culture", "the Center for
        // Volcanology and Geological Hazard Mitigation": a portfolio after
        // "and" continues the completion (not a person: "the Ministry of
        // Defence and Ruiz").
        let coordinated = || {
            self.prev(first).is_some_and(|t| t.is("and") || t.text == "&")
                && portfolio_word(self.toks[last].stem())
                && (2..=5)
                    .map_while(|k| {
                        first
                            .checked_sub(k)
                            .filter(|&j| self.toks[j].cap() && self.toks[j].sent == self.toks[first].sent)
                    })
                    .any(completes_at)
        };
        let of_org = completes_at(first) || coordinated();
        let plural_org = last_name.is_some_and(|&w| name_count > 1 && plural_org_head(self.toks[w].stem()));
        let org_first = name_count > 1 && first_bits & cls::ORG_FIRST != 0;
        // A surname that is also a place word ("Park", "Hall") names a
        // person after a title ("Mr Park", "President Park") or before an
        // age or a speech verb ("Park, 52,", "Hall said").
        let surname_place = || {
            name_count == 1
                && (title_at.is_some_and(|k| k + 1 < words_before_split.len())
                    || self.next(last).is_some_and(|t| t.has(cls::SPEECH_VERBS) && t.lower())
                    || (self.next(last).is_some_and(|t| t.text == ",")
                        && self
                            .tok(last + 2)
                            .is_some_and(|t| t.text.len() <= 3 && t.text.bytes().all(|b| b.is_ascii_digit()))
                        && self.tok(last + 3).is_some_and(|t| t.text == ",")))
        };
        let company = name_count > 1 && last_bits & cls::COMPANY_HEADS != 0;
        let class = if last_bits & cls::ORG_HEADS != 0 || of_org || plural_org || org_first || company {
            ChainClass::Org
        } else if thing
            || (last_bits & cls::PLACE_HEADS != 0 && !surname_place())
            || last_name.is_some_and(|&w| name_count > 1 && abstract_noun(self.toks[w].stem()))
            || (name_count > 1 && first_bits & cls::PLACE_FIRST != 0)
            || words.iter().filter(|w| is_name_word(w)).any(|&w| all_caps(self.toks[w].stem()))
            || (name_count == 1 && first_bits & cls::PLACE_FIRST != 0)
        {
            ChainClass::Place
        } else {
            ChainClass::Name
        };
        if class == ChainClass::Name {
            // Titles, honorifics and kinship just before: "leader X",
            // "his sister X", "first lady X", "his daughter, X".
            let mut p = first;
            if self.prev(p).is_some_and(|t| t.text == ",") {
                p -= 1;
            }
            if let Some(prev) = self.prev(p) {
                if let Some(g) = prev.gender(cls::GENDERED_NOUNS).or_else(|| prev.gender(cls::GENDERED_TITLES)) {
                    // The possessive pronoun of the kinship noun, over up to
                    // two lowercase words ("his late wife X").
                    if prev.gender(cls::GENDERED_NOUNS).is_some() {
                        kin_of = (2..=4)
                            .map_while(|k| p.checked_sub(k).and_then(|j| self.tok(j)).map(|t| (p - k, t)))
                            .take_while(|(_, t)| t.sent == prev.sent && t.word)
                            .find(|(_, t)| t.pro.is_some_and(|(_, c)| c != Case::Subject && c != Case::Reflexive) || !t.low)
                            .filter(|(_, t)| t.pro.is_some())
                            .map(|(j, _)| j);
                    }
                    person = true;
                    evidence.push(Evidence {
                        span: prev.span,
                        gender: g,
                        kind: EvidenceKind::Strong,
                    });
                } else if let Some(g) = prev.gender(cls::ROLE_TITLES) {
                    person = true;
                    evidence.push(Evidence {
                        span: prev.span,
                        gender: g,
                        kind: EvidenceKind::Role,
                    });
                } else if p == first && prev.has(cls::TITLES) {
                    person = true;
                    // "Chairwoman and founder X", "actress and director X":
                    // a gendered title coordinated with the title before
                    // the name.
                    let coordinated = p
                        .checked_sub(3)
                        .filter(|&k| self.tok(k + 1).is_some_and(|t| t.is("and")) && self.toks[k].sent == prev.sent)
                        .map(|k| &self.toks[k]);
                    if let Some(t) = coordinated {
                        let strong = t.gender(cls::GENDERED_TITLES).or_else(|| t.gender(cls::GENDERED_NOUNS));
                        if let Some(g) = strong.or_else(|| t.gender(cls::ROLE_TITLES)) {
                            evidence.push(Evidence {
                                span: t.span,
                                gender: g,
                                kind: if strong.is_some() {
                                    EvidenceKind::Strong
                                } else {
                                    EvidenceKind::Role
                                },
                            });
                        }
                    }
                }
            }
            // "X, 45," and "X, who".
            if !possessive && self.next(last).is_some_and(|t| t.text == ",") {
                if let Some(t) = self.tok(last + 2).filter(|t| t.sent == self.toks[last].sent) {
                    if t.is("who") || (t.text.len() <= 3 && t.text.chars().all(|c| c.is_ascii_digit())) {
                        person = true;
                    }
                }
            }
            // "X said", "said X" (full names; a one-word name lends it to
            // its full name).
            // (Over an adverb or an auxiliary: "X also said", "X has said".)
            let mut after = last;
            while after < last + 2 && self.next(after).is_some_and(|t| t.lower() && t.has(cls::ADVERBS)) {
                after += 1;
            }
            let said_after = !possessive && self.next(after).is_some_and(|t| t.has(cls::SPEECH_VERBS));
            let said_before = self.prev(first).is_some_and(|t| t.has(cls::SAID_BEFORE));
            if said_after || said_before {
                if name_count > 1 {
                    person = true;
                } else {
                    speaker = true;
                }
            }
            // A confident Western given name first.
            let mut given = false;
            if name_count > 1 && !self.east_asian_shape(words) {
                if let Some(g) = cx.names.get(first_word) {
                    person = true;
                    given = true;
                    evidence.push(Evidence {
                        span: self.toks[first].span,
                        gender: g,
                        kind: EvidenceKind::GivenName,
                    });
                }
            }
            // "son of" and "daughter of" inside the name ("Anwar bin
            // Ibrahim", "Nurul Aina binti Rahman") decide; a surname in a
            // female form of Slavic, Baltic or Icelandic naming
            // ("Petrova", "Nowakowska", "Jónsdóttir") votes.
            if name_count > 1 {
                let inside = words.iter().map(|&w| &self.toks[w]);
                let patronymic = inside
                    .chain(self.next(last).filter(|t| t.lower()))
                    .find_map(|t| patronymic_gender(t.text).map(|g| (t.span, g)));
                if let Some((span, g)) = patronymic {
                    person = true;
                    evidence.push(Evidence {
                        span,
                        gender: g,
                        kind: EvidenceKind::Strong,
                    });
                } else if let Some(&l) = last_name.filter(|_| !given) {
                    if female_surname(self.toks[l].stem()) {
                        evidence.push(Evidence {
                            span: self.toks[l].span,
                            gender: Gender::Female,
                            kind: EvidenceKind::Role,
                        });
                    }
                }
            }
        }
        Some(Chain {
            first,
            last,
            words: start..chain_words.len(),
            possessive,
            class,
            person: person && class == ChainClass::Name,
            title_only,
            title: title_at.and_then(|k| words_before_split.get(k)).copied().filter(|_| person),
            kin_of,
            evidence,
            speaker,
        })
    }

    /// A name with hyphenated syllables or three or more short parts reads as
    /// an East Asian (surname-first) name: no given-name lookup.
    fn east_asian_shape(&self, words: &[usize]) -> bool {
        let hyphen = words
            .windows(2)
            .any(|w| w[1] == w[0] + 2 && self.tok(w[0] + 1).is_some_and(|t| t.text == "-"));
        let short = words.iter().filter(|&&w| char_count(self.toks[w].text) <= 5).count();
        (hyphen && words.len() <= 4) || (words.len() >= 3 && short == words.len())
    }

    fn build_mentions(&mut self, chains: &[Chain], chain_words: &[usize]) {
        let words_of = |c: &Chain| chain_words.get(c.words.clone()).unwrap_or(&[]);
        // Clusters of full names, and the keys bare names resolve through.
        let mut by_fold: FxHashMap<u64, usize> = FxHashMap::default();
        let mut keys: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        let mut chain_cluster: Vec<Option<usize>> = vec![None; chains.len()];
        // Name parts of one chain: hyphen parts are single words for keys
        // ("Tae-hoon" -> "taehoon").
        let mut part_buf = String::new();
        let mut part_ends: Vec<usize> = Vec::new();
        // One-word speakers, by folded word.
        let speakers: FxHashSet<u64> = chains
            .iter()
            .filter(|c| c.speaker && c.class == ChainClass::Name)
            .map(|c| fold_word(self.toks[c.first].stem()))
            .collect();
        let spoken_for = |c: &Chain| {
            !speakers.is_empty()
                && words_of(c)
                    .iter()
                    .rev()
                    .find(|&&w| self.toks[w].word)
                    .is_some_and(|&w| speakers.contains(&fold_word(self.toks[w].stem())))
        };
        // The first words of the names of companies and things ("Sao Viet"
        // of "Sao Viet Mobility"): a name written so is the thing's short
        // name, not a person.
        let name_words = |c: &Chain| {
            words_of(c)
                .iter()
                .filter(|&&w| self.toks[w].word && !self.toks[w].has(cls::NAME_PARTICLES))
                .map(|&w| self.toks[w].stem())
        };
        let mut thing_heads: FxHashSet<u64> = FxHashSet::default();
        for c in chains.iter().filter(|c| c.class != ChainClass::Name && c.words.len() >= 3) {
            let n = name_words(c).count();
            let mut h = FOLD_SEED;
            for (k, w) in name_words(c).enumerate().take(n.saturating_sub(1)) {
                h = fold_hash(w, h);
                if k >= 1 {
                    thing_heads.insert(h);
                }
            }
        }
        let short_thing: Vec<bool> = chains
            .iter()
            .map(|c| {
                !thing_heads.is_empty()
                    && c.class == ChainClass::Name
                    && c.title.is_none()
                    && c.words.len() >= 2
                    && name_words(c).count() >= 2
                    && thing_heads.contains(&name_words(c).fold(FOLD_SEED, |h, w| fold_hash(w, h)))
            })
            .collect();
        for (ci, c) in chains.iter().enumerate() {
            // A title alone ("the Israeli Foreign Minister") is no full name.
            if !(c.person || spoken_for(c)) || c.class != ChainClass::Name || c.title_only || short_thing[ci] {
                continue;
            }
            let words = words_of(c);
            part_buf.clear();
            part_ends.clear();
            for (k, &w) in words.iter().enumerate() {
                let t = &self.toks[w];
                if t.stem_has(cls::NAME_PARTICLES) {
                    continue;
                }
                // (Joined to the part before over a hyphen, unless that was
                // a particle left out: "Al-Masri" is the part "Masri".)
                let joined = k > 0
                    && words
                        .get(k - 1)
                        .is_some_and(|&p| p + 2 == w && self.toks[p + 1].text == "-" && !self.toks[p].stem_has(cls::NAME_PARTICLES));
                part_buf.push_str(t.stem());
                match (joined, part_ends.last_mut()) {
                    (true, Some(end)) => *end = part_buf.len(),
                    _ => part_ends.push(part_buf.len()),
                }
            }
            if part_ends.len() < 2 {
                continue;
            }
            let parts = || {
                words
                    .iter()
                    .filter(|&&w| self.toks[w].word && !self.toks[w].has(cls::NAME_PARTICLES))
                    .map(|&w| self.toks[w].stem())
            };
            let fold = parts().fold(FOLD_SEED, |h, p| fold_hash(p, h));
            let next_id = self.clusters.len();
            let id = *by_fold.entry(fold).or_insert(next_id);
            if id == next_id {
                self.clusters.push(Cluster {
                    name: parts().collect::<Vec<_>>().join(" "),
                    ..Cluster::default()
                });
                let first_end = part_ends.first().copied().unwrap_or(0);
                let last_start = part_ends.len().checked_sub(2).and_then(|k| part_ends.get(k)).copied().unwrap_or(0);
                let last_end = part_ends.last().copied().unwrap_or(0);
                for part in [part_buf.get(..first_end), part_buf.get(last_start..last_end)]
                    .into_iter()
                    .flatten()
                {
                    let v = keys.entry(fold_word(part)).or_default();
                    if !v.contains(&id) {
                        v.push(id);
                    }
                }
            }
            chain_cluster[ci] = Some(id);
        }
        // Titled bare names ("President X", "Mr X") with no full name.
        for (ci, c) in chains.iter().enumerate() {
            if !c.person || chain_cluster[ci].is_some() || c.words.len() != 1 || c.title_only {
                continue;
            }
            let stem = self.toks[c.first].stem();
            let key = fold_word(stem);
            if keys.get(&key).is_some_and(|ids| !ids.is_empty()) {
                continue;
            }
            let id = self.clusters.len();
            self.clusters.push(Cluster {
                name: stem.to_string(),
                ..Cluster::default()
            });
            keys.entry(key).or_default().push(id);
        }
        // Full names (with or without evidence) by sentence, to find bare
        // names shared by two people mentioned recently.
        let mut full: Vec<FullName> = Vec::new();
        for c in chains.iter().filter(|c| c.class == ChainClass::Name) {
            let mut parts = words_of(c).iter().filter(|&&w| self.toks[w].word).map(|&w| self.toks[w].stem());
            let (Some(f), Some(l)) = (parts.next(), parts.next_back()) else {
                continue;
            };
            let (first, last) = (fold_word(f), fold_word(l));
            let all = fold_hash(l, parts.fold(fold_hash(f, FOLD_SEED), |h, p| fold_hash(p, h)));
            full.push(FullName {
                sent: self.toks[c.first].sent,
                folds: [first, last, all],
            });
        }
        // Titles of clustered names ("Foreign Secretary Dominic Raab"): "the
        // Foreign Secretary" is that person when one cluster has the title.
        // Every title of a stacked run counts ("President General X" is
        // "the President" and "the General"), and a titled bare name counts
        // for the one cluster it names ("President X" after "Ana X").
        let mut titled: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        for (ci, c) in chains.iter().enumerate() {
            let (Some(t), false) = (c.title, c.title_only) else { continue };
            let id = chain_cluster[ci].or_else(|| {
                let stem = self.toks[c.first].stem();
                match (c.first == c.last).then(|| lookup_folded(&keys, stem, fold_word(stem))) {
                    Some(&[id]) => Some(id),
                    _ => None,
                }
            });
            let Some(id) = id else { continue };
            let sent = self.toks[t].sent;
            for j in (0..=t)
                .rev()
                .take_while(|&j| self.toks[j].sent == sent && self.toks[j].has(cls::TITLES))
            {
                let v = titled.entry(fold_word(self.toks[j].stem())).or_default();
                if !v.contains(&id) {
                    v.push(id);
                }
            }
        }
        let mut full_at = 0;
        // Mentions from chains.
        let mut mentions = Vec::new();
        for (ci, c) in chains.iter().enumerate() {
            let span = Span::new(self.toks[c.first].span.start, self.toks[c.last].span.end);
            let sent = self.toks[c.first].sent;
            while full.get(full_at).is_some_and(|f| f.sent + 3 < sent) {
                full_at += 1;
            }
            let words = words_of(c);
            let kind = match c.class {
                ChainClass::Org => Some(MentionKind::Org),
                ChainClass::Place => None,
                ChainClass::Name if short_thing[ci] => None,
                ChainClass::Name if c.title_only => {
                    // "the Defence Minister, Ana Ruiz,": the name in apposition.
                    let apposed = self.apposed(c.last, chains, &chain_cluster, &keys);
                    match (
                        apposed,
                        c.title.and_then(|t| titled.get(&fold_word(self.toks[t].stem()))).map(Vec::as_slice),
                    ) {
                        (Some(id), _) | (None, Some(&[id])) => Some(MentionKind::Person(id)),
                        _ => Some(MentionKind::Anon(None)),
                    }
                }
                ChainClass::Name => match chain_cluster[ci] {
                    Some(id) => Some(MentionKind::Person(id)),
                    None if words.iter().filter(|&&w| self.toks[w].word).count() == 1 => {
                        let stem = self.toks[c.first].stem();
                        let key = fold_word(stem);
                        // Distinct full names recently mentioned with this
                        // word first or last.
                        let mut seen: Option<u64> = None;
                        let mut shared = false;
                        for name in full.get(full_at..).unwrap_or(&[]).iter().take_while(|f| f.sent <= sent) {
                            let [f, l, all] = name.folds;
                            if f == key || l == key {
                                match seen {
                                    None => seen = Some(all),
                                    Some(s) if s != all => shared = true,
                                    _ => {}
                                }
                            }
                        }
                        if shared {
                            Some(MentionKind::Anon(None))
                        } else {
                            // `resolve_bare` for the one word (`stem`).
                            match lookup_folded(&keys, stem, key) {
                                [id] => Some(MentionKind::Person(*id)),
                                [] => c.person.then_some(MentionKind::Anon(None)),
                                _ => Some(MentionKind::Anon(None)),
                            }
                        }
                    }
                    None => self.resolve_bare(c, words, &keys),
                },
            };
            let Some(kind) = kind else {
                let and = self.next(c.last).is_some_and(|t| t.is("and"));
                // "Colleagues say", "Researchers found": a plural noun for
                // people opening the sentence is no country or ship.
                let people = c.first == c.last && self.sentence_initial(c.first) && plural_of_people(self.toks[c.first].text);
                if c.class != ChainClass::Org && !people && (and || self.is_subject(c.first, c.last, c.possessive)) {
                    self.things.push(c.last);
                }
                continue;
            };
            if let MentionKind::Person(id) = kind {
                if let Some(cl) = self.clusters.get_mut(id) {
                    cl.evidence.extend(c.evidence.iter().cloned());
                }
            }
            mentions.push(Mention {
                span,
                first: c.first,
                last: c.last,
                sent,
                kind: match kind {
                    // Evidence of an unclustered person stays with the mention.
                    MentionKind::Anon(None) => MentionKind::Anon(consistent_gender(&c.evidence)),
                    k => k,
                },
                subject: false,
                possessive: c.possessive,
                kin_of: c.kin_of,
            });
        }
        // Lowercase mentions: gendered nouns, person nouns, organisation nouns.
        let flags = word_flags();
        for i in 0..self.toks.len() {
            let t = &self.toks[i];
            if !t.lower()
                || flags.get(shape_key(t.text.as_bytes())) & FLAG_MENTION == 0
                || !t.has(cls::GENDERED_NOUNS | (cls::GENDERED_NOUNS << 1) | cls::ORG_HEADS | cls::PERSON_NOUNS)
            {
                continue;
            }
            let next_is_name = self.next(i).is_some_and(|n| n.cap())
                || (self.next(i).is_some_and(|n| n.text == ",") && self.tok(i + 2).is_some_and(|n| n.cap() && n.sent == t.sent));
            if let Some(g) = t.gender(cls::GENDERED_NOUNS) {
                if next_is_name {
                    continue;
                }
                // "man-made", "mother country" are rare; "first lady" is a title.
                mentions.push(self.lower_mention(i, MentionKind::Anon(Some(g))));
            } else if t.has(cls::ORG_HEADS) {
                let det = (1..=4)
                    .map_while(|k| {
                        i.checked_sub(k)
                            .filter(|&j| self.toks.get(j).is_some_and(|p| p.sent == t.sent && p.word))
                    })
                    .find(|&j| self.toks[j].is("the") || self.toks[j].is("its") || self.toks[j].is("their"));
                if let Some(d) = det.filter(|_| !self.next(i).is_some_and(|n| n.cap() || n.text == "-")) {
                    let mut m = self.lower_mention(i, MentionKind::Org);
                    m.first = d;
                    m.span = Span::new(self.toks[d].span.start, t.span.end);
                    mentions.push(m);
                }
            } else if t.has(cls::PERSON_NOUNS) && !next_is_name {
                let det = self.prev(i).is_some_and(|p| p.has(cls::DETERMINERS) || p.cap() || p.lower())
                    && (1..=3)
                        .map_while(|k| {
                            i.checked_sub(k)
                                .and_then(|j| self.toks.get(j))
                                .filter(|p| p.sent == t.sent && p.word)
                        })
                        .any(|p| p.has(cls::DETERMINERS) || (p.possessive && p.cap()));
                if det {
                    // "the president of Colombia, Ana Ruiz,": the name in
                    // apposition; else, like a title alone, the one person
                    // the document calls so ("President Ruiz", or the
                    // apposition before).
                    let key = fold_word(t.stem());
                    let kind = match self.apposed(i, chains, &chain_cluster, &keys) {
                        Some(id) => {
                            let v = titled.entry(key).or_default();
                            if !v.contains(&id) {
                                v.push(id);
                            }
                            MentionKind::Person(id)
                        }
                        None => match titled.get(&key).map(Vec::as_slice) {
                            Some(&[id]) => MentionKind::Person(id),
                            _ => MentionKind::Anon(None),
                        },
                    };
                    mentions.push(self.lower_mention(i, kind));
                }
            }
        }
        mentions.sort_by_key(|m| m.first);
        // Subjects, then coordinated subjects ("X and Y said").
        for m in mentions.iter_mut() {
            m.subject = self.is_subject(m.first, m.last, m.possessive);
        }
        // "The Ministry of Education raised", "The Center for Volcanology
        // said": the name after "of" or "for" completes the organisation,
        // and the whole name is the subject.
        for k in 0..mentions.len() {
            let m = &mentions[k];
            if m.kind != MentionKind::Org || m.subject || m.first < 2 || !self.prev(m.first).is_some_and(|t| t.is("of") || t.is("for")) {
                continue;
            }
            let sent = self.toks[m.first].sent;
            let mut head = m.first - 2;
            while head > 0 && m.first - head < 6 && self.tok(head - 1).is_some_and(|t| t.sent == sent && t.cap() && !t.is("the")) {
                head -= 1;
            }
            if !self.tok(head).is_some_and(|t| t.cap() && !t.is("the")) {
                continue;
            }
            if self.is_subject(head, m.last, m.possessive) {
                mentions[k].subject = true;
                if let Some(h) = k.checked_sub(1).filter(|&h| mentions[h].last + 2 == mentions[k].first) {
                    mentions[h].subject = true;
                }
            }
        }
        for k in (0..mentions.len().saturating_sub(1)).rev() {
            let (a, b) = (&mentions[k], &mentions[k + 1]);
            if b.subject && b.sent == a.sent && b.first == a.last + 2 && self.tok(a.last + 1).is_some_and(|t| t.is("and")) {
                mentions[k].subject = true;
            }
        }
        let mut sent_mentions = Vec::with_capacity(self.sent_start.len());
        let mut k = 0;
        for s in 0..self.sent_start.len() {
            while k < mentions.len() && mentions[k].sent < s {
                k += 1;
            }
            sent_mentions.push(k);
        }
        self.mentions = mentions;
        self.sent_mentions = sent_mentions;
    }

    fn lower_mention(&self, i: usize, kind: MentionKind) -> Mention {
        let t = &self.toks[i];
        Mention {
            span: t.span,
            first: i,
            last: i,
            sent: t.sent,
            kind,
            subject: false,
            possessive: false,
            kin_of: None,
        }
    }

    /// The cluster of a name in apposition after token `after` (a title or a
    /// noun for a person), over an optional portfolio: "the Defence
    /// Minister, Ana Ruiz,", "the Minister of Mines and Energy, Ana Ruiz,",
    /// "the president of Colombia, Ana Ruiz,".
    fn apposed(&self, after: usize, chains: &[Chain], chain_cluster: &[Option<usize>], keys: &FxHashMap<u64, Vec<usize>>) -> Option<usize> {
        let sent = self.toks.get(after)?.sent;
        let mut j = after + 1;
        if self.tok(j).is_some_and(|t| t.is("of") && t.sent == sent) {
            j += 1;
            let start = j;
            while self
                .tok(j)
                .is_some_and(|t| t.sent == sent && t.word && (t.cap() || t.is("and") || t.is("the")) && j < start + 6)
            {
                j += 1;
            }
            if j == start {
                return None;
            }
        }
        if !self.tok(j).is_some_and(|t| t.text == "," && t.sent == sent) {
            return None;
        }
        let first = j + 1;
        let ci = chains.partition_point(|c| c.first < first);
        let n = chains
            .get(ci)
            .filter(|n| n.first == first && n.class == ChainClass::Name && !n.title_only)?;
        chain_cluster.get(ci).copied().flatten().or_else(|| {
            let stem = self.toks[n.first].stem();
            match (n.first == n.last).then(|| lookup_folded(keys, stem, fold_word(stem))) {
                Some(&[id]) => Some(id),
                _ => None,
            }
        })
    }

    /// A name without a full-name cluster of its own: the one cluster it
    /// names, or an anonymous person when several share it.
    fn resolve_bare(&self, c: &Chain, words: &[usize], keys: &FxHashMap<u64, Vec<usize>>) -> Option<MentionKind> {
        // (Particles are not looked up: "Dela Cruz" and "El Amrani" are the
        // bare surnames of "Ramon Dela Cruz" and "Youssef El Amrani".)
        let particle = |w: usize| self.toks[w].has(cls::NAME_PARTICLES);
        let all_particles = words.iter().all(|&w| particle(w));
        let mut names = words
            .iter()
            .filter(|&&w| self.toks[w].word && (all_particles || !particle(w)))
            .map(|&w| self.toks[w].stem());
        match (names.next(), names.next_back()) {
            (None, _) => None,
            (Some(w), None) => match lookup(keys, w) {
                [id] => Some(MentionKind::Person(*id)),
                [] => c.person.then_some(MentionKind::Anon(None)),
                _ => Some(MentionKind::Anon(None)),
            },
            (Some(f), Some(l)) => {
                // A longer or shorter form of one full name ("Angela Dorothea
                // Merkel"); another name sharing a part is someone else.
                let (a, b) = (lookup(keys, f), lookup(keys, l));
                let mut shared = a.iter().copied().filter(|x| b.contains(x));
                match (shared.next(), shared.next()) {
                    (Some(id), None) => Some(MentionKind::Person(id)),
                    // A name without person evidence after "in", "at" or
                    // "on" is a place or an outlet ("said on Sky Sports",
                    // "at Old Trafford", "in Greater Noida").
                    _ if !c.person && self.prev(c.first).is_some_and(|t| t.is("in") || t.is("at") || t.is("on")) => None,
                    // Any other full name may be a person of unknown gender.
                    _ => Some(MentionKind::Anon(None)),
                }
            }
        }
    }
}

/// A full name (two words or more) for the shared-bare-name test.
struct FullName {
    sent: usize,
    /// The folds of the first word, the last word and all words.
    folds: [u64; 3],
}

/// The clusters a bare name word may name (by its fold).
fn lookup<'k>(keys: &'k FxHashMap<u64, Vec<usize>>, w: &str) -> &'k [usize] {
    if keys.is_empty() {
        return &[];
    }
    lookup_folded(keys, w, fold_word(w))
}

/// [`lookup`] of `w`, given its fold.
fn lookup_folded<'k>(keys: &'k FxHashMap<u64, Vec<usize>>, w: &str, folded: u64) -> &'k [usize] {
    let ids = keys.get(&folded).map_or(&[][..], Vec::as_slice);
    // "Parks" for "Park's" (a lost apostrophe): folding is per character,
    // so the stem's fold is the word's without its final 's' (which folds
    // to itself).
    match w.strip_suffix('s') {
        Some(stem) if ids.is_empty() && w.len() > 3 => keys.get(&fold_word(stem)).map_or(&[][..], Vec::as_slice),
        _ => ids,
    }
}

/// Number of characters, quick for ASCII.
fn char_count(w: &str) -> usize {
    if w.is_ascii() {
        w.len()
    } else {
        w.chars().count()
    }
}

/// Two characters or more, none lowercase ("NATO", "KCNA").
fn all_caps(w: &str) -> bool {
    if w.is_ascii() {
        w.len() > 1 && !w.bytes().any(|b| b.is_ascii_lowercase())
    } else {
        w.chars().count() > 1 && !w.chars().any(char::is_lowercase)
    }
}

impl<'a> Builder<'a> {
    /// Subject or topic of a clause: followed by a verb (after an optional
    /// adverb) and not governed by a preposition; a possessive at the start
    /// of a clause; the speaker of an inverted "said X".
    fn is_subject(&self, first: usize, last: usize, possessive: bool) -> bool {
        let prev = self.prev(first);
        let clause_start = prev.is_none_or(|p| !p.word || p.has(cls::CLAUSE_OPENERS)) || prev.is_some_and(|p| p.has(cls::SPEECH_VERBS));
        if possessive {
            return clause_start && !prev.is_some_and(|p| p.has(cls::PREPOSITIONS) && !p.is("and"));
        }
        if prev.is_some_and(|p| p.has(cls::SPEECH_VERBS)) && self.next(last).is_none_or(|n| !n.word) {
            return true;
        }
        // An absolute construction: "with Ings scoring his 22nd goal".
        let ing_next = self
            .tok(last + 1)
            .filter(|n| n.sent == self.toks[last].sent)
            .is_some_and(|n| n.lower() && n.text.len() > 5 && n.text.ends_with("ing"));
        if prev.is_some_and(|p| p.is("with")) && ing_next {
            return true;
        }
        if prev.is_some_and(|p| p.has(cls::PREPOSITIONS) && !p.is("and") && !p.is("after") && !p.is("before")) {
            return false;
        }
        let mut j = last + 1;
        // A prepositional phrase before the verb: "The commission into the
        // building industry will hold", "The daughter of the king said".
        if self
            .next(last)
            .is_some_and(|t| t.lower() && t.has(cls::PREPOSITIONS) && !t.is("and"))
        {
            let sent = self.toks[last].sent;
            for k in last + 2..last + 8 {
                let Some(t) = self.tok(k).filter(|t| t.sent == sent && t.word) else {
                    break;
                };
                if t.has(cls::CLAUSE_OPENERS) || t.pro.is_some() {
                    break;
                }
                if FINITE.iter().any(|w| t.is(w)) {
                    return true;
                }
            }
        }
        // Appositions: "X, 45, said", "X, who ...,", and "X, from the Board
        // of Port Operators, says": one opening with a lowercase word and
        // closed by a comma before a speech verb.
        if self.tok(j).is_some_and(|t| t.text == "," && t.sent == self.toks[last].sent) {
            if self.tok(j + 1).is_some_and(|t| t.is("who") || t.is("which")) {
                return true;
            }
            // An age: "Chen, 41, studied" reads on to the verb.
            let age = self
                .tok(j + 1)
                .is_some_and(|t| t.text.len() <= 3 && t.text.bytes().all(|b| b.is_ascii_digit()))
                && self.tok(j + 2).is_some_and(|t| t.text == ",");
            if age {
                j += 3;
            }
        }
        if self.tok(j).is_some_and(|t| t.text == "," && t.sent == self.toks[last].sent) {
            let close = (j + 2..j + 14).find(|&k| self.tok(k).is_none_or(|t| t.sent != self.toks[last].sent || t.text == ","));
            if close.is_some_and(|k| {
                self.tok(k).is_some_and(|t| t.text == ",")
                    && (j + 1..k).all(|m| self.toks[m].word || self.toks[m].text.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
                    // Not a name ("The Attorney-General, Robin Ames, says"):
                    // the title and the name are one person.
                    && self.toks[j + 1].lower()
                    && self.next(k).is_some_and(|n| n.lower() && n.has(cls::SPEECH_VERBS))
            }) {
                return true;
            }
        }
        while let Some(t) = self
            .tok(j)
            .filter(|t| t.lower() && t.has(cls::ADVERBS) && t.sent == self.toks[last].sent)
        {
            // "has", "had", "have" (adverbs of reporting for `org-pronoun`)
            // are the subject's auxiliary: "The company has given".
            if t.has(cls::AUXILIARIES) {
                return true;
            }
            j += 1;
        }
        let Some(next) = self.tok(j).filter(|t| t.sent == self.toks[last].sent) else {
            return false;
        };
        if !next.lower() {
            return false;
        }
        let w = next.text;
        // A name opening its sentence before a lowercase word that is no
        // preposition, determiner or conjunction: "Dela Cruz spent the
        // night" (an irregular past).
        let opening = self.sentence_initial(first)
            && !next.has(cls::PREPOSITIONS | cls::DETERMINERS | cls::CLAUSE_OPENERS | cls::ADVERBS)
            && !matches!(w, "or" | "nor" | "and" | "who" | "whose" | "which");
        opening
            || next.has(cls::AUXILIARIES | cls::SPEECH_VERBS)
            || (w.len() > 4 && w.ends_with("ed"))
            || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !next.has(cls::NOT_AFTER_POSSESSIVE))
    }

    /// The pronouns, from their tokens (`pronoun_toks`, the word tokens with
    /// a pronoun form).
    fn find_pronouns(&mut self, doc: &Document, pronoun_toks: &[usize]) {
        for &i in pronoun_toks {
            let Some(t) = self.toks.get(i) else { continue };
            let Some((gender, mut case)) = t.pro else { continue };
            if t.text.eq_ignore_ascii_case("her") {
                case = match self.next(i) {
                    Some(n) if n.word && n.lower() && !n.has(cls::NOT_AFTER_POSSESSIVE) => Case::Possessive,
                    Some(n) if n.word && n.cap() && self.her_before_name(i) => Case::Possessive,
                    Some(n) if !n.word && n.text.chars().all(|c| c.is_ascii_digit()) => Case::Possessive,
                    Some(n) if n.text.chars().next().is_some_and(|c| c.is_ascii_digit()) => Case::Possessive,
                    _ => Case::Object,
                };
            }
            let generic = self.generic(i);
            let in_name = t.cap() && self.prev(i).is_some_and(|p| p.cap()) && self.next(i).is_some_and(|n| n.cap())
                || self.prev(i).is_some_and(|p| p.cap() && !self.sentence_initial(i - 1)) && self.next(i).is_some_and(|n| n.cap());
            let quoted = doc.in_quote(t.span);
            let heading = doc
                .block_at(t.span.start)
                .and_then(|b| doc.blocks.get(b))
                .is_some_and(|b| b.title_case);
            self.pronouns.push(Pronoun {
                span: t.span,
                tok: i,
                sent: t.sent,
                gender,
                case,
                usable: !generic && !in_name && !quoted && !heading,
                opening: false,
                attribution: false,
                quoted: quoted && !generic && !in_name && !heading,
            });
        }
        self.links = vec![None; self.pronouns.len()];
    }

    /// "he or she", "his/her", "s/he", "him or her".
    fn generic(&self, i: usize) -> bool {
        // A pronoun of the other gender, or a neutral one: "he and his
        // family" is one person.
        let own = self.toks[i].pro.map(|(g, _)| g);
        let is_pro = |t: Option<&BTok>| {
            t.is_some_and(|t| t.pro.is_some_and(|(g, _)| Some(g) != own) || t.is("s") || t.is("they") || t.is("them") || t.is("their"))
        };
        let joiner = |t: Option<&BTok>| t.is_some_and(|t| t.is("or") || t.text == "/" || t.is("and"));
        let t = &self.toks[i];
        let same = |j: usize| self.tok(j).filter(|x| x.sent == t.sent);
        (joiner(same(i + 1)) && is_pro(same(i + 2))) || (i >= 2 && joiner(same(i - 1)) && is_pro(same(i - 2)))
    }

    /// Mentions of sentence `s`.
    fn sentence_mentions(&self, s: usize) -> &[Mention] {
        sentence_slice(&self.mentions, &self.sent_mentions, s)
    }

    fn is_person(m: &Mention) -> bool {
        matches!(m.kind, MentionKind::Person(_) | MentionKind::Anon(_))
    }

    fn link(&mut self, doc: &Document) {
        let mut opening = vec![false; self.pronouns.len()];
        for pi in 0..self.pronouns.len() {
            let p = self.pronouns[pi].clone();
            if !p.usable {
                continue;
            }
            // (D) `"...," she said`: the speaker named before the quote.
            if let Some(mi) = self.attribution(doc, &p) {
                self.links[pi] = Some(mi);
                self.pronouns[pi].attribution = true;
                continue;
            }
            let ms = self.sentence_mentions(p.sent);
            // Mentions before the pronoun (ends before it), last first.
            let before = || (0..ms.len()).rev().filter(|&k| ms[k].last < p.tok);
            let base = self.sent_mentions.get(p.sent).copied().unwrap_or(0);
            // A pronoun between the nearest person and this one: follow a
            // linked subject pronoun ("Park said he ... his"), else abstain.
            let nearest_person = before().find(|&k| Self::is_person(&ms[k])).map(|k| ms[k].last);
            let nearer = (0..pi)
                .rev()
                .take_while(|&q| self.pronouns[q].sent == p.sent)
                .find(|&q| nearest_person.is_none_or(|l| self.pronouns[q].tok > l));
            if let Some(q) = nearer {
                if p.case != Case::Object && self.pronouns[q].case != Case::Object && self.pronouns[q].usable {
                    self.links[pi] = self.links[q];
                }
                continue;
            }
            // (A) the nearest subject before, nothing personal in between.
            if p.case != Case::Object {
                if let Some(k) = before().find(|&k| Self::is_person(&ms[k])) {
                    let m = &ms[k];
                    // An organisation as the subject of a later clause may
                    // be meant ("Mr Hale says jobs will go when the company
                    // modernises her mines": `org-pronoun`).
                    let org_between = before()
                        .take_while(|&o| o > k)
                        .any(|o| ms[o].kind == MentionKind::Org && ms[o].subject);
                    if m.subject && matches!(m.kind, MentionKind::Person(_)) && !org_between {
                        self.links[pi] = Some(base + k);
                        continue;
                    }
                }
            }
            // (C) cataphora: the pronoun in an opening adverbial, and the
            // subject of the main clause just after its comma ("Despite her
            // willingness ..., Lucas said"; "While his team fell short, Vardy
            // himself ended").
            if before().next().is_none() {
                if let Some(comma) = self.opening_comma(&p) {
                    if let Some(o) = opening.get_mut(pi) {
                        *o = true;
                    }
                    if let Some(k) = self.cataphora(&p, comma, ms).filter(|_| p.case != Case::Object) {
                        self.links[pi] = Some(base + k);
                        continue;
                    }
                }
            }
            // (B) nothing before it in its sentence; one person cluster in
            // the two sentences before, as a subject. An organisation as the
            // subject before it may be meant instead ("The ministry said that
            // she": `org-pronoun`).
            if before().any(|k| Self::is_person(&ms[k]) || (ms[k].kind == MentionKind::Org && ms[k].subject)) || p.sent == 0 {
                continue;
            }
            let from = p.sent.saturating_sub(2);
            let mut target: Option<(usize, usize)> = None; // (cluster, mention)
            let mut ok = true;
            let mut subject = false;
            for s in from..p.sent {
                let base = self.sent_mentions.get(s).copied().unwrap_or(0);
                for (k, m) in self.sentence_mentions(s).iter().enumerate() {
                    match m.kind {
                        MentionKind::Person(c) => {
                            if target.is_some_and(|(t, _)| t != c) {
                                ok = false;
                            }
                            target = Some((c, base + k));
                            subject |= m.subject;
                        }
                        MentionKind::Anon(_) => ok = false,
                        MentionKind::Org => {}
                    }
                }
            }
            // Not past a country or ship that may be "she" ("The Titanic
            // left port. She sank").
            if let (true, true, Some((_, mi))) = (ok, subject, target) {
                let after = self.mentions.get(mi).map_or(p.tok, |m| m.last + 1);
                if !self.thing_between(after, p.tok) {
                    self.links[pi] = Some(mi);
                }
            }
        }
        for (p, o) in self.pronouns.iter_mut().zip(opening) {
            p.opening = o;
        }
    }

    /// The speaker a subject pronoun of an attribution refers to: the
    /// pronoun follows a closing quotation mark and comes before a speech
    /// verb (`"...," she said`). The speaker is looked for before the
    /// quotation opens, in its sentence and the two before, nearest first,
    /// outside other quotations: the one person named in the nearest
    /// sentence that names someone, or of several the one who speaks there
    /// ("Premier Ng says the Government may force Lim to return"). A
    /// subject pronoun instead of a name passes its own link on ("He said
    /// ..."). Abstains on a person who cannot be clustered, on two speakers,
    /// and on a linked pronoun of another person.
    fn attribution(&self, doc: &Document, p: &Pronoun) -> Option<usize> {
        if p.case != Case::Subject {
            return None;
        }
        let mark = self.prev(p.tok)?;
        if !matches!(mark.text, "\"" | "\u{201d}") || !self.next(p.tok).is_some_and(|n| n.lower() && n.has(cls::SPEECH_VERBS)) {
            return None;
        }
        let qi = doc.quotes.partition_point(|q| q.span.end < mark.span.end);
        let quote = doc.quotes.get(qi).filter(|q| q.closed && q.span.end == mark.span.end)?;
        let open = self.toks.partition_point(|t| t.span.start < quote.span.start);
        if self.toks.get(open).is_none_or(|t| t.span.start != quote.span.start) {
            return None;
        }
        let sq = self.toks[open].sent;
        let speaks = |m: &Mention| {
            self.next(m.last).is_some_and(|n| n.lower() && n.has(cls::SPEECH_VERBS))
                || self.prev(m.first).is_some_and(|t| t.has(cls::SAID_BEFORE))
        };
        for s in (sq.saturating_sub(2)..=sq).rev() {
            let base = self.sent_mentions.get(s).copied().unwrap_or(0);
            let ms = self.sentence_mentions(s);
            let outside = |m: &Mention| m.last < open && !doc.in_quote(m.span);
            let persons: Vec<usize> = (0..ms.len()).filter(|&k| outside(&ms[k]) && Self::is_person(&ms[k])).collect();
            if persons.is_empty() {
                // "He said ...": a subject pronoun outside quotations, linked.
                let pronoun = self
                    .pronouns
                    .iter()
                    .zip(&self.links)
                    .filter(|(q, _)| q.sent == s && q.tok < open && q.case == Case::Subject && !doc.in_quote(q.span))
                    .last();
                match pronoun {
                    Some((_, Some(l))) => return Some(*l),
                    Some((_, None)) => return None,
                    None => continue,
                }
            }
            // The speakers: subjects, or next to a speech verb ("said
            // Ng"); else everyone named there.
            let speakers: Vec<usize> = persons.iter().copied().filter(|&k| ms[k].subject || speaks(&ms[k])).collect();
            let among = if speakers.is_empty() { &persons } else { &speakers };
            let cluster = |k: usize| match ms[k].kind {
                MentionKind::Person(c) => Some(c),
                _ => None,
            };
            let first = cluster(among[0]);
            let chosen = (first.is_some() && among.iter().all(|&k| cluster(k) == first)).then(|| among[among.len() - 1]);
            return chosen.map(|k| base + k);
        }
        None
    }

    /// Whether a name that is no person is a subject (or before "and")
    /// among tokens `from..to`, or a ship or country noun is there: "she"
    /// and "her" may be theirs.
    fn thing_between(&self, from: usize, to: usize) -> bool {
        let sent = |i: usize| self.tok(i).map_or(0, |t| t.sent);
        let k = self.things.partition_point(|&t| t < from);
        let ps = sent(to);
        self.things
            .iter()
            .skip(k)
            .take_while(|&&t| t < to)
            .any(|&t| thing_counts(t, sent(t), ps, self.sentence_mentions(sent(t)), &self.pronouns))
            || (from..to).any(|j| {
                self.tok(j).is_some_and(|t| t.lower() && is_she_thing(t.text))
                    && (self.tok(j).is_some_and(|t| is_vessel(t.text))
                        || thing_counts(j, sent(j), ps, self.sentence_mentions(sent(j)), &self.pronouns))
            })
    }

    /// The comma closing an opening adverbial around a pronoun: its sentence
    /// opens with a preposition or a subordinating conjunction ("Despite",
    /// "While") before it, and a comma follows it.
    fn opening_comma(&self, p: &Pronoun) -> Option<usize> {
        let start = self.sent_start.get(p.sent).copied()?;
        let mut first = start;
        while self.tok(first).is_some_and(|t| !t.word && first < p.tok) {
            first += 1;
        }
        let opener = self.tok(first)?;
        let subordinate = opener.has(cls::CLAUSE_OPENERS) && !["that", "and", "but", "so"].iter().any(|w| opener.is(w));
        if first >= p.tok || !(opener.has(cls::OPENING_PREPOSITIONS) || subordinate) {
            return None;
        }
        (p.tok + 1..)
            .take_while(|&j| self.tok(j).is_some_and(|t| t.sent == p.sent))
            .find(|&j| self.toks[j].text == ",")
    }

    /// The mention (index into `ms`, the mentions of the pronoun's sentence)
    /// a pronoun in an opening adverbial refers to: the sentence opens with
    /// a preposition or a subordinating conjunction ("Despite", "While"),
    /// no mention comes before the first comma after the pronoun, and the
    /// mention just after that comma is a person cluster as the subject,
    /// not a possessive ("In her speech, Mr Grant's successor" names someone
    /// else).
    fn cataphora(&self, p: &Pronoun, comma: usize, ms: &[Mention]) -> Option<usize> {
        let k = ms.iter().position(|m| m.first > p.tok)?;
        let m = ms.get(k)?;
        // A title may come first ("Mr Grant").
        let titled = (comma + 1..m.first).all(|j| self.tok(j).is_some_and(|t| t.cap() || t.text == "."));
        (m.first > comma && titled && m.subject && !m.possessive && matches!(m.kind, MentionKind::Person(_))).then_some(k)
    }

    fn consensus(&mut self) {
        for (pi, l) in self.links.iter().enumerate() {
            let Some(MentionKind::Person(c)) = l.and_then(|m| self.mentions.get(m)).map(|m| m.kind) else {
                continue;
            };
            let p = &self.pronouns[pi];
            if let Some(cl) = self.clusters.get_mut(c) {
                cl.evidence.push(Evidence {
                    span: p.span,
                    gender: p.gender,
                    kind: EvidenceKind::Link,
                });
            }
        }
        for cl in &mut self.clusters {
            cl.gender = decide(&cl.evidence);
        }
    }
}

/// The mentions of sentence `s`, given where each sentence's mentions start.
fn sentence_slice<'m>(mentions: &'m [Mention], starts: &[usize], s: usize) -> &'m [Mention] {
    let a = starts.get(s).copied().unwrap_or(mentions.len());
    let b = starts.get(s + 1).copied().unwrap_or(mentions.len());
    mentions.get(a..b).unwrap_or(&[])
}

impl Analysis {
    /// Mentions of sentence `s`.
    pub fn sentence_mentions(&self, s: usize) -> &[Mention] {
        sentence_slice(&self.mentions, &self.sent_mentions, s)
    }

    /// The gender of a mention, when known.
    pub fn mention_gender(&self, m: &Mention) -> Option<Gender> {
        match m.kind {
            MentionKind::Person(c) => self.clusters.get(c).and_then(|c| c.gender),
            MentionKind::Anon(g) => g,
            MentionKind::Org => None,
        }
    }

    /// The gender of a person mention, leaning on pronouns: its cluster's or noun's;
    /// else the pronouns linked to its cluster when they all agree ("Vardy ...
    /// his"); else, for a mention outside any cluster ("the former prime
    /// minister", "Hayden Mullins"), the first subject or possessive pronoun
    /// after it in its sentence with no other person between ("... might reflect
    /// that he would"), unless that is the pronoun judged (`pi`).
    pub fn leaning_gender(&self, m: &Mention, pi: usize) -> Option<Gender> {
        if let Some(g) = self.mention_gender(m) {
            return Some(g);
        }
        match m.kind {
            MentionKind::Person(c) => {
                let cl = self.clusters.get(c)?;
                let mut links = cl.evidence.iter().filter(|e| e.kind == EvidenceKind::Link).map(|e| e.gender);
                let g = links.next()?;
                links.all(|x| x == g).then_some(g)
            }
            MentionKind::Anon(None) => {
                let next_person = self
                    .sentence_mentions(m.sent)
                    .iter()
                    .filter(|o| o.first > m.last && !matches!(o.kind, MentionKind::Org))
                    .map(|o| o.first)
                    .min()
                    .unwrap_or(usize::MAX);
                let start = self.pronouns.partition_point(|q| q.tok <= m.last);
                let (qi, q) = self.pronouns.iter().enumerate().nth(start)?;
                let fits = qi != pi && q.sent == m.sent && q.tok < next_person && q.usable && q.case != Case::Object;
                if fits {
                    return Some(q.gender);
                }
                // The one person of its sentence, as the subject, and a
                // subject pronoun before anyone else in the next sentence:
                // "Claude Gabriel stabbed a man. However, he absconded."
                let alone = self
                    .sentence_mentions(m.sent)
                    .iter()
                    .filter(|o| !matches!(o.kind, MentionKind::Org))
                    .all(|o| std::ptr::eq(o, m) || o.kind == MentionKind::Anon(None) && !o.subject);
                let next_first = self
                    .sentence_mentions(m.sent + 1)
                    .iter()
                    .find(|o| !matches!(o.kind, MentionKind::Org))
                    .map(|o| o.first);
                let follows =
                    qi != pi && q.sent == m.sent + 1 && q.case == Case::Subject && q.usable && next_first.is_none_or(|f| f > q.tok);
                (m.subject && m.last < next_person && alone && follows).then_some(q.gender)
            }
            _ => None,
        }
    }

    /// [`Builder::thing_between`] for the analysis.
    pub fn thing_between(&self, doc: &Document, from: usize, to: usize) -> bool {
        let sent = |i: usize| self.tok(i).map_or(0, |t| t.sent);
        let k = self.things.partition_point(|&t| t < from);
        let ps = sent(to);
        self.things
            .iter()
            .skip(k)
            .take_while(|&&t| t < to)
            .any(|&t| thing_counts(t, sent(t), ps, self.sentence_mentions(sent(t)), &self.pronouns))
            || (from..to).any(|j| {
                let w = self.text(doc, j);
                is_she_thing(w) && (is_vessel(w) || thing_counts(j, sent(j), ps, self.sentence_mentions(sent(j)), &self.pronouns))
            })
    }

    /// The cluster a pronoun is linked to.
    pub fn linked_cluster(&self, pi: usize) -> Option<usize> {
        match self.links.get(pi).copied().flatten().and_then(|m| self.mentions.get(m))?.kind {
            MentionKind::Person(c) => Some(c),
            _ => None,
        }
    }

    /// Whether something of gender `g` other than cluster `except` is
    /// mentioned in sentences `from..=to`: a person, a gendered noun, or a
    /// pronoun of that gender not linked to a cluster of the other gender.
    /// The pronouns for which `skip` holds are not counted, nor the person
    /// in apposition to a kinship noun of pronoun `own` ("her wife Anita").
    #[allow(clippy::too_many_arguments)]
    pub fn gender_present(
        &self,
        g: Gender,
        from: usize,
        to: usize,
        except: Option<usize>,
        own: Option<usize>,
        skip: &dyn Fn(usize) -> bool,
    ) -> bool {
        for s in from..=to {
            for m in self.sentence_mentions(s) {
                if let MentionKind::Person(c) = m.kind {
                    if Some(c) == except {
                        continue;
                    }
                }
                if own.is_some_and(|pi| self.own_kin(m, pi)) {
                    continue;
                }
                if self.mention_gender(m) == Some(g) {
                    return true;
                }
            }
        }
        let start = self.pronouns.partition_point(|p| p.sent < from);
        for (pi, p) in self.pronouns.iter().enumerate().skip(start) {
            if p.sent > to {
                break;
            }
            if skip(pi) || p.gender != g {
                continue;
            }
            let linked_other = self
                .linked_cluster(pi)
                .and_then(|c| self.clusters.get(c))
                .is_some_and(|c| c.gender == Some(g.other()));
            if !linked_other {
                return true;
            }
        }
        false
    }

    /// Whether a person or gendered noun of gender `g` (other than cluster
    /// `except`, and other than a name in apposition to a kinship noun of
    /// pronoun `own`) is mentioned in sentences `from..=to` (no pronouns).
    pub fn gendered_mention(&self, g: Gender, from: usize, to: usize, except: Option<usize>, own: Option<usize>) -> bool {
        (from..=to).any(|s| {
            self.sentence_mentions(s).iter().any(|m| {
                !matches!(m.kind, MentionKind::Person(c) if Some(c) == except)
                    && !own.is_some_and(|pi| self.own_kin(m, pi))
                    && self.mention_gender(m) == Some(g)
            })
        })
    }

    /// The pronoun whose kinship noun mention `m` stands in apposition to
    /// (see [`Mention::kin_of`]).
    fn kin_pronoun(&self, m: &Mention) -> Option<usize> {
        let t = m.kin_of?;
        self.pronouns.binary_search_by_key(&t, |p| p.tok).ok()
    }

    /// Whether mention `m` is the person in apposition to a kinship noun of
    /// pronoun `pi` ("Anita" of "her wife Anita"), or another mention of
    /// that person's cluster ("created by Anita" after it).
    pub fn own_kin(&self, m: &Mention, pi: usize) -> bool {
        if self.kin_pronoun(m) == Some(pi) {
            return true;
        }
        let (MentionKind::Person(c), Some(p)) = (m.kind, self.pronouns.get(pi)) else {
            return false;
        };
        self.sentence_mentions(p.sent)
            .iter()
            .any(|k| k.kind == MentionKind::Person(c) && self.kin_pronoun(k) == Some(pi))
    }

    /// Text of a mention, possessive stripped.
    pub fn mention_text(&self, doc: &Document, m: &Mention) -> String {
        strip_possessive(doc.text(m.span)).0.to_string()
    }

    /// A short phrase starting at a pronoun ("his ten-year tenure"), for labels.
    pub fn phrase_span(&self, doc: &Document, pi: usize) -> Span {
        let Some(p) = self.pronouns.get(pi) else { return Span::new(0, 0) };
        let mut end = p.span.end;
        if p.case == Case::Subject {
            if let Some(n) = self.tok(p.tok + 1).filter(|n| n.word && n.sent == p.sent) {
                end = n.span.end;
            }
        } else if p.case == Case::Possessive {
            let mut j = p.tok + 1;
            let mut words = 0;
            while let Some(t) = self.tok(j).filter(|t| t.sent == p.sent) {
                let text = self.text(doc, j);
                if t.word || text == "-" || text.chars().all(|c| c.is_ascii_digit()) {
                    if t.word {
                        words += 1;
                    }
                    end = t.span.end;
                    if words >= 2 || (t.word && in_list(cls::NOT_AFTER_POSSESSIVE, text)) {
                        break;
                    }
                    j += 1;
                } else {
                    break;
                }
            }
        }
        Span::new(p.span.start, end)
    }

    /// Token helper for lints.
    pub fn token(&self, i: usize) -> Option<&Tok> {
        self.tok(i)
    }

    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    /// The text of token `i` (empty past the end).
    pub fn text<'d>(&self, doc: &'d Document, i: usize) -> &'d str {
        self.toks.get(i).and_then(|t| doc.prose.get(t.span.range())).unwrap_or("")
    }

    pub fn is_subject_mention(&self, m: &Mention) -> bool {
        m.subject
    }

    /// Whether token `i` is the first word of its sentence (after opening
    /// punctuation).
    pub fn starts_sentence(&self, doc: &Document, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else { return true };
        let mut j = i;
        while let Some(p) = j.checked_sub(1).and_then(|k| self.toks.get(k)).filter(|p| p.sent == t.sent) {
            if p.word || self.text(doc, j - 1).chars().all(|c| c.is_alphanumeric()) {
                return false;
            }
            j -= 1;
        }
        true
    }
}

fn consistent_gender(evidence: &[Evidence]) -> Option<Gender> {
    let mut g = None;
    for e in evidence.iter().filter(|e| e.kind == EvidenceKind::Strong) {
        match g {
            None => g = Some(e.gender),
            Some(x) if x != e.gender => return None,
            _ => {}
        }
    }
    g
}

/// Whether a thing (its last token `t`, in sentence `s`) may be what a
/// pronoun in sentence `ps` refers to: before it in its own sentence
/// ("Britain and her allies"), or as the first subject of an earlier
/// sentence, before any mention or pronoun there ("The Titanic left port.
/// She sank"), not inside a clause about someone else ("Mr Blair said that
/// the UK and EU could land a deal. She said").
fn thing_counts(t: usize, s: usize, ps: usize, mentions: &[Mention], pronouns: &[Pronoun]) -> bool {
    if s == ps {
        return true;
    }
    let lo = pronouns.partition_point(|q| q.sent < s);
    !mentions.iter().any(|m| m.last < t) && !pronouns.iter().skip(lo).take_while(|q| q.sent == s).any(|q| q.tok < t)
}

/// Whether a "she" noun is a vessel: it may be "she" wherever it stands
/// ("Mr Grant said the ship had left. She sank"); "country" and "nation"
/// only as a subject or in the pronoun's sentence, like a named country
/// ("Mr Saa told a stunned nation that he ... she was promising").
fn is_vessel(w: &str) -> bool {
    !w.eq_ignore_ascii_case("country") && !w.eq_ignore_ascii_case("nation")
}

/// Nouns English may call "she": ships and countries.
fn is_she_thing(w: &str) -> bool {
    w.len() >= 4
        && w.len() <= 9
        && [
            "ship",
            "vessel",
            "boat",
            "yacht",
            "liner",
            "tanker",
            "submarine",
            "frigate",
            "ferry",
            "country",
            "nation",
        ]
        .iter()
        .any(|t| w.eq_ignore_ascii_case(t))
}

/// The document's consensus on one cluster's gender.
pub fn decide(evidence: &[Evidence]) -> Option<Gender> {
    let count = |g: Gender, k: EvidenceKind| evidence.iter().filter(|e| e.gender == g && e.kind == k).count();
    let (sm, sf) = (
        count(Gender::Male, EvidenceKind::Strong),
        count(Gender::Female, EvidenceKind::Strong),
    );
    let (vm, vf) = (
        count(Gender::Male, EvidenceKind::Link) + count(Gender::Male, EvidenceKind::Role),
        count(Gender::Female, EvidenceKind::Link) + count(Gender::Female, EvidenceKind::Role),
    );
    let (nm, nf) = (
        count(Gender::Male, EvidenceKind::GivenName),
        count(Gender::Female, EvidenceKind::GivenName),
    );
    if sm > 0 && sf > 0 {
        return None;
    }
    if sm > 0 {
        return Some(Gender::Male);
    }
    if sf > 0 {
        return Some(Gender::Female);
    }
    let by_votes = |g: Gender, v: usize, w: usize| (v >= 2 && v >= 2 * w).then_some(g);
    match (nm > 0, nf > 0) {
        (true, false) => (vf < 2 || vf <= vm).then_some(Gender::Male),
        (false, true) => (vm < 2 || vm <= vf).then_some(Gender::Female),
        (true, true) => None,
        (false, false) => by_votes(Gender::Male, vm, vf)
            .or_else(|| by_votes(Gender::Female, vf, vm))
            .or_else(|| {
                // One linked pronoun of each gender and nothing else: the
                // article set out with the first; the later one drifted.
                let links = || evidence.iter().filter(|e| e.kind == EvidenceKind::Link);
                (vm == 1 && vf == 1 && links().count() == 2)
                    .then(|| links().min_by_key(|e| e.span.start).map(|e| e.gender))
                    .flatten()
            }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{FileKind, SourceFile};

    fn names() -> GivenNames {
        let lex = crate::pack::builtin_lexicons();
        GivenNames::from_lexicons(lex.iter().filter(|l| l.lint == "pronoun-drift")).unwrap_or_default()
    }

    fn with<R>(text: &str, f: impl FnOnce(&Document, &Analysis) -> R) -> Option<R> {
        let doc = Document::parse(0, SourceFile::new("t", text, FileKind::Plain), None);
        let n = names();
        let a = Analysis::new(&doc, &n)?;
        Some(f(&doc, &a))
    }

    fn doc(text: &str) -> Document {
        Document::parse(0, SourceFile::new("t", text, FileKind::Plain), None)
    }

    #[test]
    fn possessives_are_stripped() {
        assert_eq!(strip_possessive("China’s"), ("China", true));
        assert_eq!(strip_possessive("China's"), ("China", true));
        assert_eq!(strip_possessive("CHINA'S"), ("CHINA", true));
        assert_eq!(strip_possessive("Jones'"), ("Jones", true));
        assert_eq!(strip_possessive("Jones’"), ("Jones", true));
        // Only a lowercase "s" before a bare apostrophe.
        assert_eq!(strip_possessive("JONES'"), ("JONES'", false));
        assert_eq!(strip_possessive("'s"), ("", true));
        assert_eq!(strip_possessive("Park"), ("Park", false));
        assert_eq!(strip_possessive(""), ("", false));
    }

    #[test]
    fn pronouns_are_recognised_in_any_case() {
        assert_eq!(pronoun_of("He"), Some((Gender::Male, Case::Subject)));
        assert_eq!(pronoun_of("HERSELF"), Some((Gender::Female, Case::Reflexive)));
        assert_eq!(pronoun_of("hers"), Some((Gender::Female, Case::Possessive)));
        for w in ["the", "hes", "she's", "Hi", "shed", "heR_", ""] {
            assert_eq!(pronoun_of(w), None, "{w}");
        }
    }

    #[test]
    fn class_table_matches_the_lists() {
        let lists: &[(&[&str], u32)] = &[
            (TITLES, cls::TITLES),
            (ORG_HEADS, cls::ORG_HEADS),
            (NOT_NAMES, cls::NOT_NAMES),
            (ORG_REPORTING, cls::ORG_REPORTING),
        ];
        for &(list, bit) in lists {
            for w in list {
                assert!(classes(w) & bit != 0, "{w}");
                assert!(classes(&w.to_uppercase()) & bit != 0, "{w}");
            }
        }
        assert!(classes("Señor") & cls::GENDERED_TITLES != 0);
        assert_eq!(gender_in(classes("WIFE"), cls::GENDERED_NOUNS), Some(Gender::Female));
        for w in ["", "zebra", "agencies", "thee", "agency-x", "administrationadministration"] {
            assert_eq!(classes(w), 0, "{w}");
        }
    }

    #[test]
    fn given_names_ignore_ascii_case() {
        let n = names();
        assert_eq!(n.get("Margaret"), Some(Gender::Female));
        assert_eq!(n.get("MARGARET"), Some(Gender::Female));
        assert_eq!(n.get("thomas"), Some(Gender::Male));
        assert_eq!(n.get("Beijing"), None);
        assert_eq!(n.get(""), None);
    }

    #[test]
    fn usable_pronouns_are_whole_word_tokens() {
        let d = doc("He said his car was hers. \"She left,\" they said. Shehe, he's, the HIM, x'her, himself.");
        let found: Vec<&str> = usable_pronouns(&d)
            .0
            .iter()
            .filter_map(|p| d.blocks.get(p.block).and_then(|b| d.tokens.get(b.tokens.start + p.i)))
            .map(|t| d.text(t.span))
            .collect();
        assert_eq!(found, vec!["He", "his", "hers", "HIM", "himself"]);
    }

    #[test]
    fn precheck_needs_pronouns_and_evidence() {
        let n = names();
        let pre = |t: &str| {
            let p = Precheck::new(&doc(t), &n);
            (p.drift, p.org)
        };
        assert_eq!(pre("The parade began at noon."), (false, false));
        // One gender and no evidence for the other: nothing to drift to.
        assert_eq!(pre("Mr Grant said he would stay. He left."), (false, false));
        // When the drift analysis is built anyway, `org` passes too.
        assert_eq!(pre("Ms Okafor arrived. Okafor said he would stay."), (true, true));
        assert_eq!(pre("Margaret Hollis spoke. Hollis said he would stay."), (true, true));
        assert!(pre("The statistics agency said that she expected losses.").1);
        assert!(pre("In her annual report, the audit agency said costs rose.").1);
        assert!(!pre("The agency said it expected losses.").1);
        // The whole-block tests pass wherever a sentence of the block does.
        assert!(pre("Costs rose again.\nIn her annual report, the audit agency said costs rose.").1);
        assert!(pre("Costs rose. In her annual report, the audit agency said costs rose.").1);
        assert!(pre("It rained. The ministry said that she would resign. It rained.").1);
        // (4) A subject pronoun opening the sentence after one that opens
        // with an organisation word, in the same block only.
        assert!(pre("The agency met on Monday. She said the rain stopped.").1);
        assert!(!pre("The agency met on Monday.\n\nShe said the rain stopped.").1);
        assert!(!pre("Officials met. The rain stopped at noon, the agency said. She left.").1);
    }

    #[test]
    fn clusters_full_and_bare_names() {
        let r = with("Foreign Minister Anna Lindgren arrived. Lindgren said she was pleased.", |_, a| {
            (
                a.clusters.len(),
                a.clusters.first().and_then(|c| c.gender),
                a.links.iter().flatten().count(),
            )
        });
        assert_eq!(r, Some((1, Some(Gender::Female), 1)));
    }

    #[test]
    fn no_given_name_gender_for_east_asian_shapes() {
        // "Mark" would be male if the name were in Western order.
        let r = with("Leader Bae Mark-hee arrived. Bae said nothing.", |_, a| {
            a.clusters
                .iter()
                .flat_map(|c| c.evidence.iter())
                .any(|e| e.kind == EvidenceKind::GivenName)
        });
        assert_eq!(r, None); // no pronoun: no analysis at all
        let r = with("Leader Bae Mark-hee arrived. Bae said he was glad.", |_, a| {
            a.clusters
                .iter()
                .flat_map(|c| c.evidence.iter())
                .any(|e| e.kind == EvidenceKind::GivenName)
        });
        assert_eq!(r, Some(false));
    }

    #[test]
    fn shared_bare_names_are_anonymous() {
        let r = with("Bill Clinton and Hillary Clinton spoke. Clinton said he was tired.", |doc, a| {
            a.mentions
                .iter()
                .filter(|m| doc.text(m.span) == "Clinton")
                .map(|m| m.kind)
                .collect::<Vec<_>>()
        });
        assert_eq!(r, Some(vec![MentionKind::Anon(None)]));
    }

    #[test]
    fn generic_and_quoted_pronouns_are_unusable() {
        let r = with("Each voter must show his or her card. \"She is late,\" Mr Hale said.", |_, a| {
            a.pronouns.iter().map(|p| p.usable).collect::<Vec<_>>()
        });
        assert_eq!(r, Some(vec![false, false, false]));
    }

    #[test]
    fn a_plural_organisation_head_ends_an_organisation() {
        let r = with(
            "The Kordani Emergency Services said she had left. Tyra Banks said she would stay.",
            |doc, a| {
                a.mentions
                    .iter()
                    .map(|m| (doc.text(m.span).to_string(), m.kind))
                    .collect::<Vec<_>>()
            },
        );
        let r = r.unwrap_or_default();
        assert!(
            r.iter().any(|(t, k)| t == "Kordani Emergency Services" && *k == MentionKind::Org),
            "{r:?}"
        );
        assert!(
            r.iter().any(|(t, k)| t == "Tyra Banks" && matches!(k, MentionKind::Person(_))),
            "{r:?}"
        );
    }

    #[test]
    fn a_month_abbreviation_inside_a_name_is_no_date() {
        let r = with(
            "The jury praised its cinematographer, Kang Jun-ho, and Jan Kowalski. On Jan. 5 he left.",
            |doc, a| a.mentions.iter().map(|m| doc.text(m.span).to_string()).collect::<Vec<_>>(),
        );
        let r = r.unwrap_or_default();
        assert!(r.iter().any(|t| t == "Kang Jun-ho"), "{r:?}");
        assert!(r.iter().any(|t| t == "Jan Kowalski"), "{r:?}");
        assert!(!r.iter().any(|t| t.starts_with("Jan.")), "{r:?}");
    }

    #[test]
    fn organisations_and_kinship() {
        let r = with("The audit agency said his daughter, Mirela, was safe.", |doc, a| {
            a.mentions
                .iter()
                .map(|m| (doc.text(m.span).to_string(), m.kind))
                .collect::<Vec<_>>()
        });
        let r = r.unwrap_or_default();
        assert!(r.iter().any(|(t, k)| t == "The audit agency" && *k == MentionKind::Org), "{r:?}");
        assert!(r.iter().any(|(t, k)| t == "Mirela" && matches!(k, MentionKind::Person(_))), "{r:?}");
    }

    #[test]
    fn names_of_things_are_not_persons() {
        let text =
            "The Kamal Nath-led government fell. Fans filled the Rose Bowl. Sheffield United lost. British Airways said she was late.";
        let r = with(text, |doc, a| {
            a.mentions
                .iter()
                .map(|m| (doc.text(m.span).to_string(), m.kind))
                .collect::<Vec<_>>()
        });
        let r = r.unwrap_or_default();
        assert!(
            !r.iter().any(|(_, k)| matches!(k, MentionKind::Person(_) | MentionKind::Anon(_))),
            "{r:?}"
        );
        assert!(r.iter().any(|(t, k)| t == "British Airways" && *k == MentionKind::Org), "{r:?}");
        // A person after the article keeps a title.
        let r = with("The President Joe Biden spoke. He left.", |_, a| a.mentions.len());
        assert_eq!(r, Some(1));
    }

    #[test]
    fn subjects_after_intensive_reflexives_and_perfects() {
        let r = with(
            "Vardy himself ended the season. Mr Mechichi has been a counsellor. He left.",
            |doc, a| {
                a.mentions
                    .iter()
                    .map(|m| (doc.text(m.span).to_string(), m.subject))
                    .collect::<Vec<_>>()
            },
        );
        assert_eq!(r, Some(vec![("Mechichi".to_string(), true)]));
        let r = with(
            "Jamie Vardy, who won, was top scorer. Vardy himself ended the season. He left.",
            |doc, a| {
                a.mentions
                    .iter()
                    .filter(|m| doc.text(m.span) == "Vardy")
                    .map(|m| m.subject)
                    .collect::<Vec<_>>()
            },
        );
        assert_eq!(r, Some(vec![true]));
    }

    #[test]
    fn cataphora_links_to_the_main_subject() {
        let linked = |t: &str| {
            with(t, |doc, a| {
                a.links
                    .iter()
                    .map(|l| l.and_then(|m| a.mentions.get(m)).map(|m| (doc.text(m.span).to_string(), m.sent)))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
        };
        assert_eq!(
            linked("Despite her doubts, Mr Lucas said yes."),
            vec![Some(("Lucas".to_string(), 0))]
        );
        assert_eq!(
            linked("While his team lost, Mr Vardy scored."),
            vec![Some(("Vardy".to_string(), 0))]
        );
        // Not after a possessive name, not without an opening adverbial.
        assert_eq!(linked("In her speech, Mr Grant's successor spoke."), vec![None]);
        assert_eq!(linked("Her speech, Mr Grant said, was long."), vec![None]);
    }

    #[test]
    fn precheck_allows_a_pronoun_without_antecedent() {
        let n = names();
        // One pronoun of each gender: `pronoun-drift` may find one with no
        // antecedent of its gender.
        assert!(Precheck::new(&doc("Mr Grant said he would stay. She left."), &n).drift);
        assert!(!Precheck::new(&doc("Grant stayed. She left."), &n).drift);
    }

    #[test]
    fn consensus_rules() {
        let e = |g, kind| Evidence {
            span: Span::new(0, 0),
            gender: g,
            kind,
        };
        use EvidenceKind::*;
        use Gender::*;
        assert_eq!(decide(&[e(Male, Strong), e(Female, Link), e(Female, Link)]), Some(Male));
        assert_eq!(decide(&[e(Male, Strong), e(Female, Strong)]), None);
        assert_eq!(decide(&[e(Female, GivenName), e(Male, Link)]), Some(Female));
        assert_eq!(decide(&[e(Female, GivenName), e(Male, Link), e(Male, Link)]), None);
        assert_eq!(decide(&[e(Male, Link), e(Male, Link), e(Female, Link)]), Some(Male));
        assert_eq!(decide(&[e(Male, Link), e(Female, Role)]), None);
        assert_eq!(decide(&[e(Male, Link)]), None);
    }
}
