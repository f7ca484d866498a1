//! The on-device store of imported articles (`browser::store`) against the
//! real IndexedDB of headless Chromium. Each test opens a database of its
//! own name, emptied first and deleted at the end, so tests never see each
//! other's articles. Run with
//! `cargo test -p crosscheck-web --target wasm32-unknown-unknown --test store`.
#![cfg(target_arch = "wasm32")]

use crosscheck_core::export::ExportedArticle;
use crosscheck_web::browser::store::{
    delete_named, request_persistence, Derived, Store, StoreError, StoredArticle,
};
use js_sys::Promise;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::IdbDatabase;

wasm_bindgen_test_configure!(run_in_browser);

fn article(id: &str, file: &str, bytes: &[u8], added: f64) -> StoredArticle {
    StoredArticle {
        article: ExportedArticle {
            id: id.to_owned(),
            file: file.to_owned(),
            bytes: bytes.to_vec(),
        },
        added,
    }
}

/// The database `name`, empty (left over from an earlier failed run, it is
/// deleted first).
async fn fresh(name: &str) -> Store {
    delete_named(name).await.expect("old test database deleted");
    Store::open_named(name).await.expect("test database opens")
}

/// Closes `store` and deletes its database.
async fn done(store: Store, name: &str) {
    drop(store);
    delete_named(name).await.expect("test database deleted");
}

fn ids(articles: &[StoredArticle]) -> Vec<&str> {
    articles.iter().map(|a| a.article.id.as_str()).collect()
}

#[wasm_bindgen_test]
async fn put_then_all_returns_the_articles_in_the_order_added() {
    let name = "test-put-all";
    let store = fresh(name).await;
    let batch = [
        article("c", "Gamma.md", b"# Gamma\n\nthird", 3.0),
        article("a", "Alpha.txt", b"Alpha, first", 1.0),
        article("b", "Beta.html", b"<p>Beta</p>", 2.0),
        article("a2", "Alpha two.txt", b"same time as a", 1.0),
    ];
    store.put_all(&batch).await.expect("stored");
    let stored = store.all().await.expect("read");
    assert_eq!(ids(&stored), ["a", "a2", "b", "c"]);
    for a in &batch {
        assert!(stored.contains(a), "{} stored as given", a.article.id);
    }
    done(store, name).await;
}

#[wasm_bindgen_test]
async fn put_all_replaces_an_article_with_the_same_id() {
    let name = "test-put-replaces";
    let store = fresh(name).await;
    store
        .put_all(&[article("a", "Old.txt", b"old", 1.0)])
        .await
        .expect("stored");
    let newer = article("a", "New.txt", b"new", 2.0);
    store
        .put_all(std::slice::from_ref(&newer))
        .await
        .expect("replaced");
    assert_eq!(store.all().await.expect("read"), [newer]);
    done(store, name).await;
}

/// `put_all` replaces ids already stored, so to make a batch fail half-way
/// the test uses `add_all`, which writes through the same single
/// transaction but with `add`: IndexedDB fails the `add` of an id already
/// stored with a `ConstraintError`, which aborts the transaction. The new
/// article written before it in the same batch must then be gone, and the
/// earlier content unchanged.
#[wasm_bindgen_test]
async fn a_batch_that_fails_half_way_stores_nothing() {
    let name = "test-atomic";
    let store = fresh(name).await;
    let before = [
        article("a", "Alpha.txt", b"alpha", 1.0),
        article("b", "Beta.txt", b"beta", 2.0),
    ];
    store.put_all(&before).await.expect("stored");
    let batch = [
        article("c", "Gamma.txt", b"gamma", 3.0),
        article("a", "Alpha again.txt", b"other alpha", 4.0),
    ];
    let refused = store.add_all(&batch).await;
    assert_eq!(refused, Err(StoreError::AlreadyStored));
    assert_eq!(store.all().await.expect("read"), before);
    done(store, name).await;
}

