//! A corpus's own settings: `crosscheck.toml` beside its articles, read at
//! build time (the web build script, the CLI) so that someone deploying
//! Crosscheck can tune ranking for their corpus without touching the
//! engine. The browser never reads the file: the settings travel inside the
//! bundle ([`crate::Bundle::ranking`]).
//!
//! Only what is written changes; everything else keeps its default. An
//! unknown key or a value outside its documented range is an error that
//! names the key, never silently ignored or clamped:
//!
//! ```toml
//! [ranking]
//! k1 = 1.4                 # BM25 saturation, 0.1 to 3
//! short_query_words = 4    # longer queries are questions
//!
//! [ranking.title]
//! boost = 3.0              # 0 to 10
//! ```

use std::fmt;
use std::ops::RangeInclusive;

use serde::Deserialize;

use crate::search::score::weights::{
    BOOST_RANGE, B_RANGE, K1_RANGE, MATCH_WEIGHT_RANGE, PARTIAL_RANGE, PROXIMITY_CANDIDATES_RANGE,
    PROXIMITY_RANGE, PROXIMITY_WINDOW_RANGE, SHORT_QUERY_WORDS_RANGE,
};
use crate::search::{FieldWeight, RankingWeights};

/// The file name looked for in a corpus folder.
pub const FILE_NAME: &str = "crosscheck.toml";

/// The settings of a corpus.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CorpusConfig {
    pub ranking: RankingWeights,
}

/// Why a `crosscheck.toml` was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

// What the file may say: every value optional, every unknown key an error.

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct File {
    ranking: Option<Ranking>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Field {
    boost: Option<f32>,
    b: Option<f32>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Ranking {
    k1: Option<f32>,
    title: Option<Field>,
    heading: Option<Field>,
    body: Option<Field>,
    entity: Option<Field>,
    source: Option<Field>,
    exact: Option<f32>,
    stemmed: Option<f32>,
    prefix: Option<f32>,
    one_typo: Option<f32>,
    two_typos: Option<f32>,
    proximity: Option<f32>,
    proximity_window: Option<u32>,
    proximity_candidates: Option<usize>,
    partial: Option<f32>,
    short_query_words: Option<usize>,
}

/// Puts `value`, when written, into `target` after checking it is in
/// `range`.
fn set<T: PartialOrd + Copy + fmt::Display>(
    target: &mut T,
    value: Option<T>,
    range: &RangeInclusive<T>,
    key: &str,
) -> Result<(), ConfigError> {
    let Some(v) = value else {
        return Ok(());
    };
    if !range.contains(&v) {
        return Err(ConfigError(format!(
            "{key} = {v} is out of range: it must be from {} to {}",
            range.start(),
            range.end()
        )));
    }
    *target = v;
    Ok(())
}

fn set_field(target: &mut FieldWeight, patch: Option<Field>, key: &str) -> Result<(), ConfigError> {
    let Some(p) = patch else {
        return Ok(());
    };
    set(
        &mut target.boost,
        p.boost,
        &BOOST_RANGE,
        &format!("{key}.boost"),
    )?;
    set(&mut target.b, p.b, &B_RANGE, &format!("{key}.b"))
}

impl CorpusConfig {
    /// Reads the text of a `crosscheck.toml`.
    pub fn parse(text: &str) -> Result<CorpusConfig, ConfigError> {
        let file: File = toml::from_str(text).map_err(|e| ConfigError(e.to_string()))?;
        let mut w = RankingWeights::default();
        if let Some(r) = file.ranking {
            set(&mut w.k1, r.k1, &K1_RANGE, "ranking.k1")?;
            set_field(&mut w.title, r.title, "ranking.title")?;
            set_field(&mut w.heading, r.heading, "ranking.heading")?;
            set_field(&mut w.body, r.body, "ranking.body")?;
            set_field(&mut w.entity, r.entity, "ranking.entity")?;
            set_field(&mut w.source, r.source, "ranking.source")?;
            for (target, value, key) in [
                (&mut w.exact, r.exact, "ranking.exact"),
                (&mut w.stemmed, r.stemmed, "ranking.stemmed"),
                (&mut w.prefix, r.prefix, "ranking.prefix"),
                (&mut w.one_typo, r.one_typo, "ranking.one_typo"),
                (&mut w.two_typos, r.two_typos, "ranking.two_typos"),
            ] {
                set(target, value, &MATCH_WEIGHT_RANGE, key)?;
            }
            set(
                &mut w.proximity,
                r.proximity,
                &PROXIMITY_RANGE,
                "ranking.proximity",
            )?;
            set(
                &mut w.proximity_window,
                r.proximity_window,
                &PROXIMITY_WINDOW_RANGE,
                "ranking.proximity_window",
            )?;
            set(
                &mut w.proximity_candidates,
                r.proximity_candidates,
                &PROXIMITY_CANDIDATES_RANGE,
                "ranking.proximity_candidates",
            )?;
            set(&mut w.partial, r.partial, &PARTIAL_RANGE, "ranking.partial")?;
            set(
                &mut w.short_query_words,
                r.short_query_words,
                &SHORT_QUERY_WORDS_RANGE,
                "ranking.short_query_words",
            )?;
        }
        Ok(CorpusConfig { ranking: w })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_is_written_changes() {
        let c = CorpusConfig::parse(
            "[ranking]\nk1 = 1.5\nshort_query_words = 3\n[ranking.title]\nboost = 4.0\n",
        )
        .unwrap();
        let d = RankingWeights::default();
        assert_eq!(c.ranking.k1, 1.5);
        assert_eq!(c.ranking.short_query_words, 3);
        assert_eq!(c.ranking.title.boost, 4.0);
        assert_eq!(
            c.ranking.title.b, d.title.b,
            "an unwritten b keeps the title's default"
        );
        assert_eq!(c.ranking.body, d.body);
        assert_eq!(CorpusConfig::parse("").unwrap(), CorpusConfig::default());
    }

    #[test]
    fn unknown_keys_and_out_of_range_values_are_named() {
        let e = CorpusConfig::parse("[ranking]\nk2 = 1.0\n").unwrap_err();
        assert!(e.0.contains("k2"), "{e}");
        let e = CorpusConfig::parse("[rankin]\n").unwrap_err();
        assert!(e.0.contains("rankin"), "{e}");
        let e = CorpusConfig::parse("[ranking.body]\nb = 1.5\n").unwrap_err();
        assert_eq!(
            e.0,
            "ranking.body.b = 1.5 is out of range: it must be from 0 to 1"
        );
        let e = CorpusConfig::parse("[ranking]\nshort_query_words = 40\n").unwrap_err();
        assert!(e.0.starts_with("ranking.short_query_words = 40"), "{e}");
        let e = CorpusConfig::parse("[ranking]\nk1 = \"high\"\n").unwrap_err();
        assert!(e.0.contains("k1") || e.0.contains("float"), "{e}");
        assert!(
            CorpusConfig::parse("[ranking]\nk1 = nan\n").is_err(),
            "NaN is in no range"
        );
        assert!(CorpusConfig::parse("not toml at all [").is_err());
    }
}
