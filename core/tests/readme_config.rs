//! The `crosscheck.toml` shown in the README is read by the engine and
//! spells out the default weights, so the example cannot drift from the
//! code.

use crosscheck_core::config::CorpusConfig;
use crosscheck_core::search::RankingWeights;

#[test]
fn the_readme_example_parses_to_the_defaults() {
    let readme = include_str!("../../README.md");
    let start = readme.find("```toml\n").expect("README has a toml example") + "```toml\n".len();
    let end = start + readme[start..].find("```").expect("the example is closed");
    let config = CorpusConfig::parse(&readme[start..end]).unwrap_or_else(|e| panic!("{e}"));
    let d = RankingWeights::default();
    assert_eq!(config.ranking, d, "the README lists the defaults");
}
