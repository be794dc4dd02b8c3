//! The document model: parsed once per file, shared read-only by every lint.
//!
//! `Document::prose` is a copy of the source text of the same byte length in
//! which everything that is not prose (code, HTML, URLs, link targets, front
//! matter, Markdown syntax) is blanked to spaces, newlines kept. A regex or a
//! scan over `prose` therefore yields spans that are byte offsets into the
//! original file, and no lint needs to remember to skip code or URLs.

mod lang;
mod markdown;
pub mod names;
mod plain;
mod quotes;
mod sentence_breaks;
mod tokens;

use std::ops::Range;
use std::sync::OnceLock;

pub use lang::{accept as accepted_lang, parse_lang, BlockLang, Lang, DETECT_BYTES as LANG_DETECT_BYTES, ENGLISH_MARKERS};
pub use quotes::Quote;
pub use tokens::{Token, TokenKind};

use crate::finding::FileId;
use crate::source::{FileKind, SourceFile, Span};

/// What kind of text a block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    Heading(u8),
    Paragraph,
    ListItem,
    Quote,
    TableCell,
    /// Image alt text.
    Caption,
    /// A line of a plain-text file.
    Line,
}

impl Scope {
    pub fn name(self) -> &'static str {
        match self {
            Scope::Heading(_) => "heading",
            Scope::Paragraph => "paragraph",
            Scope::ListItem => "list-item",
            Scope::Quote => "quote",
            Scope::TableCell => "table-cell",
            Scope::Caption => "caption",
            Scope::Line => "line",
        }
    }
}

/// A run of prose: a heading, paragraph, list item, table cell, alt text or
/// (plain text) a line.
#[derive(Clone, Debug)]
pub struct Block {
    pub span: Span,
    pub scope: Scope,
    /// Blocks with the same number belong to one paragraph (plain text: lines
    /// not separated by a blank line; Markdown: one block per paragraph).
    pub paragraph: u32,
    /// Index range into `Document::tokens`.
    pub tokens: Range<usize>,
    /// A heading, or a short line without terminal punctuation that reads as a
    /// headline, subheading or label.
    pub heading_like: bool,
    /// Most words capitalised, as in a title-case headline.
    pub title_case: bool,
    /// Detected language (read it with [`Document::block_lang`]: whatlang
    /// runs on demand for blocks the cheap test leaves open).
    pub lang: BlockLang,
    /// Number of word tokens.
    pub words: u32,
    /// Whether the block holds a run of at least [`PLAIN_RUN`] consecutive
    /// words without one of [`ENGLISH_MARKERS`] among them and without a
    /// sentence-ending '.', '!' or '?' token between them (a candidate
    /// foreign segment).
    pub plain_run: bool,
}

impl Block {
    /// Whether the block may be in another language than English, by the
    /// parse's cheap test alone (no whatlang): eight words or more without
    /// an English function word, or a language settled as not English.
    /// English-only checks of words skip such blocks.
    pub fn maybe_foreign(&self) -> bool {
        match self.lang {
            BlockLang::Deferred => true,
            BlockLang::Known(l) => l.is_some_and(|l| l != Lang::Eng),
        }
    }
}

/// A sentence inside one block.
#[derive(Clone, Debug)]
pub struct Sentence {
    pub span: Span,
    pub block: usize,
    /// Index range into `Document::tokens`.
    pub tokens: Range<usize>,
}

/// An HTML comment (Markdown only), used for inline suppressions.
#[derive(Clone, Debug)]
pub struct Comment {
    pub span: Span,
}

