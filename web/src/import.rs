//! Importing a reader's files, the page's side: the state an import shows
//! (progress, one line per file), kept by the app above every view so an
//! import goes on while the reader browses, and the [`Importer`] context
//! views use to start, cancel, remove or export. The work on articles is
//! the corpus worker's ([`crate::worker`]); this side sends it the files,
//! keeps the originals of what it added on the device
//! ([`crate::browser::store`]) and, when the changed corpus comes back,
//! decodes it and hands it to the app in place of the old one.
//!
//! What is kept is the reader's files, never the model derived from them:
//! at start-up ([`Importer::restore`]) they are imported again by this
//! version of the app, so an update never misreads an older format. A
//! failure to keep them (storage full, or refused) is said plainly; the
//! articles stay for the session and what was kept before is untouched
//! (each write is one transaction).

use std::cell::Cell;
use std::rc::Rc;

use crosscheck_core::export::{Export, ExportedArticle};
use crosscheck_core::import::Outcome;
use gloo_worker::{Spawnable, WorkerBridge};
use yew::prelude::*;

use crate::browser::store::{request_persistence, Store, StoredArticle};
use crate::state::Corpus;
use crate::worker::{CorpusWorker, ImportFile, Postcard, Reply, Request};

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
    /// `done` of `total` files read, the last one `file`.
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
    /// Done: `added` articles are in the corpus; `kept` says whether their
    /// files are kept on this device, or why not.
    Finished {
        added: usize,
        kept: Kept,
    },
    /// `count` imported articles were taken out.
    Removed {
        count: usize,
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

/// Whether the files of an import are kept on this device.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Kept {
    #[default]
    Yes,
    /// Restored from this device at start-up: kept already.
    Restored,
    /// Not kept, for this reason (a sentence).
    No(String),
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
    /// A reply of the worker ([`Reply::Done`] is turned into `Applying`
    /// and then `Finished` or `Removed` once the corpus is in place).
    Reply(Reply),
    Applying,
    Finished {
        added: usize,
        kept: Kept,
    },
    Removed {
        count: usize,
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
            Action::Reply(Reply::Read {
                done,
                total,
                file,
                outcomes,
            }) => {
                next.phase = Phase::Reading { done, total, file };
                Rc::make_mut(&mut next.results).extend(
                    outcomes
                        .into_iter()
                        .map(|(name, outcome)| FileResult { name, outcome }),
                );
            }
            Action::Reply(Reply::Indexing { articles }) => {
                next.phase = Phase::Indexing { articles };
            }
            Action::Reply(Reply::Cancelled) => {
                next.phase = Phase::Cancelled;
                // Nothing read before the cancel was added.
                for r in Rc::make_mut(&mut next.results) {
                    if matches!(r.outcome, Outcome::Added { .. }) {
                        r.outcome = Outcome::Refused {
                            reason: "the import was cancelled".into(),
                        };
                    }
                }
            }
            Action::Reply(Reply::Failed { reason }) | Action::Failed(reason) => {
                next.phase = Phase::Failed(reason);
            }
            Action::Reply(Reply::Done { .. }) | Action::Applying => next.phase = Phase::Applying,
            Action::Finished { added, kept } => next.phase = Phase::Finished { added, kept },
            Action::Removed { count } => next.phase = Phase::Removed { count },
        }
        Rc::new(next)
    }
}

