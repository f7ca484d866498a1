//! Importing a reader's files, the page's side: the state an import shows
//! (progress, one line per file), kept by the app above every view so an
//! import goes on while the reader browses, and the [`Importer`] context
//! views use to start or cancel one. The work itself is the corpus
//! worker's ([`crate::worker`]); [`crate::app::App`] sends it the files
//! and, when the enlarged corpus comes back, decodes it and puts it in
//! place of the old one.

use std::rc::Rc;

use crosscheck_core::import::Outcome;
use yew::prelude::*;

use crate::worker::{ImportFile, Reply};

/// What became of one file of the current import.
#[derive(Debug, Clone, PartialEq)]
pub struct FileResult {
    pub name: String,
    pub outcome: Outcome,
}

/// Where an import is.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Phase {
    /// No import has run since the page opened.
    #[default]
    Idle,
    /// The worker is starting or reading the corpus.
    Starting {
        total: usize,
    },
    /// Reading file `done + 1` of `total`.
    Reading {
        done: usize,
        total: usize,
        file: String,
    },
    /// Indexing and comparing `articles` new articles with the corpus.
    Indexing {
        articles: usize,
    },
    /// Putting the enlarged corpus in place.
    Applying,
    /// Done: `added` articles are in the corpus.
    Finished {
        added: usize,
    },
    Cancelled,
    Failed(String),
}

impl Phase {
    /// True while an import is under way (a new one must wait).
    pub fn busy(&self) -> bool {
        matches!(
            self,
            Phase::Starting { .. }
                | Phase::Reading { .. }
                | Phase::Indexing { .. }
                | Phase::Applying
        )
    }
}

/// The state of the current (or last) import.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportState {
    pub phase: Phase,
    /// One per file read so far, in order.
    pub results: Rc<Vec<FileResult>>,
}

/// What changes an import's state.
pub enum Action {
    /// An import of `total` files starts, `refused` of them already (too
    /// large to read); the last import's results go.
    Start {
        total: usize,
        refused: Vec<FileResult>,
    },
    /// A reply of the worker (never [`Reply::Done`], which the app turns
    /// into `Applying` and `Finished`).
    Reply(Reply),
    Applying,
    Finished {
        added: usize,
    },
    Failed(String),
}

impl Reducible for ImportState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Start { total, refused } => {
                next.phase = Phase::Starting { total };
                next.results = Rc::new(refused);
            }
            Action::Reply(Reply::Reading { done, total, file }) => {
                next.phase = Phase::Reading { done, total, file };
            }
            Action::Reply(Reply::File { name, outcome }) => {
                Rc::make_mut(&mut next.results).push(FileResult { name, outcome });
            }
            Action::Reply(Reply::Indexing { articles }) => {
                next.phase = Phase::Indexing { articles };
            }
            Action::Reply(Reply::Cancelled) => next.phase = Phase::Cancelled,
            Action::Reply(Reply::Failed { reason }) | Action::Failed(reason) => {
                next.phase = Phase::Failed(reason);
            }
            Action::Reply(Reply::Done { .. }) | Action::Applying => next.phase = Phase::Applying,
            Action::Finished { added } => next.phase = Phase::Finished { added },
        }
        Rc::new(next)
    }
}

/// The import, as views see it: its state, and how to start or cancel one.
#[derive(Clone)]
pub struct Importer {
    pub state: ImportState,
    /// Imports these files, listing the refused ones with them (ignored
    /// while an import is under way).
    pub start: Callback<(Vec<ImportFile>, Vec<FileResult>)>,
    /// Cancels the import under way, before its next file.
    pub cancel: Callback<()>,
}

impl PartialEq for Importer {
    fn eq(&self, other: &Importer) -> bool {
        self.state.phase == other.state.phase
            && Rc::ptr_eq(&self.state.results, &other.state.results)
    }
}

/// The file a pasted article becomes: Markdown with front matter for the
/// fields given, as a corpus file would state them, so it is read exactly
/// as one. Line breaks in a field are flattened so they cannot end the
/// front matter early.
pub fn pasted_file(title: &str, outlet: &str, date: &str, url: &str, text: &str) -> ImportFile {
    let field = |v: &str| v.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut front = String::new();
    for (key, value) in [
        ("title", title),
        ("source", outlet),
        ("date", date),
        ("url", url),
    ] {
        let value = field(value);
        if !value.is_empty() {
            front.push_str(&format!("{key}: {value}\n"));
        }
    }
    let mut out = String::new();
    if !front.is_empty() {
        out.push_str("---\n");
        out.push_str(&front);
        out.push_str("---\n");
    }
    out.push_str(text.trim());
    out.push('\n');
    let stem = field(title);
    let name = if stem.is_empty() {
        "pasted article.md".to_owned()
    } else {
        format!("{}.md", stem.chars().take(80).collect::<String>())
    };
    ImportFile {
        name,
        bytes: out.into_bytes(),
    }
}
