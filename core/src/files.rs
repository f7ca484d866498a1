//! Which files of a corpus folder are articles.
//!
//! A folder of articles usually holds a few files that are about the
//! collection, not part of it: the BBC collection's `README.TXT` became an
//! article when every `.txt` file was taken. The rule, applied wherever a
//! folder is read (the CLI, the app's build, a folder dropped on the app):
//! an article file ends in `.txt`, `.md`, `.html` or `.htm` (any case; a
//! page saved from a browser is read for its article), and its name is not
//! `README`, `LICENSE`, `LICENCE`, `COPYING`, `CHANGELOG` or `NOTICE` (any
//! case), alone or followed by something that is not a letter or digit
//! (`README-fr.md`, `LICENSE.MIT.txt`; `noticeboard.txt` is an article). A
//! file named on its own is read whatever its name.

/// Name starts (upper case) of the files that describe a collection.
const ABOUT_THE_COLLECTION: [&str; 6] = [
    "README",
    "LICENSE",
    "LICENCE",
    "COPYING",
    "CHANGELOG",
    "NOTICE",
];

/// True when the file `name` (a path or a bare name; only the last
/// component counts) found in a corpus folder is an article.
pub fn is_article_file(name: &str) -> bool {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let Some((stem, ext)) = base.rsplit_once('.') else {
        return false;
    };
    let article_ext = ["txt", "md", "html", "htm"]
        .iter()
        .any(|e| ext.eq_ignore_ascii_case(e));
    let stem = stem.to_ascii_uppercase();
    let about = ABOUT_THE_COLLECTION.iter().any(|s| {
        stem.strip_prefix(s)
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_alphanumeric()))
    });
    article_ext && !about
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_are_txt_and_md_files_except_notes_about_the_collection() {
        for yes in [
            "a.txt",
            "sport/001.TXT",
            "notes.md",
            "dir\\x.Md",
            "readers-letters.txt",
            "licensing-row.txt",
            "noticeboard.txt",
            "Readmes.md",
            "saved/Page.HTML",
            "story.htm",
        ] {
            assert!(is_article_file(yes), "{yes}");
        }
        for no in [
            "README.TXT",
            "bbc/readme.txt",
            "README.md",
            "LICENSE.txt",
            "licence.md",
            "CHANGELOG.md",
            "COPYING.txt",
            "NOTICE.txt",
            "README-fr.md",
            "LICENSE.MIT.txt",
            "a.pdf",
            "README.html",
            "txt",
            "crosscheck.toml",
            "",
        ] {
            assert!(!is_article_file(no), "{no}");
        }
    }
}
