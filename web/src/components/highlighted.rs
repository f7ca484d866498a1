//! Text with some ranges wrapped in `<mark>`: search snippets and matched
//! terms. Ranges are char offsets (what the search engine reports), sorted,
//! and may be out of bounds or overlapping after a bad input: those are
//! clamped or skipped, never a panic, and every character is shown once.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HighlightedProps {
    pub text: AttrValue,
    /// `[start, end)` in chars.
    pub ranges: Vec<(usize, usize)>,
}

#[component]
pub fn Highlighted(props: &HighlightedProps) -> Html {
    let pieces = split(&props.text, &props.ranges);
    html! {
        <>
            { for pieces.into_iter().map(|(text, marked)| if marked {
                html! { <mark>{ text }</mark> }
            } else {
                html! { { text } }
            }) }
        </>
    }
}

/// Cuts `text` into `(piece, marked)` runs following char ranges.
pub fn split(text: &str, ranges: &[(usize, usize)]) -> Vec<(String, bool)> {
    // Byte offset of every char boundary, so char ranges map to slices.
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let chars = bounds.len() - 1;
    let mut out = Vec::new();
    let mut at = 0;
    for &(start, end) in ranges {
        let (start, end) = (start.min(chars), end.min(chars));
        if start < at || end <= start {
            continue;
        }
        if start > at {
            out.push((text[bounds[at]..bounds[start]].to_owned(), false));
        }
        out.push((text[bounds[start]..bounds[end]].to_owned(), true));
        at = end;
    }
    if at < chars {
        out.push((text[bounds[at]..].to_owned(), false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::split;

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
}
