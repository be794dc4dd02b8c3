//! The document's name table: capitalised name chains ("mentions") grouped
//! into entities. Built once per document on first use (`Document::names()`)
//! and shared by every lint that reasons about names (`mangled-name`,
//! `name-variant`).
//!
//! ## How mentions are found
//!
//! Inside each block, a *chain* is a maximal run of capitalised words joined
//! by single spaces. A chain may hold
//! - lowercase particles between capitalised parts, up to three in a row
//!   ("Mohammed bin Salman", "Charles de Gaulle", "Ursula von der Leyen",
//!   "al-Assad"),
//! - hyphen-joined pieces ("Boutros-Ghali", "Austria-Hungary") and lowercase
//!   syllable pieces of romanised given names ("Geun-hye", "Jae-in"), but not
//!   English suffix words ("US-led", "state-run"),
//! - initials and title abbreviations with their period ("J. R. Tolkien", "Dr. Lee").
//!
//! A chain ends at any other token, and after a possessive ("Brazil's",
//! "Higgins'", and the lost-apostrophe "Parks Office" when "Park" is a name of the
//! document). Leading titles and honorifics ("French President", "Minister of
//! Foreign Affairs", "Dr.") are stripped and kept as the mention's `title`; a
//! lowercase title word just before the chain ("leader", "president") is kept
//! too. A capitalised sentence opener ("The", "But", or any word the document
//! also writes in lowercase) is dropped. ALL-CAPS chains at the start of a
//! block are datelines; mentions in headline or title-case lines are marked
//! (their capitals and extents are unreliable).
//!
//! ## Entities
//!
//! Mentions with the same fold key (lowercase, diacritics removed, spaces,
//! hyphens, periods and apostrophes dropped) form one entity; its canonical
//! form is the most frequent surface form (ties: the one written first).
//! A one-word mention also records, in `refers_to`, the multi-word entity it
//! most likely shortens (the last one mentioned before it whose first or last
//! word it is, else the first one after). Entities are grouped on first use
//! ([`NameTable::entities`]): the name lints read mentions only.
//!
//! ## Storage
//!
//! Forms, fold keys, part spans and piece boundaries of all mentions live in
//! a few shared buffers of the table (no allocation per mention); read them
//! through [`NameTable::form`], [`NameTable::key`], [`NameTable::parts`] and
//! [`NameTable::piece_keys`].

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use super::{Block, Document, TokenKind};
use crate::source::Span;

/// A byte or index range into one of the table's buffers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Slot {
    start: u32,
    end: u32,
}

impl Slot {
    fn new(start: usize, end: usize) -> Slot {
        Slot {
            start: u32::try_from(start).unwrap_or(u32::MAX),
            end: u32::try_from(end).unwrap_or(u32::MAX),
        }
    }

    fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    fn len(self) -> usize {
        self.end.saturating_sub(self.start) as usize
    }
}

/// One occurrence of a name. Its form, key, parts and pieces are read through
/// the table ([`NameTable::form`] and friends).
#[derive(Clone, Debug)]
pub struct Mention {
    /// The name itself: title, sentence opener and possessive excluded.
    pub span: Span,
    /// Space-separated parts (a hyphenated part such as "Geun-hye" is one
    /// part): range of `NameTable::part_spans`.
    parts: Slot,
    /// Index of the mention's form in `NameTable::forms`.
    form: u32,
    pub block: u32,
    /// Title or honorific before the name ("President", "Minister of Foreign
    /// Affairs", a lowercase "leader"): byte range in the document.
    title: Slot,
    /// Where the title's text starts in `NameTable::strings`.
    title_text: u32,
    n_pieces: u16,
    has_title: bool,
    /// Some part is a hyphen compound of capitalised pieces.
    compound: bool,
    pub possessive: bool,
    /// The name opens a sentence (its capital proves nothing).
    pub initial: bool,
    /// In a heading, a headline-like line, a title-case or an all-caps block.
    pub headline: bool,
    /// Every letter upper case ("NATO", "PARK GEUN HYE").
    pub all_caps: bool,
    /// An ALL-CAPS chain opening a block ("NAIROBI (Reuters)").
    pub dateline: bool,
    /// The next token after one space is a lowercase word.
    pub next_lower: bool,
}

impl Mention {
    /// Number of parts.
    pub fn part_count(&self) -> usize {
        self.parts.len()
    }

    /// Number of pieces (the parts split at hyphens).
    pub fn piece_count(&self) -> usize {
        usize::from(self.n_pieces)
    }

    /// Whether some part is a hyphen compound of capitalised pieces
    /// ("Austria-Hungary", "Boutros-Ghali").
    pub fn has_compound(&self) -> bool {
        self.compound
    }

    /// Title or honorific before the name ("President", "Minister of Foreign
    /// Affairs", a lowercase "leader").
    pub fn title(&self) -> Option<Span> {
        self.has_title
            .then(|| Span::new(self.title.start as usize, self.title.end as usize))
    }

    /// Index of the mention's form among the document's distinct forms
    /// (mentions written alike share it).
    pub fn form_index(&self) -> usize {
        self.form as usize
    }
}

/// One distinct surface form of a document.
#[derive(Clone, Copy, Debug, Default)]
struct Form {
    /// The parts joined by single spaces (original spelling): range of `NameTable::strings`.
    form: Slot,
    /// Fold key (lowercase, diacritics removed, only letters and digits):
    /// range of `NameTable::strings`.
    key: Slot,
    /// Range of `NameTable::piece_ends`: end offsets in `strings` of the
    /// folded pieces (the key is their concatenation).
    pieces: Slot,
    compound: bool,
}

/// Mentions with one fold key.
#[derive(Clone, Debug)]
pub struct Entity {
    pub key: String,
    /// Most frequent form in the document (ties: first written).
    pub canonical: String,
    /// Span of the first mention written in the canonical form.
    pub canonical_span: Span,
    /// Every surface form with its number of mentions, in order of first use.
    pub forms: Vec<(String, usize)>,
    /// Indices into `NameTable::mentions`, in document order.
    pub mentions: Vec<usize>,
    /// Distinct titles seen with the entity ("President", "leader").
    pub titles: Vec<String>,
    /// Number of parts of the canonical form.
    pub parts: usize,
}

/// The entities of a table (built on first use).
#[derive(Clone, Debug, Default)]
struct Entities {
    list: Vec<Entity>,
    by_key: HashMap<String, usize>,
    /// Per mention: its entity.
    of_mention: Vec<usize>,
    /// Per mention: for a one-part mention, the multi-part entity it shortens.
    refers_to: Vec<Option<usize>>,
}

/// All names of a document.
#[derive(Clone, Debug, Default)]
pub struct NameTable {
    /// In document order.
    pub mentions: Vec<Mention>,
    /// Distinct forms.
    forms: Vec<Form>,
    /// Forms, keys and titles.
    strings: String,
    /// Part spans of the mentions.
    part_spans: Vec<Span>,
    /// Piece boundaries of the forms (end offsets into `strings`).
    piece_ends: Vec<u32>,
    /// Hashes of the pieces of names the document also writes as lowercase
    /// words (see [`NameTable::is_lower_piece`]).
    lower_pieces: Vec<u64>,
    /// The capitalised words of the document (see [`NameTable::capitals`]).
    capitals: Vec<Capital>,
    entities: OnceLock<Entities>,
}

/// A word of the document that starts with a capital letter (possessive
/// and inner periods included, as tokenised).
#[derive(Clone, Copy, Debug)]
pub struct Capital {
    pub span: Span,
    /// Index of the word's token in `Document::tokens` (the tokens are
    /// freed before corpus phases: read it in `check` only).
    pub token: u32,
    /// In a headline block (as for [`Mention::headline`]).
    pub headline: bool,
}

impl NameTable {
    fn form_of(&self, m: &Mention) -> Form {
        self.forms.get(m.form as usize).copied().unwrap_or_default()
    }

    /// Number of distinct forms (see [`Mention::form_index`]).
    pub fn form_count(&self) -> usize {
        self.forms.len()
    }

    /// The form of a mention: its parts joined by single spaces (original spelling).
    pub fn form(&self, m: &Mention) -> &str {
        self.strings.get(self.form_of(m).form.range()).unwrap_or("")
    }

    /// The fold key of a mention: lowercase, diacritics removed, only letters and digits.
    pub fn key(&self, m: &Mention) -> &str {
        self.strings.get(self.form_of(m).key.range()).unwrap_or("")
    }

    /// Space-separated parts of a mention (a hyphenated part such as "Geun-hye" is one part).
    pub fn parts(&self, m: &Mention) -> &[Span] {
        self.part_spans.get(m.parts.range()).unwrap_or(&[])
    }

    /// Fold keys of the pieces of a mention: the parts split at hyphens
    /// ("Park Geun-hye" -> park, geun, hye). Borrowed, no allocation.
    pub fn piece_keys<'t>(&'t self, m: &Mention) -> impl DoubleEndedIterator<Item = &'t str> + ExactSizeIterator + Clone + 't {
        let f = self.form_of(m);
        let ends = self.piece_ends.get(f.pieces.range()).unwrap_or(&[]);
        let key_start = f.key.start;
        let strings = self.strings.as_str();
        (0..ends.len()).map(move |i| {
            let start = if i == 0 { key_start } else { ends[i - 1] };
            strings.get(start as usize..ends[i] as usize).unwrap_or("")
        })
    }

    /// The i-th piece key of a mention.
    pub fn piece_key(&self, m: &Mention, i: usize) -> Option<&str> {
        let f = self.form_of(m);
        let ends = self.piece_ends.get(f.pieces.range())?;
        let end = *ends.get(i)?;
        let start = if i == 0 { f.key.start } else { *ends.get(i - 1)? };
        self.strings.get(start as usize..end as usize)
    }

    /// Fold keys of the pieces (owned).
    pub fn pieces(&self, m: &Mention) -> Vec<String> {
        self.piece_keys(m).map(str::to_string).collect()
    }

    /// Spans of the pieces (the parts split at hyphens), in order.
    pub fn piece_spans(&self, m: &Mention, text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        for p in self.parts(m) {
            let Some(s) = text.get(p.range()) else { continue };
            let mut start = 0;
            for (i, c) in s.char_indices() {
                if matches!(c, '-' | '\u{2010}' | '\u{2011}') {
                    if i > start {
                        out.push(Span::new(p.start + start, p.start + i));
                    }
                    start = i + c.len_utf8();
                }
            }
            if s.len() > start {
                out.push(Span::new(p.start + start, p.end));
            }
        }
        out
    }

    /// Whether the document writes a piece of one of its names as a
    /// lowercase word in running text (so its capital proves nothing). `w`
    /// is a lowercase piece of a name's form (split at spaces and hyphens)
    /// or the fold key of a hyphen-separated piece; for any other word use
    /// [`is_lower_word`].
    pub fn is_lower_piece(&self, w: &str) -> bool {
        self.lower_pieces.contains(&word_hash(w))
    }

    /// Words of the document that start with a capital letter, in
    /// document order, whether or not they are part of a name: those of four
    /// bytes or more, those whose second letter is a capital, and those
    /// with a byte outside ASCII (the words the name lints compare).
    pub fn capitals(&self) -> &[Capital] {
        &self.capitals
    }

    /// The entities of the document (grouped on first use).
    pub fn entities(&self) -> &[Entity] {
        &self.grouped().list
    }

    /// The entity with this fold key.
    pub fn entity(&self, key: &str) -> Option<&Entity> {
        let g = self.grouped();
        g.by_key.get(key).and_then(|&i| g.list.get(i))
    }

    pub fn entity_index(&self, key: &str) -> Option<usize> {
        self.grouped().by_key.get(key).copied()
    }

    /// The entity of a mention (index into [`NameTable::entities`]).
    pub fn entity_of(&self, mention: usize) -> Option<usize> {
        self.grouped().of_mention.get(mention).copied()
    }

    /// For a one-part mention: the multi-part entity it shortens.
    pub fn refers_to(&self, mention: usize) -> Option<usize> {
        self.grouped().refers_to.get(mention).copied().flatten()
    }

    /// The entity a mention stands for: its own, or for a one-word short
    /// form ("Park") the full name it shortens.
    pub fn resolve(&self, mention: usize) -> Option<usize> {
        let g = self.grouped();
        g.refers_to
            .get(mention)
            .copied()
            .flatten()
            .or_else(|| g.of_mention.get(mention).copied())
    }

    /// Build the table of a document.
    pub fn build(doc: &Document) -> NameTable {
        thread_local! {
            static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
        }
        SCRATCH.with(|s| match s.try_borrow_mut() {
            Ok(mut s) => NameTable::build_with(doc, &mut s),
            Err(_) => NameTable::build_with(doc, &mut Scratch::default()),
        })
    }

    fn build_with(doc: &Document, s: &mut Scratch) -> NameTable {
        // Pass 0: capitalised words, headline blocks, lowercase words.
        first_pass(doc, s);
        // Pass 1: the chains (they do not depend on lowercase words).
        s.cands.clear();
        s.cand_parts.clear();
        // The capitalised words of each block (pass 0 listed them in block
        // order, and where those of each block end): a block without one has
        // no chain.
        let mut lo = 0usize;
        for (bi, b) in doc.blocks.iter().enumerate() {
            let hi = s.caps_ends.get(bi).map_or(lo, |&e| e as usize);
            let caps = lo..hi;
            lo = hi;
            if caps.is_empty() {
                continue;
            }
            let headline = s.headlines.get(bi).copied().unwrap_or(false);
            chains(doc, bi, b, headline, caps, s);
        }
        // Pass 2: which lowercase words the mentions ask about.
        lower_words_asked(doc, s);
        // Pass 3: mentions.
        let Scratch {
            lower,
            lower_list,
            work,
            cands,
            cand_parts,
            ..
        } = s;
        work.clear();
        for c in cands.iter() {
            let Some(block) = doc.blocks.get(c.block as usize) else { continue };
            let cx = ChainCx {
                doc,
                bi: c.block as usize,
                headline: c.headline,
                lower,
                toks: doc.block_tokens(block),
                chain_start: c.chain_start as usize,
                end_tok: c.end_tok as usize,
            };
            push_mention(&cx, cand_parts.get(c.parts.range()).unwrap_or(&[]), work);
        }
        // Exact-size copies: the table lives as long as the document.
        let t = &work.table;
        NameTable {
            mentions: t.mentions.clone(),
            forms: t.forms.clone(),
            strings: t.strings.clone(),
            part_spans: t.part_spans.clone(),
            piece_ends: t.piece_ends.clone(),
            lower_pieces: lower_list.clone(),
            capitals: s.listed.clone(),
            entities: OnceLock::new(),
        }
    }

    fn grouped(&self) -> &Entities {
        self.entities.get_or_init(|| self.group())
    }

    fn group(&self) -> Entities {
        let mut g = Entities::default();
        for (i, m) in self.mentions.iter().enumerate() {
            let (key, form) = (self.key(m), self.form(m));
            let e = match g.by_key.get(key) {
                Some(&e) => e,
                None => {
                    g.list.push(Entity {
                        key: key.to_string(),
                        canonical: String::new(),
                        canonical_span: m.span,
                        forms: Vec::new(),
                        mentions: Vec::new(),
                        titles: Vec::new(),
                        parts: m.part_count(),
                    });
                    g.by_key.insert(key.to_string(), g.list.len() - 1);
                    g.list.len() - 1
                }
            };
            g.of_mention.push(e);
            let ent = &mut g.list[e];
            ent.mentions.push(i);
            match ent.forms.iter_mut().find(|(f, _)| f == form) {
                Some((_, n)) => *n += 1,
                None => ent.forms.push((form.to_string(), 1)),
            }
            if m.has_title {
                let start = m.title_text as usize;
                let text = self.strings.get(start..start + m.title.len()).unwrap_or("");
                if !ent.titles.iter().any(|t| t == text) {
                    ent.titles.push(text.to_string());
                }
            }
        }
        for ent in &mut g.list {
            let mut best: Option<(&String, usize)> = None;
            for (f, n) in &ent.forms {
                if best.is_none_or(|(_, bn)| *n > bn) {
                    best = Some((f, *n));
                }
            }
            if let Some((f, _)) = best {
                ent.canonical = f.clone();
            }
            if let Some(&m) = ent.mentions.iter().find(|&&m| self.form(&self.mentions[m]) == ent.canonical) {
                ent.canonical_span = self.mentions[m].span;
                ent.parts = self.mentions[m].part_count();
            }
        }
        // Short forms: the last multi-part entity with this first or last piece.
        g.refers_to = vec![None; self.mentions.len()];
        let mut last_long: HashMap<&str, usize> = HashMap::default();
        let mut pending: Vec<usize> = Vec::new();
        for (i, m) in self.mentions.iter().enumerate() {
            if m.part_count() >= 2 && !m.headline {
                let mut pk = self.piece_keys(m);
                for p in [pk.next(), pk.next_back()].into_iter().flatten() {
                    last_long.insert(p, g.of_mention[i]);
                }
            } else if m.part_count() == 1 {
                match last_long.get(self.key(m)) {
                    Some(&e) => g.refers_to[i] = Some(e),
                    None => pending.push(i),
                }
            }
        }
        // A short form before any full form: the first full form after it.
        if !pending.is_empty() {
            let mut first_long: HashMap<&str, usize> = HashMap::default();
            for (i, m) in self.mentions.iter().enumerate().filter(|(_, m)| m.part_count() >= 2 && !m.headline) {
                let mut pk = self.piece_keys(m);
                for p in [pk.next(), pk.next_back()].into_iter().flatten() {
                    first_long.entry(p).or_insert(g.of_mention[i]);
                }
            }
            for i in pending {
                g.refers_to[i] = first_long.get(self.key(&self.mentions[i])).copied();
            }
        }
        g
    }
}

