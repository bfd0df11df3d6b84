//! Writes the small PDF fixtures of the PDF reader's tests into
//! `crates/parser/tests/fixtures/pdf/`:
//!
//! `cargo run -p referat-parser --example make_pdf_fixtures`
//!
//! Each file exercises one thing real minutes do: a simple font re-encoded
//! with `/Differences` (glyph names for æ ø å and the ﬁ ligature), a Type0
//! Identity-H font whose text is known only through its ToUnicode CMap, text
//! drawn inside (nested, self-referencing) Form XObjects, and a multi-page
//! document with a running header, a "Side N af M" footer, a labelled header
//! table, bullets and hyphenated line ends. Content streams are written by
//! hand so that every operator is visible in the file.
//!
//! Further files cover text that readers recover without a ToUnicode map
//! and files around the PDF: Times-Roman re-encoded by `/Differences` alone,
//! a Type 3 font named by glyph names, ToUnicode CMaps in producers'
//! variants, a header behind leading bytes or missing, and an empty user
//! password on a file without `/ID`.

use std::path::{Path, PathBuf};

use lopdf::{
    dictionary, Dictionary, Document, EncryptionState, EncryptionVersion, Object, ObjectId,
    Permissions, Stream, StringFormat,
};

fn out_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pdf")
}

/// A document whose pages each have one content stream and share `resources`.
fn document(pages: &[Vec<u8>], resources: Dictionary, producer: Object) -> Document {
    document_in(Document::with_version("1.5"), pages, resources, producer)
}

/// Like [`document`], adding the pages to a document that already holds
/// objects the resources refer to.
fn document_in(
    mut doc: Document,
    pages: &[Vec<u8>],
    resources: Dictionary,
    producer: Object,
) -> Document {
    let pages_id = doc.new_object_id();
    let resources_id = doc.add_object(resources);
    let mut kids = Vec::new();
    for content in pages {
        let content_id = doc.add_object(Stream::new(dictionary! {}, content.clone()));
        kids.push(Object::Reference(doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
        })));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
            "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    let info_id = doc.add_object(
        dictionary! { "Producer" => producer, "Title" => Object::string_literal("Testreferat") },
    );
    doc.trailer.set("Root", catalog_id);
    doc.trailer.set("Info", info_id);
    doc
}

fn save(doc: &mut Document, name: &str) {
    let path = out_dir().join(name);
    let mut bytes = Vec::new();
    if let Err(e) = doc.save_to(&mut bytes) {
        panic!("{name}: {e}");
    }
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    println!("wrote {}", path.display());
}

/// UTF-16BE with a byte order mark, as PDF text strings may be written.
fn utf16_string(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// A Type 1 standard font re-encoded: codes 128.. name Danish letters and
/// ligatures; no /Widths, so the standard-14 metrics apply.
fn differences_font(base: &str) -> Dictionary {
    dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => base.to_string(),
        "Encoding" => dictionary! {
            "Type" => "Encoding",
            "BaseEncoding" => "WinAnsiEncoding",
            "Differences" => vec![
                128.into(), "ae".into(), "oslash".into(), "aring".into(), "AE".into(), "Oslash".into(),
                "Aring".into(), "fi".into(), "fl".into(), "quotedblleft".into(), "quotedblright".into(),
                "endash".into(), "bullet".into(), "uni00E6".into(),
            ],
        },
    }
}

fn winansi_differences() {
    // Codes: 128 æ, 129 ø, 130 å, 131 Æ, 132 Ø, 133 Å, 134 ﬁ, 135 ﬂ, 136 “, 137 ”, 138 –, 139 •, 140 æ (uniXXXX).
    let content = b"BT /F1 18 Tf 72 760 Td (Udsatter\x82dets m\x81de) Tj ET
BT /F2 11 Tf 72 720 Td (\x80 \x81 \x82 \x83 \x84 \x85) Tj ET
BT /F2 11 Tf 72 700 Td (Der blev \x86nansieret \x87ere \x88sk\x8Cve boliger\x89 \x8A nu.) Tj ET
BT /F2 11 Tf 72 680 Td [(M\x81det) -400 (blev) -400 (holdt) 30 ( i) -20 (  V) 60 (\x8Crket.)] TJ ET
BT /F2 11 Tf 72 660 Td 0 Tc 20 Tw (Lang  afstand) Tj 0 Tw ET
BT /F2 11 Tf 72 620 Td (Der er fundet en l\x81sning for hjem\xAD) Tj 0 -14 Td (l\x81se i byen.) Tj ET
"
    .to_vec();
    let resources = dictionary! {
        "Font" => dictionary! {
            "F1" => differences_font("Helvetica-Bold"),
            "F2" => differences_font("Helvetica"),
        },
    };
    let mut doc = document(&[content], resources, utf16_string("Referatmaskine æøå"));
    save(&mut doc, "winansi-differences.pdf");
}

/// Glyph ids of the Identity-H font: a..z at 0x20.., A..Z at 0x40.., space 3,
/// æ ø å Æ Ø Å at 1, 2, 4, 5, 6, 7, period 8, ﬁ 0x10, ﬂ 0x11.
fn cid_of(c: char) -> u16 {
    match c {
        'a'..='z' => 0x20 + (c as u16 - 'a' as u16),
        'A'..='Z' => 0x40 + (c as u16 - 'A' as u16),
        ' ' => 3,
        'æ' => 1,
        'ø' => 2,
        'å' => 4,
        'Æ' => 5,
        'Ø' => 6,
        'Å' => 7,
        '.' => 8,
        'ﬁ' => 0x10,
        'ﬂ' => 0x11,
        _ => 3,
    }
}

fn hex_string(text: &str) -> String {
    let mut s = String::from("<");
    for c in text.chars() {
        s.push_str(&format!("{:04X}", cid_of(c)));
    }
    s.push('>');
    s
}

