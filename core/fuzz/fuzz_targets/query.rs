//! Fuzzes the query language end to end: arbitrary text (operators, quotes,
//! filters, parentheses, very long input) is parsed, planned and run
//! against a small bundle of two seed articles, as typed and as submitted.
//! Nothing may panic, and what comes back must be well formed:
//!
//! - the parsed query respects the clause limit, and writing its clauses
//!   back as text reads to the same clauses (facet chips rely on that);
//! - hits are within the page size and the corpus, highlights lie in the
//!   texts they mark, on char boundaries.
//!
//! Bounded run on the stable toolchain (see `scripts/fuzz.sh`):
//!
//! ```text
//! cd core && cargo fuzz run query --sanitizer none fuzz/corpus/query fuzz/seeds/query -- -max_total_time=60
//! ```
#![no_main]

use std::sync::OnceLock;

use crosscheck_core::search::query::{parse, MAX_CLAUSES, MAX_QUERY_CHARS};
use crosscheck_core::{Bundle, SearchOptions};
use libfuzzer_sys::fuzz_target;

/// Two articles of the repository's corpus, indexed once.
fn bundle() -> &'static Bundle {
    static BUNDLE: OnceLock<Bundle> = OnceLock::new();
    BUNDLE.get_or_init(|| {
        Bundle::build(vec![
            (
                "000.txt".into(),
                include_bytes!("../../../corpus/000_33c2e98580f1a62a.txt").to_vec(),
            ),
            (
                "002.txt".into(),
                include_bytes!("../../../corpus/002_109feb134c1be67a.txt").to_vec(),
            ),
        ])
        .expect("the seed articles parse")
    })
}

/// Char offsets `(start, end)` must lie within `text`, in order.
fn check_char_ranges(text: &str, ranges: &[(u32, u32)]) {
    let chars = text.chars().count() as u32;
    for &(s, e) in ranges {
        assert!(s <= e && e <= chars, "{s}..{e} of {chars} chars");
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let query = parse(&text);
    assert!(query.clauses.len() <= MAX_CLAUSES);
    // Writing adds spaces between clauses and closes quotes, so a query
    // near the length limit may be written longer than the parser reads.
    let written: Vec<String> = query.clauses.iter().map(|c| c.to_string()).collect();
    let written = written.join(" ");
    if !query.truncated && written.chars().count() <= MAX_QUERY_CHARS {
        assert_eq!(parse(&written).clauses, query.clauses, "{written:?}");
    }

    // As typed (the last word also a prefix) or as submitted: one search
    // per input keeps the run fast, and the length decides which.
    let bundle = bundle();
    let options = SearchOptions {
        typing: data.len() % 2 == 1,
        limit: 1,
        ..SearchOptions::default()
    };
    let results = bundle.search(&text, &options);
    assert!(results.hits.len() <= 1);
    assert!(results.total <= bundle.articles.len());
    for hit in &results.hits {
        let article = bundle.article(&hit.id).expect("a hit names an article");
        check_char_ranges(&article.title, &hit.title_highlights);
        for s in &hit.snippets {
            check_char_ranges(&s.text, &s.highlights);
            assert_eq!(article.body.get(s.span.range()), Some(s.text.as_str()));
        }
        for span in bundle.index.highlights(article, &text, &options) {
            assert!(article.body.get(span.range()).is_some(), "{span:?}");
        }
    }
    for n in &results.notices {
        let _ = n.to_string();
    }
});
