//! Text with marked ranges: the one place that cuts text at marks, for
//! article paragraphs (entities, numbers, search matches), search results,
//! the words two reports share and the focus view's passages.
//!
//! Marks are byte spans of the text (the model's coordinates); char ranges
//! from the search engine are turned into them by [`char_marks`]. Marks
//! come sorted by start. A mark that overlaps the one kept before it,
//! crosses the edge of the part shown, is empty or does not fall on char
//! boundaries is skipped, never a panic, so every character of the text is
//! rendered exactly once, marked or not.

use std::rc::Rc;

use crosscheck_core::Span;
use yew::prelude::*;

/// One marked range of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// Byte range of the text.
    pub span: Span,
    /// CSS class: `ent-person`, `ent-place`, `ent-org`, `qty`, `hit`,
    /// `common`, or empty.
    pub class: &'static str,
    /// What the mark stands for, shown on hover. A mark with a label is an
    /// annotation (`<span class="mark …" title=…>`); one without is a
    /// highlight of what the reader looks for (`<mark>`).
    pub label: String,
}

impl Mark {
    /// A highlight (`<mark class=…>`) over `span`.
    pub fn highlight(span: Span, class: &'static str) -> Mark {
        Mark {
            span,
            class,
            label: String::new(),
        }
    }
}

/// Cuts `text[within]` into runs, each marked by at most one mark; see the
/// module documentation for which marks are skipped.
pub fn pieces<'a>(
    text: &'a str,
    within: Span,
    marks: &'a [Mark],
) -> Vec<(&'a str, Option<&'a Mark>)> {
    let end = (within.end as usize).min(text.len());
    let mut at = (within.start as usize).min(end);
    let mut out = Vec::new();
    // Marks are sorted by start, so those starting before `within` (none
    // of which can be drawn) are skipped in one search.
    let first = marks.partition_point(|m| (m.span.start as usize) < at);
    for m in marks[first..]
        .iter()
        .take_while(|m| (m.span.start as usize) < end)
    {
        let (start, stop) = (m.span.start as usize, m.span.end as usize);
        if start < at || stop > end || stop <= start {
            continue;
        }
        let (Some(before), Some(marked)) = (text.get(at..start), text.get(start..stop)) else {
            continue;
        };
        if !before.is_empty() {
            out.push((before, None));
        }
        out.push((marked, Some(m)));
        at = stop;
    }
    match text.get(at..end) {
        Some(rest) if !rest.is_empty() => out.push((rest, None)),
        _ => {}
    }
    out
}

/// Highlights from char ranges (as the search engine reports them), in the
/// order given. Ranges past the end are clamped; empty or backward ones
/// are dropped.
pub fn char_marks(text: &str, ranges: &[(u32, u32)]) -> Rc<[Mark]> {
    // Byte offset of every char boundary, so char ranges map to slices.
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let chars = bounds.len() - 1;
    ranges
        .iter()
        .map(|&(start, end)| (chars.min(start as usize), chars.min(end as usize)))
        .filter(|(start, end)| start < end)
        .map(|(start, end)| Mark::highlight(Span::new(bounds[start], bounds[end]), ""))
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct MarkedProps {
    pub text: AttrValue,
    /// The part of `text` to show; all of it when absent.
    #[prop_or_default]
    pub within: Option<Span>,
    pub marks: Rc<[Mark]>,
}

/// Renders the text with its marks.
#[component]
pub fn Marked(props: &MarkedProps) -> Html {
    let text = props.text.as_str();
    let within = props.within.unwrap_or(Span::new(0, text.len()));
    html! {
        <>
            { for pieces(text, within, &props.marks).into_iter().map(|(piece, mark)| match mark {
                None => html! { { piece } },
                Some(m) if m.label.is_empty() => html! { <mark class={classes!(m.class)}>{ piece }</mark> },
                Some(m) => html! {
                    <span class={classes!("mark", m.class)} title={m.label.clone()}>{ piece }</span>
                },
            }) }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(piece, marked)` runs of a whole text marked at char ranges.
    fn split(text: &str, ranges: &[(u32, u32)]) -> Vec<(String, bool)> {
        let marks = char_marks(text, ranges);
        pieces(text, Span::new(0, text.len()), &marks)
            .into_iter()
            .map(|(piece, mark)| (piece.to_owned(), mark.is_some()))
            .collect()
    }

    #[test]
    fn marks_char_ranges_in_non_ascii_text() {
        let pieces = split("Kýiv’s talks", &[(0, 4), (7, 12)]);
        assert_eq!(
            pieces,
            [
                ("Kýiv".into(), true),
                ("’s ".into(), false),
                ("talks".into(), true)
            ]
        );
    }

    #[test]
    fn bad_ranges_are_clamped_or_skipped() {
        let pieces = split("abc", &[(2, 1), (1, 99), (0, 2)]);
        assert_eq!(pieces, [("a".into(), false), ("bc".into(), true)]);
        assert_eq!(split("", &[(0, 5)]), Vec::<(String, bool)>::new());
    }

    #[test]
    fn only_marks_inside_the_part_shown_are_drawn() {
        let text = "one two three four";
        let marks = [
            Mark::highlight(Span::new(0, 3), ""),   // before the part shown
            Mark::highlight(Span::new(2, 7), ""),   // crosses its start
            Mark::highlight(Span::new(4, 7), "a"),  // inside
            Mark::highlight(Span::new(5, 9), ""),   // overlaps the one before
            Mark::highlight(Span::new(8, 8), ""),   // empty
            Mark::highlight(Span::new(8, 13), "b"), // inside, at its end
            Mark::highlight(Span::new(14, 18), ""), // after it
        ];
        let runs: Vec<(&str, Option<&str>)> = pieces(text, Span::new(4, 13), &marks)
            .into_iter()
            .map(|(p, m)| (p, m.map(|m| m.class)))
            .collect();
        assert_eq!(
            runs,
            [("two", Some("a")), (" ", None), ("three", Some("b"))]
        );
        // A span off char boundaries is skipped, not a panic.
        let marks = [Mark::highlight(Span::new(1, 2), "")];
        assert_eq!(pieces("ýes", Span::new(0, 4), &marks), [("ýes", None)]);
    }
}
