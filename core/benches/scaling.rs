//! Parsing and analysis stay linear in the size of the input: one seed
//! article (`corpus/`, about 4 KB) repeated 1, 10 and 100 times, as one
//! file, is
//!
//! - `scaling/parse`: parsed (decode, layout, sentences, entities, quotes,
//!   quantities), and
//! - `scaling/index`: indexed for search (tokenizing, folding, stemming,
//!   postings with positions) once parsed.
//!
//! Each size reports its time and its throughput: linear means the
//! throughput stays about the same from 1× to 100×.
//!
//! Run with `cargo bench -p crosscheck-core --bench scaling`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use crosscheck_core::{parse_article, SearchIndex};

#[path = "../tests/common/mod.rs"]
mod common;

const TIMES: [usize; 3] = [1, 10, 100];

/// The first seed article repeated `times` times, a blank line between.
fn repeated(times: usize) -> Vec<u8> {
    let files = common::read_txt_files(&common::corpus_dir());
    let seed = &files[0].1;
    let mut text = Vec::with_capacity((seed.len() + 2) * times);
    for i in 0..times {
        if i > 0 {
            text.extend_from_slice(b"\n\n");
        }
        text.extend_from_slice(seed);
    }
    text
}

fn scaling(c: &mut Criterion) {
    let mut parse = c.benchmark_group("scaling/parse");
    parse.sample_size(10);
    for times in TIMES {
        let text = repeated(times);
        parse.throughput(Throughput::Bytes(text.len() as u64));
        parse.bench_with_input(
            BenchmarkId::from_parameter(format!("{times}x")),
            &text,
            |b, t| b.iter(|| parse_article("a", "a.txt", t).expect("the seed parses")),
        );
    }
    parse.finish();

    let mut index = c.benchmark_group("scaling/index");
    index.sample_size(10);
    for times in TIMES {
        let text = repeated(times);
        let article = parse_article("a", "a.txt", &text).expect("the seed parses");
        index.throughput(Throughput::Bytes(text.len() as u64));
        index.bench_with_input(
            BenchmarkId::from_parameter(format!("{times}x")),
            &article,
            |b, a| b.iter(|| SearchIndex::build(std::slice::from_ref(a))),
        );
    }
    index.finish();
}

criterion_group!(benches, scaling);
criterion_main!(benches);