fn type0_identity() {
    let cmap = b"/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
8 beginbfchar
<0001> <00E6>
<0002> <00F8>
<0003> <0020>
<0004> <00E5>
<0005> <00C6>
<0006> <00D8>
<0007> <00C5>
<0008> <002E>
endbfchar
3 beginbfrange
<0010> <0011> [<FB01> <FB02>]
<0020> <0039> <0061>
<0040> <0059> <0041>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
"
    .to_vec();
    let mut doc = Document::with_version("1.5");
    let to_unicode = doc.add_object(Stream::new(dictionary! {}, cmap));
    let descendant = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType2",
        "BaseFont" => "ABCDEF+LiberationSerif",
        "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"), "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 },
        "DW" => 500,
        // Spaces are narrow; capitals and æ wider.
        "W" => vec![3.into(), vec![250.into()].into(), 0x40.into(), 0x59.into(), 667.into(), 1.into(), 2.into(), 700.into()],
        "CIDToGIDMap" => "Identity",
    });
    let bold_descendant = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType2",
        "BaseFont" => "ABCDEF+LiberationSerif-Bold",
        "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"), "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 },
        "DW" => 560,
    });
    let font = |descendant: ObjectId, name: &str| {
        dictionary! {
            "Type" => "Font",
            "Subtype" => "Type0",
            "BaseFont" => name.to_string(),
            "Encoding" => "Identity-H",
            "DescendantFonts" => vec![descendant.into()],
            "ToUnicode" => to_unicode,
        }
    };
    let regular = doc.add_object(font(descendant, "ABCDEF+LiberationSerif"));
    let bold = doc.add_object(font(bold_descendant, "ABCDEF+LiberationSerif-Bold"));
    let content = format!(
        "BT /B 16 Tf 72 760 Td {} Tj ET\nBT /R 11 Tf 72 720 Td {} Tj 0 -14 Td <{}0FFF{}> Tj ET\nBT /R 11 Tf 72 680 Td [{} -300 {}] TJ ET\n",
        hex_string("Første punkt"),
        hex_string("æ ø å Æ Ø Å"),
        // 0FFF has no ToUnicode entry: dropped, with a warning.
        hex_string("Der er ﬁnansiering til ﬂere").trim_matches(['<', '>']),
        hex_string(" boliger.").trim_matches(['<', '>']),
        hex_string("Mødet"),
        hex_string("sluttede."),
    );
    let resources = dictionary! { "Font" => dictionary! { "R" => regular, "B" => bold } };
    let mut doc = document_in(
        doc,
        &[content.into_bytes()],
        resources,
        Object::string_literal(&b"Fixture \x80 PDFDoc"[..]),
    );
    save(&mut doc, "type0-identity-h.pdf");
}

fn form_xobject() {
    let mut doc = Document::with_version("1.5");
    let font = doc.add_object(differences_font("Times-Roman"));
    // The inner form draws the Danish letters; the outer one draws a heading
    // line, the inner form (moved down by its /Matrix), and itself (a cycle
    // that must be cut).
    let inner = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 400.into(), 100.into()],
            "Matrix" => vec![1.into(), 0.into(), 0.into(), 1.into(), 0.into(), (-40).into()],
            "Resources" => dictionary! { "Font" => dictionary! { "T" => font } },
        },
        b"BT /T 11 Tf 0 0 Td (\x80 \x81 \x82 og \x86nansiering) Tj ET".to_vec(),
    ));
    let outer_id = doc.new_object_id();
    let outer = Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 500.into(), 200.into()],
            "Matrix" => vec![1.into(), 0.into(), 0.into(), 1.into(), 72.into(), 700.into()],
            "Resources" => dictionary! {
                "Font" => dictionary! { "T" => font },
                "XObject" => dictionary! { "Inner" => inner, "Self" => outer_id },
            },
        },
        b"BT /T 14 Tf 0 0 Td (Tekst i en formular) Tj ET /Inner Do /Self Do".to_vec(),
    );
    doc.objects.insert(outer_id, Object::Stream(outer));
    let page_content = b"BT /T 11 Tf 72 780 Td (F\x81r formularen) Tj ET q 1 0 0 1 0 0 cm /Outer Do Q BT /T 11 Tf 72 600 Td (Efter formularen) Tj ET".to_vec();
    let pages_id = doc.new_object_id();
    let content_id = doc.add_object(Stream::new(dictionary! {}, page_content));
    let page = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content_id,
        "Resources" => dictionary! {
            "Font" => dictionary! { "T" => font },
            "XObject" => dictionary! { "Outer" => outer_id },
        },
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page.into()],
            "Count" => 1,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    save(&mut doc, "form-xobject.pdf");
}

/// Escape a Latin-1 line for a PDF literal string in the re-encoded font.
fn literal(text: &str) -> Vec<u8> {
    let mut out = vec![b'('];
    for c in text.chars() {
        let b = match c {
            'æ' => 0x80,
            'ø' => 0x81,
            'å' => 0x82,
            'Æ' => 0x83,
            'Ø' => 0x84,
            'Å' => 0x85,
            '–' => 0x8A,
            '•' => 0x8B,
            '(' | ')' | '\\' => {
                out.push(b'\\');
                c as u8
            }
            c if c.is_ascii() => c as u8,
            _ => b'?',
        };
        out.push(b);
    }
    out.push(b')');
    out
}

fn line(out: &mut Vec<u8>, font: &str, size: u32, x: u32, y: u32, text: &str) {
    out.extend_from_slice(format!("BT /{font} {size} Tf {x} {y} Td ").as_bytes());
    out.extend_from_slice(&literal(text));
    out.extend_from_slice(b" Tj ET\n");
}

