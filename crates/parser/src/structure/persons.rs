//! Persons: splitting header lists ("Søren Mogensen, Allan Høyer og Ulla
//! Bektas", "Jette Nyboe (formand)"), finding names in running text, and
//! linking a first-name mention to the one full name it can mean.

use std::collections::{BTreeMap, HashMap, HashSet};

use referat_schema::{Person, PersonSummary};

use super::lexicon::{is_given_name, is_place_word};

/// Words that name a role or office rather than a person.
const ROLE_WORDS: &[&str] = &[
    "formand",
    "næstformand",
    "forperson",
    "næstforperson",
    "referent",
    "sekretær",
    "talsperson",
    "tovholder",
    "rådmand",
    "borgmester",
    "viceborgmester",
    "direktør",
    "chef",
    "leder",
    "konsulent",
    "medlem",
    "suppleant",
    "gæst",
    "medarbejder",
    "repræsentant",
    "koordinator",
    "sagsbehandler",
    "borgerrådgiver",
    "observatør",
];

/// Whether `word` is a role: one of the words above or a compound ending in
/// one ("centerchef", "chefkonsulent", "afdelingsleder").
pub fn is_role_word(word: &str) -> bool {
    let w = word.to_lowercase();
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    !w.is_empty() && ROLE_WORDS.iter().any(|r| w == *r || w.ends_with(r))
}

/// Particles that may stand lower-case inside a name.
const PARTICLES: &[&str] = &["von", "van", "de", "la", "af", "du", "le"];

/// Whether a phrase looks like a person's name: one to five words, each
/// capitalised (particles aside), letters, hyphens and apostrophes only, and
/// not a role.
pub fn looks_like_name(phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 {
        return false;
    }
    let first = words[0];
    if is_role_word(first) && !is_given_name(first) {
        return false;
    }
    if is_not_a_name(&words) {
        return false;
    }
    words.iter().enumerate().all(|(i, w)| {
        let capitalised = w.chars().next().is_some_and(char::is_uppercase);
        let letters = w
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '.');
        letters && (capitalised || (i > 0 && PARTICLES.contains(&w.to_lowercase().as_str())))
    })
}

/// Words of headings and table headers that stand where names stand in a
/// list ("Indholdsfortegnelse", a header row "Navn | Parti | Funktion"),
/// and words that join names ("og", "samt"): never a name or its start.
/// From the attendee tables of Word, Acadre and FirstAgenda templates.
const NOT_NAME_WORDS: &[&str] = &[
    "indholdsfortegnelse",
    "indhold",
    "navn",
    "navne",
    "parti",
    "funktion",
    "titel",
    "side",
    "punkt",
    "bilag",
    "dagsorden",
    "referat",
    "medlemmer",
    "deltagere",
    "mødedeltagere",
    "fraværende",
    "afbud",
    "stedfortræder",
    "bemærkning",
    "bemærkninger",
    "og",
    "samt",
    "eller",
    "fra",
    "til",
    "med",
    "ved",
];

/// Conjunctions and prepositions: a capitalised one in an upper-case line
/// ("OG VIGGO JONASEN") is not part of the name after it.
const JOINING_WORDS: &[&str] = &[
    "og", "samt", "eller", "fra", "til", "med", "ved", "af", "for", "i", "på", "om",
];

/// Whether words are a place, a heading or a table header rather than a
/// person: any street or institution word ("Edith Rodes Vej", "Solvej",
/// "Aktivitetscenter Solvej"), a heading word, or a joining word first.
fn is_not_a_name(words: &[&str]) -> bool {
    let lower = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let given_first = words.len() > 1 && is_given_name(words[0]);
    words
        .iter()
        .enumerate()
        .any(|(i, w)| is_place_word(w) && !(i == 0 && given_first))
        || words
            .first()
            .is_some_and(|w| NOT_NAME_WORDS.contains(&lower(w).as_str()))
        || (words.len() == 1 && NOT_NAME_WORDS.contains(&lower(words[0]).as_str()))
}