/// A parsed document.
#[derive(Debug)]
pub struct Document {
    pub id: FileId,
    pub source: SourceFile,
    pub prose: String,
    pub blocks: Vec<Block>,
    pub tokens: Vec<Token>,
    /// Computed on first use (most lints never need sentences).
    sentences: OnceLock<Vec<Sentence>>,
    /// Computed on first use by the name lints.
    names: OnceLock<names::NameTable>,
    /// Analyses derived from the document by lints and shared between them
    /// (see [`Document::memo`]).
    memo: std::sync::Mutex<Vec<(std::any::TypeId, std::sync::Arc<dyn std::any::Any + Send + Sync>)>>,
    /// Values kept for the corpus phase (see [`Document::keep`]).
    kept: std::sync::Mutex<Vec<(std::any::TypeId, std::sync::Arc<dyn std::any::Any + Send + Sync>)>>,
    released: bool,
    pub quotes: Vec<Quote>,
    pub comments: Vec<Comment>,
    pub lang: Lang,
    pub word_count: usize,
}

impl Document {
    /// Parse a source file. `lang` forces the document language (from config).
    pub fn parse(id: FileId, source: SourceFile, lang: Option<Lang>) -> Document {
        let (prose, raw_blocks, comments) = match source.kind {
            FileKind::Markdown => markdown::parse(&source.text),
            FileKind::Plain => plain::parse(&source.text),
        };
        let prose = tokens::mask_urls(&source.text, prose);
        // News prose runs at about 0.36 tokens a byte.
        let estimate = source.text.len() / 2 + 16;
        let mut doc = Document {
            id,
            source,
            prose,
            blocks: Vec::with_capacity(raw_blocks.len()),
            tokens: Vec::with_capacity(estimate),
            sentences: OnceLock::new(),
            names: OnceLock::new(),
            memo: std::sync::Mutex::new(Vec::new()),
            kept: std::sync::Mutex::new(Vec::new()),
            released: false,
            quotes: Vec::new(),
            comments,
            lang: Lang::Eng,
            word_count: 0,
        };
        for raw in raw_blocks {
            doc.push_block(raw);
        }
        doc.lang = match lang {
            Some(l) => l,
            None => lang::document_language(&mut doc),
        };
        doc
    }

    fn push_block(&mut self, raw: RawBlock) {
        let RawBlock { span, scope, paragraph } = raw;
        // Trim the block to its prose.
        let text = &self.prose[span.range()];
        let lead = text.len() - text.trim_start().len();
        let trail = text.len() - text.trim_end().len();
        if lead == text.len() {
            return;
        }
        let span = Span::new(span.start + lead, span.end - trail);
        let index = self.blocks.len();
        let tok_start = self.tokens.len();
        let mut first = FirstWords::default();
        tokens::tokenize(&self.prose, span, &mut self.tokens, &mut first);
        let words = first.seen as usize;
        self.word_count += words;
        let tok_end = self.tokens.len();
        if first.maybe_quote {
            quotes::find(&self.prose, span, index, &mut self.quotes);
        }
        let summary = summarise(&self.prose, span, scope, &first);
        self.blocks.push(Block {
            span,
            scope,
            paragraph,
            tokens: tok_start..tok_end,
            heading_like: summary.heading_like,
            title_case: summary.title_case,
            lang: summary.lang,
            words: first.seen,
            plain_run: summary.plain_run,
        });
    }

    /// Every sentence of the document, in order (computed once, on first use).
    pub fn sentences(&self) -> &[Sentence] {
        self.sentences.get_or_init(|| {
            // About two sentences a block.
            let mut out = Vec::with_capacity(self.blocks.len() * 2 + 4);
            let mut scratch = Vec::with_capacity(16);
            for (i, b) in self.blocks.iter().enumerate() {
                tokens::sentences(
                    &self.prose,
                    b.span,
                    i,
                    &self.tokens[b.tokens.clone()],
                    b.tokens.start,
                    &mut out,
                    &mut scratch,
                );
            }
            out
        })
    }

