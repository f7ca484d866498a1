//! The articles a reader imported, kept on the device in IndexedDB so they
//! survive reloads, browser restarts and being offline.
//!
//! Each record is an [`ExportedArticle`] (id, file name, original bytes)
//! and the time it was added. The original bytes are what is kept: a newer
//! app parses them again with its own reader, so an improved reader
//! applies to articles imported long ago and an old record can never be
//! misread as a newer model. Beside them one [`Derived`] record keeps the
//! corpus last derived from them, a shortcut valid only for the build that
//! made it.
//!
//! Writes of several articles go through one transaction that is waited
//! for until it completes, so a batch is stored entirely or not at all (a
//! full disk half-way through leaves what was there before).
//!
//! IndexedDB reports through events; each request or transaction is turned
//! into a promise whose `resolve` and `reject` are the event handlers
//! themselves, so no Rust closure is made (or leaked) per call. The one
//! closure, the upgrade handler of [`Store::open`], lives only as long as
//! the open request is waited for (unless the open is blocked by another
//! tab: see `open_refused`).

use std::fmt;

use crosscheck_core::export::ExportedArticle;
use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DomException, Event, IdbDatabase, IdbFactory, IdbObjectStore, IdbObjectStoreParameters,
    IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode, IdbVersionChangeEvent,
};

/// The database the app uses.
const DATABASE: &str = "crosscheck";
/// Its version: bumped, with a step in [`upgrade`], whenever its shape
/// changes.
const VERSION: u32 = 2;
/// The object store of articles, keyed by their id.
const ARTICLES: &str = "articles";
/// The object store of the corpus derived from them: one record, under
/// [`DERIVED_KEY`].
const DERIVED: &str = "derived";
const DERIVED_KEY: &str = "corpus";

/// One imported article as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredArticle {
    pub article: ExportedArticle,
    /// When it was added, in milliseconds since the Unix epoch.
    pub added: f64,
}

impl StoredArticle {
    /// `article`, added now.
    pub fn added_now(article: ExportedArticle) -> StoredArticle {
        StoredArticle {
            article,
            added: js_sys::Date::now(),
        }
    }
}

/// The corpus the app derived from the kept articles (a data file, as
/// the corpus worker writes it), kept so that a reload puts them back at
/// once instead of reading and comparing them all again. It is only ever
/// a shortcut: used when it was made by this very build from exactly the
/// articles kept now, and otherwise derived again from their files.
#[derive(Debug, Clone, PartialEq)]
pub struct Derived {
    /// The build that made it (see `crate::import::build_id`).
    pub build: String,
    /// Which articles it holds (see `crate::import::articles_key`).
    pub articles: String,
    pub bytes: Vec<u8>,
}

/// What [`Store::readable`] reads back: the articles, and each record
/// that could not be read as (its file name, or its place, and why).
#[derive(Debug, Default)]
pub struct Readable {
    pub articles: Vec<StoredArticle>,
    pub damaged: Vec<(String, String)>,
    /// The keys of the damaged records, to forget them.
    pub damaged_keys: Vec<JsValue>,
}

/// Why the articles could not be stored or read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// No IndexedDB here: some private windows, sandboxed frames, or
    /// site storage turned off.
    Unavailable,
    /// Another tab keeps an older version of the database open.
    Blocked,
    /// The database was written by a newer version of the app.
    NewerVersion,
    /// The browser closed the database (site data cleared, or a newer
    /// version of the app opened it in another tab).
    Closed,
    /// The site's storage quota is used up.
    QuotaExceeded,
    /// An article with the same id is already stored ([`Store::add_all`]).
    AlreadyStored,
    /// A stored record is not shaped as this module writes them.
    Damaged(String),
    /// Any other failure, with the browser's name and message for it.
    Failed { name: String, message: String },
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Unavailable => f.write_str(
                "Storage is not available in this window (private browsing, or site data \
                 turned off?), so imported articles cannot be kept.",
            ),
            StoreError::Blocked => f.write_str(
                "Crosscheck is open in another tab with an older version of the stored \
                 articles; close the other tabs and reload.",
            ),
            StoreError::NewerVersion => f.write_str(
                "The stored articles were saved by a newer version of Crosscheck; reload \
                 the page to get it.",
            ),
            StoreError::Closed => f.write_str(
                "The browser closed the storage of imported articles (site data cleared, \
                 or Crosscheck updated in another tab); reload the page.",
            ),
            StoreError::QuotaExceeded => f.write_str(
                "Your browser refused to store the articles: storage is full (quota \
                 exceeded). Nothing was stored.",
            ),
            StoreError::AlreadyStored => {
                f.write_str("An article with the same id is already stored; nothing was stored.")
            }
            StoreError::Damaged(what) => write!(f, "A stored article is damaged: {what}."),
            StoreError::Failed { name, message } => write!(
                f,
                "Your browser could not use the storage of imported articles ({name}: \
                 {message})."
            ),
        }
    }
}

