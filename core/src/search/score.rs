//! Ranking: BM25F over the fields, with every weight in [`RankingWeights`].
//!
//! For one query word, each field's term frequency is normalised by that
//! field's length (`b`) and weighted by the field's boost and by how the
//! vocabulary term matched (exact, stemmed, prefix, typo); the weighted sum
//! is saturated once with `k1` and multiplied by the word's IDF. This is
//! BM25F: a word repeated in title and body counts more than once, but
//! never without bound. A phrase is scored the same way with its
//! occurrences as term frequency.
//!
//! Then, in this order: articles with every ranked word come before those
//! with only some (and those are scaled by the share they have), and among
//! the best candidates query words standing close together earn a bonus.

use serde::Serialize;

use super::cursor::{DocCursor, PostingCursor};
use super::fuzzy::MatchKind;
use super::index::{Field, SearchIndex, FIELD_COUNT};
use super::phrase::PhraseCursor;
use super::plan::{Fields, Matcher, Plan, Role};

/// How a field weighs in BM25F.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct FieldWeight {
    /// Multiplies the field's normalised term frequency.
    pub boost: f32,
    /// Length normalisation, 0 (none) to 1 (full).
    pub b: f32,
}

/// Every ranking parameter in one place.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RankingWeights {
    /// BM25 term-frequency saturation.
    pub k1: f32,
    pub title: FieldWeight,
    pub heading: FieldWeight,
    pub body: FieldWeight,
    /// Names and aliases of the people, places and organisations an
    /// article names: naming someone is a strong sign of aboutness.
    pub entity: FieldWeight,
    /// Outlets named in a `Sources:` line or front matter.
    pub source: FieldWeight,
    /// Weight of a vocabulary term by how it matched the query word.
    pub exact: f32,
    pub stemmed: f32,
    pub prefix: f32,
    pub one_typo: f32,
    pub two_typos: f32,
    /// Bonus scale for two query words standing `d` words apart:
    /// `proximity × min(idf) / d`, for `d` up to `proximity_window`.
    pub proximity: f32,
    pub proximity_window: u32,
    /// How many top candidates get the proximity bonus.
    pub proximity_candidates: usize,
    /// An article with a share `s` of the ranked words scores `score × s^partial`.
    pub partial: f32,
}

impl Default for RankingWeights {
    fn default() -> RankingWeights {
        RankingWeights {
            k1: 1.2,
            title: FieldWeight { boost: 2.5, b: 0.3 },
            heading: FieldWeight { boost: 1.5, b: 0.3 },
            body: FieldWeight {
                boost: 1.0,
                b: 0.75,
            },
            entity: FieldWeight { boost: 1.2, b: 0.3 },
            source: FieldWeight { boost: 0.5, b: 0.0 },
            exact: 1.0,
            stemmed: 0.8,
            prefix: 0.6,
            one_typo: 0.45,
            two_typos: 0.3,
            proximity: 0.4,
            proximity_window: 8,
            proximity_candidates: 100,
            partial: 1.0,
        }
    }
}

impl RankingWeights {
    pub fn field(&self, f: Field) -> FieldWeight {
        match f {
            Field::Title => self.title,
            Field::Heading => self.heading,
            Field::Body => self.body,
            Field::Person | Field::Place | Field::Organization => self.entity,
            Field::Source => self.source,
        }
    }

    pub fn match_kind(&self, k: MatchKind) -> f32 {
        match k {
            MatchKind::Exact => self.exact,
            MatchKind::Stemmed => self.stemmed,
            MatchKind::Prefix => self.prefix,
            MatchKind::Fuzzy { edits: 1 } => self.one_typo,
            MatchKind::Fuzzy { .. } => self.two_typos,
        }
    }
}

/// One vocabulary term found in one field of an article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermMatch {
    pub term: String,
    pub kind: MatchKind,
    pub field: Field,
    pub tf: u32,
}

/// What one clause contributed to an article's score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClauseScore {
    pub clause: String,
    pub idf: f32,
    /// The field- and match-weighted, length-normalised term frequency.
    pub weighted_tf: f32,
    /// `idf × weighted_tf × (k1 + 1) / (weighted_tf + k1)`, summed over OR
    /// alternatives, before the coverage factor.
    pub score: f32,
    pub matches: Vec<TermMatch>,
}

/// A score taken apart (see [`super::SearchOptions::explain`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// Has every ranked word (ranks above articles that do not).
    pub complete: bool,
    /// Share of ranked words present, and the factor it applied.
    pub coverage: f32,
    pub coverage_factor: f32,
    pub clauses: Vec<ClauseScore>,
    pub proximity: f32,
    pub total: f32,
}

