//! `switchboard-server check-config`: the file said back in words, what is wrong with it
//! named (a missing variable, a malformed URL), and with `--probe` one call to each vendor.

use super::{vendor, API_KEY};
use std::process::Command;

fn check_config(file: &str, args: &[&str], env: &[(&str, &str)]) -> (bool, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("switchboard.toml");
    std::fs::write(&path, file).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_switchboard-server"))
        .arg("check-config")
        .arg("--config")
        .arg(&path)
        .args(args)
        .env_remove("SWITCHBOARD_CONFIG")
        .envs(env.iter().copied())
        .output()
        .expect("the server's binary runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success(), text)
}

#[test]
fn a_missing_secret_and_a_malformed_url_are_said_in_words() {
    let (ok, text) = check_config(
        "[backends.postcenter]\nmode = \"forward\"\nupstream = \"https://api.example.com\"\n\
         auth = { scheme = \"header\" }\n\
         [backends.octopia]\nmode = \"forward\"\nupstream = \"not a url\"\n",
        &[],
        &[],
    );
    assert!(!ok, "{text}");
    assert!(text.contains("SWITCHBOARD_POSTCENTER_API_KEY"), "{text}");
    assert!(text.contains("“not a url” is not a URL"), "{text}");
}

#[tokio::test]
async fn a_probe_says_each_vendor_is_reachable_and_accepts_the_credentials() {
    let (vendor, vendor_url) = vendor().await;
    let file = format!(
        "[backends.communication]\nmode = \"forward\"\nupstream = \"{vendor_url}/comm\"\n\
         auth = {{ scheme = \"header\", header = \"X-Api-Key\" }}\n\
         [backends.octopia]\nmode = \"forward\"\nupstream = \"{vendor_url}/octo\"\n\
         auth = {{ scheme = \"none\" }}\n"
    );
    let env = [("SWITCHBOARD_COMMUNICATION_API_KEY", API_KEY)];
    let (ok, text) = tokio::task::spawn_blocking(move || check_config(&file, &["--probe"], &env))
        .await
        .unwrap();
    assert!(
        text.contains("probe communication: reachable, credentials accepted (HTTP 200)"),
        "{text}"
    );
    // The vendor refuses Octopia's calls without a token: said, and the check fails.
    assert!(
        text.contains("probe octopia: reachable, credentials REFUSED (HTTP 401)"),
        "{text}"
    );
    assert!(!ok, "{text}");
    assert!(!text.contains(API_KEY), "the key is never printed: {text}");
    assert_eq!(vendor.seen()[0].headers["x-api-key"], API_KEY);
}
