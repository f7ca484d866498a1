//! "Add articles": the reader's own files (many at once, or a folder) and
//! pasted text, imported into the corpus by the corpus worker, with
//! progress, a cancel button and one line per file saying what became of
//! it. Shown on the library page; the import itself belongs to the app
//! ([`crate::import`]), so it goes on while the reader browses.

use std::rc::Rc;

use crosscheck_core::import::{is_imported, Outcome};
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::browser::files as browser_files;
use crate::hooks::use_corpus;
use crate::import::{pasted_file, save_export, FileResult, Handed, Importer, Kept, Phase};

fn value(node: &NodeRef) -> String {
    node.cast::<HtmlInputElement>()
        .map(|i| i.value())
        .or_else(|| node.cast::<HtmlTextAreaElement>().map(|t| t.value()))
        .unwrap_or_default()
}

fn clear(node: &NodeRef) {
    if let Some(i) = node.cast::<HtmlInputElement>() {
        i.set_value("");
    } else if let Some(t) = node.cast::<HtmlTextAreaElement>() {
        t.set_value("");
    }
}

#[component]
pub fn ImportPanel() -> Html {
    let importer = use_context::<Importer>();
    let files = use_node_ref();
    let folder = use_node_ref();
    let fields: Rc<[NodeRef; 5]> = use_memo((), |_| std::array::from_fn(|_| NodeRef::default()));
    let exported = use_state_eq(|| None::<String>);
    let corpus = use_corpus();
    let Some(importer) = importer else {
        return html! {};
    };
    let imported_ids: Vec<String> = corpus
        .articles()
        .iter()
        .filter(|a| is_imported(&a.id))
        .map(|a| a.id.clone())
        .collect();
    let imported = imported_ids.len();
    let export = {
        let exported = exported.clone();
        Callback::from(move |_: MouseEvent| {
            let exported = exported.clone();
            wasm_bindgen_futures::spawn_local(async move {
                exported.set(Some(save_export(None).await));
            });
        })
    };
    let remove_all = {
        let remove = importer.remove_all.clone();
        Callback::from(move |_: MouseEvent| {
            let sure = gloo_utils::window()
                .confirm_with_message(&if imported_ids.is_empty() {
                    "Forget the stored records that could not be read back?".to_owned()
                } else {
                    format!(
                        "Remove all {} imported articles from this browser? Your own files are not touched.",
                        imported_ids.len()
                    )
                })
                .unwrap_or(false);
            if sure {
                remove.emit(imported_ids.clone());
            }
        })
    };
    let busy = importer.state.phase.busy();
    // Kept records this version could not read (named in the results):
    // "Remove them all" forgets them too.
    let unreadable = matches!(importer.state.phase, Phase::Failed(_))
        && importer
            .state
            .results
            .iter()
            .any(|r| matches!(r.outcome, Outcome::Refused { .. }));
    let submit = {
        let (files, folder, fields) = (files.clone(), folder.clone(), fields.clone());
        let start = importer.start.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut chosen = Vec::new();
            for (node, is_folder) in [(&files, false), (&folder, true)] {
                if let Some(input) = node.cast::<HtmlInputElement>() {
                    if let Some(list) = input.files() {
                        chosen.extend(browser_files::from_list(&list, is_folder));
                    }
                    input.set_value("");
                }
            }
            let [title, outlet, date, url, text] = &*fields;
            let mut pasted = Vec::new();
            if !value(text).trim().is_empty() {
                pasted.push(pasted_file(
                    &value(title),
                    &value(outlet),
                    &value(date),
                    &value(url),
                    &value(text),
                ));
                for f in fields.iter() {
                    clear(f);
                }
            }
            start.emit(Handed {
                files: chosen,
                pasted,
                ..Handed::default()
            });
        })
    };
    let cancel = {
        let cancel = importer.cancel.clone();
        Callback::from(move |_: MouseEvent| cancel.emit(()))
    };
    let [title, outlet, date, url, text] = &*fields;
    let state = &importer.state;
    html! {
        <details class="import" data-testid="import" open={!matches!(state.phase, Phase::Idle) && !state.restoring}>
            <summary class="button">{ "Add articles" }</summary>
            <form class="import-form" onsubmit={submit}>
                <p class="muted">{ "Your files stay in this browser: nothing is uploaded. Text (.txt), Markdown (.md) and web pages saved from a browser (.html) are read; a page's navigation, ads and comments are kept apart from its article." }</p>
                <div class="import-choose">
                    <label>{ "Files " }
                        <input type="file" multiple=true accept=".txt,.md,.markdown,.html,.htm,.xckx,text/plain,text/markdown,text/html"
                            ref={files} data-testid="import-files" disabled={busy} />
                    </label>
                    <label>{ "or a whole folder " }
                        <input type="file" webkitdirectory=true ref={folder} data-testid="import-folder" disabled={busy} />
                    </label>
                </div>
                <fieldset class="import-paste">
                    <legend>{ "Or paste an article" }</legend>
                    <label>{ "Title " }<input type="text" ref={title.clone()} data-testid="import-title" /></label>
                    <label>{ "Outlet " }<input type="text" ref={outlet.clone()} data-testid="import-outlet" /></label>
                    <label>{ "Date " }<input type="date" ref={date.clone()} data-testid="import-date" /></label>
                    <label>{ "Address " }<input type="url" ref={url.clone()} data-testid="import-url" /></label>
                    <label class="wide">{ "Text " }<textarea rows="6" ref={text.clone()} data-testid="import-paste" /></label>
                </fieldset>
                <button type="submit" class="button primary" data-testid="import-submit" disabled={busy}>{ "Add to the corpus" }</button>
            </form>
            { status(&state.phase, cancel) }
            if let Phase::Finished { kept: Kept::No(reason), added } = &state.phase {
                if *added > 0 {
                    <p class="notice" role="alert" data-testid="import-not-kept">
                        { format!("Added for this visit, but not kept in this browser: {reason} Keep your files, or export them below.") }
                    </p>
                }
            }
            if imported > 0 || unreadable {
                <div class="import-manage">
                    <p class="muted">{ format!("{imported} imported article{} in this browser.", if imported == 1 { "" } else { "s" }) }</p>
                    <button type="button" class="button" data-testid="export-imported" onclick={export} disabled={busy}>{ "Export them as one file" }</button>
                    <button type="button" class="button" data-testid="remove-imported" onclick={remove_all} disabled={busy}>{ "Remove them all" }</button>
                    if let Some(message) = &*exported {
                        <span class="muted" role="status">{ message }</span>
                    }
                </div>
            }
            if !state.results.is_empty() {
                { results(&state.results) }
            }
        </details>
    }
}

