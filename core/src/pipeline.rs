//! Bytes to finished articles: decode, lay out, extract.
//!
//! The one place that runs the stages in order, above all of them:
//! [`crate::decode`](mod@crate::decode) turns bytes into text, [`crate::parse`] lays the text
//! out as an [`Article`] (paragraphs, sentences, title), and
//! [`crate::extract`] fills in its entities, quotes and quantities, with
//! names made consistent across every article parsed together.

use crate::article::Article;
use crate::extract;
use crate::parse::{self, ParseError};

/// Parses the bytes of one article file, entities resolved within itself.
///
/// `id` is assigned by the caller (see [`crate::id::assign_ids`]) because
/// uniqueness is a property of the whole corpus, not of one file. To get
/// entities that are consistent across a corpus, use [`parse_corpus`].
pub fn parse_article(id: &str, file: &str, bytes: &[u8]) -> Result<Article, ParseError> {
    let mut article = parse::parse_structure(id, file, bytes)?;
    extract::analyze_corpus(std::slice::from_mut(&mut article));
    Ok(article)
}

/// Parses several files as one corpus: ids are assigned over all the names
/// in the given order, and entities are resolved against the whole corpus
/// (a surname in one article finds the full name given in another; a name
/// gets the same kind everywhere). Results are in the given order.
pub fn parse_corpus(files: &[(String, Vec<u8>)]) -> Vec<Result<Article, ParseError>> {
    let ids = crate::id::assign_ids(files.iter().map(|(name, _)| name.as_str()));
    parse_corpus_with_ids(
        files
            .iter()
            .zip(&ids)
            .map(|((name, bytes), id)| (id.as_str(), name.as_str(), bytes.as_slice())),
    )
}

/// [`parse_corpus`] for files whose ids are already given, `(id, file
/// name, bytes)`: articles that travel with their ids (an export file).
pub fn parse_corpus_with_ids<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a str, &'a [u8])>,
) -> Vec<Result<Article, ParseError>> {
    let mut results: Vec<Result<Article, ParseError>> = files
        .into_iter()
        .map(|(id, name, bytes)| parse::parse_structure(id, name, bytes))
        .collect();
    let mut ok: Vec<Article> = Vec::new();
    let mut slots = Vec::new();
    for (i, r) in results.iter_mut().enumerate() {
        if let Ok(a) = r {
            slots.push(i);
            ok.push(std::mem::replace(a, empty_article()));
        }
    }
    extract::analyze_corpus(&mut ok);
    for (i, a) in slots.into_iter().zip(ok) {
        results[i] = Ok(a);
    }
    results
}

fn empty_article() -> Article {
    parse::from_text("", "", "")
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
        assert!(!a.title_inferred);
        assert_eq!(
            a.paragraphs().collect::<Vec<_>>(),
            ["First para.", "Second para."]
        );
        assert_eq!(a.word_count, 6);
        assert_eq!(a.language, "en");
    }

    #[test]
    fn errors_name_the_file() {
        let err = parse_article("x", "corpus/empty.txt", b"").unwrap_err();
        assert_eq!(err.to_string(), "corpus/empty.txt: the file is empty");
    }

    #[test]
    fn front_matter_overrides_title_and_language() {
        let a = parse_article(
            "x",
            "x.md",
            b"---\ntitle: Given\nlanguage: de\nauthor: A. B.\n---\nHeadline\nBody text.",
        )
        .unwrap();
        assert_eq!(a.title, "Given");
        assert_eq!(a.raw.headline.as_deref(), Some("Headline"));
        assert_eq!(a.language, "de");
        assert_eq!(a.metadata.author.as_deref(), Some("A. B."));
    }

    #[test]
    fn no_headline_means_inferred_title_and_lede_kept() {
        let a = parse_article(
            "x",
            "x.txt",
            b"Talks resumed on Monday in Miami after a pause.",
        )
        .unwrap();
        assert!(a.title_inferred);
        assert_eq!(a.title, "Talks resumed on Monday in Miami after a pause");
        assert_eq!(a.blocks.len(), 1);
        assert_eq!(a.raw.headline, None);
    }

    #[test]
    fn sentences_index_the_body() {
        let a = parse_article("x", "x.txt", b"Title\nOne. Two.\nThree.").unwrap();
        let s: Vec<&str> = a.sentence_texts().collect();
        assert_eq!(s, ["One.", "Two.", "Three."]);
        assert_eq!(a.sentences[2].block, 1);
    }
}