fn furniture_and_layout() {
    let pages_total = 4;
    let body: [&[(&str, u32, u32, &str)]; 4] = [
        &[
            ("B", 11, 72, "Forum:"),
            ("R", 11, 180, "Udsatterådet"),
            ("NEXT", 0, 0, ""),
            ("B", 11, 72, "Deltagere:"),
            (
                "R",
                11,
                180,
                "Jette Nyboe, Lisbeth Andersen, Jannie Hansen, Berit",
            ),
            ("NEXT", 0, 0, ""),
            ("R", 11, 180, "Berrig og Rene Meyrowitsch"),
            ("NEXT", 0, 0, ""),
            ("B", 11, 72, "Afbud:"),
            ("R", 11, 180, "Søren Mogensen"),
            ("GAP", 0, 0, ""),
            ("H", 16, 72, "1. Valg af næstformand"),
            ("GAP", 0, 0, ""),
            (
                "R",
                11,
                72,
                "Nina Gustavussen er trådt ud af rådet og dermed er næstformandspo-",
            ),
            ("NEXT", 0, 0, ""),
            (
                "R",
                11,
                72,
                "sten vakant. Rådet drøftede sagen med Sundheds- og Socialudvalget",
            ),
            ("NEXT", 0, 0, ""),
            (
                "R",
                11,
                72,
                "og med forvaltningen, der vil søge EU-midler til et nyt projekt for",
            ),
            ("NEXT", 0, 0, ""),
            ("R", 11, 72, "borgere, som er bo-"),
            ("NEXT", 0, 0, ""),
            ("R", 11, 72, "sat i kommunen."),
        ],
        &[
            ("R", 11, 72, "Rådet ønsker at:"),
            ("NEXT", 0, 0, ""),
            ("R", 11, 72, "•"),
            ("R", 11, 90, "holde et borgermøde i foråret,"),
            ("NEXT", 0, 0, ""),
            ("R", 11, 72, "•"),
            (
                "R",
                11,
                90,
                "skrive til Sundheds- og Ældreudvalget om økonomi og",
            ),
            ("NEXT", 0, 0, ""),
            ("R", 11, 90, "lokaler."),
            ("GAP", 0, 0, ""),
            (
                "R",
                11,
                72,
                "Det sidste afsnit på denne side fortsætter på den næste side, hvor det",
            ),
        ],
        &[
            (
                "R",
                11,
                72,
                "slutter med en helt almindelig sætning om mødets forløb.",
            ),
            ("GAP", 0, 0, ""),
            ("H", 16, 72, "2. Eventuelt"),
            ("GAP", 0, 0, ""),
            ("R", 11, 72, "Intet."),
        ],
        &[("R", 11, 72, "Referatet blev godkendt.")],
    ];
    let mut pages = Vec::new();
    for (n, lines) in body.iter().enumerate() {
        let mut out = Vec::new();
        line(&mut out, "R", 9, 460, 800, "Referat – Udsatterådet");
        let mut y = 740u32;
        for &(font, size, x, text) in lines.iter() {
            match font {
                "NEXT" => y -= 14,
                "GAP" => y -= 26,
                _ => line(&mut out, font, size, x, y, text),
            }
        }
        line(
            &mut out,
            "R",
            9,
            270,
            40,
            &format!("Side {} af {pages_total}", n + 1),
        );
        pages.push(out);
    }
    let resources = dictionary! {
        "Font" => dictionary! {
            "R" => differences_font("Helvetica"),
            "B" => differences_font("Helvetica-Bold"),
            "H" => differences_font("Helvetica-Bold"),
        },
    };
    let mut doc = document(&pages, resources, Object::string_literal("Fixture"));
    save(&mut doc, "furniture-and-layout.pdf");

    // The same document encrypted: once with an empty user password (opens
    // without asking), once with a password we do not have.
    for (user, name) in [
        ("", "encrypted-empty-password.pdf"),
        ("hemmelig", "encrypted-password.pdf"),
    ] {
        let mut doc = document(
            &pages,
            dictionary! { "Font" => dictionary! { "R" => differences_font("Helvetica"), "B" => differences_font("Helvetica-Bold"), "H" => differences_font("Helvetica-Bold") } },
            Object::string_literal("Fixture"),
        );
        doc.trailer.set(
            "ID",
            vec![
                Object::String(b"0123456789abcdef".to_vec(), StringFormat::Hexadecimal),
                Object::String(b"0123456789abcdef".to_vec(), StringFormat::Hexadecimal),
            ],
        );
        let state = EncryptionState::try_from(EncryptionVersion::V2 {
            document: &doc,
            owner_password: "ejer",
            user_password: user,
            key_length: 128,
            permissions: Permissions::all(),
        })
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        doc.encrypt(&state)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        save(&mut doc, name);
    }
}

/// A page set in two columns, the right one on baselines of its own, under a
/// title spanning both.
fn two_columns() {
    let left = [
        "Venstre spalte begynder her med en",
        "almindelig tekst, som fortsætter ned",
        "gennem spalten og slutter først, når",
        "spalten er helt fyldt op med ord.",
        "",
        "Andet afsnit i venstre spalte står",
        "under det første afsnit.",
    ];
    let right = [
        "Højre spalte læses efter den venstre,",
        "selv om dens linjer står i næsten",
        "samme højde som den venstre spaltes",
        "linjer, blot lidt forskudt nedad.",
    ];
    let mut out = Vec::new();
    line(&mut out, "B", 16, 72, 760, "Nyt fra rådet i to spalter");
    for (i, text) in left.iter().enumerate() {
        if !text.is_empty() {
            line(&mut out, "R", 10, 72, 720 - 13 * i as u32, text);
        }
    }
    for (i, text) in right.iter().enumerate() {
        line(&mut out, "R", 10, 320, 715 - 13 * i as u32, text);
    }
    let resources = dictionary! {
        "Font" => dictionary! { "R" => differences_font("Times-Roman"), "B" => differences_font("Times-Bold") },
    };
    let mut doc = document(&[out], resources, Object::string_literal("Fixture"));
    save(&mut doc, "two-columns.pdf");
}

/// A portrait page shown in landscape (/Rotate 90) whose text is drawn
/// turned so that it reads horizontally as displayed.
fn rotated_page() {
    let mut content = Vec::new();
    for (x, text) in [
        (100, "Vandret tekst på en roteret side"),
        (130, "Anden linje læses efter den første."),
    ] {
        content.extend_from_slice(format!("BT /R 12 Tf 0 1 -1 0 {x} 72 Tm ").as_bytes());
        content.extend_from_slice(&literal(text));
        content.extend_from_slice(b" Tj ET\n");
    }
    let resources = dictionary! { "Font" => dictionary! { "R" => differences_font("Helvetica") } };
    let mut doc = document(&[content], resources, Object::string_literal("Fixture"));
    for (_, obj) in doc.objects.iter_mut() {
        if let Object::Dictionary(d) = obj {
            if d.get(b"Type").ok().and_then(|t| t.as_name().ok()) == Some(b"Page") {
                d.set("Rotate", 90);
            }
        }
    }
    save(&mut doc, "rotated-page.pdf");
}

