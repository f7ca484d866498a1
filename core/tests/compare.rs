//! The comparison engine on the seed articles and on small hand-made pairs:
//! alignment, entities, quotes, disagreements, similarity, the corpus
//! matrix, unique coverage and the query-focused view; and, on generated
//! texts, that comparing never panics and similarity is a symmetric score
//! in [0, 1].

mod common;

use crosscheck_core::compare::{PairKind, QuoteMatchKind, SentenceKind};
use crosscheck_core::{
    compare, parse_corpus, Article, Bundle, CorpusComparison, QuantityKind, TermStats,
};
use proptest::prelude::*;

fn seeds() -> Vec<Article> {
    let files = common::read_txt_files(&common::corpus_dir());
    parse_corpus(&files)
        .into_iter()
        .map(Result::unwrap)
        .collect()
}

fn seed<'a>(seeds: &'a [Article], prefix: &str) -> &'a Article {
    seeds.iter().find(|a| a.id.starts_with(prefix)).unwrap()
}

/// Parses hand-made articles as one corpus.
fn articles(texts: &[&str]) -> Vec<Article> {
    let files: Vec<(String, Vec<u8>)> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| (format!("{i}.txt"), t.as_bytes().to_vec()))
        .collect();
    parse_corpus(&files)
        .into_iter()
        .map(Result::unwrap)
        .collect()
}

fn assert_identical(a: &Article, b: &Article, stats: &TermStats) {
    let c = compare(a, b, stats);
    assert_eq!(c.similarity.similarity, 1.0, "{}", a.id);
    assert!(
        c.alignment.a.iter().all(|k| *k == SentenceKind::Shared),
        "{}",
        a.id
    );
    assert!(c.alignment.b.iter().all(|k| *k == SentenceKind::Shared));
    assert!(c.alignment.only_a().is_empty() && c.alignment.only_b().is_empty());
    for i in 0..a.sentences.len() as u32 {
        let p = c
            .alignment
            .pairs_of_a(i)
            .find(|p| p.b_sentence == i)
            .unwrap_or_else(|| panic!("{}: sentence {i} not paired with itself", a.id));
        assert_eq!(p.kind, PairKind::Shared);
        assert_eq!(p.common.wording, 1.0);
        // One run of common words, from the first word to the last.
        let sentence = a.sentences[i as usize].span;
        assert_eq!(p.common.a.len(), 1);
        let run = p.common.a[0];
        assert!(sentence.start <= run.start && run.end <= sentence.end);
        let outside = format!(
            "{}{}",
            &a.body[sentence.start as usize..run.start as usize],
            &a.body[run.end as usize..sentence.end as usize]
        );
        assert!(!outside.chars().any(char::is_alphanumeric), "{outside:?}");
    }
    assert!(c.disagreements.is_empty(), "{:?}", c.disagreements);
    assert!(c.entities.only_a.is_empty() && c.entities.only_b.is_empty());
    assert_eq!(c.entities.both.len(), a.entities.len());
    for (i, q) in a.quotes.iter().enumerate() {
        assert!(
            c.quotes
                .matches
                .iter()
                .any(|m| m.a == i as u32 && m.b == i as u32 && m.kind == QuoteMatchKind::SameQuote),
            "quote {:?} not matched with itself",
            q.text
        );
    }
    let rows = c.alignment.rows();
    assert!(rows.iter().all(|r| r.aligned && r.a == r.b), "{rows:?}");
}

#[test]
fn every_seed_compared_with_itself_is_identical() {
    let seeds = seeds();
    let stats = TermStats::from_articles(&seeds);
    for a in &seeds {
        assert_identical(a, a, &stats);
    }
}

#[test]
fn two_copies_of_an_article_are_identical() {
    let text = "Talks in Geneva\nEnvoys met in Geneva on Monday for five hours. \
                The minister said the talks were “useful and frank”.\n\n\
                A second round is planned for March.";
    let arts = articles(&[text, text]);
    let stats = TermStats::from_articles(&arts);
    assert_identical(&arts[0], &arts[1], &stats);
}

