//! Importing a reader's files, the page's side: the state an import shows
//! (progress, one line per file), kept by the app above every view so an
//! import goes on while the reader browses, and the [`Importer`] context
//! views use to start, cancel, remove or export. The work on articles is
//! the corpus worker's ([`crate::worker`]); this side sends it the files,
//! keeps the originals of what it added on the device
//! ([`crate::browser::store`]) and, when the changed corpus comes back,
//! decodes it and hands it to the app in place of the old one.
//!
//! What is kept is the reader's files, and beside them, as a shortcut, the
//! corpus derived from them: at start-up ([`Importer::restore`]) that
//! corpus is put back at once if this very build derived it from exactly
//! the files kept; otherwise the files are imported again by this version
//! of the app, so an update never misreads an older format. A failure to
//! keep them (storage full, or refused) is said plainly; the articles stay
//! for the session and what was kept before is untouched (each write is
//! one transaction).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crosscheck_core::export::{Export, ExportedArticle};
use crosscheck_core::import::{content_hash, is_imported, Outcome};
use gloo_worker::{Spawnable, WorkerBridge};
use web_sys::FileSystemDirectoryEntry;
use yew::prelude::*;

use crate::browser::files::{self, Chosen};
use crate::browser::store::{request_persistence, Derived, Store, StoreError, StoredArticle};
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
    /// Looking for files kept on this device, to import them again.
    Restoring,
    /// Reading the reader's `files` into memory, to send them to the
    /// worker.
    Gathering {
        files: usize,
    },
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
    /// `count` imported articles were taken out; `kept` says whether they
    /// are gone from the device too, or why not.
    Removed {
        count: usize,
        kept: Kept,
    },
    Cancelled,
    Failed(String),
}

impl Phase {
    /// True while an import is under way (a new one must wait).
    pub fn busy(&self) -> bool {
        matches!(
            self,
            Phase::Restoring
                | Phase::Gathering { .. }
                | Phase::Starting { .. }
                | Phase::Reading { .. }
                | Phase::Indexing { .. }
                | Phase::Applying
        )
    }
}

/// Whether the files of an import are kept on this device (or, for a
/// removal, forgotten there).
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Kept {
    #[default]
    Yes,
    /// Restored from this device at start-up: kept already.
    Restored,
    /// Not kept (or not forgotten), for this reason (a sentence).
    No(String),
}

/// The state of the current (or last) import.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportState {
    pub phase: Phase,
    /// One per file read so far, in order.
    pub results: Rc<Vec<FileResult>>,
    /// The import brings back files kept on this device at start-up: the
    /// app's own doing, shown quietly rather than as the reader's import.
    pub restoring: bool,
}

/// What the page last asked of the worker, to know what its `Done` means.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Asked {
    /// Import the reader's files (and keep them on the device).
    Import,
    /// Import again the files kept on the device (kept already).
    Restore,
    /// Take some imported articles out (and off the device).
    Remove,
    /// Take every imported article out, and empty the device's store
    /// (records this version could not read included).
    RemoveAll,
}

/// What changes an import's state.
pub enum Action {
    /// The app looks for files kept on this device.
    Restoring,
    /// The reader's files are being read.
    Gathering {
        files: usize,
    },
    /// Nothing was kept: back to no import.
    Idle,
    /// An import of `total` files starts, `refused` of them already (too
    /// large to read); the last import's results go. `restoring` when
    /// they are files kept on this device.
    Start {
        total: usize,
        refused: Vec<FileResult>,
        restoring: bool,
    },
    /// A reply of the worker ([`Reply::Done`] is turned into `Applying`
    /// and then `Finished` or `Removed` once the corpus is in place).
    Reply(Reply),
    /// The import reaches this phase: `Applying`, `Finished` or `Removed`,
    /// which the page decides, not a reply.
    Reach(Phase),
    Failed(String),
}

impl Reducible for ImportState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Restoring => {
                next.phase = Phase::Restoring;
                next.restoring = true;
            }
            Action::Gathering { files } => {
                next.phase = Phase::Gathering { files };
                next.restoring = false;
            }
            Action::Idle => {
                next.phase = Phase::Idle;
                next.restoring = false;
            }
            Action::Start {
                total,
                refused,
                restoring,
            } => {
                next.phase = Phase::Starting { total };
                next.results = Rc::new(refused);
                next.restoring = restoring;
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
                // A failure is the reader's to see, restore or not.
                next.restoring = false;
            }
            Action::Reply(Reply::Done { .. }) => next.phase = Phase::Applying,
            Action::Reach(phase) => {
                if matches!(phase, Phase::Removed { .. }) {
                    next.restoring = false;
                }
                next.phase = phase;
            }
        }
        Rc::new(next)
    }
}

