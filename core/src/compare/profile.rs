//! Articles reduced to weighted features, and the corpus statistics that
//! weigh them.
//!
//! A *feature* is either a word stem (`envoy`) or a canonical entity name
//! (written `@Vladimir Putin` so it can never collide with a stem). Entity
//! names make `Putin`, `President Putin` and `Vladimir Putin` one feature,
//! which stems alone cannot; the corpus-level entity pass makes those names
//! consistent across articles.
//!
//! Weights are inverse document frequency: a word every article uses says
//! little about whether two articles report the same thing; a rare one says
//! a lot.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::terms::words;
use super::vector::SparseVec;
use crate::article::Article;

/// How many articles of the corpus use each feature. Built once for a
/// corpus (at build time, stored in the bundle) so any two of its articles
/// can be compared without looking at the others.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TermStats {
    /// Number of articles counted.
    pub articles: u32,
    /// Features, sorted.
    features: Vec<String>,
    /// Document frequency of `features[i]`.
    df: Vec<u32>,
}

impl TermStats {
    /// Whether the statistics can be read: one count per feature, features
    /// sorted and distinct (they are looked up by binary search). Decoded
    /// statistics are checked with this.
    pub fn check(&self) -> Result<(), String> {
        if self.features.len() != self.df.len() {
            return Err(format!(
                "{} features with {} counts",
                self.features.len(),
                self.df.len()
            ));
        }
        if self.features.windows(2).any(|w| w[0] >= w[1]) {
            return Err("features are not sorted".into());
        }
        Ok(())
    }

    /// Counts the features of `articles`.
    pub fn from_articles(articles: &[Article]) -> TermStats {
        CorpusProfiles::build(articles).stats
    }

    /// Number of distinct features.
    pub fn len(&self) -> usize {
        self.features.len()
    }

    pub fn is_empty(&self) -> bool {
        self.features.is_empty()
    }

    /// Articles that use `feature` (0 for an unknown one).
    pub fn df(&self, feature: &str) -> u32 {
        self.features
            .binary_search_by(|f| f.as_str().cmp(feature))
            .map_or(0, |i| self.df[i])
    }

    /// Smoothed inverse document frequency, `ln((N + 1) / (df + 1)) + 1`:
    /// never zero (so a text compared with itself is similar even when all
    /// its words are common) and finite for features the corpus lacks.
    pub fn idf(&self, feature: &str) -> f32 {
        idf(self.articles, self.df(feature))
    }
}

pub(crate) fn idf(articles: u32, df: u32) -> f32 {
    (((articles as f32) + 1.0) / ((df as f32) + 1.0)).ln() + 1.0
}

/// The feature key of an entity.
pub(crate) fn entity_feature(name: &str) -> String {
    format!("@{name}")
}

/// Assigns ids to feature strings.
#[derive(Default)]
struct Vocab {
    ids: HashMap<String, u32>,
    names: Vec<String>,
}

impl Vocab {
    fn id(&mut self, key: &str) -> u32 {
        if let Some(&id) = self.ids.get(key) {
            return id;
        }
        let id = self.names.len() as u32;
        self.ids.insert(key.to_owned(), id);
        self.names.push(key.to_owned());
        id
    }

    /// The features sorted, and for each old id its new id. Sorted ids make
    /// every sum over features run in the same order whichever way round two
    /// articles are given, so scores are exactly symmetric and a corpus
    /// matrix cell equals the pairwise score.
    fn into_sorted(self) -> (Vec<String>, Vec<u32>) {
        let mut order: Vec<u32> = (0..self.names.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| self.names[a as usize].cmp(&self.names[b as usize]));
        let mut remap = vec![0u32; order.len()];
        for (new, &old) in order.iter().enumerate() {
            remap[old as usize] = new as u32;
        }
        let mut names = self.names;
        let mut sorted = Vec::with_capacity(names.len());
        for &old in &order {
            sorted.push(std::mem::take(&mut names[old as usize]));
        }
        (sorted, remap)
    }
}

/// Feature counts of one article before weighting.
struct RawFeatures {
    /// Stems of the title and body with their counts.
    terms: Vec<(u32, u32)>,
    /// Entities with their mention counts.
    entities: Vec<(u32, u32)>,
    /// Distinct stems and entities of each sentence.
    sentences: Vec<Vec<u32>>,
}