#[test]
fn disjoint_articles_share_nothing() {
    let arts = articles(&[
        "Football\nArsenal beat Chelsea three goals to one at the Emirates Stadium on Saturday.",
        "Baking\nA sourdough loaf needs flour, water, salt and a patient starter culture.",
    ]);
    let stats = TermStats::from_articles(&arts);
    let c = compare(&arts[0], &arts[1], &stats);
    assert!(c.similarity.similarity < 0.05, "{:?}", c.similarity);
    assert!(c.alignment.pairs.is_empty());
    assert_eq!(c.alignment.only_a().len(), arts[0].sentences.len());
    assert_eq!(c.alignment.only_b().len(), arts[1].sentences.len());
    assert!(c.entities.both.is_empty());
    assert!(c.disagreements.is_empty());
}

#[test]
fn an_empty_article_matches_nothing_but_itself() {
    let arts = articles(&[
        "---\ntitle: Only front matter\n---\n",
        "Talks\nEnvoys met in Geneva on Monday.",
    ]);
    assert!(arts[0].body.is_empty() && arts[0].sentences.is_empty());
    let stats = TermStats::from_articles(&arts);
    let c = compare(&arts[0], &arts[1], &stats);
    assert_eq!(c.similarity.similarity, 0.0);
    assert!(c.alignment.pairs.is_empty());
    assert_eq!(c.alignment.only_b(), vec![0]);
    assert_eq!(c.alignment.rows().len(), 1);
    assert_eq!(
        compare(&arts[1], &arts[0], &stats).similarity.similarity,
        0.0
    );
    let itself = compare(&arts[0], &arts[0], &stats);
    assert_eq!(itself.similarity.similarity, 1.0);
    assert!(itself.alignment.rows().is_empty());
}

#[test]
fn the_meeting_length_disagreement_between_seeds_001_and_004() {
    let seeds = seeds();
    let stats = TermStats::from_articles(&seeds);
    let (a, b) = (seed(&seeds, "001"), seed(&seeds, "004"));
    let c = compare(a, b, &stats);
    assert_eq!(c.disagreements.len(), 1, "{:#?}", c.disagreements);
    let d = &c.disagreements[0];
    assert_eq!(d.kind, QuantityKind::Duration);
    assert_eq!(d.subject.as_deref(), Some("meeting"));
    assert_eq!((d.a.text.as_str(), d.a.value), ("five-hour", 5.0));
    assert_eq!((d.b.text.as_str(), d.b.value), ("four hours", 4.0));
    assert_eq!(d.b.qualifier.map(|q| q.as_str()), Some("nearly"));
    let sa = a.text(a.sentences[d.a.sentence.unwrap() as usize].span);
    let sb = b.text(b.sentences[d.b.sentence.unwrap() as usize].span);
    assert!(sa.contains("five-hour meeting"), "{sa}");
    assert!(sb.contains("nearly four hours"), "{sb}");
    // The two sentences telling of the meeting are aligned, and the words
    // both use are marked.
    let pair = c
        .alignment
        .pairs
        .iter()
        .find(|p| p.a_sentence == d.a.sentence.unwrap() && p.b_sentence == d.b.sentence.unwrap())
        .expect("the meeting sentences are aligned");
    assert_eq!(pair.kind, PairKind::Related);
    let marked: Vec<&str> = pair.common.a.iter().map(|s| a.text(*s)).collect();
    assert!(marked.iter().any(|w| w.contains("meeting")), "{marked:?}");
    assert!(marked.iter().any(|w| w.contains("envoys")), "{marked:?}");
    // Entities: both name Putin; only 004 names Witkoff, only 001 Trump.
    let names = |list: &[crosscheck_core::compare::EntityCount]| -> Vec<String> {
        list.iter().map(|e| e.name.clone()).collect()
    };
    assert!(names(&c.entities.both).contains(&"Vladimir Putin".to_owned()));
    assert!(names(&c.entities.only_b).contains(&"Steve Witkoff".to_owned()));
    assert!(names(&c.entities.only_a).contains(&"Donald Trump".to_owned()));
    let putin = c
        .entities
        .both
        .iter()
        .find(|e| e.name == "Vladimir Putin")
        .unwrap();
    assert_eq!((putin.a_mentions, putin.b_mentions), (1, 2));
}

