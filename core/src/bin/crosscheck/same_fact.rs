//! `crosscheck same-fact --pairs FILE [--json] [--cross-validate K]`.
//!
//! Each line of FILE is `sentence 1 <TAB> sentence 2`, or `label <TAB>
//! sentence 1 <TAB> sentence 2` with a label of `1` (same content) or `0`
//! (as in the MSRP paraphrase corpus). Every sentence is parsed as a short
//! article, all of them as one corpus: entity names are resolved across the
//! file, and the term statistics (document frequencies) are counted over
//! its sentences, each sentence a document. Each pair is then decided
//! exactly as the alignment of two articles decides two sentences
//! (`compare::fact`).

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use crosscheck_core::compare::fact::{self, Judged, Quality};
use crosscheck_core::compare::THRESHOLDS;
use crosscheck_core::{parse_corpus, TermStats};
use serde_json::json;

use crate::corpus::round;

const USAGE: &str = "\
usage: crosscheck same-fact --pairs FILE [--json] [--cross-validate K]

  --pairs FILE          one pair a line: S1<TAB>S2, or LABEL<TAB>S1<TAB>S2 (LABEL 0 or 1)
  --json                one JSON object per pair (one object in all with --cross-validate)
  --cross-validate K    choose the thresholds by K-fold cross-validation on the
                        labelled pairs and print held-out accuracy and F1";

/// One line of the pairs file.
struct Pair {
    label: Option<bool>,
    a: String,
    b: String,
}

fn read_pairs(path: &PathBuf) -> Result<Vec<Pair>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut pairs = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let where_ = || format!("{}:{}", path.display(), n + 1);
        let (label, a, b) = match cols.as_slice() {
            [a, b] => (None, a, b),
            [label, a, b] => {
                let label = match label.trim() {
                    "1" => true,
                    "0" => false,
                    other => return Err(format!("{}: label {other:?} is not 0 or 1", where_())),
                };
                (Some(label), a, b)
            }
            _ => {
                return Err(format!(
                    "{}: expected S1<TAB>S2 or LABEL<TAB>S1<TAB>S2, found {} columns",
                    where_(),
                    cols.len()
                ))
            }
        };
        if a.trim().is_empty() || b.trim().is_empty() {
            return Err(format!("{}: an empty sentence", where_()));
        }
        pairs.push(Pair {
            label,
            a: a.to_string(),
            b: b.to_string(),
        });
    }
    Ok(pairs)
}

/// Decides every pair of `path` and prints the scores, or cross-validates.
pub fn run(args: Vec<std::ffi::OsString>) -> Result<ExitCode, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut json = false;
    let mut path = None;
    let mut folds = None;
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("json") => json = true,
            Long("pairs") => path = Some(PathBuf::from(parser.value().map_err(|e| e.to_string())?)),
            Long("cross-validate") => {
                let v = parser.value().map_err(|e| e.to_string())?;
                folds = Some(
                    v.to_str()
                        .and_then(|s| s.parse::<usize>().ok())
                        .filter(|&k| k >= 2)
                        .ok_or_else(|| format!("--cross-validate needs a number ≥ 2, not {v:?}"))?,
                );
            }
            Short('h') | Long("help") => {
                println!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            other => return Err(other.unexpected().to_string()),
        }
    }
    let Some(path) = path else {
        return Err(format!("same-fact needs --pairs FILE\n{USAGE}"));
    };
    let pairs = read_pairs(&path)?;
    let files: Vec<(String, Vec<u8>)> = pairs
        .iter()
        .enumerate()
        .flat_map(|(n, p)| {
            [
                (format!("pair-{n}-1.txt"), p.a.clone().into_bytes()),
                (format!("pair-{n}-2.txt"), p.b.clone().into_bytes()),
            ]
        })
        .collect();
    let articles = parse_corpus(&files)
        .into_iter()
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let stats = TermStats::from_articles(&articles);
    let evidence: Vec<fact::Evidence> = articles
        .chunks(2)
        .map(|two| fact::evidence(&two[0], &two[1], &stats))
        .collect();

    let stdout = io::stdout();
    let mut out = stdout.lock();
    let written = match folds {
        Some(k) => {
            let judged: Vec<Judged> = pairs
                .iter()
                .zip(&evidence)
                .enumerate()
                .map(|(n, (p, e))| {
                    p.label
                        .map(|same| Judged { evidence: *e, same })
                        .ok_or_else(|| format!("{}: line {} has no label", path.display(), n + 1))
                })
                .collect::<Result<_, _>>()?;
            let cv = fact::cross_validate(&judged, k, &THRESHOLDS)
                .ok_or_else(|| format!("{k} folds need at least {k} pairs"))?;
            let shipped = fact::quality(&judged, &THRESHOLDS);
            report_cv(&mut out, json, &cv, shipped, judged.len())
        }
        None => print_pairs(&mut out, json, &pairs, &evidence),
    };
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(format!("cannot write output: {e}")),
        _ => Ok(ExitCode::SUCCESS),
    }
}

