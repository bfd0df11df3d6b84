//! One module per top-level command.

pub mod completions;
pub mod parse;