/// Buffers reused from one document to the next (per thread).
#[derive(Default)]
struct Scratch {
    /// Indices of the capitalised words (for the lost-apostrophe possessive test).
    capitals: Vec<u32>,
    /// The capitalised words listed for the name lints (see
    /// [`NameTable::capitals`]).
    listed: Vec<Capital>,
    /// Per block: whether it reads as a headline.
    headlines: Vec<bool>,
    /// Per block: the end of its capitalised words in `capitals`.
    caps_ends: Vec<u32>,
    /// The chains found, and their parts.
    cands: Vec<Cand>,
    cand_parts: Vec<Part>,
    /// Hashes of the lowercase forms the mentions may ask about, and a
    /// filter on (length, first byte, last byte) of those forms.
    asked: WordSet,
    asked_sig: Vec<u64>,
    /// Per signature bit: the asked forms with it not yet seen in lowercase
    /// (the bit is cleared when none is left).
    asked_left: Vec<u16>,
    /// The bits of `asked_left` set for the current document (reset next time).
    asked_bits: Vec<u16>,
    /// The asked forms the document writes in lowercase (a set and a list).
    lower: WordSet,
    lower_list: Vec<u64>,
    parts: Vec<Part>,
    work: Work,
}

/// A chain found in pass 1.
#[derive(Clone, Copy, Debug)]
struct Cand {
    /// Range of `Scratch::cand_parts`.
    parts: Slot,
    block: u32,
    chain_start: u32,
    end_tok: u32,
    headline: bool,
}

/// Pass 0 over the words: capitalised words, and which blocks read as
/// headlines. Only the first byte of most words is read.
fn first_pass(doc: &Document, s: &mut Scratch) {
    s.capitals.clear();
    s.listed.clear();
    s.headlines.clear();
    s.caps_ends.clear();
    let prose = doc.prose.as_bytes();
    let to_u32 = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
    for b in &doc.blocks {
        // Words, and words that do not start with a lowercase ASCII letter
        // (only those can be in capitals: a shouted block is a headline).
        let (mut words, mut others) = (0usize, 0usize);
        let listed_from = s.listed.len();
        let toks = doc.tokens.get(b.tokens.clone()).unwrap_or(&[]);
        for (i, tok) in toks.iter().enumerate() {
            if tok.kind != TokenKind::Word {
                continue;
            }
            let ti = b.tokens.start + i;
            words += 1;
            let first = prose.get(tok.span.start).copied().unwrap_or(0);
            if first.is_ascii_lowercase() {
                // Lowercase ASCII start: never a capital, never all caps.
                continue;
            }
            others += 1;
            let listed = |s: &mut Scratch| {
                s.listed.push(Capital {
                    span: tok.span,
                    token: to_u32(ti),
                    headline: false,
                })
            };
            if first.is_ascii_uppercase() {
                s.capitals.push(to_u32(ti));
                // Four bytes or more, or a second letter in capitals, or a
                // byte outside ASCII: the words the name lints read.
                let second = prose.get(tok.span.start + 1).copied().unwrap_or(0);
                if tok.span.len() >= 4
                    || second.is_ascii_uppercase()
                    || second >= 0x80
                    || !prose.get(tok.span.range()).is_some_and(<[u8]>::is_ascii)
                {
                    listed(s);
                }
            } else if first >= 0x80 {
                let Some(raw) = doc.prose.get(tok.span.range()) else { continue };
                let w = strip_possessive(raw).0;
                if w.chars().next().is_some_and(char::is_uppercase) {
                    s.capitals.push(to_u32(ti));
                    listed(s);
                }
            }
        }
        // Words in capitals: counted only when they could make the block a
        // shouted one (see `block_headline`).
        let mut caps = 0usize;
        if words >= 3 && others * 10 >= words * 6 {
            for tok in toks.iter().filter(|t| t.kind == TokenKind::Word) {
                let Some(raw) = doc.prose.get(tok.span.range()) else { continue };
                if !raw.as_bytes().first().is_some_and(u8::is_ascii_lowercase) && is_all_caps(raw) {
                    caps += 1;
                }
            }
        }
        let headline = block_headline(doc, b, words, caps);
        if headline {
            for c in s.listed.get_mut(listed_from..).unwrap_or(&mut []) {
                c.headline = true;
            }
        }
        s.headlines.push(headline);
        s.caps_ends.push(to_u32(s.capitals.len()));
    }
}

/// Number of `u64` words of the signature filter (`sig_bit` is below 64 times this).
const SIG_WORDS: usize = 256;

/// Signature filter bit of a lowercase form: its length (mod 16) and the
/// low five bits of its first and last bytes (the same for both cases of
/// an ASCII letter), so no multiply and no lowercasing is needed.
fn sig_bit(len: usize, first: u8, last: u8) -> usize {
    (len & 15) | usize::from(first & 31) << 4 | usize::from(last & 31) << 9
}

/// Signature bit of the ASCII lowercase of `b`.
fn ascii_sig(b: &[u8]) -> usize {
    let (first, last) = (b.first().copied().unwrap_or(0), b.last().copied().unwrap_or(0));
    sig_bit(b.len(), first, last)
}

/// Whether the bytes are ASCII (short words: two overlapping loads).
fn ascii_bytes(b: &[u8]) -> bool {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    match b.len() {
        0..=8 => le_u64(b) & HIGH == 0,
        9..=16 => (le_u64(b.get(..8).unwrap_or(&[])) | le_u64(b.get(8..).unwrap_or(&[]))) & HIGH == 0,
        _ => b.is_ascii(),
    }
}

/// Whether the signature bit is set in the filter.
fn sig_hit(sig: &[u64], bit: usize) -> bool {
    sig.get(bit / 64).is_some_and(|w| w & (1 << (bit % 64)) != 0)
}

/// Whether a capitalised word of the document (possessive stripped) is `stem`.
fn is_capital_word(doc: &Document, capitals: &[u32], stem: &str) -> bool {
    let (prose, sb) = (doc.prose.as_bytes(), stem.as_bytes());
    capitals.iter().any(|&ti| {
        // The word must start with the stem (a byte compare) before its
        // possessive is stripped.
        doc.tokens.get(ti as usize).is_some_and(|t| {
            t.span.len() >= sb.len()
                && prose.get(t.span.start) == sb.first()
                && prose.get(t.span.start..t.span.start + sb.len()) == Some(sb)
                && doc.prose.get(t.span.range()).is_some_and(|raw| strip_possessive(raw).0 == stem)
        })
    })
}

fn sig_of(lower: &str) -> usize {
    let b = lower.as_bytes();
    sig_bit(b.len(), b.first().copied().unwrap_or(0), b.last().copied().unwrap_or(0))
}

