use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::Arc;

use crate::declare_lint;
use crate::document::{Document, Scope, TokenKind, CALENDAR};
use crate::finding::Applicability;
use crate::lint::{BuildCx, Ctx, Lint, RuleInfo};

use super::words::{with_lowercase, Words};
use super::{is_capitalised, next_word, prev_word, PairFilter, BASE_VERBS, CARDINALS};

declare_lint! {
    /// ## What it does
    ///
    /// Flags a common word capitalised in the middle of a sentence: "the
    /// Brazilian president Lula da Silva To monitor the summit", "troops to
    /// Support the war", "moreover Thousands of workers", "during His 14
    /// year old rule".
    ///
    /// ## Why is this bad?
    ///
    /// Machine translation carries over capitals from the source segmenting,
    /// and careless editing leaves them behind. A capital mid-sentence makes a
    /// common word read as a name.
    ///
    /// ## Example
    ///
    /// ```text
    /// North Korea sent troops to Support the war in exchange for aid.
    /// ```
    ///
    /// Use instead: `to support the war`.
    ///
    /// ## Known problems
    ///
    /// Blocks of eight words or more without an English function word (a
    /// foreign segment, `foreign-segment`) are not judged. Only a word
    /// preceded by another word (or by a comma after a word) and
    /// followed by a lowercase word or a number (after an owner, also the
    /// end of a clause, see below) is judged, so the first word
    /// of a sentence, after a colon, a quotation mark, a bracket or a dash,
    /// is never flagged; nor are headings, title-case and headline-like
    /// lines, list items, "I", acronyms, short quotations (titles, slogans:
    /// a long quotation is reported speech and is judged), institution heads
    /// (pack `capitals`) and calendar words. Function words ("To", "His",
    /// "In", "The") are flagged unless they start a capitalised sequence
    /// ("To Lam", "Gone With the Wind"), are names of the word list after
    /// a name ("Thomas More") or end an East Asian name of three syllables
    /// ("Moon Jae In"; a two-letter syllable in "n" only, not before an
    /// article or a number: "Wang Yi In the morning"); they get a safe fix.
    /// A word after "and", "or" or "&" that ends a list of capitalised
    /// common words ("on Grapheme Cluster, Word, or Sentence boundaries")
    /// is a house style, not flagged. Other common words are
    /// flagged only when the capitalised form occurs once in the document (a
    /// name recurs) and never before a name that goes on ("Game of
    /// Thrones"), nor when three documents of the run capitalise it in three
    /// different contexts (a name of the run's domain: "for Rust that",
    /// "are Rust traits", "supported Rust version" across a folder of
    /// READMEs; copies of one story count once); their fix is unsafe:
    /// - after a lowercase word that is not a title cue ("the film
    ///   Parasite"), unless the word list also knows the word as a name, or
    ///   it is a singular object of a verb that takes teams, towns and firms
    ///   ("beat", "face", "visit", a past form in "-ed") before an adverb in
    ///   "-ly" ("beat Arsenal easily") or a time ("beat
    ///   Arsenal on Sunday", "visited Bath last week", "face Reading next
    ///   week", "joined Arsenal in 2018") or "from" and a name;
    /// - after a determiner or a possessive ("the Officials tipped", "the
    ///   government's Extension"), after a comma ("the country, Debate is"),
    ///   or when the word list also knows it as a name ("his social Media
    ///   accounts", never after a function word: "runs on Windows"), only
    ///   when the document also writes the word in lowercase; an adverb or a
    ///   participle after a comma ("Basically every"), a word heading its
    ///   phrase after "a" ("a Bucket from"; not "a Black man", "a Zoom call")
    ///   an abstract noun after a determiner ("the Importance of") and a
    ///   noun for people that is no title (pack `capitals`,
    ///   `common-persons`: "the Scientist went") need
    ///   no such evidence (newspaper and institution heads such as "the
    ///   Post", "the Alliance" are in pack `capitals`).
    ///
    /// A common word at the head of a list whose other items are lowercase
    /// words ("cooperation in Railway, highway and port links"), and an
    /// adverb in "-ly" at the end of a clause ("to hold talks Regularly,
    /// officials said"), after a lowercase word on the same line, are
    /// flagged without such evidence too.
    ///
    /// After a possessive determiner or a common noun's possessive ("their
    /// Contempt for", "the passenger's Passport"; also at the end of a
    /// clause, before a full stop, comma or semicolon: "the company's
    /// Debt, officials said") a common word the word list does not know as
    /// a name is flagged without such evidence, and
    /// so are ordinals and a few adjectives that head no name after a
    /// determiner ("the First professional collaboration", "the Same
    /// time", "the Two countries", "the Next budget"), a plural common noun
    /// after a count or a quantifier ("two Decades ago", "several Hours
    /// after"), a count after a list's comma ("five in Victoria, Three in
    /// the Territory", "Last night, One of the boats"), a very common noun after "the" or a
    /// demonstrative before "that", or "to"/"of" and a lowercase word ("the
    /// Point that", "the Deadline to file", "the Number of participants";
    /// "the Department of the Interior" stays), and so is a common word right after a subject pronoun or a
    /// plural common noun that opens the sentence ("He Told the police",
    /// "Analysts Expect a cut"; "He Jiankui" stays: a name). "for" and "on"
    /// carry a name on only before a common word ("Centers for Disease
    /// Control"), not before a name ("a big Worry for Pakistan").
    ///
    /// A known past participle in "-ed" right after an auxiliary ("had
    /// Arrested three people", "were Evacuated from") is flagged too.
    ///
    /// "Will" and "May" are flagged as modals after a lowercase noun before
    /// a verb, also after an adverb in "-ly" ("the temple Will serve",
    /// "diesel Will greatly reduce", "companies May have"), and every
    /// modal after a subject pronoun that opens the sentence ("He Will not
    /// say", "It Will generate"). Right after a name, where a capital
    /// usually continues the name, only some verb shapes are flagged:
    /// "Will" before a base verb, or an adverb in "-ly" and a base verb
    /// ("Erdogan Will visit", "Will probably be"); "Last" or "Next" before a
    /// time ("Israel Last week said"); a word ending in "-ed", or
    /// a common verb in "-s" the word list does not know as a name, before
    /// its object or "another", "no", "some" ("Kilicdaroglu Criticized the
    /// plan", "Pollock Expects a";
    /// not before "that": "the Beatles that"); a verb of speech or stance
    /// before a lowercase word ("Varga Says more", "Annan Told a"); never a
    /// known name ("Ahmed"). A capitalised word the
    /// document writes only once and never in lowercase after a determiner
    /// ("a Lockdown on") is missed.
    pub static STRAY_CAPITAL = {
        name: "stray-capital",
        family: "typography",
        severity: Warning,
        status: Preview,
        fix: Some(Applicability::Safe),
        english_only: true,
    };
}

/// Commonest class for a content word to count as common.
const COMMON_CLASS: u8 = 35;

pub struct StrayCapital {
    words: Arc<Words>,
    exempt: HashSet<String>,
    /// Nouns for people that no style capitalises after a determiner
    /// (lexicon `common-persons`, lowercase).
    persons: HashSet<String>,
    function: HashSet<&'static str>,
    name_cues: HashSet<&'static str>,
}

impl StrayCapital {
    pub fn build(cx: &BuildCx) -> Result<Box<dyn Lint>, String> {
        if let Some(key) = cx.options.keys().next() {
            return Err(format!("unknown option `{key}` (this lint has no options)"));
        }
        let exempt = cx
            .lexicons_for(STRAY_CAPITAL.name)
            .filter(|l| l.rule != PERSONS_RULE)
            .flat_map(|l| l.entries())
            .map(str::to_string)
            .collect();
        let persons = cx
            .lexicons_for(STRAY_CAPITAL.name)
            .filter(|l| l.rule == PERSONS_RULE)
            .flat_map(|l| l.entries())
            .map(str::to_lowercase)
            .collect();
        Ok(Box::new(StrayCapital {
            words: Words::shared(cx.lexicons),
            exempt,
            persons,
            function: FUNCTION.iter().copied().collect(),
            name_cues: NAME_CUES.iter().chain(CARDINALS).copied().collect(),
        }))
    }
}

/// The lexicon of nouns for people (`persons`).
const PERSONS_RULE: &str = "common-persons";

/// Whether token `i` is the first word of a Markdown link's text or of an
/// emphasis, which opens a title or a name: "based on [Keep a
/// Changelog](...)", "*The Times*".
fn opens_markup(doc: &Document, i: usize) -> bool {
    let start = doc.tokens[i].span.start;
    start > 0 && matches!(doc.source.text.as_bytes().get(start - 1), Some(b'[' | b'*' | b'_'))
}

/// Whether token `i` follows a lowercase word on its line, after one space
/// or blank: not the first word of a line ("Finally, ..." opening a
/// paragraph of plain text).
fn after_lower_in_line(doc: &Document, i: usize) -> bool {
    let (Some(gap), Some(prev)) = (
        i.checked_sub(1).and_then(|k| doc.tokens.get(k)),
        i.checked_sub(2).and_then(|k| doc.tokens.get(k)),
    ) else {
        return false;
    };
    gap.kind == TokenKind::Space
        && !doc.text(gap.span).contains('\n')
        && prev.kind == TokenKind::Word
        && doc.text(prev.span).starts_with(|c: char| c.is_lowercase())
}

