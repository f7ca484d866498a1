//! The export file: articles a reader imported, as one file to carry to
//! another browser or device and import there.
//!
//! It holds each article's id, file name and original bytes, nothing
//! derived: importing it parses the bytes again with the app that reads it,
//! so a newer app never misreads an older model, and the ids travel with
//! the articles, so links shared along with the file open the same
//! articles there.
//!
//! The file is untrusted input (it comes from anywhere): it starts with a
//! magic tag and a format version, every count and length is checked
//! against the bytes left before anything is allocated for it, every id
//! must be a valid id and appear once, and anything after the end is
//! refused. Each error says what is wrong and, when it is one entry, which.

use std::collections::HashSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::parse::ParseError;
use crate::pipeline::parse_corpus_with_ids;

const MAGIC: &[u8; 4] = b"XCKX";
/// Bumped whenever the shape of [`Export`] changes.
pub const FORMAT_VERSION: u16 = 1;

/// True when `bytes` start as an export file does (whether or not the
/// rest reads): an import unpacks such a file instead of reading it as an
/// article.
pub fn is_export(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

/// One exported article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportedArticle {
    /// The id it had where it was exported; it keeps it.
    pub id: String,
    /// The file name it was imported from (`Talks.html`): how it is read
    /// (text, Markdown or web page) and what the library shows.
    pub file: String,
    /// The file's original bytes.
    #[serde(with = "serde_bytes")]
    pub bytes: Vec<u8>,
}

/// An export file's content.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Export {
    pub articles: Vec<ExportedArticle>,
}

/// Why an export file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportError {
    NotAnExport,
    WrongVersion {
        found: u16,
        expected: u16,
    },
    Corrupt(String),
    /// Entry `index` (0-based) is wrong in the way said.
    BadEntry {
        index: usize,
        why: String,
    },
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::NotAnExport => f.write_str("not a Crosscheck export file"),
            ExportError::WrongVersion { found, expected } => write!(
                f,
                "export format {found}; this version of Crosscheck reads format {expected}"
            ),
            ExportError::Corrupt(why) => write!(f, "the export file is damaged: {why}"),
            ExportError::BadEntry { index, why } => {
                write!(f, "article {} of the export file: {why}", index + 1)
            }
        }
    }
}

impl std::error::Error for ExportError {}

