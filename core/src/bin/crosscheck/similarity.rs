//! `crosscheck similarity [--corpus DIR] [--json]`.

use std::io::{self, Write};
use std::process::ExitCode;

use crosscheck_core::CorpusComparison;
use serde_json::json;

use crate::corpus::{self, round};

const USAGE: &str = "usage: crosscheck similarity [--corpus DIR] [--json]";

/// Prints the corpus similarity matrix, each article's unique coverage and
/// the stories (groups of articles that report the same one).
pub fn run(args: Vec<std::ffi::OsString>) -> Result<ExitCode, String> {
    let Some(corpus::CorpusArgs { dir, json, .. }) = corpus::parse_args(args, USAGE, false)? else {
        return Ok(ExitCode::SUCCESS);
    };
    let articles = corpus::load(&dir)?;
    let (c, matrix) = CorpusComparison::build_with_matrix(&articles);
    let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();

    let stdout = io::stdout();
    let mut out = stdout.lock();
    let written = if json {
        let matrix: Vec<Vec<f64>> = matrix
            .rows()
            .into_iter()
            .map(|r| r.into_iter().map(round).collect())
            .collect();
        let unique: Vec<_> = c
            .unique
            .iter()
            .map(|u| json!({ "share": round(u.share), "sentences": u.sentences }))
            .collect();
        let stories: Vec<Vec<&str>> = c
            .graph
            .stories()
            .iter()
            .map(|s| s.articles.iter().map(|&i| ids[i]).collect())
            .collect();
        let v =
            json!({ "ids": ids, "matrix": matrix, "unique_coverage": unique, "stories": stories });
        serde_json::to_writer(&mut out, &v)
            .map_err(io::Error::from)
            .and_then(|_| writeln!(out))
    } else {
        (|| {
            for (i, id) in ids.iter().enumerate() {
                let near: Vec<String> = matrix
                    .nearest(i, 3)
                    .into_iter()
                    .map(|(j, s)| format!("{} {:.3}", ids[j], s))
                    .collect();
                writeln!(
                    out,
                    "{id}  unique {:.0}%  nearest: {}",
                    100.0 * c.unique[i].share,
                    near.join(", ")
                )?;
            }
            for story in c.graph.stories() {
                let members: Vec<&str> = story.articles.iter().map(|&i| ids[i]).collect();
                writeln!(out, "story ({:.3}): {}", story.cohesion, members.join(", "))?;
            }
            Ok(())
        })()
    };
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(format!("cannot write output: {e}")),
        _ => Ok(ExitCode::SUCCESS),
    }
}
