//! `crosscheck compare ID_A ID_B [--corpus DIR] [--json]`.

use std::io::{self, Write};
use std::process::ExitCode;

use crosscheck_core::compare::{Comparison, EntityCount, QuantityRef};
use crosscheck_core::{compare, Article, Span, TermStats};
use serde_json::{json, Value};

use crate::corpus::{self, round};
use crate::json::CharOffsets;

const USAGE: &str = "usage: crosscheck compare ID_A ID_B [--corpus DIR] [--json]";

/// Compares two articles of a corpus and prints the comparison.
pub fn run(args: Vec<std::ffi::OsString>) -> Result<ExitCode, String> {
    let Some(corpus::CorpusArgs { ids, dir, json }) = corpus::parse_args(args, USAGE, true)? else {
        return Ok(ExitCode::SUCCESS);
    };
    let [id_a, id_b] = ids.as_slice() else {
        return Err(format!("compare needs two article ids\n{USAGE}"));
    };
    let articles = corpus::load(&dir)?;
    let (i, j) = (
        corpus::find(&articles, id_a)?,
        corpus::find(&articles, id_b)?,
    );
    let stats = TermStats::from_articles(&articles);
    let (a, b) = (&articles[i], &articles[j]);
    let c = compare(a, b, &stats);

    let stdout = io::stdout();
    let mut out = stdout.lock();
    let written = if json {
        serde_json::to_writer_pretty(&mut out, &to_json(a, b, &c))
            .map_err(io::Error::from)
            .and_then(|_| writeln!(out))
    } else {
        summary(&mut out, a, b, &c)
    };
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(format!("cannot write output: {e}")),
        _ => Ok(ExitCode::SUCCESS),
    }
}

fn spans(offsets: &CharOffsets, spans: &[Span]) -> Vec<Value> {
    spans
        .iter()
        .map(|s| {
            let (start, end) = offsets.span(*s);
            json!({ "start": start, "end": end })
        })
        .collect()
}

fn entity(e: &EntityCount) -> Value {
    json!({ "name": e.name, "kind": e.kind, "a_mentions": e.a_mentions, "b_mentions": e.b_mentions })
}

fn sentence_text(article: &Article, sentence: Option<u32>) -> Option<&str> {
    sentence.map(|s| article.text(article.sentences[s as usize].span))
}

fn quantity(article: &Article, q: &QuantityRef) -> Value {
    json!({
        "text": q.text, "value": q.value, "unit": q.unit, "qualifier": q.qualifier,
        "sentence": q.sentence, "sentence_text": sentence_text(article, q.sentence),
    })
}

/// The comparison as JSON; word positions are char offsets into each
/// article's `body` (as in `crosscheck parse --json`).
fn to_json(a: &Article, b: &Article, c: &Comparison) -> Value {
    let (oa, ob) = (CharOffsets::new(&a.body), CharOffsets::new(&b.body));
    let pairs: Vec<Value> = c
        .alignment
        .pairs
        .iter()
        .map(|p| {
            json!({
                "a_sentence": p.a_sentence, "b_sentence": p.b_sentence,
                "score": round(p.score), "kind": p.kind,
                "wording": round(p.common.wording),
                "a_words": spans(&oa, &p.common.a), "b_words": spans(&ob, &p.common.b),
            })
        })
        .collect();
    let speakers =
        |art: &Article, groups: &[crosscheck_core::compare::SpeakerQuotes]| -> Vec<Value> {
            groups
                .iter()
                .map(|g| {
                    let quotes: Vec<Value> = g
                        .quotes
                        .iter()
                        .map(|&q| json!({ "index": q, "text": art.quotes[q as usize].text }))
                        .collect();
                    json!({ "speaker": g.speaker, "quotes": quotes })
                })
                .collect()
        };
    let disagreements: Vec<Value> = c
        .disagreements
        .iter()
        .map(|d| {
            json!({
                "kind": d.kind, "subject": d.subject,
                "a": quantity(a, &d.a), "b": quantity(b, &d.b),
            })
        })
        .collect();
    json!({
        "a": c.a,
        "b": c.b,
        "similarity": round(c.similarity.similarity),
        "scores": {
            "terms": round(c.similarity.terms),
            "entities": round(c.similarity.entities),
            "coverage": round(c.similarity.coverage),
        },
        "pairs": pairs,
        "only_a": c.alignment.only_a(),
        "only_b": c.alignment.only_b(),
        "entities": {
            "both": c.entities.both.iter().map(entity).collect::<Vec<_>>(),
            "only_a": c.entities.only_a.iter().map(entity).collect::<Vec<_>>(),
            "only_b": c.entities.only_b.iter().map(entity).collect::<Vec<_>>(),
        },
        "quotes": {
            "a": speakers(a, &c.quotes.a),
            "b": speakers(b, &c.quotes.b),
            "matches": c.quotes.matches,
        },
        "disagreements": disagreements,
    })
}

fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

fn names(list: &[EntityCount], both: bool) -> String {
    list.iter()
        .map(|e| {
            if both {
                format!("{} ({}/{})", e.name, e.a_mentions, e.b_mentions)
            } else {
                format!("{} ({})", e.name, e.a_mentions + e.b_mentions)
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn summary(out: &mut impl Write, a: &Article, b: &Article, c: &Comparison) -> io::Result<()> {
    let s = &c.similarity;
    writeln!(out, "A: {}  {}", a.id, a.title)?;
    writeln!(out, "B: {}  {}", b.id, b.title)?;
    writeln!(
        out,
        "similarity {:.3} (terms {:.3}, entities {:.3}, coverage {:.3})",
        s.similarity, s.terms, s.entities, s.coverage
    )?;
    let shared = c
        .alignment
        .pairs
        .iter()
        .filter(|p| p.kind == crosscheck_core::compare::PairKind::Shared)
        .count();
    writeln!(
        out,
        "{} aligned pairs ({shared} shared wording); {} of {} sentences only in A, {} of {} only in B",
        c.alignment.pairs.len(),
        c.alignment.only_a().len(),
        a.sentences.len(),
        c.alignment.only_b().len(),
        b.sentences.len()
    )?;
    for p in &c.alignment.pairs {
        writeln!(out, "\n  [{} {:.2}]", p.kind.as_str(), p.score)?;
        writeln!(
            out,
            "    A{}: {}",
            p.a_sentence,
            clip(a.text(a.sentences[p.a_sentence as usize].span), 110)
        )?;
        writeln!(
            out,
            "    B{}: {}",
            p.b_sentence,
            clip(b.text(b.sentences[p.b_sentence as usize].span), 110)
        )?;
    }
    writeln!(out)?;
    writeln!(out, "entities in both: {}", names(&c.entities.both, true))?;
    writeln!(out, "only in A: {}", names(&c.entities.only_a, false))?;
    writeln!(out, "only in B: {}", names(&c.entities.only_b, false))?;
    for (side, art, groups) in [("A", a, &c.quotes.a), ("B", b, &c.quotes.b)] {
        for g in groups {
            let quotes: Vec<String> = g
                .quotes
                .iter()
                .map(|&q| format!("“{}”", art.quotes[q as usize].text))
                .collect();
            let who = g.speaker.as_deref().unwrap_or("(unattributed)");
            writeln!(out, "quotes {side}, {who}: {}", quotes.join(" "))?;
        }
    }
    for m in &c.quotes.matches {
        writeln!(
            out,
            "quote match ({:?}): “{}” ↔ “{}”",
            m.kind, a.quotes[m.a as usize].text, b.quotes[m.b as usize].text
        )?;
    }
    if c.disagreements.is_empty() {
        writeln!(out, "no disagreements on numbers")?;
    }
    for d in &c.disagreements {
        let subject = d.subject.as_deref().unwrap_or("the same fact");
        writeln!(out, "\nDISAGREEMENT ({}, {subject}):", d.kind.as_str())?;
        for (side, art, q) in [("A", a, &d.a), ("B", b, &d.b)] {
            writeln!(
                out,
                "  {side}: “{}” = {} {}  — {}",
                q.text,
                q.value,
                q.unit,
                clip(sentence_text(art, q.sentence).unwrap_or(""), 110)
            )?;
        }
    }
    Ok(())
}
