//! The DOCX body, style and numbering readers: the input is
//! word/document.xml, optionally followed by the separator and
//! word/styles.xml, and again by word/numbering.xml, wrapped into a package.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    referat_fuzz::allow_caught_panics();
    let parts = referat_fuzz::parts(data, 3);
    let docx =
        referat_fuzz::docx_with_parts(parts[0], parts.get(1).copied(), parts.get(2).copied());
    let _ = referat_parser::docx::read(&docx);
});
