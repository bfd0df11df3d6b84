//! The roles a person has in a record, for `Query::roles` and the role of
//! the matched person in a hit.

use referat_schema::Record;
use serde::{Deserialize, Serialize};

/// A person's role in one record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PersonRole {
    /// Listed as attending (Deltagere, Til stede).
    Attended,
    /// Listed as absent, with or without notice (Afbud, U/afbud).
    Absent,
    /// Attending as the chair (formand, forperson, borgmester, …).
    Chair,
    /// The minute taker (Referent).
    MinuteTaker,
    /// The author of a memo (Fra).
    Author,
    /// A guest (Gæst, Øvrige deltagere).
    Guest,
    /// Named anywhere in the record.
    Mentioned,
}

impl PersonRole {
    /// Every role, in a fixed order (the schema's field order).
    pub const ALL: [PersonRole; 7] = [
        PersonRole::Attended,
        PersonRole::Absent,
        PersonRole::Chair,
        PersonRole::MinuteTaker,
        PersonRole::Author,
        PersonRole::Guest,
        PersonRole::Mentioned,
    ];

    /// The name used on the command line and in JSON ("minute-taker").
    pub fn as_str(self) -> &'static str {
        match self {
            PersonRole::Attended => "attended",
            PersonRole::Absent => "absent",
            PersonRole::Chair => "chair",
            PersonRole::MinuteTaker => "minute-taker",
            PersonRole::Author => "author",
            PersonRole::Guest => "guest",
            PersonRole::Mentioned => "mentioned",
        }
    }

    /// What the role means, in a few words (for `--help`).
    pub fn describe(self) -> &'static str {
        match self {
            PersonRole::Attended => "listed as attending",
            PersonRole::Absent => "listed as absent (afbud, u/afbud)",
            PersonRole::Chair => "attending as chair (formand, borgmester, …)",
            PersonRole::MinuteTaker => "took the minutes",
            PersonRole::Author => "wrote the memo",
            PersonRole::Guest => "a guest",
            PersonRole::Mentioned => "named anywhere",
        }
    }

    /// The role named `name` (as [`PersonRole::as_str`] gives it).
    pub fn parse(name: &str) -> Option<PersonRole> {
        let name = name.trim().to_lowercase().replace('_', "-");
        PersonRole::ALL.into_iter().find(|r| r.as_str() == name)
    }
}

impl std::fmt::Display for PersonRole {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Words of a role beside an attendee's name that make the attendee the
/// chair of the meeting: the titles Danish minutes give the person who
/// chairs (formand / forkvinde / forperson of a committee or council, the
/// mayor who chairs the city council, "mødeleder", "ordstyrer"). A
/// vice-chair ("næstformand") is not the chair, so a role is matched by
/// whole words.
const CHAIR_WORDS: [&str; 7] = [
    "formand",
    "forkvinde",
    "forperson",
    "borgmester",
    "mødeleder",
    "ordstyrer",
    "formanden",
];

/// Whether a role written beside a name ("formand", "(Formand, A)",
/// "borgmester") makes the person the chair.
pub fn is_chair_role(role: &str) -> bool {
    role.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| CHAIR_WORDS.contains(&word))
}

/// The names of a record by role: each role with the names that have it.
pub fn names_by_role(record: &Record) -> Vec<(PersonRole, Vec<String>)> {
    let names = |people: &[referat_schema::Person]| -> Vec<String> {
        people.iter().map(|p| p.name.clone()).collect()
    };
    let mut absent = names(&record.absent);
    absent.extend(names(&record.absent_without_notice));
    let chair: Vec<String> = record
        .attendees
        .iter()
        .filter(|p| p.role.as_deref().is_some_and(is_chair_role))
        .map(|p| p.name.clone())
        .collect();
    let mut mentioned: Vec<String> = Vec::new();
    for summary in &record.persons {
        mentioned.push(summary.name.clone());
        mentioned.extend(summary.variants.iter().cloned());
    }
    for item in &record.items {
        mentioned.extend(item.persons.iter().cloned());
    }
    vec![
        (PersonRole::Attended, names(&record.attendees)),
        (PersonRole::Absent, absent),
        (PersonRole::Chair, chair),
        (
            PersonRole::MinuteTaker,
            record.minute_taker.iter().map(|p| p.name.clone()).collect(),
        ),
        (
            PersonRole::Author,
            record.author.iter().map(|p| p.name.clone()).collect(),
        ),
        (PersonRole::Guest, names(&record.guests)),
        (PersonRole::Mentioned, mentioned),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_by_name() {
        for role in PersonRole::ALL {
            assert_eq!(PersonRole::parse(role.as_str()), Some(role));
        }
        assert_eq!(
            PersonRole::parse("minute_taker"),
            Some(PersonRole::MinuteTaker)
        );
        assert_eq!(PersonRole::parse("boss"), None);
    }

    #[test]
    fn chair_is_the_formand_not_the_vice_chair() {
        assert!(is_chair_role("formand"));
        assert!(is_chair_role("(Formand, A)"));
        assert!(is_chair_role("Borgmester"));
        assert!(!is_chair_role("næstformand"));
        assert!(!is_chair_role("Center for Sociale Indsatser"));
    }
}
