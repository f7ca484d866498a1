//! The similarity score on the BBC news collection (2,225 articles in five
//! topics): articles of the same topic must score higher than articles of
//! different topics, and the score must rank same-topic neighbours at least
//! as well as plain tf-idf cosine, the floor; the app's data file of the
//! collection reads back as it was built. Skipped with a message when the
//! collection is absent.

mod common;

use std::collections::HashMap;

use crosscheck_core::search::RankingWeights;
use crosscheck_core::{Article, Bundle, CorpusComparison, SearchIndex};

fn topic(a: &Article) -> &str {
    a.file.split('/').next().unwrap_or("")
}

/// Plain tf-idf cosine: raw counts of lower-cased words times `ln(N / df)`,
/// no stemming, no stop words; the baseline the issue names.
fn plain_tfidf(articles: &[Article]) -> Vec<Vec<f32>> {
    let docs: Vec<HashMap<String, f32>> = articles
        .iter()
        .map(|a| {
            let mut tf = HashMap::new();
            for text in [a.title.as_str(), a.body.as_str()] {
                for w in text
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                {
                    *tf.entry(w.to_lowercase()).or_insert(0.0) += 1.0;
                }
            }
            tf
        })
        .collect();
    let mut df: HashMap<&str, f32> = HashMap::new();
    for d in &docs {
        for k in d.keys() {
            *df.entry(k).or_insert(0.0) += 1.0;
        }
    }
    let n = docs.len() as f32;
    let ids: HashMap<&str, usize> = df.keys().enumerate().map(|(i, k)| (*k, i)).collect();
    // Unit vectors as (term id, weight) and an inverted index over them.
    let vecs: Vec<Vec<(usize, f32)>> = docs
        .iter()
        .map(|d| {
            let mut v: Vec<(usize, f32)> = d
                .iter()
                .map(|(k, tf)| (ids[k.as_str()], tf * (n / df[k.as_str()]).ln()))
                .collect();
            let norm = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt().max(1e-12);
            v.iter_mut().for_each(|x| x.1 /= norm);
            v
        })
        .collect();
    let mut postings: Vec<Vec<(usize, f32)>> = vec![Vec::new(); ids.len()];
    for (d, v) in vecs.iter().enumerate() {
        for &(t, w) in v {
            postings[t].push((d, w));
        }
    }
    vecs.iter()
        .map(|v| {
            let mut row = vec![0f32; vecs.len()];
            for &(t, w) in v {
                for &(d, wd) in &postings[t] {
                    row[d] += w * wd;
                }
            }
            row
        })
        .collect()
}

/// Mean same-topic and cross-topic similarity, and mean precision at 10 of
/// each article's nearest neighbours being of its topic.
fn evaluate(articles: &[Article], sim: impl Fn(usize, usize) -> f32) -> (f64, f64, f64) {
    let n = articles.len();
    let (mut same, mut same_n, mut cross, mut cross_n) = (0.0, 0usize, 0.0, 0usize);
    let mut precision = 0.0;
    for i in 0..n {
        let mut row: Vec<(usize, f32)> =
            (0..n).filter(|&j| j != i).map(|j| (j, sim(i, j))).collect();
        for &(j, s) in &row {
            if topic(&articles[i]) == topic(&articles[j]) {
                same += s as f64;
                same_n += 1;
            } else {
                cross += s as f64;
                cross_n += 1;
            }
        }
        row.sort_by(|x, y| y.1.total_cmp(&x.1));
        let hits = row[..10]
            .iter()
            .filter(|(j, _)| topic(&articles[*j]) == topic(&articles[i]))
            .count();
        precision += hits as f64 / 10.0;
    }
    (
        same / same_n as f64,
        cross / cross_n as f64,
        precision / n as f64,
    )
}

#[test]
fn same_topic_scores_higher_and_ranks_at_least_as_well_as_plain_tfidf() {
    let Some(articles) = common::bbc_articles_or_skip("the BBC similarity test") else {
        return;
    };
    let start = std::time::Instant::now();
    let (corpus, matrix) = CorpusComparison::build_with_matrix(&articles);
    eprintln!(
        "corpus comparison of {} articles: {:?}",
        articles.len(),
        start.elapsed()
    );
    let ours = evaluate(&articles, |i, j| matrix.get(i, j));
    let plain = plain_tfidf(&articles);
    let floor = evaluate(&articles, |i, j| plain[i][j]);
    eprintln!(
        "ours:  same-topic mean {:.4}, cross-topic mean {:.4}, P@10 {:.4}",
        ours.0, ours.1, ours.2
    );
    eprintln!(
        "plain: same-topic mean {:.4}, cross-topic mean {:.4}, P@10 {:.4}",
        floor.0, floor.1, floor.2
    );
    let unique: f64 =
        corpus.unique.iter().map(|u| u.share as f64).sum::<f64>() / articles.len() as f64;
    eprintln!("mean unique coverage {unique:.4}");
    assert!(
        ours.0 > 2.0 * ours.1,
        "same-topic pairs must score well above cross-topic ones"
    );
    assert!(
        ours.2 >= floor.2,
        "must rank neighbours at least as well as plain tf-idf"
    );

    // The comparison is the costly part of a bundle: while it is at hand,
    // the data file of the whole collection (articles in their compact
    // form, the index rebuilt as it is read) must give back what was built.
    let bundle = Bundle {
        index: SearchIndex::build(&articles),
        articles,
        comparison: corpus,
        ranking: RankingWeights::default(),
    };
    let bytes = bundle.to_bytes();
    eprintln!("data file of the collection: {} bytes", bytes.len());
    assert!(Bundle::from_bytes(&bytes).unwrap() == bundle);
}
