//! `crosscheck parse PATH... [--json]`.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use crosscheck_core::{Article, EntityKind};

use crate::corpus;

/// Parses the files and folders in `args` as one corpus and prints them.
/// Exits non-zero when any file could not be read or parsed.
pub fn run(args: Vec<std::ffi::OsString>) -> Result<ExitCode, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut json = false;
    let mut paths = Vec::new();
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("json") => json = true,
            Short('h') | Long("help") => {
                println!("usage: crosscheck parse PATH... [--json]");
                return Ok(ExitCode::SUCCESS);
            }
            Value(v) => paths.push(PathBuf::from(v)),
            other => return Err(other.unexpected().to_string()),
        }
    }
    if paths.is_empty() {
        return Err("parse needs at least one file or folder".into());
    }

    let (articles, errors) = corpus::parse_paths(&paths);
    let failed = !errors.is_empty();
    for e in &errors {
        eprintln!("crosscheck: {}: {}", e.path.display(), e.reason);
    }

    let stdout = io::stdout();
    let mut out = stdout.lock();
    let written = if json {
        let values: Vec<serde_json::Value> = articles.iter().map(crate::json::article).collect();
        serde_json::to_writer_pretty(&mut out, &values)
            .map_err(io::Error::from)
            .and_then(|_| writeln!(out))
    } else {
        articles.iter().try_for_each(|a| summary(&mut out, a))
    };
    if let Err(e) = written {
        if e.kind() != io::ErrorKind::BrokenPipe {
            return Err(format!("cannot write output: {e}"));
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn summary(out: &mut impl Write, a: &Article) -> io::Result<()> {
    writeln!(out, "{}  ({})", a.id, a.file)?;
    let inferred = if a.title_inferred { " (inferred)" } else { "" };
    writeln!(out, "  title{inferred}: {}", a.title)?;
    if let Some(d) = &a.dateline {
        writeln!(out, "  dateline: {d}")?;
    }
    writeln!(
        out,
        "  {} words, {} min, {} paragraphs, {} sentences",
        a.word_count,
        a.reading_minutes(),
        a.paragraphs().count(),
        a.sentences.len()
    )?;
    let headings: Vec<&str> = a.headings().collect();
    if !headings.is_empty() {
        writeln!(out, "  headings: {}", headings.join(" | "))?;
    }
    if !a.sources.is_empty() {
        writeln!(out, "  sources: {}", a.sources.join(" | "))?;
    }
    if let Some(b) = &a.byline {
        writeln!(out, "  byline: {b}")?;
    }
    for line in &a.boilerplate {
        writeln!(out, "  boilerplate: {line}")?;
    }
    for (kind, label) in [
        (EntityKind::Person, "people"),
        (EntityKind::Place, "places"),
        (EntityKind::Organization, "organizations"),
    ] {
        let names: Vec<String> = a
            .entities_of(kind)
            .map(|e| format!("{} ({})", e.name, e.mentions.len()))
            .collect();
        if !names.is_empty() {
            writeln!(out, "  {label}: {}", names.join(", "))?;
        }
    }
    for q in &a.quotes {
        let who = q.speaker.as_deref().unwrap_or("?");
        writeln!(out, "  quote: “{}” — {who}", q.text)?;
    }
    for q in &a.quantities {
        let mut extra = Vec::new();
        if let Some(s) = &q.qualifier {
            extra.push(format!("qualifier {s}"));
        }
        if let Some(s) = &q.subject {
            extra.push(format!("subject {s}"));
        }
        writeln!(
            out,
            "  {}: {} = {} {} {}",
            q.kind.as_str(),
            q.text,
            q.value,
            q.unit,
            extra.join(", ")
        )?;
    }
    writeln!(out)
}
