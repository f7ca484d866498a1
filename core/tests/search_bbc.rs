//! Relevance sanity on the BBC news collection (2,225 articles): a query
//! made from an article's headline, or from words of one of its sentences,
//! should bring that article to the top. Reports the mean reciprocal rank
//! (MRR). Skipped with a message when the collection is absent.

mod common;

use crosscheck_core::search::analyze::{is_stop_word, query_terms};
use crosscheck_core::{Article, SearchIndex, SearchOptions};

/// Reciprocal rank of `target` for each query, 0 when not in the top 10.
fn mrr(index: &SearchIndex, articles: &[Article], queries: &[(String, usize)]) -> f64 {
    let opts = SearchOptions {
        limit: 10,
        snippets: 0,
        ..SearchOptions::default()
    };
    let sum: f64 = queries
        .iter()
        .map(|(q, target)| {
            let r = index.search(articles, q, &opts);
            r.hits
                .iter()
                .position(|h| h.doc as usize == *target)
                .map_or(0.0, |rank| 1.0 / (rank + 1) as f64)
        })
        .sum();
    sum / queries.len() as f64
}

/// Swaps two inner letters of the longest word: a typical typo.
fn with_typo(q: &str) -> String {
    let longest = q.split(' ').max_by_key(|w| w.chars().count()).unwrap_or("");
    let chars: Vec<char> = longest.chars().collect();
    if chars.len() < 5 {
        return q.to_string();
    }
    let mut typo = chars.clone();
    typo.swap(2, 3);
    q.replacen(longest, &typo.iter().collect::<String>(), 1)
}

#[test]
fn own_article_ranks_first_for_its_headline_and_sentences() {
    let Some(articles) = common::bbc_articles_or_skip("the BBC relevance test") else {
        return;
    };
    let index = SearchIndex::build(&articles);
    // Every seventh article, for a sample across the five topics.
    let sample: Vec<usize> = (0..articles.len()).step_by(7).collect();

    let headlines: Vec<(String, usize)> = sample
        .iter()
        .map(|&i| (articles[i].title.clone(), i))
        .collect();
    // Five content words from the middle sentence of the article.
    let sentences: Vec<(String, usize)> = sample
        .iter()
        .filter_map(|&i| {
            let a = &articles[i];
            let s = a.sentence_texts().nth(a.sentences.len() / 2)?;
            let words: Vec<String> = query_terms(s)
                .into_iter()
                .filter(|w| !is_stop_word(w))
                .take(5)
                .collect();
            (words.len() >= 3).then(|| (words.join(" "), i))
        })
        .collect();
    let typos: Vec<(String, usize)> = headlines.iter().map(|(q, i)| (with_typo(q), *i)).collect();

    let h = mrr(&index, &articles, &headlines);
    let s = mrr(&index, &articles, &sentences);
    let t = mrr(&index, &articles, &typos);
    eprintln!(
        "BBC MRR@10: headlines {h:.3} ({} queries), sentence words {s:.3} ({}), headlines with a typo {t:.3}",
        headlines.len(),
        sentences.len()
    );
    assert!(h >= 0.9, "headline MRR {h}");
    assert!(s >= 0.7, "sentence MRR {s}");
    assert!(t >= 0.8, "typo MRR {t}");
}
