//! The synopsis of several articles: every sentence in exactly one fact,
//! facts built on the pairwise alignment, and the seeds' meeting fact.

mod common;

use crosscheck_core::compare::synopsis::Synopsis;
use crosscheck_core::compare::SentenceKind;
use crosscheck_core::{compare, parse_corpus, Article, TermStats};
use proptest::prelude::*;

fn parse(files: &[(String, Vec<u8>)]) -> Vec<Article> {
    parse_corpus(files)
        .into_iter()
        .map(|r| r.unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

fn seeds() -> Vec<Article> {
    let files = common::read_txt_files(&common::corpus_dir());
    assert_eq!(files.len(), 5, "the seed corpus has five articles");
    parse(&files)
}

/// Nothing lost, nothing doubled: every sentence of every article is in
/// exactly one fact, a fact holds at most one sentence per article, and
/// the words and disagreements of a fact lie in its own sentences.
fn assert_partition(articles: &[&Article], s: &Synopsis) {
    assert_eq!(s.articles.len(), articles.len());
    let mut seen: Vec<Vec<u32>> = articles
        .iter()
        .map(|a| vec![0; a.sentences.len()])
        .collect();
    for f in &s.facts {
        assert!(!f.sentences.is_empty());
        let arts: Vec<u32> = f.articles().collect();
        assert!(arts.windows(2).all(|w| w[0] < w[1]), "articles {arts:?}");
        for m in &f.sentences {
            seen[m.article as usize][m.sentence as usize] += 1;
            let span = articles[m.article as usize].sentences[m.sentence as usize].span;
            for w in m.shared.iter().chain(&m.specific) {
                assert!(span.start <= w.start && w.end <= span.end);
            }
        }
        if f.sentences.len() == 1 {
            assert!(f.sentences[0].shared.is_empty() && f.shared_terms.is_empty());
        }
        for d in &f.disagreements {
            assert!(d.a < d.b);
            assert_eq!(
                d.disagreement.a.sentence,
                Some(f.sentence_of(d.a).unwrap().sentence)
            );
            assert_eq!(
                d.disagreement.b.sentence,
                Some(f.sentence_of(d.b).unwrap().sentence)
            );
        }
    }
    for (k, counts) in seen.iter().enumerate() {
        for (i, &n) in counts.iter().enumerate() {
            assert_eq!(n, 1, "sentence {i} of article {k} is in {n} facts");
        }
    }
}

#[test]
fn seeds_meeting_fact_holds_the_disagreeing_lengths_and_three_reports() {
    let articles = seeds();
    let stats = TermStats::from_articles(&articles);
    let refs: Vec<&Article> = articles.iter().collect();
    let s = compare::synopsis(&refs, &stats);
    assert_partition(&refs, &s);
    let find = |k: usize, needle: &str| {
        articles[k]
            .sentences
            .iter()
            .position(|x| articles[k].text(x.span).contains(needle))
            .unwrap_or_else(|| panic!("{needle:?} not in article {k}")) as u32
    };
    let five = find(1, "five-hour meeting");
    let four = find(4, "nearly four hours");
    let fact = s
        .facts
        .iter()
        .find(|f| f.sentence_of(1).is_some_and(|m| m.sentence == five))
        .unwrap();
    assert_eq!(fact.sentence_of(4).map(|m| m.sentence), Some(four));
    assert!(
        fact.disagreements.iter().any(|d| d.a == 1
            && d.b == 4
            && d.disagreement.a.text == "five-hour"
            && d.disagreement.b.text == "four hours"),
        "{:?}",
        fact.disagreements
    );
    // The envoys' meeting in Moscow, told by at least three reports.
    assert!(fact.sentences.len() >= 3, "{:?}", fact.sentences);
    assert!(fact.sentences.iter().any(|m| {
        let a = &articles[m.article as usize];
        a.text(a.sentences[m.sentence as usize].span)
            .contains("Moscow")
    }));
    // Its three sentences all speak of a meeting and of envoys.
    for t in ["meet", "envoy"] {
        assert!(
            fact.shared_terms.iter().any(|x| x == t),
            "{:?}",
            fact.shared_terms
        );
    }
}

/// The app asks the bundle by id: the same synopsis as from the articles
/// with the bundle's statistics, in the order the ids are given, and an
/// unknown id is an error naming it.
#[test]
fn bundle_synopsis_by_id_keeps_the_order_given() {
    let bundle = crosscheck_core::Bundle::build(common::read_txt_files(&common::corpus_dir()))
        .unwrap_or_else(|e| panic!("{e:?}"));
    let ids: Vec<&str> = bundle
        .articles
        .iter()
        .rev()
        .map(|a| a.id.as_str())
        .collect();
    let s = bundle.synopsis(&ids).unwrap();
    assert_eq!(s.articles, ids);
    let refs: Vec<&Article> = bundle.articles.iter().rev().collect();
    assert_partition(&refs, &s);
    assert_eq!(s, compare::synopsis(&refs, &bundle.comparison.stats));
    let err = bundle.synopsis(&[ids[0], "no_such_article"]).unwrap_err();
    assert_eq!(err.0, "no_such_article");
}

#[test]
fn two_articles_give_the_pairwise_alignment() {
    let articles = seeds();
    let stats = TermStats::from_articles(&articles);
    for (x, y) in [(0, 1), (1, 4), (2, 3)] {
        let (a, b) = (&articles[x], &articles[y]);
        let c = compare(a, b, &stats);
        let s = compare::synopsis(&[a, b], &stats);
        assert_partition(&[a, b], &s);
        let mut pairs = 0;
        for f in &s.facts {
            assert!(f.sentences.len() <= 2, "one sentence per article");
            if let [m, n] = f.sentences.as_slice() {
                pairs += 1;
                assert!(
                    c.alignment
                        .pairs
                        .iter()
                        .any(|p| p.a_sentence == m.sentence && p.b_sentence == n.sentence),
                    "fact ({}, {}) is not an aligned pair of {x} and {y}",
                    m.sentence,
                    n.sentence
                );
            }
        }
        // A sentence the pairwise comparison calls unique is a fact of its
        // own (an aligned one may be too, when its counterpart went to a
        // stronger pair).
        for (side, kinds) in [(0u32, &c.alignment.a), (1, &c.alignment.b)] {
            for (i, kind) in kinds.iter().enumerate() {
                let alone = s.facts.iter().any(|f| {
                    f.sentences.len() == 1
                        && f.sentences[0].article == side
                        && f.sentences[0].sentence == i as u32
                });
                if *kind == SentenceKind::Unique {
                    assert!(
                        alone,
                        "unique sentence {i} of side {side} is in a shared fact"
                    );
                }
            }
        }
        assert!(pairs > 0 || c.alignment.pairs.is_empty());
    }
}

const WORDS: &[&str] = &[
    "Putin",
    "met",
    "envoys",
    "in",
    "Moscow",
    "for",
    "five",
    "hours",
    "nearly",
    "four",
    "the",
    "talks",
    "were",
    "constructive",
    "Kyiv",
    "rejected",
    "demand",
    "ceasefire",
    "Witkoff",
    "said",
    "meeting",
    "lasted",
    "two",
    "days",
    "sanctions",
    "Europe",
    "peace",
    "plan",
];

/// An article from word indexes: a headline, then one paragraph per
/// sentence.
fn article_text(sentences: &[Vec<usize>]) -> Vec<u8> {
    let mut text = String::from("Report on the talks\n");
    for s in sentences {
        let mut words: Vec<String> = s.iter().map(|&w| WORDS[w].to_owned()).collect();
        if let Some(first) = words.first_mut() {
            let mut c = first.chars();
            *first = c
                .next()
                .map(|h| h.to_uppercase().chain(c).collect())
                .unwrap_or_default();
        }
        text.push_str(&words.join(" "));
        text.push_str(".\n");
    }
    text.into_bytes()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_sentence_is_in_exactly_one_fact(
        articles in prop::collection::vec(
            prop::collection::vec(prop::collection::vec(0..WORDS.len(), 3..9), 1..7),
            2..7,
        )
    ) {
        let files: Vec<(String, Vec<u8>)> = articles
            .iter()
            .enumerate()
            .map(|(k, a)| (format!("a{k}.txt"), article_text(a)))
            .collect();
        let parsed = parse(&files);
        let stats = TermStats::from_articles(&parsed);
        let refs: Vec<&Article> = parsed.iter().collect();
        let s = compare::synopsis(&refs, &stats);
        assert_partition(&refs, &s);
    }
}
