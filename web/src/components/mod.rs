//! Reusable view pieces.

pub mod annotated;
pub mod entity_list;
pub mod header;
pub mod share_button;
pub mod theme_toggle;
pub mod update_banner;
