//! The article model every other stage reads.

use serde::{Deserialize, Serialize};

/// One parsed news article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable, URL-safe id derived from the file name (see [`crate::id`]).
    pub id: String,
    /// The file name the article came from, relative to the corpus folder.
    pub file: String,
    /// Display title.
    pub title: String,
    /// True when the text had no headline and the title was made from the lede.
    pub title_inferred: bool,
    /// Body paragraphs in reading order, without the title line.
    pub paragraphs: Vec<String>,
    /// Words in title and body, counted on Unicode word boundaries.
    pub word_count: usize,
}

impl Article {
    /// Minutes a reader needs at 230 words a minute, at least one.
    pub fn reading_minutes(&self) -> usize {
        self.word_count.div_ceil(230).max(1)
    }
}
