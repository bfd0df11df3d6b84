//! A Danish-aware full-text index of referat records, on tantivy.

pub mod analysis;