    /// A derived analysis of type `T`, built once per document by the first
    /// lint that asks and shared with every other lint (for example the
    /// person and organisation mentions both pronoun lints read).
    pub fn memo<T: std::any::Any + Send + Sync>(&self, build: impl FnOnce(&Document) -> T) -> std::sync::Arc<T> {
        let id = std::any::TypeId::of::<T>();
        let cached = self
            .memo
            .lock()
            .ok()
            .and_then(|m| m.iter().find(|(k, _)| *k == id).map(|(_, v)| v.clone()));
        if let Some(v) = cached.and_then(|v| v.downcast::<T>().ok()) {
            return v;
        }
        // Build without holding the lock: `build` may ask for other memos.
        let value = std::sync::Arc::new(build(self));
        if let Ok(mut m) = self.memo.lock() {
            if !m.iter().any(|(k, _)| *k == id) {
                m.push((id, value.clone()));
            }
        }
        value
    }

    /// Keep a value for the corpus phase. Lints with a corpus phase store
    /// what it needs here during `check`: after the per-document phase the
    /// engine frees the tokens, prose view, sentences and memos of every
    /// document (see [`Document::release`]), and keeps these.
    pub fn keep<T: std::any::Any + Send + Sync>(&self, value: T) {
        let id = std::any::TypeId::of::<T>();
        if let Ok(mut k) = self.kept.lock() {
            k.retain(|(t, _)| *t != id);
            k.push((id, std::sync::Arc::new(value)));
        }
    }

    /// A value stored with [`Document::keep`].
    pub fn kept<T: std::any::Any + Send + Sync>(&self) -> Option<std::sync::Arc<T>> {
        let id = std::any::TypeId::of::<T>();
        let k = self.kept.lock().ok()?;
        k.iter().find(|(t, _)| *t == id).and_then(|(_, v)| v.clone().downcast::<T>().ok())
    }

    /// Free what only the per-document phase reads: tokens, quotes,
    /// sentences and memos (blocks keep empty token ranges). The source, the
    /// prose view, blocks, comments, the name table if it was built, and
    /// kept values stay: all that corpus phases, suppressions, baseline
    /// fingerprints and rendering read. Tokens are most of a document's
    /// memory (24 bytes per token, about 9 bytes per byte of text).
    ///
    /// A lint with a corpus phase must not read tokens, quotes, sentence
    /// token ranges or memos there: build what it needs in `check` (call
    /// [`Document::names`], or [`Document::keep`] a summary). Sentences
    /// asked for after the release have their spans but empty token ranges.
    pub fn release(&mut self) {
        self.tokens = Vec::new();
        self.quotes = Vec::new();
        self.release_caches();
        for b in &mut self.blocks {
            b.tokens = 0..0;
        }
        self.released = true;
    }

    /// Free the analyses that are rebuilt on demand (sentences and memos):
    /// safe whatever a corpus phase reads.
    pub fn release_caches(&mut self) {
        self.sentences = OnceLock::new();
        if let Ok(m) = self.memo.get_mut() {
            *m = Vec::new();
        }
    }

    /// Whether [`Document::release`] has run.
    pub fn is_released(&self) -> bool {
        self.released
    }

    /// The name table (computed once, on first use; empty if first asked
    /// for after [`Document::release`]).
    pub fn names(&self) -> &names::NameTable {
        self.names.get_or_init(|| names::NameTable::build(self))
    }

    /// The language of a block; `None` when it is too short to tell or
    /// whatlang is not confident. Runs whatlang for a deferred block (about
    /// half a million instructions): read it only where it matters.
    pub fn block_lang(&self, block: &Block) -> Option<Lang> {
        match block.lang {
            BlockLang::Known(l) => l,
            BlockLang::Deferred => self.prose.get(block.span.range()).and_then(lang::resolve),
        }
    }

    /// whatlang's answer on a deferred block (`None` for any other block):
    /// for a lint that wants the confidence as well as the language.
    pub fn block_lang_info(&self, block: &Block) -> Option<whatlang::Info> {
        match block.lang {
            BlockLang::Known(_) => None,
            BlockLang::Deferred => self.prose.get(block.span.range()).and_then(lang::detect),
        }
    }

    /// The sentences of one block.
    pub fn block_sentences(&self, block: usize) -> &[Sentence] {
        let all = self.sentences();
        let start = all.partition_point(|s| s.block < block);
        let end = all.partition_point(|s| s.block <= block);
        &all[start..end]
    }

