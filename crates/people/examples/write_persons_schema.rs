//! Regenerates `crates/people/persons.schema.json`, the JSON Schema of
//! `referat persons --json`: `cargo run -p referat-people --example write_persons_schema`.

fn main() -> std::io::Result<()> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("persons.schema.json");
    std::fs::write(&path, referat_people::json_schema())?;
    println!("wrote {}", path.display());
    Ok(())
}