impl std::error::Error for StoreError {}

impl StoreError {
    /// The error a browser exception stands for.
    fn from_dom(error: &DomException) -> StoreError {
        match error.name().as_str() {
            "QuotaExceededError" => StoreError::QuotaExceeded,
            "VersionError" => StoreError::NewerVersion,
            "ConstraintError" => StoreError::AlreadyStored,
            name => StoreError::Failed {
                name: name.to_owned(),
                message: error.message(),
            },
        }
    }

    /// The error a thrown value stands for (a `DomException`, usually).
    fn from_js(value: &JsValue) -> StoreError {
        if let Some(error) = value.dyn_ref::<DomException>() {
            return StoreError::from_dom(error);
        }
        let (name, message) = match value.dyn_ref::<js_sys::Error>() {
            Some(error) => (error.name().into(), error.message().into()),
            None => (
                "Error".to_owned(),
                value.as_string().unwrap_or_else(|| format!("{value:?}")),
            ),
        };
        StoreError::Failed { name, message }
    }

    /// The error of an aborted transaction; `None` when it was aborted on
    /// purpose, without an error.
    fn aborted(error: Option<DomException>) -> StoreError {
        error.as_ref().map_or(
            StoreError::Failed {
                name: "AbortError".to_owned(),
                message: "the transaction was aborted".to_owned(),
            },
            StoreError::from_dom,
        )
    }
}

/// Asks the browser not to evict the site's storage (the imported
/// articles) when space runs low. True when it agreed; false when it
/// declined or cannot be asked. Never fails.
pub async fn request_persistence() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    if !Reflect::has(&navigator, &"storage".into()).unwrap_or(false) {
        return false;
    }
    let Ok(promise) = navigator.storage().persist() else {
        return false;
    };
    JsFuture::from(promise)
        .await
        .ok()
        .and_then(|granted| granted.as_bool())
        .unwrap_or(false)
}

/// Deletes the database `name` and everything in it (tests use it to clean
/// up after [`Store::open_named`]). Open connections to it are closed first
/// (a [`Store`] closes itself when asked to).
pub async fn delete_named(name: &str) -> Result<(), StoreError> {
    let request = factory()?
        .delete_database(name)
        .map_err(|e| StoreError::from_js(&e))?;
    request_done(&request).await.map(drop)
}

/// An open connection to the database of imported articles. Dropping it
/// closes the connection.
pub struct Store {
    db: IdbDatabase,
}

impl Drop for Store {
    fn drop(&mut self) {
        self.db.close();
    }
}

impl Store {
    /// Opens the app's database, creating it on first use.
    pub async fn open() -> Result<Store, StoreError> {
        Store::open_named(DATABASE).await
    }

    /// Opens the database `name` (tests give each their own).
    pub async fn open_named(name: &str) -> Result<Store, StoreError> {
        let request = factory()?
            .open_with_u32(name, VERSION)
            .map_err(|e| open_error(&StoreError::from_js(&e)))?;
        let upgrade = UpgradeHandler::install(&request);
        let opened = settled(&request, Some(&request)).await;
        drop(upgrade);
        let db = match opened {
            Ok(db) => db,
            Err(e) => return Err(open_refused(&request, e)),
        };
        let db: IdbDatabase = db.dyn_into().map_err(|db| StoreError::from_js(&db))?;
        close_on_version_change(&db);
        Ok(Store { db })
    }

    /// Stores `articles`, replacing any stored under the same ids: all of
    /// them or, if anything fails (a full disk), none. Returns once the
    /// transaction has completed, that is once they are written, not when
    /// each write was merely accepted.
    pub async fn put_all(&self, articles: &[StoredArticle]) -> Result<(), StoreError> {
        self.write_all(articles, Write::Put).await
    }

