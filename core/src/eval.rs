//! Judging a ranking against people's relevance judgments: the measures
//! information retrieval reports (nDCG@10, P@10, MAP, R@100) over a set of
//! queries, and readers for the two plain-text files such a test
//! collection comes as.
//!
//! It is here, not only in the tests, because anyone deploying Crosscheck
//! for their own corpus can judge a few queries and see what a ranking
//! change does to them (`crosscheck eval`).
//!
//! - Queries: one per line, `id <TAB> text`; blank lines and lines starting
//!   with `#` are skipped.
//! - Judgments ("qrels", the TREC format): `query-id iteration document
//!   relevance` separated by white space; the iteration is ignored, the
//!   document is named by its file stem (the file name without extension),
//!   relevance is a whole number and 0 means judged not relevant. Graded
//!   judgments count with their grade in nDCG; every measure else counts a
//!   document as relevant when its grade is above 0.
//!
//! A query without any relevant document is left out of the means (no
//! ranking can do well or badly on it), and reported as such.

use std::collections::HashMap;
use std::fmt;

use serde::Serialize;

/// Rank cut-offs of the reported measures.
pub const NDCG_DEPTH: usize = 10;
pub const PRECISION_DEPTH: usize = 10;
pub const RECALL_DEPTH: usize = 100;

/// A line of a queries or judgments file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    /// 1-based line number.
    pub line: usize,
    pub reason: String,
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

impl std::error::Error for FormatError {}

/// A query of a test collection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestQuery {
    pub id: String,
    pub text: String,
}

fn content_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

/// Reads `id <TAB> text` lines. Ids must be unique.
pub fn read_queries(text: &str) -> Result<Vec<TestQuery>, FormatError> {
    let mut out = Vec::new();
    let mut seen = HashMap::new();
    for (line, l) in content_lines(text) {
        let Some((id, query)) = l.split_once('\t') else {
            return Err(FormatError {
                line,
                reason: "expected 'id<TAB>query text'".into(),
            });
        };
        let id = id.trim();
        if id.is_empty() {
            return Err(FormatError {
                line,
                reason: "the query id is empty".into(),
            });
        }
        if let Some(first) = seen.insert(id.to_owned(), line) {
            return Err(FormatError {
                line,
                reason: format!("query id {id:?} repeats line {first}"),
            });
        }
        out.push(TestQuery {
            id: id.to_owned(),
            text: query.trim().to_owned(),
        });
    }
    Ok(out)
}

/// Relevance judgments: query id → document → grade.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Judgments {
    by_query: HashMap<String, HashMap<String, u32>>,
}

impl Judgments {
    /// Reads the TREC format (see the module documentation). A document
    /// judged twice for one query keeps its last grade, as the TREC tools
    /// do.
    pub fn read(text: &str) -> Result<Judgments, FormatError> {
        let mut by_query: HashMap<String, HashMap<String, u32>> = HashMap::new();
        for (line, l) in content_lines(text) {
            let fields: Vec<&str> = l.split_whitespace().collect();
            let [query, _iteration, doc, grade] = fields[..] else {
                return Err(FormatError {
                    line,
                    reason: format!(
                        "expected 'query-id iteration document relevance', found {} fields",
                        fields.len()
                    ),
                });
            };
            let grade: i64 = grade.parse().map_err(|_| FormatError {
                line,
                reason: format!("relevance {grade:?} is not a whole number"),
            })?;
            by_query
                .entry(query.to_owned())
                .or_default()
                .insert(doc.to_owned(), grade.clamp(0, u32::MAX as i64) as u32);
        }
        Ok(Judgments { by_query })
    }

    /// The grades of a query's judged documents, if it has any.
    pub fn of(&self, query: &str) -> Option<&HashMap<String, u32>> {
        self.by_query.get(query)
    }

    /// Ids of the judged queries.
    pub fn queries(&self) -> impl Iterator<Item = &str> {
        self.by_query.keys().map(String::as_str)
    }
}

/// The measures of one ranking, each in `[0, 1]`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Measures {
    /// Normalised discounted cumulative gain of the top [`NDCG_DEPTH`]:
    /// gain = grade, discount = log2(rank + 1), divided by the best
    /// possible ordering of the judged documents.
    pub ndcg_10: f64,
    /// Share of relevant documents among the top [`PRECISION_DEPTH`].
    pub p_10: f64,
    /// Average precision over the whole ranking (the mean over queries is
    /// MAP): each relevant document's precision at its rank, summed and
    /// divided by the number of relevant documents.
    pub ap: f64,
    /// Share of the relevant documents found in the top [`RECALL_DEPTH`].
    pub r_100: f64,
}