/// Per-document weighted term frequencies of one matcher, dense.
struct Accum {
    wtf: Vec<f32>,
    /// Occurrences in the text fields (title, headings, body).
    count: Vec<u32>,
    hit: Vec<bool>,
    idf: f32,
    /// For phrases: `(doc, field, occurrences)`, for explanations.
    phrase_counts: Vec<(u32, Field, u32)>,
}

impl Accum {
    fn new(n: usize) -> Accum {
        Accum {
            wtf: vec![0.0; n],
            count: vec![0; n],
            hit: vec![false; n],
            idf: 0.0,
            phrase_counts: Vec::new(),
        }
    }
}

/// A scored candidate.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scored {
    pub doc: u32,
    pub score: f32,
    pub complete: bool,
}

/// The evaluated query: candidates in rank order and what is needed to
/// explain and count them.
pub(crate) struct Evaluation<'a> {
    index: &'a SearchIndex,
    weights: &'a RankingWeights,
    plan: &'a Plan,
    groups: Vec<Vec<Accum>>,
    /// Per field, `1 - b` and `b / average length`: the terms of
    /// [`Evaluation::norm`] that do not depend on the document.
    norms: [(f32, f32); FIELD_COUNT],
    ranked_total: usize,
    proximity: Vec<(u32, f32)>,
    pub ranked: Vec<Scored>,
}

fn is_text(f: Field) -> bool {
    Field::TEXT.contains(&f)
}

impl<'a> Evaluation<'a> {
    /// BM25 length normalisation of a field of a document.
    fn norm(&self, f: Field, doc: u32) -> f32 {
        let (base, per_word) = self.norms[f as usize];
        let len = self.index.docs[doc as usize].lengths[f as usize] as f32;
        base + per_word * len
    }

