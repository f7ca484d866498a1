//! `crosscheck bundle [--corpus DIR] --out FILE`: the app's data file.
//!
//! The web build runs this (a trunk hook, `scripts/build-corpus.sh`) and
//! ships the file beside the code under a content-hashed name, so the
//! corpus and the code are downloaded and cached apart. Unlike the other
//! subcommands, which leave out a file they cannot read with a warning, a
//! bundle needs every article: any file that cannot be read or parsed fails
//! it with the file and the reason, so a broken corpus never ships
//! silently.

use std::path::PathBuf;
use std::process::ExitCode;

use crosscheck_core::Bundle;

use crate::{corpus, input};

const USAGE: &str = "usage: crosscheck bundle [--corpus DIR] --out FILE";

pub fn run(args: Vec<std::ffi::OsString>) -> Result<ExitCode, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut dir = PathBuf::from(corpus::DEFAULT_DIR);
    let mut out: Option<PathBuf> = None;
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("corpus") => dir = PathBuf::from(parser.value().map_err(|e| e.to_string())?),
            Long("out") => out = Some(PathBuf::from(parser.value().map_err(|e| e.to_string())?)),
            Short('h') | Long("help") => {
                println!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            other => return Err(other.unexpected().to_string()),
        }
    }
    let out = out.ok_or_else(|| format!("--out FILE is required\n{USAGE}"))?;
    if !dir.is_dir() {
        return Err(format!("{}: not a folder", dir.display()));
    }
    let (files, errors) = input::gather(std::slice::from_ref(&dir));
    let mut problems: Vec<String> = errors
        .iter()
        .map(|e| format!("  {}: {}", e.path.display(), e.reason))
        .collect();
    if files.is_empty() && problems.is_empty() {
        eprintln!(
            "crosscheck: warning: {} holds no article file (.txt, .md, .html); the app will be empty",
            dir.display()
        );
    }
    let named: Vec<(String, Vec<u8>)> = files.into_iter().map(|f| (f.name, f.bytes)).collect();
    let built = Bundle::build(named);
    let mut bundle = match built {
        Ok(bundle) if problems.is_empty() => bundle,
        Ok(_) => Bundle::default(),
        Err(parse_errors) => {
            problems.extend(parse_errors.iter().map(|e| format!("  {e}")));
            Bundle::default()
        }
    };
    if !problems.is_empty() {
        return Err(format!(
            "{} file(s) in {} cannot be read or parsed:\n{}",
            problems.len(),
            dir.display(),
            problems.join("\n")
        ));
    }
    bundle.ranking = corpus::ranking(&dir)?;
    let bytes = bundle.to_bytes();
    std::fs::write(&out, &bytes).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    eprintln!(
        "crosscheck: {} articles from {} → {} ({} bytes)",
        bundle.articles.len(),
        dir.display(),
        out.display(),
        bytes.len()
    );
    Ok(ExitCode::SUCCESS)
}
