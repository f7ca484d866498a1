//! `crosscheck search QUERY... [--corpus DIR] [--limit N] [--json] [--explain] [--typing]`
//! and the batch form `crosscheck search --corpus DIR --queries FILE [--json]`.

use std::io::{self, BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use crosscheck_core::search::{Facets, SearchResults};
use crosscheck_core::{Article, SearchIndex, SearchOptions};
use serde_json::{json, Value};

use crate::corpus;
use crate::json::CharOffsets;

const USAGE: &str = "\
usage: crosscheck search QUERY... [--corpus DIR] [--limit N] [--json] [--explain] [--typing]
       crosscheck search --queries FILE [--corpus DIR] [--limit N] [--json]

  --corpus DIR     folder of articles (.txt, .md, .html), default corpus/
  --limit N        hits per query, default 10
  --json           one JSON object per query (one line each with --queries)
  --queries FILE   one query per line ('-' for standard input), answered in order
  --explain        break each score into its parts
  --typing         the last word is still being typed (also match it as a prefix)

QUERY: words (all words first), \"a phrase\", +required, -left-out or NOT left-out,
  a OR b, (a OR b) c, -(a OR b), title: person: place: org: source: filters;
  AND, OR, NOT are operators in capitals only.";

struct Args {
    query: Vec<String>,
    corpus: PathBuf,
    limit: usize,
    json: bool,
    explain: bool,
    typing: bool,
    queries: Option<PathBuf>,
}

fn parse_args(args: Vec<std::ffi::OsString>) -> Result<Option<Args>, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut a = Args {
        query: Vec::new(),
        corpus: PathBuf::from("corpus"),
        limit: 10,
        json: false,
        explain: false,
        typing: false,
        queries: None,
    };
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("corpus") => a.corpus = parser.value().map_err(|e| e.to_string())?.into(),
            Long("limit") => {
                let v = parser.value().map_err(|e| e.to_string())?;
                a.limit = v
                    .to_str()
                    .and_then(|s| s.parse().ok())
                    .ok_or_else(|| format!("--limit needs a number, not {v:?}"))?;
            }
            Long("queries") => a.queries = Some(parser.value().map_err(|e| e.to_string())?.into()),
            Long("json") => a.json = true,
            Long("explain") => a.explain = true,
            Long("typing") => a.typing = true,
            Short('h') | Long("help") => {
                println!("{USAGE}");
                return Ok(None);
            }
            Value(v) => a.query.push(v.to_string_lossy().into_owned()),
            // `-witkoff`, `-(a OR b)`: a word left out, not an option (the
            // command has no one-letter options besides -h).
            Short(c) => {
                let rest = parser.optional_value().unwrap_or_default();
                a.query.push(format!("-{c}{}", rest.to_string_lossy()));
            }
            other => return Err(other.unexpected().to_string()),
        }
    }
    match (&a.queries, a.query.is_empty()) {
        (None, true) => Err(format!("search needs a query or --queries FILE\n\n{USAGE}")),
        (Some(_), false) => Err("give either a query or --queries FILE, not both".into()),
        _ => Ok(Some(a)),
    }
}

/// Searches the corpus for one query, or for each line of a file.
pub fn run(args: Vec<std::ffi::OsString>) -> Result<ExitCode, String> {
    let Some(args) = parse_args(args)? else {
        return Ok(ExitCode::SUCCESS);
    };
    let ranking = corpus::ranking(&args.corpus)?;
    let articles = load(&args.corpus)?;
    let index = SearchIndex::build(&articles);
    let options = SearchOptions {
        weights: Some(ranking),
        limit: args.limit,
        typing: args.typing,
        explain: args.explain,
        ..SearchOptions::default()
    };

    let stdout = io::stdout();
    let mut out = stdout.lock();
    let answer = |query: &str, out: &mut io::StdoutLock| -> io::Result<()> {
        let results = index.search(&articles, query, &options);
        if args.json {
            let v = to_json(&results, &articles);
            if args.queries.is_some() {
                serde_json::to_writer(&mut *out, &v)?;
            } else {
                serde_json::to_writer_pretty(&mut *out, &v)?;
            }
            writeln!(out)
        } else {
            summary(out, &results)
        }
    };
    let written = match &args.queries {
        None => answer(&args.query.join(" "), &mut out),
        Some(file) => {
            let reader: Box<dyn BufRead> = if file.as_os_str() == "-" {
                Box::new(io::BufReader::new(io::stdin()))
            } else {
                let f =
                    std::fs::File::open(file).map_err(|e| format!("{}: {e}", file.display()))?;
                Box::new(io::BufReader::new(f))
            };
            let mut result = Ok(());
            for line in reader.split(b'\n') {
                let line = line.map_err(|e| format!("{}: {e}", file.display()))?;
                let line = String::from_utf8_lossy(&line);
                let query = line.strip_suffix('\r').unwrap_or(&line);
                result = answer(query, &mut out);
                if result.is_err() {
                    break;
                }
            }
            result
        }
    };
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(format!("cannot write output: {e}")),
        _ => Ok(ExitCode::SUCCESS),
    }
}

