//! Access to the corpus embedded at build time.
//!
//! The bytes are produced by `build.rs` and decoded once, on first use; the
//! browser never parses or indexes article text itself.

use std::sync::OnceLock;

use crosscheck_core::{Article, Bundle, BundleError};

static BUNDLE_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The decoded corpus, or why it could not be decoded (a build problem the
/// app reports on screen rather than panicking).
pub fn bundle() -> Result<&'static Bundle, &'static BundleError> {
    static DECODED: OnceLock<Result<Bundle, BundleError>> = OnceLock::new();
    DECODED
        .get_or_init(|| Bundle::from_bytes(BUNDLE_BYTES))
        .as_ref()
}

/// Finds an article by the id taken from a URL. Malformed ids are rejected
/// before the lookup, so a URL can never match something it should not.
pub fn find(id: &str) -> Option<&'static Article> {
    if !crosscheck_core::id::is_valid(id) {
        return None;
    }
    bundle().ok()?.article(id)
}