    /// The original text of a span.
    pub fn text(&self, span: Span) -> &str {
        self.source.slice(span)
    }

    pub fn path(&self) -> &str {
        &self.source.path
    }

    pub fn block_tokens(&self, block: &Block) -> &[Token] {
        &self.tokens[block.tokens.clone()]
    }

    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        &self.tokens[sentence.tokens.clone()]
    }

    /// Word tokens of the whole document.
    pub fn words(&self) -> impl Iterator<Item = &Token> {
        self.tokens.iter().filter(|t| t.kind == TokenKind::Word)
    }

    /// The block that contains a byte offset, if any.
    pub fn block_at(&self, byte: usize) -> Option<usize> {
        let i = self.blocks.partition_point(|b| b.span.end <= byte);
        (i < self.blocks.len() && self.blocks[i].span.start <= byte).then_some(i)
    }

    /// Whether a span lies inside a quotation.
    pub fn in_quote(&self, span: Span) -> bool {
        let i = self.quotes.partition_point(|q| q.span.end <= span.start);
        self.quotes
            .get(i)
            .is_some_and(|q| q.span.start <= span.start && span.end <= q.span.end)
    }

    /// Whether the document is English (English-only lints skip others).
    pub fn is_english(&self) -> bool {
        self.lang == Lang::Eng
    }
}

/// A block before tokenization, as produced by the Markdown and plain parsers.
#[derive(Clone, Debug)]
pub(crate) struct RawBlock {
    pub span: Span,
    pub scope: Scope,
    pub paragraph: u32,
}

/// Whether the word `src[start..end]` is one of [`ENGLISH_MARKERS`], in any
/// ASCII case.
pub fn is_english_marker(src: &[u8], start: usize, end: usize) -> bool {
    lang::is_marker(src, start, end)
}

/// Weekdays and months, lowercase: capitalised, they are names, not stray
/// capitals ("May"), and they date a sentence ("March 3").
pub const CALENDAR: &[&str] = &[
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
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The months in [`CALENDAR`].
pub fn months() -> &'static [&'static str] {
    CALENDAR.get(7..).unwrap_or(&[])
}

/// Small words that stay lowercase in title case.
pub const MINOR_WORDS: &[&str] = &[
    "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in", "of", "off", "on", "per", "to", "up", "via",
    "vs", "from", "into", "onto", "with", "over", "than", "after", "amid", "over", "about", "is",
];

/// Whether a lowercase word is one of `MINOR_WORDS`.
pub fn is_minor_word(w: &str) -> bool {
    // All are 1 to 5 ASCII letters: switch on the length, then compare the
    // bytes as one integer.
    match *w.as_bytes() {
        [a] => a == b'a',
        [a, b] => matches!(
            &[a, b],
            b"an" | b"or" | b"so" | b"as" | b"at" | b"by" | b"in" | b"of" | b"on" | b"to" | b"up" | b"vs" | b"is"
        ),
        [a, b, c] => matches!(
            &[a, b, c],
            b"the" | b"and" | b"but" | b"nor" | b"for" | b"yet" | b"off" | b"per" | b"via"
        ),
        [a, b, c, d] => matches!(&[a, b, c, d], b"from" | b"into" | b"onto" | b"with" | b"over" | b"than" | b"amid"),
        [a, b, c, d, e] => matches!(&[a, b, c, d, e], b"after" | b"about"),
        _ => false,
    }
}

/// The run length that [`Block::plain_run`] looks for.
pub const PLAIN_RUN: u32 = 8;

/// What the parse records of a block's words (see [`Block`]).
struct Summary {
    heading_like: bool,
    title_case: bool,
    lang: BlockLang,
    plain_run: bool,
}

/// Words read by the shape test.
const SHAPE_WORDS: u32 = 30;
/// Words read by the language test.
const LANG_WORDS: u32 = 24;

