//! Regenerates the checked-in JSON Schemas (record and meeting) after a change to the types:
//! `cargo run -p referat-schema --example write_schema`.

fn main() -> std::io::Result<()> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/record.schema.json");
    std::fs::write(path, referat_schema::json_schema())?;
    eprintln!("wrote {path}");
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/meeting.schema.json");
    std::fs::write(path, referat_schema::meeting_json_schema())?;
    eprintln!("wrote {path}");
    Ok(())
}
