//! The shape of an article: headline, dateline, paragraphs and section
//! headings, read from lines of text.
//!
//! Paragraphs are lines; a line that does not end a sentence and is followed
//! directly by one that starts in lower case is a hard wrap, and the two are
//! joined. A section heading is a short, title-like line between paragraphs
//! (or a Markdown `#` line). A headline is a short first line without a
//! sentence-final period that has text after it.

use crate::article::BlockKind;
use crate::text::chars::{is_open_quote, is_terminal};
use crate::text::lexicon::{gazetteer, SUBORDINATORS, TITLE_CUT_WORDS};

/// A trimmed, non-empty line and whether a blank line came before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    pub text: &'a str,
    pub blank_before: bool,
}

/// Splits text into trimmed, non-empty lines.
pub fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut blank = false;
    for raw in text.split('\n') {
        let t = raw.trim();
        if t.is_empty() {
            blank = true;
        } else {
            out.push(Line {
                text: t,
                blank_before: blank,
            });
            blank = false;
        }
    }
    out
}

/// The structure of an article body.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Layout {
    /// Display text of the headline (without Markdown markers).
    pub headline: Option<String>,
    /// The leading place marker as written (`Moscow –`).
    pub dateline: Option<String>,
    /// Headings and paragraphs with their display text.
    pub blocks: Vec<(BlockKind, String)>,
    /// Markdown markers removed from display text.
    pub markup: Vec<String>,
}

/// Reads the layout of body lines (front matter and credits already removed).
pub fn layout(lines: &[Line]) -> Layout {
    let mut out = Layout::default();
    let mut rest = lines;
    if let [first, _, ..] = lines {
        let (marker, text) = markdown_heading(first.text);
        if marker.is_some() || is_headline(text) {
            out.markup.extend(marker.map(str::to_owned));
            out.headline = Some(text.to_owned());
            rest = &lines[1..];
        }
    }

    // Group lines into blocks, joining hard-wrapped lines.
    let mut raw_blocks: Vec<(Option<&str>, String, bool)> = Vec::new(); // (marker, text, single line)
    for (i, line) in rest.iter().enumerate() {
        let (marker, text) = markdown_heading(line.text);
        let joins = i > 0
            && marker.is_none()
            && !line.blank_before
            && raw_blocks
                .last()
                .is_some_and(|(m, prev, _)| m.is_none() && continues(prev, text));
        if joins {
            let last = raw_blocks.last_mut().expect("checked above");
            last.1.push(' ');
            last.1.push_str(text);
            last.2 = false;
        } else {
            raw_blocks.push((marker, text.to_owned(), true));
        }
    }

    let n = raw_blocks.len();
    let marked: Vec<bool> = raw_blocks.iter().map(|b| b.0.is_some()).collect();
    for (i, (marker, text, single)) in raw_blocks.into_iter().enumerate() {
        let kind = if marker.is_some() || (single && i > 0 && i + 1 < n && is_heading_like(&text)) {
            BlockKind::Heading
        } else {
            BlockKind::Paragraph
        };
        out.markup.extend(marker.map(str::to_owned));
        out.blocks.push((kind, text));
    }
    // A heading needs a paragraph after it; demote one that has none.
    let next_is_para: Vec<bool> = (0..out.blocks.len())
        .map(|i| {
            out.blocks
                .get(i + 1)
                .is_some_and(|(k, _)| *k == BlockKind::Paragraph)
        })
        .collect();
    for (((kind, _), next_para), marked) in out.blocks.iter_mut().zip(next_is_para).zip(marked) {
        if *kind == BlockKind::Heading && !next_para && !marked {
            *kind = BlockKind::Paragraph;
        }
    }

    if let Some((BlockKind::Paragraph, text)) = out.blocks.first_mut() {
        if let Some((dateline, rest)) = split_dateline(text) {
            out.dateline = Some(dateline.to_owned());
            *text = rest.to_owned();
        }
    }
    out
}

