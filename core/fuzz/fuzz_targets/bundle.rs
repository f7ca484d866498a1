//! Fuzzes `Bundle::from_bytes`, the door for bundles users import: any
//! bytes must give an error or a bundle that every reader can use. Never a
//! panic, never an allocation the input's length does not justify (the
//! run's `-rss_limit_mb` catches that), and never a misread: a bundle that
//! decodes answers searches, comparisons and lookups without panicking, and
//! encodes to bytes that decode to the same bundle.
//!
//! The first byte of the input chooses what the rest is:
//! - `0 mod 3`: the bytes of a bundle file, as they are;
//! - `1 mod 3`: the body after a valid magic tag and format version, so the
//!   fuzzer does not have to find those before reaching the decoder;
//! - `2 mod 3`: edits to a real bundle of two small articles, built with
//!   this very code (so the seeds stay useful whatever the format version):
//!   each 3 bytes `hi lo value` set byte `(hi·256 + lo) mod len` to
//!   `value`; one or two bytes left over cut the bundle at that length.
//!
//! Bounded run on the stable toolchain (see `scripts/fuzz.sh`):
//!
//! ```text
//! cd core && cargo fuzz run bundle --sanitizer none fuzz/corpus/bundle fuzz/seeds/bundle -- -max_total_time=60
//! ```
#![no_main]

use std::sync::OnceLock;

use crosscheck_core::{Bundle, SearchOptions};
use libfuzzer_sys::fuzz_target;

/// The bytes of a real bundle of two small articles.
fn real() -> &'static [u8] {
    static REAL: OnceLock<Vec<u8>> = OnceLock::new();
    REAL.get_or_init(|| {
        Bundle::build(vec![
            (
                "a.txt".into(),
                b"Envoys meet\nSteve Witkoff met officials in Moscow for nearly four hours, \
                  the Kremlin said. \"It was useful,\" Putin said.\nSources: RT"
                    .to_vec(),
            ),
            (
                "b.txt".into(),
                b"Loan agreed\nThe EU agreed a \xE2\x82\xAC90 billion loan for Kyiv in 2022."
                    .to_vec(),
            ),
        ])
        .expect("the two articles parse")
        .to_bytes()
    })
}

/// The input the fuzzer's bytes stand for (see the module documentation).
fn input(data: &[u8]) -> Vec<u8> {
    let Some((&mode, rest)) = data.split_first() else {
        return Vec::new();
    };
    match mode % 3 {
        0 => rest.to_vec(),
        1 => {
            let mut bytes = real()[..6].to_vec();
            bytes.extend_from_slice(rest);
            bytes
        }
        _ => {
            let mut bytes = real().to_vec();
            let edits = rest.chunks_exact(3);
            let left = edits.remainder();
            for e in edits {
                let at = usize::from(u16::from_be_bytes([e[0], e[1]])) % bytes.len();
                bytes[at] = e[2];
            }
            if let Some(&cut) = left.first() {
                let cut = usize::from(cut) * 16 + left.get(1).map_or(0, |&b| usize::from(b) % 16);
                bytes.truncate(cut);
            }
            bytes
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let bytes = input(data);
    let Ok(bundle) = Bundle::from_bytes(&bytes) else {
        return;
    };
    // A decoded bundle works everywhere a built one does.
    let options = SearchOptions {
        typing: true,
        explain: true,
        ..SearchOptions::default()
    };
    for query in [
        "witkoff",
        "loan OR \"four hours\"",
        "person:putin -kyiv",
        "mos",
    ] {
        let results = bundle.search(query, &options);
        for hit in &results.hits {
            let article = bundle.article(&hit.id).expect("a hit names an article");
            for span in bundle.index.highlights(article, query, &options) {
                assert!(article.body.get(span.range()).is_some());
            }
        }
        let _ = bundle.focus(query);
    }
    for (i, a) in bundle.articles.iter().enumerate() {
        let _ = a.kept_text().count();
        let _ = a.sentence_texts().count();
        let _ = a.blocks_text().count();
        let _ = bundle.unique_coverage(&a.id);
        if let Some(b) = bundle.articles.get(i + 1) {
            let _ = bundle.compare(&a.id, &b.id);
            let _ = bundle.similarity(&a.id, &b.id);
        }
    }
    // Compared as bytes: a weight may be NaN (searches clamp it to its
    // default), and NaN is not equal to itself.
    let bytes = bundle.to_bytes();
    let again = Bundle::from_bytes(&bytes).expect("a decoded bundle encodes back");
    assert_eq!(again.to_bytes(), bytes);
});