#[wasm_bindgen_test]
async fn add_all_refuses_an_id_twice_in_one_batch() {
    let name = "test-add-twice";
    let store = fresh(name).await;
    let batch = [
        article("a", "Alpha.txt", b"alpha", 1.0),
        article("a", "Alpha.txt", b"alpha", 1.0),
    ];
    assert_eq!(store.add_all(&batch).await, Err(StoreError::AlreadyStored));
    assert_eq!(store.all().await.expect("read"), []);
    store.add_all(&batch[..1]).await.expect("added once");
    assert_eq!(store.all().await.expect("read"), batch[..1]);
    done(store, name).await;
}

#[wasm_bindgen_test]
async fn remove_takes_out_only_the_given_ids() {
    let name = "test-remove";
    let store = fresh(name).await;
    let batch = [
        article("a", "A.txt", b"a", 1.0),
        article("b", "B.txt", b"b", 2.0),
        article("c", "C.txt", b"c", 3.0),
    ];
    store.put_all(&batch).await.expect("stored");
    store
        .remove(&["a".to_owned(), "c".to_owned(), "not-stored".to_owned()])
        .await
        .expect("removed");
    assert_eq!(store.all().await.expect("read"), batch[1..2]);
    store.remove(&[]).await.expect("nothing to remove");
    assert_eq!(ids(&store.all().await.expect("read")), ["b"]);
    done(store, name).await;
}

#[wasm_bindgen_test]
async fn clear_removes_everything() {
    let name = "test-clear";
    let store = fresh(name).await;
    store
        .put_all(&[
            article("a", "A.txt", b"a", 1.0),
            article("b", "B.txt", b"b", 2.0),
        ])
        .await
        .expect("stored");
    store.clear().await.expect("cleared");
    assert_eq!(store.all().await.expect("read"), []);
    done(store, name).await;
}

#[wasm_bindgen_test]
async fn a_reopened_store_sees_what_was_stored() {
    let name = "test-reopen";
    let store = fresh(name).await;
    let batch = [
        article("a", "A.txt", b"kept", 1.0),
        article("b", "B.md", b"# kept too", 2.0),
    ];
    store.put_all(&batch).await.expect("stored");
    drop(store);
    let store = Store::open_named(name).await.expect("reopens");
    assert_eq!(store.all().await.expect("read"), batch);
    done(store, name).await;
}

#[wasm_bindgen_test]
async fn bytes_that_are_not_utf8_round_trip_exactly() {
    let name = "test-bytes";
    let store = fresh(name).await;
    // Every byte value, then lone continuation bytes, a truncated sequence,
    // an overlong encoding, a surrogate, a byte order mark and NULs.
    let mut bytes: Vec<u8> = (0..=255).collect();
    bytes.extend_from_slice(&[0x80, 0xbf, 0xe2, 0x82, 0xc0, 0xaf, 0xed, 0xa0, 0x80]);
    bytes.extend_from_slice(&[0xef, 0xbb, 0xbf, 0, 0, 0xff, 0xfe]);
    assert!(std::str::from_utf8(&bytes).is_err());
    let binary = article("latin1", "Café ☕ naïve.txt", &bytes, 1.0);
    let empty = article("empty", "", b"", 2.0);
    store
        .put_all(&[binary.clone(), empty.clone()])
        .await
        .expect("stored");
    assert_eq!(store.all().await.expect("read"), [binary, empty]);
    done(store, name).await;
}

#[wasm_bindgen_test]
async fn a_5_mb_article_round_trips() {
    let name = "test-large";
    let store = fresh(name).await;
    let bytes: Vec<u8> = (0..5 * 1024 * 1024_u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    let large = article("large", "Large.txt", &bytes, 1.0);
    store
        .put_all(std::slice::from_ref(&large))
        .await
        .expect("stored");
    let stored = store.all().await.expect("read");
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].article.bytes.len(), bytes.len());
    assert!(stored[0] == large, "5 MB read back the same");
    done(store, name).await;
}

/// Creates the database `name` at `version`, empty, as a newer app would.
async fn create_at_version(name: &str, version: u32) {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .expect("IndexedDB");
    let request = factory.open_with_u32(name, version).expect("opening");
    let opened = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    JsFuture::from(opened).await.expect("opened");
    let db: IdbDatabase = request.result().expect("a database").unchecked_into();
    db.close();
}

