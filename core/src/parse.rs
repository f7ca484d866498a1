//! Text to [`Article`]: finds the title and the paragraphs.

use std::fmt;

use unicode_segmentation::UnicodeSegmentation;

use crate::article::Article;
use crate::decode::{decode, DecodeError};

/// A file that could not become an article, with the file named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub file: String,
    pub reason: DecodeError,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.reason)
    }
}

impl std::error::Error for ParseError {}

/// Parses the bytes of one article file.
///
/// `id` is assigned by the caller (see [`crate::id::assign_ids`]) because
/// uniqueness is a property of the whole corpus, not of one file.
pub fn parse_article(id: &str, file: &str, bytes: &[u8]) -> Result<Article, ParseError> {
    let (text, _encoding) = decode(bytes).map_err(|reason| ParseError {
        file: file.to_owned(),
        reason,
    })?;
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    // `decode` refuses whitespace-only input, so there is a first line.
    let title = lines.next().unwrap_or_default().to_owned();
    let paragraphs: Vec<String> = lines.map(str::to_owned).collect();
    let word_count = count_words(&title) + paragraphs.iter().map(|p| count_words(p)).sum::<usize>();
    Ok(Article {
        id: id.to_owned(),
        file: file.to_owned(),
        title,
        title_inferred: false,
        paragraphs,
        word_count,
    })
}

/// Counts words the way readers do: Unicode word segments that contain a
/// letter or digit (punctuation and spaces are not words).
pub fn count_words(text: &str) -> usize {
    text.unicode_words().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_line_is_title_and_rest_are_paragraphs() {
        let a = parse_article(
            "x",
            "x.txt",
            b"Headline here\n\nFirst para.\nSecond para.\n",
        )
        .unwrap();
        assert_eq!(a.title, "Headline here");
        assert_eq!(a.paragraphs, ["First para.", "Second para."]);
        assert_eq!(a.word_count, 6);
    }

    #[test]
    fn errors_name_the_file() {
        let err = parse_article("x", "corpus/empty.txt", b"").unwrap_err();
        assert_eq!(err.to_string(), "corpus/empty.txt: the file is empty");
    }
}
