use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A person as a document lists them: in an attendee list, as minute taker,
/// as a memo's author.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Person {
    /// The name as written, e.g. "Jette Nyboe" or "Rene".
    pub name: String,
    /// A role or organisation given beside the name ("formand",
    /// "Center for Sociale Indsatser"), if any.
    pub role: Option<String>,
}

impl Person {
    /// A person with a name and no role.
    pub fn named(name: impl Into<String>) -> Self {
        Person {
            name: name.into(),
            role: None,
        }
    }
}

/// Everyone named in one document, with how often and in which roles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PersonSummary {
    /// The fullest form of the name found in the document. A first-name-only
    /// mention is folded into the one full name with that first name, where
    /// there is exactly one.
    pub name: String,
    /// How many times the person is mentioned (lists and running text).
    pub mentions: u32,
    /// Roles the document gives the person: "deltager", "afbud", "referent",
    /// "formand", "talsperson", …
    pub roles: Vec<String>,
    /// Other forms of the name seen in this document (e.g. the first name alone).
    #[serde(default)]
    pub variants: Vec<String>,
}
