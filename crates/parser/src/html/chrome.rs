//! What an element is, for reading: text to drop (scripts), site chrome to
//! flag as furniture (navigation, banners, cookie notices, share buttons,
//! hidden elements), or content. Decided by structure — element names, ARIA
//! roles, class and id words, visibility — never by the words on the page.

use scraper::node::Element;

/// How the reader treats an element and its subtree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Treatment {
    /// Not text at all (scripts, styles, form controls): skipped.
    Drop,
    /// Site chrome or hidden: read, but every block is furniture.
    Chrome,
    /// Ordinary content.
    Content,
}

/// Elements whose content is never text a reader sees.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "svg", "math", "select", "option",
    "textarea", "input", "iframe", "object", "embed", "canvas", "audio", "video", "img",
];

/// Landmarks that are chrome wherever they are.
const CHROME_ELEMENTS: &[&str] = &["nav", "aside", "form", "dialog", "menu"];

/// ARIA roles of site chrome.
const CHROME_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "search",
    "menu",
    "menubar",
    "menuitem",
    "dialog",
    "alertdialog",
    "complementary",
    "toolbar",
    "tablist",
];

/// Words in class names, ids and ARIA labels that name chrome. Whole words of
/// the attribute, split at `-`, `_` and spaces ("cookie-banner", "share_links").
const CHROME_WORDS: &[&str] = &[
    "breadcrumb",
    "breadcrumbs",
    "brødkrumme",
    "brødkrummesti",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "share",
    "sharing",
    "social",
    "some",
    "skip",
    "skiplink",
    "skiplinks",
    "navbar",
    "navigation",
    "modal",
    "sidebar",
];

/// How to treat `element`. `in_sectioning` says whether it is inside
/// `<article>`, `<main>`, `<section>`, `<aside>` or `<nav>`: there a `<header>`
/// or `<footer>` belongs to that section (an article's title), not to the site.
pub fn treatment(element: &Element, in_sectioning: bool) -> Treatment {
    let name = element.name();
    if DROPPED.contains(&name) {
        return Treatment::Drop;
    }
    if is_hidden(element)
        || CHROME_ELEMENTS.contains(&name)
        || (matches!(name, "header" | "footer") && !in_sectioning)
    {
        return Treatment::Chrome;
    }
    if let Some(role) = element.attr("role") {
        if role
            .split_whitespace()
            .any(|r| CHROME_ROLES.contains(&r.to_ascii_lowercase().as_str()))
        {
            return Treatment::Chrome;
        }
    }
    if element.attr("aria-modal") == Some("true") {
        return Treatment::Chrome;
    }
    let named_chrome = ["class", "id", "aria-label"]
        .iter()
        .filter_map(|a| element.attr(a))
        .any(has_chrome_word);
    if named_chrome && name != "body" && name != "main" && name != "article" {
        return Treatment::Chrome;
    }
    Treatment::Content
}

/// Whether the element opens a section that owns its own header and footer.
pub fn is_sectioning(element: &Element) -> bool {
    matches!(
        element.name(),
        "article" | "main" | "section" | "aside" | "nav"
    ) || element.attr("role") == Some("main")
}

/// Fragments that name chrome even inside a longer identifier
/// ("CybotCookiebotDialog", "consentBanner").
const CHROME_FRAGMENTS: &[&str] = &["cookie", "consent", "breadcrumb", "brødkrumme", "gdpr"];

fn has_chrome_word(value: &str) -> bool {
    let lower = value.to_lowercase();
    CHROME_FRAGMENTS.iter().any(|f| lower.contains(f))
        || lower
            .split(|c: char| c == '-' || c == '_' || c.is_whitespace())
            .any(|w| CHROME_WORDS.contains(&w))
}

/// Hidden by the `hidden` attribute, `aria-hidden="true"` or an inline style.
pub fn is_hidden(element: &Element) -> bool {
    if element.attr("hidden").is_some() || element.attr("aria-hidden") == Some("true") {
        return true;
    }
    element.attr("style").is_some_and(|style| {
        let compact: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        compact.contains("display:none") || compact.contains("visibility:hidden")
    })
}

/// Elements that start and end a block of text.
pub fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "nav"
            | "aside"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "blockquote"
            | "pre"
            | "address"
            | "figure"
            | "figcaption"
            | "form"
            | "fieldset"
            | "hr"
            | "details"
            | "summary"
            | "center"
            | "dialog"
            | "menu"
            | "legend"
            | "body"
            | "html"
            | "button"
            | "label"
    )
}
