//! Every list of words Crosscheck knows, in one place: stop words and
//! function words, abbreviations, the cues the extractors read names and
//! speech by, number words, and the gazetteer of places and bodies.
//!
//! The lists are English and deliberately small (news about world affairs).
//! Each is a closed set with a name saying what it is for; two lists that
//! look alike (search stop words and the extractors' function words) are
//! kept apart on purpose, see [`function_words`].

/// Defines `fn $name(word: &str) -> bool`, true for the listed words (exact
/// case), backed by a set built on first use. Defined before the modules
/// below so they can use it.
macro_rules! word_set {
    ($(#[$doc:meta])* $name:ident, [$($w:literal),* $(,)?]) => {
        $(#[$doc])*
        pub fn $name(word: &str) -> bool {
            static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
                std::sync::OnceLock::new();
            SET.get_or_init(|| [$($w),*].into_iter().collect()).contains(word)
        }
    };
}
pub mod cues;
pub mod function_words;
pub mod gazetteer;
pub mod numbers;

pub use cues::*;
pub use function_words::*;
pub use numbers::*;

/// Abbreviations whose dot belongs to the word, not to the sentence.
pub const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt", "col",
    "capt", "sgt", "maj", "mt", "inc", "ltd", "corp", "co", "vs", "no", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "dept", "est", "fig", "rev",
    "hon", "messrs", "cf", "al",
];

/// True for an abbreviation listed in [`ABBREVIATIONS`] (any case, with or
/// without its dot).
pub fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    w.len() <= 6 && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_in_any_case_with_or_without_dot() {
        assert!(is_abbreviation("Mr.") && is_abbreviation("JAN") && is_abbreviation("st"));
        assert!(!is_abbreviation("Mister") && !is_abbreviation(""));
    }
}
