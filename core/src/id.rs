//! Article ids: derived from the file name so they stay the same across
//! builds (a shared link keeps working after a rebuild) and contain only
//! URL-safe characters (`a-z`, `0-9`, `-`, `_`).

use std::collections::HashSet;

/// Turns a file name such as `Talks in Berlin (2).txt` into `talks-in-berlin-2`.
///
/// The extension is dropped, letters are lower-cased, runs of anything else
/// become one `-`. A name with nothing usable becomes `article`.
pub fn slug(file_name: &str) -> String {
    let stem = match file_name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && !ext.contains('/') => stem,
        _ => file_name,
    };
    let mut out = String::with_capacity(stem.len());
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("article");
    }
    out
}

/// Separates an imported article's slug from the hash of its bytes (see
/// `crate::import`). [`slug`] never writes two dashes in a row, so no
/// built-in id holds it.
pub const IMPORTED_SEPARATOR: &str = "--";

/// True for the id of an article a reader imported, false for a built-in
/// one.
pub fn is_imported(id: &str) -> bool {
    id.contains(IMPORTED_SEPARATOR)
}

/// Gives every file name a unique id. Names are processed in the given order
/// (callers sort them first), and a clash gets `-2`, `-3`, … appended.
pub fn assign_ids<'a>(file_names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut used = HashSet::new();
    file_names
        .into_iter()
        .map(|name| {
            let base = slug(name);
            let mut id = base.clone();
            let mut n = 2;
            while !used.insert(id.clone()) {
                id = format!("{base}-{n}");
                n += 1;
            }
            id
        })
        .collect()
}

/// True when `id` could have been produced by [`slug`]; used to reject
/// malformed ids from URLs before looking them up.
pub fn is_valid(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 200
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_names_keep_their_stem() {
        assert_eq!(slug("000_33c2e98580f1a62a.txt"), "000_33c2e98580f1a62a");
    }

    #[test]
    fn odd_names_become_url_safe() {
        assert_eq!(slug("Talks in Berlin (2).txt"), "talks-in-berlin-2");
        assert_eq!(slug("Kýiv’s news.md"), "k-iv-s-news");
        assert_eq!(slug(".txt"), "txt");
        assert_eq!(slug("???"), "article");
        assert!(is_valid(&slug("Ünïcödé only.txt")));
    }

    #[test]
    fn clashes_get_suffixes() {
        let ids = assign_ids(["a b.txt", "a-b.md", "A_B.txt", "a b.txt"]);
        assert_eq!(ids, ["a-b", "a-b-2", "a_b", "a-b-3"]);
    }
}
