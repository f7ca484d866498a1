//! Parsing speed on the BBC news collection (2,225 articles) as one corpus:
//! decoding, layout, sentences and the corpus-wide entity pass.
//!
//! Run with `cargo bench -p crosscheck-core --bench parse`. The collection is
//! read from `../shared/datasets/bbc` (or `CROSSCHECK_BBC`); when it is
//! absent the benchmark prints a message and measures nothing.

use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion};

fn bbc_files() -> Option<Vec<(String, Vec<u8>)>> {
    let root = std::env::var_os("CROSSCHECK_BBC")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/datasets/bbc"));
    let mut files = Vec::new();
    for topic in ["business", "entertainment", "politics", "sport", "tech"] {
        let dir = root.join(topic);
        let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
            .ok()?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        names.sort();
        for p in names {
            let bytes = std::fs::read(&p).ok()?;
            files.push((
                format!("{topic}/{}", p.file_name()?.to_string_lossy()),
                bytes,
            ));
        }
    }
    Some(files)
}

fn parse_bbc(c: &mut Criterion) {
    let Some(files) = bbc_files() else {
        eprintln!(
            "skipping the parse benchmark: the BBC collection was not found (set CROSSCHECK_BBC)"
        );
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