impl RawFeatures {
    fn extract(a: &Article, vocab: &mut Vocab) -> RawFeatures {
        let mut terms: HashMap<u32, u32> = HashMap::new();
        if !a.title_inferred {
            for w in words(&a.title).iter().filter(|w| !w.stop) {
                *terms.entry(vocab.id(&w.key)).or_default() += 1;
            }
        }
        let mut sentences: Vec<Vec<u32>> = vec![Vec::new(); a.sentences.len()];
        let mut s = 0;
        for w in words(&a.body) {
            if w.stop {
                continue;
            }
            let id = vocab.id(&w.key);
            *terms.entry(id).or_default() += 1;
            while s < a.sentences.len() && (a.sentences[s].span.end as usize) <= w.start {
                s += 1;
            }
            if let Some(sentence) = a.sentences.get(s) {
                if (sentence.span.start as usize) <= w.start {
                    sentences[s].push(id);
                }
            }
        }
        let mut entities = Vec::with_capacity(a.entities.len());
        for e in &a.entities {
            let id = vocab.id(&entity_feature(&e.name));
            entities.push((id, e.mentions.len() as u32));
            for m in &e.mentions {
                if let Some(i) = sentence_of(a, m.start) {
                    sentences[i].push(id);
                }
            }
        }
        RawFeatures {
            terms: terms.into_iter().collect(),
            entities,
            sentences,
        }
    }

    fn remap(&mut self, remap: &[u32]) {
        for (id, _) in self.terms.iter_mut().chain(self.entities.iter_mut()) {
            *id = remap[*id as usize];
        }
        for s in &mut self.sentences {
            for id in s.iter_mut() {
                *id = remap[*id as usize];
            }
            s.sort_unstable();
            s.dedup();
        }
    }
}

/// The sentence containing byte `offset` of the body, if any.
pub(crate) fn sentence_of(a: &Article, offset: u32) -> Option<usize> {
    let i = a.sentences.partition_point(|s| s.span.end <= offset);
    a.sentences
        .get(i)
        .filter(|s| s.span.start <= offset)
        .map(|_| i)
}

/// An article as the comparison engine weighs it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Profile {
    /// Sublinear tf-idf over stems of title and body, unit length.
    pub terms: SparseVec,
    /// Sublinear mention-count × idf over entities, unit length.
    pub entities: SparseVec,
    /// Per sentence: idf over its distinct stems and entities, unit length.
    pub sentences: Vec<SparseVec>,
    /// Per sentence: the sum of its features' idf, how much it says; the
    /// weight of the sentence in coverage.
    pub sentence_weight: Vec<f32>,
    /// The ids of entity features (contiguous: they all sort after `@`),
    /// so rules can count stems alone.
    pub entity_ids: std::ops::Range<u32>,
}

impl Profile {
    fn weigh(raw: &RawFeatures, idf: &[f32], entity_ids: std::ops::Range<u32>) -> Profile {
        let sublinear = |&(id, n): &(u32, u32)| (id, (1.0 + (n as f32).ln()) * idf[id as usize]);
        let terms = SparseVec::from_pairs(raw.terms.iter().map(sublinear).collect()).normalized();
        let entities =
            SparseVec::from_pairs(raw.entities.iter().map(sublinear).collect()).normalized();
        let mut sentences = Vec::with_capacity(raw.sentences.len());
        let mut sentence_weight = Vec::with_capacity(raw.sentences.len());
        for ids in &raw.sentences {
            let v = SparseVec {
                ids: ids.clone(),
                weights: ids.iter().map(|&id| idf[id as usize]).collect(),
            };
            sentence_weight.push(v.weights.iter().sum());
            sentences.push(v.normalized());
        }
        Profile {
            terms,
            entities,
            sentences,
            sentence_weight,
            entity_ids,
        }
    }

    /// Profiles of two articles weighed with `stats`.
    pub fn pair(a: &Article, b: &Article, stats: &TermStats) -> (Profile, Profile) {
        let (raws, names) = features_of([a, b]);
        let idf: Vec<f32> = names.iter().map(|n| stats.idf(n)).collect();
        let entity_ids = entity_range(&names);
        (
            Profile::weigh(&raws[0], &idf, entity_ids.clone()),
            Profile::weigh(&raws[1], &idf, entity_ids),
        )
    }
}

