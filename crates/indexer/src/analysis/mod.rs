//! Danish text analysis for tantivy.