/// What the reader hands over to import: files chosen or dropped, dropped
/// folders (walked once the import has started, so it shows as busy from
/// the drop on) and pasted articles.
#[derive(Default)]
pub struct Handed {
    pub files: Vec<Chosen>,
    pub folders: Vec<FileSystemDirectoryEntry>,
    pub pasted: Vec<ImportFile>,
}

/// The import, as views see it: its state, and what they can ask of it.
#[derive(Clone)]
pub struct Importer {
    pub state: ImportState,
    /// Reads what the reader handed over and imports it (ignored while an
    /// import is under way).
    pub start: Callback<Handed>,
    /// Cancels the import under way, before its next file.
    pub cancel: Callback<()>,
    /// Takes these imported articles out of the corpus and off the device.
    pub remove: Callback<Vec<String>>,
    /// Takes these articles (every imported one) out of the corpus, and
    /// empties the device's store.
    pub remove_all: Callback<Vec<String>>,
    /// Brings back the articles kept on this device (once, at start-up):
    /// the corpus derived from them when it can be reused, or their files
    /// imported again.
    pub restore: Callback<()>,
}

impl PartialEq for Importer {
    fn eq(&self, other: &Importer) -> bool {
        self.state.phase == other.state.phase
            && self.state.restoring == other.state.restoring
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
    // Whether an import, removal or restore is under way, as of now: set
    // the moment one is asked for, so a second request made before the
    // page draws again (two quick drops) is refused too; drawn state
    // brings it back in step.
    let busy = use_memo((), |_| Cell::new(false));
    busy.set(state.phase.busy());
    let asked = use_memo((), |_| Cell::new(Asked::Import));
    // The key of the files a restore sends the worker (see `articles_key`).
    let restored = use_memo((), |_| RefCell::new(None::<String>));
    let send = {
        let (state, worker, replace, asked, restored) = (
            state.clone(),
            worker.clone(),
            replace.clone(),
            asked.clone(),
            restored.clone(),
        );
        Rc::new(move |what: Asked, request: Request| {
            if !matches!(request, Request::Cancel) {
                asked.set(what);
            }
            let mut slot = worker.borrow_mut();
            let bridge = slot.get_or_insert_with(|| {
                spawn_worker(
                    state.dispatcher(),
                    replace.clone(),
                    asked.clone(),
                    restored.clone(),
                )
            });
            bridge.send(request);
        })
    };
    let start_files = {
        let (state, send) = (state.dispatcher(), send.clone());
        move |files: Vec<ImportFile>, refused: Vec<FileResult>, what: Asked| {
            let Some(data) = crate::browser::data::locate() else {
                state.dispatch(Action::Failed(
                    "The import failed: this page names no data file (the build is incomplete)."
                        .into(),
                ));
                return;
            };
            // A restore is quiet unless a kept file could not be read back.
            let restoring = what == Asked::Restore && refused.is_empty();
            state.dispatch(Action::Start {
                total: files.len() + refused.len(),
                refused,
                restoring,
            });
            send(
                what,
                Request::Import {
                    data_url: data.url,
                    files,
                },
            );
        }
    };
    let start = {
        let (state, start_files, busy) = (state.dispatcher(), start_files.clone(), busy.clone());
        Callback::from(move |handed: Handed| {
            if busy.replace(true) {
                return;
            }
            let Handed {
                files: mut chosen,
                folders,
                pasted,
            } = handed;
            state.dispatch(Action::Gathering {
                files: chosen.len() + folders.len() + pasted.len(),
            });
            let (state, start_files) = (state.clone(), start_files.clone());
            wasm_bindgen_futures::spawn_local(async move {
                chosen.extend(files::walk(folders).await);
                let (mut files, refused) = files::read(chosen).await;
                files.extend(pasted);
                if files.is_empty() {
                    if refused.is_empty() {
                        state.dispatch(Action::Failed(
                            "Nothing to add: choose files or a folder, or paste an article.".into(),
                        ));
                    } else {
                        state.dispatch(Action::Start {
                            total: refused.len(),
                            refused,
                            restoring: false,
                        });
                        state.dispatch(Action::Reach(Phase::Finished {
                            added: 0,
                            kept: Kept::Yes,
                        }));
                    }
                    return;
                }
                start_files(files, refused, Asked::Import);
            });
        })
    };
    let restore = {
        let (state, start_files, send, replace) = (
            state.dispatcher(),
            start_files.clone(),
            send.clone(),
            replace.clone(),
        );
        let (busy, restored) = (busy.clone(), restored.clone());
        Callback::from(move |()| {
            busy.set(true);
            // Busy from now on: an import started while the store is read
            // would be cancelled by the restore, and an address of an
            // imported article says it is coming back, not that it is
            // missing.
            state.dispatch(Action::Restoring);
            let (state, start_files, send, replace, restored) = (
                state.clone(),
                start_files.clone(),
                send.clone(),
                replace.clone(),
                restored.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let store = match Store::open().await {
                    Ok(store) => Ok(Some(store)),
                    // No store here (some private windows): nothing kept.
                    Err(StoreError::Unavailable) => Ok(None),
                    Err(e) => Err(e),
                };
                let kept = match &store {
                    Ok(Some(store)) => store.readable().await,
                    Ok(None) => Ok(Default::default()),
                    Err(e) => Err(e.clone()),
                };
                let kept = match kept {
                    Ok(kept) => kept,
                    Err(e) => {
                        state.dispatch(Action::Failed(format!(
                            "Your imported articles could not be read back from this browser's storage: {e}"
                        )));
                        return;
                    }
                };
                let refused: Vec<FileResult> = kept
                    .damaged
                    .into_iter()
                    .map(|(name, reason)| FileResult {
                        name,
                        outcome: Outcome::Refused { reason },
                    })
                    .collect();
                if kept.articles.is_empty() {
                    if refused.is_empty() {
                        state.dispatch(Action::Idle);
                    } else {
                        // Named, and "Remove them all" can forget them.
                        let total = refused.len();
                        state.dispatch(Action::Start {
                            total,
                            refused,
                            restoring: false,
                        });
                        state.dispatch(Action::Failed(format!(
                            "{total} record(s) in this browser's storage could not be read back."
                        )));
                    }
                    return;
                }
                // The corpus derived from these very articles by this build,
                // if it was kept: in place at once, in the page and in the
                // worker, instead of reading and comparing them all again.
                if let (Ok(Some(store)), true) = (&store, refused.is_empty()) {
                    if let Some(derived) = reusable(store, &kept.articles).await {
                        if let Ok(corpus) = Corpus::decode(&derived.bytes, |_, _| {}).await {
                            send(
                                Asked::Restore,
                                Request::Adopt {
                                    bundle: derived.bytes,
                                },
                            );
                            replace.emit(corpus);
                            let added = kept.articles.len();
                            state.dispatch(Action::Start {
                                total: added,
                                refused: Vec::new(),
                                restoring: true,
                            });
                            state.dispatch(Action::Reach(Phase::Finished {
                                added,
                                kept: Kept::Restored,
                            }));
                            return;
                        }
                    }
                }
                *restored.borrow_mut() =
                    articles_key(kept.articles.iter().map(|k| k.article.id.as_str()));
                let files = kept
                    .articles
                    .into_iter()
                    .map(|k| ImportFile {
                        name: k.article.file,
                        bytes: k.article.bytes,
                    })
                    .collect();
                start_files(files, refused, Asked::Restore);
            });
        })
    };
    let cancel = {
        let send = send.clone();
        Callback::from(move |()| send(Asked::Import, Request::Cancel))
    };
    let removal = |what: Asked| {
        let (state, send, busy) = (state.dispatcher(), send.clone(), busy.clone());
        Callback::from(move |ids: Vec<String>| {
            if (ids.is_empty() && what != Asked::RemoveAll) || busy.replace(true) {
                return;
            }
            state.dispatch(Action::Reach(Phase::Applying));
            if ids.is_empty() {
                // Nothing in the corpus to take out: only records that
                // could not be read are left to forget.
                let state = state.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let kept = forget_all(&[]).await;
                    state.dispatch(Action::Reach(Phase::Removed { count: 0, kept }));
                });
                return;
            }
            send(what, Request::Remove { ids });
        })
    };
    Importer {
        state: (*state).clone(),
        start,
        cancel,
        remove: removal(Asked::Remove),
        remove_all: removal(Asked::RemoveAll),
        restore,
    }
}

