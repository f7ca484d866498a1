//! Search speed and index size on the BBC news collection (2,225 articles).
//!
//! Run with `cargo bench -p crosscheck-core --bench search`. Measures:
//! - building the index from parsed articles (target: under 1 s);
//! - whole searches (ranking, snippets, facets) for 1–3 word queries, and
//!   their 95th percentile latency (target: under 1 ms);
//! - as-you-type searches, one per keystroke, with prefixes and typos, and
//!   their 95th percentile (target: under 2 ms);
//! - the serialized index against the raw text (target: at most 60%).
//!
//! The collection is read from `../shared/datasets/bbc` (or `CROSSCHECK_BBC`);
//! when it is absent the benchmark prints a message and measures nothing.

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use crosscheck_core::{parse_corpus, Article, SearchIndex, SearchOptions};

#[path = "../tests/common/mod.rs"]
mod common;

/// 1–3 word queries: words of BBC headlines, as a reader would type them.
const QUERIES: &[&str] = &[
    "economy",
    "oil prices",
    "yukos",
    "mobile phone",
    "blair election",
    "champions league",
    "oscar nominations",
    "broadband",
    "interest rates rise",
    "iraq",
    "tory tax plans",
    "england rugby",
    "video games",
    "music downloads",
    "chelsea",
    "film box office",
    "microsoft",
    "security software virus",
    "brown budget",
    "\"prime minister\"",
    "dollar",
    "apple ipod",
    "australian open",
    "jobs -sport",
    "person:blair",
];

/// Words typed letter by letter, some with typos.
const TYPED: &[&str] = &[
    "economy growth",
    "electon",
    "champions leage",
    "tony blair",
    "goverment plans",
    "broadbnad",
    "interest rates",
    "microsfot",
    "oscar nominations",
    "footbal",
];

fn percentile(mut samples: Vec<Duration>, p: f64) -> Duration {
    samples.sort();
    let i = ((samples.len() as f64 * p).ceil() as usize).clamp(1, samples.len()) - 1;
    samples[i]
}

/// The 95th percentile over every run of every query, and the three
/// queries with the slowest median.
fn time_searches(
    index: &SearchIndex,
    articles: &[Article],
    queries: &[(String, bool)],
) -> (Duration, Vec<(Duration, String)>) {
    let mut samples = Vec::new();
    let mut per_query = vec![Vec::new(); queries.len()];
    for _ in 0..20 {
        for (i, (q, typing)) in queries.iter().enumerate() {
            let opts = SearchOptions {
                typing: *typing,
                ..SearchOptions::default()
            };
            let t = Instant::now();
            let r = index.search(articles, q, &opts);
            let took = t.elapsed();
            samples.push(took);
            per_query[i].push(took);
            std::hint::black_box(r);
        }
    }
    let mut slowest: Vec<(Duration, String)> = per_query
        .into_iter()
        .zip(queries)
        .map(|(s, (q, _))| (percentile(s, 0.5), q.clone()))
        .collect();
    slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
    slowest.truncate(3);
    (percentile(samples, 0.95), slowest)
}

fn keystrokes() -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for q in TYPED {
        let chars: Vec<char> = q.chars().collect();
        for n in 2..=chars.len() {
            let prefix: String = chars[..n].iter().collect();
            if !prefix.ends_with(' ') {
                out.push((prefix, true));
            }
        }
    }
    out
}

fn search_bbc(c: &mut Criterion) {
    let Some(files) = common::bbc_files_or_skip("the search benchmark") else {
        return;
    };
    let raw: usize = files.iter().map(|(_, b)| b.len()).sum();
    let articles: Vec<Article> = parse_corpus(&files)
        .into_iter()
        .collect::<Result<_, _>>()
        .expect("the BBC collection parses");
    let index = SearchIndex::build(&articles);

    let size = index.byte_size();
    println!(
        "index: {} articles, {} terms; vocabulary and postings {} bytes = {:.1}% of the {} bytes of raw text",
        index.len(),
        index.term_count(),
        size,
        100.0 * size as f64 / raw as f64,
        raw
    );
    let plain: Vec<(String, bool)> = QUERIES.iter().map(|q| (q.to_string(), false)).collect();
    let (p95, slowest) = time_searches(&index, &articles, &plain);
    println!(
        "p95 query latency, {} queries of 1-3 words x 20: {p95:?}; slowest medians {slowest:?}",
        plain.len(),
    );
    let typed = keystrokes();
    let (p95, slowest) = time_searches(&index, &articles, &typed);
    println!(
        "p95 per keystroke, {} as-you-type prefixes x 20: {p95:?}; slowest medians {slowest:?}",
        typed.len(),
    );

    let mut group = c.benchmark_group("search");
    group.sample_size(10);
    group.bench_function(format!("build_index_bbc_{}", articles.len()), |b| {
        b.iter(|| SearchIndex::build(&articles))
    });
    group.sample_size(50);
    group.bench_function("query_two_words", |b| {
        let opts = SearchOptions::default();
        b.iter(|| index.search(&articles, "oil prices", &opts))
    });
    group.bench_function("keystroke_typo_prefix", |b| {
        let opts = SearchOptions {
            typing: true,
            ..SearchOptions::default()
        };
        b.iter(|| index.search(&articles, "champions leag", &opts))
    });
    group.finish();
}

criterion_group!(benches, search_bbc);
criterion_main!(benches);
