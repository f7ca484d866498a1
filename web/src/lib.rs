//! The Crosscheck browser app. It only renders and routes: every fact it
//! shows comes from `crosscheck-core`, decoded from the corpus data file the
//! build writes beside the code (see [`browser::data`] and [`state`]).
//!
//! Layout: [`app`] holds the route table, the shell and the app; [`state`]
//! the corpus the app shows, provided to every view through a context and
//! read with the [`hooks`]; [`pages`] has one module per route,
//! [`components`] holds reusable pieces, [`browser`] thin wrappers over
//! browser APIs, [`search`] the bridge from search results to view data.

pub mod app;
pub mod browser;
pub mod components;
pub mod hooks;
pub mod import;
pub mod pages;
pub mod search;
pub mod state;
pub mod worker;

pub use app::{App, Route};