/// Starts the corpus worker; its replies update the import's state, and
/// the changed corpus it sends is kept in step on the device and handed
/// to `replace`.
fn spawn_worker(
    state: UseReducerDispatcher<ImportState>,
    replace: Callback<Corpus>,
    asked: Rc<Cell<Asked>>,
    restored: Rc<RefCell<Option<String>>>,
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
                state.dispatch(Action::Reach(Phase::Applying));
                let (state, replace, what) = (state.clone(), replace.clone(), asked.get());
                let restored_key = restored.take();
                wasm_bindgen_futures::spawn_local(async move {
                    let kept = match what {
                        Asked::Restore => Kept::Restored,
                        Asked::RemoveAll => forget_all(&removed).await,
                        Asked::Import | Asked::Remove => keep(&added, &removed).await,
                    };
                    match Corpus::decode(&bundle, |_, _| {}).await {
                        Ok(corpus) => {
                            let consistent = matches!(kept, Kept::Yes | Kept::Restored);
                            // The key of what the corpus was made from: the
                            // files restored (some may not import: a
                            // duplicate of a built-in article), else the
                            // imported articles it holds.
                            let imported =
                                restored_key.filter(|_| what == Asked::Restore).or_else(|| {
                                    articles_key(
                                        corpus
                                            .articles()
                                            .iter()
                                            .map(|a| a.id.as_str())
                                            .filter(|id| is_imported(id)),
                                    )
                                });
                            replace.emit(corpus);
                            state.dispatch(match what {
                                Asked::Remove | Asked::RemoveAll => Action::Reach(Phase::Removed {
                                    count: removed.len(),
                                    kept,
                                }),
                                Asked::Import | Asked::Restore => Action::Reach(Phase::Finished {
                                    added: added.len(),
                                    kept,
                                }),
                            });
                            // Only when the device holds exactly what the
                            // corpus holds, and there is something to hold.
                            if let (true, Some(articles)) = (consistent, imported) {
                                keep_derived(articles, bundle).await;
                            }
                        }
                        Err(e) => state.dispatch(Action::Failed(format!(
                            "The import failed: the changed corpus could not be read ({e})."
                        ))),
                    }
                });
            }
            Reply::Failed { reason } => {
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

/// Forgets on the device the articles `removed` (every one imported that
/// the reader saw), the records that cannot be read and the derived
/// corpus; says why when it cannot.
async fn forget_all(removed: &[String]) -> Kept {
    let cleared = match Store::open().await {
        Ok(store) => store.forget(removed).await,
        Err(e) => Err(e),
    };
    match cleared {
        Ok(()) => Kept::Yes,
        Err(e) => Kept::No(e.to_string()),
    }
}

/// The export file of the articles kept on this device (those of `only`
/// when given): their original files, to import in another browser (see
/// `crosscheck_core::export`).
pub async fn export_kept(only: Option<&[String]>) -> Result<Vec<u8>, String> {
    let store = Store::open().await.map_err(|e| e.to_string())?;
    let kept = store.readable().await.map_err(|e| e.to_string())?;
    let articles: Vec<ExportedArticle> = kept
        .articles
        .into_iter()
        .map(|k| k.article)
        .filter(|a| only.is_none_or(|ids| ids.contains(&a.id)))
        .collect();
    if articles.is_empty() {
        return Err("No imported article to export is kept in this browser.".into());
    }
    Ok(Export { articles }.to_bytes())
}

/// Saves the export file of the kept articles (of `only` when given) as a
/// download, and says what happened in a sentence for the reader.
pub async fn save_export(only: Option<Vec<String>>) -> String {
    const NAME: &str = "crosscheck-articles.xckx";
    match export_kept(only.as_deref()).await {
        Ok(bytes) => match crate::browser::download::download(NAME, &bytes) {
            Ok(()) => format!(
                "Saved {NAME}: add it in another browser to get the same articles and links."
            ),
            Err(e) => e,
        },
        Err(e) => e,
    }
}

/// What identifies this build of the app: a hash of its code (the page's
/// and the corpus worker's, which reads the files) and its corpus data,
/// written beside the data file's address by `scripts/post-build.mjs`.
/// `None` when the page does not state it, and then nothing derived is
/// kept or reused.
fn build_id() -> Option<String> {
    crate::browser::data::locate()?.build
}

/// A key for a set of imported articles, by their ids (which follow their
/// bytes): the same whatever the order. `None` for no article.
fn articles_key<'a>(ids: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut ids: Vec<&str> = ids.collect();
    if ids.is_empty() {
        return None;
    }
    ids.sort_unstable();
    Some(format!(
        "{} articles, {}",
        ids.len(),
        content_hash(ids.join("\n").as_bytes())
    ))
}

/// The kept derived corpus, if this build made it from exactly `kept`.
async fn reusable(store: &Store, kept: &[StoredArticle]) -> Option<Derived> {
    let build = build_id()?;
    let articles = articles_key(kept.iter().map(|k| k.article.id.as_str()))?;
    let derived = store.derived().await.ok().flatten()?;
    (derived.build == build && derived.articles == articles).then_some(derived)
}

/// Keeps the corpus just derived from the `articles` kept, for the next
/// start-up. Failing to is harmless (the next start derives it again), so
/// it is not reported.
async fn keep_derived(articles: String, bytes: Vec<u8>) {
    let Some(build) = build_id() else {
        return;
    };
    if let Ok(store) = Store::open().await {
        let _ = store
            .put_derived(&Derived {
                build,
                articles,
                bytes,
            })
            .await;
    }
}
