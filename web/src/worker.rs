//! The corpus worker: the work on articles that takes long enough to be
//! felt, run in a Web Worker so the page keeps drawing and answering
//! input. Today that is importing a reader's files: read each one, find
//! what it says, and index and compare the enlarged corpus.
//!
//! The page sends a [`Request`]; the worker answers with a stream of
//! [`Reply`]s. The worker keeps its own copy of the corpus (fetched from
//! the page's data file on first use, then each enlarged corpus it made),
//! so a second import starts from the first one's result. An import reads
//! one file per turn of the worker's event loop, so a [`Request::Cancel`]
//! is seen between two files; a cancelled import changes nothing. An
//! export file among the files is unpacked into its articles, which keep
//! their ids. [`Request::Remove`] takes imported articles out again.
//!
//! Messages travel as postcard bytes (the [`Postcard`] codec), the format
//! the data file already uses, so no second serializer is shipped.

use std::collections::VecDeque;

use crosscheck_core::export::{is_export, Export, ExportedArticle};
use crosscheck_core::import::{Batch, Outcome};
use crosscheck_core::Bundle;
use gloo_worker::{Codec, HandlerId, Worker, WorkerScope};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

/// The file trunk writes to start the worker (`data-loader-shim`), under
/// the app's base URL.
pub const LOADER: &str = "crosscheck-worker_loader.js";

/// Worker messages encoded with postcard.
#[derive(Debug)]
pub struct Postcard;

impl Codec for Postcard {
    fn encode<I: Serialize>(input: I) -> wasm_bindgen::JsValue {
        // Our own message types always serialize; an empty message would
        // fail to decode on the other side and be dropped there.
        let bytes = postcard::to_allocvec(&input).unwrap_or_default();
        js_sys::Uint8Array::from(bytes.as_slice()).into()
    }

    fn decode<O: for<'de> Deserialize<'de>>(input: wasm_bindgen::JsValue) -> O {
        let bytes = js_sys::Uint8Array::new(&input).to_vec();
        // Both ends are this build's code, sent through the browser's
        // message channel: a message that does not decode is a bug.
        postcard::from_bytes(&bytes).expect("a worker message of this build")
    }
}

/// A file to import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportFile {
    /// The file's name (its folder path for a folder), which decides how it
    /// is read and what its id starts with.
    pub name: String,
    #[serde(with = "serde_bytes")]
    pub bytes: Vec<u8>,
}

/// What the page asks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Adds `files` to the corpus; `data_url` is the corpus data file, read
    /// when the worker has no corpus yet.
    Import {
        data_url: String,
        files: Vec<ImportFile>,
    },
    /// Stops the import under way, before its next file.
    Cancel,
    /// Takes these (imported) articles out of the corpus.
    Remove { ids: Vec<String> },
    /// Work from this corpus (a data file this build derived earlier, the
    /// page's corpus at start-up) instead of the page's data file.
    Adopt {
        #[serde(with = "serde_bytes")]
        bundle: Vec<u8>,
    },
}

/// What the worker answers, in order, for one import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// Files read so far: `done` of `total`, the last one named `file`,
    /// and what became of each file read since the last report, in order.
    /// Sent once per turn of reading (a few milliseconds), not per file,
    /// so thousands of files do not flood the page.
    Read {
        done: usize,
        total: usize,
        file: String,
        outcomes: Vec<(String, Outcome)>,
    },
    /// Every file is read; `articles` new ones are being indexed and
    /// compared with the corpus.
    Indexing { articles: usize },
    /// The changed corpus, as a data file the page decodes, with the
    /// original files of the articles added (for the page to keep) and the
    /// ids of those removed.
    Done {
        #[serde(with = "serde_bytes")]
        bundle: Vec<u8>,
        added: Vec<ExportedArticle>,
        removed: Vec<String>,
    },
    /// The import stopped, changing nothing.
    Cancelled,
    /// The import could not run at all (the corpus could not be read).
    Failed { reason: String },
}

/// The worker's own messages.
pub enum Step {
    /// The corpus arrived (or could not be read) for the import waiting.
    Corpus(Result<Box<Bundle>, String>),
    /// Read the next file of the import under way.
    Next,
}

/// An import under way.
struct Job {
    who: HandlerId,
    files: VecDeque<ImportFile>,
    total: usize,
    batch: Batch,
}

/// The corpus worker (see the module documentation).
pub struct CorpusWorker {
    bundle: Option<Bundle>,
    /// The data file is on its way: a second import waits for it rather
    /// than fetch it again (a second copy arriving later would replace a
    /// corpus already enlarged).
    fetching: bool,
    job: Option<Job>,
    /// Why this worker refuses to change the corpus: the page's corpus
    /// (a kept one it was asked to adopt) could not be read here.
    refused: Option<String>,
}

