//! What an article says, beyond its layout: the people, places and
//! organisations it names, its quotations and its numbers.
//!
//! Entities depend on the corpus (a surname in one article is resolved by a
//! full name in another), so extraction runs over a slice of articles: how
//! the whole corpus writes its words is read first ([`entities::WordStats`]),
//! then each article's words ([`words`]) are read once for its candidate
//! names and its quantities, then the names are resolved against what every
//! article says ([`entities::Knowledge`]), and quotes are attributed to the
//! resolved names. A single article is a corpus of one.

pub mod entities;
pub mod gazetteer;
pub mod quantities;
pub mod quotes;
pub mod words;

use crate::article::Article;

/// Fills in entities, quotes and quantities of every article, with entity
/// names and kinds made consistent across `articles`.
pub fn analyze_corpus(articles: &mut [Article]) {
    let stats = entities::WordStats::of(articles);
    let (candidates, quantities): (Vec<_>, Vec<_>) = articles
        .iter()
        .map(|article| {
            let words = words::article_words(article);
            (
                entities::candidates(&words, &stats),
                quantities::find(&words),
            )
        })
        .unzip();
    let all = entities::resolve(articles, candidates);
    for ((article, found), quantities) in articles.iter_mut().zip(all).zip(quantities) {
        article.quotes = quotes::find(article, &found);
        article.quantities = quantities;
        article.entities = found;
    }
}
