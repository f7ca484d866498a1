//! Adding and removing articles keeps every derived table of a bundle (the
//! search index, term statistics, similarity matrix, unique coverage)
//! exactly what a fresh build of the resulting article list would give.
//! Articles imported in the browser rely on this.

use crosscheck_core::{Article, Bundle, SearchOptions};
use proptest::prelude::*;

/// Short reports that share some words, names and numbers, so similarities,
/// unique coverage and search results are not trivial.
const TEXTS: &[(&str, &str)] = &[
    (
        "a.txt",
        "Envoys meet in Moscow\nSteve Witkoff met Vladimir Putin in Moscow for five hours. \
         The talks were constructive, officials said.",
    ),
    (
        "b.txt",
        "Talks last four hours\nWitkoff and Putin talked for nearly four hours in the Kremlin. \
         Ukraine was not at the table.",
    ),
    (
        "c.txt",
        "EU agrees loan\nThe European Union agreed a loan of €90 billion for Ukraine. \
         Leaders met in Brussels on Thursday.",
    ),
    (
        "d.txt",
        "Berlin round\nNegotiators gathered in Berlin. Witkoff said the talks were constructive. \
         A further round is planned in Abu Dhabi.",
    ),
    (
        "e.txt",
        "Markets steady\nShares rose in London as the pound held steady. \
         Analysts expect the Bank of England to hold rates.",
    ),
    (
        "f.txt",
        "No headline here, just one sentence about Kyiv and Moscow.",
    ),
];

fn pool() -> Vec<Article> {
    let files = TEXTS
        .iter()
        .map(|(name, text)| (name.to_string(), text.as_bytes().to_vec()))
        .collect();
    Bundle::build(files).expect("pool parses").articles
}

#[derive(Debug, Clone)]
enum Edit {
    Add(usize),
    Remove(usize),
    AddMany(Vec<usize>),
}

fn edit() -> impl Strategy<Value = Edit> {
    let n = TEXTS.len();
    prop_oneof![
        (0..n).prop_map(Edit::Add),
        (0..n).prop_map(Edit::Remove),
        prop::collection::vec(0..n, 0..4).prop_map(Edit::AddMany),
    ]
}

/// What the bundle's article list should be after `edit`.
fn apply_to_model(model: &mut Vec<Article>, pool: &[Article], edit: &Edit) {
    let add = |model: &mut Vec<Article>, a: &Article| {
        model.retain(|m| m.id != a.id);
        model.push(a.clone());
    };
    match edit {
        Edit::Add(i) => add(model, &pool[*i]),
        Edit::Remove(i) => model.retain(|m| m.id != pool[*i].id),
        Edit::AddMany(is) => is.iter().for_each(|&i| add(model, &pool[i])),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_edits_equal_a_fresh_build(
        start in prop::collection::vec(any::<bool>(), TEXTS.len()),
        edits in prop::collection::vec(edit(), 1..8),
    ) {
        let pool = pool();
        let mut model: Vec<Article> = pool
            .iter()
            .zip(&start)
            .filter(|(_, keep)| **keep)
            .map(|(a, _)| a.clone())
            .collect();
        let mut bundle = Bundle::from_articles(model.clone());
        for edit in &edits {
            let present = |i: &usize| bundle.article(&pool[*i].id).is_some();
            let expect_removed = matches!(edit, Edit::Remove(i) if present(i));
            let removed = match edit {
                Edit::Add(i) => { bundle.add_article(pool[*i].clone()); false }
                Edit::Remove(i) => bundle.remove_article(&pool[*i].id),
                Edit::AddMany(is) => { bundle.extend(is.iter().map(|&i| pool[i].clone())); false }
            };
            prop_assert_eq!(removed, expect_removed);
            apply_to_model(&mut model, &pool, edit);
            let fresh = Bundle::from_articles(model.clone());
            prop_assert_eq!(&bundle, &fresh);
            // Every table is usable: no stale index into the comparison.
            for a in &model {
                for b in &model {
                    prop_assert!(bundle.similarity(&a.id, &b.id).is_ok());
                }
                prop_assert!(bundle.unique_coverage(&a.id).is_ok());
            }
            let results = bundle.search("witkoff talks", &SearchOptions::default());
            prop_assert_eq!(results, fresh.search("witkoff talks", &SearchOptions::default()));
        }
    }
}

#[test]
fn an_added_article_is_compared_with_the_rest() {
    let pool = pool();
    let mut bundle = Bundle::from_articles(pool[..2].to_vec());
    bundle.add_article(pool[3].clone());
    // Before the fix, the comparison tables ignored the new article and a
    // similarity or coverage lookup for it failed or read out of range.
    let sim = bundle.similarity(&pool[3].id, &pool[0].id).unwrap();
    assert!(
        sim > 0.0,
        "shared words and names give a positive similarity"
    );
    assert_eq!(bundle.comparison.unique.len(), 3);
    assert!(bundle.compare(&pool[3].id, &pool[1].id).is_ok());
}
