//! The corpus data file: where the build put it and how it arrives.
//!
//! The build writes the corpus beside the code under a content-hashed name
//! and names it in `index.html` with
//! `<link rel="preload" as="fetch" data-corpus data-bytes="N" href="…">`
//! (`scripts/post-build.mjs`). The preload starts the download while the
//! code compiles; [`fetch`] then reads the same response chunk by chunk,
//! reporting progress against `data-bytes` (the file's real size: a
//! `Content-Length` counts compressed bytes when the host compresses).

use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlLinkElement, ReadableStreamDefaultReader, Response};

/// Longest stretch of copying chunks before the browser gets a turn.
const YIELD_AFTER_MS: f64 = 8.0;

/// Where the data file is and how large, from the page's `<link>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataFile {
    /// Absolute URL (the link's `href`, resolved against `<base href>`).
    pub url: String,
    /// Size in bytes when the page states it.
    pub bytes: Option<u64>,
    /// The build of the app and its data (`data-build`), when stated.
    pub build: Option<String>,
}

/// The data file named by the page, if any.
pub fn locate() -> Option<DataFile> {
    let link = gloo_utils::document()
        .query_selector("link[data-corpus]")
        .ok()
        .flatten()?
        .dyn_into::<HtmlLinkElement>()
        .ok()?;
    let url = link.href();
    let bytes = link
        .get_attribute("data-bytes")
        .and_then(|b| b.parse().ok());
    let build = link.get_attribute("data-build").filter(|b| !b.is_empty());
    (!url.is_empty()).then_some(DataFile { url, bytes, build })
}

/// Downloads `file`, calling `progress(received)` after each chunk. The
/// error is a sentence for the reader.
pub async fn fetch(file: &DataFile, progress: impl Fn(u64)) -> Result<Vec<u8>, String> {
    let window = gloo_utils::window();
    let response: Response = JsFuture::from(window.fetch_with_str(&file.url))
        .await
        .map_err(|e| format!("the data file could not be fetched ({})", describe(&e)))?
        .dyn_into()
        .map_err(|_| "the data file request gave no response".to_owned())?;
    if !response.ok() {
        return Err(format!(
            "the server answered {} {} for the data file",
            response.status(),
            response.status_text()
        ));
    }
    let Some(body) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: ReadableStreamDefaultReader = body
        .get_reader()
        .dyn_into()
        .map_err(|_| "the data file cannot be read as a stream".to_owned())?;
    // The stated size only reserves room; a wrong one costs a reallocation,
    // never more than 256 MB up front.
    let capacity = file.bytes.unwrap_or(0).min(1 << 28) as usize;
    let mut out = Vec::with_capacity(capacity);
    let mut since_yield = js_sys::Date::now();
    loop {
        // A preloaded or cached file hands over every chunk at once, as one
        // chain of microtasks; yield now and then so the page stays
        // responsive while the bytes are copied.
        if js_sys::Date::now() - since_yield > YIELD_AFTER_MS {
            gloo_timers::future::TimeoutFuture::new(0).await;
            since_yield = js_sys::Date::now();
        }
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|e| format!("the download stopped ({})", describe(&e)))?;
        if Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true)
        {
            break;
        }
        let value = Reflect::get(&chunk, &"value".into()).unwrap_or(JsValue::UNDEFINED);
        let bytes: Uint8Array = value
            .dyn_into()
            .map_err(|_| "the download gave something other than bytes".to_owned())?;
        let start = out.len();
        out.resize(start + bytes.length() as usize, 0);
        bytes.copy_to(&mut out[start..]);
        progress(out.len() as u64);
    }
    Ok(out)
}

/// A JavaScript error's message, or its string form.
fn describe(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}
