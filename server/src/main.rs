//! `switchboard-server [--host 127.0.0.1] [--port 8080] [--db switchboard.sqlite3] [--dist dist]`
//!
//! Prints one line, `Switchboard is running at http://HOST:PORT/`, once it accepts
//! connections: scripts wait for it.

use std::io::Write;
use std::net::SocketAddr;
use std::process::ExitCode;
use switchboard_server::config::{parse_options, CliError, USAGE};
use switchboard_server::{build_app, StartupError};

#[tokio::main]
async fn main() -> ExitCode {
    let options = match parse_options(std::env::args().skip(1), |name| std::env::var(name).ok()) {
        Ok(options) => options,
        Err(CliError::HelpRequested) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(CliError::Usage(reason)) => {
            eprintln!("switchboard-server: {reason}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&options.host, options.port, options.config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("switchboard-server: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run(
    host: &str,
    port: u16,
    config: switchboard_server::Config,
) -> Result<(), StartupError> {
    // The database first: a bad --db must fail before the "running" line is printed.
    let app = build_app(&config)?;
    let listener = tokio::net::TcpListener::bind((host, port))
        .await
        .map_err(StartupError::Bind)?;
    let address = listener.local_addr().map_err(StartupError::Bind)?;
    announce(address);
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        // If the signal handler cannot be installed, run until killed instead.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    })
    .await
    .map_err(StartupError::Serve)
}

fn announce(address: SocketAddr) {
    // SocketAddr's Display brackets IPv6 hosts, as URLs need.
    println!("Switchboard is running at http://{address}/");
    // Scripts read this line through a pipe, where stdout is block-buffered.
    let _ = std::io::stdout().flush();
}