/// Writes `record` into the articles of database `name` as any script
/// could, bypassing the store's own checks.
async fn put_raw(name: &str, record: &js_sys::Object) {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .expect("IndexedDB");
    let request = factory.open(name).expect("opening");
    let opened = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    JsFuture::from(opened).await.expect("opened");
    let db: IdbDatabase = request.result().expect("a database").unchecked_into();
    let tx = db
        .transaction_with_str_and_mode("articles", web_sys::IdbTransactionMode::Readwrite)
        .expect("a transaction");
    let done = Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onerror(Some(&reject));
    });
    tx.object_store("articles")
        .and_then(|s| s.put(record))
        .expect("put");
    JsFuture::from(done).await.expect("written");
    db.close();
}

#[wasm_bindgen_test]
async fn readable_returns_the_good_records_and_names_a_damaged_one() {
    let name = "test-readable";
    let store = fresh(name).await;
    store
        .put_all(&[
            article("a", "Alpha.txt", b"Alpha", 1.0),
            article("b", "Beta.txt", b"Beta", 2.0),
        ])
        .await
        .expect("stored");
    drop(store);
    let bad = js_sys::Object::new();
    for (k, v) in [("id", "bad"), ("file", "Bad.txt"), ("bytes", "not bytes")] {
        js_sys::Reflect::set(&bad, &k.into(), &v.into()).expect("set");
    }
    js_sys::Reflect::set(&bad, &"added".into(), &1.5.into()).expect("set");
    put_raw(name, &bad).await;
    let store = Store::open_named(name).await.expect("reopens");
    assert!(
        matches!(store.all().await, Err(StoreError::Damaged(_))),
        "all() is all or nothing"
    );
    let readable = store.readable().await.expect("read");
    assert_eq!(ids(&readable.articles), ["a", "b"]);
    assert_eq!(readable.damaged.len(), 1);
    assert_eq!(readable.damaged[0].0, "Bad.txt");
    assert!(
        readable.damaged[0].1.contains("bytes"),
        "{:?}",
        readable.damaged
    );
    done(store, name).await;
}

#[wasm_bindgen_test]
async fn a_database_of_a_newer_version_is_refused_clearly() {
    let name = "test-newer";
    delete_named(name).await.expect("old test database deleted");
    create_at_version(name, 3).await;
    let refused = Store::open_named(name).await.err();
    assert_eq!(refused, Some(StoreError::NewerVersion));
    assert!(StoreError::NewerVersion
        .to_string()
        .contains("newer version of Crosscheck"));
    delete_named(name).await.expect("test database deleted");
}

#[wasm_bindgen_test]
async fn the_app_database_opens() {
    let store = Store::open().await.expect("the app's database opens");
    store.all().await.expect("and reads");
}

#[wasm_bindgen_test]
async fn request_persistence_answers_without_failing() {
    // Granted or declined depends on the browser; it must only answer.
    let _granted: bool = request_persistence().await;
}

#[wasm_bindgen_test]
fn errors_read_as_sentences() {
    assert_eq!(
        StoreError::QuotaExceeded.to_string(),
        "Your browser refused to store the articles: storage is full (quota exceeded). \
         Nothing was stored."
    );
    assert!(StoreError::Unavailable
        .to_string()
        .starts_with("Storage is not available in this window (private browsing"));
    let failed = StoreError::Failed {
        name: "UnknownError".to_owned(),
        message: "disk I/O".to_owned(),
    };
    assert!(failed.to_string().contains("(UnknownError: disk I/O)"));
}

#[wasm_bindgen_test]
async fn a_batch_of_many_steps_is_one_transaction() {
    let name = "test-many";
    let store = fresh(name).await;
    let batch: Vec<StoredArticle> = (0..250)
        .map(|i| {
            article(
                &format!("a{i:03}"),
                "A.txt",
                format!("article {i}").as_bytes(),
                i as f64,
            )
        })
        .collect();
    store.put_all(&batch).await.expect("stored in steps");
    assert_eq!(store.all().await.expect("read").len(), 250);
    // One id already stored, in the last step: none of the new ones is.
    let more: Vec<StoredArticle> = (250..499)
        .map(|i| article(&format!("a{i:03}"), "A.txt", b"more", i as f64))
        .chain([article("a000", "A.txt", b"again", 0.0)])
        .collect();
    assert_eq!(
        store.add_all(&more).await.err(),
        Some(StoreError::AlreadyStored)
    );
    assert_eq!(store.all().await.expect("read").len(), 250);
    done(store, name).await;
}