/// A table of contents: dotted leaders, page numbers set off at the right,
/// and one title wrapped over two lines.
fn table_of_contents() {
    let mut out = Vec::new();
    line(&mut out, "B", 16, 72, 760, "Indholdsfortegnelse");
    let entries: [(&str, &str); 4] = [
        ("Godkendelse af dagsorden ........................................................", "3"),
        ("Orientering fra formanden ......................................................", "4"),
        ("", ""),
        ("Eventuelt .................................................................................", "9"),
    ];
    let mut y = 730;
    for (title, page) in entries {
        if title.is_empty() {
            line(
                &mut out,
                "R",
                11,
                72,
                y,
                "Forslag om et nyt værested for hjemløse borgere i bymidten, med",
            );
            y -= 16;
            line(
                &mut out,
                "R",
                11,
                72,
                y,
                "tilhørende budget ........................................................",
            );
            line(&mut out, "R", 11, 500, y, "6");
        } else {
            line(&mut out, "R", 11, 72, y, title);
            line(&mut out, "R", 11, 500, y, page);
        }
        y -= 16;
    }
    line(&mut out, "R", 11, 72, y - 30, "Referatet følger her.");
    let resources = dictionary! {
        "Font" => dictionary! { "R" => differences_font("Helvetica"), "B" => differences_font("Helvetica-Bold") },
    };
    let mut doc = document(&[out], resources, Object::string_literal("Fixture"));
    save(&mut doc, "table-of-contents.pdf");
}

/// A custom encoding that gives each distinct character of `texts` its own
/// code from 1 on, named by `name_of`: the `/Differences` array and the
/// texts written as hex strings in those codes.
fn custom_encoding(texts: &[&str], name_of: impl Fn(char) -> String) -> (Vec<Object>, Vec<String>) {
    let mut chars: Vec<char> = Vec::new();
    for text in texts {
        for c in text.chars() {
            if !chars.contains(&c) {
                chars.push(c);
            }
        }
    }
    let mut differences: Vec<Object> = vec![1.into()];
    differences.extend(chars.iter().map(|&c| Object::Name(name_of(c).into_bytes())));
    let hex = texts
        .iter()
        .map(|text| {
            let codes: String = text
                .chars()
                .map(|c| {
                    format!(
                        "{:02X}",
                        chars.iter().position(|&k| k == c).unwrap_or(0) + 1
                    )
                })
                .collect();
            format!("<{codes}>")
        })
        .collect();
    (differences, hex)
}

/// Adobe glyph names of the characters the fixtures below use, in the forms
/// the Adobe Glyph List specification allows: list names, "uniXXXX",
/// "uXXXXX" and "afii" names.
fn adobe_name(c: char) -> String {
    match c {
        ' ' => "space".into(),
        'ø' => "oslash".into(),
        'å' => "aring".into(),
        'æ' => "uni00E6".into(),
        'Ø' => "u00D8".into(),
        'Д' => "afii10021".into(),
        '.' => "period".into(),
        ',' => "comma".into(),
        '’' => "quoteright".into(),
        c if c.is_ascii_alphabetic() => c.to_string(),
        c if c.is_ascii_digit() => [
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        ][c as usize - '0' as usize]
            .into(),
        c => format!("uni{:04X}", c as u32),
    }
}

/// Times-Roman, not embedded, re-encoded by `/Differences` alone (no base
/// encoding, no ToUnicode, no /Widths): the codes mean nothing by
/// themselves; only the glyph names give the text.
fn times_differences() {
    let texts = [
        "Referat af mødet i Udsatterådet",
        "Æbler og pærer blev spist, men Ø var lukket.",
        "Gæsten fra Дания talte i 12 minutter.",
    ];
    let (differences, hex) = custom_encoding(&texts, |c| match c {
        'Æ' => "AE".into(),
        c => adobe_name(c),
    });
    let font = dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Times-Roman",
        "Encoding" => dictionary! { "Type" => "Encoding", "Differences" => differences },
    };
    let mut content = Vec::new();
    for (i, text) in hex.iter().enumerate() {
        let size = if i == 0 { 16 } else { 11 };
        content.extend_from_slice(
            format!("BT /T {size} Tf 72 {} Td {text} Tj ET\n", 760 - 30 * i).as_bytes(),
        );
    }
    let resources = dictionary! { "Font" => dictionary! { "T" => font } };
    let mut doc = document(&[content], resources, Object::string_literal("Fixture"));
    save(&mut doc, "times-differences.pdf");
}

/// A Type 3 font whose glyphs are little boxes drawn by content streams and
/// named by `/Differences`: Adobe names at some codes, and at others the
/// names TeX gives bitmap glyphs, a letter and the code itself ("a97" at
/// code 97), which mean what the code means in the standard encodings.
fn type3_font() {
    let texts = ["Dagsorden for mødet", "Punkt 1 er godkendt."];
    let mut names: Vec<(u8, String)> = Vec::new();
    let mut lines = Vec::new();
    for text in texts {
        let mut hex = String::from("<");
        for c in text.chars() {
            let code = match c {
                'ø' => 200u8,
                c => c as u8,
            };
            if !names.iter().any(|(k, _)| *k == code) {
                // Letters by code number, the rest by Adobe name.
                let name = if c.is_ascii_lowercase() {
                    format!("a{code}")
                } else {
                    adobe_name(c)
                };
                names.push((code, name));
            }
            hex.push_str(&format!("{code:02X}"));
        }
        hex.push('>');
        lines.push(hex);
    }
    names.sort();
    let mut doc = Document::with_version("1.5");
    let mut differences: Vec<Object> = Vec::new();
    let mut char_procs = Dictionary::new();
    let proc_id = doc.add_object(Stream::new(
        dictionary! {},
        b"500 0 0 0 450 700 d1 0 0 450 700 re f".to_vec(),
    ));
    for (code, name) in &names {
        differences.push(i64::from(*code).into());
        differences.push(Object::Name(name.clone().into_bytes()));
        char_procs.set(name.clone(), proc_id);
    }
    let widths: Vec<Object> = (0..=255).map(|_| 500.into()).collect();
    let font = dictionary! {
        "Type" => "Font",
        "Subtype" => "Type3",
        "FontBBox" => vec![0.into(), 0.into(), 450.into(), 700.into()],
        "FontMatrix" => vec![0.001.into(), 0.into(), 0.into(), 0.001.into(), 0.into(), 0.into()],
        "CharProcs" => char_procs,
        "Encoding" => dictionary! { "Type" => "Encoding", "Differences" => differences },
        "FirstChar" => 0,
        "LastChar" => 255,
        "Widths" => widths,
        "Resources" => dictionary! {},
    };
    let mut content = Vec::new();
    for (i, hex) in lines.iter().enumerate() {
        content.extend_from_slice(
            format!("BT /G 12 Tf 72 {} Td {hex} Tj ET\n", 760 - 20 * i).as_bytes(),
        );
    }
    let resources = dictionary! { "Font" => dictionary! { "G" => font } };
    let mut doc = document_in(
        doc,
        &[content],
        resources,
        Object::string_literal("Fixture"),
    );
    save(&mut doc, "type3-glyph-names.pdf");
}

