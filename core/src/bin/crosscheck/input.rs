//! Gathering article files from the paths given on the command line.

use std::fs;
use std::path::{Path, PathBuf};

use crosscheck_core::files::is_article_file;

/// One article file: the name it is known by (relative to the folder it was
/// found in, or its file name), where it is, and its bytes.
pub struct InputFile {
    pub name: String,
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

/// A path that could not be read, with the reason.
pub struct InputError {
    pub path: PathBuf,
    pub reason: String,
}

/// Reads the files named in `paths` and every article file
/// ([`is_article_file`]: `.txt` and `.md`, not a README or licence) in the
/// folders among them, recursively, sorted by name. Unreadable paths are
/// reported, not fatal.
pub fn gather(paths: &[PathBuf]) -> (Vec<InputFile>, Vec<InputError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, path, &mut files, &mut errors),
            Ok(_) => {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| path.to_string_lossy().into_owned());
                read(name, path, &mut files, &mut errors);
            }
            Err(e) => errors.push(InputError {
                path: path.clone(),
                reason: e.to_string(),
            }),
        }
    }
    files.sort_by(|a, b| (&a.name, &a.path).cmp(&(&b.name, &b.path)));
    (files, errors)
}

fn walk(root: &Path, dir: &Path, files: &mut Vec<InputFile>, errors: &mut Vec<InputError>) {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(InputError {
                path: dir.to_owned(),
                reason: e.to_string(),
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(root, &path, files, errors);
        } else if is_article_file(&path.to_string_lossy()) {
            let name = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            read(name, &path, files, errors);
        }
    }
}

fn read(name: String, path: &Path, files: &mut Vec<InputFile>, errors: &mut Vec<InputError>) {
    match fs::read(path) {
        Ok(bytes) => files.push(InputFile {
            name,
            path: path.to_owned(),
            bytes,
        }),
        Err(e) => errors.push(InputError {
            path: path.to_owned(),
            reason: e.to_string(),
        }),
    }
}