    /// Stores `articles` as [`Store::put_all`] does, except that an id
    /// already stored (or twice in `articles`) is refused with
    /// [`StoreError::AlreadyStored`], and then none of them is stored.
    pub async fn add_all(&self, articles: &[StoredArticle]) -> Result<(), StoreError> {
        self.write_all(articles, Write::Add).await
    }

    /// Every stored article, in the order they were added (then by id).
    pub async fn all(&self) -> Result<Vec<StoredArticle>, StoreError> {
        let tx = self.transaction(IdbTransactionMode::Readonly)?;
        let request = articles_of(&tx)
            .and_then(|store| store.get_all())
            .map_err(|e| StoreError::from_js(&e))?;
        let records = request_done(&request).await?;
        let records: Array = records
            .dyn_into()
            .map_err(|_| StoreError::Damaged("the records are not a list".to_owned()))?;
        let mut articles = records
            .iter()
            .map(|record| from_record(&record))
            .collect::<Result<Vec<_>, _>>()?;
        sort_by_time_added(&mut articles);
        Ok(articles)
    }

    /// Every stored article that can be read, as [`Store::all`] lists
    /// them, and a line for each record that cannot: one damaged record
    /// must not keep the others from coming back.
    pub async fn readable(&self) -> Result<Readable, StoreError> {
        let tx = self.transaction(IdbTransactionMode::Readonly)?;
        let request = articles_of(&tx)
            .and_then(|store| store.get_all())
            .map_err(|e| StoreError::from_js(&e))?;
        let records: Array = request_done(&request)
            .await?
            .dyn_into()
            .map_err(|_| StoreError::Damaged("the records are not a list".to_owned()))?;
        let mut readable = Readable::default();
        for (i, record) in records.iter().enumerate() {
            match from_record(&record) {
                Ok(article) => readable.articles.push(article),
                Err(e) => {
                    let name = Reflect::get(&record, &FILE.into())
                        .ok()
                        .and_then(|f| f.as_string())
                        .unwrap_or_else(|| format!("stored record {}", i + 1));
                    readable.damaged.push((name, e.to_string()));
                    if let Ok(key) = Reflect::get(&record, &ID.into()) {
                        readable.damaged_keys.push(key);
                    }
                }
            }
        }
        sort_by_time_added(&mut readable.articles);
        Ok(readable)
    }

    /// Removes the articles with these ids (ids not stored are skipped), in
    /// one transaction.
    pub async fn remove(&self, ids: &[String]) -> Result<(), StoreError> {
        self.write(&|store| {
            ids.iter()
                .try_for_each(|id| store.delete(&JsValue::from_str(id)).map(drop))
        })
        .await
    }

    /// Removes every stored article, and the corpus derived from them, in
    /// one transaction.
    pub async fn clear(&self) -> Result<(), StoreError> {
        self.forget_where(&|articles| articles.clear().map(drop))
            .await
    }

    /// Removes the articles with these ids and every record that cannot be
    /// read, and the corpus derived from them, in one transaction: "remove
    /// them all" takes what the reader saw and what could not be shown,
    /// never records another tab added meanwhile.
    pub async fn forget(&self, ids: &[String]) -> Result<(), StoreError> {
        let damaged = self.readable().await?.damaged_keys;
        self.forget_where(&|articles| {
            ids.iter()
                .map(|id| JsValue::from_str(id))
                .chain(damaged.iter().cloned())
                .try_for_each(|key| articles.delete(&key).map(drop))
        })
        .await
    }

    /// Runs `requests` on the articles and clears the derived corpus, in one
    /// read-write transaction over both.
    async fn forget_where(
        &self,
        requests: &dyn Fn(&IdbObjectStore) -> Result<(), JsValue>,
    ) -> Result<(), StoreError> {
        let names = Array::of2(&ARTICLES.into(), &DERIVED.into());
        let tx = self
            .db
            .transaction_with_str_sequence_and_mode(&names, IdbTransactionMode::Readwrite)
            .map_err(|e| StoreError::from_js(&e))?;
        let made = tx
            .object_store(ARTICLES)
            .and_then(|a| requests(&a))
            .and_then(|()| tx.object_store(DERIVED).and_then(|d| d.clear()).map(drop));
        if let Err(e) = made {
            tx.abort().ok();
            return Err(StoreError::from_js(&e));
        }
        completed(&tx).await
    }

