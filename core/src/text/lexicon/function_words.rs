//! Words that carry grammar rather than meaning, in two lists kept apart on
//! purpose because they serve different readers:
//!
//! - [`is_search_stop_word`]: what search ranking and comparison similarity
//!   ignore. The classic English stop list; it leaves out `us` (also the
//!   folded `U.S.`) and words that can carry the news (`first`, `two`).
//! - [`is_function_word`]: what the extractors never take for a name, a
//!   counted noun or a role: a larger list with sentence adverbs
//!   (`however`, `meanwhile`), numbers and days (`two`, `today`) and the
//!   verbs that open a clause (`asked`, `according`).
//!
//! And a few small lists the extractors and the layout read clauses by.

/// Sorted, for binary search.
pub const SEARCH_STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "after",
    "again",
    "all",
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
    "me",
    "more",
    "most",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "ought",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
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

/// Very common English function words, for search and comparison. They stay
/// in the index (phrases need them) but a query's plain stop words neither
/// rank nor are required when the query has other words, and comparison
/// leaves them out of similarity. `us` is left out: it is also the folded
/// `U.S.`.
pub fn is_search_stop_word(term: &str) -> bool {
    SEARCH_STOP_WORDS.binary_search(&term).is_ok()
}

word_set!(
    /// Words that are capitalised only because they open a sentence; for the
    /// extractors they are never a name, a counted noun or a role. Lower case.
    is_function_word,
    [
        "a", "an", "the", "this", "that", "these", "those", "it", "its", "he", "she", "they",
        "we", "i", "you", "his", "her", "their", "our", "my", "your", "in", "on", "at", "for",
        "from", "by", "with", "without", "as", "of", "to", "into", "after", "before",
        "during", "since", "until", "while", "when", "where", "what", "who", "whom", "whose",
        "which", "why", "how", "if", "but", "and", "or", "nor", "so", "yet", "although",
        "though", "because", "despite", "however", "meanwhile", "still", "even", "also",
        "only", "just", "both", "each", "every", "all", "some", "many", "most", "more",
        "much", "such", "other", "another", "no", "not", "there", "here", "then", "now",
        "today", "yesterday", "tomorrow", "last", "next", "first", "second", "third", "one",
        "two", "three", "four", "five", "according", "following", "under", "over", "among",
        "between", "against", "amid", "about", "around", "through", "across", "instead",
        "indeed", "moreover", "furthermore", "nevertheless", "nonetheless", "ultimately",
        "finally", "overall", "later", "earlier", "recently", "currently", "separately",
        "similarly", "likewise", "perhaps", "already", "again", "once", "thus", "therefore",
        "hence", "yes", "oh", "well", "unlike", "like", "whether", "whatever", "any", "none",
        "few", "several", "those", "upon", "within", "beyond", "towards", "toward", "via",
        "per", "do", "does", "did", "is", "are", "was", "were", "be", "been", "has", "have",
        "had", "will", "would", "can", "could", "should", "may", "might", "must", "let",
        "asked", "speaking", "looking", "having", "being", "given", "based", "rather",
    ]
);

/// Words that end the subject of a speech verb when read backwards
/// (`… talks *that* the envoy said`).
pub fn is_clause_break(word: &str) -> bool {
    matches!(
        word,
        "that"
            | "with"
            | "while"
            | "and"
            | "but"
            | "as"
            | "when"
            | "after"
            | "which"
            | "who"
            | "where"
            | "although"
            | "though"
            | "because"
            | "since"
            | "if"
    )
}

/// Pronouns that stand for a person named before them (`he said`).
pub fn is_third_person_pronoun(word: &str) -> bool {
    matches!(word, "he" | "she" | "they")
}

/// Subject pronouns: none of them is a role phrase (`what *it* terms`).
pub fn is_subject_pronoun(word: &str) -> bool {
    is_third_person_pronoun(word) || matches!(word, "it" | "we" | "i" | "you")
}

/// Words that may open a role phrase before the role itself (`the Russian
/// side`, `one American official`).
pub fn is_role_determiner(word: &str) -> bool {
    matches!(
        word,
        "a" | "an" | "the" | "one" | "some" | "another" | "two" | "several"
    )
}

/// Function words that make a good place to cut a long inferred title.
pub const TITLE_CUT_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "into", "on", "over", "with", "as", "while", "which", "that",
    "after", "before", "for", "from", "to", "amid", "and", "but", "by", "at",
];

/// Words that open a subordinate clause; a lede opening with one says its
/// news in the next clause.
pub const SUBORDINATORS: &[&str] = &[
    "as",
    "while",
    "when",
    "although",
    "though",
    "after",
    "before",
    "if",
    "despite",
    "amid",
    "following",
    "since",
    "because",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words() {
        assert!(is_search_stop_word("the") && is_search_stop_word("with"));
        assert!(!is_search_stop_word("us") && !is_search_stop_word("talks"));
    }

    #[test]
    fn stop_list_is_sorted_for_binary_search() {
        // is_search_stop_word relies on it; a word added out of order would vanish.
        assert!(SEARCH_STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn the_two_lists_serve_different_readers() {
        assert!(is_function_word("however") && !is_search_stop_word("however"));
        assert!(is_search_stop_word("ours") && !is_function_word("ours"));
    }
}
