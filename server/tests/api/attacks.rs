//! One anonymous client attacking over real sockets, from its own loopback address
//! (127.0.0.2), while agents work from others: slow bodies and slow headers do not crowd
//! the agents out, a declared size over a route's limit is refused before reading, and a
//! stop signal stops the server in bounded time with half-sent requests open. Every loop
//! is bounded in count and time, and every wait is on a condition.

use crate::common::{
    address_of, client_from, connect_from, sign_in, start_with_limits, TestServer, AGENT_EMAIL, API,
};
use reqwest::StatusCode;
use std::net::SocketAddr;
use std::time::{Duration, Instant};
use switchboard_core::session::{WRITE_HEADER, WRITE_HEADER_VALUE};
use switchboard_server::seed::DEMO_PASSWORD;
use switchboard_server::{Config, Limits};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const ATTACKER: &str = "127.0.0.2";

/// Small numbers, so the attack is quick: 16 request slots, bodies cut after 3 s idle,
/// headers after 1 s.
fn small_limits() -> Limits {
    Limits {
        max_concurrent_requests: 16,
        body_idle_timeout: BODY_IDLE,
        header_timeout: Duration::from_secs(1),
        ..Limits::default()
    }
}

/// How long a body may pause in these tests: well over the time a refusal takes to come
/// back on a busy machine, so a held request is never mistaken for a refused one.
const BODY_IDLE: Duration = Duration::from_secs(3);

/// The headers of a JSON `POST` whose body of `length` bytes is never sent.
fn held_back(path: &str, length: usize) -> String {
    format!(
        "POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n\
         {WRITE_HEADER}: {WRITE_HEADER_VALUE}\r\nContent-Length: {length}\r\n\r\n"
    )
}

/// What the server answers on `stream` within `within`: the status line, `"closed"` when
/// it closed the connection, `"nothing"` when it said nothing.
async fn answer(stream: &mut TcpStream, within: Duration) -> String {
    let mut buf = vec![0u8; 4096];
    match tokio::time::timeout(within, stream.read(&mut buf)).await {
        Ok(Ok(0)) | Ok(Err(_)) => "closed".to_owned(),
        Ok(Ok(n)) => String::from_utf8_lossy(&buf[..n])
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned(),
        Err(_) => "nothing".to_owned(),
    }
}

/// Opens `count` connections from the attacker, each sending `request` and holding back
/// its body; returns the ones the server did not answer at once (the held ones) after
/// reading the others' refusals.
async fn hold(server: SocketAddr, request: &str, count: usize) -> (Vec<TcpStream>, Vec<String>) {
    let mut streams = Vec::new();
    for _ in 0..count {
        let mut stream = connect_from(ATTACKER, server).await;
        stream.write_all(request.as_bytes()).await.unwrap();
        streams.push(stream);
    }
    // All read at once: a held one's body is cut after the idle timeout, so its 408 must
    // not be mistaken for a refusal at the door.
    let readers: Vec<_> = streams
        .into_iter()
        .map(|mut stream| {
            tokio::spawn(async move {
                let said = answer(&mut stream, BODY_IDLE / 2).await;
                (stream, said)
            })
        })
        .collect();
    let mut held = Vec::new();
    let mut refusals = Vec::new();
    for reader in readers {
        let (stream, said) = reader.await.expect("a reader");
        match said.as_str() {
            "nothing" => held.push(stream),
            _ => refusals.push(said),
        }
    }
    (held, refusals)
}

/// The signed-in agent's inbox is answered, and so is a colleague's sign-in from another
/// address (127.0.0.3).
async fn agents_are_answered(server: &TestServer) {
    let inbox = server.get(&format!("{API}/conversations")).await;
    assert_eq!(inbox.status, StatusCode::OK, "{}", inbox.text);
    let colleague = sign_in(
        &client_from("127.0.0.3"),
        &server.base_url,
        AGENT_EMAIL,
        DEMO_PASSWORD,
    )
    .await;
    assert!(colleague.is_ok(), "{colleague:?}");
}

async fn slow_bodies_leave_the_agents_answered(path_of_attack: &str) {
    let limits = small_limits();
    let server = start_with_limits(limits).await;
    let address = address_of(&server.base_url);
    let attack = held_back(path_of_attack, 100);
    // More connections than the server has request slots.
    let (mut held, refusals) = hold(address, &attack, 40).await;
    assert!(
        held.len() <= limits.public_in_flight_per_address,
        "one address holds at most its share of slots: {} held",
        held.len()
    );
    assert!(
        refusals.iter().all(|r| r.contains(" 429 ")),
        "the rest are refused before their body: {refusals:?}"
    );
    // While they hold: the signed-in agent is answered, and so is a sign-in from elsewhere.
    let started = Instant::now();
    agents_are_answered(&server).await;
    assert!(started.elapsed() < Duration::from_secs(5));
    // And a client that does not send gives its slot back within the idle timeout.
    for stream in &mut held {
        let cut = answer(stream, BODY_IDLE * 3).await;
        assert!(cut.contains(" 408 "), "{cut}");
    }
}

#[tokio::test]
async fn slow_sign_in_bodies_from_one_address_leave_the_agents_answered() {
    slow_bodies_leave_the_agents_answered("/api/session").await;
}

#[tokio::test]
async fn slow_follow_up_bodies_from_one_address_leave_the_agents_answered() {
    slow_bodies_leave_the_agents_answered(&format!("{API}/follow-up/some-token/messages")).await;
}

