//! Parsing speed on the BBC news collection (2,225 articles) as one corpus:
//! decoding, layout, sentences and the corpus-wide entity pass.
//!
//! Run with `cargo bench -p crosscheck-core --bench parse`. The collection is
//! read from `../shared/datasets/bbc` (or `CROSSCHECK_BBC`); when it is
//! absent the benchmark prints a message and measures nothing.

use criterion::{criterion_group, criterion_main, Criterion};

#[path = "../tests/common/mod.rs"]
mod common;

fn parse_bbc(c: &mut Criterion) {
    // Read with the integration tests' helpers, so every benchmark and
    // test sees the same collection in the same order.
    let Some(files) = common::bbc_files_or_skip("the parse benchmark") else {
        return;
    };
    let mut group = c.benchmark_group("parse");
    group.sample_size(10);
    group.bench_function(format!("bbc_{}_articles", files.len()), |b| {
        b.iter(|| {
            let parsed = crosscheck_core::parse_corpus(&files);
            assert!(parsed.iter().all(Result::is_ok));
            parsed
        })
    });
    group.finish();
}

criterion_group!(benches, parse_bbc);
criterion_main!(benches);
