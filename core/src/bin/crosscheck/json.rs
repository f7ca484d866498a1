//! The JSON form of an article. Positions are *char* offsets into `body`
//! (the library works in byte offsets; other languages count chars).

use crosscheck_core::{Article, Span};
use serde_json::{json, Value};

/// Byte offset → char offset for one string.
pub struct CharOffsets(Vec<u32>);

impl CharOffsets {
    pub fn new(s: &str) -> CharOffsets {
        let mut map = vec![0u32; s.len() + 1];
        let mut chars = 0u32;
        let mut last = 0;
        for (b, _) in s.char_indices() {
            for slot in &mut map[last..=b] {
                *slot = chars;
            }
            chars += 1;
            last = b + 1;
        }
        for slot in &mut map[last..] {
            *slot = chars;
        }
        CharOffsets(map)
    }

    pub fn span(&self, span: Span) -> (u32, u32) {
        (self.0[span.start as usize], self.0[span.end as usize])
    }
}

/// The article as a JSON object.
pub fn article(a: &Article) -> Value {
    let offsets = CharOffsets::new(&a.body);
    let sentences: Vec<Value> = a
        .sentences
        .iter()
        .map(|s| {
            let (start, end) = offsets.span(s.span);
            json!({ "text": a.text(s.span), "block": s.block, "start": start, "end": end })
        })
        .collect();
    let blocks: Vec<Value> = a
        .blocks
        .iter()
        .map(|b| {
            let (start, end) = offsets.span(b.span);
            json!({ "kind": b.kind, "start": start, "end": end })
        })
        .collect();
    let entities: Vec<Value> = a
        .entities
        .iter()
        .map(|e| {
            let mentions: Vec<Value> = e
                .mentions
                .iter()
                .map(|m| {
                    let (start, end) = offsets.span(*m);
                    json!({ "start": start, "end": end })
                })
                .collect();
            json!({ "name": e.name, "kind": e.kind, "aliases": e.aliases, "mentions": mentions })
        })
        .collect();
    let quotes: Vec<Value> = a
        .quotes
        .iter()
        .map(|q| {
            let (start, end) = offsets.span(q.span);
            json!({ "text": q.text, "speaker": q.speaker, "start": start, "end": end })
        })
        .collect();
    let quantities: Vec<Value> = a
        .quantities
        .iter()
        .map(|q| {
            let (start, end) = offsets.span(q.span);
            json!({
                "text": q.text, "kind": q.kind, "value": q.value, "unit": q.unit,
                "qualifier": q.qualifier, "subject": q.subject, "start": start, "end": end,
            })
        })
        .collect();
    json!({
        "id": a.id,
        "file": a.file,
        "title": a.title,
        "title_inferred": a.title_inferred,
        "dateline": a.dateline,
        "headings": a.headings().collect::<Vec<_>>(),
        "paragraphs": a.paragraphs().collect::<Vec<_>>(),
        "body": a.body,
        "blocks": blocks,
        "sentences": sentences,
        "sources": a.sources,
        "byline": a.byline,
        "boilerplate": a.boilerplate,
        "metadata": a.metadata,
        "entities": entities,
        "quotes": quotes,
        "quantities": quantities,
        "word_count": a.word_count,
        "reading_minutes": a.reading_minutes(),
        "language": a.language,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_chars() {
        let o = CharOffsets::new("a€b");
        assert_eq!(o.span(Span::new(0, 1)), (0, 1));
        assert_eq!(o.span(Span::new(1, 4)), (1, 2));
        assert_eq!(o.span(Span::new(4, 5)), (2, 3));
    }
}
