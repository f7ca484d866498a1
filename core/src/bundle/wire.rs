//! The data file's form of an article: the model with its positions
//! written compactly, since the file is what a first visit downloads.
//!
//! An article's spans are mostly in order and close together: each block
//! and sentence starts a few bytes after the previous one ends, an
//! entity's mentions and the quotes and quantities come in body order. So
//! each span is written as its start counted from the previous span's end
//! (blocks, sentences) or start (the others), signed so any order reads
//! back, and its length: one or two bytes where absolute offsets take
//! two or three. A sentence's block is written as the step from the
//! previous sentence's. A quote's or a quantity's text is written only
//! when it is not the body's text at its span (it always is, as the
//! extractors make them), or when the texts left out of one kind would
//! add up to more than the body: reading copies them from the body, and a
//! file must not make its reader copy more than its size backs. On the BBC
//! collection this takes the articles from 2.00 MB to 1.85 MB brotli.
//!
//! What is read back is the same [`Article`], checked as before
//! ([`Article::check`]); a span that does not fit in `u32` is refused here.

use serde::{Deserialize, Serialize};

use crate::article::{
    Article, Block, BlockKind, Entity, EntityKind, Metadata, Qualifier, Quantity, QuantityKind,
    QuantityUnit, Quote, RawText, Sentence, Span,
};

/// A span written after another: its start's distance from an anchor
/// (the previous span's end or start), and its length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Rel {
    from_anchor: i64,
    len: u32,
}

impl Rel {
    /// `span` written after `anchor`.
    fn of(span: Span, anchor: u32) -> Rel {
        Rel {
            from_anchor: i64::from(span.start) - i64::from(anchor),
            len: span.end.saturating_sub(span.start),
        }
    }

    /// The span this stands for after `anchor`; `None` outside `u32`.
    fn at(self, anchor: u32) -> Option<Span> {
        let start = u32::try_from(i64::from(anchor).checked_add(self.from_anchor)?).ok()?;
        Some(Span {
            start,
            end: start.checked_add(self.len)?,
        })
    }
}

#[derive(Serialize, Deserialize)]
pub(super) struct WireArticle {
    id: String,
    file: String,
    title: String,
    title_inferred: bool,
    dateline: Option<String>,
    body: String,
    /// Each block's kind and span, anchored at the previous block's end.
    blocks: Vec<(BlockKind, Rel)>,
    /// Each sentence's block, as the step from the previous sentence's,
    /// and its span, anchored at the previous sentence's end.
    sentences: Vec<(u32, Rel)>,
    sources: Vec<String>,
    byline: Option<String>,
    boilerplate: Vec<String>,
    metadata: Metadata,
    raw: RawText,
    entities: Vec<WireEntity>,
    quotes: Vec<WireQuote>,
    quantities: Vec<WireQuantity>,
    word_count: u32,
    language: String,
}

#[derive(Serialize, Deserialize)]
struct WireEntity {
    name: String,
    kind: EntityKind,
    aliases: Vec<String>,
    /// Anchored at the previous mention's start.
    mentions: Vec<Rel>,
}

#[derive(Serialize, Deserialize)]
struct WireQuote {
    /// `None` when it is the body's text at the span.
    text: Option<String>,
    speaker: Option<String>,
    /// Anchored at the previous quote's start.
    span: Rel,
}

#[derive(Serialize, Deserialize)]
struct WireQuantity {
    /// `None` when it is the body's text at the span.
    text: Option<String>,
    kind: QuantityKind,
    value: f64,
    unit: QuantityUnit,
    qualifier: Option<Qualifier>,
    subject: Option<String>,
    /// Anchored at the previous quantity's start.
    span: Rel,
}

/// `spans` written one after another, each anchored where `anchor` says
/// the one before leaves it.
fn relative<'a, I: IntoIterator<Item = &'a Span>>(
    spans: I,
    anchor: fn(Span) -> u32,
) -> impl Iterator<Item = Rel> + use<'a, I> {
    let mut last = 0;
    spans.into_iter().map(move |&s| {
        let r = Rel::of(s, last);
        last = anchor(s);
        r
    })
}

/// `None` when `text` is the body's at `span` and the texts left out so
/// far (`budget`: bytes left) leave room for it; else the text itself.
/// Reading a text left out copies it from the body, so the bytes copied
/// per kind (quotes, quantities) are kept to the body's length: a file
/// cannot make its reader copy more than its size backs.
fn unless_at(body: &str, span: Span, text: &str, budget: &mut usize) -> Option<String> {
    if body.get(span.range()) == Some(text) && text.len() <= *budget {
        *budget -= text.len();
        None
    } else {
        Some(text.to_string())
    }
}

