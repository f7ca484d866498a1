//! Full-text search over a corpus of articles: built at build time, shipped
//! in the [`crate::Bundle`], queried in the browser as the user types.
//!
//! The pipeline, one module per stage:
//!
//! ```text
//! Article ─ analyze ─▶ index (postings, vocabulary FST)      build time
//! "query" ─ query ─▶ plan (+ fuzzy expansions) ─▶ score ─▶ snippet, facets
//! ```
//!
//! Layers only look down: `postings`, `cursor` and `phrase` know bytes and
//! positions but not fields; `index` builds on them; `fuzzy`, `plan`,
//! `score`, `snippet` and `facets` read the index.
//!
//! - [`analyze`]: words, folding, stems, stop words — shared by every stage.
//! - [`postings`]: the compact varint byte form of posting lists.
//! - [`cursor`]: [`cursor::PostingCursor`], the one reader of a posting
//!   list (advance, seek, term frequency, positions on demand).
//! - [`phrase`]: where terms stand consecutively; the one adjacency test.
//! - [`index`]: [`SearchIndex`]: per-field postings with positions, the
//!   vocabulary as an FST, incremental add and remove, serialization.
//! - [`query`]: the query language and its parser (never fails).
//! - [`fuzzy`]: exact, stemmed, prefix and typo expansions of a word, and
//!   did-you-mean.
//! - `plan`: clauses → groups of matchers with fields and roles.
//! - [`score`]: BM25F with [`RankingWeights`], coverage, proximity, explain.
//! - [`snippet`]: best passages with exact highlights.
//! - [`facets`]: people, places, organisations and sources over the results.
//! - `results`: what a search is asked ([`SearchOptions`]) and answers
//!   ([`SearchResults`], [`SearchHit`]); the types every stage
//!   shares, so no stage needs this module's own code.
//!
//! ```
//! use crosscheck_core::{Bundle, search::SearchOptions};
//! let bundle = Bundle::build(vec![
//!     ("a.txt".into(), b"Envoys meet\nSteve Witkoff met officials in Kyiv.".to_vec()),
//! ]).unwrap();
//! let results = bundle.search("witkof kýiv", &SearchOptions::default());
//! assert_eq!(results.total, 1);
//! assert_eq!(results.hits[0].snippets[0].highlights, [(6, 13), (31, 35)]);
//! ```

pub mod analyze;
pub mod cursor;
pub mod facets;
pub mod fuzzy;
pub mod index;
pub mod phrase;
mod plan;
pub mod postings;
pub mod query;
pub mod refine;
mod results;
pub mod score;
pub mod snippet;

pub use facets::{FacetCount, Facets};
pub use fuzzy::MatchKind;
pub use index::{FacetKind, Field, SearchIndex};
pub use query::{parse, Notice, Query};
pub use results::{SearchHit, SearchOptions, SearchResults};
pub use score::{ClauseScore, Explanation, FieldWeight, RankingWeights, TermMatch};
pub use snippet::Snippet;

use crate::article::{Article, Span};
use query::{ClauseKind, Term};
use snippet::Highlighter;

