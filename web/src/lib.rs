//! The Crosscheck browser app. It only renders and routes: every fact it
//! shows comes from `crosscheck-core`, decoded from the bundle embedded at
//! build time (see `build.rs` and [`corpus`]).
//!
//! Layout: [`app`] holds the route table and the shell, [`pages`] has one
//! module per route, [`components`] holds reusable pieces.

pub mod app;
pub mod browser;
pub mod components;
pub mod corpus;
pub mod pages;
pub mod search;

pub use app::{App, Route};