    fn idf(&self, df: u32) -> f32 {
        let n = self.index.len() as f32;
        let df = (df as f32).min(n);
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    fn saturate(&self, wtf: f32) -> f32 {
        wtf * (self.weights.k1 + 1.0) / (wtf + self.weights.k1)
    }

    fn word(&self, m: &Matcher, fields: Fields) -> Accum {
        let mut acc = Accum::new(self.index.len());
        let Matcher::Word { expansions, .. } = m else {
            return acc;
        };
        let mut max_df = 0;
        for e in expansions {
            let record = self.index.record_at(e.offset);
            max_df = max_df.max(record.df);
            let kind_weight = self.weights.match_kind(e.kind);
            for f in Field::ALL {
                if !fields.has(f) {
                    continue;
                }
                let boost = self.weights.field(f).boost * kind_weight;
                let mut cursor = PostingCursor::new(record.lists[f as usize]);
                while let Some(doc) = cursor.advance() {
                    let d = doc as usize;
                    if d >= acc.wtf.len() {
                        break;
                    }
                    let tf = cursor.term_freq();
                    acc.wtf[d] += boost * tf as f32 / self.norm(f, doc);
                    acc.hit[d] = true;
                    if is_text(f) {
                        acc.count[d] += tf;
                    }
                }
            }
        }
        acc.idf = self.idf(max_df.max(1));
        acc
    }

    fn phrase(&self, m: &Matcher, fields: Fields) -> Accum {
        let mut acc = Accum::new(self.index.len());
        let Matcher::Phrase { terms } = m else {
            return acc;
        };
        for f in Field::ALL {
            if !fields.has(f) {
                continue;
            }
            let boost = self.weights.field(f).boost;
            for (doc, n) in phrase_occurrences(self.index, terms, f) {
                let d = doc as usize;
                if d >= acc.wtf.len() {
                    break;
                }
                acc.wtf[d] += boost * n as f32 / self.norm(f, doc);
                acc.hit[d] = true;
                if is_text(f) {
                    acc.count[d] += n;
                }
                acc.phrase_counts.push((doc, f, n));
            }
        }
        let df = acc.hit.iter().filter(|&&h| h).count() as u32;
        acc.idf = self.idf(df.max(1));
        acc
    }

    fn group_hit(&self, g: usize, doc: usize) -> bool {
        self.groups[g].iter().any(|a| a.hit[doc])
    }

    fn group_score(&self, g: usize, doc: usize) -> f32 {
        self.groups[g]
            .iter()
            .filter(|a| a.hit[doc])
            .map(|a| a.idf * self.saturate(a.wtf[doc]))
            .sum()
    }

    /// Occurrences of the query's terms in an article's text.
    pub fn match_count(&self, doc: u32) -> u32 {
        self.plan
            .groups
            .iter()
            .zip(&self.groups)
            .filter(|(g, _)| g.role != Role::Exclude)
            .flat_map(|(_, accs)| accs)
            .map(|a| a.count[doc as usize])
            .sum()
    }

    /// Takes one article's score apart.
    pub fn explain(&self, doc: u32) -> Explanation {
        let d = doc as usize;
        let scored_any = self.has_scored_groups();
        let mut clauses = Vec::new();
        let mut sum = 0.0;
        for (gi, g) in self.plan.groups.iter().enumerate() {
            let counts = match g.role {
                Role::Exclude => false,
                Role::Filter => !scored_any,
                _ => true,
            };
            if !counts {
                continue;
            }
            let mut matches = Vec::new();
            let mut wtf = 0.0;
            let mut idf: f32 = 0.0;
            for (m, acc) in g.matchers.iter().zip(&self.groups[gi]) {
                if !acc.hit[d] {
                    continue;
                }
                wtf += acc.wtf[d];
                idf = idf.max(acc.idf);
                term_matches(self.index, m, acc, g.fields, doc, &mut matches);
            }
            let score = self.group_score(gi, d);
            sum += score;
            clauses.push(ClauseScore {
                clause: g.label.clone(),
                idf,
                weighted_tf: wtf,
                score,
                matches,
            });
        }
        let (coverage, factor) = self.coverage(d);
        let proximity = self
            .proximity
            .iter()
            .find(|(p, _)| *p == doc)
            .map_or(0.0, |p| p.1);
        Explanation {
            complete: self.complete(d),
            coverage,
            coverage_factor: factor,
            clauses,
            proximity,
            total: sum * factor + proximity,
        }
    }

    fn has_scored_groups(&self) -> bool {
        self.plan
            .groups
            .iter()
            .any(|g| matches!(g.role, Role::Ranked | Role::Required))
    }

    fn ranked_hits(&self, doc: usize) -> usize {
        self.plan
            .groups
            .iter()
            .enumerate()
            .filter(|(gi, g)| g.role == Role::Ranked && self.group_hit(*gi, doc))
            .count()
    }

    fn complete(&self, doc: usize) -> bool {
        self.ranked_hits(doc) == self.ranked_total
    }

    fn coverage(&self, doc: usize) -> (f32, f32) {
        self.coverage_of(self.ranked_hits(doc))
    }

    /// The share of ranked words an article with `hits` of them has, and
    /// the factor that scales its score.
    fn coverage_of(&self, hits: usize) -> (f32, f32) {
        if self.ranked_total == 0 || hits >= self.ranked_total {
            return (1.0, 1.0);
        }
        let share = hits as f32 / self.ranked_total as f32;
        (share, share.powf(self.weights.partial))
    }
}

/// Scores every article against a plan and ranks the candidates.
pub(crate) fn evaluate<'a>(
    index: &'a SearchIndex,
    plan: &'a Plan,
    weights: &'a RankingWeights,
) -> Evaluation<'a> {
    let n = index.len();
    let mut ev = Evaluation {
        index,
        weights,
        plan,
        groups: Vec::new(),
        norms: Field::ALL.map(|f| {
            let fw = weights.field(f);
            (1.0 - fw.b, fw.b / index.average_length(f))
        }),
        ranked_total: plan
            .groups
            .iter()
            .filter(|g| g.role == Role::Ranked)
            .count(),
        proximity: Vec::new(),
        ranked: Vec::new(),
    };
    let groups: Vec<Vec<Accum>> = plan
        .groups
        .iter()
        .map(|g| {
            g.matchers
                .iter()
                .map(|m| match m {
                    Matcher::Word { .. } => ev.word(m, g.fields),
                    Matcher::Phrase { .. } => ev.phrase(m, g.fields),
                })
                .collect()
        })
        .collect();
    ev.groups = groups;

    let scored_any = ev.has_scored_groups();
    let has_filter = plan.groups.iter().any(|g| g.role == Role::Filter);
    if plan.groups.is_empty() {
        return ev;
    }
    for doc in 0..n {
        let mut any_scored = false;
        let mut ok = true;
        let mut score = 0.0;
        let mut ranked_hits = 0;
        for (gi, g) in plan.groups.iter().enumerate() {
            let hit = ev.group_hit(gi, doc);
            ranked_hits += usize::from(hit && g.role == Role::Ranked);
            match g.role {
                Role::Exclude if hit => ok = false,
                Role::Required | Role::Filter if !hit => ok = false,
                _ => {}
            }
            if !ok {
                break;
            }
            let scores_here = match g.role {
                Role::Ranked | Role::Required => true,
                Role::Filter => !scored_any,
                Role::Exclude => false,
            };
            if hit && scores_here {
                any_scored = true;
                score += ev.group_score(gi, doc);
            }
        }
        // With only exclusions, every other article is a (zero-score) match.
        let only_exclusions = !scored_any && !has_filter;
        if !ok || !(any_scored || only_exclusions) {
            continue;
        }
        let (_, factor) = ev.coverage_of(ranked_hits);
        ev.ranked.push(Scored {
            doc: doc as u32,
            score: score * factor,
            complete: ranked_hits == ev.ranked_total,
        });
    }
    sort(&mut ev.ranked);
    proximity_bonus(&mut ev);
    ev
}

