//! Text to the layout of an [`Article`]: front matter, credits and debris,
//! headline or inferred title, dateline, headings, paragraphs, sentences.
//! The article comes out without entities, quotes or quantities; those are
//! [`crate::extract`]'s, and [`crate::pipeline`] runs both.
//!
//! Stages, each in its own module:
//! - [`crate::decode`](mod@crate::decode): bytes → text with `\n` line ends;
//! - [`front_matter`]: an optional leading `---` block of metadata;
//! - [`credits`]: sources, byline and web debris at the end;
//! - [`structure`]: headline, dateline, paragraphs and section headings;
//! - [`sentences`]: sentence boundaries in each paragraph;
//! - `html` (feature `html`): a saved web page to that text layout, with
//!   the page's furniture kept apart as debris.

pub mod credits;
pub mod front_matter;
#[cfg(feature = "html")]
pub mod html;
pub mod sentences;
pub mod structure;

use std::fmt;

use crate::article::{Article, Block, BlockKind, RawText, Sentence, Span};
use crate::decode::{decode, DecodeError};
use crate::text::tokenizer::count_words;

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

/// Decodes and lays out one file without running the extractors. A saved
/// web page (`.html`, `.htm`) is read for its article first, when the crate
/// is built with the `html` feature; without it a page is read as text.
pub fn parse_structure(id: &str, file: &str, bytes: &[u8]) -> Result<Article, ParseError> {
    let (text, _encoding) = decode(bytes).map_err(|reason| ParseError {
        file: file.to_owned(),
        reason,
    })?;
    #[cfg(feature = "html")]
    if is_web_page(file) {
        let page = html::extract(&text);
        let mut article = from_text(id, file, &html::to_text(&page));
        article.boilerplate.extend(page.debris);
        return Ok(article);
    }
    Ok(from_text(id, file, &text))
}

/// True for the names of saved web pages.
pub fn is_web_page(file: &str) -> bool {
    let lower = file.to_ascii_lowercase();
    lower.ends_with(".html") || lower.ends_with(".htm")
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_only_without_entities() {
        let a = parse_structure(
            "x",
            "x.txt",
            b"Headline here\n\nPresident Vladimir Putin spoke.",
        )
        .unwrap();
        assert_eq!(a.title, "Headline here");
        assert_eq!(
            a.sentence_texts().collect::<Vec<_>>(),
            ["President Vladimir Putin spoke."]
        );
        assert_eq!(a.word_count, 6);
        assert!(a.entities.is_empty() && a.quotes.is_empty() && a.quantities.is_empty());
    }
}