#[tokio::test]
async fn slow_headers_are_cut_and_one_address_opens_only_so_many_connections() {
    let limits = Limits {
        max_connections_per_address: 8,
        ..small_limits()
    };
    let server = start_with_limits(limits).await;
    let address = address_of(&server.base_url);
    let mut trickling = Vec::new();
    for _ in 0..8 {
        let mut stream = connect_from(ATTACKER, address).await;
        stream
            .write_all(b"POST /api/session HTTP/1.1\r\nHost: localhost\r\n")
            .await
            .unwrap();
        trickling.push(stream);
    }
    // One more from the same address is closed as it arrives.
    let mut ninth = connect_from(ATTACKER, address).await;
    assert_eq!(answer(&mut ninth, Duration::from_secs(2)).await, "closed");
    // The agent, and a sign-in from another address, are answered meanwhile.
    agents_are_answered(&server).await;
    // A header line now and then does not keep a connection open past the time limit.
    let started = Instant::now();
    for stream in &mut trickling {
        let _ = stream.write_all(b"X-Slow: 1\r\n").await;
        let cut = answer(stream, Duration::from_secs(5)).await;
        assert!(cut == "closed" || cut.contains(" 408 "), "{cut}");
    }
    assert!(started.elapsed() < Duration::from_secs(5));
    // And once they are gone, the address may connect again.
    let mut again = connect_from(ATTACKER, address).await;
    again
        .write_all(b"GET /api/backends HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .await
        .unwrap();
    assert!(answer(&mut again, Duration::from_secs(5))
        .await
        .contains(" 200 "));
}

#[tokio::test]
async fn a_declared_length_over_a_routes_limit_is_refused_before_reading() {
    let server = start_with_limits(small_limits()).await;
    let address = address_of(&server.base_url);
    let cookie = sign_in(
        &client_from("127.0.0.3"),
        &server.base_url,
        AGENT_EMAIL,
        DEMO_PASSWORD,
    )
    .await
    .expect("signed in");
    let conversation = server.create_conversation("Big File").await;
    let id = conversation["id"].as_str().expect("an id").to_owned();
    let cases = [
        (
            format!("{API}/contact-us"),
            String::new(),
            30_000_000,
            "KiB",
        ),
        (
            format!("{API}/conversations/{id}/messages"),
            format!("Cookie: {cookie}\r\n"),
            30_000_000,
            "KiB",
        ),
        (
            format!("{API}/follow-up/some-token/messages"),
            String::new(),
            200 * 1024,
            "128 KiB",
        ),
        (
            "/api/session".to_owned(),
            String::new(),
            2_000_000,
            "1024 KiB",
        ),
    ];
    for (path, extra, length, said) in cases {
        let mut stream = connect_from("127.0.0.4", address).await;
        let request = held_back(&path, length).replace("\r\n\r\n", &format!("\r\n{extra}\r\n"));
        stream.write_all(request.as_bytes()).await.unwrap();
        let mut buf = vec![0u8; 8192];
        let n = tokio::time::timeout(Duration::from_secs(2), stream.read(&mut buf))
            .await
            .unwrap_or_else(|_| panic!("{path}: no answer before the body"))
            .unwrap();
        let reply = String::from_utf8_lossy(&buf[..n]);
        assert!(reply.starts_with("HTTP/1.1 413"), "{path}: {reply}");
        assert!(reply.contains(said), "{path}: {reply}");
    }
}

#[tokio::test]
async fn a_stop_ends_the_server_in_bounded_time_with_half_sent_requests_open() {
    let limits = Limits {
        shutdown_grace: Duration::from_millis(500),
        body_idle_timeout: Duration::from_secs(60),
        ..Limits::default()
    };
    let data = tempfile::tempdir().unwrap();
    let config = Config {
        database: switchboard_server::store::Location::Sqlite(
            data.path().join("switchboard.sqlite3"),
        ),
        seed_demo: true,
        dist_dir: None,
        allowed_origins: Vec::new(),
        postcenter_ticket_link: None,
        poll_seconds: None,
        backends: Default::default(),
        vendor_auth: false,
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(switchboard_server::serve_until(
        listener,
        config,
        limits,
        async move {
            let _ = stopped.await;
        },
    ));
    // Half-sent requests: a body held back, headers cut mid-way.
    let mut open = Vec::new();
    for n in 0..5 {
        let mut stream = connect_from(ATTACKER, address).await;
        let request = if n % 2 == 0 {
            held_back("/api/session", 100)
        } else {
            "GET /api/backends HTTP/1.1\r\nHost: lo".to_owned()
        };
        stream.write_all(request.as_bytes()).await.unwrap();
        open.push(stream);
    }
    // The server has them all in hand before the stop: a request on a new connection is
    // answered, so the earlier ones were accepted.
    let ready = client_from("127.0.0.3")
        .get(format!("http://{address}/api/backends"))
        .send()
        .await
        .unwrap();
    assert_eq!(ready.status(), StatusCode::OK);
    let started = Instant::now();
    stop.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(5), server)
        .await
        .expect("stopped within the grace and a little")
        .unwrap()
        .expect("a clean stop");
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    drop(open);
}

#[tokio::test]
async fn responses_say_credentials_only_beside_an_allowed_origin() {
    let server = start_with_limits(Limits::default()).await;
    let plain = server.get("/api/backends").await;
    assert!(
        !plain
            .headers
            .contains_key("access-control-allow-credentials"),
        "{:?}",
        plain.headers
    );
    let foreign = server
        .send(
            server
                .anonymous
                .get(server.url("/api/backends"))
                .header("origin", "https://evil.example"),
        )
        .await;
    assert!(!foreign
        .headers
        .contains_key("access-control-allow-credentials"));
    let allowed = server
        .send(
            server
                .anonymous
                .get(server.url("/api/backends"))
                .header("origin", crate::common::ALLOWED_ORIGIN),
        )
        .await;
    assert_eq!(allowed.headers["access-control-allow-credentials"], "true");
}
