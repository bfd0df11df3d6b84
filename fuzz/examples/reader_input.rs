//! Writes the file a reader sees for a fuzz input, so a crasher of a target
//! that wraps its input (`pdf_content`, `docx_xml`) can be kept as a whole
//! PDF or DOCX in `tests/fixtures/hostile/fuzz/` (see FUZZING.md).
//!
//! ```sh
//! cargo run --example reader_input -- pdf_content artifacts/pdf_content/timeout-… out.pdf
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [target, input, output] = args.as_slice() else {
        eprintln!("usage: reader_input TARGET INPUT OUTPUT");
        return ExitCode::from(2);
    };
    let data = match std::fs::read(input) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{input}: {e}");
            return ExitCode::from(2);
        }
    };
    let file = match target.as_str() {
        "pdf_content" => {
            let parts = referat_fuzz::parts(&data, 2);
            referat_fuzz::pdf_with_content(parts[0], parts.get(1).copied().unwrap_or(b""))
        }
        "docx_xml" => {
            let parts = referat_fuzz::parts(&data, 3);
            let part = |i: usize| parts.get(i).copied();
            referat_fuzz::docx_with_parts(parts[0], part(1), part(2))
        }
        // The other targets read the input as it is.
        _ => data,
    };
    if let Err(e) = std::fs::write(output, file) {
        eprintln!("{output}: {e}");
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}
