//! Articles from the web: fetching against a real HTTP server on 127.0.0.1 (started here),
//! the page cache, `--save` and `parallax extract`. Nothing leaves the machine.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use assert_cmd::Command;
use parallax::analysis::load::{self, fetch};
use parallax::error::FetchFailure;
use parallax::{Error, Options, analyze_inputs};
use predicates::prelude::*;

const PAGE: &[u8] = include_bytes!("../assets/html/og-news.html");
const OTHER: &[u8] = include_bytes!("../assets/html/jsonld-blog.html");

/// What the server saw: request count and last request head per path.
#[derive(Default)]
struct Seen {
    hits: HashMap<String, usize>,
    heads: HashMap<String, String>,
}

struct Server {
    base: String,
    seen: Arc<Mutex<Seen>>,
}

impl Server {
    fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let seen = Arc::new(Mutex::new(Seen::default()));
        let shared = Arc::clone(&seen);
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let seen = Arc::clone(&shared);
                thread::spawn(move || serve(stream, &seen));
            }
        });
        Self { base, seen }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn hits(&self, path: &str) -> usize {
        self.seen.lock().unwrap().hits.get(path).copied().unwrap_or(0)
    }

    fn head(&self, path: &str) -> String {
        self.seen
            .lock()
            .unwrap()
            .heads
            .get(path)
            .cloned()
            .unwrap_or_default()
    }
}

fn serve(mut stream: TcpStream, seen: &Mutex<Seen>) {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        match stream.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => return,
        }
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let path = head.split_whitespace().nth(1).unwrap_or("/").to_owned();
    {
        let mut seen = seen.lock().unwrap();
        *seen.hits.entry(path.clone()).or_default() += 1;
        seen.heads.insert(path.clone(), head);
    }
    let reply = |stream: &mut TcpStream, status: &str, headers: &str, body: &[u8]| {
        let _ = write!(
            stream,
            "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        );
        let _ = stream.write_all(body);
    };
    match path.as_str() {
        "/page" => reply(
            &mut stream,
            "200 OK",
            "Content-Type: text/html; charset=utf-8\r\n",
            PAGE,
        ),
        "/other" => reply(&mut stream, "200 OK", "Content-Type: text/html\r\n", OTHER),
        "/empty" => reply(
            &mut stream,
            "200 OK",
            "Content-Type: text/html\r\n",
            b"<html><body><nav>Home</nav></body></html>",
        ),
        "/redirect" => reply(&mut stream, "302 Found", "Location: /page\r\n", b""),
        "/loop" => reply(&mut stream, "302 Found", "Location: /loop\r\n", b""),
        "/pdf" => reply(
            &mut stream,
            "200 OK",
            "Content-Type: application/pdf\r\n",
            b"%PDF-1.4",
        ),
        "/cp1251" => {
            // Declared only in the HTTP header, not in the page.
            let html = "<html><body><article><p>Паромная переправа в субботу утром вернулась к обычному расписанию, через три дня после шторма, который повредил причал.</p><p>Инженеры работали всю ночь, чтобы заменить две сломанные секции трапа, сообщил оператор переправы.</p></article></body></html>";
            let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(html);
            reply(
                &mut stream,
                "200 OK",
                "Content-Type: text/html; charset=windows-1251\r\n",
                &bytes,
            );
        }
        "/slow" => {
            thread::sleep(Duration::from_secs(3));
            reply(&mut stream, "200 OK", "Content-Type: text/html\r\n", PAGE);
        }
        "/slow-body" => {
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n<html><body><p>"
            );
            let _ = stream.flush();
            thread::sleep(Duration::from_secs(3));
        }
        "/huge" => {
            let body = vec![b'a'; 50_000];
            reply(&mut stream, "200 OK", "Content-Type: text/html\r\n", &body);
        }
        "/huge-unsized" => {
            // No Content-Length: the limit must hold while reading.
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n<html><body>"
            );
            for _ in 0..50 {
                if stream.write_all(&[b'a'; 1000]).is_err() {
                    return;
                }
            }
        }
        _ => reply(
            &mut stream,
            "404 Not Found",
            "Content-Type: text/html\r\n",
            b"<h1>Not found</h1>",
        ),
    }
}

fn opts(cache: Option<PathBuf>) -> fetch::FetchOptions {
    fetch::FetchOptions {
        timeout: Duration::from_secs(1),
        max_bytes: 20_000,
        cache_dir: cache,
        ..fetch::FetchOptions::default()
    }
}

fn failure(result: parallax::Result<fetch::Fetched>) -> FetchFailure {
    match result {
        Err(Error::Fetch { failure, .. }) => failure,
        other => panic!("expected a fetch error, got {other:?}"),
    }
}