/// Whether a word before a capitalised word owns it: a possessive
/// determiner or a common noun's possessive ("their", "the passenger's").
fn is_owner(prev_text: &str) -> bool {
    POSSESSIVE_DETERMINERS.contains(&prev_text)
        || ((prev_text.ends_with("'s") || prev_text.ends_with("\u{2019}s")) && prev_text.starts_with(|c: char| c.is_lowercase()))
}

/// Closed-class words: never capitalised mid-sentence unless part of a name
/// or a title.
const FUNCTION: &[&str] = &[
    "to",
    "in",
    "his",
    "her",
    "hers",
    "the",
    "of",
    "for",
    "with",
    "from",
    "by",
    "at",
    "on",
    "as",
    "and",
    "but",
    "or",
    "nor",
    "its",
    "their",
    "theirs",
    "this",
    "that",
    "these",
    "those",
    "which",
    "who",
    "whom",
    "whose",
    "an",
    "our",
    "your",
    "my",
    "we",
    "they",
    "he",
    "she",
    "it",
    "them",
    "him",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "would",
    "can",
    "could",
    "should",
    "might",
    "must",
    "not",
    "also",
    "than",
    "then",
    "there",
    "here",
    "when",
    "where",
    "while",
    "after",
    "before",
    "during",
    "into",
    "over",
    "under",
    "about",
    "against",
    "between",
    "among",
    "through",
    "since",
    "until",
    "because",
    "if",
    "so",
    "such",
    "very",
    "more",
    "most",
    "some",
    "any",
    "all",
    "both",
    "each",
    "every",
    "other",
    "another",
    "moreover",
    "however",
    "therefore",
    "thus",
    "although",
    "though",
    "yet",
    "still",
    "just",
    "only",
    "even",
    "already",
    "whether",
    "within",
    "without",
    "upon",
    "via",
    "toward",
    "towards",
    "across",
    "along",
    "around",
    "behind",
    "beyond",
    "despite",
    "including",
    "regarding",
    "whereas",
    "whilst",
    "furthermore",
    "meanwhile",
    "besides",
    "hence",
    "did",
    "does",
    "do",
    "shall",
    "many",
    "much",
    "few",
    "several",
];

/// (First letter, length) of the `FUNCTION` words: bit `letter * 16 +
/// length` (lengths above 15 share 15).
const FUNCTION_SHAPES: [u64; 7] = {
    let mut t = [0u64; 7];
    let mut i = 0;
    while i < FUNCTION.len() {
        let w = FUNCTION[i].as_bytes();
        let bit = function_shape(w[0], w.len());
        t[bit / 64] |= 1 << (bit % 64);
        i += 1;
    }
    t
};

const fn function_shape(first: u8, len: usize) -> usize {
    let letter = (first | 0x20).wrapping_sub(b'a') as usize % 26;
    let len = if len > 15 { 15 } else { len };
    letter * 16 + len
}

/// Whether a word with this first byte (a letter) and length may be one of
/// `FUNCTION` (a cheap filter).
fn may_be_function(first: u8, len: usize) -> bool {
    let bit = function_shape(first, len);
    FUNCTION_SHAPES[bit / 64] & (1 << (bit % 64)) != 0
}

/// Lowercase words before a capitalised common word that make a name or
/// title likely: "the Court", "his Party", "the film Parasite".
const NAME_CUES: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "its",
    "their",
    "our",
    "your",
    "my",
    "whose",
    "every",
    "each",
    "any",
    "no",
    "film",
    "movie",
    "book",
    "novel",
    "song",
    "album",
    "series",
    "show",
    "play",
    "opera",
    "magazine",
    "newspaper",
    "paper",
    "journal",
    "called",
    "named",
    "titled",
    "entitled",
    "dubbed",
    "codenamed",
    "operation",
    "hashtag",
    "slogan",
    "brand",
    "team",
    "club",
    "band",
    "group",
    "party",
    "ship",
    "vessel",
    "app",
    "game",
    "painting",
    "poem",
    "documentary",
    "programme",
    "program",
    "campaign",
    "initiative",
    "doctrine",
    "plan",
    "project",
    "mission",
    "station",
    "channel",
    "network",
    "outlet",
    "agency",
    "daily",
    "weekly",
    "tabloid",
    "website",
    "platform",
    "label",
    "studio",
    "festival",
    "award",
    "prize",
    "exercise",
    "drill",
    "summit",
    "forum",
    "dialogue",
    "model",
    "version",
    "word",
    "words",
    "term",
    "phrase",
    "motto",
    "president",
    "minister",
    "leader",
    "chairman",
    "secretary",
    "general",
    "mr",
    "mrs",
    "ms",
    "dr",
    "lord",
    "lady",
    "sir",
    "saint",
    "st",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "father",
    "brother",
    "sister",
    "uncle",
    "aunt",
    "captain",
    "judge",
    "senator",
    "governor",
    "mayor",
    "several",
    "many",
];

/// Determiners and possessives among `NAME_CUES`: after them a capitalised
/// common word is flagged on the document's evidence (`Kind::Doc`).
const DETERMINER_CUES: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "your", "my", "every", "each", "any", "no",
];

/// Subject pronouns that open a sentence: a capitalised common word right
/// after one is a verb, not a name going on ("He Told the police").
const SUBJECT_PRONOUNS: &[&str] = &["He", "She", "They", "We", "It"];

/// Possessive determiners: a capitalised common word after one heads a
/// common noun phrase ("their Contempt for", "his Innings on").
const POSSESSIVE_DETERMINERS: &[&str] = &["his", "its", "their", "our", "my", "your"];

/// Prepositions before a place name ("in Reading").
const LOCATIVE: &[&str] = &["in", "at", "from", "near", "outside", "of", "to", "across", "around"];

/// Words that follow a place name after a preposition: "in Reading on
/// Monday", "in Bath last week".
const AFTER_PLACE: &[&str] = &["on", "last", "this", "yesterday", "today", "where", "earlier", "overnight"];

/// Verbs whose object is often a team, a town or a firm named by a common
/// word ("beat Arsenal on Sunday", "face Reading next week"); past forms in
/// "-ed" count too ("visited Bath last week").
const OBJECT_VERBS: &[&str] = &[
    "beat", "beats", "face", "faces", "play", "plays", "host", "hosts", "visit", "visits", "join", "joins", "left", "leave", "leaves",
    "meet", "meets", "met",
];

/// Commonest class for a noun after "the" to be judged by its complement
/// alone ("the Point that").
const VERY_COMMON_CLASS: u8 = 20;

/// Every class of the word list but the rarest (for participles after an
/// auxiliary, which are checked by their shape too).
const RARE_CLASS: u8 = 60;

/// Auxiliaries a past participle follows ("had Airlifted", "were Evacuated").
const PARTICIPLE_AUXILIARIES: &[&str] = &["had", "has", "have", "having", "was", "were", "been", "being", "is", "are"];

/// "the" and the demonstratives: before a complement, a capitalised common
/// noun after them is no name.
const DEMONSTRATIVES: &[&str] = &["the", "this", "that", "these", "those"];

/// Function words that may follow a name and its comma in running text
/// ("Mick Jagger, Who is now 77", "Hayden Mullins, Might reflect"): relative
/// words, conjunctions, auxiliaries and modals.
const AFTER_NAME_COMMA: &[&str] = &[
    "who", "whom", "whose", "which", "where", "when", "while", "and", "but", "or", "with", "who's", "is", "was", "are", "were", "has",
    "had", "have", "does", "did", "will", "would", "can", "could", "may", "might", "must", "should", "shall",
];

/// Kinds of publication after a title ("Time magazine").
const PUBLICATION_KINDS: &[&str] = &["magazine", "magazine's", "newspaper", "newspaper's", "tabloid", "weekly", "daily"];

/// Counts before a plural noun ("two Decades ago"), besides [`CARDINALS`].
const COUNT_WORDS: &[&str] = &[
    "several",
    "many",
    "few",
    "numerous",
    "eleven",
    "twelve",
    "twenty",
    "dozen",
    "dozens",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
];

/// Ordinals and adjectives that, capitalised after a determiner and before
/// a lowercase word, start no name: "the First professional", "the Same
/// time", "the Lower body".
const MODIFIERS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "same",
    "whole",
    "entire",
    "only",
    "relevant",
    "lower",
    "deeper",
    "higher",
    "current",
    "previous",
    "following",
    "overall",
    "various",
    "certain",
    "actual",
    "next",
    "last",
    "final",
    "latest",
];

/// Suffixes of abstract nouns ("Importance", "Decision", "Treatment").
const ABSTRACT_SUFFIXES: &[&str] = &["tion", "sion", "ment", "ness", "ity", "ance", "ence"];

/// Words before a month ("last May", "early May"): "May" after them is no
/// modal.
const CALENDAR_BEFORE: &[&str] = &["last", "next", "early", "late", "mid", "since", "until", "till", "throughout"];

/// Quotations of this many bytes or more are reported speech, where a
/// capital mid-sentence is judged as outside quotations.
const LONG_QUOTE: usize = 60;

/// Words that join the parts of a name: "Ministry of Transport".
const LINKS: &[&str] = &[
    "of", "and", "for", "on", "de", "del", "da", "du", "des", "la", "le", "von", "van", "al", "el", "y", "&", "bin", "ibn", "bint",
    "binti", "ul", "della", "dei", "di", "dos", "das", "der", "ter", "zu",
];

/// Pronouns that some writers capitalise for a deity: left alone when the
/// document does so more than once.
const PRONOUNS: &[&str] = &[
    "he", "him", "his", "himself", "you", "your", "thy", "thee", "thou", "who", "whom", "she", "her",
];