/// The import, as views see it: its state, and what they can ask of it.
#[derive(Clone)]
pub struct Importer {
    pub state: ImportState,
    /// Imports these files, listing the refused ones with them (ignored
    /// while an import is under way).
    pub start: Callback<(Vec<ImportFile>, Vec<FileResult>)>,
    /// Cancels the import under way, before its next file.
    pub cancel: Callback<()>,
    /// Takes these imported articles out of the corpus and off the device.
    pub remove: Callback<Vec<String>>,
    /// Imports again the files kept on this device (once, at start-up).
    pub restore: Callback<()>,
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

/// The import machinery the app provides as [`Importer`]; `replace` puts
/// a changed corpus in place of the one shown.
#[hook]
pub fn use_importer(replace: Callback<Corpus>) -> Importer {
    let state = use_reducer(ImportState::default);
    let worker = use_mut_ref(|| None::<WorkerBridge<CorpusWorker>>);
    // Whether the import under way restores kept files (not kept again).
    let restoring = use_memo((), |_| Cell::new(false));
    let send = {
        let (state, worker, replace, restoring) = (
            state.clone(),
            worker.clone(),
            replace.clone(),
            restoring.clone(),
        );
        Rc::new(move |request: Request| {
            let mut slot = worker.borrow_mut();
            let bridge = slot.get_or_insert_with(|| {
                spawn_worker(state.dispatcher(), replace.clone(), restoring.clone())
            });
            bridge.send(request);
        })
    };
    let start_files = {
        let (state, send) = (state.clone(), send.clone());
        move |files: Vec<ImportFile>, refused: Vec<FileResult>| {
            let Some(data) = crate::browser::data::locate() else {
                state.dispatch(Action::Failed(
                    "The import failed: this page names no data file (the build is incomplete)."
                        .into(),
                ));
                return;
            };
            state.dispatch(Action::Start {
                total: files.len() + refused.len(),
                refused,
            });
            send(Request::Import {
                data_url: data.url,
                files,
            });
        }
    };
    let start = {
        let (state, restoring, start_files) =
            (state.clone(), restoring.clone(), start_files.clone());
        Callback::from(
            move |(files, refused): (Vec<ImportFile>, Vec<FileResult>)| {
                if state.phase.busy() {
                    return;
                }
                if files.is_empty() {
                    if refused.is_empty() {
                        state.dispatch(Action::Failed(
                            "Nothing to add: choose files or a folder, or paste an article.".into(),
                        ));
                    } else {
                        state.dispatch(Action::Start {
                            total: refused.len(),
                            refused,
                        });
                        state.dispatch(Action::Finished {
                            added: 0,
                            kept: Kept::Yes,
                        });
                    }
                    return;
                }
                restoring.set(false);
                start_files(files, refused);
            },
        )
    };
    let restore = {
        let (restoring, start_files) = (restoring.clone(), start_files.clone());
        Callback::from(move |()| {
            let (restoring, start_files) = (restoring.clone(), start_files.clone());
            wasm_bindgen_futures::spawn_local(async move {
                // No store (a private window) or nothing kept: nothing to do.
                let Ok(store) = Store::open().await else {
                    return;
                };
                let Ok(kept) = store.all().await else {
                    return;
                };
                if kept.is_empty() {
                    return;
                }
                restoring.set(true);
                let files = kept
                    .into_iter()
                    .map(|k| ImportFile {
                        name: k.article.file,
                        bytes: k.article.bytes,
                    })
                    .collect();
                start_files(files, Vec::new());
            });
        })
    };
    let cancel = {
        let send = send.clone();
        Callback::from(move |()| send(Request::Cancel))
    };
    let remove = {
        let (state, send) = (state.clone(), send.clone());
        Callback::from(move |ids: Vec<String>| {
            if state.phase.busy() || ids.is_empty() {
                return;
            }
            state.dispatch(Action::Applying);
            send(Request::Remove { ids });
        })
    };
    Importer {
        state: (*state).clone(),
        start,
        cancel,
        remove,
        restore,
    }
}

/// Starts the corpus worker; its replies update the import's state, and
/// the changed corpus it sends is kept in step on the device and handed
/// to `replace`.
fn spawn_worker(
    state: UseReducerDispatcher<ImportState>,
    replace: Callback<Corpus>,
    restoring: Rc<Cell<bool>>,
) -> WorkerBridge<CorpusWorker> {
    let base = yew_router::utils::base_url().unwrap_or_default();
    let loader = format!("{}/{}", base.trim_end_matches('/'), crate::worker::LOADER);
    CorpusWorker::spawner()
        .encoding::<Postcard>()
        .callback(move |reply| match reply {
            Reply::Done {
                bundle,
                added,
                removed,
            } => {
                state.dispatch(Action::Applying);
                let (state, replace) = (state.clone(), replace.clone());
                let restored = restoring.replace(false);
                wasm_bindgen_futures::spawn_local(async move {
                    let kept = if restored {
                        Kept::Restored
                    } else {
                        keep(&added, &removed).await
                    };
                    match Corpus::decode(&bundle, crate::app::ARTICLES_PER_STEP, |_, _| {}).await {
                        Ok(corpus) => {
                            replace.emit(corpus);
                            state.dispatch(if removed.is_empty() {
                                Action::Finished {
                                    added: added.len(),
                                    kept,
                                }
                            } else {
                                Action::Removed {
                                    count: removed.len(),
                                }
                            });
                        }
                        Err(e) => state.dispatch(Action::Failed(format!(
                            "The import failed: the changed corpus could not be read ({e})."
                        ))),
                    }
                });
            }
            Reply::Failed { reason } => {
                restoring.set(false);
                state.dispatch(Action::Failed(format!("The import failed: {reason}.")))
            }
            other => state.dispatch(Action::Reply(other)),
        })
        .spawn_with_loader(&loader)
}

/// Keeps the files of `added` on the device and forgets those of
/// `removed`; says why when it cannot.
async fn keep(added: &[ExportedArticle], removed: &[String]) -> Kept {
    let store = match Store::open().await {
        Ok(store) => store,
        Err(e) => return Kept::No(e.to_string()),
    };
    if !added.is_empty() {
        let stored: Vec<StoredArticle> = added
            .iter()
            .cloned()
            .map(StoredArticle::added_now)
            .collect();
        if let Err(e) = store.put_all(&stored).await {
            return Kept::No(e.to_string());
        }
        // Ask the browser not to evict them under storage pressure; a
        // refusal leaves them stored as best effort.
        request_persistence().await;
    }
    if !removed.is_empty() {
        if let Err(e) = store.remove(removed).await {
            return Kept::No(e.to_string());
        }
    }
    Kept::Yes
}

/// The export file of every article kept on this device: their original
/// files, to import in another browser (see `crosscheck_core::export`).
pub async fn export_kept() -> Result<Vec<u8>, String> {
    let store = Store::open().await.map_err(|e| e.to_string())?;
    let kept = store.all().await.map_err(|e| e.to_string())?;
    if kept.is_empty() {
        return Err("No imported article is kept on this device.".into());
    }
    Ok(Export {
        articles: kept.into_iter().map(|k| k.article).collect(),
    }
    .to_bytes())
}