#[test]
fn a_page_is_fetched_with_our_user_agent() {
    let server = Server::start();
    let page = fetch::fetch(&server.url("/page"), &opts(None)).unwrap();
    assert_eq!(page.bytes, PAGE);
    assert!(!page.from_cache);
    assert_eq!(page.content_type.as_deref(), Some("text/html; charset=utf-8"));
    let head = server.head("/page").to_ascii_lowercase();
    assert!(
        head.contains(&format!("user-agent: parallax/{}", env!("CARGO_PKG_VERSION"))),
        "{head}"
    );
}

#[test]
fn redirects_are_followed_up_to_the_limit() {
    let server = Server::start();
    let page = fetch::fetch(&server.url("/redirect"), &opts(None)).unwrap();
    assert_eq!(page.bytes, PAGE);
    assert!(page.final_url.ends_with("/page"), "{}", page.final_url);
    let looping = fetch::fetch(&server.url("/loop"), &opts(None));
    assert_eq!(failure(looping), FetchFailure::TooManyRedirects(5));
    assert!(server.hits("/loop") <= 6);
}

#[test]
fn failures_are_named_one_line_errors() {
    let server = Server::start();
    let missing = fetch::fetch(&server.url("/missing"), &opts(None));
    let message = missing.as_ref().unwrap_err().to_string();
    assert_eq!(failure(missing), FetchFailure::Status(404));
    assert_eq!(
        message,
        format!(
            "{}: cannot fetch: HTTP status 404 (not found)",
            server.url("/missing")
        )
    );
    let pdf = fetch::fetch(&server.url("/pdf"), &opts(None));
    assert_eq!(failure(pdf), FetchFailure::NotHtml("application/pdf".into()));
}

#[test]
fn a_slow_server_times_out() {
    let server = Server::start();
    let started = std::time::Instant::now();
    let slow = fetch::fetch(
        &server.url("/slow"),
        &fetch::FetchOptions {
            timeout: Duration::from_millis(300),
            ..opts(None)
        },
    );
    assert_eq!(failure(slow), FetchFailure::Timeout(Duration::from_millis(300)));
    let stalled = fetch::fetch(
        &server.url("/slow-body"),
        &fetch::FetchOptions {
            timeout: Duration::from_millis(300),
            ..opts(None)
        },
    );
    assert_eq!(
        failure(stalled),
        FetchFailure::Timeout(Duration::from_millis(300))
    );
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[test]
fn huge_pages_are_refused_with_or_without_a_length() {
    let server = Server::start();
    for path in ["/huge", "/huge-unsized"] {
        let huge = fetch::fetch(&server.url(path), &opts(None));
        assert_eq!(failure(huge), FetchFailure::TooLarge(20_000), "{path}");
    }
}

#[test]
fn nothing_listening_is_refused() {
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let refused = fetch::fetch(&format!("http://127.0.0.1:{port}/"), &opts(None));
    assert_eq!(failure(refused), FetchFailure::Refused);
}

#[test]
fn the_http_charset_is_used() {
    let server = Server::start();
    let input = load::fetch_input(&server.url("/cp1251"), &opts(None)).unwrap();
    let loaded = load::parse_article(input).unwrap();
    assert!(
        loaded.article.text.contains("Паромная переправа в субботу"),
        "{}",
        loaded.article.text
    );
}

#[test]
fn the_cache_serves_a_set_offline_until_refresh() {
    let server = Server::start();
    let cache = tempfile::tempdir().unwrap();
    let cached = opts(Some(cache.path().to_path_buf()));
    let first = fetch::fetch(&server.url("/page"), &cached).unwrap();
    let second = fetch::fetch(&server.url("/page"), &cached).unwrap();
    assert!(!first.from_cache);
    assert!(second.from_cache);
    assert_eq!(second.bytes, first.bytes);
    assert_eq!(second.content_type, first.content_type);
    assert_eq!(server.hits("/page"), 1);
    let refreshed = fetch::fetch(
        &server.url("/page"),
        &fetch::FetchOptions {
            refresh: true,
            ..cached.clone()
        },
    )
    .unwrap();
    assert!(!refreshed.from_cache);
    assert_eq!(server.hits("/page"), 2);
    // Failures are not cached.
    assert!(fetch::fetch(&server.url("/missing"), &cached).is_err());
    assert!(fetch::fetch(&server.url("/missing"), &cached).is_err());
    assert_eq!(server.hits("/missing"), 2);
}

#[test]
fn a_failed_address_is_skipped_and_the_rest_analysed() {
    let server = Server::start();
    let options = Options {
        fetch: opts(None),
        ..Options::default()
    };
    let paths = [
        PathBuf::from(server.url("/page")),
        PathBuf::from(server.url("/missing")),
        PathBuf::from(server.url("/other")),
        PathBuf::from(server.url("/empty")),
    ];
    let gathered = load::gather_inputs(&paths, &options).unwrap();
    assert_eq!(gathered.inputs.len(), 2);
    assert_eq!(gathered.failed.len(), 2);
    assert!(gathered.failed[0].to_string().contains("/missing"));
    assert_eq!(
        gathered.failed[1].to_string(),
        format!(
            "{}: no article text found in this HTML page",
            server.url("/empty")
        )
    );
    assert!(load::read_inputs(&paths, &options).is_err());
    let analysis = analyze_inputs(gathered.inputs, &options).unwrap();
    let first = &analysis.articles[0];
    assert_eq!(first.path, server.url("/page"));
    assert_eq!(first.format.as_deref(), Some("html"));
    assert_eq!(first.source, "Example News");
    assert_eq!(first.title.as_deref(), Some("Plane crashes near Aktau, 38 dead"));
    assert_eq!(first.date.as_deref(), Some("2024-12-25"));
    assert_eq!(
        first.url.as_deref(),
        Some("https://news.example.com/world/aktau-crash")
    );
    // The header lines are metadata; the prose sentences point into the extracted text.
    let prose: Vec<&str> = first
        .sentences
        .iter()
        .filter(|s| !s.boilerplate)
        .filter_map(|s| first.text.get(s.start..s.end))
        .collect();
    assert!(
        prose[0].starts_with("An Azerbaijan Airlines passenger jet"),
        "{prose:?}"
    );
}

fn parallax(cache: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("parallax").unwrap();
    cmd.env("PARALLAX_CACHE_DIR", cache).env_remove("RUST_LOG");
    cmd
}

#[test]
fn cli_extract_prints_header_and_body() {
    let cache = tempfile::tempdir().unwrap();
    parallax(cache.path())
        .args(["extract", "assets/html/og-news.html"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "source: Example News\ntitle: Plane crashes near Aktau, 38 dead\ndate: 2024-12-25\n",
        ));
    parallax(cache.path())
        .args(["extract", "--body-only", "-"])
        .write_stdin(PAGE)
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "An Azerbaijan Airlines passenger jet",
        ));
    parallax(cache.path())
        .args(["extract", "README.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not an HTML page"));
}