/// Pass 2: the hashes mentions may ask about (the lowercase forms of the
/// first two parts of each chain: see `push_mention`) and the name lints may
/// ask about (lowercase pieces of the parts, fold keys of hyphen-separated
/// pieces), and of those, the ones the document writes as lowercase words
/// (`s.lower`). Only words whose signature matches an asked form are hashed.
fn lower_words_asked(doc: &Document, s: &mut Scratch) {
    s.asked.reset(s.cands.len());
    s.lower.reset(8);
    s.lower_list.clear();
    s.asked_sig.clear();
    s.asked_sig.resize(SIG_WORDS, 0);
    s.asked_left.resize(SIG_WORDS * 64, 0);
    for &b in &s.asked_bits {
        if let Some(n) = s.asked_left.get_mut(usize::from(b)) {
            *n = 0;
        }
    }
    s.asked_bits.clear();
    let ask = |asked: &mut WordSet, (sig, left, bits): (&mut [u64], &mut [u16], &mut Vec<u16>), h: u64, bit: usize| {
        if asked.insert(h) {
            if let Some(n) = left.get_mut(bit) {
                if *n == 0 {
                    bits.push(u16::try_from(bit).unwrap_or(0));
                }
                *n = n.saturating_add(1);
            }
        }
        if let Some(w) = sig.get_mut(bit / 64) {
            *w |= 1 << (bit % 64);
        }
    };
    let text = doc.source.text.as_str();
    let prose = doc.prose.as_bytes();
    // Nothing blanked in the prose: every part is written alike in both.
    let same_text = text.as_bytes() == prose;
    for c in &s.cands {
        let ps = s.cand_parts.get_mut(c.parts.range()).unwrap_or(&mut []);
        for (k, p) in ps.iter_mut().enumerate() {
            // Fast path: a short ASCII word without hyphens or a trailing
            // period, written alike in the text and the prose (its only piece
            // is the part itself).
            if let (true, Some((h, bit))) = (k < 2, p.hashed) {
                let pb = text.as_bytes().get(p.span.range()).unwrap_or(&[]);
                let rb = prose.get(p.span.range()).unwrap_or(&[]);
                if (same_text || pb == rb)
                    && pb.last().is_some_and(|&c| c != b'.')
                    && (p.one_token || !pb.iter().any(|&c| c == b' ' || c == b'-'))
                {
                    p.lower_hash = h;
                    ask(&mut s.asked, (&mut s.asked_sig, &mut s.asked_left, &mut s.asked_bits), h, bit);
                    continue;
                }
            }
            let part = text.get(p.span.range()).unwrap_or("");
            let ascii = part.is_ascii();
            let mut whole = false;
            if k < 2 {
                // The part itself (`push_mention` asks about it).
                let raw = doc.prose.get(p.span.range()).unwrap_or("").trim_end_matches('.');
                let (h, bit) = if let Some(hb) = p.hashed {
                    hb
                } else if raw.is_ascii() {
                    (lower_ascii_hash(raw.as_bytes()), ascii_sig(raw.as_bytes()))
                } else {
                    with_lower(raw, |l| (word_hash(l), sig_of(l)))
                };
                p.lower_hash = h;
                ask(&mut s.asked, (&mut s.asked_sig, &mut s.asked_left, &mut s.asked_bits), h, bit);
                // A one-piece part: its piece is the part itself.
                whole = ascii && raw == part && !part.bytes().any(|c| c == b' ' || c == b'-');
            }
            // Its lowercase pieces and the fold keys of its hyphen-separated
            // pieces (the name lints ask about those).
            if whole {
                // Asked above.
            } else if ascii {
                for piece in part.as_bytes().split(|&c| c == b' ' || c == b'-').filter(|x| !x.is_empty()) {
                    ask(
                        &mut s.asked,
                        (&mut s.asked_sig, &mut s.asked_left, &mut s.asked_bits),
                        lower_ascii_hash(piece),
                        ascii_sig(piece),
                    );
                }
            } else {
                with_lower(part, |l| {
                    for piece in pieces(l) {
                        ask(
                            &mut s.asked,
                            (&mut s.asked_sig, &mut s.asked_left, &mut s.asked_bits),
                            word_hash(piece),
                            sig_of(piece),
                        );
                    }
                });
            }
            if !whole && part.contains('-') {
                for x in part.split('-') {
                    let f = fold_key(x);
                    ask(
                        &mut s.asked,
                        (&mut s.asked_sig, &mut s.asked_left, &mut s.asked_bits),
                        word_hash(&f),
                        sig_of(&f),
                    );
                }
            }
        }
    }
    if s.asked.len == 0 {
        return;
    }
    // A coarser filter read before the word's last bytes: (first byte, word
    // length mod 16) of the asked forms, at their length and the lengths
    // with a possessive ("'s", "’s") added. A word of ASCII bytes outside it
    // has no asked signature.
    let mut gate = [0u64; 8];
    // (`asked_bits` lists the bits of `asked_sig`.)
    for &bit in &s.asked_bits {
        let bit = usize::from(bit);
        let (first, len) = ((bit >> 4) & 31, bit & 15);
        for add in [0, 2, 4] {
            let g = first << 4 | ((len + add) & 15);
            gate[g >> 6] |= 1 << (g & 63);
        }
    }
    let ascii_doc = doc.prose.is_ascii();
    // The lowercase words of running text (outside title-case blocks).
    for b in doc.blocks.iter().filter(|b| !b.title_case) {
        let toks = doc.tokens.get(b.tokens.clone()).unwrap_or(&[]);
        // An ASCII block needs no per-word ASCII test.
        let ascii_block = ascii_doc
            || match (toks.first(), toks.last()) {
                (Some(f), Some(l)) => prose.get(f.span.start..l.span.end).is_some_and(<[u8]>::is_ascii),
                _ => true,
            };
        for tok in toks {
            if tok.kind != TokenKind::Word {
                continue;
            }
            let (start, end) = (tok.span.start, tok.span.end);
            let first = if end > start { prose.get(start).copied().unwrap_or(0) } else { 0 };
            if first.is_ascii_lowercase() {
                // Only the first byte and the length read.
                let g = usize::from(first & 31) << 4 | ((end - start) & 15);
                if gate[g >> 6] & (1 << (g & 63)) == 0 && (ascii_block || prose.get(start..end).is_some_and(ascii_bytes)) {
                    continue;
                }
            } else if first < 0x80 {
                // Not a lowercase start.
                continue;
            }
            let Some(word) = prose.get(start..end) else { continue };
            // The word's signature bit when it went through the filter.
            let mut sig_bit_of = None;
            let h = if first.is_ascii_lowercase() {
                // The possessive ("'s", "’s") stripped, as `strip_possessive`
                // does, on the bytes.
                let b = match word {
                    [w @ .., b'\'', b's' | b'S'] | [w @ .., 0xE2, 0x80, 0x99, b's' | b'S'] if !w.is_empty() => w,
                    _ => word,
                };
                if ascii_block || ascii_bytes(b) {
                    // The hashed form is the ASCII lowercase of the word.
                    let bit = ascii_sig(b);
                    if !sig_hit(&s.asked_sig, bit) {
                        continue;
                    }
                    sig_bit_of = Some(bit);
                    lower_ascii_hash(b)
                } else {
                    let Some(raw) = doc.prose.get(tok.span.start..tok.span.start + b.len()) else {
                        continue;
                    };
                    lower_hash(raw)
                }
            } else if first >= 0x80 {
                let Some(raw) = doc.prose.get(tok.span.range()) else { continue };
                let w = strip_possessive(raw).0;
                if !w.chars().next().is_some_and(char::is_lowercase) {
                    continue;
                }
                if w.is_ascii() {
                    if !sig_hit(&s.asked_sig, ascii_sig(w.as_bytes())) {
                        continue;
                    }
                    lower_ascii_hash(w.as_bytes())
                } else {
                    lower_hash(w)
                }
            } else {
                continue;
            };
            if s.asked.contains(h) && s.lower.insert(h) {
                s.lower_list.push(h);
                // Every asked form with this bit seen: stop hashing its words.
                if let Some(bit) = sig_bit_of {
                    if let Some(n) = s.asked_left.get_mut(bit) {
                        // (A saturated count is never decremented.)
                        *n -= u16::from(*n != u16::MAX);
                        if *n == 0 {
                            if let Some(w) = s.asked_sig.get_mut(bit / 64) {
                                *w &= !(1 << (bit % 64));
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Whether the document writes this word in lowercase in running text (so a
/// capitalised occurrence is a common word, not a name). `lower` is
/// lowercase. A scan of the document's words: the name lints ask rarely.
pub fn is_lower_word(doc: &Document, lower: &str) -> bool {
    for b in doc.blocks.iter().filter(|b| !b.title_case) {
        for tok in doc.block_tokens(b) {
            if tok.kind != TokenKind::Word {
                continue;
            }
            let Some(raw) = doc.prose.get(tok.span.range()) else { continue };
            let first = raw.as_bytes().first().copied().unwrap_or(0);
            let lower_start = first.is_ascii_lowercase() || (first >= 0x80 && raw.chars().next().is_some_and(char::is_lowercase));
            if !lower_start {
                continue;
            }
            // As the word is written in the set of lowercase words: lowercased
            // when it has an upper-case letter.
            let w = strip_possessive(raw).0;
            if w.len() != lower.len() && w.is_ascii() {
                continue;
            }
            let same = if w.is_ascii() {
                if w.bytes().any(|c| c.is_ascii_uppercase()) {
                    w.bytes().map(|c| c.to_ascii_lowercase()).eq(lower.bytes())
                } else {
                    w == lower
                }
            } else if w.chars().any(char::is_uppercase) {
                w.to_lowercase() == lower
            } else {
                w == lower
            };
            if same {
                return true;
            }
        }
    }
    false
}

/// The table under construction.
#[derive(Default)]
struct Work {
    table: NameTable,
    /// A buffer for the form of a mention of several parts.
    form: String,
    /// Hash of a form -> index in `table.forms` (the first form with that hash).
    form_ids: HashMap<u64, u32>,
}

impl Work {
    fn clear(&mut self) {
        let t = &mut self.table;
        t.mentions.clear();
        t.forms.clear();
        t.strings.clear();
        t.part_spans.clear();
        t.piece_ends.clear();
        self.form_ids.clear();
    }

    /// The index of the form `form` (the parts joined by single spaces),
    /// added (with its key and pieces folded from the parts) when new; `None`
    /// when it folds to nothing.
    fn form_id(&mut self, form_text: &str, text: &str, parts: &[Part]) -> Option<u32> {
        let t = &mut self.table;
        let h = word_hash(form_text);
        let same = |t: &NameTable, id: u32| t.forms.get(id as usize).and_then(|f| t.strings.get(f.form.range())) == Some(form_text);
        // One lookup: a vacant entry is filled once the form is added.
        let entry = match self.form_ids.entry(h) {
            std::collections::hash_map::Entry::Occupied(e) => {
                let id = *e.get();
                if same(t, id) {
                    return Some(id);
                }
                // A hash shared by two forms: look the form up among all.
                if let Some(id) = (0..t.forms.len() as u32).find(|&id| same(t, id)) {
                    return Some(id);
                }
                None
            }
            std::collections::hash_map::Entry::Vacant(e) => Some(e),
        };
        let (form_start, pieces_start) = (t.strings.len(), t.piece_ends.len());
        t.strings.push_str(form_text);
        let form = Slot::new(form_start, t.strings.len());
        // A one-token part holds no hyphen.
        let compound = !parts.iter().all(|p| p.one_token)
            && form_text.as_bytes().contains(&b'-')
            && form_text
                .split(' ')
                .any(|p| p.contains('-') && p.split('-').filter(|x| is_capitalised(x)).count() >= 2);
        let key_start = t.strings.len();
        let mut last_end = key_start;
        let mut end_piece = |t: &mut NameTable| {
            if t.strings.len() > last_end {
                last_end = t.strings.len();
                t.piece_ends.push(u32::try_from(last_end).unwrap_or(u32::MAX));
            }
        };
        for p in parts {
            let part = text.get(p.span.range()).unwrap_or("");
            if p.one_token && part.bytes().all(|c| c.is_ascii_alphanumeric()) {
                // One piece of ASCII letters and digits: copied and lowercased.
                let start = t.strings.len();
                t.strings.push_str(part);
                if let Some(piece) = t.strings.get_mut(start..) {
                    piece.make_ascii_lowercase();
                }
                end_piece(t);
                continue;
            }
            if part.is_ascii() {
                // ASCII: pieces end at spaces and hyphens.
                for c in part.bytes() {
                    if c == b' ' || c == b'-' {
                        end_piece(t);
                    } else if c.is_ascii_alphanumeric() {
                        t.strings.push(char::from(c.to_ascii_lowercase()));
                    }
                }
                end_piece(t);
                continue;
            }
            for piece in pieces(part) {
                fold_into(piece, &mut t.strings);
                end_piece(t);
            }
        }
        if last_end == key_start {
            // Nothing to fold: not a name.
            t.strings.truncate(form_start);
            t.piece_ends.truncate(pieces_start);
            return None;
        }
        let id = u32::try_from(t.forms.len()).unwrap_or(u32::MAX);
        t.forms.push(Form {
            form,
            key: Slot::new(key_start, last_end),
            pieces: Slot::new(pieces_start, t.piece_ends.len()),
            compound,
        });
        if let Some(e) = entry {
            e.insert(id);
        }
        Some(id)
    }
}

/// Lowercase particles that may stand inside a name.
pub const PARTICLES: &[&str] = &[
    "bin", "ibn", "bint", "binti", "al", "el", "ul", "de", "da", "del", "della", "dei", "di", "du", "des", "do", "dos", "das", "van",
    "von", "der", "den", "ter", "ten", "la", "le", "y", "zu", "af", "av", "e",
];

/// Titles that may follow a modifier ("French President", "Senate Majority Leader").
const OFFICE_TITLES: &[&str] = &[
    "president",
    "vice",
    "prime",
    "minister",
    "premier",
    "chancellor",
    "secretary",
    "general",
    "chairman",
    "chairwoman",
    "chair",
    "chairperson",
    "governor",
    "mayor",
    "senator",
    "representative",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "leader",
    "director",
    "commander",
    "chief",
    "deputy",
    "speaker",
    "lawmaker",
    "legislator",
    "judge",
    "justice",
    "attorney",
    "prosecutor",
    "officer",
    "adviser",
    "advisor",
    "aide",
    "assistant",
    "head",
    "ceo",
    "founder",
    "coach",
    "manager",
    "captain",
    "colonel",
    "lieutenant",
    "major",
    "sergeant",
    "admiral",
    "marshal",
    "councillor",
    "councilor",
    "commissioner",
    "secretary-general",
    "dictator",
    "comrade",
    "correspondent",
    "reporter",
    "analyst",
    "professor",
];

/// Titles that only open a chain ("Mr", "King", "Pope").
const LEADING_TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "sir",
    "dame",
    "lord",
    "lady",
    "king",
    "queen",
    "prince",
    "princess",
    "emperor",
    "empress",
    "pope",
    "sheikh",
    "shaikh",
    "sultan",
    "emir",
    "ayatollah",
    "imam",
    "rabbi",
    "rev",
    "reverend",
    "father",
    "bishop",
    "archbishop",
    "cardinal",
    "sen",
    "rep",
    "gov",
    "gen",
    "lt",
    "col",
    "capt",
    "sgt",
    "maj",
    "adm",
    "cmdr",
    "supt",
    "insp",
    "inspector",
    "detective",
    "det",
    "officer",
    "president",
    "minister",
    "premier",
    "chancellor",
    "mayor",
    "senator",
    "governor",
    "ambassador",
    "chairman",
    "secretary",
    "general",
    "marshal",
    "comrade",
    "judge",
    "justice",
    "dean",
    "brother",
    "sister",
    "mother",
    "saint",
];

/// Leading titles that may follow modifiers ("Saudi Crown Prince", "Grand
/// Ayatollah"); not "Saint" or kinship words, which stand inside place and
/// band names ("Fort Saint John").
fn is_rank(w: &str) -> bool {
    matches!(
        w,
        "king" | "queen" | "prince" | "princess" | "emperor" | "empress" | "sheikh" | "shaikh" | "sultan" | "emir" | "ayatollah" | "pope"
    )
}

/// Words of a portfolio inside a title ("Minister of Foreign Affairs",
/// "Secretary of State", "Foreign Minister").
const PORTFOLIO: &[&str] = &[
    "foreign",
    "affairs",
    "state",
    "defense",
    "defence",
    "finance",
    "justice",
    "health",
    "interior",
    "home",
    "trade",
    "commerce",
    "industry",
    "education",
    "energy",
    "agriculture",
    "labor",
    "labour",
    "transport",
    "transportation",
    "culture",
    "environment",
    "economy",
    "economic",
    "security",
    "treasury",
    "information",
    "communications",
    "unification",
    "development",
    "planning",
    "science",
    "technology",
    "tourism",
    "sport",
    "sports",
    "youth",
    "women",
    "welfare",
    "social",
    "national",
    "public",
    "internal",
    "external",
    "relations",
    "cooperation",
    "housing",
    "land",
    "water",
    "resources",
    "fisheries",
    "mines",
    "oil",
    "petroleum",
    "legal",
    "emergency",
    "immigration",
    "veterans",
    "homeland",
    "intelligence",
    "armed",
    "forces",
    "staff",
    "joint",
    "central",
    "committee",
    "party",
    "people",
    "people's",
    "assembly",
    "council",
    "cabinet",
    "government",
    "army",
    "navy",
    "air",
    "force",
    "police",
    "military",
    "political",
    "bureau",
    "politburo",
    "first",
    "second",
    "executive",
    "senior",
    "acting",
    "former",
    "supreme",
    "grand",
    "majority",
    "minority",
    "house",
    "senate",
    "union",
    "european",
    "commission",
    "and",
    "the",
    "of",
    "for",
];

/// Capitalised sentence openers that are never names.
const OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "but",
    "and",
    "or",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "after",
    "before",
    "when",
    "while",
    "if",
    "as",
    "for",
    "from",
    "with",
    "by",
    "to",
    "of",
    "since",
    "although",
    "though",
    "despite",
    "during",
    "under",
    "over",
    "some",
    "many",
    "most",
    "all",
    "both",
    "each",
    "every",
    "no",
    "not",
    "one",
    "two",
    "three",
    "why",
    "what",
    "who",
    "how",
    "where",
    "there",
    "here",
    "then",
    "now",
    "also",
    "still",
    "yet",
    "so",
    "such",
    "other",
    "another",
    "last",
    "next",
    "first",
    "even",
    "only",
    "just",
    "meanwhile",
    "however",
    "moreover",
    "instead",
    "later",
    "earlier",
    "today",
    "yesterday",
    "tomorrow",
    "according",
    "among",
    "around",
    "about",
    "against",
    "between",
    "without",
    "within",
    "unlike",
    "like",
    "once",
    "thus",
    "indeed",
    "perhaps",
    "already",
    "more",
    "less",
    "several",
    "few",
    "any",
    "none",
    "can",
    "could",
    "will",
    "would",
    "should",
    "may",
    "might",
    "must",
    "did",
    "does",
    "do",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "read",
    "see",
    "photo",
    "image",
    "watch",
    "via",
    "upon",
    "amid",
    "through",
    "throughout",
    "because",
    "whether",
    "unless",
    "until",
    "behind",
    "beyond",
    "near",
    "toward",
    "towards",
    "whose",
    "which",
    "while",
    "yes",
    "well",
    "dear",
    "latest",
    "breaking",
];

/// Weekdays and months (they follow names in news: "Park said Tuesday"),
/// without "may", which is also a name ("Theresa May"); the full list is
/// [`super::CALENDAR`].
const CALENDAR: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Lowercase hyphen pieces that are English words, not name syllables.
const HYPHEN_WORDS: &[&str] = &[
    "run", "up", "on", "in", "to", "war", "day", "way", "long", "year", "set", "top", "age", "era", "bay", "cup", "led", "old", "new",
    "end", "man", "men", "son", "law", "tax", "fan", "car", "gas", "oil", "sea", "air", "war", "rich", "poor", "bound", "wing", "hit",
    "cut", "out", "off", "now", "ton", "tons", "mid", "pro", "non", "ex", "co", "re", "bi", "de", "la", "le", "el", "al", "and", "or", "a",
    "an", "the", "i", "ii", "iii", "iv", "v", "x", "s", "per", "sen", "hour", "week", "month", "term", "time", "tier", "line", "big",
    "small", "high", "low", "far", "near", "left", "right", "back", "side", "ish", "like", "less", "free", "made", "held", "born",
];

/// Word classes of the lists above (bit flags).
mod class {
    pub const PARTICLE: u8 = 1;
    pub const OFFICE: u8 = 2;
    pub const LEADING: u8 = 4;
    pub const PORTFOLIO: u8 = 8;
    pub const OPENER: u8 = 16;
    pub const CALENDAR: u8 = 32;
    pub const HYPHEN: u8 = 64;
}

/// The listed words packed into integers (up to 16 bytes, zero-padded) in
/// an open-addressing table; longer words by string.
struct ClassMap {
    /// (packed word, length, classes); length 0 marks an empty slot.
    slots: Vec<(u128, u8, u8)>,
    long: Vec<(&'static str, u8)>,
    /// Per length up to 16: bit `c - b'a'` set when a listed word of that
    /// length starts with the letter `c` (a filter before the table).
    starts: [u32; 17],
    /// The same for the office titles, by length up to 17.
    office_starts: [u32; 18],
    /// A finer filter for packed words (see `pair_bit`): set for the first
    /// two bytes and the length of every listed word of up to 16 bytes.
    pairs: [u64; PAIR_WORDS],
}

/// Number of `u64` words of `ClassMap::pairs`.
const PAIR_WORDS: usize = 17 * 1024 / 64;

/// Bit of `ClassMap::pairs` for a word of `len` bytes (up to 16) whose first
/// two bytes (zero for a one-byte word) are `first` and `second`: their low
/// five bits and the length.
fn pair_bit(first: u8, second: u8, len: usize) -> usize {
    len << 10 | usize::from(first & 31) << 5 | usize::from(second & 31)
}

impl ClassMap {
    const BITS: u32 = 10;

    fn slot(k: u128) -> usize {
        let x = (k as u64) ^ ((k >> 64) as u64).rotate_left(29);
        (mix(x) >> (64 - Self::BITS)) as usize
    }

    fn insert(&mut self, k: u128, len: u8, c: u8) {
        let mask = self.slots.len() - 1;
        let mut i = Self::slot(k);
        while let Some(e) = self.slots.get_mut(i) {
            if e.1 == 0 {
                *e = (k, len, c);
                return;
            }
            if e.0 == k && e.1 == len {
                e.2 |= c;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    fn get(&self, k: u128, len: usize) -> u8 {
        let mask = self.slots.len() - 1;
        let mut i = Self::slot(k);
        loop {
            let Some(&(key, n, c)) = self.slots.get(i) else { return 0 };
            if n == 0 {
                return 0;
            }
            if key == k && usize::from(n) == len {
                return c;
            }
            i = (i + 1) & mask;
        }
    }
}

/// Each word list with its class bit.
const CLASS_LISTS: &[(&[&str], u8)] = &[
    (PARTICLES, class::PARTICLE),
    (OFFICE_TITLES, class::OFFICE),
    (LEADING_TITLES, class::LEADING),
    (PORTFOLIO, class::PORTFOLIO),
    (OPENERS, class::OPENER),
    (CALENDAR, class::CALENDAR),
    (HYPHEN_WORDS, class::HYPHEN),
];

fn class_map() -> &'static ClassMap {
    static MAP: OnceLock<ClassMap> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = ClassMap {
            slots: vec![(0, 0, 0); 1 << ClassMap::BITS],
            long: Vec::new(),
            starts: [0; 17],
            office_starts: [0; 18],
            pairs: [0; PAIR_WORDS],
        };
        for w in OFFICE_TITLES {
            if let (Some(n), Some(&c)) = (m.office_starts.get_mut(w.len()), w.as_bytes().first()) {
                if c.is_ascii_lowercase() {
                    *n |= 1 << (c - b'a');
                }
            }
        }
        for &(list, c) in CLASS_LISTS {
            for w in list {
                if let (Some(n), Some(&c)) = (m.starts.get_mut(w.len()), w.as_bytes().first()) {
                    if c.is_ascii_lowercase() {
                        *n |= 1 << (c - b'a');
                    }
                }
                match pack(w.as_bytes(), false) {
                    Some(k) => {
                        let b = w.as_bytes();
                        let bit = pair_bit(b.first().copied().unwrap_or(0), b.get(1).copied().unwrap_or(0), b.len());
                        if let Some(x) = m.pairs.get_mut(bit / 64) {
                            *x |= 1 << (bit % 64);
                        }
                        m.insert(k, w.len() as u8, c)
                    }
                    None => match m.long.iter_mut().find(|(x, _)| x == w) {
                        Some((_, v)) => *v |= c,
                        None => m.long.push((w, c)),
                    },
                }
            }
        }
        m
    })
}

/// Up to 16 ASCII bytes packed into an integer (zero-padded), lowercased if
/// asked; `None` for longer or non-ASCII input.
#[inline]
fn pack(b: &[u8], lower: bool) -> Option<u128> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    if b.len() > 16 {
        return None;
    }
    let (lo, hi) = if b.len() > 8 {
        (le_u64(&b[..8]), le_u64(&b[8..]))
    } else {
        (le_u64(b), 0)
    };
    if (lo | hi) & HIGH != 0 {
        return None;
    }
    let lc = |x: u64| {
        if !lower {
            return x;
        }
        // ASCII 'A'..='Z' set their high bit here; shifted it is the 0x20 that lowercases them.
        let upper = x.wrapping_add(0x3F3F_3F3F_3F3F_3F3F) & !x.wrapping_add(0x2525_2525_2525_2525) & HIGH;
        x | (upper >> 2)
    };
    Some(u128::from(lc(lo)) | (u128::from(lc(hi)) << 64))
}

/// The classes of a word, looked up exactly (the lists are lowercase ASCII).
fn class_of(w: &str) -> u8 {
    let b = w.as_bytes();
    if b.is_empty() || b.len() > 17 {
        // Longer than any listed word.
        return 0;
    }
    let map = class_map();
    match pack(b, false) {
        Some(k) => map.get(k, b.len()),
        None if b.len() > 16 => map.long.iter().find(|(x, _)| *x == w).map_or(0, |(_, c)| *c),
        // Not ASCII: never a listed word.
        None => 0,
    }
}

/// Whether a word is an office title after lowercasing (`lower_class`
/// with `class::OFFICE`); an ASCII word is first checked against the
/// lengths and first letters of the titles.
fn is_lower_office(s: &str) -> bool {
    let b = s.as_bytes();
    if let Some(&first) = b.first() {
        if first.is_ascii_alphabetic() && s.is_ascii() {
            let bit = 1u32 << ((first | 0x20) - b'a');
            if class_map().office_starts.get(b.len()).is_none_or(|&n| n & bit == 0) {
                return false;
            }
        }
    }
    lower_class(s) & class::OFFICE != 0
}

/// The classes of a word after lowercasing.
fn lower_class(s: &str) -> u8 {
    let b = s.as_bytes();
    let Some(&first) = b.first() else { return 0 };
    if first.is_ascii_alphabetic() && b.len() <= 16 {
        // No listed word of this length starts with this letter (every
        // listed word starts with an ASCII letter).
        let bit = 1u32 << ((first | 0x20) - b'a');
        if class_map().starts.get(b.len()).is_none_or(|&n| n & bit == 0) {
            return 0;
        }
    }
    if let Some(k) = pack(b, true) {
        return packed_class(k, b.len());
    }
    if b.len() > 17 && s.is_ascii() {
        return 0;
    }
    with_lower(s, class_of)
}

/// The classes of a word packed by `pack(_, true)` (`len` bytes, 1 to 16).
fn packed_class(k: u128, len: usize) -> u8 {
    let map = class_map();
    // `k` holds the lowercase ASCII bytes: its low byte is the first one.
    let first = (k as u8).wrapping_sub(b'a');
    if first >= 26 || map.starts.get(len).is_none_or(|&n| n & (1 << first) == 0) {
        return 0;
    }
    // The first two bytes (a packed word is zero-padded).
    let bit = pair_bit(k as u8, (k >> 8) as u8, len);
    if map.pairs.get(bit / 64).is_none_or(|&x| x & (1 << (bit % 64)) == 0) {
        return 0;
    }
    map.get(k, len)
}

/// Run `f` on the lowercase form of `s` (no allocation for short ASCII words).
fn with_lower<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    if s.len() <= buf.len() && s.is_ascii() {
        let b = &mut buf[..s.len()];
        b.copy_from_slice(s.as_bytes());
        b.make_ascii_lowercase();
        if let Ok(l) = std::str::from_utf8(b) {
            return f(l);
        }
    }
    f(&s.to_lowercase())
}

/// 64-bit hash of a word (the per-document word sets store hashes, not
/// strings): eight bytes at a time, each step a bijection, so words of up to
/// eight bytes never collide.
fn word_hash(w: &str) -> u64 {
    let b = w.as_bytes();
    let mut h = (b.len() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    for chunk in b.chunks(8) {
        h = mix(h ^ le_u64(chunk));
    }
    h
}

/// Up to eight bytes as a little-endian integer (zero-padded). Short
/// slices are read as two overlapping loads (no byte loop, no memcpy).
fn le_u64(c: &[u8]) -> u64 {
    let n = c.len();
    if let Some(b) = c.first_chunk::<8>() {
        return u64::from_le_bytes(*b);
    }
    if n >= 4 {
        let lo = c.first_chunk::<4>().map_or(0, |b| u32::from_le_bytes(*b));
        let hi = c.last_chunk::<4>().map_or(0, |b| u32::from_le_bytes(*b));
        // The overlapping bytes are equal in both loads.
        return u64::from(lo) | (u64::from(hi) << (8 * (n - 4)));
    }
    match c {
        [] => 0,
        [a, ..] => {
            let (m, z) = (c.get(n / 2).copied().unwrap_or(0), c.get(n - 1).copied().unwrap_or(0));
            u64::from(*a) | (u64::from(m) << (8 * (n / 2))) | (u64::from(z) << (8 * (n - 1)))
        }
    }
}

/// A bijective 64-bit mixer (multiply, xor-shift).
fn mix(x: u64) -> u64 {
    let x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    let x = x ^ (x >> 31);
    x.wrapping_mul(0x94D0_49BB_1331_11EB)
}

/// `word_hash` of a word without upper-case or non-ASCII bytes; `None` for
/// any other word (one pass over the bytes).
fn plain_hash(w: &str) -> Option<u64> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let b = w.as_bytes();
    let mut h = (b.len() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    for chunk in b.chunks(8) {
        let x = le_u64(chunk);
        if x & HIGH != 0 {
            return None;
        }
        // ASCII bytes from 'A' (0x41) to 'Z' (0x5a) set their high bit here.
        let upper = x.wrapping_add(0x3F3F_3F3F_3F3F_3F3F) & !x.wrapping_add(0x2525_2525_2525_2525) & HIGH;
        if upper != 0 {
            return None;
        }
        h = mix(h ^ x);
    }
    Some(h)
}

/// `word_hash` of the ASCII lowercase of ASCII bytes (lowercased eight bytes
/// at a time, no buffer).
fn lower_ascii_hash(b: &[u8]) -> u64 {
    let mut h = (b.len() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    for chunk in b.chunks(8) {
        let x = le_u64(chunk);
        // ASCII bytes from 'A' to 'Z' set their high bit here; shifted, it
        // becomes the 0x20 that lowercases them.
        let upper = x.wrapping_add(0x3F3F_3F3F_3F3F_3F3F) & !x.wrapping_add(0x2525_2525_2525_2525) & 0x8080_8080_8080_8080;
        h = mix(h ^ (x | (upper >> 2)));
    }
    h
}

/// The hash of a word of running text for the lowercase-word set: lowercased
/// when it has an upper-case letter ("iPhone"), else as written.
fn lower_hash(w: &str) -> u64 {
    if let Some(h) = plain_hash(w) {
        return h;
    }
    if w.is_ascii() {
        // Has an upper-case ASCII letter.
        return lower_ascii_hash(w.as_bytes());
    }
    if w.chars().any(char::is_uppercase) {
        with_lower(w, word_hash)
    } else {
        word_hash(w)
    }
}

/// A set of word hashes: open addressing with linear probing (0 marks an
/// empty slot; a zero hash is stored as 1).
#[derive(Clone, Debug, Default)]
struct WordSet {
    slots: Vec<u64>,
    len: usize,
}

impl WordSet {
    /// Empty the set, sized for about `n` words.
    fn reset(&mut self, n: usize) {
        let size = (2 * n).max(16).next_power_of_two();
        if self.slots.len() >= size && self.slots.len() <= 4 * size {
            self.slots.fill(0);
        } else {
            self.slots = vec![0; size];
        }
        self.len = 0;
    }

    fn slot(&self, h: u64) -> usize {
        // The table size is a power of two: take the top bits of a multiply.
        let bits = self.slots.len().trailing_zeros();
        (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits.max(1))) as usize
    }

    /// Add a hash; whether it was new.
    fn insert(&mut self, h: u64) -> bool {
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let h = h.max(1);
        let mask = self.slots.len() - 1;
        let mut i = self.slot(h);
        loop {
            match self.slots[i] {
                0 => {
                    self.slots[i] = h;
                    self.len += 1;
                    return true;
                }
                x if x == h => return false,
                _ => i = (i + 1) & mask,
            }
        }
    }

    fn contains(&self, h: u64) -> bool {
        if self.slots.is_empty() {
            return false;
        }
        let h = h.max(1);
        let mask = self.slots.len() - 1;
        let mut i = self.slot(h);
        loop {
            match self.slots[i] {
                0 => return false,
                x if x == h => return true,
                _ => i = (i + 1) & mask,
            }
        }
    }

    fn grow(&mut self) {
        let old = std::mem::take(&mut self.slots);
        self.slots = vec![0; (old.len() * 2).max(16)];
        self.len = 0;
        for h in old.into_iter().filter(|&h| h != 0) {
            self.insert(h);
        }
    }
}

/// Generational and regnal suffixes ("Jr", "II").
pub fn is_suffix(part: &str) -> bool {
    matches!(part.trim_end_matches('.'), "Jr" | "Sr" | "JR" | "SR") || is_roman_numeral(part)
}

/// An upper-case Roman numeral of at most five letters ("II", "XIV").
pub fn is_roman_numeral(w: &str) -> bool {
    !w.is_empty() && w.len() <= 5 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
}

/// Strip a possessive `'s` / `’s` (either case of the `s`; a bare trailing
/// apostrophe is left).
pub fn strip_possessive(w: &str) -> (&str, bool) {
    // Compared as bytes: "'s", "’s" (E2 80 99), either case of the "s".
    let stem = match w.as_bytes() {
        [rest @ .., b'\'', b's' | b'S'] if !rest.is_empty() => rest.len(),
        [rest @ .., 0xE2, 0x80, 0x99, b's' | b'S'] if !rest.is_empty() => rest.len(),
        _ => return (w, false),
    };
    match w.get(..stem) {
        Some(s) => (s, true),
        None => (w, false),
    }
}

/// `is_capitalised` of the prose at `span`, reading one byte when it is ASCII.
#[inline]
fn capitalised_at(doc: &Document, span: Span) -> bool {
    match doc.prose.as_bytes().get(span.start) {
        // (An empty or out-of-bounds span is not capitalised.)
        Some(b) if b.is_ascii() => b.is_ascii_uppercase() && span.end > span.start && span.end <= doc.prose.len(),
        _ => is_capitalised(doc.prose.get(span.range()).unwrap_or("")),
    }
}

fn is_capitalised(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        Some(_) => w.chars().next().is_some_and(char::is_uppercase),
        None => false,
    }
}

fn is_all_caps(w: &str) -> bool {
    // A lowercase ASCII letter anywhere settles it ("Park": the second byte).
    if w.as_bytes().get(1).is_some_and(u8::is_ascii_lowercase) {
        return false;
    }
    if w.is_ascii() {
        let mut letters = 0usize;
        for c in w.bytes() {
            if c.is_ascii_lowercase() {
                return false;
            }
            if c.is_ascii_uppercase() {
                letters += 1;
            }
        }
        return letters >= 2;
    }
    let mut letters = 0usize;
    for c in w.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

/// A piece that can continue a hyphenated name in lowercase ("Geun-hye").
fn lower_name_piece(w: &str) -> bool {
    if w.is_ascii() {
        // ASCII: the fold key is the lowercase letters and digits.
        if w.len() > 5 {
            return false;
        }
        let mut buf = [0u8; 5];
        let mut n = 0;
        for c in w.bytes().filter(u8::is_ascii_alphanumeric) {
            buf[n] = c.to_ascii_lowercase();
            n += 1;
        }
        let folded = std::str::from_utf8(&buf[..n]).unwrap_or("");
        return is_syllable(folded) && lower_class(w) & class::HYPHEN == 0;
    }
    with_lower(w, |lower| {
        lower.len() <= 5 && is_syllable(&fold_key(lower)) && class_of(lower) & class::HYPHEN == 0
    })
}

/// Whether `last` ends a three-syllable East Asian name after `a` and `b`
/// although it is an English function word: "Moon Jae In" (a spaced "Moon
/// Jae-in"). Only a two-letter syllable in "n" ("In", "An", "On", "Un")
/// after two one-syllable capitalised pieces: "Li Qiang To monitor" keeps
/// its stray "To"; and not before a word that a preposition takes (`next`:
/// "Wang Yi In the morning").
pub fn east_asian_tail(a: &str, b: &str, last: &str, next: Option<&str>) -> bool {
    let lb = last.as_bytes();
    let object = next.is_some_and(|w| {
        w.starts_with(|c: char| c.is_ascii_digit())
            || matches!(
                w,
                "the" | "a" | "an" | "his" | "her" | "their" | "its" | "this" | "that" | "these" | "those" | "our" | "my"
            )
    });
    lb.len() == 2 && lb[0].is_ascii_uppercase() && lb[1] == b'n' && !object && capitalised_syllable(a) && capitalised_syllable(b)
}

/// A capitalised ASCII word that is one romanised syllable ("Moon", "Jae").
fn capitalised_syllable(w: &str) -> bool {
    w.len() <= 5
        && w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && w.bytes().skip(1).all(|c| c.is_ascii_lowercase())
        && is_syllable(&w.to_ascii_lowercase())
}

/// The pieces of a form: split at spaces and hyphens.
pub fn pieces(form: &str) -> impl Iterator<Item = &str> {
    form.split([' ', '-', '\u{2010}', '\u{2011}']).filter(|p| !p.is_empty())
}

/// Whether a folded lowercase word is one romanised syllable of an East
/// Asian language ("park", "geun", "hye", "hui", "kwon", "minh", "nguyen").
pub fn is_syllable(w: &str) -> bool {
    let b = w.as_bytes();
    if b.is_empty() || b.len() > 6 {
        return false;
    }
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let mut i = 0;
    while i < b.len() && i < 3 && !vowel(b[i]) && b[i].is_ascii_lowercase() {
        i += 1;
    }
    let n0 = i;
    while i < b.len() && (vowel(b[i]) || (i > n0 && b[i] == b'y')) && i - n0 < 3 {
        i += 1;
    }
    if i == n0 {
        return false;
    }
    let rest = &w[i..];
    matches!(
        rest,
        "" | "n" | "ng" | "nh" | "ngh" | "m" | "l" | "k" | "p" | "t" | "h" | "r" | "c" | "ch" | "rk"
    )
}

/// Whether a folded word is one or two romanised syllables ("xiaoping").
pub fn is_one_or_two_syllables(w: &str) -> bool {
    is_syllable(w) || (1..w.len()).any(|i| w.is_char_boundary(i) && is_syllable(&w[..i]) && is_syllable(&w[i..]))
}

/// A looser East Asian shape: 2 to 4 pieces, a one-syllable surname of at
/// most five letters, given-name pieces of one or two syllables ("Li Keqiang").
pub fn east_asian_like<S: AsRef<str>>(pieces: &[S]) -> bool {
    (2..=4).contains(&pieces.len())
        && pieces.first().is_some_and(|s| s.as_ref().len() <= 5 && is_syllable(s.as_ref()))
        && pieces.iter().skip(1).all(|p| is_one_or_two_syllables(p.as_ref()))
}

/// Whether a name (its folded pieces) has the shape of a surname-first East
/// Asian name: 2 to 4 pieces, each one romanised syllable, a surname of at
/// most six letters ("Nguyen", "Zhuang").
pub fn east_asian_shape<S: AsRef<str>>(pieces: &[S]) -> bool {
    (2..=4).contains(&pieces.len())
        && pieces.first().is_some_and(|s| s.as_ref().len() <= 6)
        && pieces.iter().all(|p| is_syllable(p.as_ref()))
}

/// Fold key: lowercase, diacritics removed, only letters and digits kept.
pub fn fold_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Append the fold key of `s` to `out`.
fn fold_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        out.extend(
            s.bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
        return;
    }
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            match fold_char(c) {
                Some(f) => out.push_str(f),
                None => out.extend(c.to_lowercase()),
            }
        }
    }
}

/// ASCII letters for common accented Latin letters (lowercase).
pub fn fold_char(c: char) -> Option<&'static str> {
    let s = match c {
        'À'..='Å'
        | 'à'..='å'
        | 'Ā'
        | 'ā'
        | 'Ă'
        | 'ă'
        | 'Ą'
        | 'ą'
        | 'ǎ'
        | 'Ǎ'
        | 'ạ'
        | 'ả'
        | 'ấ'
        | 'ầ'
        | 'ẩ'
        | 'ẫ'
        | 'ậ'
        | 'ắ'
        | 'ằ'
        | 'ẳ'
        | 'ẵ'
        | 'ặ' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Č' | 'č' | 'Ĉ' | 'ĉ' | 'Ċ' | 'ċ' => "c",
        'Ð' | 'ð' | 'Ď' | 'ď' | 'Đ' | 'đ' => "d",
        'È'..='Ë'
        | 'è'..='ë'
        | 'Ē'
        | 'ē'
        | 'Ĕ'
        | 'ĕ'
        | 'Ė'
        | 'ė'
        | 'Ę'
        | 'ę'
        | 'Ě'
        | 'ě'
        | 'ẹ'
        | 'ẻ'
        | 'ẽ'
        | 'ế'
        | 'ề'
        | 'ể'
        | 'ễ'
        | 'ệ' => "e",
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ' | 'ĩ' | 'Ī' | 'ī' | 'Ĭ' | 'ĭ' | 'Į' | 'į' | 'İ' | 'ı' | 'ǐ' | 'ỉ' | 'ị' => "i",
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ň' | 'ň' | 'Ņ' | 'ņ' => "n",
        'Ò'..='Ö'
        | 'Ø'
        | 'ò'..='ö'
        | 'ø'
        | 'Ō'
        | 'ō'
        | 'Ŏ'
        | 'ŏ'
        | 'Ő'
        | 'ő'
        | 'ǒ'
        | 'ơ'
        | 'Ơ'
        | 'ọ'
        | 'ỏ'
        | 'ố'
        | 'ồ'
        | 'ổ'
        | 'ỗ'
        | 'ộ'
        | 'ớ'
        | 'ờ'
        | 'ở'
        | 'ỡ'
        | 'ợ' => "o",
        'Œ' | 'œ' => "oe",
        'Ù'..='Ü'
        | 'ù'..='ü'
        | 'Ũ'
        | 'ũ'
        | 'Ū'
        | 'ū'
        | 'Ŭ'
        | 'ŭ'
        | 'Ů'
        | 'ů'
        | 'Ű'
        | 'ű'
        | 'Ų'
        | 'ų'
        | 'ǔ'
        | 'ư'
        | 'Ư'
        | 'ụ'
        | 'ủ'
        | 'ứ'
        | 'ừ'
        | 'ử'
        | 'ữ'
        | 'ự' => "u",
        'Ý' | 'ý' | 'ÿ' | 'Ÿ' | 'ỳ' | 'ỵ' | 'ỷ' | 'ỹ' => "y",
        'ß' => "ss",
        'Ś' | 'ś' | 'Š' | 'š' | 'Ş' | 'ş' | 'Ŝ' | 'ŝ' | 'Ș' | 'ș' => "s",
        'Ţ' | 'ţ' | 'Ť' | 'ť' | 'Ț' | 'ț' | 'Þ' | 'þ' => "t",
        'Ź' | 'ź' | 'Ż' | 'ż' | 'Ž' | 'ž' => "z",
        'Ł' | 'ł' | 'Ľ' | 'ľ' | 'Ĺ' | 'ĺ' | 'Ļ' | 'ļ' => "l",
        'Ğ' | 'ğ' | 'Ĝ' | 'ĝ' | 'Ġ' | 'ġ' | 'Ģ' | 'ģ' => "g",
        'Ř' | 'ř' | 'Ŕ' | 'ŕ' => "r",
        'Ĥ' | 'ĥ' | 'Ħ' | 'ħ' => "h",
        'Ĵ' | 'ĵ' => "j",
        'Ķ' | 'ķ' => "k",
        'Ŵ' | 'ŵ' => "w",
        _ => return None,
    };
    Some(s)
}

/// Longest word (in chars) the similarity measures handle on the stack.
const SHORT: usize = 32;

/// The chars of a short string in a stack buffer (`None` when longer than `SHORT`).
fn short_chars(s: &str) -> Option<([char; SHORT], usize)> {
    let mut buf = ['\0'; SHORT];
    let mut n = 0;
    for c in s.chars() {
        *buf.get_mut(n)? = c;
        n += 1;
    }
    Some((buf, n))
}

/// Optimal-string-alignment edit distance (adjacent swaps count one) on chars.
pub fn edit_distance(a: &str, b: &str) -> usize {
    if let (Some((ab, n)), Some((bb, m))) = (short_chars(a), short_chars(b)) {
        return osa(&ab[..n], &bb[..m]);
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    osa(&a, &b)
}

/// OSA distance with three rolling rows (on the stack for short words).
fn osa(a: &[char], b: &[char]) -> usize {
    let m = b.len();
    if m <= SHORT {
        let mut rows = [[0usize; SHORT + 1]; 3];
        let [r0, r1, r2] = &mut rows;
        return osa_with(a, b, &mut r0[..=m], &mut r1[..=m], &mut r2[..=m]);
    }
    let (mut r0, mut r1, mut r2) = (vec![0; m + 1], vec![0; m + 1], vec![0; m + 1]);
    osa_with(a, b, &mut r0, &mut r1, &mut r2)
}

/// Rows `prev2` (i-2), `prev` (i-1) and `cur` (i), each `b.len() + 1` long.
fn osa_with<'r>(a: &[char], b: &[char], mut prev2: &'r mut [usize], mut prev: &'r mut [usize], mut cur: &'r mut [usize]) -> usize {
    let m = b.len();
    for (j, v) in prev.iter_mut().enumerate() {
        *v = j;
    }
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[m]
}

/// Jaro-Winkler similarity (prefix scale 0.1, prefix up to 4).
pub fn jaro_winkler(a: &str, b: &str) -> f64 {
    if let (Some((ab, n)), Some((bb, m))) = (short_chars(a), short_chars(b)) {
        return jaro_winkler_chars(&ab[..n], &bb[..m], &mut [false; SHORT], &mut [false; SHORT]);
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    jaro_winkler_chars(&a, &b, &mut vec![false; a.len()], &mut vec![false; b.len()])
}

/// `am` and `bm` are match flags, at least as long as `a` and `b`, all false.
fn jaro_winkler_chars(a: &[char], b: &[char], am: &mut [bool], bm: &mut [bool]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let window = (a.len().max(b.len()) / 2).saturating_sub(1);
    let mut matches = 0usize;
    for i in 0..a.len() {
        let lo = i.saturating_sub(window);
        let hi = (i + window + 1).min(b.len());
        for j in lo..hi {
            if !bm[j] && a[i] == b[j] {
                am[i] = true;
                bm[j] = true;
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }
    let (mut k, mut trans) = (0usize, 0usize);
    for i in 0..a.len() {
        if am[i] {
            while !bm[k] {
                k += 1;
            }
            if a[i] != b[k] {
                trans += 1;
            }
            k += 1;
        }
    }
    let m = matches as f64;
    let jaro = (m / a.len() as f64 + m / b.len() as f64 + (m - (trans / 2) as f64) / m) / 3.0;
    let prefix = a.iter().zip(b).take(4).take_while(|(x, y)| x == y).count() as f64;
    jaro + prefix * 0.1 * (1.0 - jaro)
}

/// Whether two words are the same stem with different English endings
/// ("Sudan"/"Sudanese", "Kenya"/"Kenyan", "Malta"/"Maltese").
pub fn morphological_pair(a: &str, b: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "", "a", "an", "n", "ns", "ans", "ian", "ians", "ese", "s", "es", "i", "is", "ish", "ic", "e", "y", "ia", "o", "ite", "ites", "er",
        "ers", "ist", "ists", "ism",
    ];
    let c = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let ta: String = a.chars().skip(c).collect();
    let tb: String = b.chars().skip(c).collect();
    c >= 3 && ENDINGS.contains(&ta.as_str()) && ENDINGS.contains(&tb.as_str())
}

/// One part of a chain under construction.
#[derive(Clone, Copy, Debug)]
struct Part {
    span: Span,
    particle: bool,
    possessive: bool,
    /// Classes of the part's lowercase text (trailing periods trimmed).
    cls: u8,
    /// Hash of that lowercase text (set for the first two parts in pass 2).
    lower_hash: u64,
    /// Made of one word token (so without spaces and hyphens).
    one_token: bool,
    /// For a short ASCII part: the hash and signature bit of its lowercase
    /// text, computed with its classes.
    hashed: Option<(u64, usize)>,
}

impl Part {
    fn new(doc: &Document, span: Span, particle: bool, possessive: bool) -> Part {
        // Short ASCII text (the common case): classes and hash from the
        // bytes. A span off char boundaries has a non-ASCII byte at an end,
        // so it takes the general path, as do longer and non-ASCII parts.
        let bytes = doc.prose.as_bytes().get(span.range()).unwrap_or(&[]);
        let mut n = bytes.len();
        while n > 0 && bytes.get(n - 1) == Some(&b'.') {
            n -= 1;
        }
        let trimmed = bytes.get(..n).unwrap_or(&[]);
        let (cls, hashed) = match (!trimmed.is_empty()).then(|| pack(trimmed, true)).flatten() {
            Some(k) => packed_class_hash(k, trimmed),
            None => lower_class_hash(doc.prose.get(span.range()).map_or("", |s| s.trim_end_matches('.'))),
        };
        Part {
            span,
            particle,
            possessive,
            cls,
            lower_hash: 0,
            one_token: false,
            hashed,
        }
    }
}

/// `lower_class` of a word and, for ASCII words of up to 16 bytes, the
/// `lower_ascii_hash` and `ascii_sig` of it (from the same packed bytes).
fn lower_class_hash(s: &str) -> (u8, Option<(u64, usize)>) {
    let b = s.as_bytes();
    let Some(k) = (!b.is_empty()).then(|| pack(b, true)).flatten() else {
        return (lower_class(s), None);
    };
    packed_class_hash(k, b)
}

/// `lower_class_hash` of a word packed by `pack(b, true)` (`b` of 1 to 16 bytes).
fn packed_class_hash(k: u128, b: &[u8]) -> (u8, Option<(u64, usize)>) {
    let len = b.len();
    let (lo, hi) = (k as u64, (k >> 64) as u64);
    let mut h = (len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    h = mix(h ^ lo);
    if len > 8 {
        h = mix(h ^ hi);
    }
    // (The signature bit reads five low bits, the same in both cases.)
    let last = b.last().copied().unwrap_or(0);
    let bit = sig_bit(len, lo as u8, last);
    (packed_class(k, len), Some((h, bit)))
}

/// Whether a block reads as a headline: a heading, a shouted block (most of
/// its `words` in capitals), or a headline-like or title-case line without
/// terminal punctuation.
fn block_headline(doc: &Document, block: &Block, words: usize, caps: usize) -> bool {
    if matches!(block.scope, super::Scope::Heading(_)) {
        return true;
    }
    // A block in capitals (a shouted headline) is all headline.
    let shouting = words >= 3 && caps * 10 >= words * 6;
    if shouting {
        return true;
    }
    if !(block.heading_like || block.title_case) {
        return false;
    }
    let raw = doc.prose.get(block.span.range()).unwrap_or("").trim_end();
    let terminal = raw.ends_with(['.', '!', '?', ';', '"', '\u{201d}', ')']) && !raw.ends_with("..") && !raw.ends_with('\u{2026}');
    !terminal
}

/// Words that end a sentence before a capital (so the capital is no evidence).
fn opens_sentence(doc: &Document, toks: &[super::Token], i: usize) -> bool {
    let mut j = i;
    while j > 0 {
        j -= 1;
        let t = &toks[j];
        match t.kind {
            TokenKind::Space => continue,
            TokenKind::Newline => return true,
            TokenKind::Punct => {
                // Compared as bytes: '.', '!', '?', ':', ';', '“', '"', '‘',
                // '(', '[', '—', '–', '-', '•', '|', '*', '#', '>'; and '\'',
                // '’', '”', ')' after '.', '!' or '?'.
                let bytes = |t: &super::Token| doc.prose.as_bytes().get(t.span.range()).unwrap_or(&[]);
                return matches!(
                    bytes(t),
                    [b'.' | b'!' | b'?' | b':' | b';' | b'"' | b'(' | b'[' | b'-' | b'|' | b'*' | b'#' | b'>']
                        | [0xE2, 0x80, 0x9C | 0x98 | 0x94 | 0x93 | 0xA2]
                ) || (matches!(bytes(t), [b'\'' | b')'] | [0xE2, 0x80, 0x99 | 0x9D])
                    && j > 0
                    && matches!(toks.get(j - 1).map(bytes), Some([b'.' | b'!' | b'?'])));
            }
            TokenKind::Word => {
                // Glued sentences: "reported.Upon".
                return false;
            }
            TokenKind::Number => return false,
        }
    }
    true
}

/// Find the chains of one block and push their mentions.
fn chains(doc: &Document, bi: usize, block: &Block, headline: bool, capitals: std::ops::Range<usize>, s: &mut Scratch) {
    let parts = &mut s.parts;
    let toks = doc.block_tokens(block);
    let text = |i: usize| -> &str { toks.get(i).map_or("", |tk| &doc.prose[tk.span.range()]) };
    let kind = |i: usize| toks.get(i).map(|tk| tk.kind);
    // '-', '‐' or '‑'.
    let is_hyphen = |i: usize| {
        toks.get(i).is_some_and(|tk| {
            tk.kind == TokenKind::Punct
                && match doc.prose.as_bytes().get(tk.span.start) {
                    Some(b'-') => tk.span.len() == 1,
                    Some(0xE2) => matches!(doc.prose.as_bytes().get(tk.span.range()), Some([0xE2, 0x80, 0x90 | 0x91])),
                    _ => false,
                }
        })
    };
    let is_space = |i: usize| kind(i) == Some(TokenKind::Space);
    let cap_word = |i: usize| {
        toks.get(i)
            .is_some_and(|tk| tk.kind == TokenKind::Word && capitalised_at(doc, tk.span))
    };
    // The token's bytes are `b`.
    let bytes_are = |i: usize, b: &[u8]| toks.get(i).is_some_and(|tk| doc.prose.as_bytes().get(tk.span.range()) == Some(b));
    // A particle joined by a hyphen to a capitalised word ("al-Assad").
    let particle_start = |i: usize| {
        kind(i) == Some(TokenKind::Word)
            && is_hyphen(i + 1)
            && cap_word(i + 2)
            && class_of(text(i)) & class::PARTICLE != 0
            && (i == 0 || !matches!(kind(i - 1), Some(TokenKind::Word)))
    };

    // The capitalised words of the block (`capitals`, a range of
    // `s.capitals`): a chain starts at one of them, or at a particle joined
    // to one.
    let base = block.tokens.start;
    let caps = s.capitals.get(capitals).unwrap_or(&[]);
    // Tokens before `pos` are taken by earlier chains.
    let mut pos = 0usize;
    for &c in caps {
        let c = (c as usize).saturating_sub(base);
        if c < pos {
            continue;
        }
        let i = if c >= pos + 2 && particle_start(c - 2) { c - 2 } else { c };
        let chain_start = i;
        // After a lowercase prefix and a hyphen ("anti-Taliban Afghan
        // groups", "pro-Beijing Hong Kong lawmakers") the word is half of a
        // compound: it does not join the capitalised words after it.
        let after_prefix =
            i >= 2 && is_hyphen(i - 1) && kind(i - 2) == Some(TokenKind::Word) && text(i - 2).starts_with(|c: char| c.is_lowercase());
        parts.clear();
        let mut j = i;
        loop {
            // One part: a word plus hyphen-joined pieces.
            let p_start = toks[j].span.start;
            let mut p_end_tok = j;
            let mut k = j;
            while is_hyphen(k + 1) && kind(k + 2) == Some(TokenKind::Word) {
                let piece = text(k + 2);
                let (piece_core, _) = strip_possessive(piece);
                // ("Moon Jae-in": a syllable in "n" that is also an English
                // word, after two capitalised syllables.)
                let tail_syllable = || {
                    k == j
                        && matches!(piece_core, "in" | "an" | "on" | "un")
                        && capitalised_syllable(text(k))
                        && parts
                            .last()
                            .is_some_and(|p: &Part| doc.prose.get(p.span.range()).is_some_and(capitalised_syllable))
                };
                let ok = is_capitalised(piece)
                    || (lower_name_piece(piece_core) && is_capitalised(text(k)) && !is_all_caps(text(k)))
                    || tail_syllable()
                    || (class_of(text(k)) & class::PARTICLE != 0 && k == j);
                if !ok {
                    break;
                }
                k += 2;
                p_end_tok = k;
                if strip_possessive(piece).1 {
                    break;
                }
            }
            let last = toks[p_end_tok].span;
            // The possessive ("'s", "’s") stripped, as `strip_possessive`
            // does, on the bytes: the core is `last.start..p_end`.
            let (core_len, mut possessive) = match doc.prose.as_bytes().get(last.range()).unwrap_or(&[]) {
                [rest @ .., b'\'', b's' | b'S'] | [rest @ .., 0xE2, 0x80, 0x99, b's' | b'S'] if !rest.is_empty() => (rest.len(), true),
                bytes => (bytes.len(), false),
            };
            let mut p_end = last.start + core_len;
            let core_ends_in_s = p_end > last.start && doc.prose.as_bytes().get(p_end - 1) == Some(&b's');
            // Bare apostrophe possessive: "Higgins' ".
            if !possessive
                && core_ends_in_s
                && (bytes_are(p_end_tok + 1, b"'") || bytes_are(p_end_tok + 1, "\u{2019}".as_bytes()))
                && !matches!(kind(p_end_tok + 2), Some(TokenKind::Word))
            {
                possessive = true;
            }
            // Initials and abbreviations keep their period: "J. R.", "Dr.".
            let mut next = p_end_tok + 1;
            let single = p_start == toks[j].span.start && p_end_tok == j;
            if !possessive && single && is_space(next + 1) && bytes_are(next, b".") && cap_word(next + 2) {
                let w = text(j);
                let initial = w.chars().count() == 1 && is_capitalised(w);
                let abbrev = lower_class(w) & class::LEADING != 0 || matches!(w, "St" | "Mt" | "Ft");
                if initial || abbrev {
                    p_end = toks[next].span.end;
                    next += 1;
                }
            }
            // One space, then a capitalised word.
            let joins_next = is_space(next) && cap_word(next + 1);
            // Lost apostrophe: "Parks Office" when "Park" is a name here.
            if !possessive && p_end_tok == j && joins_next && core_ends_in_s {
                // (The core without its final "s": `p_end` may have taken a period.)
                if let Some(stem) = doc.prose.get(last.start..last.start + core_len - 1) {
                    if stem.chars().count() >= 3 && !stem.ends_with('s') && is_capital_word(doc, &s.capitals, stem) {
                        possessive = true;
                        p_end -= 1;
                    }
                }
            }
            // (A particle joined to a capitalised word is a name part:
            // "al-Assad".)
            let particle = p_end_tok == j
                && !capitalised_at(doc, Span::new(p_start, p_end))
                && !toks.get(j).is_some_and(|tk| capitalised_at(doc, tk.span));
            parts.push(Part {
                one_token: p_end_tok == j,
                ..Part::new(doc, Span::new(p_start, p_end), particle, possessive)
            });
            if possessive {
                j = next;
                break;
            }
            // Continue over one space to a capitalised word, or over a
            // particle ("bin", "de") to a capitalised word, or across "of"
            // inside a title ("Minister of Foreign Affairs").
            // (Or to a particle joined to a capitalised word: "Bashar al-Assad".)
            // (A title still does: "then-Prime Minister Ana Lopes".)
            let compound_half = after_prefix
                && parts.len() == 1
                && parts
                    .last()
                    .is_some_and(|p| p.cls & (class::OFFICE | class::LEADING | class::PORTFOLIO) == 0);
            if (joins_next || (is_space(next) && particle_start(next + 1))) && !compound_half {
                j = next + 1;
                continue;
            }
            if is_space(next) && kind(next + 1) == Some(TokenKind::Word) && is_space(next + 2) && !parts.is_empty() {
                let w = text(next + 1);
                let in_title = (w == "of" || w == "for")
                    && parts
                        .iter()
                        .all(|p| p.cls & (class::OFFICE | class::LEADING | class::PORTFOLIO) != 0);
                let particle = |k: usize| kind(k) == Some(TokenKind::Word) && class_of(text(k)) & class::PARTICLE != 0;
                // One to three particles: "bin", "von der", "de la". (The
                // capital after them is the cheap test, first.)
                let n = if cap_word(next + 3) {
                    1
                } else if is_space(next + 4) && cap_word(next + 5) {
                    2
                } else if is_space(next + 4) && is_space(next + 6) && cap_word(next + 7) {
                    3
                } else {
                    0
                };
                let all_particles = n > 0 && (0..n).all(|k| particle(next + 1 + 2 * k));
                if all_particles || (n == 1 && in_title) {
                    for k in 0..n {
                        parts.push(Part::new(doc, toks[next + 1 + 2 * k].span, true, false));
                    }
                    j = next + 1 + 2 * n;
                    continue;
                }
            }
            j = next;
            break;
        }
        // Trailing particles are not part of the name.
        while parts.last().is_some_and(|p| p.particle) {
            parts.pop();
        }
        let end_tok = j;
        // A lone opener or calendar word ("The", "But", "Monday") never
        // yields a mention (see `push_mention`): skip it here, before its
        // lowercase forms are asked about. The lowercase pieces the name lints
        // ask about are pieces of mentions, which their own chains ask.
        let lone_common = matches!(parts.as_slice(), [p] if p.cls & (class::OPENER | class::CALENDAR) != 0);
        if !parts.is_empty() && !lone_common {
            let start = s.cand_parts.len();
            s.cand_parts.extend_from_slice(parts);
            s.cands.push(Cand {
                parts: Slot::new(start, s.cand_parts.len()),
                block: u32::try_from(bi).unwrap_or(u32::MAX),
                chain_start: u32::try_from(chain_start).unwrap_or(u32::MAX),
                end_tok: u32::try_from(end_tok).unwrap_or(u32::MAX),
                headline,
            });
        }
        pos = end_tok.max(i + 1);
    }
}

/// Where a chain stands.
struct ChainCx<'a> {
    doc: &'a Document,
    bi: usize,
    headline: bool,
    /// Lowercase words of the document.
    lower: &'a WordSet,
    toks: &'a [super::Token],
    chain_start: usize,
    end_tok: usize,
}

/// Push the mention of a chain, if any: `parts` are the chain's parts, of
/// which openers, titles and particles are trimmed (as a window on the slice).
fn push_mention(cx: &ChainCx, parts: &[Part], work: &mut Work) {
    let (doc, toks, chain_start) = (cx.doc, cx.toks, cx.chain_start);
    let mut parts = parts;
    if parts.is_empty() {
        return;
    }
    let prose = |p: &Part| doc.prose.get(p.span.range()).unwrap_or("");
    let raw = |p: &Part| prose(p).trim_end_matches('.');
    let mut initial = opens_sentence(doc, toks, chain_start);
    let dateline = chain_start == 0 && parts.iter().all(|p| is_all_caps(prose(p)) || p.particle);

    // A sentence opener that is a common word is not part of the name. (A
    // particle is, when the document writes it in lowercase in a name:
    // "Al Harthy told" beside "al-Harthy".)
    if initial {
        let c = parts[0].cls;
        let lower = || cx.lower.contains(parts[0].lower_hash);
        if c & class::OPENER != 0 || (parts.len() >= 2 && c & (class::LEADING | class::PARTICLE) == 0 && lower()) {
            parts = parts.get(1..).unwrap_or(&[]);
            initial = false;
        } else if parts.len() == 1 && lower() {
            return;
        }
    }
    // Weekdays, months and stray capitalised function words do not end a
    // name: "Park Geun Hye Tuesday", "Li Keqiang To".
    while parts.len() >= 2 && parts.last().is_some_and(|p| p.cls & (class::OPENER | class::CALENDAR) != 0) {
        // ("Moon Jae In": a syllable of the name.)
        if let [.., a, b, last] = parts {
            let next = toks
                .get(cx.end_tok)
                .filter(|t| t.kind == TokenKind::Space)
                .and(toks.get(cx.end_tok + 1))
                .filter(|t| t.kind == TokenKind::Word)
                .and_then(|t| doc.prose.get(t.span.range()));
            if last.cls & class::CALENDAR == 0 && east_asian_tail(prose(a), prose(b), prose(last), next) {
                break;
            }
        }
        parts = parts.get(..parts.len() - 1).unwrap_or(&[]);
    }
    // A lone capitalised common word is a stray capital, not a name.
    match parts {
        [] => return,
        [p] if p.cls & (class::OPENER | class::CALENDAR) != 0 || cx.lower.contains(p.lower_hash) => return,
        _ => {}
    }

    // Titles: modifiers, then office titles and portfolio words
    // ("French President", "Minister of Foreign Affairs", "Dr.").
    let mut title_end: Option<usize> = None; // index of the last title part
    {
        let mut k = 0;
        // Leading titles open the chain.
        while k < parts.len() && parts[k].cls & class::LEADING != 0 {
            title_end = Some(k);
            k += 1;
        }
        if title_end.is_none() {
            // Up to three modifiers before an office title.
            // A rank after its modifiers opens the name too ("Saudi Crown
            // Prince", "Jordanian King").
            let first_office = parts.iter().take(4).enumerate().position(|(i, p)| {
                p.cls & class::OFFICE != 0
                    || (i > 0 && p.cls & class::LEADING != 0 && with_lower(raw(p), is_rank))
                    || (!p.one_token
                        && doc.prose.as_bytes().get(p.span.range()).is_some_and(|b| b.contains(&b'-'))
                        && with_lower(raw(p), |w| w.split('-').all(|s| class_of(s) & class::OFFICE != 0)))
            });
            if let Some(o) = first_office {
                title_end = Some(o);
                k = o + 1;
            }
        }
        if title_end.is_some() {
            while k < parts.len() {
                // ("Foreign Minister Prince Faisal": a rank after the office.)
                let rank = parts[k].cls & class::LEADING != 0 && with_lower(raw(&parts[k]), is_rank);
                if parts[k].cls & (class::OFFICE | class::PORTFOLIO) != 0 || parts[k].particle || rank {
                    title_end = Some(k);
                    k += 1;
                } else {
                    break;
                }
            }
        }
    }
    let mut title: Option<Span> = None;
    if let Some(te) = title_end {
        let rest = parts.get(te + 1..).unwrap_or(&[]);
        let has_name = rest.iter().any(|p| !p.particle && !is_suffix(prose(p)));
        if has_name {
            title = Some(Span::new(parts[0].span.start, parts[te].span.end));
            parts = parts.get(te + 1..).unwrap_or(&[]);
            initial = false;
        }
    }
    let lead = parts
        .iter()
        .take_while(|p| p.particle && !prose(p).contains(['-', '\u{2010}']))
        .count();
    parts = parts.get(lead..).unwrap_or(&[]);
    if parts.is_empty() {
        return;
    }
    // A lowercase title just before the chain: "leader Park Geun Hye".
    if title.is_none() && chain_start >= 2 && toks[chain_start - 1].kind == TokenKind::Space {
        let prev = &toks[chain_start - 2];
        if prev.kind == TokenKind::Word && is_lower_office(doc.prose.get(prev.span.range()).unwrap_or("")) {
            title = Some(prev.span);
        }
    }
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
        return;
    };
    let span = Span::new(first.span.start, last.span.end);
    let possessive = last.possessive;
    let text = doc.source.text.as_str();

    // The form: its key and pieces are folded once per distinct form. A
    // one-part form is the part's text itself.
    let form = match parts {
        [p] => work.form_id(text.get(p.span.range()).unwrap_or(""), text, parts),
        _ => {
            let mut form = std::mem::take(&mut work.form);
            form.clear();
            for (n, p) in parts.iter().enumerate() {
                if n > 0 {
                    form.push(' ');
                }
                form.push_str(text.get(p.span.range()).unwrap_or(""));
            }
            let id = work.form_id(&form, text, parts);
            work.form = form;
            id
        }
    };
    let Some(form) = form else {
        return;
    };
    let t = &mut work.table;
    let f = t.forms.get(form as usize).copied().unwrap_or_default();
    let title_text = match title {
        Some(ts) => {
            let start = t.strings.len();
            t.strings.push_str(doc.text(ts));
            start
        }
        None => 0,
    };
    let parts_start = t.part_spans.len();
    t.part_spans.extend(parts.iter().map(|p| p.span));
    // (A lowercase ASCII second byte settles it, as in `is_all_caps`.)
    let lower_second = |p: &Part| p.span.len() >= 2 && doc.prose.as_bytes().get(p.span.start + 1).is_some_and(u8::is_ascii_lowercase);
    let all_caps = parts.iter().all(|p| p.particle || (!lower_second(p) && is_all_caps(prose(p))));
    let next_lower = toks.get(cx.end_tok).is_some_and(|tk| tk.kind == TokenKind::Space)
        && toks.get(cx.end_tok + 1).is_some_and(|tk| {
            tk.kind == TokenKind::Word
                && match doc.prose.as_bytes().get(tk.span.start) {
                    Some(b) if b.is_ascii() && tk.span.end > tk.span.start && tk.span.end <= doc.prose.len() => b.is_ascii_lowercase(),
                    _ => doc
                        .prose
                        .get(tk.span.range())
                        .and_then(|s| s.chars().next())
                        .is_some_and(char::is_lowercase),
                }
        });
    t.mentions.push(Mention {
        span,
        parts: Slot::new(parts_start, t.part_spans.len()),
        form,
        block: u32::try_from(cx.bi).unwrap_or(u32::MAX),
        title: title.map_or(Slot::default(), |ts| Slot::new(ts.start, ts.end)),
        title_text: u32::try_from(title_text).unwrap_or(u32::MAX),
        n_pieces: u16::try_from(f.pieces.len()).unwrap_or(u16::MAX),
        has_title: title.is_some(),
        compound: f.compound,
        possessive,
        initial,
        headline: cx.headline,
        all_caps,
        dateline,
        next_lower,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{FileKind, SourceFile};

    fn table(text: &str) -> (Document, Vec<String>) {
        let d = Document::parse(0, SourceFile::new("t.txt", text, FileKind::Plain), None);
        let n = d.names();
        let forms = n.mentions.iter().map(|m| n.form(m).to_string()).collect();
        (d, forms)
    }

    #[test]
    fn chains_over_several_particles() {
        let (_, forms) = table("Chancellor Olaf Scholz met Ursula von der Leyen and Rafael de la Fuente on Monday.");
        assert_eq!(forms, vec!["Olaf Scholz", "Ursula von der Leyen", "Rafael de la Fuente"]);
    }

    #[test]
    fn a_particle_opening_a_sentence_stays_in_the_name() {
        let (_, forms) = table("Minister Samir al-Hadi spoke.\n\n\"We waited,\" Al Hadi told reporters. Later Ana Lopes left.");
        assert_eq!(forms, vec!["Samir al-Hadi", "Al Hadi", "Ana Lopes"]);
    }

    #[test]
    fn a_word_after_a_prefix_and_hyphen_starts_no_chain_onward() {
        let (_, forms) = table("Later the anti-Tarsk Kordani groups and pro-Velm Ostra Bay lawmakers met then-Prime Minister Ana Lopes.");
        assert_eq!(forms, vec!["Tarsk", "Kordani", "Velm", "Ostra Bay", "Ana Lopes"]);
    }

    #[test]
    fn particle_joined_by_hyphen_stays_in_the_name() {
        let (_, forms) = table("Then al-Hadi returned home. Samir al-Hadi was there, and Nabil el-Hadi spoke to President al-Hadi.");
        assert_eq!(forms, vec!["al-Hadi", "Samir al-Hadi", "Nabil el-Hadi", "al-Hadi"]);
        let (d, _) = table("Later President al-Hadi spoke.");
        assert_eq!(d.text(d.names().mentions[0].title().unwrap()), "President");
        assert!(!d.names().mentions[0].all_caps);
    }

    #[test]
    fn chains_titles_particles_possessives() {
        let (d, forms) = table(
            "Inner Mongolian leader Ryu Sung-min met French President Emmanuel Macron and Mohammed bin Salman in Charles de Gaulle's city.",
        );
        assert_eq!(
            forms,
            vec![
                "Inner Mongolian",
                "Ryu Sung-min",
                "Emmanuel Macron",
                "Mohammed bin Salman",
                "Charles de Gaulle"
            ]
        );
        let n = d.names();
        assert_eq!(d.text(n.mentions[1].title().unwrap()), "leader");
        assert_eq!(d.text(n.mentions[2].title().unwrap()), "French President");
        assert!(n.mentions[4].possessive);
    }

    #[test]
    fn east_asian_name_ending_in_a_function_word() {
        let (_, forms) = table("President Moon Jae-in spoke. Later Moon Jae In left, and Li Qiang To monitor it came.");
        assert_eq!(forms, vec!["Moon Jae-in", "Moon Jae In", "Li Qiang"]);
        let (_, forms) = table("He said Wang Yi In the morning left.");
        assert_eq!(forms, vec!["Wang Yi"]);
    }

    #[test]
    fn title_with_portfolio() {
        let (d, forms) = table("He met the Minister of Foreign Affairs Pak Chol Su and Secretary of State Antony Blinken on Monday.");
        assert_eq!(forms, vec!["Pak Chol Su", "Antony Blinken"]);
        assert_eq!(d.text(d.names().mentions[0].title().unwrap()), "Minister of Foreign Affairs");
    }

    #[test]
    fn rank_after_modifiers_is_a_title() {
        let (d, forms) = table("The Qatari Crown Prince Hamad bin Tamim met Foreign Minister Prince Ali Reza. Erik Prince spoke.");
        assert_eq!(forms, vec!["Hamad bin Tamim", "Ali Reza", "Erik Prince"]);
        assert_eq!(d.text(d.names().mentions[0].title().unwrap()), "Qatari Crown Prince");
        assert_eq!(d.text(d.names().mentions[1].title().unwrap()), "Foreign Minister Prince");
    }

    #[test]
    fn regnal_and_compound_names_keep_their_parts() {
        let (_, forms) = table("We saw Martin Luther King and John Paul II with Boutros Boutros-Ghali and visited Baden-Baden.");
        assert_eq!(
            forms,
            vec!["Martin Luther King", "John Paul II", "Boutros Boutros-Ghali", "Baden-Baden"]
        );
    }

    #[test]
    fn openers_and_suffix_words() {
        let (_, forms) = table("The White House said the US-led talks went well. But Tanaka spoke. It rained in Osaka.");
        assert_eq!(forms, vec!["White House", "US", "Tanaka", "Osaka"]);
    }

    #[test]
    fn lost_apostrophe_possessive_and_dateline() {
        let (d, forms) = table("NEW DELHI (AP) Ryu said. Ryus Train left for Canadas Reuters office.\nCanada is big.");
        assert_eq!(forms, vec!["NEW DELHI", "AP", "Ryu", "Ryu", "Train", "Canada", "Reuters", "Canada"]);
        assert!(d.names().mentions[3].possessive);
        assert!(d.names().mentions[0].dateline);
    }

    #[test]
    fn short_forms_refer_to_full_names() {
        let (d, _) = table("Ryu Sung Min arrived. Later Ryu left, and Olaf Scholz spoke. Scholz smiled.");
        let n = d.names();
        let ryu = n.mentions.iter().position(|m| n.form(m) == "Ryu").unwrap();
        let scholz = n.mentions.iter().position(|m| n.form(m) == "Scholz").unwrap();
        assert_eq!(n.entities()[n.resolve(ryu).unwrap()].canonical, "Ryu Sung Min");
        assert_eq!(n.entities()[n.resolve(scholz).unwrap()].canonical, "Olaf Scholz");
    }

    #[test]
    fn entities_group_by_fold_key() {
        let (d, _) = table("Ryu Sung Min came. Then Ryu Sung-min left. Ryu Sung Min again.");
        let n = d.names();
        let e = n.entity("ryusungmin").unwrap();
        assert_eq!(e.canonical, "Ryu Sung Min");
        assert_eq!(e.forms.len(), 2);
    }

    #[test]
    fn similarity_helpers() {
        assert_eq!(edit_distance("malawee", "malawi"), 2);
        assert_eq!(edit_distance("ab", "ba"), 1);
        assert!(jaro_winkler("phamminhthanh", "phamminhtrinh") > 0.9);
        assert!(jaro_winkler("abc", "xyz") < 0.1);
        assert!(morphological_pair("nepal", "nepalese"));
        assert!(morphological_pair("malta", "maltese"));
        assert!(!morphological_pair("malawee", "malawi"));
    }

    #[test]
    fn piece_spans_split_hyphens() {
        let text = "Leader Ryu Sung-min left.";
        let d = Document::parse(0, SourceFile::new("t.txt", text, FileKind::Plain), None);
        let n = d.names();
        let m = &n.mentions[0];
        let p: Vec<&str> = n.piece_spans(m, text).iter().map(|s| &text[s.range()]).collect();
        assert_eq!(p, vec!["Ryu", "Sung", "min"]);
    }

    #[test]
    fn word_hashes_agree() {
        for n in 0..=8usize {
            let b: Vec<u8> = (0..n as u8).map(|i| b'a' + i).collect();
            let mut buf = [0u8; 8];
            buf[..n].copy_from_slice(&b);
            assert_eq!(le_u64(&b), u64::from_le_bytes(buf), "{n}");
        }
        for w in ["a", "park", "geunhye", "internationally", "x-y", "o'neill", "seventeen-letters"] {
            assert_eq!(plain_hash(w), Some(word_hash(w)), "{w}");
            let upper = w.to_uppercase();
            assert_eq!(plain_hash(&upper), None, "{w}");
            assert_eq!(lower_ascii_hash(upper.as_bytes()), word_hash(w), "{w}");
            assert_eq!(lower_hash(&upper), word_hash(w), "{w}");
            assert_eq!(lower_hash(w), word_hash(w), "{w}");
        }
        // Non-ASCII: lowercased only when it has an upper-case letter.
        assert_eq!(lower_hash("Đặng"), word_hash("đặng"));
        for w in [
            "A",
            "Ab",
            "Abc",
            "Park",
            "Geun-hye",
            "ABCDEFGH",
            "Abcdefghi",
            "ABCDEFGHIJKLMNOP",
            "al",
        ] {
            let (_, hb) = lower_class_hash(w);
            assert_eq!(hb, Some((lower_ascii_hash(w.as_bytes()), ascii_sig(w.as_bytes()))), "{w}");
        }
        assert_eq!(lower_class_hash("ABCDEFGHIJKLMNOPQ").1, None);
        assert_eq!(lower_hash("đặng"), word_hash("đặng"));
        assert_eq!(plain_hash("đặng"), None);
        assert_ne!(word_hash("ab"), word_hash("ba"));
    }

    #[test]
    fn word_set_grows_and_resets() {
        let mut set = WordSet::default();
        assert!(!set.contains(word_hash("x")));
        for i in 1..1000u64 {
            assert!(set.insert(i * 7919));
            assert!(!set.insert(i * 7919));
        }
        assert!((1..1000u64).all(|i| set.contains(i * 7919)));
        assert!(!set.contains(3));
        // Zero is stored (as 1).
        assert!(set.insert(0));
        assert!(set.contains(0));
        set.reset(10);
        assert!(!set.contains(7919));
        assert_eq!(set.len, 0);
    }

    #[test]
    fn word_classes_match_the_lists() {
        let naive = |w: &str| -> u8 {
            let mut c = 0;
            for &(list, bit) in CLASS_LISTS {
                if list.contains(&w) {
                    c |= bit;
                }
            }
            c
        };
        let lists = [PARTICLES, OFFICE_TITLES, LEADING_TITLES, PORTFOLIO, OPENERS, CALENDAR, HYPHEN_WORDS];
        for w in lists.iter().flat_map(|l| l.iter()) {
            assert_eq!(class_of(w), naive(w), "{w}");
            assert_eq!(lower_class(w), naive(w), "{w}");
            let upper = w.to_uppercase();
            assert_eq!(lower_class(&upper), naive(w), "{upper}");
            assert_eq!(is_lower_office(w), naive(w) & class::OFFICE != 0, "{w}");
            assert_eq!(is_lower_office(&upper), naive(w) & class::OFFICE != 0, "{upper}");
            assert_eq!(class_of(&upper), 0, "{upper}");
            assert_eq!(class_of(&format!("{w}x")), naive(&format!("{w}x")), "{w}x");
        }
        for w in [
            "",
            "Park",
            "the\0",
            "presidents",
            "secretary-generals",
            "Ünion",
            "Secretary-General",
            "İn",
        ] {
            assert_eq!(class_of(w), naive(w), "{w}");
            assert_eq!(lower_class(w), naive(&w.to_lowercase()), "{w}");
        }
    }

    #[test]
    fn similarity_short_and_long_paths_agree() {
        let naive_osa = |a: &str, b: &str| -> usize {
            let a: Vec<char> = a.chars().collect();
            let b: Vec<char> = b.chars().collect();
            let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
            for (i, row) in d.iter_mut().enumerate() {
                row[0] = i;
            }
            for (j, v) in d[0].iter_mut().enumerate() {
                *v = j;
            }
            for i in 1..=a.len() {
                for j in 1..=b.len() {
                    let cost = usize::from(a[i - 1] != b[j - 1]);
                    let mut v = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
                    if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                        v = v.min(d[i - 2][j - 2] + 1);
                    }
                    d[i][j] = v;
                }
            }
            d[a.len()][b.len()]
        };
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "malawi",
            "malawee",
            "phamminhchinh",
            "phamminhtrinh",
            "đặngvănlâm",
            "dangvanlam",
            "abcdefghijklmnopqrstuvwxyzabcdefghij",
            "abcdefghijklmnopqrstuvwxyzabcdefghji",
        ];
        for a in words {
            for b in words {
                assert_eq!(edit_distance(a, b), naive_osa(a, b), "{a} / {b}");
                let (ac, bc): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                let long = jaro_winkler_chars(&ac, &bc, &mut vec![false; ac.len()], &mut vec![false; bc.len()]);
                assert_eq!(jaro_winkler(a, b).to_bits(), long.to_bits(), "{a} / {b}");
            }
        }
    }

    #[test]
    fn forms_are_shared_and_lowercase_pieces_known() {
        let text = "Ryu Sung-min met Park Geun Hye. Ryu Sung-min left, and the park closed. Later Park Geun Hye spoke.";
        let d = Document::parse(0, SourceFile::new("t.txt", text, FileKind::Plain), None);
        let n = d.names();
        let ryu: Vec<&Mention> = n.mentions.iter().filter(|m| n.form(m) == "Ryu Sung-min").collect();
        assert_eq!(ryu.len(), 2);
        assert_eq!(ryu[0].form_index(), ryu[1].form_index());
        assert_eq!(n.key(ryu[1]), "ryusungmin");
        assert_eq!(n.piece_keys(ryu[1]).collect::<Vec<_>>(), vec!["ryu", "sung", "min"]);
        assert_eq!(n.piece_key(ryu[1], 2), Some("min"));
        assert_eq!(ryu[1].piece_count(), 3);
        assert!(n.form_count() < n.mentions.len());
        // "park" is written in lowercase, "ryu" is not.
        for (w, lower) in [("park", true), ("ryu", false), ("hye", false), ("sung", false)] {
            assert_eq!(n.is_lower_piece(w), lower, "{w}");
            assert_eq!(is_lower_word(&d, w), lower, "{w}");
        }
        assert!(is_lower_word(&d, "closed"));
    }

    #[test]
    fn syllables_and_shapes() {
        for s in [
            "ryu", "sung", "in", "hui", "gweon", "minh", "nguyen", "cho", "hu", "shuk", "myong", "park",
        ] {
            assert!(is_syllable(s), "{s}");
        }
        for s in ["jintao", "merkel", "boutros", "john", "baden", "luther"] {
            assert!(!is_syllable(s), "{s}");
        }
        let p = |s: &str| pieces(s).map(fold_key).collect::<Vec<_>>();
        assert!(east_asian_shape(&p("Ryu Sung-min")));
        assert!(east_asian_shape(&p("Nguyen Quoc")));
        assert!(!east_asian_shape(&p("Martin Luther")));
        assert_eq!(fold_key("Zelens'kyy Đặng"), "zelenskyydang");
    }
}
