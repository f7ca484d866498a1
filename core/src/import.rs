//! Articles a reader brings: ids that never collide with a corpus's own,
//! duplicates recognised by content, and one outcome per file.
//!
//! An imported article's id is the slug of its file name, two dashes and
//! sixteen hex digits of a hash of its bytes (`talks-in-berlin--3f2a…`).
//! [`slug`] never writes two dashes in a row, so no built-in article can
//! have such an id, yet it has the same URL-safe shape. The hash is 64-bit
//! FNV-1a, a fixed and published function: the same bytes get the same id
//! in every browser and every version of the app, so a link to an imported
//! article works wherever the same file is imported, and importing the
//! same bytes twice (under any name) is recognised as a duplicate.
//!
//! [`Batch`] runs an import one file at a time (a caller reports progress
//! and may stop between files); [`Batch::finish`] analyses the new
//! articles together and adds them to the bundle.

use std::collections::HashMap;
use std::hash::Hasher;

use crate::article::Article;
use crate::bundle::Bundle;
use crate::export::ExportedArticle;
use crate::extract::analyze_corpus;
use crate::id::slug;
use crate::parse::parse_structure;

/// The longest slug part of an imported id; the rest is the hash.
const SLUG_CHARS: usize = 60;

pub use crate::id::is_imported;
/// Separates an imported id's slug from its content hash.
use crate::id::IMPORTED_SEPARATOR as SEPARATOR;

/// The largest file an import reads: a news article is kilobytes; this is
/// far past any of them and keeps one file from taking the tab's memory.
pub const MAX_FILE_BYTES: usize = 50 * 1024 * 1024;

/// The refusal of a file of `bytes` bytes, when it is larger than
/// [`MAX_FILE_BYTES`]: the same words whether the page refuses it before
/// reading it or the worker after.
pub fn too_large(bytes: u64) -> Option<Outcome> {
    (bytes > MAX_FILE_BYTES as u64).then(|| Outcome::Refused {
        reason: format!(
            "{:.1} MB is larger than the {} MB an article file may be",
            bytes as f64 / 1e6,
            MAX_FILE_BYTES / (1024 * 1024)
        ),
    })
}

/// The content hash of an imported file, as its id carries it.
pub fn content_hash(bytes: &[u8]) -> String {
    let mut h = fnv::FnvHasher::default();
    h.write(bytes);
    format!("{:016x}", h.finish())
}

/// The id of a file imported under `file_name` with content `bytes`.
pub fn imported_id(file_name: &str, bytes: &[u8]) -> String {
    let mut base = slug(file_name);
    if base.len() > SLUG_CHARS {
        base.truncate(SLUG_CHARS);
        while base.ends_with('-') {
            base.pop();
        }
    }
    format!("{base}{SEPARATOR}{}", content_hash(bytes))
}

/// What became of one file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Outcome {
    /// Added under this id.
    Added { id: String },
    /// The same bytes, or an article with the same title and text, are
    /// already in the corpus (or earlier in the batch), under this id;
    /// nothing was added.
    Duplicate { id: String },
    /// Not added, for the reason given.
    Refused { reason: String },
}

/// An import in progress: files read so far, and what became of each.
#[derive(Debug, Default)]
pub struct Batch {
    articles: Vec<Article>,
    /// The original file of each of `articles`: what is kept on the device
    /// and exported, never the derived model.
    originals: Vec<ExportedArticle>,
    /// What the corpus and the batch hold, by content; filled on the first
    /// read, so each file is checked in constant time, not against every
    /// article (an import of thousands would be quadratic).
    seen: Option<Seen>,
}

/// Where an article with some content already is.
#[derive(Debug, Clone, Copy)]
enum Place {
    Bundle(usize),
    Batch(usize),
}

/// The contents already in a corpus and a batch, two ways: the hash of
/// the bytes an imported id carries (the same file again, under any
/// name), and a hash of the title and text read (the same article in
/// other bytes: a built-in article, whose file is not kept, or a page
/// saved again as text).
#[derive(Debug, Default)]
struct Seen {
    bytes: HashMap<String, Place>,
    text: HashMap<u64, Place>,
}

