//! Regenerates the checked-in JSON Schema after a change to the types:
//! `cargo run -p referat-schema --example write_schema`.

fn main() -> std::io::Result<()> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/record.schema.json");
    std::fs::write(path, referat_schema::json_schema())?;
    eprintln!("wrote {path}");
    Ok(())
}