/// Scores one ranking (document names, best first) against a query's
/// grades. `None` when the query has no relevant document.
pub fn measure(ranking: &[&str], grades: &HashMap<String, u32>) -> Option<Measures> {
    let relevant = relevant(grades);
    if relevant == 0 {
        return None;
    }
    let grade = |doc: &str| grades.get(doc).copied().unwrap_or(0);
    let discount = |rank: usize| 1.0 / ((rank + 2) as f64).log2();

    let dcg: f64 = ranking
        .iter()
        .take(NDCG_DEPTH)
        .enumerate()
        .map(|(r, d)| grade(d) as f64 * discount(r))
        .sum();
    let mut ideal: Vec<u32> = grades.values().copied().filter(|&g| g > 0).collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let idcg: f64 = ideal
        .iter()
        .take(NDCG_DEPTH)
        .enumerate()
        .map(|(r, &g)| g as f64 * discount(r))
        .sum();

    let mut found = 0usize;
    let mut precision_sum = 0.0;
    let mut found_at_p = 0usize;
    let mut found_at_r = 0usize;
    for (r, d) in ranking.iter().enumerate() {
        if grade(d) > 0 {
            found += 1;
            precision_sum += found as f64 / (r + 1) as f64;
        }
        if r + 1 == PRECISION_DEPTH {
            found_at_p = found;
        }
        if r + 1 == RECALL_DEPTH {
            found_at_r = found;
        }
    }
    if ranking.len() < PRECISION_DEPTH {
        found_at_p = found;
    }
    if ranking.len() < RECALL_DEPTH {
        found_at_r = found;
    }
    Some(Measures {
        ndcg_10: dcg / idcg,
        p_10: found_at_p as f64 / PRECISION_DEPTH as f64,
        ap: precision_sum / relevant as f64,
        r_100: found_at_r as f64 / relevant as f64,
    })
}

/// The name judgments use for an article file: its file name without
/// folders and without its extension (`docs/cisi-0028.txt` → `cisi-0028`).
pub fn file_stem(file: &str) -> &str {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    match name.rfind('.') {
        Some(dot) if dot > 0 => &name[..dot],
        _ => name,
    }
}

/// How one judged query fared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QueryOutcome {
    pub id: String,
    /// Documents judged relevant (grade above 0).
    pub relevant: usize,
    pub measures: Measures,
}

/// A ranking judged over a set of queries.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The queries with at least one relevant document, in file order.
    pub outcomes: Vec<QueryOutcome>,
    /// Ids of the queries left out: no relevant document judged.
    pub unjudged: Vec<String>,
    /// The mean of each measure over [`Report::outcomes`].
    pub mean: Measures,
}

/// Runs `rank` (query text → document names, best first) on every judged
/// query and measures each ranking. Queries without a relevant document
/// are listed in [`Report::unjudged`] and never run.
pub fn judge<S: AsRef<str>>(
    queries: &[TestQuery],
    judgments: &Judgments,
    mut rank: impl FnMut(&str) -> Vec<S>,
) -> Report {
    let mut outcomes = Vec::new();
    let mut unjudged = Vec::new();
    for q in queries {
        let grades = judgments.of(&q.id).filter(|g| relevant(g) > 0);
        let Some(grades) = grades else {
            unjudged.push(q.id.clone());
            continue;
        };
        let ranking = rank(&q.text);
        let ranking: Vec<&str> = ranking.iter().map(AsRef::as_ref).collect();
        if let Some(measures) = measure(&ranking, grades) {
            outcomes.push(QueryOutcome {
                id: q.id.clone(),
                relevant: relevant(grades),
                measures,
            });
        }
    }
    let mean = mean(&outcomes.iter().map(|o| o.measures).collect::<Vec<_>>());
    Report {
        outcomes,
        unjudged,
        mean,
    }
}

fn relevant(grades: &HashMap<String, u32>) -> usize {
    grades.values().filter(|&&g| g > 0).count()
}

