//! `switchboard-server [--host 127.0.0.1] [--port 8080] [--db switchboard.sqlite3] [--dist dist]
//! [--allow-origin ORIGINS] [--idempotency-abandon-secs SECS]`, or `switchboard-server agents list|create|reset-password …`
//! to manage the agents' accounts, or `switchboard-server precompress [DIR]` to write the
//! built console's compressed copies ([`switchboard_server::precompress`]).
//!
//! Prints one line, `Switchboard is running at http://HOST:PORT/`, once it accepts
//! connections: scripts wait for it. Ctrl-C or SIGTERM stops it once the requests under
//! way are answered, or after the shutdown grace (10 s) whatever is left.

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use switchboard_server::auth::cli::{self, AGENTS_USAGE};
use switchboard_server::config::{parse_options, CliError, USAGE};
use switchboard_server::precompress::USAGE as PRECOMPRESS_USAGE;
use switchboard_server::{build_app_with, listen, Limits, StartupError};

#[tokio::main]
async fn main() -> ExitCode {
    let mut args = std::env::args().skip(1).peekable();
    if args.peek().map(String::as_str) == Some("agents") {
        return agents(args.skip(1));
    }
    if args.peek().map(String::as_str) == Some("precompress") {
        return precompress(args.skip(1));
    }
    let options = match parse_options(args, |name| std::env::var(name).ok()) {
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
    match run(&options.host, options.port, options.config, options.limits).await {
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
    limits: Limits,
) -> Result<(), StartupError> {
    // The database first: a bad --db must fail before the "running" line is printed.
    let app = build_app_with(&config, limits)?;
    let listener = tokio::net::TcpListener::bind((host, port))
        .await
        .map_err(StartupError::Bind)?;
    let address = listener.local_addr().map_err(StartupError::Bind)?;
    announce(address);
    listen::serve(listener, app, limits, stop_requested())
        .await
        .map_err(StartupError::Serve)
}

/// Ctrl-C or SIGTERM: the server stops accepting connections and gives the requests under
/// way [`Limits::shutdown_grace`] to finish, then returns. A signal whose handler cannot
/// be installed is never awaited: the process then runs until killed.
async fn stop_requested() {
    let interrupt = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut terminate) => {
                terminate.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
    eprintln!("switchboard-server: stopping; finishing the requests under way");
}

/// `switchboard-server agents …` ([`switchboard_server::auth::cli`]).
fn agents(args: impl Iterator<Item = String>) -> ExitCode {
    let args: Vec<String> = args.collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{AGENTS_USAGE}");
        return ExitCode::SUCCESS;
    }
    let (command, db) = match cli::parse(args, |name| std::env::var(name).ok()) {
        Ok(parsed) => parsed,
        Err(reason) => {
            eprintln!("switchboard-server agents: {reason}\n\n{AGENTS_USAGE}");
            return ExitCode::from(2);
        }
    };
    match cli::run(command, &db, &switchboard_server::dialects::migrations()) {
        Ok(output) => {
            println!("{output}");
            ExitCode::SUCCESS
        }
        Err(reason) => {
            eprintln!("switchboard-server agents: {reason}");
            ExitCode::FAILURE
        }
    }
}

/// `switchboard-server precompress [DIR]` ([`switchboard_server::precompress`]).
fn precompress(args: impl Iterator<Item = String>) -> ExitCode {
    let args: Vec<String> = args.collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{PRECOMPRESS_USAGE}");
        return ExitCode::SUCCESS;
    }
    let dir = match args.as_slice() {
        [] => PathBuf::from("dist"),
        [dir] if !dir.starts_with('-') => PathBuf::from(dir),
        _ => {
            eprintln!(
                "switchboard-server precompress: one directory at most, not “{}”\n\n{PRECOMPRESS_USAGE}",
                args.join(" ")
            );
            return ExitCode::from(2);
        }
    };
    match switchboard_server::precompress::precompress(&dir) {
        Ok(report) => {
            println!("precompressed {}:\n{report}", dir.display());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("switchboard-server precompress: {error}");
            ExitCode::FAILURE
        }
    }
}

fn announce(address: SocketAddr) {
    // SocketAddr's Display brackets IPv6 hosts, as URLs need.
    println!("Switchboard is running at http://{address}/");
    // Scripts read this line through a pipe, where stdout is block-buffered.
    let _ = std::io::stdout().flush();
}