/// How a capitalised word is judged.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Function,
    Content,
    /// "Will" before a verb, right after a name ("Erdogan Will visit"):
    /// also a given name, so the word list does not decide.
    Modal,
    /// A past-tense verb before its object, right after a name
    /// ("Kilicdaroglu Criticized the plan"): any word but a known name.
    Verb,
    /// A common word capitalised once where a name could stand (after a
    /// determiner, "the Officials tipped"; after a comma, ", Debate is";
    /// a word the word list also knows as a name, "social Media accounts"):
    /// flagged only when the document also writes it in lowercase.
    Doc,
}

/// Words after a past-tense verb that show it is one ("Criticized the").
const OBJECT_STARTS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "that", "this", "these", "those", "him", "them", "it", "another", "no", "some",
    "every", "each", "several",
];

/// Nouns of time after "last" and "next" ("Israel Last week said").
const TIME_NOUNS: &[&str] = &[
    "week", "month", "year", "night", "weekend", "summer", "winter", "spring", "autumn", "season", "time",
];

/// Whether a capitalised word right after another may be a verb carrying
/// on the name's capital: "Will", or a word of five letters or more ending
/// in "ed" (a cheap test on the bytes).
fn may_be_verb_after_name(w: &[u8]) -> bool {
    w == b"Will"
        || w == b"Told"
        || w == b"Last"
        || w == b"Next"
        || (w.len() >= 5 && w.ends_with(b"ed"))
        || (w.len() >= 4 && w.ends_with(b"s"))
}

/// Modal verbs, capitalised after a subject pronoun ("He Will not").
const MODALS: &[&str] = &["will", "would", "can", "could", "may", "might", "must", "should", "shall"];

/// Whether the word at token `n` is a base verb ("Will serve", "Will
/// not"), or an adverb in "-ly" before one ("Will greatly reduce").
fn verb_follows(doc: &Document, n: usize) -> bool {
    let w = doc.text(doc.tokens[n].span);
    if BASE_VERBS.contains(&w) {
        return true;
    }
    w.len() > 4
        && w.ends_with("ly")
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && next_word(doc, n).is_some_and(|m| BASE_VERBS.contains(&doc.text(doc.tokens[m].span)))
}

/// Verbs of speech and stance that never carry a name on: after a name
/// and before a lowercase word they are verbs ("Claire Varga Says the
/// rain", "Mr Osei Told a gala").
const SPEECH_VERBS: &[&str] = &[
    "says",
    "told",
    "tells",
    "adds",
    "warns",
    "believes",
    "thinks",
    "expects",
    "wants",
    "hopes",
    "insists",
    "admits",
    "denies",
    "argues",
    "urges",
    "predicts",
    "concedes",
    "acknowledges",
    "maintains",
    "rejects",
];

impl Lint for StrayCapital {
    fn rules(&self) -> Vec<RuleInfo> {
        vec![RuleInfo::from(&STRAY_CAPITAL)]
    }

    fn check(&self, doc: &Document, cx: &mut Ctx) {
        let src = doc.source.text.as_bytes();
        let toks = &doc.tokens;
        // When the blocks' tokens are all the tokens, in order (as the
        // parser makes them), the words starting with a capital (needed
        // below) are gathered on the way; otherwise by a walk of their own.
        let partition = blocks_partition_tokens(doc);
        let mut capitalised: Vec<usize> = Vec::new();
        // Candidates by the cheap tests of the context; the word-list tests
        // come after the count test below.
        let mut candidates: Vec<(usize, Kind)> = Vec::new();
        for block in &doc.blocks {
            // (A block that may be in another language is not judged:
            // "die Inflation" is German, not a stray capital.)
            let eligible = !block.heading_like
                && !block.title_case
                && !block.maybe_foreign()
                && matches!(block.scope, Scope::Paragraph | Scope::Line | Scope::Quote);
            if !eligible && !partition {
                continue;
            }
            let Some(block_toks) = toks.get(block.tokens.clone()) else {
                continue;
            };
            for (k, t) in block_toks.iter().enumerate() {
                if t.kind != TokenKind::Word {
                    continue;
                }
                let c0 = src.get(t.span.start).copied().unwrap_or(0);
                if !c0.is_ascii_uppercase() {
                    continue;
                }
                let i = block.tokens.start + k;
                if partition {
                    capitalised.push(i);
                }
                if !eligible || t.span.len() < 2 {
                    continue;
                }
                // A function word, or a content word after a lowercase word
                // and before a word (see `judge_lower`): cheap tests on the
                // neighbouring tokens before `judge`.
                let kind = |j: usize| toks.get(j).map(|t| t.kind);
                let first = |j: usize| toks.get(j).and_then(|t| src.get(t.span.start)).copied().unwrap_or(0);
                let prev_first = first(i.wrapping_sub(2));
                let next_word = kind(i + 2) == Some(TokenKind::Word);
                let content = (prev_first.is_ascii_lowercase() | (prev_first >= 0x80)) & next_word;
                // (A capitalised word after a sentence opener: "He Told",
                // "Analysts Expect"; `judge_lower` decides.)
                let after_opener = || {
                    toks.get(i.wrapping_sub(2)).is_some_and(|p| {
                        p.span.start == block.span.start
                            || (p.span.start >= 2 && matches!(src.get(p.span.start - 2..p.span.start), Some(b". " | b"? " | b"! ")))
                    })
                };
                let after_name = prev_first.is_ascii_uppercase()
                    && next_word
                    && (may_be_verb_after_name(src.get(t.span.range()).unwrap_or(&[])) || after_opener());
                let end_of_clause =
                    prev_first.is_ascii_lowercase() && matches!(first(i + 1), b'.' | b',' | b';') && kind(i + 1) == Some(TokenKind::Punct);
                if !(content || after_name || may_be_function(c0, t.span.len())) {
                    // After a comma, before a lowercase word (rare: out of
                    // the main path).
                    if prev_first == b',' && next_word && first(i + 2).is_ascii_lowercase() {
                        if let Some(kind) = self.judge_after_comma(doc, i) {
                            candidates.push((i, kind));
                        }
                    }
                    // At the end of a clause, after an owner or before a
                    // list of lowercase words (rare too).
                    if end_of_clause {
                        if let Some(kind) = self
                            .judge_owner_at_end(doc, i)
                            .or_else(|| self.judge_list_head(doc, i))
                            .or_else(|| self.judge_adverb_at_end(doc, i))
                        {
                            candidates.push((i, kind));
                        }
                    }
                    continue;
                }
                let comma = prev_first == b',';
                let judged = if comma {
                    self.judge_after_comma(doc, i)
                } else {
                    self.judge(doc, i).or_else(|| {
                        end_of_clause
                            .then(|| {
                                self.judge_owner_at_end(doc, i)
                                    .or_else(|| self.judge_list_head(doc, i))
                                    .or_else(|| self.judge_adverb_at_end(doc, i))
                            })
                            .flatten()
                    })
                };
                // Not after the value of a leaked field ("lang=en The
                // governor"): the field, not the capital, is the error
                // (`metadata-leak`), and lowercasing would break the fix.
                let after_field = i
                    .checked_sub(2)
                    .and_then(|j| toks.get(j))
                    .and_then(|t| t.span.start.checked_sub(1))
                    .and_then(|p| src.get(p))
                    .is_some_and(|&b| b == b'=' || b == b':');
                if let Some(kind) = judged.filter(|_| !after_field) {
                    candidates.push((i, kind));
                }
            }
        }
        if candidates.is_empty() {
            return;
        }
        if !partition {
            capitalised = (0..toks.len())
                .filter(|&i| toks[i].kind == TokenKind::Word && src.get(toks[i].span.start).is_some_and(u8::is_ascii_uppercase))
                .collect();
        }
        // Content words: the capitalised form must occur only once.
        // (With the stems of "-s" forms: "Trumps motives" with "Trump"
        // elsewhere is a possessive that lost its apostrophe, the business of
        // `lost-apostrophe`.)
        let mut counts: HashMap<&str, usize> = HashMap::default();
        for c in candidates.iter().filter(|c| matches!(c.1, Kind::Content | Kind::Verb | Kind::Doc)) {
            let w = doc.text(doc.tokens[c.0].span);
            counts.insert(w, 0);
            if let Some(stem) = w.strip_suffix('s').filter(|s| s.len() >= 2) {
                counts.insert(stem, 0);
            }
        }
        if !counts.is_empty() {
            // A word counts when its part before an apostrophe is a form:
            // its first two bytes must be those of a form (a filter of 64
            // bits, in a register).
            for (_, span) in PairFilter::of(counts.keys().copied()).pass(doc, &capitalised) {
                if let Some(n) = counts.get_mut(before_apostrophe(doc.text(span))) {
                    *n += 1;
                }
            }
        }
        candidates.retain(|&(i, kind)| {
            let w = doc.text(doc.tokens[i].span);
            let counted = matches!(kind, Kind::Content | Kind::Verb | Kind::Doc);
            let possessive = counted && w.strip_suffix('s').is_some_and(|stem| counts.get(stem).copied().unwrap_or(0) > 0);
            let recurs = counted && counts.get(w).copied().unwrap_or(0) > 1;
            !recurs && !possessive && self.listed(w, kind)
        });
        if candidates.iter().any(|c| c.1 == Kind::Doc) {
            let lowered = lowercase_uses(
                doc,
                candidates
                    .iter()
                    .filter(|c| c.1 == Kind::Doc)
                    .map(|c| doc.text(doc.tokens[c.0].span)),
            );
            candidates.retain(|&(i, kind)| kind != Kind::Doc || lowered.contains(doc.text(doc.tokens[i].span)));
        }
        if candidates.is_empty() {
            return;
        }
        // Pronouns capitalised mid-sentence more than once: a deity.
        let mut pronouns: HashMap<&str, usize> = candidates
            .iter()
            .map(|c| doc.text(doc.tokens[c.0].span))
            .filter(|w| with_lowercase(w, |lower| PRONOUNS.contains(&lower)))
            .map(|w| (w, 0))
            .collect();
        if !pronouns.is_empty() {
            // Only words with the first two bytes of such a pronoun (a filter
            // of 64 bits, in a register) are looked up.
            // (Every such pronoun starts with a capital.)
            for (i, span) in PairFilter::of(pronouns.keys().copied()).pass(doc, &capitalised) {
                if let Some(n) = pronouns.get_mut(doc.text(span)) {
                    if prev_word(doc, i).is_some() {
                        *n += 1;
                    }
                }
            }
        }
        // Function words are reported now; common words wait for the run,
        // which may show the word to be a name of its domain.
        let mut deferred: Vec<Deferred> = Vec::new();
        for (i, kind) in candidates {
            let t = doc.tokens[i];
            let w = doc.text(t.span);
            if pronouns.get(w).copied().unwrap_or(0) > 1 {
                continue;
            }
            if kind == Kind::Function {
                report(cx, doc.id, t.span, w, Applicability::Safe);
            } else {
                let around = |j: Option<usize>| j.map_or("", |j| doc.text(doc.tokens[j].span));
                deferred.push(Deferred {
                    span: t.span,
                    word: w.to_string(),
                    context: context_key(around(prev_word(doc, i)), around(next_word(doc, i))),
                });
            }
        }
        if !deferred.is_empty() {
            doc.keep(Kept(deferred));
        }
    }

