//! Saving bytes the app made as a file on the reader's device (the export
//! of imported articles): a link to an object URL, clicked, then revoked.

use wasm_bindgen::JsCast;

/// Offers `bytes` as a download named `name`; the error is a sentence.
pub fn download(name: &str, bytes: &[u8]) -> Result<(), String> {
    let failed = |_| "The browser refused to save the file.".to_owned();
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/octet-stream");
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(failed)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(failed)?;
    let document = gloo_utils::document();
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(failed)?
        .dyn_into()
        .map_err(|_| "The browser refused to save the file.".to_owned())?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // Some browsers start reading the file after `click` returns: the URL
    // is released a while later, not at once.
    gloo_timers::callback::Timeout::new(60_000, move || {
        web_sys::Url::revoke_object_url(&url).ok();
    })
    .forget();
    Ok(())
}
