//! Credits and debris at the end of an article: a `Sources: A | B` line, a
//! byline (`Written by: …`), and what a web page leaves behind when its text
//! is copied (comment forms, share prompts, stray URLs). They are taken out
//! of the body but kept, line by line, so nothing is lost and the reader can
//! still reveal them.
//!
//! Only the tail is examined: lines are classified from the last one up and
//! the scan stops at the first line of ordinary prose, so a sentence that
//! merely mentions comments in the middle of a story is never removed.

/// What the tail of an article held.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Credits {
    /// Credit lines (sources, bylines) as written.
    pub lines: Vec<String>,
    pub sources: Vec<String>,
    pub byline: Option<String>,
    /// Debris lines as written.
    pub boilerplate: Vec<String>,
}

/// What one trailing line is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Tail {
    Sources(Vec<String>),
    Byline(Option<String>),
    Debris,
    Prose,
}

/// Splits credit and debris lines off the end of `lines` (trimmed, non-empty).
/// Returns how many leading lines are body text; the first line always is.
pub fn split_tail(lines: &[&str]) -> (usize, Credits) {
    let mut keep = lines.len();
    let mut tail = Vec::new();
    while keep > 1 {
        let kind = classify(lines[keep - 1]);
        if kind == Tail::Prose {
            break;
        }
        keep -= 1;
        tail.push((lines[keep], kind));
    }
    tail.reverse();
    let mut credits = Credits::default();
    for (line, kind) in tail {
        match kind {
            Tail::Sources(names) => {
                credits.sources.extend(names);
                credits.lines.push(line.to_owned());
            }
            Tail::Byline(name) => {
                if credits.byline.is_none() {
                    credits.byline = name;
                }
                credits.lines.push(line.to_owned());
            }
            Tail::Debris | Tail::Prose => credits.boilerplate.push(line.to_owned()),
        }
    }
    (keep, credits)
}

/// Phrases that open a line of web-page furniture (compared lower-cased).
const DEBRIS_OPENINGS: &[&str] = &[
    "leave a comment",
    "leave a reply",
    "your email address will not be published",
    "required fields are marked",
    "save my name, email",
    "post comment",
    "cancel reply",
    "notify me of",
    "share this",
    "share on",
    "click to share",
    "like this:",
    "related posts",
    "related articles",
    "related stories",
    "related:",
    "tags:",
    "filed under",
    "posted in",
    "no comments",
    "comments",
    "subscribe",
    "sign up for",
    "follow us",
    "copyright",
    "©",
    "all rights reserved",
    "advertisement",
    "read more",
    "continue reading",
    "you may also like",
    "recommended for you",
    "we use cookies",
    "this website uses cookies",
    "accept cookies",
    "print this",
    "email this",
];

fn classify(line: &str) -> Tail {
    let lower = line.to_lowercase();
    if let Some(rest) = strip_label(line, &lower, &["sources", "source"]) {
        return Tail::Sources(split_names(rest));
    }
    if let Some(rest) = strip_label(
        line,
        &lower,
        &[
            "written by",
            "posted by",
            "reported by",
            "edited by",
            "compiled by",
            "author",
            "by",
        ],
    ) {
        let name = rest.trim();
        // `By` alone opens prose too ("By contrast, …"): a byline is short
        // and has no sentence punctuation.
        let looks_like_name = name.split_whitespace().count() <= 6
            && !name.ends_with(['.', '!', '?'])
            && !name.contains(',');
        if looks_like_name || lower.starts_with("written by") {
            return Tail::Byline((!name.is_empty()).then(|| name.to_owned()));
        }
    }
    if !line.chars().any(char::is_alphanumeric)
        || is_url_line(line)
        || DEBRIS_OPENINGS.iter().any(|p| opens_with(&lower, p))
    {
        return Tail::Debris;
    }
    Tail::Prose
}

/// `phrase` at the start of `lower` as whole words (`comments`, not
/// `commentators`).
fn opens_with(lower: &str, phrase: &str) -> bool {
    lower.starts_with(phrase)
        && !lower[phrase.len()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

/// `label:` or `label -` at the start of the line (any case), for one of the
/// labels; returns the text after it. `by` needs no colon (`By Jane Doe`).
fn strip_label<'a>(line: &'a str, lower: &str, labels: &[&str]) -> Option<&'a str> {
    for label in labels {
        if !lower.starts_with(label) {
            continue;
        }
        // Labels are ASCII, so the byte offset is valid in `line` too.
        let rest = &line[label.len()..];
        let trimmed = rest.trim_start();
        if let Some(after) = trimmed.strip_prefix(':') {
            return Some(after);
        }
        if *label == "by" && rest.starts_with(' ') {
            return Some(rest);
        }
    }
    None
}

/// Splits a list of outlets on `|`, or on `,` and `;` when there is no `|`.
fn split_names(list: &str) -> Vec<String> {
    let parts: Vec<&str> = if list.contains('|') {
        list.split('|').collect()
    } else {
        list.split([',', ';']).collect()
    };
    parts
        .into_iter()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A line that is only a URL, perhaps behind a bullet.
fn is_url_line(line: &str) -> bool {
    let t = line.trim_start_matches(|c: char| !c.is_alphanumeric());
    let t = t.trim_end();
    (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www."))
        && !t.contains(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_002_tail() {
        let lines = [
            "Body of the story.",
            "Sources: France 24 | RT | Al Jazeera | ABC News | New York Post",
            "Written by:",
            "Leave a Comment",
            "Your email address will not be published. Required fields are marked *",
            "• https://s8.yesstreaming.net:7021",
        ];
        let (keep, c) = split_tail(&lines);
        assert_eq!(keep, 1);
        assert_eq!(
            c.sources,
            ["France 24", "RT", "Al Jazeera", "ABC News", "New York Post"]
        );
        assert_eq!(c.byline, None);
        assert_eq!(c.lines.len(), 2);
        assert_eq!(c.boilerplate.len(), 3);
    }

    #[test]
    fn bylines() {
        assert_eq!(
            classify("By Jane Doe"),
            Tail::Byline(Some("Jane Doe".into()))
        );
        assert_eq!(
            classify("Written by: Ann Lee"),
            Tail::Byline(Some("Ann Lee".into()))
        );
        assert_eq!(
            classify("By contrast, the ministry said nothing at all about it."),
            Tail::Prose
        );
    }

    #[test]
    fn prose_stops_the_scan() {
        let lines = ["Title", "We welcome comments below.", "A closing sentence."];
        let (keep, c) = split_tail(&lines);
        assert_eq!(keep, 3);
        assert_eq!(c, Credits::default());
    }

    #[test]
    fn debris_phrases_are_whole_words() {
        assert_eq!(classify("Comments are closed."), Tail::Debris);
        assert_eq!(classify("Commentators expect more talks."), Tail::Prose);
    }

    #[test]
    fn sources_with_commas() {
        assert_eq!(
            classify("Source: Reuters, AP; AFP"),
            Tail::Sources(vec!["Reuters".into(), "AP".into(), "AFP".into()])
        );
    }

    #[test]
    fn the_first_line_is_never_debris() {
        let (keep, _) = split_tail(&["Leave a comment"]);
        assert_eq!(keep, 1);
    }
}
