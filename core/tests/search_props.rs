//! Whatever is typed, the query parser and the search answer without
//! panicking, and every highlight they give is inside its text.

mod common;

use std::sync::OnceLock;

use crosscheck_core::search::parse;
use crosscheck_core::{Bundle, SearchOptions};
use proptest::prelude::*;

fn bundle() -> &'static Bundle {
    static B: OnceLock<Bundle> = OnceLock::new();
    B.get_or_init(|| Bundle::build(common::read_txt_files(&common::corpus_dir())).unwrap())
}

fn check(q: &str, typing: bool) {
    let _ = parse(q);
    let opts = SearchOptions {
        typing,
        explain: true,
        ..SearchOptions::default()
    };
    let r = bundle().search(q, &opts);
    assert!(r.hits.len() <= r.total);
    for h in &r.hits {
        assert!(h.score.is_finite());
        let title_len = h.title.chars().count() as u32;
        assert!(h
            .title_highlights
            .iter()
            .all(|&(a, z)| a < z && z <= title_len));
        for s in &h.snippets {
            let len = s.text.chars().count() as u32;
            assert!(s.highlights.iter().all(|&(a, z)| a < z && z <= len));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_strings(q in any::<String>(), typing in any::<bool>()) {
        check(&q, typing);
    }

    #[test]
    fn query_syntax_soup(
        q in r#"([-"“” :]|OR|or|title:|person:|place:|org:|source:|witkoff|witkof|kyiv|Kýiv|negot|putin|€90|five-hour|the|🙂|\x00|\t){0,16}"#,
        typing in any::<bool>(),
    ) {
        check(&q, typing);
    }
}
