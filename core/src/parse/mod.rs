//! Bytes to [`Article`]: decoding, front matter, layout, credits and
//! sentences, then the extractors (entities, quotes, quantities).
//!
//! Stages, each in its own module:
//! - [`crate::decode`]: bytes → text with `\n` line ends;
//! - [`front_matter`]: an optional leading `---` block of metadata;
//! - [`credits`]: sources, byline and web debris at the end;
//! - [`structure`]: headline, dateline, paragraphs and section headings;
//! - [`sentences`]: sentence boundaries in each paragraph;
//! - [`crate::extract`]: entities, quotes and quantities.

pub mod credits;
pub mod front_matter;
pub mod sentences;
pub mod structure;

use std::fmt;

use unicode_segmentation::UnicodeSegmentation;

use crate::article::{Article, Block, BlockKind, RawText, Sentence, Span};
use crate::decode::{decode, DecodeError};
use crate::extract;

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

/// Parses the bytes of one article file, entities resolved within itself.
///
/// `id` is assigned by the caller (see [`crate::id::assign_ids`]) because
/// uniqueness is a property of the whole corpus, not of one file. To get
/// entities that are consistent across a corpus, use [`parse_corpus`].
pub fn parse_article(id: &str, file: &str, bytes: &[u8]) -> Result<Article, ParseError> {
    let mut article = parse_structure(id, file, bytes)?;
    extract::analyze_corpus(std::slice::from_mut(&mut article));
    Ok(article)
}

/// Parses several files as one corpus: ids are assigned over all the names
/// in the given order, and entities are resolved against the whole corpus
/// (a surname in one article finds the full name given in another; a name
/// gets the same kind everywhere). Results are in the given order.
pub fn parse_corpus(files: &[(String, Vec<u8>)]) -> Vec<Result<Article, ParseError>> {
    let ids = crate::id::assign_ids(files.iter().map(|(name, _)| name.as_str()));
    let mut results: Vec<Result<Article, ParseError>> = files
        .iter()
        .zip(ids)
        .map(|((name, bytes), id)| parse_structure(&id, name, bytes))
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
    from_text("", "", "")
}

/// Decodes and lays out one file without running the extractors.
pub fn parse_structure(id: &str, file: &str, bytes: &[u8]) -> Result<Article, ParseError> {
    let (text, _encoding) = decode(bytes).map_err(|reason| ParseError {
        file: file.to_owned(),
        reason,
    })?;
    Ok(from_text(id, file, &text))
}

/// Lays out decoded text (with `\n` line ends) as an article, without
/// running the extractors. Never fails: any text is some article.
pub fn from_text(id: &str, file: &str, text: &str) -> Article {
    let (front, rest) = front_matter::split(text);
    let lines = structure::lines(rest);
    let line_texts: Vec<&str> = lines.iter().map(|l| l.text).collect();
    let (keep, credits) = credits::split_tail(&line_texts);
    let layout = structure::layout(&lines[..keep]);

    let mut body = String::new();
    let mut blocks = Vec::with_capacity(layout.blocks.len());
    for (kind, text) in &layout.blocks {
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        let start = body.len();
        body.push_str(text);
        blocks.push(Block {
            kind: *kind,
            span: Span::new(start, body.len()),
        });
    }
    let mut sentences = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        if block.kind != BlockKind::Paragraph {
            continue;
        }
        let base = block.span.start as usize;
        for (s, e) in sentences::split(&body[block.span.range()]) {
            sentences.push(Sentence {
                block: i as u32,
                span: Span::new(base + s, base + e),
            });
        }
    }

    let (raw_front, metadata) = match front {
        Some(f) => (Some(f.raw), f.metadata),
        None => (None, Default::default()),
    };
    let lede = sentences
        .first()
        .map(|s| &body[s.span.range()])
        .or_else(|| blocks.first().map(|b| &body[b.span.range()]));
    let (title, title_inferred) = match (&metadata.title, &layout.headline, lede) {
        (Some(t), _, _) => (t.clone(), false),
        (None, Some(h), _) => (h.clone(), false),
        (None, None, Some(lede)) => (structure::infer_title(lede), true),
        (None, None, None) => (file.to_owned(), true),
    };
    let word_count = layout.headline.as_deref().map_or(0, count_words) + count_words(&body);
    let language = metadata.language.clone().unwrap_or_else(|| "en".to_owned());
    Article {
        id: id.to_owned(),
        file: file.to_owned(),
        title,
        title_inferred,
        dateline: layout.dateline,
        body,
        blocks,
        sentences,
        sources: credits.sources,
        byline: credits.byline,
        boilerplate: credits.boilerplate,
        metadata,
        raw: RawText {
            front_matter: raw_front,
            headline: layout.headline,
            markup: layout.markup,
            credits: credits.lines,
        },
        entities: Vec::new(),
        quotes: Vec::new(),
        quantities: Vec::new(),
        word_count: u32::try_from(word_count).unwrap_or(u32::MAX),
        language,
    }
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
