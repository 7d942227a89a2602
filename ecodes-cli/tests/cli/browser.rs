//! The HTML page of `ecodes doc` in a real browser: headless Chromium, driven over the DevTools
//! protocol. The page must load without console errors or requests to anything but itself, show
//! the row a `#E3530` link points to below the sticky header, and filter as the user types.
//! Screenshots are kept as `<target>/tmp/doc-page*.png`: at `#E3530`, filtered, dark, print.
//!
//! The test needs Chromium (Debian's `chromium`); CI installs it. Where it is missing the test
//! says so and passes, unless `CI` is set, where a missing browser fails it.

use std::io::ErrorKind;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tungstenite::{Message, WebSocket};

use crate::ecodes;

const BROWSERS: [&str; 4] = ["chromium", "chromium-browser", "google-chrome", "chrome"];

fn find_browser() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| BROWSERS.iter().map(move |name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// The browser process, killed when the test ends however it ends.
struct Browser(Child);

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// One DevTools session on one page, over the browser's WebSocket.
struct DevTools {
    socket: WebSocket<TcpStream>,
    session: String,
    next_id: u64,
    events: Vec<Value>,
    deadline: Instant,
}

impl DevTools {
    fn send(&mut self, method: &str, params: &Value, session: bool) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = json!({ "id": id, "method": method, "params": params });
        if session {
            message["sessionId"] = json!(self.session);
        }
        let mut sent = self.socket.write(Message::text(message.to_string()));
        // The message is queued once written; an interrupted flush is retried.
        loop {
            match sent {
                Ok(()) => match self.socket.flush() {
                    Err(tungstenite::Error::Io(err)) if err.kind() == ErrorKind::Interrupted => {}
                    Err(err) => panic!("cannot send {method}: {err}"),
                    Ok(()) => break,
                },
                Err(tungstenite::Error::Io(err)) if err.kind() == ErrorKind::Interrupted => {
                    sent = Ok(());
                }
                Err(err) => panic!("cannot send {method}: {err}"),
            }
        }
        loop {
            let reply = self.read();
            if reply["id"] == id {
                assert!(reply.get("error").is_none(), "{method} failed: {reply}");
                return reply["result"].clone();
            }
            self.events.push(reply);
        }
    }

    fn call(&mut self, method: &str, params: &Value) -> Value {
        self.send(method, params, true)
    }

    fn read(&mut self) -> Value {
        loop {
            assert!(Instant::now() < self.deadline, "the browser took too long");
            match self.socket.read() {
                Ok(Message::Text(text)) => {
                    return serde_json::from_str(&text).unwrap_or_else(|err| panic!("{err}"))
                }
                Ok(_) => {}
                Err(tungstenite::Error::Io(err))
                    if matches!(
                        err.kind(),
                        ErrorKind::WouldBlock | ErrorKind::TimedOut | ErrorKind::Interrupted
                    ) => {}
                Err(err) => panic!("the DevTools connection failed: {err}"),
            }
        }
    }

    fn wait_for(&mut self, method: &str) {
        if self.events.iter().any(|event| event["method"] == method) {
            return;
        }
        loop {
            let event = self.read();
            let found = event["method"] == method;
            self.events.push(event);
            if found {
                return;
            }
        }
    }

    /// Evaluates `expression` in the page and returns its value.
    fn eval(&mut self, expression: &str) -> Value {
        let result = self.call(
            "Runtime.evaluate",
            &json!({ "expression": expression, "returnByValue": true, "awaitPromise": true }),
        );
        assert!(
            result.get("exceptionDetails").is_none(),
            "{expression}: {result}"
        );
        result["result"]["value"].clone()
    }

    fn events(&self, method: &str) -> Vec<&Value> {
        self.events
            .iter()
            .filter(|event| event["method"] == method)
            .collect()
    }
}