#[test]
fn no_seed_pair_raises_a_false_alarm() {
    // Across all ten seed pairs the only number they disagree on is the
    // meeting's length; the counts (`two envoys`, `three discussions`), the
    // loan and the years describe different things.
    let seeds = seeds();
    let stats = TermStats::from_articles(&seeds);
    let mut found = Vec::new();
    for i in 0..seeds.len() {
        for j in i + 1..seeds.len() {
            for d in compare(&seeds[i], &seeds[j], &stats).disagreements {
                found.push((seeds[i].id.clone(), seeds[j].id.clone(), d.a.text, d.b.text));
            }
        }
    }
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].0.starts_with("001") && found[0].1.starts_with("004"));
}

#[test]
fn disagreement_rules_on_hand_made_pairs() {
    let check = |a: &str, b: &str| {
        let arts = articles(&[a, b]);
        let stats = TermStats::from_articles(&arts);
        compare(&arts[0], &arts[1], &stats).disagreements
    };
    // Same subject, different amounts.
    let d = check(
        "Loan\nEU leaders agreed a €90 billion loan for Ukraine.",
        "Loan\nEU leaders agreed a €80 billion loan for Ukraine.",
    );
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].kind, QuantityKind::Money);
    assert_eq!(d[0].subject.as_deref(), Some("loan"));
    // Different subjects are not a disagreement.
    assert!(check(
        "Talks\nTwo envoys flew to Moscow for the talks.",
        "Talks\nThree discussions were held in Moscow during the talks.",
    )
    .is_empty());
    // A hedge covers the difference.
    assert!(check(
        "Protest\nAbout 50 protesters gathered outside the ministry on Monday.",
        "Protest\nSome 48 protesters gathered outside the ministry on Monday.",
    )
    .is_empty());
    assert!(check(
        "Meeting\nThe meeting lasted more than three hours in the Kremlin.",
        "Meeting\nThe meeting lasted five hours in the Kremlin.",
    )
    .is_empty());
    // Different currencies are not compared.
    assert!(check(
        "Loan\nThe bank approved a $90 billion loan for the project.",
        "Loan\nThe bank approved a €80 billion loan for the project.",
    )
    .is_empty());
    // Aligned sentences with one year each disagree on the year.
    let d = check(
        "Treaty\nThe treaty between the two countries was signed in Vienna in 1995 after long talks.",
        "Treaty\nThe treaty between the two countries was signed in Vienna in 1996 after long talks.",
    );
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].kind, QuantityKind::Year);
}

#[test]
fn quotes_are_grouped_by_speaker_and_matched() {
    let arts = articles(&[
        "Talks\nPresident Vladimir Putin said the talks were “useful and frank”. \
         Later Putin said “we are ready to continue”.",
        "Talks\n“The talks were useful and frank,” Vladimir Putin told reporters. \
         Putin also said “the next round will be in March”. \
         A diplomat said it was “a good day”.",
    ]);
    let stats = TermStats::from_articles(&arts);
    let c = compare(&arts[0], &arts[1], &stats);
    assert_eq!(c.quotes.a.len(), 1, "{:#?}", c.quotes.a);
    assert_eq!(c.quotes.a[0].speaker.as_deref(), Some("Vladimir Putin"));
    assert_eq!(c.quotes.a[0].quotes, vec![0, 1]);
    assert!(c.quotes.b.len() >= 2);
    let kind = |a: u32, b: u32| {
        c.quotes
            .matches
            .iter()
            .find(|m| m.a == a && m.b == b)
            .map(|m| m.kind)
    };
    assert_eq!(kind(0, 0), Some(QuoteMatchKind::SameQuote));
    assert_eq!(kind(1, 1), Some(QuoteMatchKind::SameSpeaker));
    assert_eq!(kind(0, 2), None, "a different speaker's different words");
}

