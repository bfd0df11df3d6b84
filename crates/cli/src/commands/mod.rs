//! One module per top-level command.

pub mod attendance;
pub mod bench;
pub mod completions;
pub mod export;
pub mod ingest;
pub mod meeting;
pub mod parse;
pub mod persons;
pub mod search;
pub mod serve;
pub mod show;
pub mod stats;
pub mod timeline;
