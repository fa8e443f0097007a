//! The gateway's log, as the binary writes it: one line per call to a vendor (backend,
//! route, status, latency, correlation id), and never a secret, even when a call fails and
//! its error is told. The binary runs as its own process, so the log is exactly what an
//! operator reads (a subscriber inside the test binary would share tracing's global state
//! with every other test).

use super::{vendor, API_KEY, SECRETS};
use crate::common::{client_with, sign_in, AGENT_EMAIL};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use switchboard_server::seed::DEMO_PASSWORD;

#[tokio::test]
async fn every_call_is_one_log_line_and_no_line_holds_a_secret() {
    let (_vendor, vendor_url) = vendor().await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("switchboard.toml");
    std::fs::write(
        &file,
        format!(
            "[backends.communication]\nmode = \"forward\"\nupstream = \"{vendor_url}/comm\"\n\
             watch_seconds = 0\n\
             auth = {{ scheme = \"header\", header = \"X-Api-Key\" }}\n\
             [backends.case-messages]\nmode = \"forward\"\nupstream = \"{vendor_url}/cases\"\n\
             auth = {{ scheme = \"query\" }}\n\
             [backends.octopia]\nmode = \"forward\"\nupstream = \"http://127.0.0.1:9/gone\"\n\
             retries = 0\nwatch_seconds = 0\nauth = {{ scheme = \"header\", header = \"X-Api-Key\" }}\n"
        ),
    )
    .unwrap();
    let log = dir.path().join("server.log");
    let mut server = Command::new(env!("CARGO_BIN_EXE_switchboard-server"))
        .args(["--port", "0", "--dist", "", "--config"])
        .arg(&file)
        .arg("--db")
        .arg(dir.path().join("db.sqlite3"))
        .env("SWITCHBOARD_COMMUNICATION_API_KEY", API_KEY)
        .env("SWITCHBOARD_CASE_MESSAGES_TOKEN", SECRETS[2])
        .env("SWITCHBOARD_OCTOPIA_API_KEY", SECRETS[0])
        .env_remove("SWITCHBOARD_CONFIG")
        .env_remove("RUST_LOG")
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .expect("the server's binary starts");
    let mut first = String::new();
    BufReader::new(server.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let base = first
        .trim()
        .strip_prefix("Switchboard is running at ")
        .unwrap_or_else(|| panic!("the running line: {first}"))
        .trim_end_matches('/')
        .to_owned();

    let cookie = sign_in(&client_with(&[]), &base, AGENT_EMAIL, DEMO_PASSWORD)
        .await
        .expect("signed in");
    let agent = client_with(&[("cookie", &cookie)]);
    let case = agent
        .get(format!("{base}/api/v3/case-messages?guid=g-7"))
        .send()
        .await
        .unwrap();
    assert_eq!(case.status(), 200);
    let correlation = case.headers()["x-correlation-id"]
        .to_str()
        .unwrap()
        .to_owned();
    let missing = agent
        .get(format!("{base}/communication/v1/conversations/missing"))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
    // A vendor that is gone: its error is logged, with its cause, without the key.
    let gone = agent
        .get(format!("{base}/octopia/v2/discussions/count"))
        .send()
        .await
        .unwrap();
    assert_eq!(gone.status(), 502);
    server.kill().unwrap();
    server.wait().unwrap();

    let text = std::fs::read_to_string(&log).unwrap();
    let calls: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("upstream call"))
        .collect();
    // Three calls, the agents' (the server's own watch of the lists is off here).
    assert_eq!(calls.len(), 3, "{text}");
    assert!(
        calls
            .iter()
            .any(|line| line.contains("backend=\"case-messages\"")
                && line.contains("route=/case-messages")
                && line.contains("status=200")
                && line.contains(&correlation)),
        "{text}"
    );
    assert!(
        calls
            .iter()
            .any(|line| line.contains("upstream call failed")
                && line.contains("backend=\"octopia\"")
                && line.contains("could not be reached")),
        "{text}"
    );
    for secret in SECRETS {
        assert!(!text.contains(secret), "{secret} in the log:\n{text}");
    }
}