fn sort(ranked: &mut [Scored]) {
    // The key ends with the document, so unstable is deterministic.
    ranked.sort_unstable_by(|a, b| {
        b.complete
            .cmp(&a.complete)
            .then(b.score.total_cmp(&a.score))
            .then(a.doc.cmp(&b.doc))
    });
}

/// Adds the proximity bonus to the top candidates and re-sorts them. Only
/// raising scores of the top block keeps it above the rest.
fn proximity_bonus(ev: &mut Evaluation) {
    let w = ev.weights;
    if w.proximity <= 0.0 {
        return;
    }
    // Word groups that rank, in query order, with their IDF.
    let groups: Vec<(usize, f32)> = ev
        .plan
        .groups
        .iter()
        .enumerate()
        .filter(|(_, g)| matches!(g.role, Role::Ranked | Role::Required))
        .filter(|(_, g)| g.matchers.iter().all(|m| matches!(m, Matcher::Word { .. })))
        .map(|(gi, _)| {
            let idf = ev.groups[gi].iter().map(|a| a.idf).fold(0.0, f32::max);
            (gi, idf)
        })
        .collect();
    if groups.len() < 2 {
        return;
    }
    let top = ev.ranked.len().min(w.proximity_candidates);
    // The top candidates by document, with their rank.
    let mut wanted: Vec<(u32, usize)> = ev.ranked[..top]
        .iter()
        .enumerate()
        .map(|(i, s)| (s.doc, i))
        .collect();
    wanted.sort_unstable();
    const PROX_FIELDS: [Field; 2] = [Field::Title, Field::Body];
    let g = groups.len();
    // positions[(slot * g + group) * 2 + field]
    let mut positions: Vec<Vec<u32>> = vec![Vec::new(); top * g * 2];
    for (k, &(gi, _)) in groups.iter().enumerate() {
        for m in &ev.plan.groups[gi].matchers {
            let Matcher::Word { expansions, .. } = m else {
                continue;
            };
            for e in expansions {
                let record = ev.index.record_at(e.offset);
                for (fi, f) in PROX_FIELDS.iter().enumerate() {
                    PostingCursor::new(record.lists[*f as usize])
                        .for_each_wanted(&wanted, |cursor, s| {
                            cursor.positions(&mut positions[(s * g + k) * 2 + fi])
                        });
                }
            }
        }
    }
    for p in &mut positions {
        p.sort_unstable();
    }
    for (s, scored) in ev.ranked[..top].iter_mut().enumerate() {
        let mut bonus = 0.0;
        let mut prev: Option<usize> = None;
        for k in 0..g {
            let present = (0..2).any(|fi| !positions[(s * g + k) * 2 + fi].is_empty());
            if !present {
                continue;
            }
            if let Some(j) = prev {
                let d = (0..2)
                    .filter_map(|fi| {
                        min_distance(
                            &positions[(s * g + j) * 2 + fi],
                            &positions[(s * g + k) * 2 + fi],
                        )
                    })
                    .min();
                if let Some(d) = d.filter(|&d| d <= w.proximity_window) {
                    bonus += w.proximity * groups[j].1.min(groups[k].1) / d.max(1) as f32;
                }
            }
            prev = Some(k);
        }
        if bonus > 0.0 {
            scored.score += bonus;
            ev.proximity.push((scored.doc, bonus));
        }
    }
    sort(&mut ev.ranked[..top]);
}

/// Smallest gap between a value of `a` and one of `b` (both sorted).
fn min_distance(a: &[u32], b: &[u32]) -> Option<u32> {
    let (mut i, mut j) = (0, 0);
    let mut best: Option<u32> = None;
    while i < a.len() && j < b.len() {
        let d = a[i].abs_diff(b[j]);
        best = Some(best.map_or(d, |x| x.min(d)));
        if a[i] < b[j] {
            i += 1;
        } else {
            j += 1;
        }
    }
    best
}

