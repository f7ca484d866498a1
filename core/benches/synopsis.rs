//! Synopsis and same-fact speed.
//!
//! - `synopsis/twelve_bbc_articles`: the synopsis of the twelve BBC
//!   politics articles closest to 1,000 words (every pair aligned, facts
//!   clustered, words, disagreements and quotes per fact), words weighed
//!   with the statistics of the whole collection. Target: under 50 ms.
//!   Skipped with a message when the collection is absent.
//! - `same_fact/msrp_decide_4075_pairs`: the evidence and decision for the
//!   4,075 MSRP pairs, sentences parsed and statistics counted beforehand;
//!   `same_fact/msrp_parse_and_decide_4075_pairs`: the whole of
//!   `crosscheck same-fact` but reading the file (parse 8,150 sentences as
//!   one corpus, count statistics, decide). Skipped with a message when
//!   `../shared/datasets/msrp` is absent.
//!
//! Run with `cargo bench -p crosscheck-core --bench synopsis`.

use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion};
use crosscheck_core::compare::fact;
use crosscheck_core::{compare, parse_corpus, Article, TermStats};

#[path = "../tests/common/mod.rs"]
mod common;

fn twelve(c: &mut Criterion) {
    let Some(articles) = common::bbc_articles_or_skip("the synopsis benchmark") else {
        return;
    };
    let stats = TermStats::from_articles(&articles);
    let mut politics: Vec<&Article> = articles
        .iter()
        .filter(|a| a.file.starts_with("politics/"))
        .collect();
    politics.sort_by_key(|a| (a.word_count.abs_diff(1000), a.id.clone()));
    politics.truncate(12);
    let words: u32 = politics.iter().map(|a| a.word_count).sum();
    let sentences: usize = politics.iter().map(|a| a.sentences.len()).sum();
    let s = compare::synopsis(&politics, &stats);
    eprintln!(
        "12 articles, {} words on average, {sentences} sentences; {} facts, {} reported by more than one",
        words / 12,
        s.facts.len(),
        s.facts.iter().filter(|f| f.sentences.len() > 1).count()
    );
    let mut group = c.benchmark_group("synopsis");
    group.sample_size(20);
    group.bench_function("twelve_bbc_articles", |b| {
        b.iter(|| compare::synopsis(&politics, &stats))
    });
    group.finish();
}

fn msrp_files() -> Option<Vec<(String, Vec<u8>)>> {
    let dir = std::env::var_os("CROSSCHECK_MSRP")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/datasets/msrp")
        });
    let Ok(text) = std::fs::read_to_string(dir.join("train.tsv")) else {
        eprintln!("skipping the same-fact benchmark: ../shared/datasets/msrp/train.tsv was not found (set CROSSCHECK_MSRP to its folder)");
        return None;
    };
    let mut files = Vec::new();
    for (n, line) in text.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        let cols: Vec<&str> = line.split('\t').collect();
        let (a, b) = (cols[cols.len() - 2], cols[cols.len() - 1]);
        files.push((format!("{n}-1.txt"), a.as_bytes().to_vec()));
        files.push((format!("{n}-2.txt"), b.as_bytes().to_vec()));
    }
    Some(files)
}

fn decide_all(files: &[(String, Vec<u8>)]) -> usize {
    let articles: Vec<Article> = parse_corpus(files)
        .into_iter()
        .map(Result::unwrap)
        .collect();
    let stats = TermStats::from_articles(&articles);
    articles
        .chunks(2)
        .filter(|two| fact::same_fact(&two[0], &two[1], &stats).same)
        .count()
}

fn same_fact(c: &mut Criterion) {
    let Some(files) = msrp_files() else {
        return;
    };
    let articles: Vec<Article> = parse_corpus(&files)
        .into_iter()
        .map(Result::unwrap)
        .collect();
    let stats = TermStats::from_articles(&articles);
    let mut group = c.benchmark_group("same_fact");
    group.sample_size(10);
    group.bench_function(format!("msrp_decide_{}_pairs", files.len() / 2), |b| {
        b.iter(|| {
            articles
                .chunks(2)
                .filter(|two| fact::same_fact(&two[0], &two[1], &stats).same)
                .count()
        })
    });
    group.bench_function(
        format!("msrp_parse_and_decide_{}_pairs", files.len() / 2),
        |b| b.iter(|| decide_all(&files)),
    );
    group.finish();
}

criterion_group!(benches, twelve, same_fact);
criterion_main!(benches);
