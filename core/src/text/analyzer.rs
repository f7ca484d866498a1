//! The analyzer: the one place that decides what a search "term" is, shared
//! by the indexer, the query planner and the highlighter so that all three
//! always agree (a highlight can only mark a word the index would have
//! matched), and by comparison, which matches texts on the terms' stems.
//!
//! A term is a word of the [tokenizer](super::tokenizer) (Unicode word
//! boundaries, UAX #29), folded so that spelling variants a reader would not
//! notice compare equal:
//!
//! - NFKC, lower case, then NFKD with combining marks dropped, so `Kýiv`,
//!   `KYIV` and `Kyiv` are one term, and full-width or ligature forms match
//!   their plain letters;
//! - curly and straight apostrophes are one character, a possessive `’s` is
//!   cut (`Kyiv’s` → `kyiv`) and other apostrophes are dropped (`O’Brien` →
//!   `obrien`), because readers type them inconsistently;
//! - dotted abbreviations lose their dots (`U.S.` → `us`) while decimals keep
//!   theirs (`1.13bn`), and thousands separators go (`1,000` → `1000`);
//!   currency signs are not word characters, so `€90` is found by `90`;
//! - a hyphenated word yields each part at its own position *and* the whole
//!   (`five-hour` → `five`, `hour`, plus `fivehour` at the position of
//!   `five`), so `hour`, `five hour`, `"five-hour"` and `fivehour` all find it.
//!
//! Stop words are indexed like any other word, with their positions, so a
//! quoted phrase matches exactly; only ranking ignores them (see
//! [`crate::text::lexicon::is_search_stop_word`]). Stemming is not applied
//! to indexed terms: the index keeps surface forms and the query side
//! expands a word to the surface forms sharing its Snowball stem, so an
//! exact match can outrank a stemmed one.
//!
//! The analyzer is a chain of steps over the tokenizer's words, each one
//! concern, in the order they apply:
//!
//! 1. [`tokenize`]: the words and their byte ranges;
//! 2. [`Token::cut_possessive`] with [`POSSESSIVE_ENDINGS`]: `Kyiv’s` →
//!    `Kyiv`, so a highlight stops before the `’s`;
//! 3. [`fold_into`]: case, marks, compatibility forms, apostrophes, dots and
//!    separators, then the cut to [`MAX_TERM_BYTES`]; a word with nothing
//!    searchable left is dropped;
//! 4. [`Compounds`]: positions, and the whole of a hyphenated word after its
//!    parts.

use std::borrow::Cow;
use std::ops::ControlFlow;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use super::chars::is_hyphen;
use super::tokenizer::{tokenize, Token};

/// Terms longer than this many bytes are cut (on a char boundary): nobody
/// searches for them, and a 10,000-character "word" must not bloat anything.
pub const MAX_TERM_BYTES: usize = 48;

/// The possessive endings the analyzer cuts: both apostrophes and the
/// modifier letter apostrophe `ʼ` some keyboards type.
pub const POSSESSIVE_ENDINGS: &[&str] = &["’s", "'s", "’S", "'S", "ʼs"];

/// A term of analyzed text with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The folded term.
    pub term: String,
    /// Byte range of the word in the analyzed text (a possessive `’s` is not
    /// part of it), so a highlight marks exactly the word.
    pub start: usize,
    pub end: usize,
    /// Word position: consecutive words have consecutive positions.
    pub position: u32,
    /// True for the whole of a hyphenated word, which shares the position
    /// of its first part; phrases are matched on the parts.
    pub compound: bool,
}

/// A term that borrows a buffer the analyzer reuses: the allocation-free
/// form of [`Term`] for hot loops (indexing, highlighting, comparison).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermRef<'a> {
    pub term: &'a str,
    pub start: usize,
    pub end: usize,
    pub position: u32,
    pub compound: bool,
}

/// Splits `text` into terms, positions counted from 0.
pub fn analyze(text: &str) -> Vec<Term> {
    let mut out = Vec::new();
    analyze_into(text, 0, &mut out);
    out
}

/// Appends the terms of `text` to `out`, positions counted from
/// `first_position`; returns the position after the last word.
pub fn analyze_into(text: &str, first_position: u32, out: &mut Vec<Term>) -> u32 {
    for_each_term(text, first_position, |t| {
        out.push(Term {
            term: t.term.to_string(),
            start: t.start,
            end: t.end,
            position: t.position,
            compound: t.compound,
        })
    })
}

