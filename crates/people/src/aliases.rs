//! The aliases file: a researcher's corrections to the automatic merges.
//!
//! ```toml
//! # These spellings are one person.
//! [[same]]
//! names = ["Rene", "René Meyrowitsch"]
//! municipality = "Albertslund"   # optional
//! name = "René Meyrowitsch"      # optional: the name to show
//!
//! # These are never one person.
//! [[different]]
//! names = ["Lise", "Lisbeth Andersen"]
//! municipality = "Albertslund"   # optional
//! ```
//!
//! Names compare case- and accent-insensitively ("rene" pins "René"). Without
//! `municipality` an entry applies inside every municipality separately:
//! people are never merged across municipalities, not even by an alias.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::names::fold;

/// The file name of the aliases file inside an index directory.
pub const ALIASES_FILE: &str = "aliases.toml";

/// Why an aliases file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum AliasError {
    /// The file exists but could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The file is not valid TOML or has unknown keys.
    #[error("{path}: {message}")]
    Syntax {
        /// The file (or `<string>`).
        path: PathBuf,
        /// What the TOML reader said.
        message: String,
    },
    /// An entry makes no sense (fewer than two names, an empty name).
    #[error("{path}: {message}")]
    Invalid {
        /// The file (or `<string>`).
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

/// One `[[same]]` or `[[different]]` entry.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AliasGroup {
    /// The names, as written in the documents (accents and case do not matter).
    pub names: Vec<String>,
    /// The municipality the entry applies to; `None`: each municipality.
    #[serde(default)]
    pub municipality: Option<String>,
    /// For `[[same]]`: the name to show for the person (optional).
    #[serde(default)]
    pub name: Option<String>,
}

impl AliasGroup {
    /// Whether the entry applies in `municipality`.
    pub fn applies_in(&self, municipality: Option<&str>) -> bool {
        match (&self.municipality, municipality) {
            (None, _) => true,
            (Some(want), Some(have)) => fold(want) == fold(have),
            (Some(_), None) => false,
        }
    }

    /// Whether `name` is one of the entry's names (folded).
    pub fn names_contain(&self, name: &str) -> bool {
        let name = fold(name);
        self.names.iter().any(|n| fold(n) == name)
    }
}

/// The researcher's pins (`same`) and splits (`different`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Aliases {
    /// Groups of names that are one person.
    #[serde(default)]
    pub same: Vec<AliasGroup>,
    /// Groups of names that are pairwise different people.
    #[serde(default)]
    pub different: Vec<AliasGroup>,
}

impl Aliases {
    /// No aliases: the rules alone decide.
    pub fn none() -> Aliases {
        Aliases::default()
    }

    /// Reads aliases from TOML text; `origin` names it in errors.
    pub fn parse(text: &str, origin: &Path) -> Result<Aliases, AliasError> {
        let aliases: Aliases = toml::from_str(text).map_err(|e| AliasError::Syntax {
            path: origin.to_path_buf(),
            message: e.to_string(),
        })?;
        aliases.validate(origin)?;
        Ok(aliases)
    }

    /// Reads `path`; a missing file means no aliases.
    pub fn load(path: &Path) -> Result<Aliases, AliasError> {
        match std::fs::read_to_string(path) {
            Ok(text) => Aliases::parse(&text, path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Aliases::none()),
            Err(source) => Err(AliasError::Io {
                path: path.to_path_buf(),
                source,
            }),
        }
    }

    /// Reads `<index_dir>/aliases.toml`, if there is one.
    pub fn load_beside_index(index_dir: &Path) -> Result<Aliases, AliasError> {
        Aliases::load(&index_dir.join(ALIASES_FILE))
    }

    /// Whether the file says `a` and `b` are different people in `municipality`.
    pub fn kept_apart(&self, municipality: Option<&str>, a: &str, b: &str) -> bool {
        self.different.iter().any(|g| {
            g.applies_in(municipality)
                && g.names_contain(a)
                && g.names_contain(b)
                && fold(a) != fold(b)
        })
    }

    fn validate(&self, origin: &Path) -> Result<(), AliasError> {
        for (kind, groups) in [("same", &self.same), ("different", &self.different)] {
            for (i, g) in groups.iter().enumerate() {
                let invalid = |what: &str| AliasError::Invalid {
                    path: origin.to_path_buf(),
                    message: format!("[[{kind}]] entry {}: {what}", i + 1),
                };
                if g.names.iter().any(|n| n.trim().is_empty()) {
                    return Err(invalid("a name is empty"));
                }
                let mut folded: Vec<String> = g.names.iter().map(|n| fold(n)).collect();
                folded.sort();
                folded.dedup();
                if folded.len() < 2 {
                    return Err(invalid("needs at least two different names"));
                }
                if kind == "different" && g.name.is_some() {
                    return Err(invalid("`name` belongs to [[same]] entries"));
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Aliases, AliasError> {
        Aliases::parse(text, Path::new("aliases.toml"))
    }

    #[test]
    fn reads_same_and_different() {
        let a = parse(
            r#"
            [[same]]
            names = ["Rene", "René Meyrowitsch"]
            municipality = "Albertslund"

            [[different]]
            names = ["Lise", "Lisbeth Andersen"]
            "#,
        )
        .unwrap();
        assert_eq!(a.same.len(), 1);
        assert!(a.same[0].applies_in(Some("albertslund")));
        assert!(!a.same[0].applies_in(Some("Gladsaxe")));
        assert!(a.kept_apart(Some("Gladsaxe"), "LISE", "lisbeth andersen"));
        assert!(!a.kept_apart(Some("Gladsaxe"), "Lise", "Lise"));
    }

    #[test]
    fn rejects_unknown_keys_and_single_names() {
        assert!(matches!(
            parse("[[same]]\nnames = [\"A\", \"B\"]\nmunicipalty = \"X\""),
            Err(AliasError::Syntax { .. })
        ));
        assert!(matches!(
            parse("[[same]]\nnames = [\"René\", \"Rene\"]"),
            Err(AliasError::Invalid { .. })
        ));
        assert!(matches!(
            parse("[[different]]\nnames = [\"A\", \"\"]"),
            Err(AliasError::Invalid { .. })
        ));
    }

    #[test]
    fn a_missing_file_is_no_aliases() {
        let a = Aliases::load(Path::new("/nonexistent/aliases.toml")).unwrap();
        assert_eq!(a, Aliases::none());
    }
}