fn launch(browser: &Path, profile: &Path) -> (Browser, DevTools) {
    let child = Command::new(browser)
        .args([
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            "--disable-background-networking",
            "--disable-component-update",
            "--window-size=1280,900",
            "--remote-debugging-port=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("about:blank")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|err| panic!("cannot start {}: {err}", browser.display()));
    let browser = Browser(child);
    let deadline = Instant::now() + Duration::from_secs(60);
    // The browser writes its port and WebSocket path here once it listens.
    let active = profile.join("DevToolsActivePort");
    let (port, path) = loop {
        assert!(Instant::now() < deadline, "the browser did not start");
        if let Ok(text) = std::fs::read_to_string(&active) {
            let mut lines = text.lines();
            if let (Some(port), Some(path)) = (lines.next(), lines.next()) {
                break (port.to_owned(), path.to_owned());
            }
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let socket = loop {
        assert!(
            Instant::now() < deadline,
            "cannot open the DevTools WebSocket"
        );
        let stream = TcpStream::connect(("127.0.0.1", port.parse::<u16>().unwrap_or(0)))
            .unwrap_or_else(|err| panic!("cannot reach the browser: {err}"));
        // A signal can interrupt the handshake's reads (other tests start processes): try again.
        match tungstenite::client(format!("ws://127.0.0.1:{port}{path}"), stream) {
            Ok((socket, _)) => break socket,
            Err(tungstenite::HandshakeError::Failure(tungstenite::Error::Io(err)))
                if err.kind() == ErrorKind::Interrupted => {}
            Err(tungstenite::HandshakeError::Interrupted(_)) => {}
            Err(err) => panic!("cannot open the DevTools WebSocket: {err}"),
        }
    };
    // Reads time out, so that a silent browser fails the test at its deadline, not never.
    socket
        .get_ref()
        .set_read_timeout(Some(Duration::from_millis(500)))
        .unwrap_or_else(|err| panic!("{err}"));
    let mut session = DevTools {
        socket,
        session: String::new(),
        next_id: 0,
        events: Vec::new(),
        deadline,
    };
    let target = session.send(
        "Target.createTarget",
        &json!({ "url": "about:blank" }),
        false,
    );
    let attached = session.send(
        "Target.attachToTarget",
        &json!({ "targetId": target["targetId"], "flatten": true }),
        false,
    );
    attached["sessionId"]
        .as_str()
        .unwrap_or_else(|| panic!("no session: {attached}"))
        .clone_into(&mut session.session);
    for domain in ["Page", "Runtime", "Log", "Network"] {
        session.call(&format!("{domain}.enable"), &json!({}));
    }
    (browser, session)
}

/// Saves what the page shows now as `<target>/tmp/NAME`, a test artifact to look at.
fn screenshot(session: &mut DevTools, name: &str) {
    let shot = session.call("Page.captureScreenshot", &json!({ "format": "png" }));
    let png = data_encoding::BASE64
        .decode(shot["data"].as_str().unwrap_or_default().as_bytes())
        .unwrap_or_else(|err| panic!("{err}"));
    let artifact = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&artifact, png).unwrap_or_else(|err| panic!("{err}"));
}

/// The rows left visible after typing `typed` into the page's empty filter box.
fn shown(session: &mut DevTools, typed: &str) -> Vec<String> {
    session.eval(
        "(() => { const input = document.getElementById('filter-input');
                  input.value = ''; input.dispatchEvent(new Event('input')); input.focus(); })()",
    );
    session.call("Input.insertText", &json!({ "text": typed }));
    let ids = session.eval(
        "Array.from(document.querySelectorAll('tbody tr'))
             .filter(row => !row.hidden && row.offsetParent !== null).map(row => row.id)",
    );
    ids.as_array()
        .map(|ids| {
            ids.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_html_page_works_in_a_real_browser() {
    let Some(browser) = find_browser() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI needs Chromium for this test: apt-get install chromium"
        );
        eprintln!("skipped: no Chromium on PATH (apt-get install chromium)");
        return;
    };
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let page = dir.path().join("error-codes.html");
    let output = ecodes()
        .args(["doc", "--format", "html"])
        .output()
        .unwrap_or_else(|err| panic!("{err}"));
    assert!(output.status.success(), "{output:?}");
    std::fs::write(&page, &output.stdout).unwrap_or_else(|err| panic!("{err}"));
    let profile = dir.path().join("profile");
    let (_browser, mut session) = launch(&browser, &profile);

    let url = format!("file://{}#E3530", page.display());
    session.call("Page.navigate", &json!({ "url": url }));
    session.wait_for("Page.loadEventFired");

    // The linked row is on screen, below the sticky header of its table.
    let layout = session.eval(
        "(() => { const row = document.getElementById('E3530').getBoundingClientRect();
                  const head = document.getElementById('E3530').closest('table')
                      .querySelector('thead th').getBoundingClientRect();
                  return { top: row.top, bottom: row.bottom, head: head.bottom,
                           height: window.innerHeight, scrolled: window.scrollY }; })()",
    );
    let number = |key: &str| layout[key].as_f64().unwrap_or(f64::NAN);
    assert!(number("scrolled") > 0.0, "{layout}");
    assert!(
        number("top") >= number("head") - 0.5,
        "hidden under the header: {layout}"
    );
    assert!(
        number("bottom") <= number("height"),
        "below the window: {layout}"
    );

    screenshot(&mut session, "doc-page.png");

    // Typing in the filter leaves the rows that match.
    assert!(session.eval("!document.getElementById('filter').hidden") == json!(true));
    assert_eq!(shown(&mut session, "3530"), ["E3530"]);
    let checksum = shown(&mut session, "checksum");
    assert!(checksum.contains(&"E3530".to_owned()), "{checksum:?}");
    assert!(checksum.len() < 10, "{checksum:?}");
    let status = session.eval("document.getElementById('filter-status').textContent");
    assert_eq!(
        status,
        json!(format!("显示 {} / 240 个代码", checksum.len()))
    );
    session.eval("window.scrollTo(0, 0)");
    screenshot(&mut session, "doc-page-filtered.png");
    session.call(
        "Emulation.setEmulatedMedia",
        &json!({ "features": [{ "name": "prefers-color-scheme", "value": "dark" }] }),
    );
    screenshot(&mut session, "doc-page-dark.png");
    session.call("Emulation.setEmulatedMedia", &json!({ "media": "print" }));
    screenshot(&mut session, "doc-page-print.png");
    session.call("Emulation.setEmulatedMedia", &json!({ "media": "" }));
    assert_eq!(shown(&mut session, "").len(), 240);

    assert_nothing_went_wrong(&session);
}

/// No console errors or exceptions, and no request but for the page itself.
fn assert_nothing_went_wrong(session: &DevTools) {
    let errors: Vec<&Value> = session
        .events("Runtime.exceptionThrown")
        .into_iter()
        .chain(
            session
                .events("Runtime.consoleAPICalled")
                .into_iter()
                .filter(|event| event["params"]["type"] == "error"),
        )
        .chain(
            session
                .events("Log.entryAdded")
                .into_iter()
                .filter(|event| event["params"]["entry"]["level"] == "error"),
        )
        .collect();
    assert!(errors.is_empty(), "console errors: {errors:?}");
    let requests: Vec<String> = session
        .events("Network.requestWillBeSent")
        .iter()
        .filter_map(|event| event["params"]["request"]["url"].as_str())
        .map(str::to_owned)
        .collect();
    assert!(!requests.is_empty());
    for request in &requests {
        assert!(
            request.starts_with("file://"),
            "an external request: {request}"
        );
    }
}
