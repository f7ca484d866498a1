//! The search analyzer, under the names the search engine uses. It lives
//! in [`crate::text::analyzer`], below search, because comparison reads the
//! same terms; see there for what a term is.
//!
//! [`Token`] and [`TokenRef`] are the analyzer's [`Term`](crate::text::analyzer::Term)
//! and [`TermRef`](crate::text::analyzer::TermRef); [`for_each_token`] and
//! [`try_for_each_token`] its `for_each_term` and `try_for_each_term`;
//! [`is_stop_word`] is the lexicon's `is_search_stop_word`.

pub use crate::text::analyzer::{
    analyze, analyze_into, fold, fold_into, for_each_term as for_each_token, query_terms, stem,
    try_for_each_term as try_for_each_token, Term as Token, TermRef as TokenRef, MAX_TERM_BYTES,
};
pub use crate::text::lexicon::is_search_stop_word as is_stop_word;

#[cfg(test)]
mod tests {
    use super::*;

    /// The names search code uses keep resolving to the analyzer.
    #[test]
    fn search_names_reach_the_analyzer() {
        let tokens: Vec<Token> = analyze("Kyiv’s five-hour talks");
        assert_eq!(tokens.len(), 5);
        let mut refs: Vec<(String, u32)> = Vec::new();
        let end = for_each_token("the U.S. envoy", 7, |t: TokenRef<'_>| {
            refs.push((t.term.to_owned(), t.position))
        });
        assert_eq!(
            refs,
            [("the".into(), 7), ("us".into(), 8), ("envoy".into(), 9)]
        );
        assert_eq!(end, 10);
        let read = try_for_each_token("a b c", 0, |_| std::ops::ControlFlow::Break(()));
        assert_eq!(read, 1);
        assert_eq!(query_terms("five-hour"), ["five", "hour"]);
        assert!(is_stop_word("the") && MAX_TERM_BYTES == 48);
        assert_eq!(stem("talks"), "talk");
        assert_eq!(fold("KYIV").as_deref(), Some("kyiv"));
        let mut buf = String::new();
        assert!(fold_into("Zoë", &mut buf) && buf == "zoe");
        let mut out = Vec::new();
        assert_eq!(analyze_into("one two", 3, &mut out), 5);
    }
}
