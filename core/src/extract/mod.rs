//! What an article says, beyond its layout: the people, places and
//! organisations it names, its quotations and its numbers.
//!
//! Entities depend on the corpus (a surname in one article is resolved by a
//! full name in another), so extraction runs over a slice of articles:
//! [`analyze_corpus`] pools [`entities::Knowledge`] from all of them first.
//! A single article is a corpus of one.

pub mod entities;
pub mod gazetteer;
pub mod quantities;
pub mod quotes;

use crate::article::Article;

/// Fills in entities, quotes and quantities of every article, with entity
/// names and kinds made consistent across `articles`.
pub fn analyze_corpus(articles: &mut [Article]) {
    let all = entities::find_in_corpus(articles);
    for (article, found) in articles.iter_mut().zip(all) {
        article.quotes = quotes::find(article, &found);
        article.quantities = quantities::find(article);
        article.entities = found;
    }
}