/// What the parse learns of a block's words while the tokenizer finds them
/// (one table lookup per word): the shape test (headline, title case) reads
/// the first `SHAPE_WORDS` words (it matters only for blocks of at most
/// that many words; longer ones are paragraphs), the cheap language test
/// the first `LANG_WORDS`, and the test for a run of `PLAIN_RUN` words
/// without an English marker word goes on until it finds one.
#[derive(Clone, Copy, Default)]
struct FirstWords {
    /// Words seen (all of them).
    seen: u32,
    /// Words counted by the shape test (minor words after the first left
    /// out), and the capitalised ones.
    counted: u32,
    capitalised: u32,
    /// English function words among the first `LANG_WORDS`.
    hits: u32,
    /// Words since the last marker word or sentence end.
    run: u32,
    /// Whether a run of `PLAIN_RUN` words was found.
    plain_run: bool,
    /// Whether the block may hold a double quotation mark.
    maybe_quote: bool,
}

impl tokens::WordSink for FirstWords {
    #[inline(always)]
    fn word(&mut self, prose: &str, start: usize, end: usize) {
        let bytes = prose.as_bytes();
        // No block has 4G words: its tokens alone would fill 100 GB.
        self.seen += 1;
        if self.seen > SHAPE_WORDS {
            // Only the run is left to follow.
            if !self.plain_run {
                self.run = if lang::is_marker(bytes, start, end) { 0 } else { self.run + 1 };
                self.plain_run = self.run >= PLAIN_RUN;
            }
            return;
        }
        let flags = lang::word_flags(bytes, start, end);
        self.run = if flags & lang::MARKER != 0 { 0 } else { self.run + 1 };
        self.plain_run |= self.run >= PLAIN_RUN;
        if self.seen <= LANG_WORDS {
            self.hits += u32::from(flags & lang::FUNCTION != 0);
        }
        self.counted += 1;
        let b = bytes.get(start).copied().unwrap_or(0);
        let upper = b.is_ascii_uppercase()
            || (!b.is_ascii() && prose.get(start..end).and_then(|w| w.chars().next()).is_some_and(char::is_uppercase));
        if upper {
            self.capitalised += 1;
        } else if self.seen > 1 && flags & lang::MINOR != 0 {
            self.counted -= 1;
        }
    }

    #[inline(always)]
    fn stop(&mut self) {
        self.run = 0;
    }

    #[inline(always)]
    fn maybe_quote(&mut self) {
        self.maybe_quote = true;
    }
}