/// A name with its white space made single spaces ("Pedersen\tIb" never
/// stays one name with a tab in it) and an all-capitals name in title case
/// ("VIGGO JONASEN" → "Viggo Jonasen").
pub fn normalize_name(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let shouting = words.iter().all(|w| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
    });
    if !shouting {
        return words.join(" ");
    }
    words
        .iter()
        .map(|w| {
            let mut out = String::with_capacity(w.len());
            let mut start = true;
            for c in w.chars() {
                if start {
                    out.extend(c.to_uppercase());
                } else {
                    out.extend(c.to_lowercase());
                }
                start = c == '-' || c == '\'';
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A party letter in brackets: "(A)", "(V)", "(SF)", "(Ø)", "(UFP)".
fn is_party_code(text: &str) -> bool {
    let t = text.trim();
    (1..=4).contains(&t.chars().count()) && t.chars().all(|c| c.is_uppercase())
}

/// Split a header value into persons.
///
/// ```
/// use referat_parser::structure::persons::split_person_list;
/// let people = split_person_list("Søren Mogensen, Allan Høyer og Ulla Bektas");
/// let names: Vec<_> = people.iter().map(|p| p.name.as_str()).collect();
/// assert_eq!(names, ["Søren Mogensen", "Allan Høyer", "Ulla Bektas"]);
/// let people = split_person_list("Jette Nyboe (formand), Rene");
/// assert_eq!(people[0].role.as_deref(), Some("formand"));
/// assert_eq!(people[1].name, "Rene");
/// ```
pub fn split_person_list(value: &str) -> Vec<Person> {
    let mut people: Vec<Person> = Vec::new();
    for segment in split_segments(value) {
        let (name_part, bracket_role) = take_bracket(&segment);
        // "Name (A) - formand", "Name (V) – næstformand": the party in
        // brackets, the role after the dash; one person with both.
        let dash = [" - ", " – ", " — "]
            .iter()
            .filter_map(|d| name_part.find(d).map(|i| (i, d.len())))
            .min();
        let split = dash.map(|(i, len)| (&name_part[..i], &name_part[i + len..]));
        let (name_part, dash_role) = match split {
            Some((n, r))
                if bracket_role.as_deref().is_some_and(is_party_code)
                    && !r.trim().is_empty()
                    && !n.trim().is_empty() =>
            {
                (n.to_string(), Some(r.trim().to_string()))
            }
            _ => (name_part, None),
        };
        let bracket_role = match (dash_role, bracket_role) {
            (Some(role), Some(party)) => Some(format!("{role} ({party})")),
            (None, b) => b,
            (Some(role), None) => Some(role),
        };
        let name_part = normalize_name(name_part.trim().trim_end_matches(['.', ';', ':']).trim());
        let name_part = name_part.as_str();
        if name_part.is_empty() {
            continue;
        }
        if looks_like_name(name_part) {
            people.push(Person {
                name: name_part.to_string(),
                role: bracket_role,
            });
        } else if let Some(last) = people
            .last_mut()
            .filter(|p| p.role.as_deref().is_none_or(is_party_code))
        {
            // "Jette Nyboe, formand": a role after a comma belongs to the
            // name before; "Name (V), næstformand" keeps the party beside it.
            let role = bracket_role.unwrap_or_else(|| name_part.to_string());
            last.role = Some(match last.role.take() {
                Some(party) => format!("{role} ({party})"),
                None => role,
            });
        } else if let Some(name) = leading_name(name_part) {
            // "Jakob Nielsen fra Forebyggelse": keep the name, the rest is its role.
            let role = name_part[name.len()..].trim();
            people.push(Person {
                name: name.to_string(),
                role: bracket_role.or_else(|| (!role.is_empty()).then(|| role.to_string())),
            });
        }
    }
    people
}

/// The longest run of capitalised words at the start of `text` that looks
/// like a name and starts with a given name.
fn leading_name(text: &str) -> Option<&str> {
    let mut end = 0;
    for (i, word) in text.split_whitespace().enumerate() {
        let start = text[end..].find(word).map(|p| p + end)?;
        if i == 0 && !is_given_name(word) {
            return None;
        }
        if !word.chars().next().is_some_and(char::is_uppercase) || i >= 4 {
            break;
        }
        end = start + word.len();
    }
    (end > 0).then(|| &text[..end])
}

/// Split on commas, semicolons, line breaks and a final "og" / "samt" / "&".
fn split_segments(value: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut current = String::new();
    for c in value.chars() {
        match c {
            '(' => {
                depth += 1;
                current.push(c);
            }
            ')' => {
                depth = depth.saturating_sub(1);
                current.push(c);
            }
            ',' | ';' | '\n' | '\t' | '•' | '·' if depth == 0 => {
                out.push(std::mem::take(&mut current))
            }
            c => current.push(c),
        }
    }
    out.push(current);
    out.into_iter()
        .flat_map(|s| {
            let mut parts = Vec::new();
            let mut rest = s.as_str();
            while let Some(i) = [" og ", " samt ", " & "]
                .iter()
                .filter_map(|sep| rest.find(sep).map(|i| (i, sep.len())))
                .min()
            {
                parts.push(rest[..i.0].to_string());
                rest = &rest[i.0 + i.1..];
            }
            parts.push(rest.to_string());
            parts
        })
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// "Jette Nyboe (formand)" → ("Jette Nyboe", Some("formand")).
fn take_bracket(segment: &str) -> (String, Option<String>) {
    if let (Some(open), Some(close)) = (segment.find('('), segment.rfind(')')) {
        if open < close {
            let role = segment[open + 1..close].trim().to_string();
            let name = format!("{}{}", &segment[..open], &segment[close + 1..]);
            return (name, (!role.is_empty()).then_some(role));
        }
    }
    (segment.to_string(), None)
}

/// A name found in running text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMention {
    /// The name as written (possessive "s" removed).
    pub name: String,
    /// Byte offset in the text.
    pub start: usize,
    /// A role written right before the name ("chefkonsulent Patricia Gale")
    /// or after it (", der er Udsatterådets talsperson").
    pub role: Option<String>,
}

/// A word of running text with its byte span.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    text: &'a str,
    start: usize,
    /// The character right after the word, if any.
    next: Option<char>,
    /// Whether a sentence may begin at this word.
    sentence_start: bool,
}

fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    let mut sentence_start = true;
    let mut boundary_seen = true;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let is_word = c.is_alphanumeric() || c == '\'';
        match (start, is_word) {
            (None, true) => {
                start = Some(i);
                sentence_start = boundary_seen;
                boundary_seen = false;
            }
            (Some(s), false) => {
                out.push(Word {
                    text: &text[s..i],
                    start: s,
                    next: (i < text.len()).then_some(c),
                    sentence_start,
                });
                start = None;
                if matches!(c, '.' | '!' | '?' | ':' | '\n' | '•' | '·' | '–' | '-') {
                    boundary_seen = true;
                }
            }
            (None, false) => {
                if matches!(c, '.' | '!' | '?' | ':' | '\n' | '•' | '·' | '"' | '”') {
                    boundary_seen = true;
                }
            }
            (Some(_), true) => {}
        }
    }
    out
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// "TinaMaria": two given names run together, a common way to write a
/// double given name ("BoVest" and "LinkedIn" are not: both halves must be
/// given names).
fn is_joined_given_name(w: &str) -> bool {
    if !capitalised(w) || !w.chars().all(char::is_alphabetic) {
        return false;
    }
    let Some((split, _)) = w.char_indices().skip(1).find(|(_, c)| c.is_uppercase()) else {
        return false;
    };
    let (first, second) = w.split_at(split);
    !second.chars().skip(1).any(char::is_uppercase) && is_given_name(first) && is_given_name(second)
}

/// Words that end a capitalised run: institutions, places, months.
fn stops_a_name(w: &str) -> bool {
    let l = w.to_lowercase();
    [
        "kommune", "rådet", "udvalget", "nævnet", "centret", "centeret", "huset",
    ]
    .iter()
    .any(|s| l.ends_with(s))
        || l == "kommune"
}

/// Find names in running text: a given name (from the common list, the
/// document's own lists in `known_given`, or a joined double name) followed
/// by up to three capitalised words; a capitalised word just before it that
/// does not start a sentence joins it too ("Helgo Bo").
pub fn find_names(text: &str, known_given: &HashSet<String>) -> Vec<NameMention> {
    let ws = words(text);
    let given = |w: &str| {
        is_given_name(w) || known_given.contains(&w.to_lowercase()) || is_joined_given_name(w)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let w = ws[i];
        // Possessive: "Jimmis vegne".
        let possessive_base = w
            .text
            .strip_suffix('s')
            .filter(|b| capitalised(b) && given(b) && !given(w.text));
        let is_start = capitalised(w.text) && (given(w.text) || possessive_base.is_some());
        if !is_start || w.next == Some('-') {
            i += 1;
            continue;
        }
        let mut first = i;
        if i > 0 {
            let prev = ws[i - 1];
            // One space: a tab or a run of spaces is a column gap.
            let adjacent = &text[prev.start + prev.text.len()..w.start] == " ";
            if adjacent
                && capitalised(prev.text)
                && !JOINING_WORDS.contains(&prev.text.to_lowercase().as_str())
                && !is_place_word(prev.text)
                && (!prev.sentence_start || near_given_name(prev.text))
                && !given(prev.text)
                && !stops_a_name(prev.text)
                && !is_role_word(prev.text)
            {
                first = i - 1;
            }
        }
        let mut last = i;
        // "Edith Rodes Vej", "Aktivitetscenter Solvej", "Solvej 6": a
        // street or an institution named after a person is not one.
        let mut place = i.checked_sub(1).is_some_and(|p| is_place_word(ws[p].text));
        if possessive_base.is_none() {
            while last + 1 < ws.len() && last - i < 3 {
                let next = ws[last + 1];
                let gap = &text[ws[last].start + ws[last].text.len()..next.start];
                // One space joins the words of a name; a tab or a run of
                // spaces is a column gap between two names.
                if gap != " " {
                    break;
                }
                if !capitalised(next.text) || stops_a_name(next.text) {
                    break;
                }
                if is_place_word(next.text) {
                    place = true;
                    break;
                }
                last += 1;
                if next.text.ends_with('s')
                    && ws.get(last + 1).is_some_and(|n| !capitalised(n.text))
                {
                    // "Helge Bos forslag": possessive ends the name.
                    break;
                }
            }
        }
        let name = if let Some(base) = possessive_base {
            base.to_string()
        } else {
            let s = ws[first].start;
            let e = ws[last].start + ws[last].text.len();
            text[s..e].to_string()
        };
        let after = &text[ws[last].start + ws[last].text.len()..];
        let numbered = after
            .strip_prefix(' ')
            .is_some_and(|a| a.starts_with(|c: char| c.is_ascii_digit()));
        // "Solvej" alone is the street; "Solvej Hansen" is a person.
        let alone = last == i && first == i;
        if place || (alone && (numbered || is_place_word(w.text))) {
            // "Solvej 6": a given name with a house number is an address.
            i = last + 1;
            continue;
        }
        let name = normalize_name(&name);
        let role = role_before(&ws, first).or_else(|| role_after(text, &ws, last));
        out.push(NameMention {
            name,
            start: ws[first].start,
            role,
        });
        i = last + 1;
    }
    out
}

/// A word one letter away from a common given name ("Helgo" for "Helge"):
/// a misspelt given name rather than an ordinary word.
fn near_given_name(word: &str) -> bool {
    word.chars().count() >= 4 && super::lexicon::given_name_within_one_edit(word)
}

fn role_before(ws: &[Word<'_>], first: usize) -> Option<String> {
    let prev = ws.get(first.checked_sub(1)?)?;
    (!capitalised(prev.text) && is_role_word(prev.text)).then(|| prev.text.to_string())
}

/// ", der er Udsatterådets talsperson" → "talsperson".
fn role_after(text: &str, ws: &[Word<'_>], last: usize) -> Option<String> {
    let after = &text[ws.get(last)?.start + ws[last].text.len()..];
    let rest = after.strip_prefix(", der er ")?;
    rest.split(|c: char| !c.is_alphanumeric() && c != ' ')
        .next()?
        .split_whitespace()
        .take(3)
        .find(|w| is_role_word(w))
        .map(str::to_string)
}

/// Fold a name for comparison: lower case, accents off (é → e), so that
/// "Rene" and "René" compare equal. Danish letters stay.
pub fn fold(name: &str) -> String {
    name.to_lowercase()
        .chars()
        .map(|c| match c {
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'á' | 'à' | 'â' => 'a',
            'ó' | 'ò' | 'ô' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ä' => 'æ',
            'ö' => 'ø',
            c => c,
        })
        .collect()
}

/// Collects everyone named in one document and links short forms to the one
/// full name they can mean.
#[derive(Debug, Default)]
pub struct PersonIndex {
    /// Canonical name → (mentions, roles, variants).
    entries: BTreeMap<String, (u32, Vec<String>, Vec<String>)>,
    order: Vec<String>,
    /// Name → its folded words, made once per name: [`Self::resolve`] runs
    /// for every name against every other.
    folded: HashMap<String, Vec<String>>,
}

impl PersonIndex {
    /// Count a mention of `name` with an optional role.
    pub fn add(&mut self, name: &str, role: Option<&str>) {
        let name = normalize_name(name);
        let name = name.as_str();
        if name.is_empty() {
            return;
        }
        let entry = self.entries.entry(name.to_string()).or_insert_with(|| {
            self.order.push(name.to_string());
            let words = fold(name).split_whitespace().map(str::to_string).collect();
            self.folded.insert(name.to_string(), words);
            (0, Vec::new(), Vec::new())
        });
        entry.0 += 1;
        if let Some(role) = role {
            let role = role.trim().to_lowercase();
            if !role.is_empty() && !entry.1.contains(&role) {
                entry.1.push(role);
            }
        }
    }

    /// Given names of all multi-word names so far (to find them in text).
    pub fn given_names(&self) -> HashSet<String> {
        self.entries
            .keys()
            .filter_map(|n| n.split_whitespace().next())
            .map(str::to_lowercase)
            .collect()
    }

    /// The full name a short form means, if exactly one name fits: the same
    /// first name ("Lise" → "Lise Meldgaard"), or the same leading words
    /// ("Helge Bo" → "Helge Bo Jensen"), compared folded.
    pub fn resolve(&self, short: &str) -> Option<String> {
        let short_words: Vec<String> = fold(short).split_whitespace().map(str::to_string).collect();
        let words_of = |name: &String| self.folded.get(name).map_or(&[][..], Vec::as_slice);
        let extends =
            |long: &[String], short: &[String]| long.len() > short.len() && long.starts_with(short);
        let candidates: Vec<&String> = self
            .entries
            .keys()
            .filter(|full| extends(words_of(full), &short_words))
            .collect();
        // "Helge" with "Helge Bo" and "Helge Bo Jensen": the middle form is a
        // short form itself, so only the longest names count.
        let candidates: Vec<&String> = candidates
            .iter()
            .filter(|c| {
                !candidates
                    .iter()
                    .any(|other| extends(words_of(other), words_of(c)))
            })
            .copied()
            .collect();
        match candidates.as_slice() {
            [one] => Some((*one).clone()),
            _ => None,
        }
    }

    /// Fold short forms into the full names they mean (and accent variants
    /// of one name into its first-seen form), then list everyone.
    pub fn summarise(mut self) -> Vec<PersonSummary> {
        let names = self.order.clone();
        let mut target: BTreeMap<String, String> = BTreeMap::new();
        for name in &names {
            if let Some(full) = self.resolve(name) {
                target.insert(name.clone(), full);
            } else if let Some(same) = names
                .iter()
                .find(|other| *other != name && self.folded.get(*other) == self.folded.get(name))
                .filter(|other| {
                    names.iter().position(|n| n == *other) < names.iter().position(|n| n == name)
                })
            {
                target.insert(name.clone(), same.clone());
            }
        }
        for (short, full) in &target {
            if let Some((mentions, roles, variants)) = self.entries.remove(short) {
                if let Some(e) = self.entries.get_mut(full) {
                    e.0 += mentions;
                    for r in roles {
                        if !e.1.contains(&r) {
                            e.1.push(r);
                        }
                    }
                    if !e.2.contains(short) {
                        e.2.push(short.clone());
                    }
                    e.2.extend(variants);
                }
            }
        }
        self.order
            .iter()
            .filter_map(|name| {
                let (mentions, roles, variants) = self.entries.get(name)?;
                Some(PersonSummary {
                    name: name.clone(),
                    mentions: *mentions,
                    roles: roles.clone(),
                    variants: variants.clone(),
                })
            })
            .collect()
    }

    /// The canonical form of a name as [`Self::summarise`] will list it.
    pub fn canonical(&self, name: &str) -> String {
        self.resolve(name).unwrap_or_else(|| name.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        find_names(text, &HashSet::new())
            .into_iter()
            .map(|m| m.name)
            .collect()
    }

    #[test]
    fn party_and_role_make_one_person() {
        let p = split_person_list(
            "Anne-Mette Hansen (A) - formand\nJens Olsen (V), næstformand\nLis Berg (Ø)",
        );
        let got: Vec<(&str, Option<&str>)> = p
            .iter()
            .map(|p| (p.name.as_str(), p.role.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("Anne-Mette Hansen", Some("formand (A)")),
                ("Jens Olsen", Some("næstformand (V)")),
                ("Lis Berg", Some("Ø")),
            ]
        );
    }

    #[test]
    fn headings_places_and_table_headers_are_not_people() {
        assert!(split_person_list("Indholdsfortegnelse").is_empty());
        assert!(split_person_list("Navn\tParti\tFunktion").is_empty());
        assert!(split_person_list("Aktivitetscenter Solvej").is_empty());
        assert!(!looks_like_name("Edith Rodes Vej"));
        assert!(looks_like_name("Solvej Hansen"));
    }

    #[test]
    fn places_in_running_text_are_not_people() {
        assert!(names("Festsalen, De Gamles By, Edith Rodes Vej 2-4, 2200 København N").is_empty());
        assert!(names(
            "flytte aktivitetscentret Parkhuset til Solvej 6. Aktivitetscenter Solvej er klar"
        )
        .is_empty());
        assert_eq!(
            names("Solvej Hansen fortalte om Solvej 6"),
            ["Solvej Hansen"]
        );
    }

    #[test]
    fn column_gaps_and_capitals() {
        assert_eq!(
            names("Thomas Lykke Pedersen\tIb Terp"),
            ["Thomas Lykke Pedersen", "Ib Terp"]
        );
        assert_eq!(
            names("Steen Christiansen      Ninna Thomsen"),
            ["Steen Christiansen", "Ninna Thomsen"]
        );
        assert_eq!(
            names("BESLUTNINGSFORSLAG FRA EL OG VIGGO JONASEN"),
            ["Viggo Jonasen"]
        );
        assert_eq!(normalize_name("Pedersen\tIb  Terp"), "Pedersen Ib Terp");
    }

    #[test]
    fn comma_lists_with_og() {
        let p = split_person_list("Diana Vang og Helge Bo Jensen");
        assert_eq!(p.len(), 2);
        assert_eq!(p[1].name, "Helge Bo Jensen");
    }

    #[test]
    fn role_after_a_comma() {
        let p = split_person_list("TinaMaria Larsen, Centerchef CSI");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].role.as_deref(), Some("Centerchef CSI"));
    }

    #[test]
    fn names_in_running_text() {
        assert_eq!(
            names("Helge og Allan vil gerne forsøge. Carina tilmelder René og Sanne."),
            ["Helge", "Allan", "Carina", "René", "Sanne"]
        );
        assert_eq!(
            names("I september deltog Mette Andersen og Karin i et møde"),
            ["Mette Andersen", "Karin"]
        );
        assert_eq!(
            names("Lise/Bjarke kontakter Psykiatrien Hus"),
            ["Lise", "Bjarke"]
        );
    }

    #[test]
    fn institutions_are_not_names() {
        assert!(names("Udsatterådet i Albertslund Kommune og Psykiatriens Hus").is_empty());
        assert!(names("Bo- og Gadeteam").is_empty());
    }

    #[test]
    fn possessive_and_joined_names() {
        assert_eq!(names("på Jimmis vegne"), ["Jimmi"]);
        assert_eq!(names("Der er kort dialog med TinaMaria"), ["TinaMaria"]);
    }

    #[test]
    fn a_capitalised_word_before_a_given_name_joins_it() {
        assert_eq!(
            names("Lokalerne er fundet. Helgo Bo vil spørge"),
            ["Helgo Bo"]
        );
        assert_eq!(names("Ja. Herefter Bo"), ["Bo"]);
    }

    #[test]
    fn roles_in_text() {
        let m = find_names(
            "udarbejdet af Jette, Nina og chefkonsulent Patricia Gale.",
            &HashSet::new(),
        );
        assert_eq!(m[2].name, "Patricia Gale");
        assert_eq!(m[2].role.as_deref(), Some("chefkonsulent"));
        let m = find_names(
            "Jimmi, der er Udsatterådets talsperson, har",
            &HashSet::new(),
        );
        assert_eq!(m[0].role.as_deref(), Some("talsperson"));
    }

    #[test]
    fn first_names_link_only_when_unambiguous() {
        let mut idx = PersonIndex::default();
        for n in [
            "Lise Meldgaard",
            "Søren Olsen",
            "Søren Hvid Karsten",
            "Lise",
            "Søren",
        ] {
            idx.add(n, None);
        }
        assert_eq!(idx.resolve("Lise").as_deref(), Some("Lise Meldgaard"));
        assert_eq!(idx.resolve("Søren"), None);
        let people = idx.summarise();
        let lise = people.iter().find(|p| p.name == "Lise Meldgaard").unwrap();
        assert_eq!(lise.mentions, 2);
        assert!(people.iter().any(|p| p.name == "Søren"));
    }

    #[test]
    fn a_first_name_links_past_a_middle_form() {
        let mut idx = PersonIndex::default();
        for n in ["Helge Bo Jensen", "Helge Bo", "Helge"] {
            idx.add(n, None);
        }
        assert_eq!(idx.resolve("Helge").as_deref(), Some("Helge Bo Jensen"));
        assert_eq!(idx.summarise().len(), 1);
    }

    #[test]
    fn joined_names_need_two_given_names() {
        assert_eq!(names("med TinaMaria om BoVest og LinkedIn"), ["TinaMaria"]);
    }

    #[test]
    fn accent_variants_fold_together() {
        let mut idx = PersonIndex::default();
        idx.add("Rene", Some("deltager"));
        idx.add("René", None);
        let people = idx.summarise();
        assert_eq!(people.len(), 1);
        assert_eq!(people[0].name, "Rene");
        assert_eq!(people[0].variants, ["René"]);
    }
}
