//! Several reports of one story, fact by fact: `&[&Article] → Synopsis`.
//!
//! A *fact* is a cluster of sentences, at most one per article, that report
//! the same thing. The clusters are built on the pairwise alignment, not
//! beside it: every pair of articles is aligned exactly as
//! [`super::compare`] aligns them (same profiles, same
//! [`THRESHOLDS`], so the same [`super::fact`] decision), and
//! the aligned sentence pairs are the only links. Links are taken strongest
//! first and join two clusters unless the joined cluster would hold two
//! sentences of one article (a constrained single linkage: a fact reported
//! by A, B and C needs A–B and B–C aligned, not all three pairs, because a
//! third report often words it further from the first than from the
//! second).
//!
//! **Repeats within an article.** When an article tells a fact twice (a lede
//! and a later paragraph), alignment may pair both sentences with the same
//! sentence of another article. The fact keeps the repeat with the stronger
//! link; the weaker one is not dropped but stays in a fact of its own, or
//! joins another fact it is aligned with, so every sentence of every article
//! is in exactly one fact. Sentences aligned with nothing are facts reported
//! by one article.
//!
//! Each fact carries, for each sentence, its words shared with another
//! sentence of the fact and its words specific to it (content words, as the
//! pairwise view marks them), the stems all its sentences use, the
//! quantities its sentences disagree on (the pairwise [`Disagreement`]s
//! whose two quantities lie in two of the fact's sentences), and its quotes
//! grouped by speaker.

use super::align::{align, sentence_scores, Alignment, THRESHOLDS};
use super::disagree::{disagreements_within, Disagreement};
use super::profile::{sentence_of, Profile, TermStats};
use super::terms::words;
use crate::article::{Article, Span};

/// The most articles one synopsis reads: as many columns as a reader can
/// take in side by side, and the pairwise alignments make the work
/// quadratic in their number.
pub const MAX_ARTICLES: usize = 12;

/// Several articles read fact by fact.
#[derive(Debug, Clone, PartialEq)]
pub struct Synopsis {
    /// Ids of the articles, in the order given; fact members refer to
    /// articles by their index here.
    pub articles: Vec<String>,
    /// Ordered by first appearance: the earliest relative position
    /// (sentence index over sentence count) of any of the fact's sentences.
    pub facts: Vec<Fact>,
}

/// Sentences of several articles that report the same thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    /// One per reporting article, in article order.
    pub sentences: Vec<FactSentence>,
    /// Stems every sentence of the fact uses, sorted; empty for a fact one
    /// article reports.
    pub shared_terms: Vec<String>,
    /// Pairs of its sentences' quantities that disagree.
    pub disagreements: Vec<FactDisagreement>,
    /// Its quotes grouped by speaker, speakers in order of first quote.
    pub quotes: Vec<FactQuotes>,
}

impl Fact {
    /// Indexes of the articles that report it, in order.
    pub fn articles(&self) -> impl Iterator<Item = u32> + '_ {
        self.sentences.iter().map(|s| s.article)
    }

    /// The sentence of article `article`, if it reports the fact.
    pub fn sentence_of(&self, article: u32) -> Option<&FactSentence> {
        self.sentences.iter().find(|s| s.article == article)
    }
}

/// One article's sentence in a fact.
#[derive(Debug, Clone, PartialEq)]
pub struct FactSentence {
    /// Index into [`Synopsis::articles`].
    pub article: u32,
    /// Index into that article's [`Article::sentences`].
    pub sentence: u32,
    /// Content words another sentence of the fact also uses (same stem),
    /// as spans of the article's body.
    pub shared: Vec<Span>,
    /// Content words no other sentence of the fact uses.
    pub specific: Vec<Span>,
}

/// A disagreement between two sentences of a fact.
#[derive(Debug, Clone, PartialEq)]
pub struct FactDisagreement {
    /// Index into [`Synopsis::articles`] of the article of
    /// `disagreement.a`.
    pub a: u32,
    /// Index of the article of `disagreement.b`.
    pub b: u32,
    pub disagreement: Disagreement,
}

/// A quote of one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteRef {
    /// Index into [`Synopsis::articles`].
    pub article: u32,
    /// Index into that article's [`Article::quotes`].
    pub quote: u32,
}

