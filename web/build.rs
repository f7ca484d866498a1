//! Embeds the corpus: reads every `.txt` and `.md` file under the corpus
//! folder (`../corpus`, or `CROSSCHECK_CORPUS`), parses them with
//! crosscheck-core and writes the serialized bundle to `OUT_DIR/corpus.bin`,
//! which the app includes with `include_bytes!`. Any change to the folder or a
//! file in it reruns this script. A file that cannot be parsed fails the build
//! with its path and the reason, so a broken corpus never ships silently.

use std::path::{Path, PathBuf};
use std::{env, fs};

use crosscheck_core::config::{CorpusConfig, FILE_NAME};
use crosscheck_core::Bundle;

fn main() {
    println!("cargo:rerun-if-env-changed=CROSSCHECK_CORPUS");
    // Optional label shown in the footer (e.g. a release tag or commit).
    println!("cargo:rerun-if-env-changed=CROSSCHECK_BUILD_LABEL");
    let manifest_dir = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let corpus = env::var_os("CROSSCHECK_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest_dir.join("../corpus"));
    let corpus = corpus
        .canonicalize()
        .unwrap_or_else(|e| panic!("corpus folder {} cannot be read: {e}", corpus.display()));
    println!("cargo:rerun-if-changed={}", corpus.display());

    let mut files = Vec::new();
    collect(&corpus, &corpus, &mut files);
    if files.is_empty() {
        println!(
            "cargo:warning=corpus folder {} holds no .txt or .md files; the app will be empty",
            corpus.display()
        );
    }
    let mut bundle = Bundle::build(files).unwrap_or_else(|errors| {
        let list: Vec<String> = errors.iter().map(|e| format!("  {}", e)).collect();
        panic!(
            "{} corpus file(s) in {} cannot be parsed:\n{}",
            errors.len(),
            corpus.display(),
            list.join("\n")
        )
    });
    bundle.ranking = ranking(&corpus);
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("set by cargo")).join("corpus.bin");
    fs::write(&out, bundle.to_bytes())
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}

/// The corpus's ranking weights from its `crosscheck.toml`, or the defaults
/// without one; a file that says something wrong fails the build with the
/// key and the reason.
fn ranking(corpus: &Path) -> crosscheck_core::search::RankingWeights {
    let path = corpus.join(FILE_NAME);
    println!("cargo:rerun-if-changed={}", path.display());
    let bytes = match fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Default::default(),
        Err(e) => panic!("cannot read {}: {e}", path.display()),
    };
    let text =
        String::from_utf8(bytes).unwrap_or_else(|_| panic!("{} is not UTF-8 text", path.display()));
    CorpusConfig::parse(&text)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .ranking
}

/// Collects `(path relative to root, bytes)` for every article file, recursively.
fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    println!("cargo:rerun-if-changed={}", dir.display());
    let entries =
        fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
    for entry in entries {
        let path = entry
            .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
            .path();
        if path.is_dir() {
            collect(root, &path, out);
            continue;
        }
        let is_article = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"));
        if !is_article {
            continue;
        }
        println!("cargo:rerun-if-changed={}", path.display());
        let bytes =
            fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let rel = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        out.push((rel, bytes));
    }
}