#[test]
fn seed_quotes_match_across_outlets() {
    // 002 quotes “constructive” twice; compared with itself each matches.
    let seeds = seeds();
    let stats = TermStats::from_articles(&seeds);
    let a = seed(&seeds, "002");
    let c = compare(a, a, &stats);
    let constructive: Vec<u32> = (0..a.quotes.len() as u32)
        .filter(|&i| a.quotes[i as usize].text.contains("constructive"))
        .collect();
    assert_eq!(constructive.len(), 2);
    assert!(c.quotes.matches.iter().any(|m| m.a == constructive[0]
        && m.b == constructive[1]
        && m.kind == QuoteMatchKind::SameQuote));
}

#[test]
fn the_corpus_matrix_equals_pairwise_scores_and_unique_coverage_agrees() {
    let seeds = seeds();
    let (corpus, matrix) = CorpusComparison::build_with_matrix(&seeds);
    assert_eq!(matrix.len(), seeds.len());
    for i in 0..seeds.len() {
        assert_eq!(matrix.get(i, i), 1.0);
        for j in 0..seeds.len() {
            if i == j {
                continue;
            }
            let c = compare(&seeds[i], &seeds[j], &corpus.stats);
            assert_eq!(matrix.get(i, j), c.similarity.similarity, "{i} {j}");
            assert_eq!(matrix.get(i, j), matrix.get(j, i));
            assert!(c.similarity.similarity > 0.1 && c.similarity.similarity < 0.9);
            // A sentence unique in the corpus is unique in every pair.
            for s in &corpus.unique[i].sentences {
                assert_eq!(c.alignment.a[*s as usize], SentenceKind::Unique);
            }
        }
        let u = &corpus.unique[i];
        assert!(
            u.share > 0.0 && u.share < 1.0,
            "{}: {}",
            seeds[i].id,
            u.share
        );
        assert_eq!(
            u.share,
            u.sentences.len() as f32 / seeds[i].sentences.len() as f32
        );
    }
    // The two reports of the Kremlin meeting are each other's nearest.
    let i001 = seeds.iter().position(|a| a.id.starts_with("001")).unwrap();
    let i004 = seeds.iter().position(|a| a.id.starts_with("004")).unwrap();
    assert_eq!(matrix.nearest(i004, 1)[0].0, i001);
    // The graph keeps every pair of this small corpus, and the five reports
    // of one meeting are one story.
    for i in 0..seeds.len() {
        for j in 0..seeds.len() {
            assert_eq!(corpus.graph.get(i, j), Some(matrix.get(i, j)));
        }
    }
    let stories = corpus.graph.stories();
    assert_eq!(stories.len(), 1);
    assert_eq!(stories[0].articles.len(), seeds.len());
}

#[test]
fn focus_finds_each_articles_passage_on_the_meeting() {
    let seeds = seeds();
    let stats = TermStats::from_articles(&seeds);
    let view = crosscheck_core::compare::focus(&seeds, "meeting hours", &stats);
    assert_eq!(view.terms, vec!["hour", "meet"]);
    let top: Vec<&str> = view.passages[..2]
        .iter()
        .map(|p| seeds[p.article as usize].id.as_str())
        .collect();
    assert!(top.iter().any(|id| id.starts_with("004")), "{top:?}");
    assert!(top.iter().any(|id| id.starts_with("001")), "{top:?}");
    for p in &view.passages {
        let a = &seeds[p.article as usize];
        assert!(p.sentences.start < p.sentences.end);
        assert!(p.sentences.len() <= 3);
        assert!(!p.matches.is_empty());
        for m in &p.matches {
            let w = a.text(*m).to_lowercase();
            assert!(w.starts_with("meet") || w.starts_with("hour"), "{w}");
        }
    }
    assert!(crosscheck_core::compare::focus(&seeds, "the of", &stats)
        .passages
        .is_empty());
}