impl SearchIndex {
    /// Runs a query. `articles` are the indexed articles in index order (the
    /// bundle's); they supply titles and passages. Passages are placed by
    /// the word positions the index recorded, so each article must be the
    /// one indexed under its id, unchanged. Never panics, whatever the
    /// query.
    pub fn search(
        &self,
        articles: &[Article],
        query: &str,
        options: &SearchOptions,
    ) -> SearchResults {
        let parsed = query::parse(query);
        let plan = plan::plan(self, &parsed, options.typing);
        let mut notices = plan.notices.clone();
        if parsed.unclosed_quote {
            notices.push(Notice::UnclosedQuote);
        }
        notices.extend(parsed.syntax.iter().cloned().map(Notice::Syntax));
        let mut results = SearchResults {
            query: query.to_string(),
            total: 0,
            hits: Vec::new(),
            facets: Facets::default(),
            suggestions: suggestions(&parsed, &plan.corrections),
            notices,
        };
        if plan.groups.is_empty() {
            if !results
                .notices
                .iter()
                .any(|n| matches!(n, Notice::Unsearchable(_)))
            {
                results.notices.push(Notice::EmptyQuery);
            }
            return results;
        }
        let weights = options.weights.unwrap_or_default();
        let mut ev = score::evaluate(self, &plan, &weights);
        if options.imported_only {
            ev.ranked.retain(|s| {
                articles
                    .get(s.doc as usize)
                    .is_some_and(|a| crate::id::is_imported(&a.id))
            });
        }
        results.total = ev.ranked.len();
        if results.total == 0 {
            results.notices.push(Notice::NoMatch);
            return results;
        }
        // Counted in index order, not rank order: walking the documents'
        // entries in memory order is several times faster for broad queries,
        // and the counts do not depend on the order.
        let mut matching: Vec<u32> = ev.ranked.iter().map(|s| s.doc).collect();
        matching.sort_unstable();
        results.facets = Facets::count(self, matching.into_iter(), options.facet_limit);
        let h = Highlighter::new(&plan);
        let from = options.offset.min(ev.ranked.len());
        let page = &ev.ranked[from..ev.ranked.len().min(from.saturating_add(options.limit))];
        let page_docs: Vec<u32> = page.iter().map(|s| s.doc).collect();
        let spots = h.page_spots(self, &page_docs);
        for (s, spots) in page.iter().zip(&spots) {
            let entry = &self.docs[s.doc as usize];
            let id = entry.id.clone();
            let article = articles
                .get(s.doc as usize)
                .filter(|a| a.id == id)
                .or_else(|| articles.iter().find(|a| a.id == id));
            results.hits.push(SearchHit {
                doc: s.doc,
                title: article.map(|a| a.title.clone()).unwrap_or_default(),
                title_highlights: article.map(|a| h.chars(&a.title)).unwrap_or_default(),
                snippets: article
                    .map(|a| {
                        snippet::snippets(
                            a,
                            entry,
                            spots,
                            &h,
                            options.snippets,
                            options.snippet_words,
                        )
                    })
                    .unwrap_or_default(),
                id,
                score: s.score,
                complete: s.complete,
                match_count: ev.match_count(s.doc),
                explanation: options.explain.then(|| ev.explain(s.doc)),
            });
        }
        results
    }

    /// Where the query's terms are in an article's body (byte spans), for
    /// highlighting the whole article when it is opened from a result.
    pub fn highlights(&self, article: &Article, query: &str, options: &SearchOptions) -> Vec<Span> {
        let parsed = query::parse(query);
        let plan = plan::plan(self, &parsed, options.typing);
        Highlighter::new(&plan).body(article)
    }
}

