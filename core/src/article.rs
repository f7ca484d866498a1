//! The article model every other stage reads.
//!
//! One coordinate system: the display text of headings and paragraphs lives
//! in [`Article::body`], and every position in the model (blocks, sentences,
//! entity mentions, quotes, quantities) is a [`Span`] of *byte* offsets into
//! that string, always on `char` boundaries. Tools that talk to people or to
//! other languages (the CLI's JSON) convert them to char offsets.
//!
//! Nothing is lost: every non-whitespace character of the decoded input is in
//! exactly one of the pieces [`Article::kept_text`] yields — the raw front
//! matter, the raw headline, the dateline, the body, markup markers, the raw
//! credit lines and the boilerplate. Derived fields (the display title, the
//! parsed source list, the byline name, metadata values) are views of those
//! pieces and are never counted twice.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

mod quantity;
pub use quantity::{Qualifier, Quantity, QuantityKind, QuantityUnit};

/// A half-open byte range `start..end` into [`Article::body`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    /// The range as `usize`, ready to slice [`Article::body`].
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// What a block of the body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Heading,
    Paragraph,
}

/// A heading or paragraph: a span of [`Article::body`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
}

/// One sentence of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Index into [`Article::blocks`].
    pub block: u32,
    pub span: Span,
}

/// The kind of a named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Place,
    Organization,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Organization => "organization",
        }
    }
}

/// A person, place or organisation the article names, with every mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Canonical name, the same across the corpus (`Vladimir Putin`,
    /// `United States`, `European Union`).
    pub name: String,
    pub kind: EntityKind,
    /// Other forms the article uses for it (`Putin`, `U.S.`, `EU`), sorted.
    pub aliases: Vec<String>,
    /// Where it is mentioned, in body order.
    pub mentions: Vec<Span>,
}

/// A quotation and, when the text says, who said it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The words inside the quotation marks.
    pub text: String,
    pub speaker: Option<String>,
    /// The quoted words, without the marks.
    pub span: Span,
}

/// Values from front matter; `None` when absent (or, for `date`, not ISO 8601,
/// in which case the raw value is kept in `extra`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Metadata {
    pub title: Option<String>,
    pub source: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    /// Keys this model does not know, kept as written.
    pub extra: BTreeMap<String, String>,
}

/// Input text kept verbatim so the nothing-lost invariant can be checked
/// exactly; see [`Article::kept_text`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RawText {
    /// The whole front matter block, `---` fences included.
    pub front_matter: Option<String>,
    /// The first line when it was taken as the headline.
    pub headline: Option<String>,
    /// Markup removed from display text (Markdown `#` heading markers).
    pub markup: Vec<String>,
    /// Credit lines as written (`Sources: A | B`, `Written by:`).
    pub credits: Vec<String>,
}

/// One parsed news article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable, URL-safe id derived from the file name (see [`crate::id`]).
    pub id: String,
    /// The file name the article came from, relative to the corpus folder.
    pub file: String,
    /// Display title: front matter `title`, else the headline, else a clause
    /// of the lede (then `title_inferred` is true and the title is not input
    /// text: the lede stays in the body).
    pub title: String,
    /// True when the text had no headline and the title was made from the lede.
    pub title_inferred: bool,
    /// The leading place marker as written (`Moscow –`, `MOSCOW (Reuters) -`).
    pub dateline: Option<String>,
    /// Display text of headings and paragraphs, blocks separated by `\n\n`.
    pub body: String,
    /// Headings and paragraphs in reading order.
    pub blocks: Vec<Block>,
    /// Sentences of the paragraphs, in order.
    pub sentences: Vec<Sentence>,
    /// Outlets named in a `Sources:` line.
    pub sources: Vec<String>,
    /// The author named in a byline (`Written by: …`), when one is named.
    pub byline: Option<String>,
    /// Web-page debris removed from the body, line by line, as written.
    pub boilerplate: Vec<String>,
    pub metadata: Metadata,
    pub raw: RawText,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub quantities: Vec<Quantity>,
    /// Words in the headline and body, counted on Unicode word boundaries.
    pub word_count: u32,
    /// BCP 47 language tag; front matter `language`, else `en`.
    pub language: String,
}

impl Article {
    /// Minutes a reader needs at 230 words a minute, at least one.
    pub fn reading_minutes(&self) -> usize {
        (self.word_count as usize).div_ceil(230).max(1)
    }

    /// The display text of a span of the body.
    pub fn text(&self, span: Span) -> &str {
        &self.body[span.range()]
    }

