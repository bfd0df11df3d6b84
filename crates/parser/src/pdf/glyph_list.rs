//! Adobe glyph names to Unicode, for fonts whose `/Differences` name their
//! glyphs ("aring", "oslash", "fi", "uni00E6").

use std::fmt::Write;

/// Append the text of a glyph name to `out`. Returns `false` (and appends
/// nothing) when the name is unknown, so the caller can count it.
///
/// Handles the forms of the Adobe Glyph List specification: a suffix after a
/// period is ignored ("a.sc"), underscores join components ("f_i"),
/// "uniXXXX[XXXX…]" and "uXXXX[XX]" give code points directly.
pub(crate) fn push_glyph_name(name: &[u8], out: &mut String) -> bool {
    let name = match name.iter().position(|&b| b == b'.') {
        Some(0) => return false,
        Some(dot) => &name[..dot],
        None => name,
    };
    let Ok(name) = std::str::from_utf8(name) else {
        return false;
    };
    let start = out.len();
    for part in name.split('_') {
        if !push_component(part, out) {
            out.truncate(start);
            return false;
        }
    }
    out.len() > start
}

fn push_component(part: &str, out: &mut String) -> bool {
    if let Ok(i) = GLYPH_NAMES.binary_search_by(|(n, _)| n.as_bytes().cmp(part.as_bytes())) {
        if let Some((_, c)) = GLYPH_NAMES.get(i) {
            out.push(*c);
            return true;
        }
    }
    if let Some(hex) = part.strip_prefix("uni") {
        if hex.len() >= 4 && hex.len() % 4 == 0 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            let mut units = Vec::with_capacity(hex.len() / 4);
            for i in (0..hex.len()).step_by(4) {
                match hex
                    .get(i..i + 4)
                    .and_then(|h| u16::from_str_radix(h, 16).ok())
                {
                    Some(u) => units.push(u),
                    None => return false,
                }
            }
            let before = out.len();
            for c in char::decode_utf16(units.iter().copied()).flatten() {
                out.push(c);
            }
            return out.len() > before;
        }
    }
    if let Some(hex) = part.strip_prefix('u') {
        if (4..=6).contains(&hex.len()) && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            if let Some(c) = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32) {
                let _ = write!(out, "{c}");
                return true;
            }
        }
    }
    false
}

/// The code point of a single-character glyph name, for width look-ups.
pub(crate) fn glyph_name_char(name: &[u8]) -> Option<char> {
    let mut s = String::new();
    if push_glyph_name(name, &mut s) {
        let mut chars = s.chars();
        let c = chars.next()?;
        if chars.next().is_none() {
            return Some(c);
        }
    }
    None
}

