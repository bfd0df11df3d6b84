//! Joining the lines of a paragraph: a word broken at the line end
//! ("næstformandspo-" + "sten") is put back together, while real hyphens
//! ("Sundheds- og Socialudvalget", "EU-midler", "p-huse") are kept.

/// Words after a hyphen that show the hyphen is a real one: "Sundheds- og
/// Socialudvalget", "for- eller bagside".
const CONJUNCTIONS: &[&str] = &["og", "eller", "samt", "til", "and", "or", "/", "&"];

/// Append the next line of a paragraph to `acc`.
pub(crate) fn join_line(acc: &mut String, next: &str) {
    let next = next.trim_start();
    if next.is_empty() {
        return;
    }
    if acc.is_empty() {
        acc.push_str(next);
        return;
    }
    match line_end_hyphen(acc, next) {
        Join::Drop => {
            acc.pop();
            acc.push_str(next);
        }
        Join::Keep => acc.push_str(next),
        Join::Space => {
            acc.push(' ');
            acc.push_str(next);
        }
    }
}

enum Join {
    /// A word broken by hyphenation: drop the hyphen, no space.
    Drop,
    /// A compound written with a hyphen: keep it, no space.
    Keep,
    /// An ordinary line end.
    Space,
}

fn line_end_hyphen(acc: &str, next: &str) -> Join {
    let Some(stripped) = acc.strip_suffix(['-', '\u{2010}']) else {
        return Join::Space;
    };
    // The broken word's first part: the letters and digits just before the hyphen.
    let fragment: Vec<char> = stripped
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    let Some(&last) = fragment.first() else {
        return Join::Space;
    };
    let next_word: &str = next.split_whitespace().next().unwrap_or_default();
    let Some(first) = next_word.chars().next() else {
        return Join::Space;
    };
    let bare_next = next_word.trim_end_matches(|c: char| !c.is_alphanumeric());
    if CONJUNCTIONS
        .iter()
        .any(|c| c.eq_ignore_ascii_case(bare_next))
        || !first.is_alphanumeric()
    {
        return Join::Space;
    }
    if first.is_lowercase() && last.is_lowercase() && fragment.len() >= 2 {
        return Join::Drop;
    }
    // "EU-midler", "p-huse", "2030-fremskrivning", "Hasselager-Kolt".
    Join::Keep
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(a: &str, b: &str) -> String {
        let mut s = a.to_string();
        join_line(&mut s, b);
        s
    }

    #[test]
    fn broken_words_are_joined() {
        assert_eq!(
            joined("dermed er næstformandspo-", "sten vakant"),
            "dermed er næstformandsposten vakant"
        );
        assert_eq!(joined("er bo-", "sat i byen"), "er bosat i byen");
    }

    #[test]
    fn real_hyphens_stay() {
        assert_eq!(
            joined("Sundheds-", "og Socialudvalget"),
            "Sundheds- og Socialudvalget"
        );
        assert_eq!(joined("søge EU-", "midler"), "søge EU-midler");
        assert_eq!(joined("i p-", "huse"), "i p-huse");
        assert_eq!(joined("ny 2030-", "fremskrivning"), "ny 2030-fremskrivning");
        assert_eq!(joined("Hasselager-", "Kolt"), "Hasselager-Kolt");
        assert_eq!(joined("slut -", "ny linje"), "slut - ny linje");
        assert_eq!(joined("tekst", "mere"), "tekst mere");
    }
}
