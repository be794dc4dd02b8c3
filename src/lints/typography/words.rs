//! The English word list shared by the typography lints: words by
//! commonness class, from the `english-words` pack (lexicons for
//! `lost-apostrophe`). Built once per registry and cached, since several
//! lints load the same data.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::lints::bytes::load8;
use std::sync::{Arc, Mutex};

use crate::pack::Lexicon;

/// Class given to entries of user lexicons without a class number: known
/// words, as common as they come.
const DEFAULT_CLASS: u8 = 0;

/// Lowercase words and capitalised words (names, demonyms) with their
/// commonness class (SCOWL size: 10 = most common, larger = rarer).
///
/// Words are keyed by a 64-bit hash of their bytes (`key`), not stored: the
/// map is built without one allocation per word, and a lookup hashes the
/// word once. (Two of the ~50,000 words, or a word looked up and a listed
/// one, sharing a 64-bit hash is vanishingly unlikely.)
#[derive(Debug, Default)]
pub struct Words {
    lower: HashMap<u64, u8>,
    capitalised: HashSet<u64>,
}

impl Words {
    /// The words (`entries`) of every lexicon that feeds `lost-apostrophe`
    /// (the shared word list), but its `possessed-nouns`. The class of a lexicon is the number that
    /// ends its rule name ("english-words-35"); other lexicons count as
    /// class 0. `pairs` are not words (they hold contractions).
    pub fn shared(lexicons: &[Lexicon]) -> Arc<Words> {
        type Cache = Mutex<Option<(u64, Arc<Words>)>>;
        static CACHE: Cache = Mutex::new(None);
        // (The nouns that follow a possessor are data of the lint, not
        // words of the list: their classes stay those of the list.)
        let relevant: Vec<&Lexicon> = lexicons
            .iter()
            .filter(|l| l.lint == "lost-apostrophe" && l.rule != super::lost_apostrophe::POSSESSED_RULE)
            .collect();
        let key = fingerprint(&relevant);
        if let Ok(guard) = CACHE.lock() {
            if let Some((k, w)) = guard.as_ref() {
                if *k == key {
                    return w.clone();
                }
            }
        }
        let words = Arc::new(Words::build(&relevant));
        if let Ok(mut guard) = CACHE.lock() {
            *guard = Some((key, words.clone()));
        }
        words
    }

    fn build(lexicons: &[&Lexicon]) -> Words {
        let mut w = Words::default();
        w.lower.reserve(lexicons.iter().map(|l| l.entries_estimate()).sum());
        for l in lexicons {
            let class = l
                .rule
                .rsplit('-')
                .next()
                .and_then(|n| n.parse::<u8>().ok())
                .unwrap_or(DEFAULT_CLASS);
            for e in l.entries() {
                let capitalised = match e.as_bytes().first() {
                    Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                    _ => e.starts_with(|c: char| c.is_uppercase()),
                };
                if capitalised {
                    w.capitalised.insert(key(e.as_bytes()));
                } else {
                    let slot = w.lower.entry(key(e.as_bytes())).or_insert(class);
                    *slot = (*slot).min(class);
                }
            }
        }
        w
    }

    /// Class of a lowercase word, if known.
    pub fn class(&self, lower: &str) -> Option<u8> {
        self.lower.get(&key(lower.as_bytes())).copied()
    }

    /// Whether `lower` is a known lowercase word of class `max` or commoner.
    pub fn is_word(&self, lower: &str, max: u8) -> bool {
        self.class(lower).is_some_and(|c| c <= max)
    }

    /// Whether a capitalised form is a known name or capitalised word.
    pub fn is_capitalised(&self, word: &str) -> bool {
        self.capitalised.contains(&key(word.as_bytes()))
    }

    /// Whether a word in any case is known: the exact capitalised form, or
    /// its lowercase form (class `max` or commoner).
    pub fn known(&self, word: &str, max: u8) -> bool {
        self.is_capitalised(word) || with_lowercase(word, |lower| self.is_word(lower, max))
    }

    pub fn is_empty(&self) -> bool {
        self.lower.is_empty() && self.capitalised.is_empty()
    }
}

/// The 64-bit hash that stands for a word: its bytes eight at a time, each
/// mixed in by a folded 128-bit multiplication, after the length.
#[inline]
fn key(b: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let fold = |a: u64, m: u64| {
        let p = u128::from(a) * u128::from(m);
        (p as u64) ^ ((p >> 64) as u64)
    };
    let mut h = fold(b.len() as u64 ^ 0x243F_6A88_85A3_08D3, K);
    let mut at = 0;
    while at < b.len() {
        h = fold(h ^ load8(b, at), K ^ 0x1319_8A2E_0370_7344);
        at += 8;
    }
    h
}

/// Run `f` on the lowercase form of `word`, without allocating for ASCII
/// words of up to 32 bytes (ASCII lowercasing is Unicode lowercasing there).
pub(crate) fn with_lowercase<T>(word: &str, f: impl FnOnce(&str) -> T) -> T {
    let b = word.as_bytes();
    if !word.is_ascii() {
        return f(&word.to_lowercase());
    }
    if !b.iter().any(u8::is_ascii_uppercase) {
        return f(word);
    }
    let mut buf = [0u8; 32];
    if let Some(dst) = buf.get_mut(..b.len()) {
        dst.copy_from_slice(b);
        dst.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(dst) {
            return f(lower);
        }
    }
    f(&word.to_ascii_lowercase())
}

fn fingerprint(lexicons: &[&Lexicon]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    // Rule, origin and size identify a lexicon well enough for a cache key;
    // hashing every entry would cost as much as building the map.
    for l in lexicons {
        l.rule.hash(&mut h);
        l.origin.hash(&mut h);
        l.stamp().hash(&mut h);
    }
    h.finish()
}

/// Words for unit tests: the built-in lexicons.
#[cfg(test)]
pub fn builtin() -> Arc<Words> {
    Words::shared(&crate::pack::builtin_lexicons())
}