/// What the import is doing, with a cancel button while it reads files.
fn status(phase: &Phase, cancel: Callback<MouseEvent>) -> Html {
    let (text, progress): (String, Option<(usize, usize)>) = match phase {
        Phase::Gathering { files } => (
            format!(
                "Reading your {files} file{}…",
                if *files == 1 { "" } else { "s" }
            ),
            None,
        ),
        Phase::Idle => return html! {},
        Phase::Restoring => (
            "Looking for the articles you imported in this browser…".into(),
            None,
        ),
        Phase::Starting { total } => (
            format!(
                "Starting: {total} file{} to read…",
                if *total == 1 { "" } else { "s" }
            ),
            Some((0, *total)),
        ),
        Phase::Reading { done, total, file } => (
            format!("Read {done} of {total} files: {file}"),
            Some((*done, *total)),
        ),
        Phase::Indexing { articles } => (
            format!(
                "Indexing and comparing {articles} new article{}…",
                if *articles == 1 { "" } else { "s" }
            ),
            None,
        ),
        Phase::Applying => ("Putting them in place…".into(), None),
        Phase::Finished { added, kept } => {
            let what = match added {
                0 => "no article was added".to_owned(),
                1 => "1 article added".to_owned(),
                n => format!("{n} articles added"),
            };
            let text = match kept {
                Kept::Restored => format!("{what} back from this browser's storage."),
                Kept::Yes if *added > 0 => {
                    format!("Done: {what}, kept in this browser (after a reload and offline too).")
                }
                _ => format!("Done: {what}."),
            };
            (text, None)
        }
        Phase::Removed { count, kept } => {
            let what = format!(
                "{count} imported article{}",
                if *count == 1 { "" } else { "s" }
            );
            let text = match kept {
                Kept::No(reason) if *count == 0 => {
                    format!("This browser's storage could not forget them: {reason}")
                }
                Kept::No(reason) => format!(
                    "Removed {what} for this visit, but this browser's storage could not forget them: {reason} They will be back after a reload."
                ),
                _ if *count == 0 => "Forgot the records that could not be read back.".to_owned(),
                _ => format!("Removed {what} from this browser."),
            };
            (text, None)
        }
        Phase::Cancelled => ("Cancelled: nothing was added.".into(), None),
        Phase::Failed(reason) => (reason.clone(), None),
    };
    let can_cancel = matches!(phase, Phase::Starting { .. } | Phase::Reading { .. });
    // What a screen reader announces: the phase, not every file read
    // (the visible line changes many times a second).
    let announced = match phase {
        Phase::Reading { total, .. } => format!("Reading {total} files…"),
        _ => text.clone(),
    };
    html! {
        <div class="import-status" data-testid="import-status">
            <p>{ text }</p>
            <p class="visually-hidden" role="status">{ announced }</p>
            if let Some((done, total)) = progress {
                <progress max={total.max(1).to_string()} value={done.to_string()} aria-label="Files read"></progress>
            }
            if can_cancel {
                <button type="button" class="button" data-testid="import-cancel" onclick={cancel}>{ "Cancel" }</button>
            }
        </div>
    }
}