/// The written text, or the body's at `span` within what `budget` (bytes
/// left) allows.
fn text_or_body(
    body: &str,
    span: Span,
    text: Option<String>,
    budget: &mut usize,
) -> Result<String, String> {
    if let Some(text) = text {
        return Ok(text);
    }
    let at = body
        .get(span.range())
        .ok_or("a quote or quantity lies outside its text")?;
    *budget = budget
        .checked_sub(at.len())
        .ok_or("quotes or quantities left out repeat more text than the body holds")?;
    Ok(at.to_string())
}

fn end(s: Span) -> u32 {
    s.end
}

fn start(s: Span) -> u32 {
    s.start
}

impl From<&Article> for WireArticle {
    fn from(a: &Article) -> WireArticle {
        let mut last_block = 0;
        let (mut quote_budget, mut quantity_budget) = (a.body.len(), a.body.len());
        WireArticle {
            id: a.id.clone(),
            file: a.file.clone(),
            title: a.title.clone(),
            title_inferred: a.title_inferred,
            dateline: a.dateline.clone(),
            body: a.body.clone(),
            blocks: a
                .blocks
                .iter()
                .map(|b| b.kind)
                .zip(relative(a.blocks.iter().map(|b| &b.span), end))
                .collect(),
            sentences: a
                .sentences
                .iter()
                .map(|s| {
                    let step = s.block.wrapping_sub(last_block);
                    last_block = s.block;
                    step
                })
                .zip(relative(a.sentences.iter().map(|s| &s.span), end))
                .collect(),
            sources: a.sources.clone(),
            byline: a.byline.clone(),
            boilerplate: a.boilerplate.clone(),
            metadata: a.metadata.clone(),
            raw: a.raw.clone(),
            entities: a
                .entities
                .iter()
                .map(|e| WireEntity {
                    name: e.name.clone(),
                    kind: e.kind,
                    aliases: e.aliases.clone(),
                    mentions: relative(&e.mentions, start).collect(),
                })
                .collect(),
            quotes: a
                .quotes
                .iter()
                .zip(relative(a.quotes.iter().map(|q| &q.span), start))
                .map(|(q, span)| WireQuote {
                    text: unless_at(&a.body, q.span, &q.text, &mut quote_budget),
                    speaker: q.speaker.clone(),
                    span,
                })
                .collect(),
            quantities: a
                .quantities
                .iter()
                .zip(relative(a.quantities.iter().map(|q| &q.span), start))
                .map(|(q, span)| WireQuantity {
                    text: unless_at(&a.body, q.span, &q.text, &mut quantity_budget),
                    kind: q.kind,
                    value: q.value,
                    unit: q.unit,
                    qualifier: q.qualifier,
                    subject: q.subject.clone(),
                    span,
                })
                .collect(),
            word_count: a.word_count,
            language: a.language.clone(),
        }
    }
}

/// Spans read back one after another, each anchored where `anchor` says
/// the one before leaves it; an error names the first out of range.
fn absolute(
    rels: impl IntoIterator<Item = Rel>,
    anchor: fn(Span) -> u32,
    what: &str,
) -> Result<Vec<Span>, String> {
    let mut last = 0;
    rels.into_iter()
        .map(|r| {
            let s = r
                .at(last)
                .ok_or_else(|| format!("a {what} lies outside any text"))?;
            last = anchor(s);
            Ok(s)
        })
        .collect()
}

impl TryFrom<WireArticle> for Article {
    type Error = String;

