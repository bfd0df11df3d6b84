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

#[test]
fn checked_in_meeting_schema_matches_the_types() {
    assert!(
        include_str!("../meeting.schema.json") == referat_schema::meeting_json_schema(),
        "meeting.schema.json is stale: run `cargo run -p referat-schema --example write_schema`"
    );
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../meeting.schema.json")).expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    // A meeting needs its id and documents; a document kind is one of the list.
    let meeting = serde_json::json!({
        "meeting_id": "0123456789abcdef",
        "municipality": "Ballerup",
        "body": "Sundheds- og Forebyggelsesudvalget",
        "date": "2012-12-04",
        "start_time": null,
        "documents": [{
            "document_id": "aa", "kind": "item", "doc_type": "referat", "title": null,
            "municipality": "Ballerup", "body": null, "date": null,
            "renditions": [{"doc_id": "aa", "format": "pdf", "sha256": "00", "paths": ["/a.pdf"]}]
        }],
        "items": []
    });
    assert!(validator.is_valid(&meeting));
    let mut wrong = meeting.clone();
    wrong["documents"][0]["kind"] = serde_json::json!("bilag");
    assert!(!validator.is_valid(&wrong));
    let mut wrong = meeting;
    wrong.as_object_mut().expect("object").remove("meeting_id");
    assert!(!validator.is_valid(&wrong));
}
