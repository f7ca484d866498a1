//! A block of article text with its entity mentions and quantities marked,
//! so readers see at a glance who and what a paragraph is about.
//!
//! Marks come from the article model (byte spans into `Article::body`); this
//! component only cuts the block's text at those spans. Overlapping marks are
//! resolved by keeping the one that starts first (then the longer one), so
//! every character of the text is rendered exactly once.

use crosscheck_core::{Article, EntityKind, Span};
use yew::prelude::*;

/// One mark over the body text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub span: Span,
    /// CSS class: `ent-person`, `ent-place`, `ent-org`, `qty`.
    pub class: &'static str,
    /// Tooltip: what the mark stands for.
    pub label: String,
}

/// Every entity mention and quantity of the article, plus the words that
/// match the reader's search (`matched`, drawn as `<mark>`), sorted and
/// without overlaps. Search matches win over the entity or number they
/// overlap: they are what the reader came for.
pub fn article_marks(article: &Article, matched: &[Span]) -> Vec<Mark> {
    let mut marks: Vec<Mark> = Vec::new();
    for e in &article.entities {
        let (class, kind) = match e.kind {
            EntityKind::Person => ("ent-person", "Person"),
            EntityKind::Place => ("ent-place", "Place"),
            EntityKind::Organization => ("ent-org", "Organisation"),
        };
        for &span in &e.mentions {
            marks.push(Mark {
                span,
                class,
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
        .map(|&span| Mark {
            span,
            class: "hit",
            label: "Matches your search".into(),
        })
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

#[derive(Properties, PartialEq)]
pub struct AnnotatedProps {
    /// The whole article body.
    pub body: AttrValue,
    /// The block to render, as a span of `body`.
    pub span: Span,
    /// Marks for the whole article (from [`article_marks`]).
    pub marks: std::rc::Rc<Vec<Mark>>,
}

/// Renders `body[span]` with the marks that fall inside it.
#[component]
pub fn Annotated(props: &AnnotatedProps) -> Html {
    let body = props.body.as_str();
    let (start, end) = (props.span.start, props.span.end);
    let mut pieces = Vec::new();
    let mut at = start;
    let first = props.marks.partition_point(|m| m.span.end <= start);
    for m in props.marks[first..]
        .iter()
        .take_while(|m| m.span.start < end)
    {
        if m.span.start < at || m.span.end > end {
            continue; // A mark crossing the block edge is not drawn.
        }
        if m.span.start > at {
            pieces.push(html! { { &body[at as usize..m.span.start as usize] } });
        }
        let text = &body[m.span.range()];
        pieces.push(if m.class == "hit" {
            html! { <mark class="hit">{ text }</mark> }
        } else {
            html! { <span class={classes!("mark", m.class)} title={m.label.clone()}>{ text }</span> }
        });
        at = m.span.end;
    }
    if at < end {
        pieces.push(html! { { &body[at as usize..end as usize] } });
    }
    html! { <>{ for pieces }</> }
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