/// One short page in Helvetica, for the fixtures about the file around it.
fn plain_document() -> Document {
    let mut content = Vec::new();
    line(
        &mut content,
        "R",
        12,
        72,
        760,
        "Referat af mødet i Ældrerådet",
    );
    line(
        &mut content,
        "R",
        11,
        72,
        730,
        "Rådet godkendte dagsordenen.",
    );
    let resources = dictionary! { "Font" => dictionary! { "R" => differences_font("Helvetica") } };
    document(&[content], resources, Object::string_literal("Fixture"))
}

/// The bytes of a saved document.
fn saved_bytes(doc: &mut Document) -> Vec<u8> {
    let mut bytes = Vec::new();
    if let Err(e) = doc.save_to(&mut bytes) {
        panic!("{e}");
    }
    bytes
}

fn write(name: &str, bytes: &[u8]) {
    let path = out_dir().join(name);
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    println!("wrote {}", path.display());
}

/// A PDF behind 400 bytes of something else (a mail or HTTP header saved
/// with it), and one whose `%PDF-` line is missing altogether.
fn header_variants() {
    let bytes = saved_bytes(&mut plain_document());
    let mut garbage = b"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\nX-Padding: ".to_vec();
    garbage.resize(400, b'x');
    garbage.extend_from_slice(b"\r\n\r\n");
    garbage.extend_from_slice(&bytes);
    write("leading-garbage.pdf", &garbage);
    let line_end = bytes.iter().position(|&b| b == b'\n').map_or(0, |i| i + 1);
    write("no-header.pdf", bytes.get(line_end..).unwrap_or_default());
}

/// Encrypted with an empty user password (RC4, 128 bits) by a producer that
/// wrote no `/ID`: the key is derived with an empty first ID string.
fn encrypted_without_id() {
    let mut doc = plain_document();
    let empty = Object::String(Vec::new(), StringFormat::Hexadecimal);
    doc.trailer.set("ID", vec![empty.clone(), empty]);
    let state = EncryptionState::try_from(EncryptionVersion::V2 {
        document: &doc,
        owner_password: "ejer",
        user_password: "",
        key_length: 128,
        permissions: Permissions::all(),
    })
    .unwrap_or_else(|e| panic!("encrypted-no-id.pdf: {e}"));
    doc.encrypt(&state)
        .unwrap_or_else(|e| panic!("encrypted-no-id.pdf: {e}"));
    doc.trailer.remove(b"ID");
    save(&mut doc, "encrypted-no-id.pdf");
}

/// ToUnicode CMaps as some producers write them: one deflated without a
/// `/Filter` entry and written without spaces between tokens (pdf.js
/// issue 19802), and one on a simple font with a one-byte codespace, a
/// bfrange whose target is a ligature and a bfchar to a surrogate pair.
fn tounicode_variants() {
    let identity = b"/CIDInit /ProcSet findresource begin
10 dict begin
begincmap
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000><FFFF>
endcodespacerange
4 beginbfchar
<0001><0041><0002><0042>
<0003><0020>
<0004><00f8>
endbfchar
2 beginbfrange
<0010><0029><0061>
<0040><0041>[<00E6><00E5>]
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
";
    // lopdf deflates the stream; the /Filter entry is then dropped.
    let mut deflated = Stream::new(dictionary! {}, identity.to_vec());
    deflated
        .compress()
        .unwrap_or_else(|e| panic!("deflate: {e}"));
    deflated.dict.remove(b"Filter");
    let simple = b"/CIDInit /ProcSet findresource begin 10 dict begin begincmap
1 begincodespacerange <00> <FF> endcodespacerange
2 beginbfchar <21> <D83DDE00> <22> <0020> endbfchar
2 beginbfrange <30> <31> <00660066> <41> <5A> <0041> endbfrange
endcmap end end";
    let mut doc = Document::with_version("1.5");
    let to_unicode = doc.add_object(deflated);
    let descendant = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType2",
        "BaseFont" => "Unicode",
        "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"), "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 },
        "DW" => 500,
    });
    let type0 = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => "Unicode",
        "Encoding" => "Identity-H",
        "DescendantFonts" => vec![descendant.into()],
        "ToUnicode" => to_unicode,
    });
    let simple_to_unicode = doc.add_object(Stream::new(dictionary! {}, simple.to_vec()));
    let simple_font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "TrueType",
        "BaseFont" => "ABCDEF+Subset",
        "FirstChar" => 32,
        "LastChar" => 90,
        "Widths" => (32..=90).map(|_| Object::from(600)).collect::<Vec<_>>(),
        "ToUnicode" => simple_to_unicode,
    });
    // "Bøger om Aftaler" in the Type0 font's codes, then "SKAL " + ﬀ ligature codes.
    let cid = |c: char| -> u16 {
        match c {
            'A' => 1,
            'B' => 2,
            ' ' => 3,
            'ø' => 4,
            'æ' => 0x40,
            'å' => 0x41,
            c => 0x10 + (c as u16 - 'a' as u16),
        }
    };
    let hex: String = "Bøger om Aftaler på æbler"
        .chars()
        .map(|c| format!("{:04X}", cid(c)))
        .collect();
    let content = format!(
        "BT /U 12 Tf 72 760 Td <{hex}> Tj ET\nBT /S 12 Tf 72 730 Td (KAFFE\"RISTERI\"0\"!) Tj ET\n"
    )
    .into_bytes();
    let resources = dictionary! { "Font" => dictionary! { "U" => type0, "S" => simple_font } };
    let mut doc = document_in(
        doc,
        &[content],
        resources,
        Object::string_literal("Fixture"),
    );
    save(&mut doc, "tounicode-variants.pdf");
}