/// The quotes of one speaker in a fact.
#[derive(Debug, Clone, PartialEq)]
pub struct FactQuotes {
    /// `None` for quotes the text does not attribute.
    pub speaker: Option<String>,
    pub quotes: Vec<QuoteRef>,
}

/// An aligned sentence pair between two articles: the link facts grow on.
struct Link {
    score: f32,
    /// Global sentence numbers (article offset + sentence index).
    x: usize,
    y: usize,
}

/// Clusters of global sentence numbers, each holding at most one sentence
/// per article.
struct Clusters {
    parent: Vec<usize>,
    /// For each root, the articles its sentences come from.
    articles: Vec<Vec<u32>>,
}

impl Clusters {
    fn new(article_of: &[u32]) -> Clusters {
        Clusters {
            parent: (0..article_of.len()).collect(),
            articles: article_of.iter().map(|&a| vec![a]).collect(),
        }
    }

    fn root(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins the clusters of `x` and `y` unless they are one already or
    /// share an article.
    fn join(&mut self, x: usize, y: usize) {
        let (rx, ry) = (self.root(x), self.root(y));
        if rx == ry
            || self.articles[rx]
                .iter()
                .any(|a| self.articles[ry].contains(a))
        {
            return;
        }
        let moved = std::mem::take(&mut self.articles[ry]);
        self.articles[rx].extend(moved);
        self.parent[ry] = rx;
    }
}

/// The synopsis of `articles` (meant for 2 to 12 reports of one story;
/// the pairwise alignments make it quadratic in their number), words
/// weighed with `stats` (the corpus's, or [`TermStats::from_articles`] over
/// the articles themselves).
pub fn synopsis(articles: &[&Article], stats: &TermStats) -> Synopsis {
    let profiles = Profile::many(articles, stats);
    let offsets: Vec<usize> = articles
        .iter()
        .scan(0, |n, a| {
            let start = *n;
            *n += a.sentences.len();
            Some(start)
        })
        .collect();
    let article_of: Vec<u32> = articles
        .iter()
        .enumerate()
        .flat_map(|(k, a)| std::iter::repeat_n(k as u32, a.sentences.len()))
        .collect();

    // Every pair aligned as the pairwise comparison aligns it.
    let mut slots = Vec::new();
    let mut links = Vec::new();
    let mut alignments: Vec<(usize, usize, Alignment)> = Vec::new();
    for x in 0..articles.len() {
        for y in x + 1..articles.len() {
            let (px, py) = (&profiles[x], &profiles[y]);
            let scores = sentence_scores(px, py, &mut slots);
            let alignment = align(articles[x], articles[y], px, py, &scores, &THRESHOLDS);
            for p in &alignment.pairs {
                links.push(Link {
                    score: p.score,
                    x: offsets[x] + p.a_sentence as usize,
                    y: offsets[y] + p.b_sentence as usize,
                });
            }
            alignments.push((x, y, alignment));
        }
    }
    links.sort_by(|l, m| {
        m.score
            .total_cmp(&l.score)
            .then((l.x, l.y).cmp(&(m.x, m.y)))
    });
    let mut clusters = Clusters::new(&article_of);
    for l in &links {
        clusters.join(l.x, l.y);
    }
    let root_of: Vec<usize> = (0..article_of.len()).map(|g| clusters.root(g)).collect();

    // The pairwise disagreements, asked only about sentences of one fact.
    let mut pair_disagreements: Vec<(u32, u32, Vec<Disagreement>)> = Vec::new();
    for (x, y, alignment) in &alignments {
        let (x, y) = (*x, *y);
        let same_fact = |i: Option<usize>, j: Option<usize>| match (i, j) {
            (Some(i), Some(j)) => root_of[offsets[x] + i] == root_of[offsets[y] + j],
            _ => false,
        };
        let found = disagreements_within(articles[x], articles[y], alignment, same_fact);
        if !found.is_empty() {
            pair_disagreements.push((x as u32, y as u32, found));
        }
    }

    // Members of each cluster, in article order (global numbers increase
    // with the article).
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); article_of.len()];
    for (g, &r) in root_of.iter().enumerate() {
        members[r].push(g);
    }
    let position = |g: usize| {
        let k = article_of[g] as usize;
        let i = g - offsets[k];
        (i as f32 + 0.5) / articles[k].sentences.len() as f32
    };
    let mut groups: Vec<Vec<usize>> = members.into_iter().filter(|m| !m.is_empty()).collect();
    groups.sort_by(|m, n| {
        let first = |v: &[usize]| v.iter().map(|&g| position(g)).fold(f32::MAX, f32::min);
        first(m).total_cmp(&first(n)).then(m[0].cmp(&n[0]))
    });

    let facts = groups
        .into_iter()
        .map(|group| {
            let located: Vec<(u32, u32)> = group
                .iter()
                .map(|&g| {
                    let k = article_of[g];
                    (k, (g - offsets[k as usize]) as u32)
                })
                .collect();
            fact(articles, &located, &pair_disagreements)
        })
        .collect();
    Synopsis {
        articles: articles.iter().map(|a| a.id.clone()).collect(),
        facts,
    }
}

