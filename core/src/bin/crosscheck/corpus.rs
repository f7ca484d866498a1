//! Loading a corpus folder for the subcommands that work on one, exactly as
//! `crosscheck parse` reads it, so article ids match.

use std::path::{Path, PathBuf};

use crosscheck_core::config::{CorpusConfig, FILE_NAME};
use crosscheck_core::search::RankingWeights;
use crosscheck_core::{parse_corpus, Article};

use crate::input;

/// The default corpus folder.
pub const DEFAULT_DIR: &str = "corpus";

/// What `compare`, `similarity` and `synopsis` are told: article ids (for
/// the commands that take them), `--corpus DIR` and `--json`.
pub struct CorpusArgs {
    pub ids: Vec<String>,
    pub dir: PathBuf,
    pub json: bool,
}

/// Reads the arguments of a command over a corpus, the one way all of them
/// read `--corpus`, `--json` and `--help`. Free arguments are ids when
/// `takes_ids`, else an error. `None` when help was asked for (and printed).
pub fn parse_args(
    args: Vec<std::ffi::OsString>,
    usage: &str,
    takes_ids: bool,
) -> Result<Option<CorpusArgs>, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut out = CorpusArgs {
        ids: Vec::new(),
        dir: PathBuf::from(DEFAULT_DIR),
        json: false,
    };
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("json") => out.json = true,
            Long("corpus") => out.dir = PathBuf::from(parser.value().map_err(|e| e.to_string())?),
            Short('h') | Long("help") => {
                println!("{usage}");
                return Ok(None);
            }
            Value(v) if takes_ids => out.ids.push(v.to_string_lossy().into_owned()),
            other => return Err(other.unexpected().to_string()),
        }
    }
    Ok(Some(out))
}

/// Parses every article under `dir` as one corpus. Files that cannot be read
/// or parsed are reported on stderr and left out (as `parse` leaves them
/// out); a corpus with no article at all is an error.
pub fn load(dir: &Path) -> Result<Vec<Article>, String> {
    if !dir.is_dir() {
        return Err(format!("{}: not a folder", dir.display()));
    }
    let (articles, errors) = parse_paths(&[PathBuf::from(dir)]);
    for e in &errors {
        eprintln!("crosscheck: warning: {}: {}", e.path.display(), e.reason);
    }
    if articles.is_empty() {
        return Err(format!("{}: no article could be read", dir.display()));
    }
    Ok(articles)
}

/// The ranking weights of the corpus in `dir`: what its `crosscheck.toml`
/// sets, or the defaults when it has none. A file that cannot be read or
/// says something wrong is an error naming the file.
pub fn ranking(dir: &Path) -> Result<RankingWeights, String> {
    let path = dir.join(FILE_NAME);
    match std::fs::read(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(RankingWeights::default()),
        Err(e) => Err(format!("{}: {e}", path.display())),
        Ok(bytes) => {
            let text = String::from_utf8(bytes)
                .map_err(|_| format!("{}: not UTF-8 text", path.display()))?;
            CorpusConfig::parse(&text)
                .map(|c| c.ranking)
                .map_err(|e| format!("{}: {e}", path.display()))
        }
    }
}

/// Reads every article file under `paths` and parses them as one corpus
/// (so ids and entities match across subcommands). Returns the articles and
/// every file that could not be read or parsed, read errors first.
pub fn parse_paths(paths: &[PathBuf]) -> (Vec<Article>, Vec<input::InputError>) {
    let (files, mut errors) = input::gather(paths);
    let (file_paths, named): (Vec<PathBuf>, Vec<(String, Vec<u8>)>) = files
        .into_iter()
        .map(|f| (f.path, (f.name, f.bytes)))
        .unzip();
    let mut articles = Vec::new();
    for (path, result) in file_paths.into_iter().zip(parse_corpus(&named)) {
        match result {
            Ok(a) => articles.push(a),
            Err(e) => errors.push(input::InputError {
                path,
                reason: e.reason.to_string(),
            }),
        }
    }
    (articles, errors)
}

/// The position of the article with `id`, or an error listing the ids.
pub fn find(articles: &[Article], id: &str) -> Result<usize, String> {
    articles.iter().position(|a| a.id == id).ok_or_else(|| {
        let known: Vec<&str> = articles.iter().map(|a| a.id.as_str()).take(20).collect();
        let more = if articles.len() > 20 { ", …" } else { "" };
        format!(
            "unknown article id {id:?}; known ids: {}{more} (see `crosscheck parse`)",
            known.join(", ")
        )
    })
}

/// Rounds a score for printing: four decimals are plenty for people.
pub fn round(x: f32) -> f64 {
    (x as f64 * 1e4).round() / 1e4
}