/// A page whose text is drawn in a Type0 font with no ToUnicode map and no
/// embedded program (every glyph unmapped), and a page with no text at all
/// (a drawn rectangle, as a scan's image would be): the warnings must tell
/// the two apart.
fn empty_pages() {
    let mut doc = Document::with_version("1.5");
    let descendant = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType2",
        "BaseFont" => "NoMapping",
        "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"), "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 },
        "DW" => 500,
    });
    let font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => "NoMapping",
        "Encoding" => "Identity-H",
        "DescendantFonts" => vec![descendant.into()],
    });
    let content = b"BT /U 12 Tf 72 760 Td <0031003200330034003500360037> Tj ET\n".to_vec();
    let resources = dictionary! { "Font" => dictionary! { "U" => font } };
    let mut doc = document_in(
        doc,
        &[content],
        resources,
        Object::string_literal("Fixture"),
    );
    save(&mut doc, "unmapped-glyphs.pdf");
    let content = b"0.5 g 72 72 451 698 re f\n".to_vec();
    let mut doc = document(
        &[content],
        dictionary! {},
        Object::string_literal("Fixture"),
    );
    save(&mut doc, "no-text.pdf");
}

fn main() {
    if let Err(e) = std::fs::create_dir_all(out_dir()) {
        panic!("{}: {e}", out_dir().display());
    }
    winansi_differences();
    type0_identity();
    form_xobject();
    furniture_and_layout();
    two_columns();
    rotated_page();
    table_of_contents();
    times_differences();
    type3_font();
    header_variants();
    encrypted_without_id();
    tounicode_variants();
    empty_pages();
    truetype_symbolic_30();
    truetype_symbolic_10();
    truetype_post_names();
    cff_builtin();
    truetype_cid_identity();
}

/// The distinct characters of `texts` in order of first use: character
/// `chars[i]` is drawn with code `i + 1`.
fn code_chars(texts: &[&str]) -> Vec<char> {
    let mut chars: Vec<char> = Vec::new();
    for text in texts {
        for c in text.chars() {
            if !chars.contains(&c) {
                chars.push(c);
            }
        }
    }
    chars
}

/// A `cmap` subtable of format 4 (segment mapping) for sorted
/// (code point, glyph) pairs: one segment per pair, and the closing one.
fn cmap_format4(pairs: &[(u16, u16)]) -> Vec<u8> {
    let mut segments: Vec<(u16, u16)> = pairs.to_vec();
    segments.push((0xFFFF, 0));
    let seg_x2 = (segments.len() * 2) as u16;
    let mut out = Vec::new();
    let len = 16 + 8 * segments.len();
    for v in [4u16, len as u16, 0, seg_x2, 0, 0, 0] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    for (code, _) in &segments {
        out.extend_from_slice(&code.to_be_bytes()); // end codes
    }
    out.extend_from_slice(&0u16.to_be_bytes()); // reserved pad
    for (code, _) in &segments {
        out.extend_from_slice(&code.to_be_bytes()); // start codes
    }
    for (code, glyph) in &segments {
        let delta = if *code == 0xFFFF {
            1
        } else {
            glyph.wrapping_sub(*code)
        };
        out.extend_from_slice(&delta.to_be_bytes());
    }
    for _ in &segments {
        out.extend_from_slice(&0u16.to_be_bytes()); // idRangeOffset
    }
    out
}

/// A `cmap` subtable of format 0 (a byte per code) for (code, glyph) pairs.
fn cmap_format0(pairs: &[(u8, u8)]) -> Vec<u8> {
    let mut out = Vec::new();
    for v in [0u16, 262, 0] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    let mut glyphs = [0u8; 256];
    for &(code, glyph) in pairs {
        glyphs[usize::from(code)] = glyph;
    }
    out.extend_from_slice(&glyphs);
    out
}

