//! Signing in under attack: an attacker's wrong passwords lock out only the attacker, a
//! browser that signed in before is slowed rather than refused, password checks run a few
//! at once, and a new sign-in replaces the browser's earlier session.

use crate::common::{client_from, client_with, sign_in, start_with_limits, AGENT_EMAIL};
use reqwest::StatusCode;
use serde_json::json;
use std::time::{Duration, Instant};
use switchboard_core::session::SESSION_PATH;
use switchboard_server::seed::DEMO_PASSWORD;
use switchboard_server::{Limits, RateLimit};

/// One sign-in from `client` with `cookies`: its status, its `Set-Cookie` lines' `name=value`.
async fn attempt(
    client: &reqwest::Client,
    base_url: &str,
    cookies: &str,
    password: &str,
) -> (StatusCode, Vec<String>) {
    let mut request = client
        .post(format!("{base_url}{SESSION_PATH}"))
        .json(&json!({"email": AGENT_EMAIL, "password": password}));
    if !cookies.is_empty() {
        request = request.header("cookie", cookies);
    }
    let response = request.send().await.expect("an answer");
    let set = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|line| line.split(';').next())
        .map(str::to_owned)
        .collect();
    (response.status(), set)
}

fn device_of(cookies: &[String]) -> String {
    cookies
        .iter()
        .find(|c| c.starts_with("switchboard_device="))
        .cloned()
        .expect("a device cookie")
}

#[tokio::test]
async fn an_attackers_failures_from_one_address_do_not_refuse_the_agent_from_another() {
    let server = start_with_limits(Limits {
        sign_in_failure_delay: Duration::ZERO,
        sign_in_failures: RateLimit {
            per_minute: 1,
            burst: 3,
        },
        ..Limits::default()
    })
    .await;
    let attacker = client_from("127.0.0.2");
    for _ in 0..3 {
        let (status, _) = attempt(&attacker, &server.base_url, "", "guess").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    let (status, _) = attempt(&attacker, &server.base_url, "", DEMO_PASSWORD).await;
    assert_eq!(
        status,
        StatusCode::TOO_MANY_REQUESTS,
        "the attacker's address is refused, right password or not"
    );
    let (status, _) = attempt(
        &client_from("127.0.0.3"),
        &server.base_url,
        "",
        DEMO_PASSWORD,
    )
    .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "the agent, from their own address, gets in"
    );
}

#[tokio::test]
async fn a_guessing_crowd_is_refused_but_a_device_that_signed_in_before_gets_in_slowed() {
    let slowdown = Duration::from_millis(400);
    let server = start_with_limits(Limits {
        sign_in_failure_delay: Duration::ZERO,
        sign_in_failures: RateLimit {
            per_minute: 1,
            burst: 2,
        },
        sign_in_untrusted_failures: RateLimit {
            per_minute: 1,
            burst: 4,
        },
        sign_in_trusted_slowdown: slowdown,
        ..Limits::default()
    })
    .await;
    // The agent signed in on this browser before: it keeps a device cookie.
    let agent = client_from("127.0.0.3");
    let (status, cookies) = attempt(&agent, &server.base_url, "", DEMO_PASSWORD).await;
    assert_eq!(status, StatusCode::OK);
    let device = device_of(&cookies);

    // A crowd of addresses spends the budget of browsers the server does not know.
    for n in 10..14 {
        let (status, _) = attempt(
            &client_from(&format!("127.0.0.{n}")),
            &server.base_url,
            "",
            "guess",
        )
        .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    let (status, _) = attempt(
        &client_from("127.0.0.20"),
        &server.base_url,
        "",
        DEMO_PASSWORD,
    )
    .await;
    assert_eq!(
        status,
        StatusCode::TOO_MANY_REQUESTS,
        "a browser never seen waits"
    );

    // The agent's own browser gets in at once.
    let (status, _) = attempt(&agent, &server.base_url, &device, DEMO_PASSWORD).await;
    assert_eq!(status, StatusCode::OK);
    // Even after mistyping past its own budget, it is slowed, never refused.
    for _ in 0..3 {
        let (status, _) = attempt(&agent, &server.base_url, &device, "typo").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    let started = Instant::now();
    let (status, _) = attempt(&agent, &server.base_url, &device, DEMO_PASSWORD).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        started.elapsed() >= slowdown,
        "slowed: {:?}",
        started.elapsed()
    );
    // A made-up device cookie is trusted with nothing.
    let forged = "switchboard_device=not-a-device-anyone-was-given";
    let (status, _) = attempt(
        &client_from("127.0.0.21"),
        &server.base_url,
        forged,
        DEMO_PASSWORD,
    )
    .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn password_checks_run_a_few_at_once_and_the_rest_are_told_to_retry() {
    let server = start_with_limits(Limits {
        password_checks: 1,
        password_check_wait: Duration::from_millis(20),
        sign_in_failure_delay: Duration::ZERO,
        ..Limits::default()
    })
    .await;
    let attempts = (0..12).map(|n| {
        let client = client_from(&format!("127.0.1.{}", n + 1));
        let base = server.base_url.clone();
        async move {
            client
                .post(format!("{base}{SESSION_PATH}"))
                .json(&json!({"email": format!("guess{n}@switchboard.example"), "password": "x"}))
                .send()
                .await
                .expect("an answer")
        }
    });
    let mut handles = Vec::new();
    for attempt in attempts {
        handles.push(tokio::spawn(attempt));
    }
    let mut busy = 0;
    for handle in handles {
        let response = handle.await.unwrap();
        match response.status() {
            StatusCode::SERVICE_UNAVAILABLE => {
                assert!(response.headers().contains_key("retry-after"));
                busy += 1;
            }
            status => assert_eq!(status, StatusCode::UNAUTHORIZED),
        }
    }
    assert!(
        busy > 0,
        "with one check at a time, some of 12 at once are told to retry"
    );
    // Once the flood has passed, the agent signs in.
    assert!(sign_in(
        &client_from("127.0.0.3"),
        &server.base_url,
        AGENT_EMAIL,
        DEMO_PASSWORD
    )
    .await
    .is_ok());
}

#[tokio::test]
async fn signing_in_again_ends_the_browsers_earlier_session() {
    let server = start_with_limits(Limits::default()).await;
    let first = sign_in(
        &server.anonymous,
        &server.base_url,
        AGENT_EMAIL,
        DEMO_PASSWORD,
    )
    .await
    .unwrap();
    let (status, cookies) =
        attempt(&server.anonymous, &server.base_url, &first, DEMO_PASSWORD).await;
    assert_eq!(status, StatusCode::OK);
    let second = cookies
        .iter()
        .find(|c| c.starts_with("switchboard_session="))
        .cloned()
        .expect("a new session");
    assert_ne!(first, second);
    let who = |cookie: String| {
        let client = client_with(&[("cookie", &cookie)]);
        let url = server.url(SESSION_PATH);
        async move { client.get(url).send().await.unwrap().status() }
    };
    assert_eq!(
        who(first).await,
        StatusCode::UNAUTHORIZED,
        "the earlier session ended"
    );
    assert_eq!(who(second).await, StatusCode::OK);
}