/// The hash of what a reader sees of an article: its title and text.
fn text_key(article: &Article) -> u64 {
    let mut h = fnv::FnvHasher::default();
    h.write(article.title.trim().as_bytes());
    h.write(&[0xff]); // Not in UTF-8: the title cannot run into the text.
    h.write(article.body.trim().as_bytes());
    h.finish()
}

impl Seen {
    fn of(bundle: &Bundle) -> Seen {
        let mut seen = Seen::default();
        for (i, a) in bundle.articles.iter().enumerate() {
            seen.note(a, Place::Bundle(i));
        }
        seen
    }

    fn note(&mut self, article: &Article, place: Place) {
        if let Some((_, hash)) = article.id.rsplit_once(SEPARATOR) {
            self.bytes.entry(hash.to_owned()).or_insert(place);
        }
        self.text.entry(text_key(article)).or_insert(place);
    }
}

impl Batch {
    pub fn new() -> Batch {
        Batch::default()
    }

    /// Reads one file: an article to add, a duplicate of one in `bundle` or
    /// in this batch, or a refusal with its reason (empty, too large, not
    /// text, nothing readable in it).
    pub fn read(&mut self, bundle: &Bundle, file_name: &str, bytes: &[u8]) -> Outcome {
        if let Some(refused) = too_large(bytes.len() as u64) {
            return refused;
        }
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Outcome::Refused {
                reason: "the file is empty".into(),
            };
        }
        let seen = self.seen.get_or_insert_with(|| Seen::of(bundle));
        let at = |place: Place| match place {
            Place::Bundle(i) => &bundle.articles[i],
            Place::Batch(i) => &self.articles[i],
        };
        if let Some(&place) = seen.bytes.get(&content_hash(bytes)) {
            return Outcome::Duplicate {
                id: at(place).id.clone(),
            };
        }
        let id = imported_id(file_name, bytes);
        match parse_structure(&id, file_name, bytes) {
            Err(e) => Outcome::Refused {
                reason: e.reason.to_string(),
            },
            Ok(a) if a.body.trim().is_empty() && a.title.trim().is_empty() => Outcome::Refused {
                reason: "no text was found in it".into(),
            },
            Ok(a) => {
                let same =
                    seen.text.get(&text_key(&a)).map(|&p| at(p)).filter(|b| {
                        b.title.trim() == a.title.trim() && b.body.trim() == a.body.trim()
                    });
                if let Some(b) = same {
                    return Outcome::Duplicate { id: b.id.clone() };
                }
                seen.note(&a, Place::Batch(self.articles.len()));
                self.articles.push(a);
                self.originals.push(ExportedArticle {
                    id: id.clone(),
                    file: file_name.to_owned(),
                    bytes: bytes.to_vec(),
                });
                Outcome::Added { id }
            }
        }
    }

    /// How many articles the batch will add.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// Finds the people, places, numbers and quotes of the new articles
    /// (read together, so a name is resolved across them) and adds them to
    /// `bundle`, which updates its index and comparison. Returns the
    /// original files of the articles added, to keep.
    pub fn finish(mut self, bundle: &mut Bundle) -> Vec<ExportedArticle> {
        if !self.articles.is_empty() {
            analyze_corpus(&mut self.articles);
            bundle.extend(self.articles);
        }
        self.originals
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seeds() -> Bundle {
        Bundle::build(vec![(
            "talks.txt".into(),
            b"Talks in Berlin\n\nThe envoys met in Berlin on Monday.".to_vec(),
        )])
        .unwrap()
    }

    #[test]
    fn ids_never_look_like_a_slug_and_follow_the_bytes() {
        let id = imported_id("Talks in Berlin (2).txt", b"abc");
        assert!(id.starts_with("talks-in-berlin-2--"), "{id}");
        assert!(crate::id::is_valid(&id));
        assert!(is_imported(&id));
        assert!(!is_imported(&slug("a -- b.txt")));
        assert_eq!(imported_id("x.txt", b"abc"), imported_id("x.txt", b"abc"));
        assert_ne!(imported_id("x.txt", b"abc"), imported_id("x.txt", b"abd"));
        // Published FNV-1a 64 test vector: "a".
        assert_eq!(content_hash(b"a"), "af63dc4c8601ec8c");
        let long = imported_id(&"word ".repeat(100), b"x");
        assert!(
            long.len() <= SLUG_CHARS + 2 + 16 && crate::id::is_valid(&long),
            "{long}"
        );
    }

    #[test]
    fn a_batch_adds_refuses_and_recognises_duplicates() {
        let mut bundle = seeds();
        let mut batch = Batch::new();
        let text = b"Envoys meet\n\nThe envoys met in Moscow for five hours.".to_vec();
        let added = batch.read(&bundle, "one.txt", &text);
        let Outcome::Added { id } = &added else {
            panic!("{added:?}")
        };
        assert_eq!(
            batch.read(&bundle, "copy.md", &text),
            Outcome::Duplicate { id: id.clone() }
        );
        assert!(matches!(
            batch.read(&bundle, "empty.txt", b" \n"),
            Outcome::Refused { .. }
        ));
        assert!(matches!(
            batch.read(&bundle, "bin.txt", &[0, 159, 146, 150, 0, 1, 2]),
            Outcome::Refused { .. }
        ));
        assert_eq!(batch.len(), 1);
        let kept = batch.finish(&mut bundle);
        assert_eq!(kept.len(), 1);
        assert_eq!(
            (kept[0].id.as_str(), kept[0].file.as_str()),
            (id.as_str(), "one.txt")
        );
        assert_eq!(kept[0].bytes, text);
        assert_eq!(bundle.articles.len(), 2);
        let hits = bundle.search("moscow", &Default::default());
        assert_eq!(hits.hits[0].id, *id);
        // Importing the same bytes again, in a later batch, is a duplicate.
        let mut again = Batch::new();
        assert_eq!(
            again.read(&bundle, "other-name.txt", &text),
            Outcome::Duplicate { id: id.clone() }
        );
    }

    #[test]
    fn the_same_article_in_other_bytes_is_a_duplicate_of_a_built_in_one() {
        let bundle = seeds();
        let built_in = bundle.articles[0].id.clone();
        assert!(!is_imported(&built_in));
        let mut batch = Batch::new();
        // The corpus's own file, and the same article with other line
        // endings and as Markdown with front matter naming the title.
        for (name, bytes) in [
            (
                "talks.txt",
                &b"Talks in Berlin\n\nThe envoys met in Berlin on Monday."[..],
            ),
            (
                "talks-crlf.txt",
                b"Talks in Berlin\r\n\r\nThe envoys met in Berlin on Monday.\r\n",
            ),
            (
                "talks.md",
                b"---\ntitle: Talks in Berlin\n---\nThe envoys met in Berlin on Monday.\n",
            ),
        ] {
            assert_eq!(
                batch.read(&bundle, name, bytes),
                Outcome::Duplicate {
                    id: built_in.clone()
                },
                "{name}"
            );
        }
        // Another text under the same title is an article of its own.
        assert!(matches!(
            batch.read(
                &bundle,
                "talks-2.txt",
                b"Talks in Berlin\n\nThe envoys met in Berlin on Tuesday."
            ),
            Outcome::Added { .. }
        ));
    }

    #[test]
    fn a_search_can_keep_to_the_imported_articles() {
        let mut bundle = seeds();
        let mut batch = Batch::new();
        let text = b"Envoys in Berlin\n\nThe envoys met again in Berlin on Friday.";
        let Outcome::Added { id } = batch.read(&bundle, "again.txt", text) else {
            panic!("added")
        };
        batch.finish(&mut bundle);
        let all = bundle.search("berlin envoys", &Default::default());
        assert_eq!(all.total, 2);
        let own = crate::SearchOptions {
            imported_only: true,
            ..Default::default()
        };
        let mine = bundle.search("berlin envoys", &own);
        assert_eq!(mine.total, 1);
        assert_eq!(mine.hits[0].id, id);
        assert_eq!(mine.facets.places.iter().map(|c| c.count).sum::<u32>(), 1);
        // Nothing imported matches: said as for any search without a match.
        let none = bundle.search("monday", &own);
        assert_eq!(none.total, 0);
        assert!(none.notices.contains(&crate::search::Notice::NoMatch));
    }
}