impl Worker for CorpusWorker {
    type Message = Step;
    type Input = Request;
    type Output = Reply;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        CorpusWorker {
            bundle: None,
            fetching: false,
            job: None,
            refused: None,
        }
    }

    fn received(&mut self, scope: &WorkerScope<Self>, msg: Request, who: HandlerId) {
        if let (Some(reason), Request::Import { .. } | Request::Remove { .. }) =
            (&self.refused, &msg)
        {
            let reason = reason.clone();
            scope.respond(who, Reply::Failed { reason });
            return;
        }
        match msg {
            Request::Cancel => {
                if let Some(job) = self.job.take() {
                    scope.respond(job.who, Reply::Cancelled);
                }
            }
            Request::Adopt { bundle } => match Bundle::from_bytes(&bundle) {
                Ok(bundle) => self.bundle = Some(bundle),
                Err(e) => {
                    // The page shows that corpus: importing into the
                    // page's data file instead would drop its articles.
                    let reason = format!(
                        "the corpus kept in this browser cannot be read here ({e}); reload the page"
                    );
                    self.refused = Some(reason.clone());
                    scope.respond(who, Reply::Failed { reason });
                }
            },
            Request::Remove { ids } => {
                let Some(bundle) = self.bundle.as_mut() else {
                    scope.respond(
                        who,
                        Reply::Failed {
                            reason: "there is nothing imported to remove".into(),
                        },
                    );
                    return;
                };
                let removed: Vec<String> = ids
                    .into_iter()
                    .filter(|id| {
                        crosscheck_core::import::is_imported(id) && bundle.remove_article(id)
                    })
                    .collect();
                scope.respond(
                    who,
                    Reply::Done {
                        bundle: bundle.to_bytes(),
                        added: Vec::new(),
                        removed,
                    },
                );
            }
            Request::Import { data_url, files } => {
                if let Some(old) = self.job.take() {
                    scope.respond(old.who, Reply::Cancelled);
                }
                self.job = Some(Job {
                    who,
                    total: files.len(),
                    files: files.into(),
                    batch: Batch::new(),
                });
                if self.bundle.is_some() {
                    next_turn(scope);
                } else if !self.fetching {
                    self.fetching = true;
                    scope.send_future(async move { Step::Corpus(fetch_bundle(&data_url).await) });
                }
            }
        }
    }

    fn update(&mut self, scope: &WorkerScope<Self>, msg: Step) {
        match msg {
            Step::Corpus(Err(reason)) => {
                self.fetching = false;
                if let Some(job) = self.job.take() {
                    scope.respond(job.who, Reply::Failed { reason });
                }
            }
            Step::Corpus(Ok(bundle)) => {
                self.fetching = false;
                if self.bundle.is_none() {
                    self.bundle = Some(*bundle);
                }
                if self.job.is_some() {
                    next_turn(scope);
                }
            }
            Step::Next => self.step(scope),
        }
    }
}

impl CorpusWorker {
    /// Reads files of the import for one turn, or finishes it.
    fn step(&mut self, scope: &WorkerScope<Self>) {
        let (Some(job), Some(bundle)) = (self.job.as_mut(), self.bundle.as_mut()) else {
            return; // Cancelled, or waiting for the corpus.
        };
        if !job.files.is_empty() {
            let began = js_sys::Date::now();
            let mut outcomes = Vec::new();
            let mut last = String::new();
            while let Some(file) = job.files.pop_front() {
                last.clone_from(&file.name);
                if is_export(&file.bytes) {
                    // An export file: its articles come next, in its order.
                    match Export::from_bytes(&file.bytes) {
                        Ok(export) => {
                            job.total = job.total - 1 + export.articles.len();
                            for a in export.articles.into_iter().rev() {
                                job.files.push_front(ImportFile {
                                    name: a.file,
                                    bytes: a.bytes,
                                });
                            }
                        }
                        Err(e) => outcomes.push((
                            file.name,
                            Outcome::Refused {
                                reason: e.to_string(),
                            },
                        )),
                    }
                } else {
                    let outcome = job.batch.read(bundle, &file.name, &file.bytes);
                    outcomes.push((file.name, outcome));
                }
                if js_sys::Date::now() - began >= TURN_MS {
                    break;
                }
            }
            scope.respond(
                job.who,
                Reply::Read {
                    done: job.total - job.files.len(),
                    total: job.total,
                    file: last,
                    outcomes,
                },
            );
            next_turn(scope);
            return;
        }
        let Some(job) = self.job.take() else {
            return;
        };
        scope.respond(
            job.who,
            Reply::Indexing {
                articles: job.batch.len(),
            },
        );
        let added = job.batch.finish(bundle);
        scope.respond(
            job.who,
            Reply::Done {
                bundle: bundle.to_bytes(),
                added,
                removed: Vec::new(),
            },
        );
    }
}

/// How long one turn reads files before the worker looks at its messages
/// (a cancel) and reports: short enough to stop at once, long enough that
/// the turns' own cost stays small.
const TURN_MS: f64 = 16.0;

/// Schedules the next step after the worker's queue of messages, so a
/// cancel sent meanwhile is read first.
fn next_turn(scope: &WorkerScope<CorpusWorker>) {
    scope.send_future(async {
        gloo_timers::future::TimeoutFuture::new(0).await;
        Step::Next
    });
}

/// Fetches and decodes the corpus data file from inside the worker (the
/// service worker answers from its cache).
async fn fetch_bundle(url: &str) -> Result<Box<Bundle>, String> {
    let scope: web_sys::WorkerGlobalScope = js_sys::global()
        .dyn_into()
        .map_err(|_| "not running in a worker".to_owned())?;
    let failed = |e: wasm_bindgen::JsValue| {
        format!(
            "the corpus data file could not be read: {}",
            e.as_string().unwrap_or_else(|| "network error".into())
        )
    };
    let response: web_sys::Response =
        wasm_bindgen_futures::JsFuture::from(scope.fetch_with_str(url))
            .await
            .map_err(failed)?
            .dyn_into()
            .map_err(failed)?;
    if !response.ok() {
        return Err(format!(
            "the corpus data file could not be read: HTTP {}",
            response.status()
        ));
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(response.array_buffer().map_err(failed)?)
        .await
        .map_err(failed)?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    Bundle::from_bytes(&bytes)
        .map(Box::new)
        .map_err(|e| format!("the corpus data file cannot be read: {e}"))
}