    fn has_corpus_phase(&self) -> bool {
        true
    }

    /// The common words kept by `check`, less those that several documents
    /// of the run capitalise in different places: a name of the run's
    /// domain ("a library for Rust that", "are Rust traits", "the minimum
    /// supported Rust version" across a folder of READMEs; "beat Arsenal"
    /// across sports pages). Copies of one story share the context and count
    /// once.
    fn check_corpus(&self, docs: &[&Document], cx: &mut Ctx) {
        let kept: Vec<Option<Arc<Kept>>> = docs.iter().map(|d| d.kept::<Kept>()).collect();
        let mut seen: HashMap<&str, (HashSet<u64>, HashSet<usize>)> = HashMap::default();
        if kept.iter().flatten().count() >= RUN_DOCS {
            for (di, k) in kept.iter().enumerate() {
                for d in k.iter().flat_map(|k| k.0.iter()) {
                    let e = seen.entry(d.word.as_str()).or_default();
                    e.0.insert(d.context);
                    e.1.insert(di);
                }
            }
        }
        for (doc, k) in docs.iter().zip(&kept) {
            for d in k.iter().flat_map(|k| k.0.iter()) {
                let domain = seen
                    .get(d.word.as_str())
                    .is_some_and(|(c, ds)| c.len() >= RUN_DOCS && ds.len() >= RUN_DOCS);
                if !domain {
                    report(cx, doc.id, d.span, &d.word, Applicability::Unsafe);
                }
            }
        }
    }
}

/// Documents (each with its own context) that must capitalise a common word
/// for the run to take it for a name.
const RUN_DOCS: usize = 3;

/// A common word capitalised mid-sentence, waiting for the corpus phase.
struct Deferred {
    span: crate::source::Span,
    word: String,
    /// The words before and after it (copies of one story share it).
    context: u64,
}

struct Kept(Vec<Deferred>);

fn context_key(prev: &str, next: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    prev.hash(&mut h);
    next.hash(&mut h);
    h.finish()
}

fn report(cx: &mut Ctx, file: crate::finding::FileId, span: crate::source::Span, w: &str, app: Applicability) {
    let lower = w.to_lowercase();
    let f = cx.report_in(file, span, format!("'{w}' is capitalised in the middle of a sentence"));
    f.replace(lower.clone(), app);
    f.help(format!("write '{lower}'"));
}

impl StrayCapital {
    /// Whether the capitalised word at token `i` is a candidate by its
    /// context, and how (the word-list tests are in `listed`). The cheap
    /// tests on the neighbouring tokens come first.
    fn judge(&self, doc: &Document, i: usize) -> Option<Kind> {
        let prev = prev_word(doc, i)?;
        if opens_markup(doc, i) {
            return None;
        }
        // A number or a lowercase word must follow.
        let next_tok = doc
            .tokens
            .get(i + 2)
            .filter(|_| doc.tokens.get(i + 1).is_some_and(|s| s.kind == TokenKind::Space))?;
        let next_ok = match next_tok.kind {
            TokenKind::Number => true,
            TokenKind::Word => match doc.source.text.as_bytes().get(next_tok.span.start) {
                Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
                _ => doc.text(next_tok.span).starts_with(|c: char| c.is_lowercase()),
            },
            _ => false,
        };
        if !next_ok {
            return None;
        }
        let w = doc.text(doc.tokens[i].span);
        // An ASCII capital then ASCII lowercase letters: capitalised and
        // alphabetic (the usual case, without decoding characters).
        let simple = w.as_bytes().first().is_some_and(u8::is_ascii_uppercase) && w.as_bytes()[1..].iter().all(u8::is_ascii_lowercase);
        if w.len() < 2 || !(simple || (is_capitalised(w) && w.chars().all(char::is_alphabetic))) {
            return None;
        }
        if self.capitalised_conjunct(doc, prev) {
            return None;
        }
        let kind = with_lowercase(w, |lower| self.judge_lower(doc, i, prev, next_tok.kind, lower))?;
        // A name of the word list whose lowercase form is a rarer word
        // ("the Pacific solution": "pacific" is rare) is taken for the name,
        // even where the document also writes it in lowercase.
        if matches!(kind, Kind::Content | Kind::Doc)
            && self.words.is_capitalised(w)
            && !with_lowercase(w, |lower| self.words.is_word(lower, VERY_COMMON_CLASS))
        {
            return None;
        }
        // A name of the word list too ("social Media accounts"): only on the
        // document's own evidence, and never after a function word, the
        // slot of brand names ("runs on Windows", "for Apple").
        if kind == Kind::Content && self.words.is_capitalised(w) {
            if self.function.contains(doc.text(doc.tokens[prev].span)) {
                return None;
            }
            return Some(Kind::Doc);
        }
        Some(kind)
    }

    /// Whether `prev` is "and", "or" or "&" after a capitalised common word
    /// inside the sentence (with or without a comma): the word after it
    /// ends a list of capitalised terms ("on Grapheme Cluster, Word, or
    /// Sentence boundaries", "the Health and Education budgets"), a house
    /// style, not a stray capital. Not after a name ("Xi and Support").
    fn capitalised_conjunct(&self, doc: &Document, prev: usize) -> bool {
        if !matches!(doc.text(doc.tokens[prev].span), "and" | "or" | "&") {
            return false;
        }
        let is_comma = |k: usize| {
            doc.tokens
                .get(k)
                .is_some_and(|t| t.kind == TokenKind::Punct && doc.text(t.span) == ",")
        };
        let Some(conj) = prev_word(doc, prev).or_else(|| {
            let c = prev
                .checked_sub(2)
                .filter(|&c| is_comma(c) && doc.tokens.get(c + 1).is_some_and(|t| t.kind == TokenKind::Space))?;
            c.checked_sub(1).filter(|&k| doc.tokens[k].kind == TokenKind::Word)
        }) else {
            return false;
        };
        let text = doc.text(doc.tokens[conj].span);
        let inside = prev_word(doc, conj).is_some() || conj.checked_sub(2).is_some_and(is_comma);
        inside
            && text.starts_with(|c: char| c.is_uppercase())
            && text.chars().skip(1).all(char::is_lowercase)
            && with_lowercase(text, |l| self.words.is_word(l, VERY_COMMON_CLASS))
    }

    /// A common word capitalised at the end of a clause, right after a
    /// possessive determiner or a common noun's possessive: "recovering from
    /// last year's Slowdown.", "for their Contempt, officials said". The
    /// word list must know it as a common lowercase word and not as a
    /// name ("the city's Chinatown." stays).
    fn judge_owner_at_end(&self, doc: &Document, i: usize) -> Option<Kind> {
        let prev = prev_word(doc, i)?;
        if !is_owner(doc.text(doc.tokens[prev].span)) || opens_markup(doc, i) {
            return None;
        }
        // A full stop ends the sentence: a blank or the end after it.
        let punct = doc.tokens.get(i + 1)?;
        if doc.text(punct.span) == "."
            && doc
                .tokens
                .get(i + 2)
                .is_some_and(|t| t.kind != TokenKind::Space && t.kind != TokenKind::Newline)
        {
            return None;
        }
        self.plain_common(doc.text(doc.tokens[i].span), 4).then_some(Kind::Content)
    }

    /// A plain capitalised ASCII word of `min` letters or more whose
    /// lowercase form is a common word of the list and which the list does
    /// not know as a name: what the end-of-clause judges flag.
    fn plain_common(&self, w: &str, min: usize) -> bool {
        let b = w.as_bytes();
        b.len() >= min
            && b[0].is_ascii_uppercase()
            && b[1..].iter().all(u8::is_ascii_lowercase)
            && !self.words.is_capitalised(w)
            && with_lowercase(w, |lower| self.words.is_word(lower, COMMON_CLASS))
    }

