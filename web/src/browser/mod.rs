//! Thin wrappers over browser APIs the views need. Each degrades quietly
//! where the browser lacks the API (no clipboard, no service worker, no
//! storage in a private window), so a missing feature never breaks a page.

pub mod data;
pub mod download;
pub mod fatal;
pub mod files;
pub mod form;
pub mod paint;
pub mod service_worker;
pub mod share;
pub mod store;
pub mod theme;