/// Lines of added files drawn; every file not added is always drawn.
const ADDED_LINES: usize = 200;

/// A count of each outcome, then a line per file: every one not added, and
/// the first [`ADDED_LINES`] added ones (a folder of thousands would
/// otherwise be thousands of lines redrawn as it grows).
fn results(all: &[FileResult]) -> Html {
    let count = |f: fn(&Outcome) -> bool| all.iter().filter(|r| f(&r.outcome)).count();
    let added = count(|o| matches!(o, Outcome::Added { .. }));
    let duplicates = count(|o| matches!(o, Outcome::Duplicate { .. }));
    let refused = count(|o| matches!(o, Outcome::Refused { .. }));
    let mut shown_added = 0;
    let lines = all.iter().filter(|r| {
        if matches!(r.outcome, Outcome::Added { .. }) {
            shown_added += 1;
            shown_added <= ADDED_LINES
        } else {
            true
        }
    });
    html! {
        <>
            <p class="import-counts" data-testid="import-counts">
                { format!("{} file{}: {added} added, {duplicates} already in the corpus, {refused} not added.",
                    all.len(), if all.len() == 1 { "" } else { "s" }) }
            </p>
            <ul class="import-results" data-testid="import-results">
                { for lines.map(result) }
                if added > ADDED_LINES {
                    <li class="muted">{ format!("and {} more added", added - ADDED_LINES) }</li>
                }
            </ul>
        </>
    }
}

fn result(r: &FileResult) -> Html {
    let (class, body) = match &r.outcome {
        Outcome::Added { id } => (
            "added",
            html! {
                <>{ "added: " }<Link<Route> to={Route::Article { id: id.clone() }}>{ "open" }</Link<Route>></>
            },
        ),
        Outcome::Duplicate { id } => (
            "duplicate",
            html! {
                <>{ "already in the corpus: " }<Link<Route> to={Route::Article { id: id.clone() }}>{ "open it" }</Link<Route>></>
            },
        ),
        Outcome::Refused { reason } => {
            ("refused", html! { <>{ format!("not added: {reason}") }</> })
        }
    };
    html! {
        <li class={classes!("import-result", class)} data-testid="import-result">
            <strong>{ &r.name }</strong>{ " — " }{ body }
        </li>
    }
}

#[derive(Properties, PartialEq)]
pub struct DropZoneProps {
    pub children: Html,
}

/// Takes files and folders dropped anywhere on its children into the
/// corpus, as "Add articles" would, and says so while they are dragged
/// over it.
#[component]
pub fn ImportDropZone(props: &DropZoneProps) -> Html {
    let importer = use_context::<Importer>();
    let over = use_state_eq(|| false);
    let Some(importer) = importer else {
        return props.children.clone();
    };
    let busy = importer.state.phase.busy();
    let carries_files = |e: &DragEvent| {
        e.data_transfer().is_some_and(|t| {
            t.types()
                .iter()
                .any(|t| t.as_string().as_deref() == Some("Files"))
        })
    };
    let ondragover = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            if carries_files(&e) {
                // Without this the browser opens the file instead.
                e.prevent_default();
                over.set(true);
            }
        })
    };
    let ondragleave = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            // Leaving for a child element is not leaving the zone.
            let inside = e
                .related_target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                .zip(
                    e.current_target()
                        .and_then(|t| t.dyn_into::<web_sys::Node>().ok()),
                )
                .is_some_and(|(to, zone)| zone.contains(Some(&to)));
            if !inside {
                over.set(false);
            }
        })
    };
    let ondrop = {
        let (over, start) = (over.clone(), importer.start.clone());
        Callback::from(move |e: DragEvent| {
            if !carries_files(&e) {
                return;
            }
            e.prevent_default();
            over.set(false);
            if busy {
                return;
            }
            let Some(transfer) = e.data_transfer() else {
                return;
            };
            let (files, folders) = browser_files::dropped(&transfer);
            start.emit(Handed {
                files,
                folders,
                pasted: Vec::new(),
            });
        })
    };
    html! {
        <div class={classes!("drop-zone", over.then_some("dropping"))} data-testid="import-drop"
             {ondragover} {ondragleave} {ondrop}>
            if *over {
                <p class="drop-hint" aria-hidden="true">{ if busy { "Wait for the import under way to finish." } else { "Drop to add these files to the corpus" } }</p>
            }
            { props.children.clone() }
        </div>
    }
}