/// The documents where `terms` occur consecutively in a field, with how
/// many times.
pub(crate) fn phrase_occurrences(
    index: &SearchIndex,
    terms: &[String],
    field: Field,
) -> Vec<(u32, u32)> {
    let mut lists = Vec::with_capacity(terms.len());
    for t in terms {
        match index.record(t) {
            Some(r) if !r.lists[field as usize].is_empty() => lists.push(r.lists[field as usize]),
            _ => return Vec::new(),
        }
    }
    let mut cursor = PhraseCursor::new(&lists);
    let mut out = Vec::new();
    while let Some(doc) = cursor.advance() {
        out.push((doc, cursor.starts().len() as u32));
    }
    out
}

fn term_matches(
    index: &SearchIndex,
    m: &Matcher,
    acc: &Accum,
    fields: Fields,
    doc: u32,
    out: &mut Vec<TermMatch>,
) {
    match m {
        Matcher::Word { expansions, .. } => {
            for e in expansions {
                let record = index.record_at(e.offset);
                for f in Field::ALL {
                    if !fields.has(f) {
                        continue;
                    }
                    let mut cursor = PostingCursor::new(record.lists[f as usize]);
                    if cursor.seek(doc) == Some(doc) {
                        out.push(TermMatch {
                            term: e.term.clone(),
                            kind: e.kind,
                            field: f,
                            tf: cursor.term_freq(),
                        });
                    }
                }
            }
        }
        Matcher::Phrase { terms } => {
            for &(d, f, n) in &acc.phrase_counts {
                if d == doc {
                    out.push(TermMatch {
                        term: terms.join(" "),
                        kind: MatchKind::Exact,
                        field: f,
                        tf: n,
                    });
                }
            }
        }
    }
}

const _: () = assert!(FIELD_COUNT <= 8, "field masks are one byte");

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::index::tests::articles;
    use crate::search::plan::plan;
    use crate::search::query::parse;

    fn rank(index: &SearchIndex, q: &str) -> Vec<u32> {
        let p = plan(index, &parse(q), false);
        let w = RankingWeights::default();
        evaluate(index, &p, &w)
            .ranked
            .iter()
            .map(|s| s.doc)
            .collect()
    }

    fn index() -> SearchIndex {
        SearchIndex::build(&articles(&[
            "Weather\nRain in Moscow today. Rain again tomorrow and rain after.",
            "Talks in Moscow\nEnvoys held talks in Moscow for nearly four hours.",
            "Other\nThe envoys went home. Later, much later, talks resumed somewhere.",
            "Kyiv\nKyiv said the talks were long; Moscow said they were short.",
        ]))
    }

    #[test]
    fn all_words_rank_above_some() {
        let i = index();
        let r = rank(&i, "moscow talks");
        // The two articles with both words come first, the title match first.
        assert_eq!(r[0], 1);
        assert!(r[..2].contains(&3));
        assert!(r.contains(&0) && r.contains(&2));
    }

    #[test]
    fn phrases_are_exact_and_required() {
        let i = index();
        assert_eq!(rank(&i, "\"nearly four hours\""), [1]);
        assert!(rank(&i, "\"four nearly hours\"").is_empty());
        assert_eq!(
            phrase_occurrences(&i, &["rain".into()], Field::Body),
            [(0, 3)]
        );
    }

    #[test]
    fn exclusions_and_only_exclusions() {
        let i = index();
        assert_eq!(rank(&i, "talks -moscow"), [2]);
        assert_eq!(rank(&i, "-moscow"), [2]);
    }

    #[test]
    fn title_boost_and_explain() {
        let i = index();
        let p = plan(&i, &parse("rain"), false);
        let w = RankingWeights::default();
        let ev = evaluate(&i, &p, &w);
        let e = ev.explain(0);
        assert!(e.complete);
        assert_eq!(e.clauses[0].matches[0].tf, 3);
        assert!((e.total - ev.ranked[0].score).abs() < 1e-4);
    }

    #[test]
    fn proximity_breaks_ties() {
        let i = SearchIndex::build(&articles(&[
            "A\nalpha one two three four five six beta filler words here.",
            "B\nalpha beta one two three four five six filler words here.",
        ]));
        assert_eq!(rank(&i, "alpha beta"), [1, 0]);
        assert_eq!(min_distance(&[1, 10], &[4, 12]), Some(2));
    }
}