/// A `cmap` table of ((platform, encoding), subtable) entries.
fn cmap_table(subtables: &[((u16, u16), Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(&0u16.to_be_bytes());
    out.extend_from_slice(&(subtables.len() as u16).to_be_bytes());
    let mut offset = 4 + 8 * subtables.len();
    for ((platform, encoding), data) in subtables {
        out.extend_from_slice(&platform.to_be_bytes());
        out.extend_from_slice(&encoding.to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        offset += data.len();
    }
    for (_, data) in subtables {
        out.extend_from_slice(data);
    }
    out
}

/// A `post` table: version 2 naming glyph 1.. by `names` (glyph 0 is
/// .notdef), or version 3 (no names) when `names` is empty.
fn post_table(names: &[String]) -> Vec<u8> {
    let mut out = Vec::new();
    let version: u32 = if names.is_empty() {
        0x0003_0000
    } else {
        0x0002_0000
    };
    out.extend_from_slice(&version.to_be_bytes());
    out.extend_from_slice(&[0u8; 28]);
    if names.is_empty() {
        return out;
    }
    out.extend_from_slice(&((names.len() + 1) as u16).to_be_bytes());
    out.extend_from_slice(&0u16.to_be_bytes());
    for i in 0..names.len() {
        out.extend_from_slice(&((258 + i) as u16).to_be_bytes());
    }
    for name in names {
        out.push(name.len() as u8);
        out.extend_from_slice(name.as_bytes());
    }
    out
}

/// An sfnt holding the given tables (only what a text reader looks at:
/// no outlines are needed to read which glyph a code selects).
fn sfnt(tables: &[(&[u8; 4], Vec<u8>)]) -> Vec<u8> {
    let mut tables: Vec<_> = tables.to_vec();
    tables.sort_by_key(|(tag, _)| **tag);
    let mut out = Vec::new();
    out.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    out.extend_from_slice(&(tables.len() as u16).to_be_bytes());
    out.extend_from_slice(&[0u8; 6]);
    let mut offset = 12 + 16 * tables.len();
    for (tag, data) in &tables {
        out.extend_from_slice(*tag);
        out.extend_from_slice(&0u32.to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        offset += data.len().div_ceil(4) * 4;
    }
    for (_, data) in &tables {
        out.extend_from_slice(data);
        out.resize(out.len().div_ceil(4) * 4, 0);
    }
    out
}

/// A one-font document drawing `texts`, one a line, with each character's
/// code from [`code_chars`] (two bytes per code for a composite font).
fn font_document(doc: Document, font: Dictionary, texts: &[&str], two_bytes: bool, name: &str) {
    let chars = code_chars(texts);
    let mut content = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        let codes: String = text
            .chars()
            .map(|c| {
                let code = chars.iter().position(|&k| k == c).unwrap_or(0) + 1;
                if two_bytes {
                    format!("{code:04X}")
                } else {
                    format!("{code:02X}")
                }
            })
            .collect();
        content.extend_from_slice(
            format!("BT /P 11 Tf 72 {} Td <{codes}> Tj ET\n", 760 - 20 * i).as_bytes(),
        );
    }
    let resources = dictionary! { "Font" => dictionary! { "P" => font } };
    let mut doc = document_in(
        doc,
        &[content],
        resources,
        Object::string_literal("Fixture"),
    );
    save(&mut doc, name);
}

/// A simple TrueType font dictionary embedding `program`, with no
/// ToUnicode; `encoding` as given (none for a symbolic font).
fn truetype_font(
    doc: &mut Document,
    program: Vec<u8>,
    symbolic: bool,
    encoding: Option<Object>,
) -> Dictionary {
    let program = doc.add_object(Stream::new(dictionary! {}, program));
    let mut font = dictionary! {
        "Type" => "Font",
        "Subtype" => "TrueType",
        "BaseFont" => "ABCDEF+Fixture",
        "FirstChar" => 0,
        "LastChar" => 255,
        "Widths" => vec![Object::Integer(500); 256],
        "FontDescriptor" => dictionary! {
            "Type" => "FontDescriptor",
            "FontName" => "ABCDEF+Fixture",
            "Flags" => if symbolic { 4 } else { 32 },
            "FontBBox" => vec![0.into(), (-200).into(), 1000.into(), 800.into()],
            "ItalicAngle" => 0, "Ascent" => 800, "Descent" => -200, "CapHeight" => 700, "StemV" => 80,
            "FontFile2" => program,
        },
    };
    if let Some(encoding) = encoding {
        font.set("Encoding", encoding);
    }
    font
}

const FONT_PROGRAM_TEXTS: [&str; 2] = [
    "Referat af mødet i Ældrerådet",
    "Østergade blev omtalt på side 12.",
];

/// A symbolic TrueType subset as office programs embed symbol and subset
/// fonts: no /Encoding, no ToUnicode; the codes 1.. select glyphs through
/// the program's (3,0) subtable at 0xF000 + code, and the glyphs are named
/// in its `post` table. Codes below 32 mean nothing in any standard
/// encoding, so only the program gives the text.
fn truetype_symbolic_30() {
    let chars = code_chars(&FONT_PROGRAM_TEXTS);
    let pairs: Vec<(u16, u16)> = (1..=chars.len() as u16)
        .map(|code| (0xF000 + code, code))
        .collect();
    let names: Vec<String> = chars.iter().map(|&c| adobe_name(c)).collect();
    let program = sfnt(&[
        (b"cmap", cmap_table(&[((3, 0), cmap_format4(&pairs))])),
        (b"post", post_table(&names)),
    ]);
    let mut doc = Document::with_version("1.5");
    let font = truetype_font(&mut doc, program, true, None);
    font_document(
        doc,
        font,
        &FONT_PROGRAM_TEXTS,
        false,
        "truetype-symbolic-30.pdf",
    );
}

/// A symbolic TrueType subset whose codes select glyphs through its (1,0)
/// subtable, glyph n at code n + 1 … in reverse order, and whose glyphs are
/// unnamed (`post` version 3): their text is the code point its (3,1)
/// subtable maps to each glyph.
fn truetype_symbolic_10() {
    let chars = code_chars(&FONT_PROGRAM_TEXTS);
    let n = chars.len() as u8;
    // Code k draws glyph n + 1 - k.
    let mac: Vec<(u8, u8)> = (1..=n).map(|code| (code, n + 1 - code)).collect();
    let mut unicode: Vec<(u16, u16)> = (1..=n)
        .map(|code| (chars[usize::from(code) - 1] as u16, u16::from(n + 1 - code)))
        .collect();
    unicode.sort();
    let program = sfnt(&[
        (
            b"cmap",
            cmap_table(&[
                ((1, 0), cmap_format0(&mac)),
                ((3, 1), cmap_format4(&unicode)),
            ]),
        ),
        (b"post", post_table(&[])),
    ]);
    let mut doc = Document::with_version("1.5");
    let font = truetype_font(&mut doc, program, true, None);
    font_document(
        doc,
        font,
        &FONT_PROGRAM_TEXTS,
        false,
        "truetype-symbolic-10.pdf",
    );
}

/// A nonsymbolic TrueType font re-encoded by `/Differences` with names the
/// Adobe Glyph List does not know ("glyph7"): the program's `post` table
/// finds each glyph and its (3,1) subtable gives the text.
fn truetype_post_names() {
    let chars = code_chars(&FONT_PROGRAM_TEXTS);
    // Glyph 1 + i draws chars[i]; its post name is "glyph<1 + i + 100>".
    let names: Vec<String> = (0..chars.len())
        .map(|i| format!("glyph{}", 101 + i))
        .collect();
    let mut unicode: Vec<(u16, u16)> = chars
        .iter()
        .enumerate()
        .map(|(i, &c)| (c as u16, 1 + i as u16))
        .collect();
    unicode.sort();
    let program = sfnt(&[
        (b"cmap", cmap_table(&[((3, 1), cmap_format4(&unicode))])),
        (b"post", post_table(&names)),
    ]);
    let mut differences: Vec<Object> = vec![1.into()];
    differences.extend(names.iter().map(|n| Object::Name(n.clone().into_bytes())));
    let encoding = dictionary! {
        "Type" => "Encoding",
        "BaseEncoding" => "WinAnsiEncoding",
        "Differences" => differences,
    };
    let mut doc = Document::with_version("1.5");
    let font = truetype_font(&mut doc, program, false, Some(encoding.into()));
    font_document(
        doc,
        font,
        &FONT_PROGRAM_TEXTS,
        false,
        "truetype-post-names.pdf",
    );
}

/// A CFF INDEX of the given items (offset size 4).
fn cff_index(items: &[Vec<u8>]) -> Vec<u8> {
    let mut out = (items.len() as u16).to_be_bytes().to_vec();
    if items.is_empty() {
        return out;
    }
    out.push(4);
    let mut offset = 1u32;
    out.extend_from_slice(&offset.to_be_bytes());
    for item in items {
        offset += item.len() as u32;
        out.extend_from_slice(&offset.to_be_bytes());
    }
    for item in items {
        out.extend_from_slice(item);
    }
    out
}

/// A CFF font program (`/FontFile3` of subtype Type1C) whose built-in
/// encoding gives code k to glyph k (format 0) and whose charset names
/// each glyph by a custom string; every glyph is an empty outline.
fn cff_program(names: &[String]) -> Vec<u8> {
    let header = vec![1u8, 0, 4, 4];
    let name_index = cff_index(&[b"Fixture".to_vec()]);
    let strings = cff_index(
        &names
            .iter()
            .map(|n| n.clone().into_bytes())
            .collect::<Vec<_>>(),
    );
    let global_subrs = cff_index(&[]);
    // The Top DICT's offsets use the 5-byte integer form, so its size is
    // known before the offsets are.
    let top_dict_len = 3 * 6;
    let top_index_len = 2 + 1 + 8 + top_dict_len;
    let charset_at =
        header.len() + name_index.len() + top_index_len + strings.len() + global_subrs.len();
    let mut charset = vec![0u8];
    for i in 0..names.len() {
        charset.extend_from_slice(&((391 + i) as u16).to_be_bytes());
    }
    let encoding_at = charset_at + charset.len();
    let mut encoding = vec![0u8, names.len() as u8];
    encoding.extend((1..=names.len()).map(|k| k as u8));
    let char_strings_at = encoding_at + encoding.len();
    let char_strings = cff_index(&vec![vec![14u8]; names.len() + 1]);
    let mut top = Vec::new();
    for (value, op) in [(charset_at, 15u8), (encoding_at, 16), (char_strings_at, 17)] {
        top.push(29);
        top.extend_from_slice(&(value as i32).to_be_bytes());
        top.push(op);
    }
    let top_index = cff_index(&[top]);
    assert_eq!(top_index.len(), top_index_len);
    let mut out = header;
    for part in [
        name_index,
        top_index,
        strings,
        global_subrs,
        charset,
        encoding,
        char_strings,
    ] {
        out.extend_from_slice(&part);
    }
    out
}

/// A Type 1 font embedded as CFF, without /Encoding or ToUnicode: its
/// codes are read by the program's built-in encoding and charset.
fn cff_builtin() {
    let chars = code_chars(&FONT_PROGRAM_TEXTS);
    let names: Vec<String> = chars.iter().map(|&c| adobe_name(c)).collect();
    let mut doc = Document::with_version("1.5");
    let program = doc.add_object(Stream::new(
        dictionary! { "Subtype" => "Type1C" },
        cff_program(&names),
    ));
    let font = dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "ABCDEF+FixtureCFF",
        "FirstChar" => 0,
        "LastChar" => 255,
        "Widths" => vec![Object::Integer(500); 256],
        "FontDescriptor" => dictionary! {
            "Type" => "FontDescriptor",
            "FontName" => "ABCDEF+FixtureCFF",
            "Flags" => 4,
            "FontBBox" => vec![0.into(), (-200).into(), 1000.into(), 800.into()],
            "ItalicAngle" => 0, "Ascent" => 800, "Descent" => -200, "CapHeight" => 700, "StemV" => 80,
            "FontFile3" => program,
        },
    };
    font_document(
        doc,
        font,
        &FONT_PROGRAM_TEXTS,
        false,
        "cff-builtin-encoding.pdf",
    );
}

/// A Type0 font over a CIDFontType2 with Identity-H and no ToUnicode, as
/// some producers write TrueType subsets: each CID is a glyph id, and the
/// program's (3,1) subtable read backwards gives the text. The codes are
/// numbered from 1 in order of use, so nothing but the subtable can say
/// which character each one draws.
fn truetype_cid_identity() {
    let chars = code_chars(&FONT_PROGRAM_TEXTS);
    let mut unicode: Vec<(u16, u16)> = chars
        .iter()
        .enumerate()
        .map(|(i, &c)| (c as u16, 1 + i as u16))
        .collect();
    unicode.sort();
    let program = sfnt(&[
        (b"cmap", cmap_table(&[((3, 1), cmap_format4(&unicode))])),
        (b"post", post_table(&[])),
    ]);
    let mut doc = Document::with_version("1.5");
    let program = doc.add_object(Stream::new(dictionary! {}, program));
    let font = dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => "ABCDEF+FixtureCID",
        "Encoding" => "Identity-H",
        "DescendantFonts" => vec![Object::Dictionary(dictionary! {
            "Type" => "Font",
            "Subtype" => "CIDFontType2",
            "BaseFont" => "ABCDEF+FixtureCID",
            "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"), "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 },
            "DW" => 500,
            "CIDToGIDMap" => "Identity",
            "FontDescriptor" => dictionary! {
                "Type" => "FontDescriptor",
                "FontName" => "ABCDEF+FixtureCID",
                "Flags" => 4,
                "FontBBox" => vec![0.into(), (-200).into(), 1000.into(), 800.into()],
                "ItalicAngle" => 0, "Ascent" => 800, "Descent" => -200, "CapHeight" => 700, "StemV" => 80,
                "FontFile2" => program,
            },
        })],
    };
    font_document(
        doc,
        font,
        &FONT_PROGRAM_TEXTS,
        true,
        "truetype-cid-identity.pdf",
    );
}
