//! The reader's files, as the browser hands them over: chosen in a file
//! input (files, or a folder) or dropped on the page (files and folders),
//! read into memory for an import.
//!
//! Files are read [`AT_ONCE`] at a time: reading one, waiting, then the
//! next made a folder of 2,000 small files take seconds of round trips
//! alone. Dropped folders are walked with the entries API, which hands out
//! a folder's entries a hundred or so at a time.

use crosscheck_core::files::is_article_file;
use crosscheck_core::import::{too_large, Outcome};
use js_sys::{Array, Promise, Reflect, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DataTransfer, File, FileList, FileSystemDirectoryEntry, FileSystemFileEntry};

use crate::import::FileResult;
use crate::worker::ImportFile;

/// Files read at the same time, and at most this many bytes of them (64
/// files of 50 MB would hold gigabytes at once).
const AT_ONCE: usize = 64;
const BYTES_AT_ONCE: u64 = 64 * 1024 * 1024;

/// A file to read and the name it is imported under (its path in a
/// folder).
pub struct Chosen {
    pub name: String,
    pub file: File,
}

/// The files of a file input; `folder` when it picks a folder, whose files
/// are named by their path in it and filtered to those a corpus folder
/// would hold (no README, no images).
pub fn from_list(list: &FileList, folder: bool) -> Vec<Chosen> {
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|file| {
            let name = if folder {
                Reflect::get(&file, &"webkitRelativePath".into())
                    .ok()
                    .and_then(|v| v.as_string())
                    .filter(|p| !p.is_empty())
                    .unwrap_or_else(|| file.name())
            } else {
                file.name()
            };
            (!folder || is_article_file(&name)).then_some(Chosen { name, file })
        })
        .collect()
}

/// What was dropped on the page: files, and folders to walk with
/// [`walk`]. Called in the drop event's handler itself: once it returns,
/// the browser empties the dropped list.
pub fn dropped(transfer: &DataTransfer) -> (Vec<Chosen>, Vec<FileSystemDirectoryEntry>) {
    let mut chosen = Vec::new();
    let mut folders = Vec::new();
    let items = transfer.items();
    for i in 0..items.length() {
        let Some(item) = items.get(i) else { continue };
        match item.webkit_get_as_entry() {
            Ok(Some(entry)) if entry.is_directory() => {
                folders.push(entry.unchecked_into::<FileSystemDirectoryEntry>());
            }
            _ => {
                if let Ok(Some(file)) = item.get_as_file() {
                    chosen.push(Chosen {
                        name: file.name(),
                        file,
                    });
                }
            }
        }
    }
    (chosen, folders)
}

/// The files dropped folders hold at any depth, named by their path and
/// filtered as for a folder chosen in a file input.
pub async fn walk(mut folders: Vec<FileSystemDirectoryEntry>) -> Vec<Chosen> {
    let mut chosen = Vec::new();
    // Depth first, with a stack: an async fn cannot call itself.
    while let Some(folder) = folders.pop() {
        let reader = folder.create_reader();
        loop {
            let batch = Promise::new(&mut |resolve, reject| {
                if let Err(e) = reader.read_entries_with_callback_and_callback(&resolve, &reject) {
                    let _ = reject.call1(&wasm_bindgen::JsValue::NULL, &e);
                }
            });
            let Ok(batch) = JsFuture::from(batch).await else {
                break;
            };
            let batch: Array = batch.unchecked_into();
            if batch.length() == 0 {
                break;
            }
            for entry in batch.iter() {
                let entry: web_sys::FileSystemEntry = entry.unchecked_into();
                if entry.is_directory() {
                    folders.push(entry.unchecked_into());
                    continue;
                }
                let name = entry.full_path().trim_start_matches('/').to_owned();
                if !is_article_file(&name) {
                    continue;
                }
                let entry: FileSystemFileEntry = entry.unchecked_into();
                let file = Promise::new(&mut |resolve, reject| {
                    entry.file_with_callback_and_callback(&resolve, &reject);
                });
                if let Ok(file) = JsFuture::from(file).await {
                    chosen.push(Chosen {
                        name,
                        file: file.unchecked_into(),
                    });
                }
            }
        }
    }
    chosen
}

/// Reads `chosen` into memory, [`AT_ONCE`] at a time, in order: the files
/// read, and a refusal for each too large to read or that the browser
/// could not read.
pub async fn read(chosen: Vec<Chosen>) -> (Vec<ImportFile>, Vec<FileResult>) {
    let (mut files, mut refused) = (Vec::new(), Vec::new());
    let mut rest = chosen.iter().peekable();
    while rest.peek().is_some() {
        // The size is asked here, a group at a time, not for every file
        // first: for a file on disk the browser looks it up there, and
        // two thousand lookups at once held the page for over half a
        // second.
        let (mut reading, mut bytes) = (Vec::new(), 0);
        while reading.len() < AT_ONCE && bytes < BYTES_AT_ONCE {
            let Some(c) = rest.next() else { break };
            let size = c.file.size() as u64;
            match too_large(size) {
                Some(outcome) => refused.push(FileResult {
                    name: c.name.clone(),
                    outcome,
                }),
                None => {
                    bytes += size;
                    reading.push(c);
                }
            }
        }
        // Each file settles on its own: one unreadable file does not fail
        // the others read with it.
        let reads: Array = reading
            .iter()
            .map(|c| Promise::resolve(&c.file.array_buffer()))
            .collect();
        let settled = JsFuture::from(Promise::all_settled(&reads))
            .await
            .map(|v| v.unchecked_into::<Array>())
            .unwrap_or_default();
        for (i, c) in reading.iter().enumerate() {
            let result = settled.get(i as u32);
            let value = Reflect::get(&result, &"value".into()).ok();
            match value.filter(|v| v.is_instance_of::<js_sys::ArrayBuffer>()) {
                Some(buffer) => files.push(ImportFile {
                    name: c.name.clone(),
                    bytes: Uint8Array::new(&buffer).to_vec(),
                }),
                None => refused.push(FileResult {
                    name: c.name.clone(),
                    outcome: Outcome::Refused {
                        reason: "the browser could not read the file".into(),
                    },
                }),
            }
        }
    }
    (files, refused)
}
