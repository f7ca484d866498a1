//! Ranking quality on CISI, a judged test collection (1,460 abstracts, 76
//! natural-language queries with relevance judgments), read from
//! `../shared/datasets/cisi` (or `CROSSCHECK_CISI`) and skipped with a
//! message when it is absent. Prints the figures the README quotes:
//! `cargo test -p crosscheck-core --test search_cisi -- --nocapture`.

mod common;

use std::path::{Path, PathBuf};

use crosscheck_core::eval::{self, Judgments, RECALL_DEPTH};
use crosscheck_core::{Bundle, SearchOptions};

fn cisi_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("CROSSCHECK_CISI")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/datasets/cisi")
        });
    dir.join("qrels.txt").is_file().then_some(dir)
}

#[test]
fn cisi_ranking_quality() {
    let Some(dir) = cisi_dir() else {
        eprintln!(
            "skipping the CISI ranking check: the collection was not found (set CROSSCHECK_CISI)"
        );
        return;
    };
    let bundle = Bundle::build(common::read_txt_files(&dir.join("docs"))).unwrap();
    let queries =
        eval::read_queries(&std::fs::read_to_string(dir.join("queries.tsv")).unwrap()).unwrap();
    let judgments =
        Judgments::read(&std::fs::read_to_string(dir.join("qrels.txt")).unwrap()).unwrap();
    let options = SearchOptions {
        limit: RECALL_DEPTH,
        ..SearchOptions::default()
    };
    let report = eval::judge(&queries, &judgments, |text| {
        let results = bundle.search(text, &options);
        results
            .hits
            .iter()
            .map(|h| eval::file_stem(&bundle.articles[h.doc as usize].file))
            .collect()
    });
    let m = report.mean;
    println!(
        "CISI, {} judged queries: nDCG@10 {:.3}, P@10 {:.3}, MAP {:.3}, R@100 {:.3}",
        report.outcomes.len(),
        m.ndcg_10,
        m.p_10,
        m.ap,
        m.r_100
    );
    assert_eq!(report.outcomes.len(), 76, "every judged query is measured");
    // Above a textbook BM25 (0.386 nDCG@10 here; today 0.393, R@100
    // 0.452): a ranking change that loses ground on long questions fails.
    assert!(m.ndcg_10 >= 0.39, "nDCG@10 fell to {:.3}", m.ndcg_10);
    assert!(m.r_100 >= 0.44, "R@100 fell to {:.3}", m.r_100);
}