#[wasm_bindgen_test]
async fn the_derived_corpus_is_kept_replaced_and_cleared_with_the_articles() {
    let name = "test-derived";
    let store = fresh(name).await;
    assert_eq!(store.derived().await.expect("read"), None);
    let first = Derived {
        build: "code-1 data-1".into(),
        articles: "2 articles, 00ff".into(),
        bytes: vec![1, 2, 3, 255],
    };
    store.put_derived(&first).await.expect("kept");
    assert_eq!(store.derived().await.expect("read"), Some(first.clone()));
    let second = Derived {
        bytes: vec![9; 100_000],
        ..first
    };
    store.put_derived(&second).await.expect("replaced");
    assert_eq!(store.derived().await.expect("read"), Some(second));
    store
        .put_all(&[article("a", "A.txt", b"A", 1.0)])
        .await
        .expect("stored");
    store.clear().await.expect("cleared");
    assert_eq!(store.derived().await.expect("read"), None);
    assert!(store.all().await.expect("read").is_empty());
    done(store, name).await;
}

#[wasm_bindgen_test]
async fn a_database_of_version_1_keeps_its_articles_when_upgraded() {
    let name = "test-upgrade";
    delete_named(name).await.expect("old test database deleted");
    // Version 1 as the first release made it: the articles alone.
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .expect("IndexedDB");
    let request = factory.open_with_u32(name, 1).expect("opening");
    let upgrade =
        wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(|e: web_sys::Event| {
            let request: web_sys::IdbOpenDbRequest = e.target().expect("target").unchecked_into();
            let db: IdbDatabase = request.result().expect("db").unchecked_into();
            let parameters = web_sys::IdbObjectStoreParameters::new();
            parameters.set_key_path(&"id".into());
            let store = db
                .create_object_store_with_optional_parameters("articles", &parameters)
                .expect("store");
            let record = js_sys::Object::new();
            js_sys::Reflect::set(&record, &"id".into(), &"a".into()).expect("set");
            js_sys::Reflect::set(&record, &"file".into(), &"A.txt".into()).expect("set");
            let bytes = js_sys::Uint8Array::from(&b"kept"[..]);
            js_sys::Reflect::set(&record, &"bytes".into(), &bytes).expect("set");
            js_sys::Reflect::set(&record, &"added".into(), &1.0.into()).expect("set");
            store.put(&record).expect("a version 1 record");
        });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let opened = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    JsFuture::from(opened).await.expect("opened at version 1");
    let db: IdbDatabase = request.result().expect("a database").unchecked_into();
    db.close();
    drop(upgrade);
    let store = Store::open_named(name).await.expect("opens, upgraded");
    assert_eq!(
        store.all().await.expect("read"),
        [article("a", "A.txt", b"kept", 1.0)]
    );
    assert_eq!(store.derived().await.expect("the new store exists"), None);
    done(store, name).await;
}

#[wasm_bindgen_test]
async fn forget_takes_the_given_ids_the_damaged_records_and_the_derived_corpus() {
    let name = "test-forget";
    let store = fresh(name).await;
    store
        .put_all(&[
            article("a", "A.txt", b"A", 1.0),
            article("b", "B.txt", b"B", 2.0),
        ])
        .await
        .expect("stored");
    store
        .put_derived(&Derived {
            build: "b".into(),
            articles: "2 articles, 00".into(),
            bytes: vec![1],
        })
        .await
        .expect("kept");
    drop(store);
    let bad = js_sys::Object::new();
    js_sys::Reflect::set(&bad, &"id".into(), &"bad".into()).expect("set");
    put_raw(name, &bad).await;
    let store = Store::open_named(name).await.expect("reopens");
    assert_eq!(store.readable().await.expect("read").damaged.len(), 1);
    store.forget(&["a".to_owned()]).await.expect("forgotten");
    let left = store.readable().await.expect("read");
    assert_eq!(ids(&left.articles), ["b"], "an article not named stays");
    assert!(left.damaged.is_empty(), "the damaged record is gone");
    assert_eq!(store.derived().await.expect("read"), None);
    done(store, name).await;
}