/// Calls `f` with each term of `text` in order (a hyphenated word's whole
/// comes right after its parts), positions counted from `first_position`;
/// returns the position after the last word.
pub fn for_each_term(text: &str, first_position: u32, mut f: impl FnMut(TermRef<'_>)) -> u32 {
    try_for_each_term(text, first_position, |t| {
        f(t);
        ControlFlow::Continue(())
    })
}

/// [`for_each_term`] that stops once `f` breaks, for readers that need
/// only the start of a text; returns the position after the last word read.
/// A hyphenated run is emitted whole, so `f` still sees the rest of the
/// run's terms after breaking (and must ignore them if it needs to).
pub fn try_for_each_term(
    text: &str,
    first_position: u32,
    mut f: impl FnMut(TermRef<'_>) -> ControlFlow<()>,
) -> u32 {
    let mut run = Compounds::new(first_position);
    for word in tokenize(text) {
        let word = word.cut_possessive(POSSESSIVE_ENDINGS);
        if !run.continues_with(text, &word) {
            if let ControlFlow::Break(p) = run.flush(&mut f) {
                return p;
            }
        }
        run.fold_and_push(&word);
    }
    match run.flush(&mut f) {
        ControlFlow::Break(p) | ControlFlow::Continue(p) => p,
    }
}

/// Analyzes the words of a query: the same terms as [`analyze`], without the
/// compound wholes (a query's hyphenated word is matched as a phrase of its
/// parts, which also finds the hyphenated form).
pub fn query_terms(text: &str) -> Vec<String> {
    analyze(text)
        .into_iter()
        .filter(|t| !t.compound)
        .map(|t| t.term)
        .collect()
}

/// The last step: numbers the terms and joins words written with single
/// hyphens. A run of such words (`de-escalation`, `five-hour`) gives each
/// part at its own position, then the whole (`deescalation`) at the first
/// part's position; any other word is a run of one. Term buffers are reused
/// from run to run.
#[derive(Debug, Default)]
pub struct Compounds {
    /// Position of the next part.
    position: u32,
    /// Byte ranges of the run's parts.
    spans: Vec<(usize, usize)>,
    /// Folded parts; only the first `spans.len()` are the run's.
    terms: Vec<String>,
    whole: String,
}

impl Compounds {
    /// An empty run, the first word at `first_position`.
    pub fn new(first_position: u32) -> Compounds {
        Compounds {
            position: first_position,
            ..Compounds::default()
        }
    }

    /// True when the run is empty or `word` joins it: only one hyphen lies
    /// between the run's last part and `word`.
    pub fn continues_with(&self, text: &str, word: &Token) -> bool {
        match self.spans.last() {
            None => true,
            Some(&(_, end)) => is_hyphen_gap(text.get(end..word.start).unwrap_or("")),
        }
    }

    /// Folds `word` into the run's next term; a word with nothing
    /// searchable left adds nothing (and does not end the run).
    pub fn fold_and_push(&mut self, word: &Token) {
        let i = self.spans.len();
        if self.terms.len() <= i {
            self.terms.push(String::new());
        }
        if fold_into(word.text, &mut self.terms[i]) {
            self.spans.push((word.start, word.end));
        }
    }

    /// Emits the run's parts and then its whole, and empties it; breaks with
    /// the position reached when `f` does (after emitting the whole run).
    pub fn flush(
        &mut self,
        mut f: impl FnMut(TermRef<'_>) -> ControlFlow<()>,
    ) -> ControlFlow<u32, u32> {
        let first = self.position;
        let mut stop = false;
        for (&(start, end), term) in self.spans.iter().zip(&self.terms) {
            stop |= f(TermRef {
                term,
                start,
                end,
                position: self.position,
                compound: false,
            })
            .is_break();
            self.position += 1;
        }
        if self.spans.len() > 1 {
            self.whole.clear();
            for t in &self.terms[..self.spans.len()] {
                self.whole.push_str(t);
            }
            truncate(&mut self.whole);
            // Cut to the longest term, a whole can equal its first part:
            // that term is already at this position.
            if self.whole != self.terms[0] {
                stop |= f(TermRef {
                    term: &self.whole,
                    start: self.spans[0].0,
                    end: self.spans[self.spans.len() - 1].1,
                    position: first,
                    compound: true,
                })
                .is_break();
            }
        }
        self.spans.clear();
        if stop {
            ControlFlow::Break(self.position)
        } else {
            ControlFlow::Continue(self.position)
        }
    }
}

/// Exactly one hyphen (`-`, `‐`, `‑`).
fn is_hyphen_gap(gap: &str) -> bool {
    let mut chars = gap.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if is_hyphen(c))
}

/// Folds one word to its term, or `None` when nothing searchable is left.
///
/// ```
/// use crosscheck_core::text::analyzer::fold;
/// assert_eq!(fold("Kýiv").as_deref(), Some("kyiv"));
/// assert_eq!(fold("U.S").as_deref(), Some("us"));
/// assert_eq!(fold("1,000").as_deref(), Some("1000"));
/// ```
pub fn fold(word: &str) -> Option<String> {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out).then_some(out)
}

/// [`fold`] into a reused buffer; false when nothing searchable is left.
pub fn fold_into(word: &str, out: &mut String) -> bool {
    out.clear();
    let ascii = word.is_ascii();
    if ascii {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        let lower: String = word.nfkc().flat_map(char::to_lowercase).collect();
        for c in lower.nfkd().filter(|c| !is_combining_mark(*c)) {
            match c {
                '’' | '‘' | 'ʼ' | '′' | '`' | '´' => out.push('\''),
                'ß' => out.push_str("ss"),
                'æ' => out.push_str("ae"),
                'œ' => out.push_str("oe"),
                'ø' => out.push('o'),
                'ł' => out.push('l'),
                'đ' => out.push('d'),
                'ı' => out.push('i'),
                _ => out.push(c),
            }
        }
    }
    if out.contains(['\'', ',']) {
        out.retain(|c| c != '\'' && c != ',');
    }
    if out.contains('.') {
        if out.chars().any(|c| c.is_ascii_digit()) {
            let trimmed = out.trim_end_matches('.').len();
            out.truncate(trimmed);
        } else {
            out.retain(|c| c != '.');
        }
    }
    truncate(out);
    if ascii {
        out.bytes().any(|b| b.is_ascii_alphanumeric())
    } else {
        out.chars().any(char::is_alphanumeric)
    }
}

fn truncate(term: &mut String) {
    if term.len() > MAX_TERM_BYTES {
        let mut cut = MAX_TERM_BYTES;
        while !term.is_char_boundary(cut) {
            cut -= 1;
        }
        term.truncate(cut);
    }
}

/// The Snowball (Porter 2) English stem of a term; terms with digits are
/// their own stem.
pub fn stem(term: &str) -> Cow<'_, str> {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    if term.chars().any(|c| c.is_ascii_digit()) {
        return Cow::Borrowed(term);
    }
    STEMMER
        .get_or_init(|| Stemmer::create(Algorithm::English))
        .stem(term)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::text::lexicon::is_search_stop_word as is_stop_word;

    fn terms(s: &str) -> Vec<String> {
        analyze(s).into_iter().map(|t| t.term).collect()
    }

    #[test]
    fn diacritics_and_case_fold() {
        assert_eq!(
            terms("Kýiv KYIV Zoë Straße"),
            ["kyiv", "kyiv", "zoe", "strasse"]
        );
        assert_eq!(fold("ﬁnal").as_deref(), Some("final"));
        assert_eq!(fold("ＡＢＣ").as_deref(), Some("abc"));
    }

    #[test]
    fn possessives_and_apostrophes() {
        let t = analyze("Kyiv’s view, Putin's aide and O’Brien");
        assert_eq!(t[0].term, "kyiv");
        assert_eq!((t[0].start, t[0].end), (0, 4), "the ’s is not highlighted");
        assert_eq!(t[2].term, "putin");
        assert_eq!(t[5].term, "obrien");
    }

    #[test]
    fn numbers_and_amounts() {
        assert_eq!(
            terms("€90 billion in 2022, 1,000 troops, $1.13bn."),
            ["90", "billion", "in", "2022", "1000", "troops", "1.13bn"]
        );
        assert_eq!(terms("the U.S. envoy"), ["the", "us", "envoy"]);
    }

    #[test]
    fn hyphenated_words_give_parts_and_whole() {
        let t = analyze("a five-hour de-escalation");
        let got: Vec<(&str, u32, bool)> = t
            .iter()
            .map(|t| (t.term.as_str(), t.position, t.compound))
            .collect();
        assert_eq!(
            got,
            [
                ("a", 0, false),
                ("five", 1, false),
                ("hour", 2, false),
                ("fivehour", 1, true),
                ("de", 3, false),
                ("escalation", 4, false),
                ("deescalation", 3, true),
            ]
        );
        let whole = &t[3];
        assert_eq!(
            &"a five-hour de-escalation"[whole.start..whole.end],
            "five-hour"
        );
        assert_eq!(query_terms("five-hour"), ["five", "hour"]);
    }

    #[test]
    fn spans_slice_the_text_and_positions_are_consecutive() {
        let s = "«Zoë» said: Kyiv’s 1,000 — “nearly four hours” 🙂";
        let t = analyze(s);
        for (i, tok) in t.iter().enumerate() {
            assert!(s.is_char_boundary(tok.start) && s.is_char_boundary(tok.end));
            assert_eq!(tok.position, i as u32);
        }
        assert_eq!(
            terms(s),
            ["zoe", "said", "kyiv", "1000", "nearly", "four", "hours"]
        );
    }

    #[test]
    fn emoji_punctuation_and_controls_give_nothing() {
        assert!(analyze("🙂 -- \u{0}\u{7} ?!").is_empty());
    }

    #[test]
    fn long_words_are_cut() {
        let long = "a".repeat(10_000);
        assert_eq!(terms(&long)[0].len(), MAX_TERM_BYTES);
    }

    #[test]
    fn stems_and_stop_words() {
        assert_eq!(stem("negotiations"), "negoti");
        assert_eq!(stem("negotiating"), "negoti");
        assert_eq!(stem("2022"), "2022");
        assert!(is_stop_word("the") && is_stop_word("with"));
        assert!(!is_stop_word("us") && !is_stop_word("talks"));
    }
}