    /// Headings and paragraphs with their display text.
    pub fn blocks_text(&self) -> impl Iterator<Item = (BlockKind, &str)> + '_ {
        self.blocks.iter().map(|b| (b.kind, self.text(b.span)))
    }

    /// Paragraph texts in order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> + '_ {
        self.blocks_of(BlockKind::Paragraph)
    }

    /// Section heading texts in order.
    pub fn headings(&self) -> impl Iterator<Item = &str> + '_ {
        self.blocks_of(BlockKind::Heading)
    }

    fn blocks_of(&self, kind: BlockKind) -> impl Iterator<Item = &str> + '_ {
        self.blocks
            .iter()
            .filter(move |b| b.kind == kind)
            .map(|b| self.text(b.span))
    }

    /// Sentence texts in order.
    pub fn sentence_texts(&self) -> impl Iterator<Item = &str> + '_ {
        self.sentences.iter().map(|s| self.text(s.span))
    }

    /// Entities of one kind.
    pub fn entities_of(&self, kind: EntityKind) -> impl Iterator<Item = &Entity> + '_ {
        self.entities.iter().filter(move |e| e.kind == kind)
    }

    /// Every piece of input text the article keeps, each exactly once: the
    /// nothing-lost invariant says the non-whitespace characters of these
    /// pieces are, as a multiset, those of the decoded input.
    pub fn kept_text(&self) -> impl Iterator<Item = &str> + '_ {
        self.raw
            .front_matter
            .iter()
            .chain(&self.raw.headline)
            .chain(&self.dateline)
            .map(String::as_str)
            .chain(std::iter::once(self.body.as_str()))
            .chain(self.raw.markup.iter().map(String::as_str))
            .chain(self.raw.credits.iter().map(String::as_str))
            .chain(self.boilerplate.iter().map(String::as_str))
    }

    /// The paragraph number of each block, in order: paragraphs count from
    /// 0, headings are not numbered (`None`). This is the one numbering
    /// every view uses, so a paragraph link (`#p-{n + 1}`) made from a
    /// search passage lands on the paragraph the article page numbers so.
    pub fn paragraph_numbers(&self) -> impl Iterator<Item = Option<usize>> + '_ {
        self.blocks.iter().scan(0, |next, b| {
            Some((b.kind == BlockKind::Paragraph).then(|| {
                *next += 1;
                *next - 1
            }))
        })
    }

    /// Whether every position the article holds can be used: each span
    /// lies in [`Article::body`] on `char` boundaries, each sentence
    /// names an existing block and lies in it, and blocks and sentences
    /// come in order without overlapping. Parsing always gives such an article; an
    /// article decoded from a bundle file, which may come from anywhere, is
    /// checked with this before any view slices its body.
    pub fn check(&self) -> Result<(), String> {
        let bad = |what: &str, span: Span| {
            Err(format!(
                "article {:?}: {what} {}..{} is not in its {}-byte body",
                self.id,
                span.start,
                span.end,
                self.body.len()
            ))
        };
        let spans = self
            .blocks
            .iter()
            .map(|b| ("block", b.span))
            .chain(self.sentences.iter().map(|s| ("sentence", s.span)))
            .chain(
                self.entities
                    .iter()
                    .flat_map(|e| e.mentions.iter().map(|&m| ("mention", m))),
            )
            .chain(self.quotes.iter().map(|q| ("quote", q.span)))
            .chain(self.quantities.iter().map(|q| ("quantity", q.span)));
        for (what, span) in spans {
            if self.body.get(span.range()).is_none() {
                return bad(what, span);
            }
        }
        if let Some(s) = self
            .sentences
            .iter()
            .find(|s| s.block as usize >= self.blocks.len())
        {
            return Err(format!(
                "article {:?}: a sentence names block {} of {}",
                self.id,
                s.block,
                self.blocks.len()
            ));
        }
        // Blocks and sentences tile the body in reading order, each
        // sentence inside its block. Indexing and comparing read each
        // block's and sentence's text once, so overlapping ones in a
        // damaged file would make that work grow past the file's size.
        fn in_order(mut spans: impl Iterator<Item = Span>) -> bool {
            let mut end = 0;
            spans.all(|s| {
                let ok = s.start >= end;
                end = s.end;
                ok
            })
        }
        if !in_order(self.blocks.iter().map(|b| b.span)) {
            return Err(format!(
                "article {:?}: blocks overlap or are out of order",
                self.id
            ));
        }
        let outside = |s: &Sentence| {
            let b = self.blocks[s.block as usize].span;
            s.span.start < b.start || s.span.end > b.end
        };
        if !in_order(self.sentences.iter().map(|s| s.span)) || self.sentences.iter().any(outside) {
            return Err(format!(
                "article {:?}: sentences overlap, are out of order or leave their block",
                self.id
            ));
        }
        Ok(())
    }

    /// The paragraph number of block `block` (see
    /// [`Article::paragraph_numbers`]); `None` for a heading or a block
    /// that does not exist.
    pub fn paragraph_number(&self, block: usize) -> Option<usize> {
        self.paragraph_numbers().nth(block).flatten()
    }
}

#[cfg(test)]
mod tests {
    use crate::pipeline::parse_article;

    #[test]
    fn overlapping_blocks_and_stray_sentences_are_refused() {
        let a = parse_article("a", "a.txt", b"Title\n\nOne. Two.\n\nThree.").unwrap();
        assert_eq!(a.check(), Ok(()));
        let mut overlapping = a.clone();
        overlapping.blocks[1].span.start = overlapping.blocks[0].span.start;
        assert!(overlapping.check().unwrap_err().contains("blocks"));
        let mut stray = a.clone();
        stray.sentences[0].block = 1;
        assert!(stray.check().unwrap_err().contains("sentences"));
        let mut backwards = a;
        backwards.sentences.swap(0, 1);
        assert!(backwards.check().unwrap_err().contains("sentences"));
    }

    #[test]
    fn paragraphs_are_numbered_past_headings() {
        let text = "Title\n\nFirst paragraph.\n\n## A heading\n\nSecond paragraph.\n\nThird one.";
        let a = parse_article("a", "a.md", text.as_bytes()).unwrap();
        let kinds: Vec<_> = a.blocks.iter().map(|b| b.kind).collect();
        use super::BlockKind::{Heading, Paragraph};
        assert_eq!(kinds, [Paragraph, Heading, Paragraph, Paragraph]);
        let numbers: Vec<_> = a.paragraph_numbers().collect();
        assert_eq!(numbers, [Some(0), None, Some(1), Some(2)]);
        assert_eq!(a.paragraph_number(2), Some(1));
        assert_eq!(a.paragraph_number(1), None);
        assert_eq!(a.paragraph_number(9), None);
    }
}
