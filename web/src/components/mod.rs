//! Reusable view pieces.

pub mod anchor_link;
pub mod annotated;
pub mod entity_list;
pub mod facet_chips;
pub mod header;
pub mod import_panel;
pub mod marked;
pub mod search_box;
pub mod share_button;
pub mod theme_toggle;
pub mod update_banner;