    /// An adverb in "-ly" capitalised at the end of a clause: "to hold
    /// talks Regularly, officials said". A common lowercase word of the
    /// list, six letters or more, and no name of it ("Italy", "Kelly").
    fn judge_adverb_at_end(&self, doc: &Document, i: usize) -> Option<Kind> {
        let w = doc.text(doc.tokens.get(i)?.span);
        (w.ends_with("ly") && !opens_markup(doc, i) && after_lower_in_line(doc, i) && self.plain_common(w, 6)).then_some(Kind::Content)
    }

    /// A common word capitalised at the head of a list whose other items
    /// are lowercase words: "cooperation in Railway, highway and port
    /// links". The word must follow a lowercase word, be a common lowercase
    /// word of the list and no name of it.
    fn judge_list_head(&self, doc: &Document, i: usize) -> Option<Kind> {
        static LIST: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
        let list = LIST
            .get_or_init(|| regex::Regex::new(r"^,(?: [a-z]{3,},){0,3} [a-z]{3,},? (?:and|or) [a-z]{3,}\b").ok())
            .as_ref()?;
        let t = doc.tokens.get(i)?;
        let after = doc.prose.get(t.span.end..)?;
        let after = after.get(..after.len().min(120)).or(Some(after))?;
        if !list.is_match(after) || opens_markup(doc, i) || !after_lower_in_line(doc, i) {
            return None;
        }
        self.plain_common(doc.text(t.span), 4).then_some(Kind::Content)
    }

    /// A capitalised word after a comma that follows a lowercase word, before
    /// a lowercase word: "protesters, Debate is swirling", "a gate, With a
    /// lock". A function word is flagged as such; a common word only on the
    /// document's evidence (`Kind::Doc`), since names follow commas.
    #[inline(never)]
    fn judge_after_comma(&self, doc: &Document, i: usize) -> Option<Kind> {
        let toks = &doc.tokens;
        let before = toks.get(i.checked_sub(3)?)?;
        if before.kind != TokenKind::Word {
            return None;
        }
        // A common word must follow a lowercase word; a function word may
        // follow a name ("Mick Jagger, Who is").
        let after_lower = doc.text(before.span).starts_with(|c: char| c.is_lowercase());
        if doc.text(toks.get(i - 2)?.span) != "," || toks.get(i - 1)?.kind != TokenKind::Space {
            return None;
        }
        let next = next_word(doc, i)?;
        if !doc.text(toks.get(next)?.span).starts_with(|c: char| c.is_lowercase()) {
            return None;
        }
        let w = doc.text(toks.get(i)?.span);
        let simple = w.len() >= 2
            && w.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
            && w.as_bytes()[1..].iter().all(u8::is_ascii_lowercase);
        if !simple || self.short_quote(doc, i) {
            return None;
        }
        with_lowercase(w, |lower| {
            if self.function.contains(lower) {
                // After a name, only a word that opens a relative clause or
                // joins one ("Mick Jagger, Who is"): a list of titles may go
                // on with one that starts with a function word ("Taxman,
                // Here comes the Sun").
                if !after_lower && !AFTER_NAME_COMMA.contains(&lower) {
                    return None;
                }
                return (!self.capital_follows(doc, i)).then_some(Kind::Function);
            }
            // A count after a list item's comma, also after a name ("five in
            // Victoria, Three in the Territory").
            if (CARDINALS.contains(&lower) || lower == "one") && !self.capital_follows(doc, i) {
                return Some(Kind::Content);
            }
            if !after_lower || !self.words.is_word(lower, COMMON_CLASS) || CALENDAR.contains(&lower) {
                return None;
            }
            if name_goes_on(doc, next, &self.words) {
                return None;
            }
            // An adverb or a participle opening a clause ("Basically every",
            // "Delivering his speech") is no name: flagged as it stands.
            if (lower.ends_with("ly") || lower.ends_with("ing")) && !self.words.is_capitalised(w) {
                return Some(Kind::Content);
            }
            Some(Kind::Doc)
        })
    }

    /// Whether token `i` lies in a short quotation (a title or a slogan, "
    /// \u{201c}Support the troops\u{201d}"): a long one is reported speech,
    /// where a stray capital is as wrong as outside.
    fn short_quote(&self, doc: &Document, i: usize) -> bool {
        let span = doc.tokens[i].span;
        let k = doc.quotes.partition_point(|q| q.span.end <= span.start);
        doc.quotes
            .get(k)
            .is_some_and(|q| q.span.start <= span.start && span.end <= q.span.end && q.span.len() < LONG_QUOTE)
    }

    /// "The temple Will serve", "companies May have": the modal after a
    /// lowercase noun and before a verb. `prev_text`: the word before.
    fn modal_after_word(&self, doc: &Document, i: usize, prev_text: &str, lower: &str) -> Option<Kind> {
        if self.function.contains(prev_text) || self.name_cues.contains(prev_text) || CALENDAR_BEFORE.contains(&prev_text) {
            return None;
        }
        let n = next_word(doc, i)?;
        if verb_follows(doc, n) {
            return Some(Kind::Modal);
        }
        (lower == "will" && self.bare_after_adverb(doc, n)).then_some(Kind::Modal)
    }

    /// An uninflected common word at token `n`, or after an adverb in "-ly"
    /// there ("Will reduce", "Will greatly reduce").
    fn bare_after_adverb(&self, doc: &Document, n: usize) -> bool {
        let w = doc.text(doc.tokens[n].span);
        if w.len() > 4 && w.ends_with("ly") && w.bytes().all(|b| b.is_ascii_lowercase()) {
            return next_word(doc, n).is_some_and(|m| self.bare_word(doc.text(doc.tokens[m].span)));
        }
        self.bare_word(w)
    }

    /// An uninflected common word that is no function word ("generate").
    fn bare_word(&self, w: &str) -> bool {
        let bare = !["s", "ed", "ing", "ly"].iter().any(|e| w.ends_with(e));
        bare && !self.function.contains(w) && self.words.is_word(w, COMMON_CLASS)
    }

    /// The tests of `judge` on the word list and the exempt list, done last
    /// (they cost the most): a known capitalised word or name is never a
    /// candidate; a content word must be a common word.
    fn listed(&self, w: &str, kind: Kind) -> bool {
        if self.exempt.contains(w) {
            return false;
        }
        if matches!(kind, Kind::Modal | Kind::Function) {
            return true;
        }
        if kind == Kind::Doc {
            // A name of the word list too ("Media"), but never a month or a
            // weekday ("last May the").
            return with_lowercase(w, |lower| !CALENDAR.contains(&lower) && self.words.is_word(lower, COMMON_CLASS));
        }
        if self.words.is_capitalised(w) {
            return false;
        }
        if kind == Kind::Verb {
            return true;
        }
        kind == Kind::Function || with_lowercase(w, |lower| self.words.is_word(lower, COMMON_CLASS))
    }

