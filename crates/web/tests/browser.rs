//! End to end in a real browser: Debian's chromium, headless, driven over
//! WebDriver (chromedriver) by fantoccini, on a server over an index of
//! the bundled corpus. A reader types a query, applies a filter, opens a
//! meeting, follows a document link and a person, and a bookmarked URL
//! gives the same results. Expected values come from the corpus's
//! hand-written `corpus/expected/*.json` and the documents' text, never
//! from referat's own output.
//!
//! Needs `chromium` and `chromedriver` on PATH (`.ci/run` installs them);
//! without them the test fails rather than skips. Screenshots go to a
//! temporary folder, or to `docs/` with `REFERAT_UPDATE_SCREENSHOTS=1`.

mod support;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::Value;

/// The expected fields of each corpus meeting, by file stem.
fn expected() -> Vec<(String, Value)> {
    let dir = support::root().join("corpus/expected");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("corpus/expected") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "json") {
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string();
            let json =
                serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("json");
            out.push((stem, json));
        }
    }
    out
}

/// The corpus text of a meeting (read by hand into `*.content.txt`).
fn content(stem: &str) -> String {
    std::fs::read_to_string(support::root().join(format!("corpus/expected/{stem}.content.txt")))
        .expect("content")
        .to_lowercase()
}

/// chromedriver on a free port; killed when dropped.
struct Driver {
    child: Child,
    port: u16,
    _profile: tempfile::TempDir,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn chromium() -> PathBuf {
    for candidate in ["/usr/bin/chromium", "/usr/bin/chromium-browser"] {
        if Path::new(candidate).exists() {
            return candidate.into();
        }
    }
    panic!("chromium is not installed (apt-get install chromium chromium-driver; .ci/run does)");
}

fn start_driver() -> Driver {
    let port = free_port();
    let child = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver is not installed (apt-get install chromium-driver; .ci/run does)");
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "chromedriver did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    Driver {
        child,
        port,
        _profile: tempfile::tempdir().expect("profile dir"),
    }
}

async fn connect(driver: &Driver) -> Client {
    let profile = driver._profile.path().display().to_string();
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), "chrome".into());
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": chromium(),
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000",
                "--lang=da-DK",
                format!("--user-data-dir={profile}"),
            ],
        }),
    );
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("a browser session")
}

/// Text of every element matching `css`.
async fn texts(c: &Client, css: &str) -> Vec<String> {
    let mut out = Vec::new();
    for e in c.find_all(Locator::Css(css)).await.expect("find") {
        out.push(e.text().await.expect("text"));
    }
    out
}

/// The meeting ids of the result list, in order.
async fn hit_meetings(c: &Client) -> Vec<String> {
    let mut out = Vec::new();
    for e in c
        .find_all(Locator::Css("#hits li.hit"))
        .await
        .expect("hits")
    {
        out.push(
            e.attr("data-meeting")
                .await
                .expect("attr")
                .unwrap_or_default(),
        );
    }
    out
}

/// The date each hit's facts line starts with.
async fn hit_dates(c: &Client) -> Vec<String> {
    texts(c, "#hits li.hit .facts")
        .await
        .into_iter()
        .map(|t| t.split_whitespace().next().unwrap_or_default().to_string())
        .collect()
}

