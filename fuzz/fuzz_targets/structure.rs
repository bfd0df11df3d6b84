//! The structure extractor on arbitrary blocks (see
//! `referat_fuzz::blocks_from_bytes`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use referat_schema::Format;

fuzz_target!(|data: &[u8]| {
    let doc = referat_fuzz::blocks_from_bytes(data);
    let source = referat_parser::structure::source_for(
        std::path::Path::new("fuzz.html"),
        Format::Html,
        data,
        &doc,
    );
    let record = referat_parser::structure::extract(&doc, source);
    // The record must serialise: researchers read it as JSON.
    assert!(serde_json::to_string(&record).is_ok());
});
