//! Fuzzes reading export files (imported articles carried between
//! browsers): arbitrary bytes, and bytes after a valid header, must give an
//! error or an export whose entries are valid, never a panic or an
//! allocation out of proportion to the input; what is read parses (each
//! article an article or a named error) and writes back to the same bytes.
//!
//! ```text
//! cd core && cargo fuzz run export --sanitizer none fuzz/corpus/export fuzz/seeds/export -- -max_total_time=60
//! ```
#![no_main]

use crosscheck_core::export::Export;
use libfuzzer_sys::fuzz_target;

fn exercise(bytes: &[u8]) {
    let Ok(export) = Export::from_bytes(bytes) else {
        return;
    };
    for entry in &export.articles {
        assert!(crosscheck_core::id::is_valid(&entry.id));
    }
    assert_eq!(Export::from_bytes(&export.to_bytes()).as_ref(), Ok(&export));
    for (entry, article) in export.articles.iter().zip(export.articles()) {
        if let Ok(a) = article {
            assert_eq!(a.id, entry.id);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    exercise(data);
    // The same bytes behind a valid header reach the entries.
    let mut framed = Export::default().to_bytes();
    framed.truncate(6);
    framed.extend_from_slice(data);
    exercise(&framed);
});
