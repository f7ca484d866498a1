//! Optional front matter: a leading block fenced by `---` lines holding
//! `key: value` pairs, as static-site tools write it. Known keys override what
//! the parser would infer; unknown keys are kept.
//!
//! The block is recognised only when every line inside is a pair, a comment
//! or blank, so a story that merely opens with a `---` rule stays text.

use crate::article::Metadata;

/// Front matter found at the start of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatter {
    /// The block as written, fences included.
    pub raw: String,
    pub metadata: Metadata,
}

/// Most lines a front matter block may have; longer blocks are text.
const MAX_LINES: usize = 200;

/// Splits front matter off `text`, returning it and the rest.
pub fn split(text: &str) -> (Option<FrontMatter>, &str) {
    let body_start = text.len() - text.trim_start().len();
    let mut lines = text[body_start..].split_inclusive('\n');
    let Some(first) = lines.next() else {
        return (None, text);
    };
    if first.trim() != "---" {
        return (None, text);
    }
    let mut offset = body_start + first.len();
    let mut pairs = Vec::new();
    for line in lines.take(MAX_LINES) {
        let end = offset + line.len();
        let trimmed = line.trim();
        if trimmed == "---" || trimmed == "..." {
            if pairs.is_empty() {
                return (None, text);
            }
            let raw = text[body_start..end].trim_end().to_owned();
            let metadata = metadata_from(pairs);
            return (Some(FrontMatter { raw, metadata }), &text[end..]);
        }
        if !(trimmed.is_empty() || trimmed.starts_with('#')) {
            match key_value(trimmed) {
                Some(pair) => pairs.push(pair),
                None => return (None, text),
            }
        }
        offset = end;
    }
    (None, text)
}

fn key_value(line: &str) -> Option<(String, String)> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim();
    let valid = !key.is_empty()
        && key.len() <= 64
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
    if !valid {
        return None;
    }
    Some((key.to_lowercase(), unquote(value.trim()).to_owned()))
}

fn unquote(v: &str) -> &str {
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return &v[1..v.len() - 1];
        }
    }
    v
}

fn metadata_from(pairs: Vec<(String, String)>) -> Metadata {
    let mut m = Metadata::default();
    for (key, value) in pairs {
        let slot = match key.as_str() {
            "title" => &mut m.title,
            "source" => &mut m.source,
            "author" => &mut m.author,
            "url" => &mut m.url,
            "language" | "lang" => &mut m.language,
            "date" if is_iso8601(&value) => &mut m.date,
            _ => {
                m.extra.insert(key, value);
                continue;
            }
        };
        if !value.is_empty() {
            *slot = Some(value);
        }
    }
    m
}

/// Accepts the ISO 8601 forms articles use: `2024-12-05`, `2024-12`,
/// `2024`, and a date followed by `T` or a space and a time
/// (`14:30`, `14:30:05`, fractions, `Z` or an offset).
pub fn is_iso8601(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r.clone())
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    if !digits(0..4) {
        return false;
    }
    match b.len() {
        4 => return true,
        7 => return b[4] == b'-' && digits(5..7) && month_ok(&s[5..7]),
        _ => {}
    }
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' || !digits(5..7) || !digits(8..10) {
        return false;
    }
    if !month_ok(&s[5..7]) || !matches!(s[8..10].parse::<u8>(), Ok(1..=31)) {
        return false;
    }
    if b.len() == 10 {
        return true;
    }
    if !matches!(b[10], b'T' | b' ') {
        return false;
    }
    let time = &s[11..];
    let (clock, zone) = match time.find(['Z', '+', '-']) {
        Some(i) => time.split_at(i),
        None => (time, ""),
    };
    let clock = clock.split('.').next().unwrap_or("");
    let parts: Vec<&str> = clock.split(':').collect();
    let clock_ok = (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| p.len() == 2 && p.bytes().all(|c| c.is_ascii_digit()));
    let zone_ok = zone.is_empty()
        || zone == "Z"
        || (zone.len() == 6 && zone.as_bytes()[3] == b':')
        || zone.len() == 5;
    clock_ok && zone_ok
}

fn month_ok(m: &str) -> bool {
    matches!(m.parse::<u8>(), Ok(1..=12))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_and_unknown_keys() {
        let text =
            "---\ntitle: \"Talks end\"\nsource: RT\ndate: 2025-12-03\ntopic: diplomacy\n---\nBody.";
        let (fm, rest) = split(text);
        let fm = fm.unwrap();
        assert_eq!(rest, "Body.");
        assert_eq!(fm.metadata.title.as_deref(), Some("Talks end"));
        assert_eq!(fm.metadata.source.as_deref(), Some("RT"));
        assert_eq!(fm.metadata.date.as_deref(), Some("2025-12-03"));
        assert_eq!(fm.metadata.extra["topic"], "diplomacy");
        assert!(fm.raw.starts_with("---") && fm.raw.ends_with("---"));
    }

    #[test]
    fn a_bad_date_is_kept_as_written() {
        let (fm, _) = split("---\ndate: last Tuesday\n---\nx");
        let m = fm.unwrap().metadata;
        assert_eq!(m.date, None);
        assert_eq!(m.extra["date"], "last Tuesday");
    }

    #[test]
    fn a_rule_or_prose_is_not_front_matter() {
        assert_eq!(split("---\nJust a line of prose\n---\n").0, None);
        assert_eq!(split("---\n---\nx").0, None);
        assert_eq!(split("---\ntitle: never closed\n").0, None);
        assert_eq!(split("Title\n---\ntitle: x\n---").0, None);
    }

    #[test]
    fn iso_dates() {
        for ok in [
            "2024",
            "2024-02",
            "2024-02-29",
            "2024-02-29T10:00Z",
            "2024-02-29 10:00:05+01:00",
        ] {
            assert!(is_iso8601(ok), "{ok}");
        }
        for bad in [
            "24-02-29",
            "2024-13-01",
            "2024-02-29T1000",
            "yesterday",
            "2024-02-29Tx",
        ] {
            assert!(!is_iso8601(bad), "{bad}");
        }
    }
}
