//! The marks of an article's text: its entity mentions and quantities, so
//! readers see at a glance who and what a paragraph is about, and the words
//! that match their search. [`Marked`](super::marked::Marked) draws them.
//!
//! Marks come from the article model (byte spans into `Article::body`).
//! Overlapping marks are resolved by keeping the one that starts first
//! (then the longer one), so every character of the text is rendered
//! exactly once.

use crosscheck_core::{Article, EntityKind, Span};

use super::entity_list::entity_class;
use super::marked::Mark;

/// Every entity mention and quantity of the article, plus the words that
/// match the reader's search (`matched`, drawn as `<mark>`), sorted and
/// without overlaps. Search matches win over the entity or number they
/// overlap: they are what the reader came for.
pub fn article_marks(article: &Article, matched: &[Span]) -> Vec<Mark> {
    let mut marks: Vec<Mark> = Vec::new();
    for e in &article.entities {
        let kind = match e.kind {
            EntityKind::Person => "Person",
            EntityKind::Place => "Place",
            EntityKind::Organization => "Organisation",
        };
        for &span in &e.mentions {
            marks.push(Mark {
                span,
                class: entity_class(e.kind),
                label: format!("{kind}: {}", e.name),
            });
        }
    }
    for q in &article.quantities {
        let mut label = format!("{}: {}", q.kind.as_str(), format_value(q.value, &q.unit));
        if let Some(qualifier) = &q.qualifier {
            label.push_str(&format!(" ({qualifier})"));
        }
        if let Some(subject) = &q.subject {
            label.push_str(&format!(", of the {subject}"));
        }
        marks.push(Mark {
            span: q.span,
            class: "qty",
            label,
        });
    }
    let hits: Vec<Mark> = matched
        .iter()
        .map(|&span| Mark::highlight(span, "hit"))
        .collect();
    marks.retain(|m| {
        !hits
            .iter()
            .any(|h| h.span.start < m.span.end && m.span.start < h.span.end)
    });
    marks.extend(hits);
    marks.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    let mut kept: Vec<Mark> = Vec::with_capacity(marks.len());
    for m in marks {
        if kept.last().is_none_or(|last| m.span.start >= last.span.end) {
            kept.push(m);
        }
    }
    kept
}

/// Human form of a normalised value with its unit: large values get
/// thousands separators (`90,000,000,000 EUR`), calendar years do not.
pub fn format_value(value: f64, unit: &crosscheck_core::QuantityUnit) -> String {
    use crosscheck_core::QuantityUnit;
    if *unit == QuantityUnit::CalendarYear {
        return format!("{value}");
    }
    let number = if value.fract() == 0.0 && value.abs() < 1e15 {
        group_thousands(value as i64)
    } else {
        format!("{value}")
    };
    if *unit == QuantityUnit::Count {
        number
    } else {
        format!("{number} {unit}")
    }
}

fn group_thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_like_numbers() {
        use crosscheck_core::QuantityUnit::*;
        assert_eq!(format_value(90_000_000_000.0, &Eur), "90,000,000,000 EUR");
        assert_eq!(format_value(4.0, &Hours), "4 h");
        assert_eq!(format_value(1.5, &Percent), "1.5 %");
        assert_eq!(format_value(-1200.0, &Count), "-1,200");
        assert_eq!(format_value(2022.0, &CalendarYear), "2022");
    }
}
