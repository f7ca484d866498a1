//! `crosscheck eval --corpus DIR --queries FILE --qrels FILE [--json]`:
//! runs every judged query and prints how well the ranking does.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crosscheck_core::eval::{self, Judgments, Report, RECALL_DEPTH};
use crosscheck_core::{SearchIndex, SearchOptions};
use serde_json::json;

use crate::corpus;

const USAGE: &str = "\
usage: crosscheck eval --corpus DIR --queries FILE --qrels FILE [--json]

  --corpus DIR     folder of articles (.txt, .md, .html), default corpus/
  --queries FILE   one query per line: id<TAB>text
  --qrels FILE     relevance judgments, TREC format: query-id 0 file-stem grade
  --json           the means and every query's measures as one JSON object

Each query is answered with its top 100; prints nDCG@10, P@10, MAP and R@100
over the queries that have at least one relevant document.";

struct Args {
    corpus: PathBuf,
    queries: PathBuf,
    qrels: PathBuf,
    json: bool,
}

fn parse_args(args: Vec<std::ffi::OsString>) -> Result<Option<Args>, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut corpus = PathBuf::from(corpus::DEFAULT_DIR);
    let (mut queries, mut qrels, mut json) = (None, None, false);
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("corpus") => corpus = parser.value().map_err(|e| e.to_string())?.into(),
            Long("queries") => queries = Some(parser.value().map_err(|e| e.to_string())?.into()),
            Long("qrels") => qrels = Some(parser.value().map_err(|e| e.to_string())?.into()),
            Long("json") => json = true,
            Short('h') | Long("help") => {
                println!("{USAGE}");
                return Ok(None);
            }
            other => return Err(other.unexpected().to_string()),
        }
    }
    match (queries, qrels) {
        (Some(queries), Some(qrels)) => Ok(Some(Args {
            corpus,
            queries,
            qrels,
            json,
        })),
        _ => Err(format!(
            "eval needs --queries FILE and --qrels FILE\n\n{USAGE}"
        )),
    }
}

fn read(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|_| format!("{}: not UTF-8 text", path.display()))
}

pub fn run(args: Vec<std::ffi::OsString>) -> Result<ExitCode, String> {
    let Some(args) = parse_args(args)? else {
        return Ok(ExitCode::SUCCESS);
    };
    let queries = eval::read_queries(&read(&args.queries)?)
        .map_err(|e| format!("{}: {e}", args.queries.display()))?;
    let judgments = Judgments::read(&read(&args.qrels)?)
        .map_err(|e| format!("{}: {e}", args.qrels.display()))?;
    let ranking = corpus::ranking(&args.corpus)?;
    let articles = corpus::load(&args.corpus)?;
    let index = SearchIndex::build(&articles);
    // Judgments name documents by file stem.
    let stems: Vec<&str> = articles.iter().map(|a| eval::file_stem(&a.file)).collect();
    let options = SearchOptions {
        weights: Some(ranking),
        limit: RECALL_DEPTH,
        ..SearchOptions::default()
    };
    let report = eval::judge(&queries, &judgments, |text| {
        let results = index.search(&articles, text, &options);
        results.hits.iter().map(|h| stems[h.doc as usize]).collect()
    });
    if report.outcomes.is_empty() {
        return Err(format!(
            "no query of {} has a relevant document in {}",
            args.queries.display(),
            args.qrels.display()
        ));
    }
    let known: std::collections::HashSet<&str> = stems.iter().copied().collect();
    let missing = judgments
        .queries()
        .filter_map(|q| judgments.of(q))
        .flat_map(|g| g.keys())
        .filter(|d| !known.contains(d.as_str()))
        .count();

    let stdout = io::stdout();
    let mut out = stdout.lock();
    let written = if args.json {
        let means = &report.mean;
        let per_query: Vec<_> = report
            .outcomes
            .iter()
            .map(|o| json!({ "id": o.id, "relevant": o.relevant, "measures": o.measures }))
            .collect();
        let v = json!({
            "queries": report.outcomes.len(),
            "unjudged": report.unjudged,
            "judged_documents_not_in_corpus": missing,
            "mean": { "ndcg_10": means.ndcg_10, "p_10": means.p_10, "map": means.ap, "r_100": means.r_100 },
            "per_query": per_query,
        });
        serde_json::to_writer(&mut out, &v)
            .map_err(io::Error::from)
            .and_then(|_| writeln!(out))
    } else {
        summary(&mut out, &report, missing)
    };
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(format!("cannot write output: {e}")),
        _ => Ok(ExitCode::SUCCESS),
    }
}

fn summary(out: &mut impl Write, report: &Report, missing: usize) -> io::Result<()> {
    let (outcomes, unjudged, m) = (&report.outcomes, &report.unjudged, &report.mean);
    writeln!(
        out,
        "{:<10} {:>8} {:>6} {:>6} {:>6} {:>6}",
        "query", "relevant", "nDCG@10", "P@10", "AP", "R@100"
    )?;
    for o in outcomes {
        let q = &o.measures;
        writeln!(
            out,
            "{:<10} {:>8} {:>7.3} {:>6.3} {:>6.3} {:>6.3}",
            o.id, o.relevant, q.ndcg_10, q.p_10, q.ap, q.r_100
        )?;
    }
    writeln!(
        out,
        "\n{} judged queries: nDCG@10 {:.3}  P@10 {:.3}  MAP {:.3}  R@100 {:.3}",
        outcomes.len(),
        m.ndcg_10,
        m.p_10,
        m.ap,
        m.r_100
    )?;
    if !unjudged.is_empty() {
        writeln!(
            out,
            "left out (no relevant document judged): {}",
            unjudged.join(", ")
        )?;
    }
    if missing > 0 {
        writeln!(
            out,
            "warning: {missing} judged documents are not in the corpus"
        )?;
    }
    Ok(())
}