/// Clicks the element matching `locator` and waits until the page it leads
/// to has loaded. A WebDriver click does not wait for the navigation it
/// starts, so reading the page straight after it can find nodes of the old
/// document ("Node with given id does not belong to the document"). The old
/// document is marked first; the new one is the first without the mark.
async fn follow(c: &Client, locator: Locator<'_>, what: &str) {
    c.execute("window.__referatOld = true; return null;", vec![])
        .await
        .expect("mark the page");
    c.find(locator)
        .await
        .unwrap_or_else(|e| panic!("{what}: {e}"))
        .click()
        .await
        .unwrap_or_else(|e| panic!("click {what}: {e}"));
    let started = Instant::now();
    loop {
        let loaded = c
            .execute(
                "return window.__referatOld !== true && document.readyState === 'complete';",
                vec![],
            )
            .await
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        if loaded {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{what}: the page did not load"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn save_png(name: &str, png: &[u8], scratch: &Path) {
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "{name} is not a PNG");
    // IHDR: width and height after the signature and chunk header.
    let width = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
    let height = u32::from_be_bytes([png[20], png[21], png[22], png[23]]);
    assert!(width >= 800 && height >= 600, "{name}: {width}x{height}");
    let dir = if std::env::var_os("REFERAT_UPDATE_SCREENSHOTS").is_some() {
        support::root().join("docs")
    } else {
        scratch.to_path_buf()
    };
    std::fs::create_dir_all(&dir).expect("screenshot dir");
    std::fs::write(dir.join(name), png).expect("write screenshot");
}

#[test]
fn a_reader_searches_filters_opens_a_meeting_and_bookmarks() {
    let served = support::serve(&[], referat_web::Limits::default());
    let base = format!("http://{}", served.addr);
    let driver = start_driver();
    let scratch = tempfile::tempdir().expect("scratch");
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async {
        let c = connect(&driver).await;
        let word = "forretningsorden";
        let expected = expected();
        let mentioning: Vec<&(String, Value)> = expected
            .iter()
            .filter(|(stem, _)| content(stem).contains(word))
            .collect();

        // Type a query.
        c.goto(&format!("{base}/")).await.expect("goto");
        c.find(Locator::Css("#q"))
            .await
            .expect("query box")
            .send_keys(word)
            .await
            .expect("type");
        follow(&c, Locator::Css("#search"), "button").await;
        let dates = hit_dates(&c).await;
        let mut want: Vec<String> = mentioning
            .iter()
            .map(|(_, j)| j["date"].as_str().unwrap_or_default().to_string())
            .collect();
        want.sort();
        let mut got = dates.clone();
        got.sort();
        assert_eq!(got, want, "one hit per meeting that mentions {word}");
        let marks = texts(&c, "#hits mark").await;
        assert!(
            marks.iter().any(|m| m.to_lowercase().contains(word)),
            "highlighted: {marks:?}"
        );

        // The timeline counts the same meetings, per year.
        let mut per_year = 0;
        for bar in c
            .find_all(Locator::Css("#timeline rect.bar"))
            .await
            .expect("bars")
        {
            let n = bar
                .attr("data-matching")
                .await
                .expect("attr")
                .unwrap_or_default();
            per_year += n.parse::<usize>().expect("a count");
        }
        assert_eq!(per_year, want.len(), "timeline bars add up to the hits");

        // Facet counts: the municipality facet counts the meetings of each
        // municipality that mention the word, and its link narrows to them.
        let municipality = "Albertslund";
        let in_municipality = mentioning
            .iter()
            .filter(|(_, j)| j["municipality"] == municipality)
            .count();
        let facet = format!("#facets ul[data-facet=municipality] a[data-value={municipality}]");
        let count_css = format!(
            "#facets ul[data-facet=municipality] li:has(a[data-value={municipality}]) .count"
        );
        assert_eq!(
            texts(&c, &count_css).await.concat(),
            in_municipality.to_string()
        );
        for (value, count) in [("Aalborg", "aalborg"), ("Gladsaxe", "gladsaxe")] {
            let n = mentioning
                .iter()
                .filter(|(_, j)| j["municipality"] == value)
                .count();
            let css =
                format!("#facets ul[data-facet=municipality] li:has(a[data-value={value}]) .count");
            let shown = texts(&c, &css).await.concat();
            assert_eq!(
                shown,
                if n == 0 { String::new() } else { n.to_string() },
                "{count}"
            );
        }
        follow(&c, Locator::Css(&facet), "facet link").await;
        assert_eq!(hit_dates(&c).await.len(), in_municipality);
        c.goto(&format!("{base}/?q={word}")).await.expect("back");

        // Apply a filter: one municipality.
        c.find(Locator::Css("#municipality"))
            .await
            .expect("filter")
            .select_by_value(municipality)
            .await
            .expect("select");
        follow(&c, Locator::Css("#search"), "button").await;
        let mut got = hit_dates(&c).await;
        got.sort();
        let mut want: Vec<String> = mentioning
            .iter()
            .filter(|(_, j)| j["municipality"] == municipality)
            .map(|(_, j)| j["date"].as_str().unwrap_or_default().to_string())
            .collect();
        want.sort();
        assert_eq!(got, want, "{municipality} only");
        assert!(texts(&c, "#hits .facts")
            .await
            .iter()
            .all(|f| f.contains(municipality)));

        // A bookmarked URL shows the same results and the same form.
        let url = c.current_url().await.expect("url").to_string();
        assert!(
            url.contains("q=forretningsorden") && url.contains("municipality=Albertslund"),
            "{url}"
        );
        let meetings = hit_meetings(&c).await;
        let total = texts(&c, "#total").await;
        save_png(
            "web-search.png",
            &c.screenshot().await.expect("screenshot"),
            scratch.path(),
        );
        c.goto("about:blank").await.expect("away");
        c.goto(&url).await.expect("bookmark");
        assert_eq!(hit_meetings(&c).await, meetings);
        assert_eq!(texts(&c, "#total").await, total);
        let q = c
            .find(Locator::Css("#q"))
            .await
            .expect("box")
            .prop("value")
            .await
            .expect("value");
        assert_eq!(q.as_deref(), Some(word));
        let m = c
            .find(Locator::Css("#municipality"))
            .await
            .expect("select")
            .prop("value")
            .await
            .expect("value");
        assert_eq!(m.as_deref(), Some(municipality));

        // Open a meeting: its fields and persons are the ones the minutes list.
        follow(&c, Locator::Css("#hits li.hit a.open"), "a hit").await;
        let date_text = texts(&c, "#date").await.concat();
        let (stem, meeting) = expected
            .iter()
            .find(|(_, j)| j["date"].as_str().is_some_and(|d| date_text.starts_with(d)))
            .expect("an expected meeting with the page's date");
        let attendees = texts(&c, "#attendees").await.concat();
        for name in meeting["attendees"].as_array().expect("attendees") {
            let name = name.as_str().unwrap_or_default();
            assert!(attendees.contains(name), "{stem}: {name} in {attendees}");
        }
        let absent = texts(&c, "#absent").await.concat();
        for name in meeting["absent"].as_array().expect("absent") {
            let name = name.as_str().unwrap_or_default();
            assert!(absent.contains(name), "{stem}: {name} in {absent}");
        }
        if let Some(taker) = meeting["minute_taker"].as_str() {
            assert!(texts(&c, "#minute_taker").await.concat().contains(taker));
        }
        let decisions = c
            .find_all(Locator::Css(".decision"))
            .await
            .expect("decisions")
            .len();
        assert_eq!(
            decisions as u64,
            meeting["decisions"].as_u64().expect("count"),
            "{stem}"
        );
        let meeting_url = c.current_url().await.expect("url").to_string();
        save_png(
            "web-meeting.png",
            &c.screenshot().await.expect("screenshot"),
            scratch.path(),
        );

        // Follow a document link: the PDF is the corpus file, byte for byte.
        let pdf = c
            .find(Locator::Css("a.original[data-format=pdf]"))
            .await
            .expect("pdf link")
            .attr("href")
            .await
            .expect("href")
            .expect("an href");
        let served_pdf = support::get(served.addr, &pdf);
        assert_eq!(served_pdf.status, 200);
        let on_disk = support::root().join(format!(
            "corpus/{}/{stem}.pdf",
            meeting["municipality"]
                .as_str()
                .unwrap_or_default()
                .to_lowercase()
        ));
        assert_eq!(
            served_pdf.body,
            std::fs::read(&on_disk).expect("corpus pdf")
        );
        // And the HTML rendition opens in the browser, showing the minutes.
        follow(
            &c,
            Locator::Css("a.original[data-format=html]"),
            "html link",
        )
        .await;
        let shown = c
            .find(Locator::Css("body"))
            .await
            .expect("body")
            .text()
            .await
            .expect("text");
        if let Some(location) = meeting["location"].as_str() {
            assert!(shown.contains(location), "the original shows {location}");
        }

        // A person, under every spelling: "Rene" in 2021 is René Meyrowitsch.
        c.goto(&meeting_url).await.expect("back");
        if meeting["attendees"]
            .as_array()
            .is_some_and(|a| a.iter().any(|n| n == "Rene"))
        {
            follow(&c, Locator::LinkText("Rene"), "a person link").await;
            let variants = texts(&c, ".variants .variant").await;
            for v in ["René Meyrowitsch", "Rene", "René"] {
                assert!(variants.iter().any(|x| x == v), "{v} in {variants:?}");
            }
            let attended = texts(&c, "ul.attended li").await.concat();
            assert!(attended.contains(meeting["date"].as_str().unwrap_or("?")));
        }
        c.close().await.expect("close");
    });
}