    fn try_from(w: WireArticle) -> Result<Article, String> {
        let block_spans = absolute(w.blocks.iter().map(|b| b.1), end, "block")?;
        let blocks = w
            .blocks
            .iter()
            .zip(block_spans)
            .map(|(&(kind, _), span)| Block { kind, span })
            .collect();
        let sentence_spans = absolute(w.sentences.iter().map(|s| s.1), end, "sentence")?;
        let mut block = 0u32;
        let sentences = w
            .sentences
            .iter()
            .zip(sentence_spans)
            .map(|(&(step, _), span)| {
                block = block.wrapping_add(step);
                Sentence { block, span }
            })
            .collect();
        let entities = w
            .entities
            .into_iter()
            .map(|e| {
                Ok(Entity {
                    name: e.name,
                    kind: e.kind,
                    aliases: e.aliases,
                    mentions: absolute(e.mentions, start, "mention")?,
                })
            })
            .collect::<Result<_, String>>()?;
        let quote_spans = absolute(w.quotes.iter().map(|q| q.span), start, "quote")?;
        let mut budget = w.body.len();
        let quotes = w
            .quotes
            .into_iter()
            .zip(quote_spans)
            .map(|(q, span)| {
                Ok(Quote {
                    text: text_or_body(&w.body, span, q.text, &mut budget)?,
                    speaker: q.speaker,
                    span,
                })
            })
            .collect::<Result<_, String>>()?;
        let quantity_spans = absolute(w.quantities.iter().map(|q| q.span), start, "quantity")?;
        let mut budget = w.body.len();
        let quantities = w
            .quantities
            .into_iter()
            .zip(quantity_spans)
            .map(|(q, span)| {
                Ok(Quantity {
                    text: text_or_body(&w.body, span, q.text, &mut budget)?,
                    kind: q.kind,
                    value: q.value,
                    unit: q.unit,
                    qualifier: q.qualifier,
                    subject: q.subject,
                    span,
                })
            })
            .collect::<Result<_, String>>()?;
        Ok(Article {
            id: w.id,
            file: w.file,
            title: w.title,
            title_inferred: w.title_inferred,
            dateline: w.dateline,
            body: w.body,
            blocks,
            sentences,
            sources: w.sources,
            byline: w.byline,
            boilerplate: w.boilerplate,
            metadata: w.metadata,
            raw: w.raw,
            entities,
            quotes,
            quantities,
            word_count: w.word_count,
            language: w.language,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::parse_article;

    #[test]
    fn an_article_reads_back_the_same() {
        let a = parse_article(
            "a",
            "a.md",
            "---\ntitle: Talks\nsource: Wire\n---\nHeadline\n\n## Moscow\n\nSteve Witkoff met \
             Vladimir Putin in Moscow for nearly four hours. \"It was useful,\" Putin said.\n\n\
             The EU agreed a €90 billion loan for Kyiv. Putin left."
                .as_bytes(),
        )
        .unwrap();
        assert!(!a.entities.is_empty() && !a.quotes.is_empty() && !a.quantities.is_empty());
        let bytes = postcard::to_allocvec(&WireArticle::from(&a)).unwrap();
        let w: WireArticle = postcard::from_bytes(&bytes).unwrap();
        assert!(w.quotes.iter().all(|q| q.text.is_none()));
        assert_eq!(Article::try_from(w).unwrap(), a);
    }

    #[test]
    fn spans_in_any_order_and_texts_of_their_own_read_back() {
        let mut a = parse_article("a", "a.txt", b"Title\nOne two three. Four five.").unwrap();
        a.entities = vec![Entity {
            name: "X".into(),
            kind: EntityKind::Person,
            aliases: vec![],
            mentions: vec![Span::new(10, 13), Span::new(0, 3), Span::new(0, 3)],
        }];
        a.quotes = vec![Quote {
            text: "not the body's".into(),
            speaker: None,
            span: Span::new(4, 7),
        }];
        let w = WireArticle::from(&a);
        assert_eq!(w.quotes[0].text.as_deref(), Some("not the body's"));
        assert_eq!(Article::try_from(w).unwrap(), a);
    }

    #[test]
    fn a_span_past_u32_is_refused() {
        let far = Rel {
            from_anchor: i64::from(u32::MAX),
            len: 2,
        };
        assert_eq!(far.at(0), None);
        assert_eq!(
            Rel {
                from_anchor: -1,
                len: 0
            }
            .at(0),
            None
        );
        assert_eq!(
            Rel {
                from_anchor: -2,
                len: 1
            }
            .at(5),
            Some(Span::new(3, 4))
        );
    }

    #[test]
    fn texts_left_out_never_add_up_to_more_than_the_body() {
        let mut a = parse_article("a", "a.txt", b"Title\nOne two three. Four five.").unwrap();
        let whole = Span::new(0, a.body.len());
        let quote = Quote {
            text: a.body.clone(),
            speaker: None,
            span: whole,
        };
        a.quotes = vec![quote; 3];
        // The first is left out; the others would copy the body again.
        let w = WireArticle::from(&a);
        let left_out: Vec<bool> = w.quotes.iter().map(|q| q.text.is_none()).collect();
        assert_eq!(left_out, [true, false, false]);
        assert_eq!(Article::try_from(w).unwrap(), a);
        // A file that leaves them all out is refused before copying.
        let mut w = WireArticle::from(&a);
        for q in &mut w.quotes {
            q.text = None;
        }
        let why = Article::try_from(w).unwrap_err();
        assert!(why.contains("more text than the body"), "{why}");
    }
}