impl Export {
    /// The file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        // Plain owned data into a Vec: cannot fail.
        out.extend(postcard::to_allocvec(self).expect("export serializes"));
        out
    }

    /// Reads an export file, checking everything it says.
    pub fn from_bytes(bytes: &[u8]) -> Result<Export, ExportError> {
        let rest = bytes.strip_prefix(MAGIC).ok_or(ExportError::NotAnExport)?;
        let (version, rest) = rest.split_at_checked(2).ok_or(ExportError::NotAnExport)?;
        let found = u16::from_le_bytes([version[0], version[1]]);
        if found != FORMAT_VERSION {
            return Err(ExportError::WrongVersion {
                found,
                expected: FORMAT_VERSION,
            });
        }
        let corrupt = |e: postcard::Error| ExportError::Corrupt(e.to_string());
        let (count, mut rest) = postcard::take_from_bytes::<u64>(rest).map_err(corrupt)?;
        // An entry takes at least three bytes (three empty lengths).
        if count > rest.len() as u64 / 3 {
            return Err(ExportError::Corrupt(format!(
                "{count} articles announced in {} bytes",
                rest.len()
            )));
        }
        let mut articles = Vec::with_capacity(count as usize);
        let mut ids = HashSet::new();
        for index in 0..count as usize {
            // Lengths inside are checked by the decoder against what is
            // left before any copy.
            let (entry, after) =
                postcard::take_from_bytes::<ExportedArticle>(rest).map_err(corrupt)?;
            rest = after;
            let bad = |why: String| ExportError::BadEntry { index, why };
            if !crate::id::is_valid(&entry.id) {
                return Err(bad(format!("{:?} is not an article id", entry.id)));
            }
            if !ids.insert(entry.id.clone()) {
                return Err(bad(format!("the id {:?} appears twice", entry.id)));
            }
            if entry.file.trim().is_empty() {
                return Err(bad("it has no file name".to_owned()));
            }
            articles.push(entry);
        }
        if !rest.is_empty() {
            return Err(ExportError::Corrupt(format!(
                "{} bytes after the end",
                rest.len()
            )));
        }
        Ok(Export { articles })
    }

    /// Parses the articles again from their bytes, as one corpus, each
    /// with its own id. One result per entry, in order: a file that no
    /// longer parses is an error naming it, and the others still come.
    pub fn articles(&self) -> Vec<Result<Article, ParseError>> {
        parse_corpus_with_ids(
            self.articles
                .iter()
                .map(|e| (e.id.as_str(), e.file.as_str(), e.bytes.as_slice())),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Export {
        Export {
            articles: vec![
                ExportedArticle {
                    id: "talks".into(),
                    file: "Talks.txt".into(),
                    bytes: b"Talks\nThe envoys met.".to_vec(),
                },
                ExportedArticle {
                    id: "imported-2".into(),
                    file: "page.md".into(),
                    bytes: "---\nsource: X\n---\nA page\n\nText é.".as_bytes().to_vec(),
                },
            ],
        }
    }

    #[test]
    fn round_trip_keeps_ids_names_and_bytes() {
        let e = sample();
        let back = Export::from_bytes(&e.to_bytes()).unwrap();
        assert_eq!(back, e);
        let articles: Vec<Article> = back.articles().into_iter().map(|r| r.unwrap()).collect();
        assert_eq!(articles[0].id, "talks");
        assert_eq!(articles[1].id, "imported-2");
        assert_eq!(articles[1].metadata.source.as_deref(), Some("X"));
        assert_eq!(
            Export::from_bytes(&Export::default().to_bytes()).unwrap(),
            Export::default()
        );
    }

    #[test]
    fn foreign_damaged_and_lying_files_are_refused_with_a_reason() {
        assert_eq!(Export::from_bytes(b""), Err(ExportError::NotAnExport));
        assert_eq!(
            Export::from_bytes(b"XCK1\x07\x00"),
            Err(ExportError::NotAnExport)
        );
        let mut bytes = sample().to_bytes();
        bytes[4] = 9;
        assert!(matches!(
            Export::from_bytes(&bytes),
            Err(ExportError::WrongVersion { found: 9, .. })
        ));
        // Cut anywhere: an error, never a panic.
        let bytes = sample().to_bytes();
        for cut in 0..bytes.len() {
            assert!(Export::from_bytes(&bytes[..cut]).is_err(), "{cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(matches!(
            Export::from_bytes(&longer),
            Err(ExportError::Corrupt(_))
        ));
        // A huge count, or a huge length, in a few bytes.
        let mut huge = MAGIC.to_vec();
        huge.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        huge.extend_from_slice(&[0xff, 0xff, 0xff, 0xff, 0x0f]);
        assert!(matches!(
            Export::from_bytes(&huge),
            Err(ExportError::Corrupt(_))
        ));
        let mut huge = MAGIC.to_vec();
        huge.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        huge.extend_from_slice(&[1, 1, b'a', 1, b'b', 0xff, 0xff, 0xff, 0xff, 0x0f, 0, 0]);
        assert!(matches!(
            Export::from_bytes(&huge),
            Err(ExportError::Corrupt(_))
        ));
    }

    #[test]
    fn bad_entries_are_named() {
        let mut e = sample();
        e.articles[1].id = "talks".into();
        let err = Export::from_bytes(&e.to_bytes()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "article 2 of the export file: the id \"talks\" appears twice"
        );
        let mut e = sample();
        e.articles[0].id = "../etc".into();
        assert!(matches!(
            Export::from_bytes(&e.to_bytes()),
            Err(ExportError::BadEntry { index: 0, .. })
        ));
        let mut e = sample();
        e.articles[0].file = " ".into();
        assert!(matches!(
            Export::from_bytes(&e.to_bytes()),
            Err(ExportError::BadEntry { index: 0, .. })
        ));
    }
}