impl Profile {
    /// Profiles of several articles weighed with `stats`, over one shared
    /// vocabulary. Feature ids are assigned in name order as in
    /// [`Profile::pair`], so any two of these profiles give bit-for-bit the
    /// sentence scores [`Profile::pair`] gives for those two articles: the
    /// synopsis pairs sentences exactly as the pairwise comparison does,
    /// while reading each article once instead of once per pair.
    pub fn many(articles: &[&Article], stats: &TermStats) -> Vec<Profile> {
        let (raws, names) = features_of(articles.iter().copied());
        let idf: Vec<f32> = names.iter().map(|n| stats.idf(n)).collect();
        let entity_ids = entity_range(&names);
        raws.iter()
            .map(|r| Profile::weigh(r, &idf, entity_ids.clone()))
            .collect()
    }
}

/// Two short texts, each read as one statement: the idf-weighted distinct
/// stems and entities of all the sentences of `a`'s body, and of `b`'s, unit
/// length, and the ids of the entity features. For a body of one sentence
/// this is exactly that sentence's vector in a [`Profile`], so a pair of
/// free sentences is scored as alignment scores two sentences of articles;
/// a text the sentence splitter cuts in two is still one statement.
pub(crate) fn statements(
    a: &Article,
    b: &Article,
    stats: &TermStats,
) -> (SparseVec, SparseVec, std::ops::Range<u32>) {
    let (raws, names) = features_of([a, b]);
    let statement = |r: &RawFeatures| {
        let mut ids: Vec<u32> = r.sentences.iter().flatten().copied().collect();
        ids.sort_unstable();
        ids.dedup();
        let weights = ids
            .iter()
            .map(|&id| stats.idf(&names[id as usize]))
            .collect();
        SparseVec { ids, weights }.normalized()
    };
    (
        statement(&raws[0]),
        statement(&raws[1]),
        entity_range(&names),
    )
}

/// The raw features of `articles` over one vocabulary, its ids assigned in
/// name order (see `Vocab::into_sorted`), and the sorted names: what every
/// profile of one or more articles starts from.
fn features_of<'a>(
    articles: impl IntoIterator<Item = &'a Article>,
) -> (Vec<RawFeatures>, Vec<String>) {
    let mut vocab = Vocab::default();
    let mut raws: Vec<RawFeatures> = articles
        .into_iter()
        .map(|a| RawFeatures::extract(a, &mut vocab))
        .collect();
    let (names, remap) = vocab.into_sorted();
    for raw in &mut raws {
        raw.remap(&remap);
    }
    (raws, names)
}

/// The ids of the entity features among sorted feature names.
fn entity_range(sorted: &[String]) -> std::ops::Range<u32> {
    let start = sorted.partition_point(|f| f.as_str() < "@");
    let end = sorted.partition_point(|f| f.as_str() < "A");
    start as u32..end as u32
}

/// Profiles of every article of a corpus and the statistics they were
/// weighed with.
pub(crate) struct CorpusProfiles {
    pub profiles: Vec<Profile>,
    pub stats: TermStats,
}

impl CorpusProfiles {
    pub fn build(articles: &[Article]) -> CorpusProfiles {
        let (raws, features) = features_of(articles);
        let mut df = vec![0u32; features.len()];
        for raw in &raws {
            let mut seen: Vec<u32> = raw
                .terms
                .iter()
                .chain(&raw.entities)
                .map(|p| p.0)
                .chain(raw.sentences.iter().flatten().copied())
                .collect();
            seen.sort_unstable();
            seen.dedup();
            for id in seen {
                df[id as usize] += 1;
            }
        }
        let n = articles.len() as u32;
        let idf: Vec<f32> = df.iter().map(|&d| idf(n, d)).collect();
        let entity_ids = entity_range(&features);
        let profiles = raws
            .iter()
            .map(|r| Profile::weigh(r, &idf, entity_ids.clone()))
            .collect();
        CorpusProfiles {
            profiles,
            stats: TermStats {
                articles: n,
                features,
                df,
            },
        }
    }
}