/// `## Heading` → (`##`, `Heading`); other lines → (None, line).
fn markdown_heading(line: &str) -> (Option<&str>, &str) {
    let hashes = line.len() - line.trim_start_matches('#').len();
    if (1..=6).contains(&hashes) {
        let rest = &line[hashes..];
        if rest.starts_with(char::is_whitespace) && !rest.trim().is_empty() {
            return (Some(&line[..hashes]), rest.trim());
        }
    }
    (None, line)
}

/// A previous line continues into `next` when it does not end a sentence
/// and `next` starts in lower case: a hard-wrapped paragraph.
fn continues(prev: &str, next: &str) -> bool {
    let ends_sentence = prev
        .chars()
        .last()
        .is_some_and(|c| is_terminal(c) || matches!(c, ':' | '”' | '"' | ')'));
    !ends_sentence && next.chars().next().is_some_and(char::is_lowercase)
}

/// A headline is short (at most 25 words), has a letter, and does not end
/// like a sentence or a clause (`.`, `,`, `;`, `:`) — an ellipsis is fine.
pub fn is_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let ends_badly =
        (line.ends_with('.') && !line.ends_with("...")) || line.ends_with([',', ';', ':']);
    (1..=25).contains(&words)
        && line.len() <= 300
        && line.chars().any(char::is_alphabetic)
        && !ends_badly
}

/// A section heading is a short line (at most 12 words) that starts with a
/// capital or digit, does not end with sentence or clause punctuation (a
/// question mark is fine) and is title-like: most longer words capitalised,
/// or at most five words.
pub fn is_heading_like(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() || words.len() > 12 || line.len() > 120 {
        return false;
    }
    let starts_well = line
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let ends_badly = line.ends_with(['.', ',', ';', ':', '!', '"', '”', '’', '\'', ')', '*']);
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    if !starts_well || ends_badly || letters < 2 {
        return false;
    }
    let long: Vec<&&str> = words.iter().filter(|w| w.chars().count() >= 4).collect();
    let capitalised = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    words.len() <= 5 || capitalised * 2 >= long.len()
}

/// Splits a leading dateline off a paragraph: a place (one to four
/// capitalised words, optionally `, Region` and a `(Agency)`), then ` – `,
/// ` — `, ` - ` or `: `, then the text. With a colon or a hyphen the place
/// must be a known place or in capitals, since `Note:` or `Update -` would
/// also fit; dashes are the usual dateline mark and need less evidence.
pub fn split_dateline(text: &str) -> Option<(&str, &str)> {
    let window = {
        let mut end = text.len().min(80);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        &text[..end]
    };
    let (sep_at, sep) = [" – ", " — ", " - ", ": "]
        .iter()
        .filter_map(|s| window.find(s).map(|i| (i, *s)))
        .min_by_key(|&(i, _)| i)?;
    let place = &text[..sep_at];
    let after = sep_at + sep.len();
    let rest = text[after..].trim_start();
    let rest_ok = rest
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || is_open_quote(c));
    if !rest_ok || place.is_empty() {
        return None;
    }
    let (name, agency) = match place.find(" (") {
        Some(i) if place.ends_with(')') => (&place[..i], true),
        _ => (place, false),
    };
    let city = name.split(',').next().unwrap_or(name).trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let shape_ok = !words.is_empty()
        && words.len() <= 5
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        });
    if !shape_ok {
        return None;
    }
    let capitals = city.chars().any(char::is_alphabetic) && !city.chars().any(char::is_lowercase);
    let known = gazetteer::is_place(city);
    let dash = sep.trim() != ":" && sep.trim() != "-";
    if !(known || capitals || agency || (dash && city.split_whitespace().count() <= 3)) {
        return None;
    }
    let dateline = text[..after].trim_end();
    Some((dateline, rest))
}