    /// Keeps `derived` in place of the corpus derived before.
    pub async fn put_derived(&self, derived: &Derived) -> Result<(), StoreError> {
        let record = Object::new();
        let fields: [(&str, JsValue); 3] = [
            (BUILD, derived.build.as_str().into()),
            (ARTICLE_IDS, derived.articles.as_str().into()),
            (BYTES, Uint8Array::from(derived.bytes.as_slice()).into()),
        ];
        self.write_in(DERIVED, &|store| {
            for (name, value) in &fields {
                Reflect::set(&record, &(*name).into(), value)?;
            }
            store.put_with_key(&record, &DERIVED_KEY.into()).map(drop)
        })
        .await
    }

    /// The corpus derived last, if one is kept and reads as one.
    pub async fn derived(&self) -> Result<Option<Derived>, StoreError> {
        let tx = self.transaction_in(DERIVED, IdbTransactionMode::Readonly)?;
        let request = tx
            .object_store(DERIVED)
            .and_then(|store| store.get(&DERIVED_KEY.into()))
            .map_err(|e| StoreError::from_js(&e))?;
        let record = request_done(&request).await?;
        let text = |name: &str| Reflect::get(&record, &name.into()).ok()?.as_string();
        let bytes = Reflect::get(&record, &BYTES.into())
            .ok()
            .and_then(|b| b.dyn_into::<Uint8Array>().ok());
        Ok(match (text(BUILD), text(ARTICLE_IDS), bytes) {
            (Some(build), Some(articles), Some(bytes)) => Some(Derived {
                build,
                articles,
                bytes: bytes.to_vec(),
            }),
            _ => None,
        })
    }

    /// Writes `articles` in one transaction, [`RECORDS_PER_STEP`] requests
    /// at a time: each step waits for the success of its last request,
    /// whose event keeps the transaction open for the next step, so the
    /// page draws and answers input between steps (thousands of records
    /// made at once held the page for a third of a second) and the batch
    /// is still written entirely or not at all.
    async fn write_all(&self, articles: &[StoredArticle], how: Write) -> Result<(), StoreError> {
        let tx = self.transaction(IdbTransactionMode::Readwrite)?;
        let store = articles_of(&tx).map_err(|e| StoreError::from_js(&e))?;
        for step in articles.chunks(RECORDS_PER_STEP) {
            let mut last = None;
            let made = step.iter().try_for_each(|article| {
                let record = to_record(article)?;
                last = Some(match how {
                    Write::Put => store.put(&record),
                    Write::Add => store.add(&record),
                }?);
                Ok::<(), JsValue>(())
            });
            if let Err(e) = made {
                // Fails only if it is already aborting, which is what we want.
                tx.abort().ok();
                return Err(StoreError::from_js(&e));
            }
            // A failed request aborts the transaction: `completed` says why.
            if let Some(last) = last {
                if request_done(&last).await.is_err() {
                    break;
                }
            }
        }
        completed(&tx).await
    }

    /// Runs `requests` in one read-write transaction and waits for it to
    /// complete. If making a request throws, the transaction is aborted,
    /// so the requests already made are undone too.
    async fn write(
        &self,
        requests: &dyn Fn(&IdbObjectStore) -> Result<(), JsValue>,
    ) -> Result<(), StoreError> {
        self.write_in(ARTICLES, requests).await
    }

    /// [`Store::write`] in the object store `name`.
    async fn write_in(
        &self,
        name: &str,
        requests: &dyn Fn(&IdbObjectStore) -> Result<(), JsValue>,
    ) -> Result<(), StoreError> {
        let tx = self.transaction_in(name, IdbTransactionMode::Readwrite)?;
        if let Err(e) = tx.object_store(name).and_then(|store| requests(&store)) {
            // Fails only if it is already aborting, which is what we want.
            tx.abort().ok();
            return Err(StoreError::from_js(&e));
        }
        completed(&tx).await
    }

    fn transaction(&self, mode: IdbTransactionMode) -> Result<IdbTransaction, StoreError> {
        self.transaction_in(ARTICLES, mode)
    }