fn print_pairs(
    out: &mut impl Write,
    json: bool,
    pairs: &[Pair],
    evidence: &[fact::Evidence],
) -> io::Result<()> {
    for (n, (p, e)) in pairs.iter().zip(evidence).enumerate() {
        let same = e.same(&THRESHOLDS);
        if json {
            let v = json!({
                "pair": n + 1, "score": round(e.score), "same": same,
                "shared_stems": e.shared_stems, "label": p.label,
            });
            writeln!(out, "{v}")?;
        } else {
            let decision = if same { "same" } else { "different" };
            writeln!(out, "{:.4}\t{decision}", e.score)?;
        }
    }
    Ok(())
}

fn report_cv(
    out: &mut impl Write,
    json: bool,
    cv: &fact::CrossValidation,
    shipped: Quality,
    n: usize,
) -> io::Result<()> {
    let pct = |x: f64| (x * 1000.0).round() / 10.0;
    let f = |x: f64| (x * 1000.0).round() / 1000.0;
    if json {
        let folds: Vec<_> = cv
            .folds
            .iter()
            .map(|fold| {
                json!({
                    "related": round(fold.thresholds.related),
                    "single_feature": round(fold.thresholds.single_feature),
                    "accuracy": f(fold.held_out.accuracy), "f1": f(fold.held_out.f1),
                })
            })
            .collect();
        let v = json!({
            "pairs": n,
            "folds": folds,
            "held_out": { "accuracy": f(cv.mean.accuracy), "f1": f(cv.mean.f1) },
            "chosen": {
                "related": round(cv.chosen.related),
                "single_feature": round(cv.chosen.single_feature),
            },
            "shipped": {
                "related": round(THRESHOLDS.related),
                "single_feature": round(THRESHOLDS.single_feature),
                "accuracy": f(shipped.accuracy), "f1": f(shipped.f1),
            },
        });
        return writeln!(out, "{v}");
    }
    writeln!(out, "{n} labelled pairs, {} folds", cv.folds.len())?;
    for (i, fold) in cv.folds.iter().enumerate() {
        writeln!(
            out,
            "  fold {i}: related {:.2}, single_feature {:.2} → held-out accuracy {:.1}%, F1 {:.3}",
            fold.thresholds.related,
            fold.thresholds.single_feature,
            pct(fold.held_out.accuracy),
            fold.held_out.f1
        )?;
    }
    writeln!(
        out,
        "held-out mean: accuracy {:.1}%, F1 {:.3}",
        pct(cv.mean.accuracy),
        cv.mean.f1
    )?;
    writeln!(
        out,
        "chosen on all pairs: related {:.2}, single_feature {:.2}",
        cv.chosen.related, cv.chosen.single_feature
    )?;
    writeln!(
        out,
        "shipped thresholds (related {:.2}, single_feature {:.2}) on all pairs: accuracy {:.1}%, F1 {:.3}",
        THRESHOLDS.related,
        THRESHOLDS.single_feature,
        pct(shipped.accuracy),
        shipped.f1
    )
}
