//! Comparison speed.
//!
//! - `compare/two_1000_word_articles`: the full pairwise comparison
//!   (alignment, word diffs, entities, quotes, disagreements, similarity)
//!   of two articles of about 1,000 words each, made by joining seed
//!   articles (`corpus/`) two by two. Target: under 10 ms.
//! - `compare/bbc_matrix`: the corpus comparison (statistics, similarity
//!   matrix, unique coverage) of the 2,225 BBC articles, parsed beforehand.
//!   Target: under 3 s. Skipped with a message when the collection is absent.
//!
//! Run with `cargo bench -p crosscheck-core --bench compare`.

use criterion::{criterion_group, criterion_main, Criterion};
use crosscheck_core::{compare, parse_corpus, Article, CorpusComparison, TermStats};

#[path = "../tests/common/mod.rs"]
mod common;

fn seeds() -> Vec<Vec<u8>> {
    common::read_txt_files(&common::corpus_dir())
        .into_iter()
        .map(|f| f.1)
        .collect()
}

/// Two articles of about 1,000 words: seeds 0 and 1 joined, seeds 4 and 3
/// joined (one paragraph per line, so the join is plain concatenation).
fn two_long_articles() -> Vec<Article> {
    let s = seeds();
    let join = |x: &[u8], y: &[u8]| {
        let mut v = x.to_vec();
        v.extend_from_slice(b"\n\n");
        v.extend_from_slice(y);
        v
    };
    let files = vec![
        ("a.txt".to_owned(), join(&s[0], &s[1])),
        ("b.txt".to_owned(), join(&s[4], &s[3])),
    ];
    parse_corpus(&files)
        .into_iter()
        .map(Result::unwrap)
        .collect()
}

fn pair(c: &mut Criterion) {
    let articles = two_long_articles();
    let stats = TermStats::from_articles(&articles);
    eprintln!(
        "articles of {} and {} words",
        articles[0].word_count, articles[1].word_count
    );
    c.bench_function("compare/two_1000_word_articles", |b| {
        b.iter(|| compare(&articles[0], &articles[1], &stats))
    });
}

fn matrix(c: &mut Criterion) {
    let Some(articles) = common::bbc_articles_or_skip("the matrix benchmark") else {
        return;
    };
    let mut group = c.benchmark_group("compare");
    group.sample_size(10);
    group.bench_function(format!("bbc_matrix_{}_articles", articles.len()), |b| {
        b.iter(|| CorpusComparison::build(&articles))
    });
    group.finish();
}

criterion_group!(benches, pair, matrix);
criterion_main!(benches);