    fn transaction_in(
        &self,
        name: &str,
        mode: IdbTransactionMode,
    ) -> Result<IdbTransaction, StoreError> {
        self.db
            .transaction_with_str_and_mode(name, mode)
            .map_err(
                |e| match e.dyn_ref::<DomException>().map(DomException::name) {
                    // Thrown by a closed connection.
                    Some(name) if name == "InvalidStateError" => StoreError::Closed,
                    _ => StoreError::from_js(&e),
                },
            )
    }
}

/// Records written per step of [`Store::put_all`] and [`Store::add_all`].
const RECORDS_PER_STEP: usize = 100;

/// How a batch treats ids already stored.
#[derive(Clone, Copy)]
enum Write {
    /// Replaces them.
    Put,
    /// Refuses them, failing the batch.
    Add,
}

fn factory() -> Result<IdbFactory, StoreError> {
    web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or(StoreError::Unavailable)
}

fn articles_of(tx: &IdbTransaction) -> Result<IdbObjectStore, JsValue> {
    tx.object_store(ARTICLES)
}

/// The error an open that threw stands for: browsers that refuse storage
/// in a private window or a sandboxed frame throw these.
fn open_error(error: &StoreError) -> StoreError {
    match error {
        StoreError::Failed { name, .. }
            if name == "InvalidStateError" || name == "SecurityError" =>
        {
            StoreError::Unavailable
        }
        other => other.clone(),
    }
}

/// The error of an open request that did not succeed. If it is only
/// blocked, it may still go ahead later: it is given handlers for that
/// (freed when called), so the upgrade still happens and the connection is
/// then closed at once, blocking no one in turn.
fn open_refused(request: &IdbOpenDbRequest, event: JsValue) -> StoreError {
    let blocked = event
        .dyn_ref::<Event>()
        .is_some_and(|e| e.type_() == "blocked");
    if !blocked {
        return match request.error() {
            Ok(Some(error)) => open_error(&StoreError::from_dom(&error)),
            _ => StoreError::from_js(&event),
        };
    }
    let upgrade = Closure::once_into_js(on_upgrade_needed);
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let close = Closure::once_into_js(|event: Event| {
        if let Some(db) = event
            .target()
            .and_then(|t| t.dyn_into::<IdbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|db| db.dyn_into::<IdbDatabase>().ok())
        {
            db.close();
        }
    });
    request.set_onsuccess(Some(close.unchecked_ref()));
    StoreError::Blocked
}

/// Closes `db` when another tab asks to upgrade or delete the database,
/// so this page never holds it up. The handler is the connection's own
/// `close`, bound to it: no Rust closure to keep alive.
fn close_on_version_change(db: &IdbDatabase) {
    let close = Reflect::get(db, &"close".into())
        .ok()
        .and_then(|close| close.dyn_into::<Function>().ok());
    if let Some(close) = close {
        db.set_onversionchange(Some(&close.bind0(db)));
    }
}

/// The `upgradeneeded` handler of an open request, removed (and freed)
/// when dropped, even if the open is abandoned half-way.
struct UpgradeHandler {
    request: IdbOpenDbRequest,
    _handler: Closure<dyn FnMut(IdbVersionChangeEvent)>,
}

impl UpgradeHandler {
    fn install(request: &IdbOpenDbRequest) -> UpgradeHandler {
        let handler = Closure::<dyn FnMut(IdbVersionChangeEvent)>::new(on_upgrade_needed);
        request.set_onupgradeneeded(Some(handler.as_ref().unchecked_ref()));
        UpgradeHandler {
            request: request.clone(),
            _handler: handler,
        }
    }
}

impl Drop for UpgradeHandler {
    fn drop(&mut self) {
        self.request.set_onupgradeneeded(None);
    }
}

/// Brings a database from its old version to [`VERSION`]; if that fails,
/// the upgrade is aborted, and the open fails with the reason.
fn on_upgrade_needed(event: IdbVersionChangeEvent) {
    let Some(request) = event
        .target()
        .and_then(|t| t.dyn_into::<IdbOpenDbRequest>().ok())
    else {
        return;
    };
    let Some(db) = request
        .result()
        .ok()
        .and_then(|db| db.dyn_into::<IdbDatabase>().ok())
    else {
        return;
    };
    if upgrade(&db, event.old_version()).is_err() {
        if let Some(tx) = request.transaction() {
            tx.abort().ok();
        }
    }
}

