//! From a query word to the vocabulary terms it matches: exact, same
//! Snowball stem, completions of a half-typed word, and words within a few
//! typos.
//!
//! Typos are found with a Levenshtein automaton (Damerau variant: a swap of
//! two neighbouring letters is one edit) intersected with the vocabulary's
//! finite-state transducer, so a lookup visits only the part of the
//! vocabulary within reach of the word — never every term.
//!
//! How many typos a word may have depends on its length, as readers expect
//! from search boxes: none up to 4 characters (short words have too many
//! neighbours), one for 5–8, two for longer words. Typo matching is a
//! fallback: a word the vocabulary has (or a stem or completion of it) is
//! taken as meant, which keeps correct spellings precise.

use std::sync::OnceLock;

use fst::automaton::Str;
use fst::{Automaton, IntoStreamer, Streamer};
use levenshtein_automata::LevenshteinAutomatonBuilder;
use serde::Serialize;

use super::analyze::stem;
use super::index::SearchIndex;

/// At most this many completions of a half-typed word, the most frequent.
pub const MAX_COMPLETIONS: usize = 50;
/// At most this many typo matches of a word, the closest and most frequent.
pub const MAX_TYPO_MATCHES: usize = 30;
/// Vocabulary entries looked at for one stem or typo lookup, to bound the
/// time of a lookup whatever the vocabulary.
const MAX_SCAN: usize = 2_000;
/// Words of up to this many characters must be spelled right: short words
/// have too many neighbours one typo away.
pub const NO_TYPO_UP_TO: usize = 4;
/// Words of up to this many characters may have one typo; longer ones
/// [`MAX_EDITS`].
pub const ONE_TYPO_UP_TO: usize = 8;
/// The most typos any match may have.
pub const MAX_EDITS: u8 = 2;
/// A half-typed word is completed from this many characters on.
pub const MIN_PREFIX_CHARS: usize = 2;
/// Stems shorter than this (after dropping a final `i`) are not looked up:
/// too many terms start with them.
pub const MIN_STEM_CHARS: usize = 2;
/// Words shorter than this get no "did you mean".
pub const MIN_SUGGEST_CHARS: usize = 3;
/// Words of up to this many characters are suggested a term one typo
/// away; longer ones [`MAX_EDITS`].
pub const SUGGEST_ONE_TYPO_UP_TO: usize = 5;

/// How a vocabulary term matches a query word; ranking prefers them in this
/// order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchKind {
    Exact,
    /// Another word with the same stem (`talk` for `talks`).
    Stemmed,
    /// A completion of the word being typed (`negotiations` for `negot`).
    Prefix,
    /// Within `edits` typos (of the whole word, or of a prefix while typing).
    Fuzzy {
        edits: u8,
    },
}

impl MatchKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MatchKind::Exact => "exact",
            MatchKind::Stemmed => "stemmed",
            MatchKind::Prefix => "prefix",
            MatchKind::Fuzzy { edits: 1 } => "1 typo",
            MatchKind::Fuzzy { .. } => "2 typos",
        }
    }
}

/// A vocabulary term a query word matches.
#[derive(Debug, Clone, PartialEq)]
pub struct Expansion {
    pub term: String,
    pub kind: MatchKind,
    /// Offset of the term's record in the index.
    pub(crate) offset: u64,
    /// Documents containing the term.
    pub df: u32,
}

/// Typos allowed in a word of this many characters.
pub fn allowed_edits(word: &str) -> u8 {
    match word.chars().count() {
        n if n <= NO_TYPO_UP_TO => 0,
        n if n <= ONE_TYPO_UP_TO => 1,
        _ => MAX_EDITS,
    }
}

fn automaton_builder(edits: u8) -> &'static LevenshteinAutomatonBuilder {
    static ONE: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    static TWO: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    let cell = if edits <= 1 { &ONE } else { &TWO };
    cell.get_or_init(|| LevenshteinAutomatonBuilder::new(edits.clamp(1, MAX_EDITS), true))
}