    /// `judge` with the lowercase form of the word, without the word-list
    /// tests (see `listed`).
    fn judge_lower(&self, doc: &Document, i: usize, prev: usize, next_kind: TokenKind, lower: &str) -> Option<Kind> {
        let prev_text = doc.text(doc.tokens[prev].span);
        let prev_cap = prev_text.starts_with(|c: char| c.is_uppercase());
        if self.function.contains(lower) {
            // "Gone With the Wind": a title when capitals go on after it;
            // "Thomas More": a name of the word list after a name.
            if prev_cap && (self.capital_follows(doc, i) || self.words.is_capitalised(doc.text(doc.tokens[i].span))) {
                return None;
            }
            // The last syllable of an East Asian name: "Moon Jae In".
            let before_prev = prev_word(doc, prev).filter(|&q| q + 2 == prev);
            if prev_cap
                && prev + 2 == i
                && before_prev.is_some_and(|q| {
                    let next = next_word(doc, i).map(|n| doc.text(doc.tokens[n].span));
                    crate::document::names::east_asian_tail(doc.text(doc.tokens[q].span), prev_text, doc.text(doc.tokens[i].span), next)
                })
            {
                return None;
            }
            return Some(Kind::Function);
        }
        // After a possessive ("the government's Extension", "Pakistan's
        // Capital would"), as after a determiner.
        let possessive = prev_text.ends_with("'s") || prev_text.ends_with("\u{2019}s");
        if prev_cap && !possessive {
            // A subject pronoun or a plural common noun opening the
            // sentence ("Analysts Expect the first cut"): no name to carry
            // its capital on.
            if SUBJECT_PRONOUNS.contains(&prev_text) || self.plural_common(prev_text) {
                return self.verb_after_pronoun(doc, i, prev, lower);
            }
            return self.verb_after_name(doc, i, lower);
        }
        // A past participle right after a perfect or passive auxiliary
        // ("helicopters had Airlifted 86 people", "was Arrested on"): a
        // known word in "-ed" of six letters or more, not a name ("was
        // Mohammed"), before a lowercase word or a number.
        if PARTICIPLE_AUXILIARIES.contains(&prev_text) && lower.len() >= 6 && lower.ends_with("ed") && self.words.is_word(lower, RARE_CLASS)
        {
            return Some(Kind::Verb);
        }
        // A content word must be a common word (one of the tests of
        // `listed`, done again there): most capitalised words are names and
        // fail it, so it comes before the costlier tests of the context.
        if !self.words.is_word(lower, COMMON_CLASS) {
            return None;
        }
        // A title before the kind of publication it names: "Time magazine",
        // "Vogue magazine".
        if next_word(doc, i).is_some_and(|n| PUBLICATION_KINDS.contains(&doc.text(doc.tokens[n].span))) {
            return None;
        }
        if !possessive && !prev_text.chars().all(|c| c.is_lowercase() || c == '\'' || c == '\u{2019}') {
            return None;
        }
        if lower == "will" || lower == "may" {
            return self.modal_after_word(doc, i, prev_text, lower);
        }
        // After a determiner ("the Officials tipped"), a capital usually
        // marks a name: flagged only on the document's evidence.
        let cue = self.name_cues.contains(prev_text);
        let determiner = possessive || (cue && DETERMINER_CUES.contains(&prev_text));
        // A count heads a plural common noun the word list does not know
        // as a name ("two Decades ago", "two People were killed"; not "the
        // two Koreas", "three Democrats").
        let counted =
            (CARDINALS.contains(&prev_text) || COUNT_WORDS.contains(&prev_text)) && self.plural_common(doc.text(doc.tokens[i].span));
        if cue && !determiner && !counted {
            return None;
        }
        // "Interstate 225", "Article 5": a label before a number.
        if next_kind == TokenKind::Number {
            return None;
        }
        // "the Ministry of Transport", "Control and Prevention": a name goes on.
        if LINKS.contains(&prev_text) && prev_word(doc, prev).is_some_and(|p| is_capitalised(doc.text(doc.tokens[p].span))) {
            return None;
        }
        // Also over "the": "Person of the Year", "Bank of the West".
        if prev_text == "the" {
            let link = prev_word(doc, prev);
            let before = link.and_then(|l| prev_word(doc, l));
            if link.is_some_and(|l| LINKS.contains(&doc.text(doc.tokens[l].span)))
                && before.is_some_and(|b| is_capitalised(doc.text(doc.tokens[b].span)))
            {
                return None;
            }
        }
        if next_word(doc, i).is_some_and(|n| name_goes_on(doc, n, &self.words)) {
            return None;
        }
        if self.short_quote(doc, i) {
            return None;
        }
        // A place after a locative preposition, before a time: "in Reading
        // on Monday", "in Bath last week".
        if LOCATIVE.contains(&prev_text) && next_word(doc, i).is_some_and(|n| AFTER_PLACE.contains(&doc.text(doc.tokens[n].span))) {
            return None;
        }
        // A singular object straight after a verb, before a time: a team, a
        // town or a firm ("beat Arsenal on Sunday", "visited Bath last week",
        // "face Reading next week"); a common noun there would take a
        // determiner.
        let object_verb = (prev_text.len() > 4 && prev_text.ends_with("ed")) || OBJECT_VERBS.contains(&prev_text);
        if object_verb
            && !lower.ends_with('s')
            && !lower.ends_with("ly")
            && !lower.ends_with("ed")
            && next_word(doc, i).is_some_and(|n| {
                let t = doc.text(doc.tokens[n].span);
                // "... next week", "joined Arsenal in 2018", "from Dortmund".
                let year_after = || next_word(doc, n).is_none() && doc.tokens.get(n + 2).is_some_and(|y| y.kind == TokenKind::Number);
                AFTER_PLACE.contains(&t)
                    || t == "next"
                    // "beat Arsenal easily".
                    || (t.len() > 4 && t.ends_with("ly") && t.bytes().all(|b| b.is_ascii_lowercase()))
                    || (t == "in" && year_after())
                    || (t == "from" && next_word(doc, n).is_some_and(|f| is_capitalised(doc.text(doc.tokens[f].span))))
            })
        {
            return None;
        }
        if !determiner || counted {
            return Some(Kind::Content);
        }
        // Names seldom head a phrase with the indefinite article ("a Ball
        // from", "a Farmer to"; not "a Black man", "a Zoom call", where the
        // capital is an adjective or a brand before the head), and abstract
        // nouns are seldom names ("the Importance of"): flagged as they
        // stand, unless the word list knows the word as a name too.
        let indefinite = (prev_text == "a" || prev_text == "an")
            && next_word(doc, i).is_some_and(|n| self.function.contains(doc.text(doc.tokens[n].span)));
        // (Singular or plural: "the Decision", "its Resolutions".)
        let base = lower.strip_suffix('s').unwrap_or(lower);
        let abstract_noun = base.len() >= 7 && ABSTRACT_SUFFIXES.iter().any(|s| base.ends_with(s));
        // A possessive determiner heads a common noun, seldom a name ("their
        // Contempt for", "his Innings on"; honorifics such as "His
        // Holiness" are in pack `capitals`).
        // (Also after a common noun's possessive: "the passenger's
        // Passport or identity card".)
        let owner = is_owner(prev_text);
        // Ordinals and adjectives that head no name before a lowercase
        // word: "the First professional collaboration", "the Same time".
        let modifier = MODIFIERS.contains(&lower) || CARDINALS.contains(&lower);
        // A very common noun after a demonstrative or "the", before a
        // complement that no name takes: "to" and a verb, "that", or "of"
        // and a lowercase word ("the Point that", "the Deadline to file",
        // "the Number of participants"; not "the Department of the
        // Interior").
        let complement = DEMONSTRATIVES.contains(&prev_text) && self.words.is_word(lower, VERY_COMMON_CLASS) && {
            let after = |k: usize| next_word(doc, k).map(|n| (n, doc.text(doc.tokens[n].span)));
            match after(i) {
                Some((_, "that")) => true,
                Some((n, "to" | "of")) => {
                    after(n).is_some_and(|(_, w)| w.starts_with(|c: char| c.is_ascii_lowercase()) && !DETERMINER_CUES.contains(&w))
                }
                _ => false,
            }
        };
        // A noun for people that is no title ("the Woman was", "the
        // Scientist went"; titles such as "the President" are in pack
        // `capitals`), not before "of" ("the Man of the Match").
        // ("the Woman in White": a function word and a capital go on with a
        // title.)
        let person = self.persons.contains(lower)
            && next_word(doc, i).is_some_and(|n| {
                let w = doc.text(doc.tokens[n].span);
                w != "of" && !(self.function.contains(w) && next_word(doc, n).is_some_and(|m| is_capitalised(doc.text(doc.tokens[m].span))))
            });
        if (indefinite || abstract_noun || owner || modifier || complement || person)
            && !self.words.is_capitalised(doc.text(doc.tokens[i].span))
        {
            return Some(Kind::Content);
        }
        Some(Kind::Doc)
    }

    /// A verb whose capital carries on the name before it: "Erdogan Will
    /// visit" (before a verb of `BASE_VERBS`), "Kilicdaroglu Criticized the
    /// government" (a common "-ed" word before an object). Outside
    /// quotations; the "-ed" word must not be a known name and must occur
    /// once with its capital ("Manchester United said" stays: no object).
    fn verb_after_name(&self, doc: &Document, i: usize, lower: &str) -> Option<Kind> {
        let next = doc.text(doc.tokens[next_word(doc, i)?].span);
        if doc.in_quote(doc.tokens[i].span) {
            return None;
        }
        if lower == "will" {
            return verb_follows(doc, next_word(doc, i)?).then_some(Kind::Modal);
        }
        if SPEECH_VERBS.contains(&lower) && next.starts_with(|c: char| c.is_ascii_lowercase()) {
            return Some(Kind::Verb);
        }
        // A time after the name: "Israel Last week said".
        if matches!(lower, "last" | "next") && TIME_NOUNS.contains(&next) {
            return Some(Kind::Function);
        }
        // A verb in "-s" before its object ("Pollock Expects a"); not
        // before "that", which may follow a plural name ("the Beatles that").
        let s_verb = lower.len() >= 4
            && lower.ends_with('s')
            && !lower.ends_with("ss")
            && next != "that"
            && self.words.is_word(lower, COMMON_CLASS)
            && self.words.is_word(&lower[..lower.len() - 1], COMMON_CLASS)
            && !self.words.is_capitalised(doc.text(doc.tokens[i].span));
        ((s_verb || lower.len() >= 5 && lower.ends_with("ed")) && OBJECT_STARTS.contains(&next)).then_some(Kind::Verb)
    }

    /// A capitalised common word right after a subject pronoun that opens
    /// its sentence: "He Told the police", "They Include a ban". The word
    /// must be a common word the word list does not know as a name ("He
    /// Jiankui", "He Long" stay), followed by a lowercase word.
    fn verb_after_pronoun(&self, doc: &Document, i: usize, pronoun: usize, lower: &str) -> Option<Kind> {
        let opens = match pronoun.checked_sub(1).map(|k| doc.tokens[k]) {
            None => true,
            Some(t) if t.kind == TokenKind::Space => {
                doc.text(t.span).contains('\n')
                    || pronoun
                        .checked_sub(2)
                        .is_some_and(|k| matches!(doc.text(doc.tokens[k].span), "." | "!" | "?" | "\"" | "\u{201c}" | "\u{201d}"))
            }
            Some(t) => {
                matches!(doc.text(t.span), "\"" | "\u{201c}") || doc.blocks.iter().any(|b| b.span.start == doc.tokens[pronoun].span.start)
            }
        };
        // (In reported speech too: only a short quotation may be a title,
        // "\u{201c}He Said She Said\u{201d}".)
        if !opens || self.short_quote(doc, i) {
            return None;
        }
        // A modal before a verb: "He Will not say", "It Will generate".
        if MODALS.contains(&lower) {
            let n = next_word(doc, i)?;
            return (verb_follows(doc, n) || self.bare_after_adverb(doc, n)).then_some(Kind::Modal);
        }
        if self.function.contains(lower) {
            return None;
        }
        let w = doc.text(doc.tokens[i].span);
        (self.words.is_word(lower, COMMON_CLASS) && !self.words.is_capitalised(w)).then_some(Kind::Content)
    }

