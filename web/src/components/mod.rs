//! Reusable view pieces.

pub mod annotated;
pub mod entity_list;
pub mod header;