/// The terms a folded query word matches. `prefix` is set for the word being
/// typed (at least [`MIN_PREFIX_CHARS`]): its completions match too.
pub fn expand(index: &SearchIndex, word: &str, prefix: bool) -> Vec<Expansion> {
    let mut out = Vec::new();
    if let Some(offset) = index.terms.get(word) {
        out.push(expansion(index, word, MatchKind::Exact, offset));
    }
    let prefix = prefix && word.chars().count() >= MIN_PREFIX_CHARS;
    if prefix {
        // Completions include the word's inflections that start with it;
        // scanning for stems too would cost a keystroke's budget on short
        // prefixes.
        completions(index, word, &mut out);
    } else {
        stemmed(index, word, &mut out);
    }
    if out.is_empty() {
        let edits = allowed_edits(word);
        if edits > 0 {
            out = typos(index, word, edits, prefix, MAX_TYPO_MATCHES);
        }
    }
    out
}

fn expansion(index: &SearchIndex, term: &str, kind: MatchKind, offset: u64) -> Expansion {
    Expansion {
        term: term.to_string(),
        kind,
        offset,
        df: index.df_at(offset),
    }
}

/// Other surface forms with the same stem. Snowball stems are prefixes of
/// their words except for a final `y` turned `i` (`happy` → `happi`), so the
/// candidates are the terms starting with the stem minus a final `i`.
fn stemmed(index: &SearchIndex, word: &str, out: &mut Vec<Expansion>) {
    let s = stem(word);
    let start = s.strip_suffix('i').unwrap_or(&s);
    if start.chars().count() < MIN_STEM_CHARS {
        return;
    }
    let mut stream = index
        .terms
        .search(Str::new(start).starts_with())
        .into_stream();
    let mut scanned = 0;
    while let Some((term, offset)) = stream.next() {
        scanned += 1;
        if scanned > MAX_SCAN {
            break;
        }
        let Ok(term) = std::str::from_utf8(term) else {
            continue;
        };
        if term != word && stem(term) == s {
            out.push(expansion(index, term, MatchKind::Stemmed, offset));
        }
    }
}

/// The most frequent completions of a half-typed word not matched already.
fn completions(index: &SearchIndex, word: &str, out: &mut Vec<Expansion>) {
    let mut found: Vec<(String, u64, u32)> = Vec::new();
    let mut stream = index
        .terms
        .search(Str::new(word).starts_with())
        .into_stream();
    while let Some((term, offset)) = stream.next() {
        if term.len() == word.len() {
            continue;
        }
        let df = index.df_at(offset);
        found.push((String::from_utf8_lossy(term).into_owned(), offset, df));
    }
    found.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    for (term, offset, df) in found {
        if out.len() >= MAX_COMPLETIONS {
            break;
        }
        if out.iter().all(|e| e.term != term) {
            out.push(Expansion {
                term,
                kind: MatchKind::Prefix,
                offset,
                df,
            });
        }
    }
}

/// Terms within `edits` typos of `word` (of a prefix of the term when
/// `prefix`), closest first, then most frequent.
pub fn typos(
    index: &SearchIndex,
    word: &str,
    edits: u8,
    prefix: bool,
    limit: usize,
) -> Vec<Expansion> {
    let builder = automaton_builder(edits);
    let dfa = if prefix {
        builder.build_prefix_dfa(word)
    } else {
        builder.build_dfa(word)
    };
    // The best `limit` so far as (edits, frequency, term, offset); a term
    // is copied only when it makes the list.
    let mut best: Vec<(u8, u32, String, u64)> = Vec::with_capacity(limit + 1);
    let mut stream = index.terms.search_with_state(&dfa).into_stream();
    let mut scanned = 0;
    while let Some((term, offset, state)) = stream.next() {
        scanned += 1;
        if scanned > MAX_SCAN {
            break;
        }
        let d = dfa.distance(state).to_u8();
        if d == 0 || !dfa.is_match(&state) {
            continue;
        }
        let df = index.df_at(offset);
        let better =
            |b: &(u8, u32, String, u64)| (d, std::cmp::Reverse(df)) < (b.0, std::cmp::Reverse(b.1));
        if best.len() == limit && !best.last().is_some_and(better) {
            continue;
        }
        let at = best.iter().position(better).unwrap_or(best.len());
        best.insert(
            at,
            (d, df, String::from_utf8_lossy(term).into_owned(), offset),
        );
        best.truncate(limit);
    }
    best.into_iter()
        .map(|(edits, df, term, offset)| Expansion {
            term,
            kind: MatchKind::Fuzzy { edits },
            offset,
            df,
        })
        .collect()
}

