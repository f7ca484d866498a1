//! Decoding a bundle allocates in proportion to its length: a length prefix
//! cannot make the decoder reserve memory the bytes do not back. postcard
//! compares each sequence's length prefix with the bytes left before
//! reserving room for it (and serde caps any reservation at 1 MiB), strings
//! and byte strings are copied only after their bytes are found, the
//! checks after decoding allocate no more than the decoded data, and the
//! search index built from the decoded articles grows with their words. This test
//! measures it with a counting allocator, on tiny inputs whose prefixes
//! claim billions of items and on every single-byte change of a real
//! bundle.
//!
//! One test in its own binary: the allocator counts per thread, so the
//! harness's other threads do not disturb the peaks.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use crosscheck_core::{Bundle, BundleDecoder, BundleError};

struct Counting;

thread_local! {
    static LIVE: Cell<usize> = const { Cell::new(0) };
    static PEAK: Cell<usize> = const { Cell::new(0) };
}

fn add(n: usize) {
    let _ = LIVE.try_with(|l| {
        l.set(l.get() + n);
        let _ = PEAK.try_with(|p| p.set(p.get().max(l.get())));
    });
}

fn sub(n: usize) {
    let _ = LIVE.try_with(|l| l.set(l.get().saturating_sub(n)));
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        add(layout.size());
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        sub(layout.size());
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        sub(layout.size());
        add(new_size);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The most bytes live at once while decoding `bytes`, beyond what was live
/// before, without building the search index (measured on its own below:
/// its writer's fixed table would hide the decoder's growth in these small
/// inputs).
fn peak_while_decoding(bytes: &[u8]) -> (usize, bool) {
    peak_while(|| {
        let mut decoder = BundleDecoder::new(bytes)?.leave_index();
        loop {
            if let Some(bundle) = decoder.step(usize::MAX)? {
                return Ok(bundle);
            }
        }
    })
}

/// The most bytes live at once while running `decode`, and whether it
/// gave a bundle.
fn peak_while(decode: impl FnOnce() -> Result<Bundle, BundleError>) -> (usize, bool) {
    let base = LIVE.with(Cell::get);
    PEAK.with(|p| p.set(base));
    let ok = decode().is_ok();
    (PEAK.with(Cell::get) - base, ok)
}

/// postcard's variable-length integer.
fn varint(mut v: u64) -> Vec<u8> {
    let mut out = Vec::new();
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
    out
}

/// A length prefix may make room for as many items as bytes are left to
/// back them, so the most memory one input byte can account for is the
/// largest item a bundle holds a list of: an article (a few bytes on the
/// wire when empty, a few hundred in memory).
const BYTES_PER_INPUT_BYTE: usize = std::mem::size_of::<crosscheck_core::Article>();
/// Allowance for what any decode allocates whatever its input.
const FIXED: usize = 4096;
/// What writing the search index allocates whatever its size, once every
/// article is read: the vocabulary's FST builder keeps a fixed-size table
/// of recent nodes (about 1 MB) to share suffixes.
const INDEX_WRITER: usize = 1 << 20;

#[test]
fn decoding_allocates_in_proportion_to_the_input() {
    let real = Bundle::build(vec![
        (
            "a.txt".into(),
            b"Envoys meet\nSteve Witkoff met officials in Moscow for nearly four hours.".to_vec(),
        ),
        (
            "b.txt".into(),
            b"Loan agreed\nThe EU agreed a loan.".to_vec(),
        ),
    ])
    .unwrap()
    .to_bytes();
    let header = &real[..6];
    // The empty index a decoder leaves is copied from one written once per
    // process (its FST writer's table is the 1 MB allowed for above):
    // write it before measuring.
    drop(crosscheck_core::SearchIndex::default());

    // Tiny inputs with huge length prefixes: the article list, the first
    // article's id (a string), then each claiming 2^32 and 2^63 items.
    for huge in [u32::MAX as u64, 1 << 40, u64::MAX >> 1] {
        let mut articles = header.to_vec();
        articles.extend(varint(huge));
        let mut id = header.to_vec();
        id.extend(varint(1));
        id.extend(varint(huge));
        id.extend(b"a");
        for input in [articles, id] {
            let (peak, ok) = peak_while_decoding(&input);
            assert!(!ok);
            assert!(
                peak <= FIXED,
                "{} input bytes claiming {huge} items made {peak} bytes live",
                input.len()
            );
        }
    }

    // Every single-byte change of a real bundle, and every cut.
    let bound = |len: usize| BYTES_PER_INPUT_BYTE * len + FIXED;
    let mut worst = 0f64;
    for at in 0..real.len() {
        for value in [0x00, 0x7F, 0xFF] {
            let mut damaged = real.clone();
            damaged[at] = value;
            let (peak, _) = peak_while_decoding(&damaged);
            assert!(peak <= bound(damaged.len()), "byte {at} = {value}: {peak}");
            worst = worst.max(peak.saturating_sub(FIXED) as f64 / damaged.len() as f64);
        }
        let (peak, _) = peak_while_decoding(&real[..at]);
        assert!(peak <= bound(at), "cut at {at}: {peak}");
    }
    let (whole, ok) = peak_while_decoding(&real);
    assert!(ok);
    // With the index built from the decoded articles, as `from_bytes`
    // does: the words' postings and the FST writer's table on top.
    let (indexed, ok) = peak_while(|| Bundle::from_bytes(&real));
    assert!(ok);
    assert!(indexed <= bound(real.len()) + INDEX_WRITER, "{indexed}");
    println!(
        "a {}-byte bundle: {whole} bytes live at most ({indexed} with its \
         index); beyond {FIXED} bytes, at most {worst:.1} bytes live per \
         input byte for any changed byte (bound {BYTES_PER_INPUT_BYTE})",
        real.len()
    );
}