#[test]
fn the_bundle_compares_by_id_with_stored_statistics() {
    let files = common::read_txt_files(&common::corpus_dir());
    let bundle = Bundle::build(files).unwrap();
    let back = Bundle::from_bytes(&bundle.to_bytes()).unwrap();
    assert_eq!(back, bundle);
    let (a, b) = (&bundle.articles[1].id, &bundle.articles[4].id);
    let c = back.compare(a, b).unwrap();
    assert_eq!(c.a, *a);
    assert_eq!(back.similarity(a, b).unwrap(), c.similarity.similarity);
    assert_eq!(c.disagreements.len(), 1);
    assert!(back.unique_coverage(a).unwrap().share > 0.0);
    let err = back.compare(a, "no-such-id").unwrap_err();
    assert_eq!(err.to_string(), "no article with id \"no-such-id\"");
    assert!(back.similarity("nope", b).is_err());
    assert!(!back.focus("Witkoff").passages.is_empty());
}

/// Words, names, numbers and punctuation that exercise every rule.
const FRAGMENTS: &[&str] = &[
    "Putin",
    "President Vladimir Putin",
    "Moscow",
    "U.S.",
    "the",
    "talks",
    "meeting",
    "a five-hour meeting",
    "nearly four hours",
    "€90 billion loan",
    "2022",
    "two envoys",
    "“constructive”",
    " said ",
    ". ",
    ", ",
    "\n",
    "\n\n",
    "# ",
    "—",
    "é",
    "1,000",
    "%",
    "about 50 people",
    "more than",
    "Kyiv",
    "",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(FRAGMENTS).prop_map(str::to_owned),
            "[a-zA-Z]{1,8}",
            " ",
        ],
        1..60,
    )
    .prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn comparing_never_panics_and_is_a_symmetric_score(x in text(), y in text()) {
        let files = vec![
            ("x.txt".to_owned(), x.into_bytes()),
            ("y.txt".to_owned(), y.into_bytes()),
        ];
        let arts: Vec<Article> = parse_corpus(&files).into_iter().filter_map(Result::ok).collect();
        let stats = TermStats::from_articles(&arts);
        for a in &arts {
            for b in &arts {
                let ab = compare(a, b, &stats);
                let ba = compare(b, a, &stats);
                let s = ab.similarity.similarity;
                prop_assert!((0.0..=1.0).contains(&s), "{s}");
                prop_assert_eq!(s, ba.similarity.similarity);
                prop_assert_eq!(ab.alignment.pairs.len(), ba.alignment.pairs.len());
                if std::ptr::eq(a, b) {
                    prop_assert_eq!(s, 1.0);
                }
                for p in &ab.alignment.pairs {
                    for span in p.common.a.iter() {
                        prop_assert!(a.body.get(span.range()).is_some());
                    }
                    for span in p.common.b.iter() {
                        prop_assert!(b.body.get(span.range()).is_some());
                    }
                }
            }
        }
        if arts.len() == 2 {
            let (corpus, matrix) = CorpusComparison::build_with_matrix(&arts);
            let c = compare(&arts[0], &arts[1], &corpus.stats);
            prop_assert_eq!(matrix.get(0, 1), c.similarity.similarity);
            // The graph keeps the pair (each is the other's nearest) when
            // they share anything, with the same score.
            if c.similarity.similarity > 0.0 {
                prop_assert_eq!(corpus.graph.get(0, 1), Some(c.similarity.similarity));
            }
        }
    }
}