/// Glyph names of the Adobe Glyph List that Latin-script documents use,
/// sorted by name (byte order) for binary search.
const GLYPH_NAMES: &[(&str, char)] = &[
    ("A", '\u{0041}'),
    ("AE", '\u{00C6}'),
    ("Aacute", '\u{00C1}'),
    ("Acaron", '\u{01CD}'),
    ("Acircumflex", '\u{00C2}'),
    ("Adieresis", '\u{00C4}'),
    ("Agrave", '\u{00C0}'),
    ("Amacron", '\u{0100}'),
    ("Aogonek", '\u{0104}'),
    ("Aring", '\u{00C5}'),
    ("Atilde", '\u{00C3}'),
    ("B", '\u{0042}'),
    ("C", '\u{0043}'),
    ("Cacute", '\u{0106}'),
    ("Ccaron", '\u{010C}'),
    ("Ccedilla", '\u{00C7}'),
    ("Ccircumflex", '\u{0108}'),
    ("D", '\u{0044}'),
    ("Dcaron", '\u{010E}'),
    ("Dcroat", '\u{0110}'),
    ("Delta", '\u{2206}'),
    ("E", '\u{0045}'),
    ("Eacute", '\u{00C9}'),
    ("Ecaron", '\u{011A}'),
    ("Ecedilla", '\u{0228}'),
    ("Ecircumflex", '\u{00CA}'),
    ("Edieresis", '\u{00CB}'),
    ("Egrave", '\u{00C8}'),
    ("Emacron", '\u{0112}'),
    ("Eogonek", '\u{0118}'),
    ("Eth", '\u{00D0}'),
    ("Etilde", '\u{1EBC}'),
    ("Euro", '\u{20AC}'),
    ("F", '\u{0046}'),
    ("G", '\u{0047}'),
    ("Gbreve", '\u{011E}'),
    ("H", '\u{0048}'),
    ("H18533", '\u{25CF}'),
    ("H18543", '\u{25AA}'),
    ("H18551", '\u{25AB}'),
    ("H22073", '\u{25A1}'),
    ("I", '\u{0049}'),
    ("IJ", '\u{0132}'),
    ("Iacute", '\u{00CD}'),
    ("Icaron", '\u{01CF}'),
    ("Icircumflex", '\u{00CE}'),
    ("Idieresis", '\u{00CF}'),
    ("Idotaccent", '\u{0130}'),
    ("Igrave", '\u{00CC}'),
    ("Imacron", '\u{012A}'),
    ("Itilde", '\u{0128}'),
    ("J", '\u{004A}'),
    ("K", '\u{004B}'),
    ("L", '\u{004C}'),
    ("Lacute", '\u{0139}'),
    ("Lcaron", '\u{013D}'),
    ("Lslash", '\u{0141}'),
    ("M", '\u{004D}'),
    ("N", '\u{004E}'),
    ("Nacute", '\u{0143}'),
    ("Ncaron", '\u{0147}'),
    ("Ncedilla", '\u{0145}'),
    ("Ngrave", '\u{01F8}'),
    ("Ntilde", '\u{00D1}'),
    ("O", '\u{004F}'),
    ("OE", '\u{0152}'),
    ("Oacute", '\u{00D3}'),
    ("Ocaron", '\u{01D1}'),
    ("Ocircumflex", '\u{00D4}'),
    ("Odieresis", '\u{00D6}'),
    ("Ograve", '\u{00D2}'),
    ("Ohungarumlaut", '\u{0150}'),
    ("Omacron", '\u{014C}'),
    ("Omega", '\u{2126}'),
    ("Oslash", '\u{00D8}'),
    ("Otilde", '\u{00D5}'),
    ("P", '\u{0050}'),
    ("Q", '\u{0051}'),
    ("R", '\u{0052}'),
    ("Racute", '\u{0154}'),
    ("Rcaron", '\u{0158}'),
    ("S", '\u{0053}'),
    ("Sacute", '\u{015A}'),
    ("Scaron", '\u{0160}'),
    ("Scedilla", '\u{015E}'),
    ("Scircumflex", '\u{015C}'),
    ("T", '\u{0054}'),
    ("Tcaron", '\u{0164}'),
    ("Thorn", '\u{00DE}'),
    ("U", '\u{0055}'),
    ("Uacute", '\u{00DA}'),
    ("Ucaron", '\u{01D3}'),
    ("Ucircumflex", '\u{00DB}'),
    ("Udieresis", '\u{00DC}'),
    ("Ugrave", '\u{00D9}'),
    ("Uhungarumlaut", '\u{0170}'),
    ("Umacron", '\u{016A}'),
    ("Uring", '\u{016E}'),
    ("Utilde", '\u{0168}'),
    ("V", '\u{0056}'),
    ("W", '\u{0057}'),
    ("X", '\u{0058}'),
    ("Y", '\u{0059}'),
    ("Yacute", '\u{00DD}'),
    ("Ycircumflex", '\u{0176}'),
    ("Ydieresis", '\u{0178}'),
    ("Ygrave", '\u{1EF2}'),
    ("Ytilde", '\u{1EF8}'),
    ("Z", '\u{005A}'),
    ("Zacute", '\u{0179}'),
    ("Zcaron", '\u{017D}'),
    ("Zcircumflex", '\u{1E90}'),
    ("Zdotaccent", '\u{017B}'),
    ("a", '\u{0061}'),
    ("aacute", '\u{00E1}'),
    ("acaron", '\u{01CE}'),
    ("acircumflex", '\u{00E2}'),
    ("acute", '\u{00B4}'),
    ("adieresis", '\u{00E4}'),
    ("ae", '\u{00E6}'),
    ("afii00208", '\u{2015}'),
    ("afii57929", '\u{02BC}'),
    ("afii61352", '\u{2116}'),
    ("afii61664", '\u{200C}'),
    ("afii64937", '\u{02BD}'),
    ("agrave", '\u{00E0}'),
    ("amacron", '\u{0101}'),
    ("ampersand", '\u{0026}'),
    ("angleleft", '\u{2329}'),
    ("angleright", '\u{232A}'),
    ("aogonek", '\u{0105}'),
    ("apple", '\u{F8FF}'),
    ("approxequal", '\u{2248}'),
    ("aring", '\u{00E5}'),
    ("arrowdown", '\u{2193}'),
    ("arrowleft", '\u{2190}'),
    ("arrowright", '\u{2192}'),
    ("arrowup", '\u{2191}'),
    ("asciicircum", '\u{005E}'),
    ("asciitilde", '\u{007E}'),
    ("asterisk", '\u{002A}'),
    ("at", '\u{0040}'),
    ("atilde", '\u{00E3}'),
    ("b", '\u{0062}'),
    ("backslash", '\u{005C}'),
    ("bar", '\u{007C}'),
    ("blacksquare", '\u{25AA}'),
    ("braceleft", '\u{007B}'),
    ("braceright", '\u{007D}'),
    ("bracketleft", '\u{005B}'),
    ("bracketright", '\u{005D}'),
    ("breve", '\u{02D8}'),
    ("brokenbar", '\u{00A6}'),
    ("bullet", '\u{2022}'),
    ("bulletoperator", '\u{2219}'),
    ("c", '\u{0063}'),
    ("cacute", '\u{0107}'),
    ("caron", '\u{02C7}'),
    ("ccaron", '\u{010D}'),
    ("ccedilla", '\u{00E7}'),
    ("ccircumflex", '\u{0109}'),
    ("cedilla", '\u{00B8}'),
    ("cent", '\u{00A2}'),
    ("checkmark", '\u{2713}'),
    ("circle", '\u{25CB}'),
    ("circumflex", '\u{02C6}'),
    ("club", '\u{2663}'),
    ("colon", '\u{003A}'),
    ("colonmonetary", '\u{20A1}'),
    ("comma", '\u{002C}'),
    ("commaaccent", '\u{0326}'),
    ("copyright", '\u{00A9}'),
    ("copyrightsans", '\u{F8E9}'),
    ("currency", '\u{00A4}'),
    ("d", '\u{0064}'),
    ("dagger", '\u{2020}'),
    ("daggerdbl", '\u{2021}'),
    ("dcaron", '\u{010F}'),
    ("dcroat", '\u{0111}'),
    ("degree", '\u{00B0}'),
    ("degreesign", '\u{00B0}'),
    ("diamond", '\u{2666}'),
    ("dieresis", '\u{00A8}'),
    ("divide", '\u{00F7}'),
    ("dollar", '\u{0024}'),
    ("dong", '\u{20AB}'),
    ("dotaccent", '\u{02D9}'),
    ("dotlessi", '\u{0131}'),
    ("dotlessj", '\u{0237}'),
    ("e", '\u{0065}'),
    ("eacute", '\u{00E9}'),
    ("ecaron", '\u{011B}'),
    ("ecedilla", '\u{0229}'),
    ("ecircumflex", '\u{00EA}'),
    ("edieresis", '\u{00EB}'),
    ("egrave", '\u{00E8}'),
    ("eight", '\u{0038}'),
    ("ellipsis", '\u{2026}'),
    ("ellipsisvertical", '\u{22EE}'),
    ("emacron", '\u{0113}'),
    ("emdash", '\u{2014}'),
    ("emspace", '\u{2003}'),
    ("endash", '\u{2013}'),
    ("endashalt", '\u{2013}'),
    ("enspace", '\u{2002}'),
    ("eogonek", '\u{0119}'),
    ("equal", '\u{003D}'),
    ("estimated", '\u{212E}'),
    ("eth", '\u{00F0}'),
    ("etilde", '\u{1EBD}'),
    ("euro", '\u{20AC}'),
    ("exclam", '\u{0021}'),
    ("exclamdown", '\u{00A1}'),
    ("f", '\u{0066}'),
    ("ff", '\u{FB00}'),
    ("ffi", '\u{FB03}'),
    ("ffl", '\u{FB04}'),
    ("fi", '\u{FB01}'),
    ("figuredash", '\u{2012}'),
    ("filledbox", '\u{25A0}'),
    ("five", '\u{0035}'),
    ("fl", '\u{FB02}'),
    ("florin", '\u{0192}'),
    ("four", '\u{0034}'),
    ("fraction", '\u{2044}'),
    ("franc", '\u{20A3}'),
    ("g", '\u{0067}'),
    ("gbreve", '\u{011F}'),
    ("germandbls", '\u{00DF}'),
    ("grave", '\u{0060}'),
    ("greater", '\u{003E}'),
    ("greaterequal", '\u{2265}'),
    ("guillemotleft", '\u{00AB}'),
    ("guillemotright", '\u{00BB}'),
    ("guilsinglleft", '\u{2039}'),
    ("guilsinglright", '\u{203A}'),
    ("h", '\u{0068}'),
    ("heart", '\u{2665}'),
    ("hungarumlaut", '\u{02DD}'),
    ("hyphen", '\u{002D}'),
    ("hyphenminus", '\u{002D}'),
    ("i", '\u{0069}'),
    ("iacute", '\u{00ED}'),
    ("icaron", '\u{01D0}'),
    ("icircumflex", '\u{00EE}'),
    ("idieresis", '\u{00EF}'),
    ("igrave", '\u{00EC}'),
    ("ij", '\u{0133}'),
    ("imacron", '\u{012B}'),
    ("infinity", '\u{221E}'),
    ("integral", '\u{222B}'),
    ("itilde", '\u{0129}'),
    ("j", '\u{006A}'),
    ("k", '\u{006B}'),
    ("l", '\u{006C}'),
    ("lacute", '\u{013A}'),
    ("lcaron", '\u{013E}'),
    ("less", '\u{003C}'),
    ("lessequal", '\u{2264}'),
    ("lira", '\u{20A4}'),
    ("logicalnot", '\u{00AC}'),
    ("lozenge", '\u{25CA}'),
    ("lslash", '\u{0142}'),
    ("m", '\u{006D}'),
    ("macron", '\u{00AF}'),
    ("middot", '\u{00B7}'),
    ("minus", '\u{2212}'),
    ("mu", '\u{00B5}'),
    ("multiply", '\u{00D7}'),
    ("n", '\u{006E}'),
    ("nacute", '\u{0144}'),
    ("nbhyphen", '\u{2011}'),
    ("nbspace", '\u{00A0}'),
    ("ncaron", '\u{0148}'),
    ("ncedilla", '\u{0146}'),
    ("ngrave", '\u{01F9}'),
    ("nine", '\u{0039}'),
    ("nonbreakingspace", '\u{00A0}'),
    ("notequal", '\u{2260}'),
    ("ntilde", '\u{00F1}'),
    ("numbersign", '\u{0023}'),
    ("numero", '\u{2116}'),
    ("o", '\u{006F}'),
    ("oacute", '\u{00F3}'),
    ("ocaron", '\u{01D2}'),
    ("ocircumflex", '\u{00F4}'),
    ("odieresis", '\u{00F6}'),
    ("oe", '\u{0153}'),
    ("ogonek", '\u{02DB}'),
    ("ograve", '\u{00F2}'),
    ("ohungarumlaut", '\u{0151}'),
    ("omacron", '\u{014D}'),
    ("one", '\u{0031}'),
    ("onedotenleader", '\u{2024}'),
    ("onehalf", '\u{00BD}'),
    ("onequarter", '\u{00BC}'),
    ("onesuperior", '\u{00B9}'),
    ("openbullet", '\u{25E6}'),
    ("ordfeminine", '\u{00AA}'),
    ("ordmasculine", '\u{00BA}'),
    ("oslash", '\u{00F8}'),
    ("otilde", '\u{00F5}'),
    ("p", '\u{0070}'),
    ("paragraph", '\u{00B6}'),
    ("parenleft", '\u{0028}'),
    ("parenright", '\u{0029}'),
    ("partialdiff", '\u{2202}'),
    ("percent", '\u{0025}'),
    ("period", '\u{002E}'),
    ("periodcentered", '\u{00B7}'),
    ("periodcenteredmath", '\u{22C5}'),
    ("perthousand", '\u{2030}'),
    ("peseta", '\u{20A7}'),
    ("pi", '\u{03C0}'),
    ("plus", '\u{002B}'),
    ("plusminus", '\u{00B1}'),
    ("product", '\u{220F}'),
    ("q", '\u{0071}'),
    ("question", '\u{003F}'),
    ("questiondown", '\u{00BF}'),
    ("quotedbl", '\u{0022}'),
    ("quotedblbase", '\u{201E}'),
    ("quotedblleft", '\u{201C}'),
    ("quotedblright", '\u{201D}'),
    ("quoteleft", '\u{2018}'),
    ("quotereversed", '\u{201B}'),
    ("quoteright", '\u{2019}'),
    ("quotesinglbase", '\u{201A}'),
    ("quotesingle", '\u{0027}'),
    ("r", '\u{0072}'),
    ("racute", '\u{0155}'),
    ("radical", '\u{221A}'),
    ("rcaron", '\u{0159}'),
    ("registered", '\u{00AE}'),
    ("registersans", '\u{F8E8}'),
    ("ring", '\u{02DA}'),
    ("s", '\u{0073}'),
    ("sacute", '\u{015B}'),
    ("scaron", '\u{0161}'),
    ("scedilla", '\u{015F}'),
    ("scircumflex", '\u{015D}'),
    ("section", '\u{00A7}'),
    ("semicolon", '\u{003B}'),
    ("seven", '\u{0037}'),
    ("sfthyphen", '\u{00AD}'),
    ("six", '\u{0036}'),
    ("slash", '\u{002F}'),
    ("softhyphen", '\u{00AD}'),
    ("space", '\u{0020}'),
    ("spade", '\u{2660}'),
    ("sterling", '\u{00A3}'),
    ("summation", '\u{2211}'),
    ("t", '\u{0074}'),
    ("tcaron", '\u{0165}'),
    ("thinspace", '\u{2009}'),
    ("thorn", '\u{00FE}'),
    ("three", '\u{0033}'),
    ("threequarters", '\u{00BE}'),
    ("threesuperior", '\u{00B3}'),
    ("tilde", '\u{02DC}'),
    ("trademark", '\u{2122}'),
    ("trademarksans", '\u{F8EA}'),
    ("triagrt", '\u{25BA}'),
    ("two", '\u{0032}'),
    ("twodotenleader", '\u{2025}'),
    ("twosuperior", '\u{00B2}'),
    ("u", '\u{0075}'),
    ("uacute", '\u{00FA}'),
    ("ucaron", '\u{01D4}'),
    ("ucircumflex", '\u{00FB}'),
    ("udieresis", '\u{00FC}'),
    ("ugrave", '\u{00F9}'),
    ("uhungarumlaut", '\u{0171}'),
    ("umacron", '\u{016B}'),
    ("underscore", '\u{005F}'),
    ("uni00A0", '\u{00A0}'),
    ("uni2010", '\u{2010}'),
    ("uni2011", '\u{2011}'),
    ("uring", '\u{016F}'),
    ("utilde", '\u{0169}'),
    ("v", '\u{0076}'),
    ("w", '\u{0077}'),
    ("x", '\u{0078}'),
    ("y", '\u{0079}'),
    ("yacute", '\u{00FD}'),
    ("ycircumflex", '\u{0177}'),
    ("ydieresis", '\u{00FF}'),
    ("yen", '\u{00A5}'),
    ("ygrave", '\u{1EF3}'),
    ("yring", '\u{1E99}'),
    ("ytilde", '\u{1EF9}'),
    ("z", '\u{007A}'),
    ("zacute", '\u{017A}'),
    ("zcaron", '\u{017E}'),
    ("zcircumflex", '\u{1E91}'),
    ("zdotaccent", '\u{017C}'),
    ("zero", '\u{0030}'),
    ("zerowidthspace", '\u{200B}'),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn name(n: &str) -> Option<String> {
        let mut s = String::new();
        push_glyph_name(n.as_bytes(), &mut s).then_some(s)
    }

    #[test]
    fn table_is_sorted() {
        assert!(GLYPH_NAMES
            .windows(2)
            .all(|w| w[0].0.as_bytes() < w[1].0.as_bytes()));
    }

    #[test]
    fn danish_letters_and_forms() {
        assert_eq!(name("aring").as_deref(), Some("å"));
        assert_eq!(name("Oslash").as_deref(), Some("Ø"));
        assert_eq!(name("ae").as_deref(), Some("æ"));
        assert_eq!(name("uni00E6").as_deref(), Some("æ"));
        assert_eq!(name("u1F600").as_deref(), Some("😀"));
        assert_eq!(name("f_i").as_deref(), Some("fi"));
        assert_eq!(name("a.sc").as_deref(), Some("a"));
        assert_eq!(name("g123"), None);
        assert_eq!(name(".notdef"), None);
    }
}
