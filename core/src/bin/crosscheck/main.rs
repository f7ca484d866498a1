//! `crosscheck`: Crosscheck's command line, a thin shell over
//! `crosscheck-core`.
//!
//! ```text
//! crosscheck parse PATH... [--json]
//! crosscheck compare ID_A ID_B [--corpus DIR] [--json]
//! crosscheck similarity [--corpus DIR] [--json]
//! crosscheck search QUERY... [--corpus DIR] [--limit N] [--json] [--explain] [--typing]
//! crosscheck search --queries FILE [--corpus DIR] [--limit N] [--json]
//! crosscheck eval --queries FILE --qrels FILE [--corpus DIR] [--json]
//! crosscheck bundle [--corpus DIR] --out FILE
//! crosscheck same-fact --pairs FILE [--json] [--cross-validate K]
//! crosscheck synopsis ID... [--corpus DIR] [--json]
//! ```
//!
//! Each subcommand lives in its own module and gets its arguments after the
//! subcommand name; add `search`, `compare` or `similarity` the same way.

mod bundle;
mod compare;
mod corpus;
mod eval;
mod input;
mod json;
mod parse;
mod same_fact;
mod search;
mod similarity;
mod synopsis;

use std::process::ExitCode;

const USAGE: &str = "\
usage: crosscheck <command> [options]

commands:
  parse PATH... [--json]   parse article files or folders (.txt, .md, .html; recursively)
                           and print a summary, or a JSON array with --json
  compare ID_A ID_B [--corpus DIR] [--json]
                           compare two articles of a corpus (default ./corpus):
                           aligned sentences, entities, quotes, disagreements
  similarity [--corpus DIR] [--json]
                           the corpus similarity matrix, unique coverage and stories
  search QUERY... [--corpus DIR] [--limit N] [--json] [--explain] [--typing]
                           search the articles in DIR (default corpus/)
  search --queries FILE [--corpus DIR] [--limit N] [--json]
                           one query per line in, one result (JSON line) per query out
  eval --queries FILE --qrels FILE [--corpus DIR] [--json]
                           rank judged queries (id<TAB>text) and print nDCG@10,
                           P@10, MAP and R@100 against TREC relevance judgments
  bundle [--corpus DIR] --out FILE
                           write the web app's data file for the corpus in DIR
                           (every file must parse)
  synopsis ID... [--corpus DIR] [--json]
                           two to twelve articles fact by fact: which articles
                           report each fact, in which sentence, and where their
                           numbers disagree
  same-fact --pairs FILE [--json] [--cross-validate K]
                           for each S1<TAB>S2 line (a leading label column is
                           ignored), the score and whether the sentences report
                           the same fact, as article alignment decides; with
                           --cross-validate, thresholds chosen by K-fold
                           cross-validation on labelled pairs

options:
  -h, --help               show this help
";

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let Some(command) = args.next() else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    let rest: Vec<std::ffi::OsString> = args.collect();
    let result = match command.to_str() {
        Some("parse") => parse::run(rest),
        Some("compare") => compare::run(rest),
        Some("similarity") => similarity::run(rest),
        Some("search") => search::run(rest),
        Some("eval") => eval::run(rest),
        Some("bundle") => bundle::run(rest),
        Some("same-fact") => same_fact::run(rest),
        Some("synopsis") => synopsis::run(rest),
        Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => Err(format!("unknown command {:?}\n\n{USAGE}", command)),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("crosscheck: {message}");
            ExitCode::from(2)
        }
    }
}
