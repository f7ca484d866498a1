//! Words as the comparison engine sees them: each word of a text with its
//! byte range, a normalised key (the search analyzer's folded term, then its
//! English stem) and whether it is a stop word.
//!
//! This is the one place where comparison turns text into terms: the
//! search analyzer's terms ([`crate::text::analyzer`]) and their stems, so
//! search and comparison agree on what a word is (`Kýiv` = `Kyiv`, `U.S.` =
//! `US`, `five-hour` → `five`, `hour`).

use std::cell::RefCell;
use std::collections::HashMap;

use crate::text::analyzer::{for_each_term, stem as snowball_stem};
use crate::text::lexicon::is_search_stop_word;

/// One word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The normalised form two texts are matched on: the folded term's
    /// English stem (`envoys` → `envoy`, `U.S.` → `us`).
    pub key: String,
    /// Byte range in the text the word came from.
    pub start: usize,
    pub end: usize,
    /// A function word (`the`, `of`, `was`): kept for the word diff, left
    /// out of similarity, where it carries no meaning.
    pub stop: bool,
}

/// Stems computed so far on this thread. Stemming is the costly step of
/// reading a corpus and news vocabulary repeats, so stems are cached; the
/// cache is dropped when it grows past a bound.
fn stem(term: &str) -> String {
    const MAX_CACHED: usize = 200_000;
    thread_local! {
        static CACHE: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
    }
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(s) = cache.get(term) {
            return s.clone();
        }
        let s = snowball_stem(term).into_owned();
        if cache.len() >= MAX_CACHED {
            cache.clear();
        }
        cache.insert(term.to_owned(), s.clone());
        s
    })
}

/// The words of `text` in order (the parts of a hyphenated word, not its
/// joined whole). Linear in its length.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    for_each_term(text, 0, |t| {
        if !t.compound {
            out.push(Word {
                key: stem(t.term),
                start: t.start,
                end: t.end,
                stop: is_search_stop_word(t.term),
            });
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_stems_and_spans_slice_the_text() {
        let text = "The U.S. envoys said talks were Constructive";
        let w = words(text);
        let keys: Vec<&str> = w.iter().map(|w| w.key.as_str()).collect();
        assert_eq!(
            keys,
            ["the", "us", "envoy", "said", "talk", "were", "construct"]
        );
        assert!(w[0].stop && !w[1].stop && !w[2].stop && w[5].stop);
        for word in &w {
            assert!(!text[word.start..word.end].is_empty());
        }
    }

    #[test]
    fn hyphenated_words_are_their_parts() {
        let keys: Vec<String> = words("a five-hour meeting")
            .into_iter()
            .map(|w| w.key)
            .collect();
        assert_eq!(keys, ["a", "five", "hour", "meet"]);
    }
}