    /// Whether a capitalised word is the plural of a common noun the word
    /// list does not know as a name ("Analysts", "Residents").
    fn plural_common(&self, w: &str) -> bool {
        w.len() >= 5
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !self.words.is_capitalised(w)
            && !self.words.is_capitalised(&w[..w.len() - 1])
            && with_lowercase(w, |l| self.words.is_word(&l[..l.len() - 1], COMMON_CLASS))
    }

    /// Whether one of the next two words is capitalised.
    fn capital_follows(&self, doc: &Document, i: usize) -> bool {
        let mut k = i;
        for _ in 0..2 {
            match next_word(doc, k) {
                Some(n) => {
                    if doc.text(doc.tokens[n].span).starts_with(|c: char| c.is_uppercase()) {
                        return true;
                    }
                    k = n;
                }
                None => return false,
            }
        }
        false
    }
}

/// Whether the word at token `n` (after a capitalised word) links it to a
/// name that goes on: "Game of Thrones", "Ministry of Transport"; not "broke
/// Out on Saturday" (a weekday or a month is no part of the name).
fn name_goes_on(doc: &Document, n: usize, words: &Words) -> bool {
    let link = doc.text(doc.tokens[n].span);
    LINKS.contains(&link)
        && next_word(doc, n).is_some_and(|m| {
            let w = doc.text(doc.tokens[m].span);
            // "Centers for Disease Control", "Council on Foreign Relations":
            // after "for" and "on" a name goes on with a common word; "a big
            // Worry for Pakistan", "dirty Laundry on Twitter" do not.
            let goes_on = !matches!(link, "for" | "on") || with_lowercase(w, |l| words.is_word(l, COMMON_CLASS));
            w.starts_with(|c: char| c.is_uppercase()) && !with_lowercase(w, |l| CALENDAR.contains(&l)) && goes_on
        })
}

/// Whether the blocks' token ranges, in order, cover all the tokens once.
fn blocks_partition_tokens(doc: &Document) -> bool {
    let mut next = 0;
    for b in &doc.blocks {
        if b.tokens.start != next || b.tokens.end < b.tokens.start {
            return false;
        }
        next = b.tokens.end;
    }
    next == doc.tokens.len()
}

/// The forms among `forms` (capitalised words) that the document also
/// writes with a lowercase initial, alike or with an "s" more or less
/// ("Officials" and "official"): a vectorised substring search of the
/// lowercase stem per form (there are few), checked at word boundaries.
fn lowercase_uses<'d>(doc: &'d Document, forms: impl Iterator<Item = &'d str>) -> HashSet<&'d str> {
    let text = doc.prose.as_bytes();
    let letter = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
    let mut out = HashSet::default();
    for f in forms {
        let lower = f.to_lowercase();
        let stem = lower.strip_suffix('s').unwrap_or(&lower);
        if stem.is_empty() {
            continue;
        }
        let found = memchr::memmem::find_iter(text, stem.as_bytes()).any(|at| {
            let before = at.checked_sub(1).and_then(|k| text.get(k)).is_none_or(|&b| !letter(b));
            let end = at + stem.len();
            let after = match text.get(end) {
                Some(&b'\'') | None => true,
                // A curly apostrophe (E2 80 99).
                Some(&0xE2) => text.get(end + 1..end + 3) == Some(&[0x80, 0x99][..]),
                Some(&b's') => text.get(end + 1).is_none_or(|&b| !letter(b)),
                Some(&b) => !letter(b),
            };
            before && after
        });
        if found {
            out.insert(f);
        }
    }
    out
}