/// Makes a title from the lede when there is no headline: the main clause of
/// the first sentence, cut to at most 12 words at a natural break.
pub fn infer_title(first_sentence: &str) -> String {
    let sentence = first_sentence
        .trim()
        .trim_end_matches(|c: char| is_terminal(c) || c.is_whitespace());
    let clauses: Vec<&str> = sentence
        .split([',', ';', ':', '–', '—'])
        .map(str::trim)
        .filter(|c| c.split_whitespace().count() >= 3)
        .collect();
    let mut clause = clauses.first().copied().unwrap_or(sentence);
    let opens_subordinate = clause
        .split_whitespace()
        .next()
        .is_some_and(|w| SUBORDINATORS.contains(&w.to_lowercase().as_str()));
    if opens_subordinate && clauses.len() > 1 {
        clause = clauses[1];
    }
    let words: Vec<&str> = clause.split_whitespace().collect();
    let mut title = if words.len() <= 12 {
        words.join(" ")
    } else {
        let cut = (5..=12)
            .rev()
            .find(|&k| TITLE_CUT_WORDS.contains(&words[k].to_lowercase().as_str()))
            .unwrap_or(12);
        let mut t = words[..cut].join(" ");
        t.push('…');
        t
    };
    if let Some(first) = title.chars().next() {
        if first.is_lowercase() {
            title = first.to_uppercase().chain(title.chars().skip(1)).collect();
        }
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout_of(text: &str) -> Layout {
        layout(&lines(text))
    }

    #[test]
    fn headline_then_paragraphs() {
        let l = layout_of("Talks End in Miami\nThe envoys met. They talked.\n\nMore text here.");
        assert_eq!(l.headline.as_deref(), Some("Talks End in Miami"));
        assert_eq!(l.blocks.len(), 2);
    }

    #[test]
    fn a_sentence_is_not_a_headline() {
        assert!(!is_headline("The talks ended late on Tuesday."));
        assert!(!is_headline("The talks ended late on Tuesday,"));
        assert!(is_headline("Rivals of the £400 Apple..."));
        let l = layout_of("One line only");
        assert_eq!(l.headline, None);
    }

    #[test]
    fn headings_sit_between_paragraphs() {
        let l = layout_of(
            "First paragraph of text.\nDivergent Paths to Peace and Security\nSecond paragraph.\nClosing Words",
        );
        let kinds: Vec<BlockKind> = l.blocks.iter().map(|b| b.0).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Paragraph,
                BlockKind::Heading,
                BlockKind::Paragraph,
                BlockKind::Paragraph
            ]
        );
    }

    #[test]
    fn markdown_headings_keep_their_markers_aside() {
        let l = layout_of("# Big News\n\nSome text.\n\n## Part two\n\nMore text.");
        assert_eq!(l.headline.as_deref(), Some("Big News"));
        assert_eq!(l.markup, ["#", "##"]);
        assert_eq!(l.blocks[1], (BlockKind::Heading, "Part two".to_owned()));
    }

    #[test]
    fn hard_wrapped_lines_join() {
        let l = layout_of("Title Here\nThe talks went on\nuntil late. Then\nThey ended.");
        assert_eq!(l.blocks[0].1, "The talks went on until late. Then");
        assert_eq!(l.blocks.len(), 2);
    }

    #[test]
    fn datelines() {
        assert_eq!(
            split_dateline("Moscow – Russia has said."),
            Some(("Moscow –", "Russia has said."))
        );
        assert_eq!(
            split_dateline("Moscow: Russian President Putin held talks."),
            Some(("Moscow:", "Russian President Putin held talks."))
        );
        assert_eq!(
            split_dateline("MOSCOW (Reuters) - Talks ended."),
            Some(("MOSCOW (Reuters) -", "Talks ended."))
        );
        assert_eq!(split_dateline("Note: This is prose."), None);
        assert_eq!(split_dateline("The talks – long ones – ended."), None);
    }

    #[test]
    fn inferred_titles() {
        assert_eq!(
            infer_title("As the conflict in Ukraine enters a period of intense diplomatic maneuvering and battlefield volatility, the prospects for a durable resolution remain a central focus of international policy."),
            "The prospects for a durable resolution remain a central focus…"
        );
        assert_eq!(
            infer_title("Talks resumed on Monday."),
            "Talks resumed on Monday"
        );
    }
}
