//! Words as the comparison engine sees them: each word of a text with its
//! byte range, a normalised key (lower case, English stem) and whether it is
//! a stop word.
//!
//! This is the one place where comparison turns text into terms. It is a
//! deliberately small analyzer until the search engine's analyzer lands;
//! switching to it means changing [`words`] only.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

use crate::text::tokens;

/// One word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The normalised form two texts are matched on: lower case, dots of
    /// abbreviations dropped (`U.S.` → `us`), English stem (`envoys` →
    /// `envoy`).
    pub key: String,
    /// Byte range in the text the word came from.
    pub start: usize,
    pub end: usize,
    /// A function word (`the`, `of`, `was`): kept for the word diff, left
    /// out of similarity, where it carries no meaning.
    pub stop: bool,
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// Stems computed so far on this thread. Stemming is the costly step of
/// reading a corpus and news vocabulary repeats, so stems are cached; the
/// cache is dropped when it grows past a bound.
fn stem(word: &str) -> String {
    const MAX_CACHED: usize = 200_000;
    thread_local! {
        static CACHE: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
    }
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(s) = cache.get(word) {
            return s.clone();
        }
        let s = stemmer().stem(word).into_owned();
        if cache.len() >= MAX_CACHED {
            cache.clear();
        }
        cache.insert(word.to_owned(), s.clone());
        s
    })
}

/// The words of `text` in order. Linear in its length.
pub fn words(text: &str) -> Vec<Word> {
    tokens(text)
        .into_iter()
        .map(|t| {
            let lower = t.text.to_lowercase();
            // An acronym in capitals (`US`, `IT`) is a name, not the pronoun.
            let letters = t.text.chars().filter(|c| c.is_alphabetic());
            let acronym = letters.clone().count() >= 2 && letters.clone().all(char::is_uppercase);
            let bare: String = lower.chars().filter(|&c| c != '.').collect();
            let stop = !acronym && is_stop_word(&bare);
            let key = stem(&bare);
            Word {
                key,
                start: t.start,
                end: t.end,
                stop,
            }
        })
        .collect()
}

/// English function words: articles, pronouns, auxiliaries, prepositions,
/// conjunctions and reporting filler that every article uses.
pub fn is_stop_word(lower: &str) -> bool {
    STOP_WORDS.binary_search(&lower).is_ok()
}

/// Sorted, so [`is_stop_word`] is a binary search (and needs no set built
/// at startup).
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "s",
    "said",
    "same",
    "says",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn keys_are_stems_and_spans_slice_the_text() {
        let text = "The U.S. envoys said talks were Constructive";
        let w = words(text);
        let keys: Vec<&str> = w.iter().map(|w| w.key.as_str()).collect();
        assert_eq!(
            keys,
            ["the", "us", "envoy", "said", "talk", "were", "construct"]
        );
        assert!(w[0].stop && !w[1].stop && !w[2].stop && w[3].stop);
        for word in &w {
            assert!(!text[word.start..word.end].is_empty());
        }
    }

    #[test]
    fn acronyms_are_not_pronouns() {
        assert!(!words("US")[0].stop);
        assert!(words("us")[0].stop);
    }
}