/// Reads and parses the corpus exactly as `crosscheck parse` does, so ids
/// match; unreadable or unparsable files are reported and skipped.
fn load(corpus: &PathBuf) -> Result<Vec<Article>, String> {
    let (articles, errors) = corpus::parse_paths(std::slice::from_ref(corpus));
    for e in &errors {
        eprintln!("crosscheck: {}: {}", e.path.display(), e.reason);
    }
    if articles.is_empty() {
        return Err(format!(
            "no articles to search in {} (give a folder of .txt or .md files with --corpus)",
            corpus.display()
        ));
    }
    Ok(articles)
}

fn facets_json(f: &Facets) -> Value {
    let list = |l: &[crosscheck_core::search::FacetCount]| -> Value {
        l.iter()
            .map(|c| json!({ "name": c.name, "count": c.count }))
            .collect()
    };
    json!({
        "people": list(&f.people),
        "places": list(&f.places),
        "organizations": list(&f.organizations),
        "sources": list(&f.sources),
    })
}

/// The JSON form of one query's results. Offsets are chars: `highlights`
/// into the snippet's `text`, `start`/`end` into the article's `body`.
fn to_json(r: &SearchResults, articles: &[Article]) -> Value {
    let hits: Vec<Value> = r
        .hits
        .iter()
        .map(|h| {
            let article = articles.get(h.doc as usize).filter(|a| a.id == h.id);
            let offsets = article.map(|a| CharOffsets::new(&a.body));
            let snippets: Vec<Value> = h
                .snippets
                .iter()
                .map(|s| {
                    let (start, end) = offsets.as_ref().map_or((0, 0), |o| o.span(s.span));
                    json!({
                        "text": s.text,
                        "highlights": s.highlights,
                        "block": s.block,
                        "start": start,
                        "end": end,
                        "truncated_start": s.truncated_start,
                        "truncated_end": s.truncated_end,
                    })
                })
                .collect();
            let mut hit = json!({
                "id": h.id,
                "title": h.title,
                "file": article.map(|a| a.file.as_str()),
                "score": h.score,
                "complete": h.complete,
                "match_count": h.match_count,
                "title_highlights": h.title_highlights,
                "snippets": snippets,
            });
            if let Some(e) = &h.explanation {
                hit["explanation"] = serde_json::to_value(e).unwrap_or(Value::Null);
            }
            hit
        })
        .collect();
    json!({
        "query": r.query,
        "total": r.total,
        "facets": facets_json(&r.facets),
        "hits": hits,
        "suggestions": r.suggestions,
        "notices": r.notices.iter().map(|n| n.to_string()).collect::<Vec<_>>(),
    })
}

/// Marks the highlighted chars of `text` with `**`.
fn marked(text: &str, highlights: &[(u32, u32)]) -> String {
    let mut out = String::with_capacity(text.len() + 8 * highlights.len());
    for (i, c) in text.chars().enumerate() {
        let i = i as u32;
        if highlights.iter().any(|&(s, _)| s == i) {
            out.push_str("**");
        }
        out.push(c);
        if highlights.iter().any(|&(_, e)| e == i + 1) {
            out.push_str("**");
        }
    }
    out
}

fn summary(out: &mut impl Write, r: &SearchResults) -> io::Result<()> {
    let noun = if r.total == 1 { "result" } else { "results" };
    writeln!(out, "{} {noun} for {:?}", r.total, r.query)?;
    for n in &r.notices {
        writeln!(out, "  note: {n}")?;
    }
    if !r.suggestions.is_empty() {
        writeln!(out, "  did you mean: {}", r.suggestions.join(" | "))?;
    }
    for (rank, h) in r.hits.iter().enumerate() {
        writeln!(
            out,
            "{:>2}. {}  [{}]  score {:.3}, {} matches",
            rank + 1,
            marked(&h.title, &h.title_highlights),
            h.id,
            h.score,
            h.match_count
        )?;
        for s in &h.snippets {
            let pre = if s.truncated_start { "…" } else { "" };
            let post = if s.truncated_end { "…" } else { "" };
            writeln!(out, "    {pre}{}{post}", marked(&s.text, &s.highlights))?;
        }
        if let Some(e) = &h.explanation {
            writeln!(
                out,
                "    explain: complete {}, coverage {:.2} (×{:.2}), proximity {:.3}, total {:.3}",
                e.complete, e.coverage, e.coverage_factor, e.proximity, e.total
            )?;
            for c in &e.clauses {
                let terms: Vec<String> = c
                    .matches
                    .iter()
                    .map(|m| {
                        format!(
                            "{} ({}) {}×{}",
                            m.term,
                            m.kind.as_str(),
                            m.field.as_str(),
                            m.tf
                        )
                    })
                    .collect();
                writeln!(
                    out,
                    "      {}: idf {:.3} × tf' {:.3} → {:.3}  [{}]",
                    c.clause,
                    c.idf,
                    c.weighted_tf,
                    c.score,
                    terms.join(", ")
                )?;
            }
        }
    }
    let f = &r.facets;
    for (label, list) in [
        ("people", &f.people),
        ("places", &f.places),
        ("organizations", &f.organizations),
        ("sources", &f.sources),
    ] {
        if !list.is_empty() {
            let names: Vec<String> = list
                .iter()
                .map(|c| format!("{} ({})", c.name, c.count))
                .collect();
            writeln!(out, "  {label}: {}", names.join(", "))?;
        }
    }
    writeln!(out)
}