/// The mean of each measure over several queries.
pub fn mean(all: &[Measures]) -> Measures {
    if all.is_empty() {
        return Measures::default();
    }
    let n = all.len() as f64;
    let sum = |f: fn(&Measures) -> f64| all.iter().map(f).sum::<f64>() / n;
    Measures {
        ndcg_10: sum(|m| m.ndcg_10),
        p_10: sum(|m| m.p_10),
        ap: sum(|m| m.ap),
        r_100: sum(|m| m.r_100),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grades(pairs: &[(&str, u32)]) -> HashMap<String, u32> {
        pairs.iter().map(|(d, g)| (d.to_string(), *g)).collect()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn perfect_and_empty_rankings() {
        let g = grades(&[("a", 1), ("b", 1), ("c", 0)]);
        let m = measure(&["a", "b", "c"], &g).unwrap();
        assert!(close(m.ndcg_10, 1.0) && close(m.ap, 1.0) && close(m.r_100, 1.0));
        assert!(close(m.p_10, 0.2));
        let none = measure(&[], &g).unwrap();
        assert_eq!(none, Measures::default());
        assert_eq!(measure(&["a"], &grades(&[("a", 0)])), None);
    }

    #[test]
    fn hand_computed_figures() {
        // Relevant: a, b, d (three). Ranking: x a y b; d never found.
        let g = grades(&[("a", 1), ("b", 1), ("d", 1)]);
        let m = measure(&["x", "a", "y", "b"], &g).unwrap();
        // AP = (1/2 + 2/4) / 3.
        assert!(close(m.ap, (0.5 + 0.5) / 3.0));
        assert!(close(m.r_100, 2.0 / 3.0));
        assert!(close(m.p_10, 0.2));
        // DCG = 1/log2(3) + 1/log2(5); IDCG = 1 + 1/log2(3) + 1/log2(4).
        let dcg = 1.0 / 3f64.log2() + 1.0 / 5f64.log2();
        let idcg = 1.0 + 1.0 / 3f64.log2() + 0.5;
        assert!(close(m.ndcg_10, dcg / idcg));
    }

    #[test]
    fn graded_gain_and_depth_cut_offs() {
        let g = grades(&[("a", 2), ("b", 1)]);
        let swapped = measure(&["b", "a"], &g).unwrap();
        assert!(swapped.ndcg_10 < 1.0 && close(swapped.ap, 1.0));
        // A relevant document at rank 11 counts for AP and R@100 only.
        let mut ranking: Vec<String> = (0..10).map(|i| format!("n{i}")).collect();
        ranking.push("a".into());
        let r: Vec<&str> = ranking.iter().map(String::as_str).collect();
        let m = measure(&r, &grades(&[("a", 1)])).unwrap();
        assert!(close(m.ndcg_10, 0.0) && close(m.p_10, 0.0));
        assert!(close(m.ap, 1.0 / 11.0) && close(m.r_100, 1.0));
    }

    #[test]
    fn files_read_with_clear_errors() {
        let q = read_queries("1\tfirst query\n\n# note\n2\tsecond\r\n").unwrap();
        assert_eq!(q.len(), 2);
        assert_eq!(q[1].text, "second");
        assert_eq!(read_queries("no tab").unwrap_err().line, 1);
        assert!(read_queries("1\ta\n1\tb")
            .unwrap_err()
            .reason
            .contains("repeats"));

        let j = Judgments::read("1 0 doc-a 1\n1 0 doc-b 0\n2 Q0 doc-c 2\n").unwrap();
        assert_eq!(j.of("1").unwrap()["doc-a"], 1);
        assert_eq!(j.of("2").unwrap()["doc-c"], 2);
        let e = Judgments::read("1 0 doc-a\n").unwrap_err();
        assert!(e.reason.contains("3 fields"));
        assert!(Judgments::read("1 0 d x")
            .unwrap_err()
            .reason
            .contains("whole number"));
    }

    #[test]
    fn judging_runs_only_judged_queries() {
        let queries = read_queries("a\tfirst\nb\tsecond\nc\tthird\n").unwrap();
        let j = Judgments::read("a 0 x 1\nb 0 y 0\n").unwrap();
        let mut asked = Vec::new();
        let report = judge(&queries, &j, |q| {
            asked.push(q.to_owned());
            vec!["x"]
        });
        assert_eq!(asked, ["first"]);
        assert_eq!(report.unjudged, ["b", "c"]);
        assert_eq!(report.outcomes.len(), 1);
        assert_eq!(report.outcomes[0].relevant, 1);
        assert!(close(report.mean.ndcg_10, 1.0));
    }

    #[test]
    fn file_stems() {
        assert_eq!(file_stem("docs/cisi-0028.txt"), "cisi-0028");
        assert_eq!(file_stem("a.b.md"), "a.b");
        assert_eq!(file_stem(".hidden"), ".hidden");
        assert_eq!(file_stem("sub\\x.txt"), "x");
        assert_eq!(file_stem("plain"), "plain");
    }

    #[test]
    fn means_over_queries() {
        let a = Measures {
            ndcg_10: 1.0,
            p_10: 0.5,
            ap: 1.0,
            r_100: 1.0,
        };
        let b = Measures::default();
        let m = mean(&[a, b]);
        assert!(close(m.ndcg_10, 0.5) && close(m.p_10, 0.25));
        assert_eq!(mean(&[]), Measures::default());
    }
}