/// The part of a word before its first apostrophe (' or \u{2019}), found
/// by bytes.
fn before_apostrophe(w: &str) -> &str {
    let b = w.as_bytes();
    let end = b
        .iter()
        .enumerate()
        .position(|(k, &c)| c == b'\'' || (c == 0xE2 && b.get(k + 1) == Some(&0x80) && b.get(k + 2) == Some(&0x99)))
        .unwrap_or(b.len());
    w.get(..end).unwrap_or(w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{fixed, flagged};

    fn lint() -> Box<dyn Lint> {
        crate::lint::testing::build_builtin(StrayCapital::build)
    }

    #[test]
    fn flags_seed_shapes() {
        let l = lint();
        let text = "Leaders will join the Brazilian president Lula da Silva To monitor the massive climate summit in the capital. \
It is the first such event during His 14 year old rule, officials said. \
The country has provided troops to Support the war against its neighbour in exchange for aid. \
Officials agreed to send moreover Thousands of workers and engineers In the Donbas region, an official said.";
        // (Function words are reported by `check`, common words by the
        // corpus phase.)
        assert_eq!(flagged(l.as_ref(), text), vec!["To", "His", "In", "Support", "Thousands"]);
        assert_eq!(
            fixed(l.as_ref(), "The minister said he would travel To attend the talks."),
            "The minister said he would travel to attend the talks."
        );
    }

    #[test]
    fn flags_participle_after_auxiliary() {
        let l = lint();
        let text = "Police said the two men had Arrested three people in the raid. About 40 villagers were Evacuated from the area.";
        assert_eq!(flagged(l.as_ref(), text), vec!["Arrested", "Evacuated"]);
        // Names in "-ed" and words the list does not know stay.
        for text in [
            "The winner was Mohammed in the end, officials said.",
            "The driver was Ahmed who left early.",
            "The court has Reed in custody.",
            "The award went to a man who had Alfred as his mentor.",
        ] {
            assert!(flagged(l.as_ref(), text).is_empty(), "{text}");
        }
    }

    /// `may_be_function` goes by byte length: exact as long as no function
    /// word holds a "k" (the Kelvin sign lowercases to it, changing the
    /// length).
    #[test]
    fn function_shape_filter_is_exact() {
        for w in FUNCTION {
            assert!(!w.contains('k') && w.bytes().all(|b| b.is_ascii_lowercase()), "{w}");
            assert!(may_be_function(w.as_bytes()[0].to_ascii_uppercase(), w.len()), "{w}");
        }
    }

    #[test]
    fn before_apostrophe_splits_like_str_split() {
        for w in [
            "Kim",
            "Kim's",
            "Kim\u{2019}s",
            "O'Brien's",
            "\u{2019}",
            "Caf\u{e9}\u{2018}s",
            "A\u{2014}b",
            "",
        ] {
            assert_eq!(before_apostrophe(w), w.split(['\'', '\u{2019}']).next().unwrap_or(w), "{w}");
        }
    }

    #[test]
    fn a_run_shows_names_of_its_domain() {
        let l = lint();
        let run = |texts: &[&str]| crate::lint::testing::run_corpus(l.as_ref(), texts).len();
        // Three documents capitalise the word in three places: a name.
        let domain = [
            "The console is a small library for Rust that draws tables.",
            "These are Rust traits for key comparison in maps.",
            "The minimum supported Rust version is old.",
        ];
        assert_eq!(run(&domain), 0);
        // Copies of one story count once; two documents are not enough.
        let copies = ["Troops were sent to Support the war effort."; 3];
        assert_eq!(run(&copies), 3);
        assert_eq!(run(&domain[..2]), 2);
    }

    #[test]
    fn flags_other_words() {
        let l = lint();
        // At the end of a clause, after an owner.
        let text = "Analysts pointed to the company's Debt, officials said. Critics attacked their Contempt.";
        assert_eq!(flagged(l.as_ref(), text), vec!["Debt", "Contempt"]);
        for ok in [
            "The festival filled the city's Chinatown. They thanked his Holiness.",
            "Analysts pointed to Kenya's Treasury, officials said.",
            "He read the company's Report.pdf file.",
        ] {
            assert!(flagged(l.as_ref(), ok).is_empty(), "{ok}: {:?}", flagged(l.as_ref(), ok));
        }
        let text = "The company said the plan would Reduce costs for families in the region next year.";
        assert_eq!(flagged(l.as_ref(), text), vec!["Reduce"]);
        // An object before a time is spared only after a verb that takes
        // teams and towns, and not when it reads as an adverb or a participle.
        let text = "The government wants to boost Trade on Monday. Australia will look to score Quickly today.";
        assert_eq!(flagged(l.as_ref(), text), vec!["Trade", "Quickly"]);
        let text = "The Turkish president Tayyip Erdogan Will visit Berlin. Opposition leader Kemal Kilicdaroglu Criticized the plan.";
        assert_eq!(flagged(l.as_ref(), text), vec!["Will", "Criticized"]);
        // Verbs of speech and verbs in "-s" before an object, after a name;
        // modals after a subject pronoun or a name, before a verb.
        let text = "Forecaster Ilse Varga Says the rain did little. Captain Ravi Osei Expects a better game.";
        assert_eq!(flagged(l.as_ref(), text), vec!["Says", "Expects"]);
        let text = "Police are searching. He Will not say who the man is. South Sudan Will probably be forced out.";
        assert_eq!(flagged(l.as_ref(), text), vec!["Will", "Will"]);
        let text = "New standards for petrol and diesel Will greatly reduce emissions. It Will clearly improve air.";
        assert_eq!(flagged(l.as_ref(), text), vec!["Will", "Will"]);
        // A time, an "-ed" verb before "another", "One" after a comma.
        let text = "Israel Last week said so, and Jana Okoro Caused another upset. Last night, One of the boats sank.";
        assert_eq!(flagged(l.as_ref(), text), vec!["Last", "Caused", "One"]);
        // Not a name's syllable before a preposition's object.
        assert_eq!(flagged(l.as_ref(), "He said Wang Yi In the morning left early."), vec!["In"]);
        // A count after a quantifier or a list's comma, "Next" after "the".
        let text = "Five died in Victoria, Three in the Territory. The chase ran for several Hours after dark before the Next budget.";
        assert_eq!(flagged(l.as_ref(), text), vec!["Three", "Hours", "Next"]);
        // After a subject pronoun that opens the sentence, a possessive
        // determiner, or before "for" and a name.
        let text = "He Told the police that the man left. He will resume his Innings on the third day.";
        assert_eq!(flagged(l.as_ref(), text), vec!["Told", "Innings"]);
        // The head of a list of lowercase words; not a list of names.
        let text = "They agreed to expand cooperation in Railway, highway and port links. They visited Paris, Rome and Berlin.";
        assert_eq!(flagged(l.as_ref(), text), vec!["Railway"]);
        // An adverb at the end of a clause; not one that opens a line.
        let text =
            "The leaders agreed to hold talks Regularly, officials said.\nThe plan was set out in detail\nFinally, the talks ended.\n";
        assert_eq!(flagged(l.as_ref(), text), vec!["Regularly"]);
        // Also in reported speech; not in a short quotation (a title).
        let text = "\"When questioned, the man confessed to the theft. He Told the police that he had acted alone,\" an officer said. \
                    The band played \"He Said She Said\" last night.";
        assert_eq!(flagged(l.as_ref(), text), vec!["Told"]);
        assert_eq!(
            flagged(l.as_ref(), "Analysts Expect the first rate cut in November."),
            vec!["Expect"]
        );
        assert_eq!(flagged(l.as_ref(), "A big Worry for Canada is the debt."), vec!["Worry"]);
        assert_eq!(
            flagged(
                l.as_ref(),
                "It marks the First professional collaboration. Show the passenger's Passport at the Same time."
            ),
            vec!["First", "Passport", "Same"]
        );
        // Counts: a cardinal after a determiner, a plural common noun after
        // a count.
        assert_eq!(
            flagged(l.as_ref(), "Tension rose between the Two countries. He moved here two Decades ago."),
            vec!["Two", "Decades"]
        );
        // A very common noun before a complement no name takes.
        assert_eq!(
            flagged(
                l.as_ref(),
                "This reinforces the Point that rules change. He came past the Deadline to file. He said the Number of participants fell."
            ),
            vec!["Point", "Deadline", "Number"]
        );
        for ok in [
            // A name particle, "of the" after a capitalised word, and a title
            // before the kind of publication carry a name on.
            "Officials say Osama bin Laden is hiding in the mountains.",
            "He was named Person of the Year by the magazine.",
            "He was Time magazine's choice for the cover this year.",
            // A title in a list after a name and its comma.
            "He wrote classic songs, such as Taxman, Here comes the Sun and Something.",
            // A name of the word list whose lowercase form is rare.
            "The boat people pacific solution failed. Australia is pushing on with the Pacific solution, with agreement.",
            "He spoke to the Department of the Interior.",
            "The Freedom of Information request was refused.",
            "She joined the Ministry of defence in May.",
        ] {
            assert!(flagged(l.as_ref(), ok).is_empty(), "{ok}: {:?}", flagged(l.as_ref(), ok));
        }
        for ok in [
            "The two Koreas have talked.",
            "He has won two Grammys and three Emmys in his career.",
            "The Two Ronnies were on television.",
        ] {
            assert!(flagged(l.as_ref(), ok).is_empty(), "{ok}: {:?}", flagged(l.as_ref(), ok));
        }
    }

    #[test]
    fn flags_on_document_evidence() {
        let l = lint();
        // After a determiner or a possessive, when the document writes the
        // word in lowercase too.
        let text = "Two officials came to the market. When he refused, the Officials tipped his cart over.";
        assert_eq!(flagged(l.as_ref(), text), vec!["Officials"]);
        let text = "The media reported it. He called on his social Media accounts to be shut down.";
        assert_eq!(flagged(l.as_ref(), text), vec!["Media"]);
        let text = "The extension was long. The chief said the government's Extension of the scheme was welcome.";
        assert_eq!(flagged(l.as_ref(), text), vec!["Extension"]);
        // After a comma.
        let text = "The debate went on. As clashes continue in the country, Debate is swirling about police.";
        assert_eq!(flagged(l.as_ref(), text), vec!["Debate"]);
        let text = "The site had been covered, With a locked gate around it. The Rolling Stones frontman Mick Jagger, Who is now 77, sang.";
        assert_eq!(flagged(l.as_ref(), text), vec!["With", "Who"]);
        let text = "The police fired rubber balls and impact rounds, Basically every weapon they had.";
        assert_eq!(flagged(l.as_ref(), text), vec!["Basically"]);
        // The modal after a noun.
        let text = "The temple Will serve as a beacon, and the companies May have guaranteed the loans.";
        // A lost possessive ("Trump" elsewhere) is left to `lost-apostrophe`.
        assert!(flagged(l.as_ref(), "Trump spoke. Critics doubt Trumps motives.").is_empty());
        assert_eq!(flagged(l.as_ref(), text), vec!["Will", "May"]);
        // Reported speech in a long quotation.
        let text = "\"Stores are closed and restaurants can't Hire people back under these rules,\" he said.";
        assert_eq!(flagged(l.as_ref(), text), vec!["Hire"]);
        // A weekday after a link is no part of a name.
        assert_eq!(flagged(l.as_ref(), "A wildland fire broke Out on Saturday afternoon."), vec!["Out"]);
        // Without the document's evidence: the head of a phrase after "a",
        // an abstract noun after a determiner.
        let text =
            "He was struck on the left hand by a Bucket from the shelf, and the Importance of care grew under its Resolutions by law.";
        assert_eq!(flagged(l.as_ref(), text), vec!["Bucket", "Importance", "Resolutions"]);
    }

    #[test]
    fn leaves_determiner_and_comma_slots_without_evidence() {
        let l = lint();
        for ok in [
            "When he refused, the Officials tipped his cart over.",
            "The Independent reported the story, and Apple said it would act.",
            "Sales in May have risen, and last May the market fell.",
            "The app runs on Windows and opens new windows.",
            "The judges said the court sat, and the Court ruled, Police said.",
            "\u{201c}Support the troops,\u{201d} they chanted, as support grew.",
            "He said the Will was read, Will Smith said.",
            "Police shot a Black man, and an Indigenous community met on a Zoom call during a Tube strike.",
            "The Coalition government fell, His Holiness the Dalai Lama said, and the Post reported it.",
            // A list of capitalised terms ends with one after "and" or "or".
            "It splits text on Letter Group, Word, or Sentence boundaries, and a sentence is longer.",
            "The Health and Education budgets rose, and health spending grew.",
        ] {
            assert!(flagged(l.as_ref(), ok).is_empty(), "{ok}: {:?}", flagged(l.as_ref(), ok));
        }
    }

    #[test]
    fn leaves_names_titles_and_headlines() {
        let l = lint();
        let md = "The format is based on [Keep a Changelog](https://example.com/), and *Rising Tide* is a film.\n";
        assert!(crate::lint::testing::run(l.as_ref(), md, crate::source::FileKind::Markdown).is_empty());
        for ok in [
            "Vietnamese leader To Lam met President Lee on Monday.",
            "He praised songs by the Beatles that came out in 1965, and the Chicago Bulls won the game.",
            "He saw the Last Supper and the Final Countdown. In 1979, Three Mile Island leaked, and many Democrats met several Republicans.",
            "President Moon Jae In left Seoul on Monday.",
            "Fans of James Last played his records, and Channel One, One Direction and One Nation met.",
            "Columnist George Will often writes about baseball, and Arctic Monkeys played a set.",
            "He said: The talks were over. Then he left.",
            "She read Gone With the Wind on the train.",
            "The Senate voted and the Court ruled, and the West said the Party had won.",
            "Officials in May said the Kremlin and the Pentagon agreed, I think.",
            "Military Parade in Beijing to Be Gracefully Attended by Leaders",
            "Die Zentralbank erklärte am Mittwoch, die Inflation gehe schneller zurück als erwartet.",
            "lang=en The governor said more data was needed.",
            "Brown said the deal was done. Gordon Brown then left, and Brown added he was pleased.",
            "He watched the film Parasite twice with his sons.",
            "The NATO chief and the EU said the US would act.",
            "\u{201c}Support the troops,\u{201d} they chanted as the march went on.",
            "Key leaders in one frame",
            "Columnist George Will said the plan failed, and George Will wrote about it.",
            "Manchester United said the deal was done. Tata Steel Limited reported a loss.",
            "The Armed Forces and the Allied troops met. Fred Ahmed the baker spoke.",
            "He Jiankui said the babies were fine. The Centers for Disease Control said so.",
            "The First Lady met the Second World War veterans. Britain's Parliament and Apple's Vision team met.",
            "They met in Reading on Monday, then drove from Bath last week and stayed in Nice overnight.",
            "The team beat Arsenal on Sunday, visited Bath last week and will face Reading next week.",
            "The team beat Arsenal easily, and the fans were delighted with the result.",
            "He joined Arsenal in 2018 and left Reading from Dortmund's interest.",
            "The Council on Foreign Relations and the group Veterans for Peace met his Holiness in the city.",
            "The leader said: He Went too far, in a headline.",
        ] {
            assert!(flagged(l.as_ref(), ok).is_empty(), "{ok}: {:?}", flagged(l.as_ref(), ok));
        }
    }
}
