//! Document properties: the producing application (`docProps/app.xml`) and
//! the title (`docProps/core.xml`).

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::text::normalize;

/// The text of the first element with this local name, normalised; `None`
/// when absent or empty.
pub fn element_text(xml: &[u8], local: &str) -> Option<String> {
    let text = String::from_utf8_lossy(xml);
    let mut reader = Reader::from_str(&text);
    let mut inside = false;
    let mut out = String::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if e.local_name().as_ref() == local => inside = true,
            Ok(Event::End(e)) if inside && e.local_name().as_ref() == local => break,
            Ok(Event::Text(t)) if inside => out.push_str(&t.xml10_content()),
            Ok(Event::GeneralRef(r)) if inside => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    out.push(c);
                } else {
                    out.push_str(match &*r {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "",
                    });
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    let out = normalize(&out);
    (!out.is_empty()).then_some(out)
}

/// "Microsoft Office Word 16.0000" from `docProps/app.xml`.
pub fn producer(app_xml: &[u8]) -> Option<String> {
    let app = element_text(app_xml, "Application")?;
    Some(match element_text(app_xml, "AppVersion") {
        Some(version) => format!("{app} {version}"),
        None => app,
    })
}

/// `dc:title` from `docProps/core.xml`.
pub fn title(core_xml: &[u8]) -> Option<String> {
    element_text(core_xml, "title")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn app_and_version() {
        let xml = br#"<Properties><Application>Microsoft Office Word</Application><AppVersion>16.0000</AppVersion></Properties>"#;
        assert_eq!(
            producer(xml).as_deref(),
            Some("Microsoft Office Word 16.0000")
        );
        let core = br#"<cp:coreProperties xmlns:cp="x" xmlns:dc="y"><dc:title>Referat &amp; noter</dc:title></cp:coreProperties>"#;
        assert_eq!(title(core).as_deref(), Some("Referat & noter"));
        assert_eq!(title(b"<a/>"), None);
    }
}
