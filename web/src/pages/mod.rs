//! One module per route.

pub mod article;
pub mod compare;
pub mod focus;
pub mod library;
pub mod not_found;
pub mod overview;
pub mod search;
pub mod synopsis;