/// "Did you mean": the likeliest vocabulary term for a word that matched
/// nothing — within one typo for short words, two for longer ones.
pub fn suggest(index: &SearchIndex, word: &str) -> Option<String> {
    let len = word.chars().count();
    if len < MIN_SUGGEST_CHARS {
        return None;
    }
    let edits = if len <= SUGGEST_ONE_TYPO_UP_TO {
        1
    } else {
        MAX_EDITS
    };
    typos(index, word, edits, false, 1)
        .into_iter()
        .next()
        .map(|e| e.term)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::index::tests::articles;

    fn index() -> SearchIndex {
        SearchIndex::build(&articles(&[
            "Envoys meet\nSteve Witkoff held negotiations; talks about the negotiated deal.",
            "Other\nThe talk was about Witkoff and happiness in Kyiv.",
        ]))
    }

    fn terms(e: &[Expansion]) -> Vec<(&str, MatchKind)> {
        e.iter().map(|e| (e.term.as_str(), e.kind)).collect()
    }

    #[test]
    fn edits_grow_with_length() {
        assert_eq!(allowed_edits("kyiv"), 0);
        assert_eq!(allowed_edits("witkof"), 1);
        assert_eq!(allowed_edits("negotiate"), 2);
    }

    #[test]
    fn exact_and_stemmed() {
        let i = index();
        let e = expand(&i, "talks", false);
        assert_eq!(
            terms(&e),
            [("talks", MatchKind::Exact), ("talk", MatchKind::Stemmed)]
        );
        let e = expand(&i, "negotiation", false);
        assert!(terms(&e).contains(&("negotiations", MatchKind::Stemmed)));
        assert!(terms(&e).contains(&("negotiated", MatchKind::Stemmed)));
        // A stem that is not a prefix of its word (`happy` → `happi`).
        assert_eq!(
            terms(&expand(&i, "happy", false)),
            [("happiness", MatchKind::Stemmed)]
        );
    }

    #[test]
    fn typos_by_automaton() {
        let i = index();
        assert_eq!(
            terms(&expand(&i, "witkof", false)),
            [("witkoff", MatchKind::Fuzzy { edits: 1 })]
        );
        // A transposition is one edit.
        assert_eq!(
            terms(&expand(&i, "wiktoff", false)),
            [("witkoff", MatchKind::Fuzzy { edits: 1 })]
        );
        // Four letters allow no typo.
        assert!(expand(&i, "kyev", false).is_empty());
        // A known word is not "corrected".
        assert_eq!(
            terms(&expand(&i, "talk", false))[0],
            ("talk", MatchKind::Exact)
        );
    }

    #[test]
    fn prefixes_while_typing() {
        let i = index();
        let e = expand(&i, "negot", true);
        assert!(e.iter().all(|e| e.kind == MatchKind::Prefix));
        assert_eq!(e.len(), 2);
        // A typo in the typed prefix.
        let e = expand(&i, "negoit", true);
        assert!(!e.is_empty());
        assert!(e.iter().all(|e| matches!(e.kind, MatchKind::Fuzzy { .. })));
        // One character is too little to complete.
        assert!(expand(&i, "n", true).is_empty());
    }

    #[test]
    fn did_you_mean() {
        let i = index();
        assert_eq!(suggest(&i, "witkopf").as_deref(), Some("witkoff"));
        assert_eq!(suggest(&i, "zzzzzz"), None);
    }
}
