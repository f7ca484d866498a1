//! `crosscheck synopsis ID... [--corpus DIR] [--json]`.

use std::io::{self, Write};
use std::process::ExitCode;

use crosscheck_core::compare::synopsis as core_synopsis;
use crosscheck_core::compare::synopsis::{FactDisagreement, Synopsis};
use crosscheck_core::{Article, TermStats};
use serde_json::{json, Value};

use crate::corpus;
use crate::json::CharOffsets;

const USAGE: &str = "usage: crosscheck synopsis ID... [--corpus DIR] [--json]";

/// Prints the synopsis of two or more articles of a corpus.
pub fn run(args: Vec<std::ffi::OsString>) -> Result<ExitCode, String> {
    let Some(corpus::CorpusArgs { ids, dir, json }) = corpus::parse_args(args, USAGE, true)? else {
        return Ok(ExitCode::SUCCESS);
    };
    if ids.len() < 2 {
        return Err(format!("synopsis needs at least two article ids\n{USAGE}"));
    }
    let articles = corpus::load(&dir)?;
    let mut chosen: Vec<&Article> = Vec::with_capacity(ids.len());
    for id in &ids {
        let a = &articles[corpus::find(&articles, id)?];
        if chosen.iter().any(|c| c.id == a.id) {
            return Err(format!("article {id:?} is given twice"));
        }
        chosen.push(a);
    }
    // Words are weighed over the whole corpus, as `compare` weighs them, so
    // the synopsis pairs sentences exactly as the pairwise comparison does.
    let stats = TermStats::from_articles(&articles);
    let s = core_synopsis(&chosen, &stats);

    let stdout = io::stdout();
    let mut out = stdout.lock();
    let written = if json {
        serde_json::to_writer_pretty(&mut out, &to_json(&chosen, &s))
            .map_err(io::Error::from)
            .and_then(|_| writeln!(out))
    } else {
        summary(&mut out, &chosen, &s)
    };
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(format!("cannot write output: {e}")),
        _ => Ok(ExitCode::SUCCESS),
    }
}

fn disagreement(articles: &[&Article], d: &FactDisagreement) -> Value {
    let side = |k: u32, q: &crosscheck_core::compare::QuantityRef| {
        json!({
            "article": articles[k as usize].id, "sentence": q.sentence, "text": q.text,
            "value": q.value, "unit": q.unit, "qualifier": q.qualifier,
        })
    };
    json!({
        "kind": d.disagreement.kind, "subject": d.disagreement.subject,
        "a": side(d.a, &d.disagreement.a), "b": side(d.b, &d.disagreement.b),
    })
}

/// The synopsis as JSON: `articles` (ids in order) and `facts`, each with
/// the ids of its `articles`, its `sentences` (`article`, `sentence` index,
/// `text`, and the char spans of its `shared` words in its text), its
/// `shared_terms`, `disagreements` and `quotes`.
fn to_json(articles: &[&Article], s: &Synopsis) -> Value {
    let facts: Vec<Value> = s
        .facts
        .iter()
        .map(|f| {
            let sentences: Vec<Value> = f
                .sentences
                .iter()
                .map(|m| {
                    let a = articles[m.article as usize];
                    let span = a.sentences[m.sentence as usize].span;
                    let offsets = CharOffsets::new(&a.body);
                    let (start, _) = offsets.span(span);
                    let shared: Vec<Value> = m
                        .shared
                        .iter()
                        .map(|w| {
                            let (ws, we) = offsets.span(*w);
                            json!({ "start": ws - start, "end": we - start })
                        })
                        .collect();
                    json!({
                        "article": a.id, "sentence": m.sentence, "text": a.text(span),
                        "shared": shared,
                    })
                })
                .collect();
            let quotes: Vec<Value> = f
                .quotes
                .iter()
                .map(|g| {
                    let list: Vec<Value> = g
                        .quotes
                        .iter()
                        .map(|q| {
                            let a = articles[q.article as usize];
                            json!({ "article": a.id, "text": a.quotes[q.quote as usize].text })
                        })
                        .collect();
                    json!({ "speaker": g.speaker, "quotes": list })
                })
                .collect();
            json!({
                "articles": f.articles().map(|k| articles[k as usize].id.as_str()).collect::<Vec<_>>(),
                "sentences": sentences,
                "shared_terms": f.shared_terms,
                "disagreements": f.disagreements.iter().map(|d| disagreement(articles, d)).collect::<Vec<_>>(),
                "quotes": quotes,
            })
        })
        .collect();
    json!({ "articles": s.articles, "facts": facts })
}

fn summary(out: &mut impl Write, articles: &[&Article], s: &Synopsis) -> io::Result<()> {
    let n = articles.len();
    for (k, a) in articles.iter().enumerate() {
        writeln!(out, "[{k}] {}  {}", a.id, a.title)?;
    }
    let shared = s.facts.iter().filter(|f| f.sentences.len() > 1).count();
    writeln!(
        out,
        "{} facts: {shared} reported by more than one article, {} by all {n}",
        s.facts.len(),
        s.facts.iter().filter(|f| f.sentences.len() == n).count()
    )?;
    for (i, f) in s.facts.iter().enumerate() {
        if f.sentences.len() < 2 {
            continue;
        }
        let flag = if f.disagreements.is_empty() {
            ""
        } else {
            "  NUMBERS DISAGREE"
        };
        writeln!(out, "\nfact {i} ({} of {n}){flag}", f.sentences.len())?;
        for m in &f.sentences {
            let a = articles[m.article as usize];
            writeln!(
                out,
                "  [{}] {}: {}",
                m.article,
                m.sentence,
                a.text(a.sentences[m.sentence as usize].span)
            )?;
        }
        for d in &f.disagreements {
            writeln!(
                out,
                "  disagreement ({}): [{}] “{}” against [{}] “{}”",
                d.disagreement
                    .subject
                    .as_deref()
                    .unwrap_or(d.disagreement.kind.as_str()),
                d.a,
                d.disagreement.a.text,
                d.b,
                d.disagreement.b.text
            )?;
        }
    }
    let single: Vec<usize> = (0..n)
        .map(|k| {
            s.facts
                .iter()
                .filter(|f| f.sentences.len() == 1 && f.sentences[0].article == k as u32)
                .count()
        })
        .collect();
    writeln!(
        out,
        "\nfacts only one article reports, per article: {single:?}"
    )
}
