//! The accept loop: axum's `serve` without its blind spots. A client that opens many
//! connections, sends its headers a line at a time, or sits on an idle connection must not
//! crowd out the agents, and a stop signal must stop the server in bounded time.
//!
//! - Connections are capped overall ([`crate::Limits::max_connections`]) and per client
//!   address ([`crate::Limits::max_connections_per_address`], an IPv6 host counted by its
//!   /64): one over either is closed as it arrives, before a byte is read. A trusted
//!   proxy's connections count overall only, and each request through it is the
//!   client's its `X-Forwarded-For` names ([`crate::http::proxies`]).
//! - Headers have [`crate::Limits::header_timeout`] to arrive, and a kept-alive connection
//!   may idle that long between requests (hyper's header read timer covers both).
//! - The body's pace is the router's business ([`crate::http::pace`]).
//! - On the stop signal the listener closes, every connection is asked to finish its
//!   request under way, and after [`crate::Limits::shutdown_grace`] the loop returns
//!   whatever is left: half-sent requests do not hold the process.
//!
//! HTTP/1.1 only: browsers speak HTTP/2 over TLS alone, which a proxy in front terminates.

use crate::http::rate_limit::{Occupancy, Seat};
use crate::Limits;
use axum::extract::ConnectInfo;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::net::SocketAddr;
use std::pin::pin;
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tower::ServiceExt;

/// Serves `app` on `listener` until `stop` resolves, then for at most the limits'
/// shutdown grace while the requests under way finish.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: Limits,
    stop: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let open = Occupancy::new(limits.max_connections, limits.max_connections_per_address);
    // Dropped senders tell the connections to finish; the receivers each connection holds
    // tell the loop when the last one has.
    let (stopping, stop_seen) = watch::channel(());
    let (finished, _) = watch::channel(());
    let mut stop = pin!(stop);
    loop {
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    pause_after(&error).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        // A trusted proxy carries many clients: only the overall cap holds for it.
        let seat = if limits.trusted_proxies.trusts(remote.ip()) {
            open.enter_shared()
        } else {
            open.enter(remote.ip())
        };
        let Some(seat) = seat else {
            // Closed at once: the client learns nothing but that it has enough open.
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        tokio::spawn(connection(
            stream,
            remote,
            app.clone(),
            limits,
            stop_seen.clone(),
            finished.subscribe(),
            seat,
        ));
    }
    drop(listener);
    drop(stopping);
    let _ = tokio::time::timeout(limits.shutdown_grace, finished.closed()).await;
    Ok(())
}

/// One connection, from its first byte to its close; `seat` and `_finished` are given
/// back when it ends.
async fn connection(
    stream: TcpStream,
    remote: SocketAddr,
    app: Router,
    limits: Limits,
    mut stop_seen: watch::Receiver<()>,
    _finished: watch::Receiver<()>,
    seat: Seat,
) {
    let service = tower::service_fn(move |mut request: axum::http::Request<Incoming>| {
        // What `into_make_service_with_connect_info` would add: handlers find the client's
        // address (the one a trusted proxy forwards for, or the connection's).
        let client = limits
            .trusted_proxies
            .client(remote.ip(), request.headers());
        request
            .extensions_mut()
            .insert(ConnectInfo(SocketAddr::new(client, remote.port())));
        app.clone().oneshot(request.map(axum::body::Body::new))
    });
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout);
    let mut conn =
        pin!(builder.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service)));
    let mut shutting_down = false;
    loop {
        tokio::select! {
            _ = conn.as_mut() => break,
            changed = stop_seen.changed(), if !shutting_down => {
                if changed.is_err() {
                    shutting_down = true;
                    conn.as_mut().graceful_shutdown();
                }
            }
        }
    }
    drop(seat);
}

/// `accept` failing for lack of file descriptors or memory would fail again at once:
/// wait a little; a client that gave up before it was accepted is nothing to wait for.
async fn pause_after(error: &std::io::Error) {
    use std::io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset};
    if !matches!(
        error.kind(),
        ConnectionAborted | ConnectionRefused | ConnectionReset
    ) {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
