//! Every ranking parameter in one place.

use serde::Serialize;

use crate::search::fuzzy::MatchKind;
use crate::search::index::Field;

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
