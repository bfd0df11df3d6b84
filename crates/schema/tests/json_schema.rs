//! The checked-in JSON Schema is the contract scripts depend on: it must be
//! what the types generate, and it must accept a real-looking record.

use referat_schema::{json_schema, Record};

const CHECKED_IN: &str = include_str!("../record.schema.json");
const SAMPLE: &str = include_str!("sample-record.json");

#[test]
fn checked_in_schema_matches_the_types() {
    assert!(
        CHECKED_IN == json_schema(),
        "record.schema.json is stale: run `cargo run -p referat-schema --example write_schema`"
    );
}

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(CHECKED_IN).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("schema compiles")
}

#[test]
fn hand_written_sample_validates() {
    let sample: serde_json::Value = serde_json::from_str(SAMPLE).expect("sample is JSON");
    let validator = validator();
    let errors: Vec<String> = validator
        .iter_errors(&sample)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "sample fails the schema: {errors:?}");
    // And the types read it back.
    let record: Record = serde_json::from_value(sample).expect("sample deserialises");
    assert_eq!(record.items[0].sections.len(), 2);
}

#[test]
fn schema_rejects_a_wrong_enum_value() {
    let mut sample: serde_json::Value = serde_json::from_str(SAMPLE).expect("sample is JSON");
    sample["doc_type"] = serde_json::json!("minutes");
    assert!(!validator().is_valid(&sample));
    let mut sample: serde_json::Value = serde_json::from_str(SAMPLE).expect("sample is JSON");
    sample["items"][0]["sections"][0]["kind"] = serde_json::json!("decision");
    assert!(!validator().is_valid(&sample));
}

#[test]
fn schema_requires_the_contract_fields() {
    let mut sample: serde_json::Value = serde_json::from_str(SAMPLE).expect("sample is JSON");
    sample
        .as_object_mut()
        .expect("object")
        .remove("schema_version");
    assert!(!validator().is_valid(&sample));
}
