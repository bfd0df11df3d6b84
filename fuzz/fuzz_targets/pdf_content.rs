//! The PDF content-stream interpreter, fonts and ToUnicode CMaps: the input
//! is a page's content stream, optionally followed by the separator and a
//! CMap, wrapped into a valid one-page PDF.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    referat_fuzz::allow_caught_panics();
    let parts = referat_fuzz::parts(data, 2);
    let cmap = parts.get(1).copied().unwrap_or(b"");
    let pdf = referat_fuzz::pdf_with_content(parts[0], cmap);
    let _ = referat_parser::pdf::read(&pdf);
});