/// The steps from each old version. Version 1: one object store of
/// articles, keyed by the `id` inside each record. Version 2: the store of
/// the derived corpus, beside it.
fn upgrade(db: &IdbDatabase, old_version: f64) -> Result<(), JsValue> {
    if old_version < 1.0 {
        let parameters = IdbObjectStoreParameters::new();
        parameters.set_key_path(&ID.into());
        db.create_object_store_with_optional_parameters(ARTICLES, &parameters)?;
    }
    if old_version < 2.0 {
        db.create_object_store(DERIVED)?;
    }
    Ok(())
}

/// Waits for `request` to succeed and returns its result, or the error it
/// failed with.
async fn request_done(request: &IdbRequest) -> Result<JsValue, StoreError> {
    match settled(request, None).await {
        Ok(result) => Ok(result),
        Err(event) => Err(match request.error() {
            Ok(Some(error)) => StoreError::from_dom(&error),
            _ => StoreError::from_js(&event),
        }),
    }
}

/// Settles with `request`'s result on `success`; rejects with the event on
/// `error`, or on `blocked` when the request is given as `open` too (an
/// open request). The handlers are the promise's own functions, unset
/// again afterwards.
async fn settled(
    request: &IdbRequest,
    open: Option<&IdbOpenDbRequest>,
) -> Result<JsValue, JsValue> {
    let promise = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
        if let Some(open) = open {
            open.set_onblocked(Some(&reject));
        }
    });
    let outcome = JsFuture::from(promise).await;
    request.set_onsuccess(None);
    request.set_onerror(None);
    if let Some(open) = open {
        open.set_onblocked(None);
    }
    outcome.and_then(|_| request.result())
}

/// Waits for `tx` to complete (everything written) or abort (nothing
/// written). A failed request aborts its transaction unless handled, and
/// none is handled here, so `abort` follows every `error`: waiting for it
/// means returning only once the changes are undone.
async fn completed(tx: &IdbTransaction) -> Result<(), StoreError> {
    let promise = Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onabort(Some(&reject));
    });
    let outcome = JsFuture::from(promise).await;
    tx.set_oncomplete(None);
    tx.set_onabort(None);
    outcome
        .map(drop)
        .map_err(|_| StoreError::aborted(tx.error()))
}

const ID: &str = "id";
const FILE: &str = "file";
const BYTES: &str = "bytes";
const ADDED: &str = "added";
const BUILD: &str = "build";
const ARTICLE_IDS: &str = "articles";

/// The record stored for `article`: a plain object with its id, file name,
/// bytes (copied into a `Uint8Array`) and time added.
fn to_record(article: &StoredArticle) -> Result<Object, JsValue> {
    let record = Object::new();
    let a = &article.article;
    Reflect::set(&record, &ID.into(), &a.id.as_str().into())?;
    Reflect::set(&record, &FILE.into(), &a.file.as_str().into())?;
    Reflect::set(&record, &BYTES.into(), &Uint8Array::from(&a.bytes[..]))?;
    Reflect::set(&record, &ADDED.into(), &article.added.into())?;
    Ok(record)
}

/// The article a stored record holds.
/// Orders articles as they were added, then by id (ids are unique, so no
/// two records compare equal).
fn sort_by_time_added(articles: &mut [StoredArticle]) {
    articles.sort_unstable_by(|a, b| {
        a.added
            .total_cmp(&b.added)
            .then_with(|| a.article.id.cmp(&b.article.id))
    });
}

fn from_record(record: &JsValue) -> Result<StoredArticle, StoreError> {
    let field = |name: &str| {
        Reflect::get(record, &name.into())
            .map_err(|_| StoreError::Damaged(format!("a record without its {name}")))
    };
    let text = |name: &str| {
        field(name)?
            .as_string()
            .ok_or_else(|| StoreError::Damaged(format!("a record's {name} is not text")))
    };
    let id = text(ID)?;
    let damaged = |what: &str| StoreError::Damaged(format!("the {what} of {id}"));
    let file = text(FILE)?;
    let bytes = field(BYTES)?
        .dyn_into::<Uint8Array>()
        .map_err(|_| damaged("bytes"))?
        .to_vec();
    let added = field(ADDED)?
        .as_f64()
        .ok_or_else(|| damaged("time added"))?;
    Ok(StoredArticle {
        article: ExportedArticle { id, file, bytes },
        added,
    })
}