/// The fact made of sentences `located` (article, sentence), in article
/// order.
fn fact(
    articles: &[&Article],
    located: &[(u32, u32)],
    pair_disagreements: &[(u32, u32, Vec<Disagreement>)],
) -> Fact {
    let content: Vec<Vec<(String, Span)>> = located
        .iter()
        .map(|&(k, i)| {
            let a = articles[k as usize];
            let span = a.sentences[i as usize].span;
            words(a.text(span))
                .into_iter()
                .filter(|w| !w.stop)
                .map(|w| {
                    (
                        w.key,
                        Span::new(span.start as usize + w.start, span.start as usize + w.end),
                    )
                })
                .collect()
        })
        .collect();
    let uses = |m: usize, key: &str| content[m].iter().any(|(k, _)| k == key);
    let sentences = located
        .iter()
        .enumerate()
        .map(|(m, &(article, sentence))| {
            let (shared, specific): (Vec<_>, Vec<_>) = content[m]
                .iter()
                .partition(|(key, _)| (0..located.len()).any(|o| o != m && uses(o, key)));
            FactSentence {
                article,
                sentence,
                shared: shared.into_iter().map(|w| w.1).collect(),
                specific: specific.into_iter().map(|w| w.1).collect(),
            }
        })
        .collect();
    let mut shared_terms: Vec<String> = if located.len() < 2 {
        Vec::new()
    } else {
        content[0]
            .iter()
            .map(|(k, _)| k.clone())
            .filter(|k| (1..located.len()).all(|o| uses(o, k)))
            .collect()
    };
    shared_terms.sort_unstable();
    shared_terms.dedup();

    let sentence_in = |k: u32| located.iter().find(|l| l.0 == k).map(|l| l.1);
    let mut found = Vec::new();
    for (x, y, list) in pair_disagreements {
        let (Some(i), Some(j)) = (sentence_in(*x), sentence_in(*y)) else {
            continue;
        };
        for d in list {
            if d.a.sentence == Some(i) && d.b.sentence == Some(j) {
                found.push(FactDisagreement {
                    a: *x,
                    b: *y,
                    disagreement: d.clone(),
                });
            }
        }
    }

    let mut quotes: Vec<FactQuotes> = Vec::new();
    for &(k, i) in located {
        let a = articles[k as usize];
        for (q, quote) in a.quotes.iter().enumerate() {
            if sentence_of(a, quote.span.start) != Some(i as usize) {
                continue;
            }
            let r = QuoteRef {
                article: k,
                quote: q as u32,
            };
            match quotes.iter_mut().find(|g| g.speaker == quote.speaker) {
                Some(g) => g.quotes.push(r),
                None => quotes.push(FactQuotes {
                    speaker: quote.speaker.clone(),
                    quotes: vec![r],
                }),
            }
        }
    }
    Fact {
        sentences,
        shared_terms,
        disagreements: found,
        quotes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clusters_never_hold_two_sentences_of_one_article() {
        // Sentences 0, 1 of article 0; 2 of article 1; 3 of article 2.
        let mut c = Clusters::new(&[0, 0, 1, 2]);
        c.join(0, 2);
        c.join(1, 2); // would put 0 and 1 together
        c.join(2, 3);
        let r = c.root(0);
        assert_eq!(c.root(2), r);
        assert_eq!(c.root(3), r);
        assert_ne!(c.root(1), r);
        let mut arts = c.articles[r].clone();
        arts.sort_unstable();
        assert_eq!(arts, [0, 1, 2]);
    }
}