/// The block's summary from what the tokenizer told `first`.
fn summarise(prose: &str, span: Span, scope: Scope, first: &FirstWords) -> Summary {
    let (heading_like, title_case) = if first.seen > SHAPE_WORDS {
        // Long blocks are paragraphs, not headlines.
        (matches!(scope, Scope::Heading(_)), false)
    } else {
        let text = prose[span.range()].trim_end();
        let terminal = text.ends_with(['.', '!', '?', ';', ',', '"', '\u{201d}', '\'', '\u{2019}', ')', ':']);
        let (counted, capitalised) = (first.counted, first.capitalised);
        let title_case = counted >= 2 && capitalised * 10 >= counted * 8;
        let heading_like = matches!(scope, Scope::Heading(_)) || (counted > 0 && counted <= 25 && (!terminal || title_case));
        (heading_like, title_case)
    };
    let lang = lang::block_language(prose.get(span.range()).unwrap_or(""), first.seen.min(LANG_WORDS), first.hits);
    Summary {
        heading_like,
        title_case,
        lang,
        plain_run: first.plain_run,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(text: &str) -> Document {
        Document::parse(0, SourceFile::new("t.md", text, FileKind::Markdown), None)
    }

    #[test]
    fn minor_words_match_the_list() {
        for w in MINOR_WORDS {
            assert!(is_minor_word(w), "{w}");
            assert!(!is_minor_word(&w.to_ascii_uppercase()), "{w}");
        }
        for w in ["", "ab", "the ", "abou", "afterr", "i", "thee", "amids"] {
            assert!(!is_minor_word(w), "{w}");
        }
    }

    #[test]
    fn markdown_masks_code_urls_front_matter() {
        let d = md("---\ntitle: the the\n---\n# Head\n\nSee `the the` and [link](http://x.y/the) here.\n\n```\nthe the\n```\n");
        assert_eq!(d.prose.len(), d.source.text.len());
        assert!(!d.prose.contains("title"));
        assert!(!d.prose.contains("the the"));
        assert!(d.prose.contains("link"));
        assert!(!d.prose.contains("http"));
        assert_eq!(d.blocks.len(), 2);
        assert_eq!(d.blocks[0].scope, Scope::Heading(1));
    }

    #[test]
    fn plain_lines_are_blocks_with_paragraphs() {
        let d = Document::parse(
            0,
            SourceFile::new("t.txt", "Title line\nBody one.\n\nBody two.\n", FileKind::Plain),
            None,
        );
        assert_eq!(d.blocks.len(), 3);
        assert_ne!(d.blocks[0].paragraph, d.blocks[1].paragraph);
        assert_ne!(d.blocks[1].paragraph, d.blocks[2].paragraph);
        assert!(d.blocks[0].heading_like);
        assert!(!d.blocks[1].heading_like || d.blocks[1].scope == Scope::Line);
    }

    #[test]
    fn sentences_respect_abbreviations() {
        let d = Document::parse(
            0,
            SourceFile::new(
                "t.txt",
                "Dr. Smith met J. R. R. Tolkien in the U.S. on Monday. Then he left.",
                FileKind::Plain,
            ),
            None,
        );
        assert_eq!(d.sentences().len(), 2, "{:?}", d.sentences());
        // A time ends a sentence before a capitalised word, not before a
        // weekday, a time zone or a lowercase word.
        let count = |t: &str| {
            Document::parse(0, SourceFile::new("t.txt", t, FileKind::Plain), None)
                .sentences()
                .len()
        };
        assert_eq!(count("It landed shortly after 5 a.m. In her bulletin, the agency said so."), 2);
        assert_eq!(count("It landed at 5 a.m. Monday and left at 9 a.m. EST on Tuesday."), 1);
        assert_eq!(count("It landed at 5 a.m. local time."), 1);
    }

    #[test]
    fn plain_run_finds_a_run_anywhere() {
        let plain = |t: &str| Document::parse(0, SourceFile::new("t.txt", t, FileKind::Plain), None).blocks[0].plain_run;
        // Short block (shape test), the run in the middle.
        assert!(plain(
            "It was signed. La ministra declaró ayer que el gobierno no cambiará su política. It is in May."
        ));
        assert!(!plain(
            "It was signed. La ministra declaró ayer que el gobierno. No cambiará su política. It is in May."
        ));
        // Long block: the run after the first 24 words, and before.
        let en = "The minister said that the plan would be published after the meeting of the cabinet and that it was ready. ";
        assert!(plain(&format!("{en}{en}Uno dos tres cuatro cinco seis siete ocho nueve.")));
        assert!(plain(&format!("Uno dos tres cuatro cinco seis siete ocho nueve. {en}{en}")));
        assert!(!plain(&format!("{en}{en}Uno dos tres cuatro cinco seis siete. {en}")));
    }

    #[test]
    fn tables_lists_quotes_and_alt_text() {
        let d = md("| a | b |\n|---|---|\n| one | two |\n\n- item one\n- item two\n\n> quoted text\n\n![alt words](img.png)\n");
        let scopes: Vec<_> = d.blocks.iter().map(|b| b.scope).collect();
        assert!(scopes.contains(&Scope::TableCell));
        assert!(scopes.contains(&Scope::ListItem));
        assert!(scopes.contains(&Scope::Quote));
        assert!(scopes.contains(&Scope::Caption));
        assert!(!d.prose.contains("img.png"));
    }
}