#[test]
fn cli_reports_failed_addresses_and_exits_2_when_nothing_loads() {
    let server = Server::start();
    let cache = tempfile::tempdir().unwrap();
    parallax(cache.path())
        .args(["analyze", "--json", &server.url("/page"), &server.url("/pdf")])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "{}: cannot fetch: not an HTML page (application/pdf) (skipped)",
            server.url("/pdf")
        )))
        .stdout(predicate::str::contains("\"format\":\"html\""));
    parallax(cache.path())
        .args(["analyze", &server.url("/missing")])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("HTTP status 404"));
}

#[test]
fn cli_save_round_trip_reopens_the_same_set_offline() {
    let server = Server::start();
    let cache = tempfile::tempdir().unwrap();
    let saved = tempfile::tempdir().unwrap();
    let dir = saved.path().join("set");
    let json = |cmd: &mut Command| -> serde_json::Value {
        let out = cmd.assert().success().get_output().stdout.clone();
        serde_json::from_slice(&out).unwrap()
    };
    let fetched = json(parallax(cache.path()).args([
        "analyze",
        "--json",
        &server.url("/page"),
        &server.url("/other"),
        "--save",
        dir.to_str().unwrap(),
    ]));
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "01-example-news-plane-crashes-near-aktau-38-dead.txt",
            "02-coastal-courier-harbour-ferry-service-resumes-after-storm.txt"
        ]
    );
    // Reopened from the folder: same texts, so the same sentences and groups.
    let reopened = json(parallax(cache.path()).args(["analyze", "--json", dir.to_str().unwrap()]));
    assert_eq!(fetched["groups"], reopened["groups"]);
    for idx in 0..2 {
        for key in ["text", "source", "title", "date", "url", "sentences"] {
            assert_eq!(
                fetched["articles"][idx][key], reopened["articles"][idx][key],
                "{key}"
            );
        }
    }
    // Offline: the cache answers, the server is not asked again.
    assert_eq!(server.hits("/page"), 1);
    json(parallax(cache.path()).args(["analyze", "--json", &server.url("/page")]));
    assert_eq!(server.hits("/page"), 1);
    parallax(cache.path())
        .args(["analyze", "--json", &server.url("/page"), "--refresh"])
        .assert()
        .success();
    assert_eq!(server.hits("/page"), 2);
    // No overwriting without --force.
    parallax(cache.path())
        .args(["analyze", &server.url("/page"), "--save", dir.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "already exists (use --force to overwrite)",
        ));
    parallax(cache.path())
        .args([
            "analyze",
            &server.url("/page"),
            "--save",
            dir.to_str().unwrap(),
            "--force",
        ])
        .assert()
        .success();
}
