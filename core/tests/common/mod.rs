//! Helpers shared by the integration tests (included with `mod common;`).
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crosscheck_core::{Article, BlockKind};

/// The non-whitespace characters of `pieces`, as a multiset.
pub fn visible_chars<'a>(pieces: impl IntoIterator<Item = &'a str>) -> BTreeMap<char, usize> {
    let mut m = BTreeMap::new();
    for p in pieces {
        for c in p.chars().filter(|c| !c.is_whitespace()) {
            *m.entry(c).or_insert(0) += 1;
        }
    }
    m
}

/// Checks the nothing-lost invariant and that every span of the model is
/// valid, against the decoded text the article was parsed from.
pub fn assert_nothing_lost(decoded: &str, a: &Article) {
    assert_eq!(
        visible_chars([decoded]),
        visible_chars(a.kept_text()),
        "non-whitespace characters differ for {}",
        a.file
    );
    let body = &a.body;
    let ok = |s: crosscheck_core::Span| {
        s.start <= s.end
            && (s.end as usize) <= body.len()
            && body.is_char_boundary(s.start as usize)
            && body.is_char_boundary(s.end as usize)
    };
    for b in &a.blocks {
        assert!(ok(b.span), "block span {:?}", b.span);
    }
    for s in &a.sentences {
        assert!(ok(s.span));
        let block = a.blocks[s.block as usize];
        assert_eq!(block.kind, BlockKind::Paragraph);
        assert!(block.span.start <= s.span.start && s.span.end <= block.span.end);
    }
    for e in &a.entities {
        assert!(!e.mentions.is_empty());
        assert!(e.mentions.iter().all(|m| ok(*m)));
    }
    for q in &a.quotes {
        assert!(ok(q.span));
    }
    for q in &a.quantities {
        assert!(ok(q.span));
        assert!(q.value.is_finite());
    }
    // What a decoded bundle is held to, parsing always meets.
    a.check().unwrap_or_else(|e| panic!("{}: {e}", a.file));
}

/// `../corpus` next to the crate.
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus")
}

/// The BBC collection, when it is on this machine.
pub fn bbc_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("CROSSCHECK_BBC")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/datasets/bbc"));
    dir.join("business").is_dir().then_some(dir)
}

/// The BBC collection's files (see [`read_txt_files`]); when it is absent,
/// says on stderr that `what` is skipped and gives `None`.
pub fn bbc_files_or_skip(what: &str) -> Option<Vec<(String, Vec<u8>)>> {
    let Some(dir) = bbc_dir() else {
        eprintln!(
            "skipping {what}: the BBC collection was not found (set CROSSCHECK_BBC to its folder)"
        );
        return None;
    };
    Some(read_txt_files(&dir))
}

/// [`bbc_files_or_skip`], parsed; every BBC file parses.
pub fn bbc_articles_or_skip(what: &str) -> Option<Vec<Article>> {
    let files = bbc_files_or_skip(what)?;
    Some(
        crosscheck_core::parse_corpus(&files)
            .into_iter()
            .map(|r| r.unwrap_or_else(|e| panic!("{e}")))
            .collect(),
    )
}

/// `(name relative to dir, bytes)` of every `.txt` file under `dir`, sorted.
pub fn read_txt_files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        for p in paths {
            if p.is_dir() {
                walk(root, &p, out);
            } else if p.extension().is_some_and(|e| e == "txt") {
                let name = p
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((name, std::fs::read(&p).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out
}
