//! The legacy Word (.doc) reader on raw file bytes, through format
//! detection as `referat parse` runs it.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    referat_fuzz::allow_caught_panics();
    let _ = referat_parser::read_blocks(std::path::Path::new("fuzz.doc"), data);
});