/// The query with each word that matched nothing replaced by its
/// did-you-mean term; empty when there is nothing to suggest.
fn suggestions(parsed: &Query, corrections: &[(String, String)]) -> Vec<String> {
    if corrections.is_empty() {
        return Vec::new();
    }
    let fix = |t: &Term| -> Term {
        match t {
            Term::Word(w) => {
                let terms = analyze::query_terms(w);
                match corrections
                    .iter()
                    .find(|(from, _)| terms == [from.as_str()])
                {
                    Some((_, to)) => Term::Word(to.clone()),
                    None => t.clone(),
                }
            }
            Term::Phrase(_) => t.clone(),
        }
    };
    let clauses: Vec<String> = parsed
        .clauses
        .iter()
        .map(|c| {
            let mut c = c.clone();
            c.kind = match &c.kind {
                ClauseKind::Term(t) => ClauseKind::Term(fix(t)),
                ClauseKind::Filter(f, t) => ClauseKind::Filter(*f, fix(t)),
                ClauseKind::AnyOf(ts) => ClauseKind::AnyOf(ts.iter().map(fix).collect()),
            };
            c.to_string()
        })
        .collect();
    vec![clauses.join(" ")]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::index::tests::articles;

    fn corpus() -> (Vec<Article>, SearchIndex) {
        let a = articles(&[
            "Envoys meet Putin\nPresident Vladimir Putin met Steve Witkoff in Moscow for nearly four hours.",
            "Kyiv responds\nOfficials in Kýiv said the five-hour meeting changed nothing.\nSources: RT | Al Jazeera",
            "Loan agreed\nThe EU agreed a €90 billion loan in 2022.",
        ]);
        let i = SearchIndex::build(&a);
        (a, i)
    }

    fn ids(r: &SearchResults) -> Vec<u32> {
        r.hits.iter().map(|h| h.doc).collect()
    }

    fn run(q: &str) -> SearchResults {
        let (a, i) = corpus();
        i.search(&a, q, &SearchOptions::default())
    }

    #[test]
    fn typical_queries() {
        assert_eq!(ids(&run("witkoff")), [0]);
        assert_eq!(ids(&run("Witkopf")), [0]);
        assert_eq!(ids(&run("kyiv")), [1]);
        assert_eq!(ids(&run("€90")), [2]);
        assert_eq!(ids(&run("2022 loan")), [2]);
        assert_eq!(ids(&run("\"five-hour meeting\"")), [1]);
        assert_eq!(ids(&run("fivehour")), [1]);
        // The part of `five-hour` exactly, `hours` by its stem.
        assert_eq!(ids(&run("hour")), [1, 0]);
        assert_eq!(ids(&run("source:\"al jazeera\"")), [1]);
        assert_eq!(ids(&run("person:putin")), [0]);
        assert_eq!(ids(&run("witkoff OR loan")).len(), 2);
    }

    #[test]
    fn operators_as_people_type_them() {
        // NOT and a leading minus leave articles out; they never find them.
        assert_eq!(ids(&run("NOT witkoff")), ids(&run("-witkoff")));
        assert!(!ids(&run("NOT witkoff")).contains(&0));
        assert_eq!(run("NOT witkoff").total, 2);
        assert_eq!(ids(&run("(witkoff OR loan) NOT putin")), [2]);
        assert_eq!(ids(&run("-(putin OR kyiv)")), [2]);
        // AND is what plain words do; + requires a word.
        assert_eq!(ids(&run("kyiv AND meeting")), ids(&run("kyiv meeting")));
        assert_eq!(ids(&run("kyiv meeting")), [1, 0]);
        assert_eq!(ids(&run("+kyiv meeting")), [1]);
        assert_eq!(ids(&run("+(kyiv OR loan) meeting")).len(), 2);
        // What cannot be read as written is said, never inverted.
        let r = run("witkoff NOT");
        assert_eq!(ids(&r), [0]);
        assert!(r
            .notices
            .contains(&Notice::Syntax(query::SyntaxNote::LoneNot)));
        let r = run("witkoff -(putin meeting)");
        assert_eq!(ids(&r), [0]);
        assert!(r
            .notices
            .iter()
            .any(|n| n.to_string().contains("-(moscow OR kremlin)")));
    }

    #[test]
    fn facets_and_counts() {
        let r = run("putin");
        let people: Vec<&str> = r.facets.people.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(people, ["Steve Witkoff", "Vladimir Putin"]);
        assert!(r.hits[0].match_count >= 2);
        assert_eq!(r.hits[0].title_highlights, [(12, 17)]);
    }

    #[test]
    fn did_you_mean_and_notices() {
        let r = run("lona");
        assert_eq!(r.total, 0);
        assert_eq!(r.suggestions, ["loan"]);
        assert!(r.notices.contains(&Notice::NoMatch));
        assert_eq!(run("").notices, [Notice::EmptyQuery]);
        assert_eq!(run("🙂").notices, [Notice::Unsearchable(vec!["🙂".into()])]);
        let r = run("\"four hours");
        assert!(r.notices.contains(&Notice::UnclosedQuote));
        // Past 1,000 characters or 64 terms (alternatives count), the query
        // says it was cut.
        for long in ["loan ".repeat(300), vec!["loan"; 65].join(" OR ")] {
            let r = run(&long);
            assert!(r.notices.contains(&Notice::Truncated), "{long}");
            assert_eq!(ids(&r), [2]);
        }
        assert!(!run(&vec!["loan"; 64].join(" OR "))
            .notices
            .contains(&Notice::Truncated));
        assert_eq!(ids(&r), [0]);
    }

    #[test]
    fn explain_adds_up() {
        let (a, i) = corpus();
        let opts = SearchOptions {
            explain: true,
            ..SearchOptions::default()
        };
        let r = i.search(&a, "putin witkoff", &opts);
        let e = r.hits[0].explanation.as_ref().unwrap();
        assert!((e.total - r.hits[0].score).abs() < 1e-4);
        assert!(e.proximity > 0.0);
    }

    #[test]
    fn article_highlights() {
        let (a, i) = corpus();
        let spans = i.highlights(&a[1], "kyiv meeting", &SearchOptions::default());
        let words: Vec<&str> = spans.iter().map(|s| &a[1].body[s.range()]).collect();
        assert_eq!(words, ["Kýiv", "meeting"]);
    }
}
