//! Ranking quality on CISI, a judged test collection (1,460 abstracts, 76
//! natural-language queries with relevance judgments), read from
//! `../shared/datasets/cisi` (or `CROSSCHECK_CISI`) and skipped with a
//! message when it is absent. Prints the figures the README quotes:
//! `cargo test -p crosscheck-core --test search_cisi -- --nocapture`.

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
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir.join("docs")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        files.push((name, std::fs::read(&path).unwrap()));
    }
    let bundle = Bundle::build(files).unwrap();
    let queries =
        eval::read_queries(&std::fs::read_to_string(dir.join("queries.tsv")).unwrap()).unwrap();
    let judgments =
        Judgments::read(&std::fs::read_to_string(dir.join("qrels.txt")).unwrap()).unwrap();
    let options = SearchOptions {
        limit: RECALL_DEPTH,
        ..SearchOptions::default()
    };
    let mut all = Vec::new();
    for q in &queries {
        let Some(grades) = judgments.of(&q.id) else {
            continue;
        };
        let results = bundle.search(&q.text, &options);
        let ranking: Vec<&str> = results
            .hits
            .iter()
            .map(|h| {
                bundle.articles[h.doc as usize]
                    .file
                    .trim_end_matches(".txt")
            })
            .collect();
        all.extend(eval::measure(&ranking, grades));
    }
    let m = eval::mean(&all);
    println!(
        "CISI, {} judged queries: nDCG@10 {:.3}, P@10 {:.3}, MAP {:.3}, R@100 {:.3}",
        all.len(),
        m.ndcg_10,
        m.p_10,
        m.ap,
        m.r_100
    );
    assert_eq!(all.len(), 76, "every judged query is measured");
    // Above a textbook BM25 (0.386 nDCG@10 here; today 0.393, R@100
    // 0.452): a ranking change that loses ground on long questions fails.
    assert!(m.ndcg_10 >= 0.39, "nDCG@10 fell to {:.3}", m.ndcg_10);
    assert!(m.r_100 >= 0.44, "R@100 fell to {:.3}", m.r_100);
}
