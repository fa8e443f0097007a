//! `switchboard-server [--host 127.0.0.1] [--port 8080] [--db switchboard.sqlite3] [--dist dist]
//! [--allow-origin ORIGINS] [--idempotency-abandon-secs SECS]`, or `switchboard-server agents list|create|reset-password|identity …`
//! to manage the agents' accounts, or `switchboard-server precompress [DIR]` to write the
//! built console's compressed copies ([`switchboard_server::precompress`]), or
//! `switchboard-server check-config [--config FILE] [--probe]` to check the backends' file.
//!
//! Prints one line, `Switchboard is running at http://HOST:PORT/`, once it accepts
//! connections: scripts wait for it. Ctrl-C or SIGTERM stops it once the requests under
//! way are answered, or after the shutdown grace (10 s) whatever is left.

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use switchboard_server::auth::cli::{self, AGENTS_USAGE};
use switchboard_server::config::file::{self, Settings};
use switchboard_server::config::{parse_options, CliError, USAGE};
use switchboard_server::precompress::USAGE as PRECOMPRESS_USAGE;
use switchboard_server::{build_server, listen, Limits, StartupError};

#[tokio::main]
async fn main() -> ExitCode {
    let mut args = std::env::args().skip(1).peekable();
    if args.peek().map(String::as_str) == Some("agents") {
        return agents(args.skip(1));
    }
    if args.peek().map(String::as_str) == Some("precompress") {
        return precompress(args.skip(1));
    }
    if args.peek().map(String::as_str) == Some("check-config") {
        return check_config(args.skip(1)).await;
    }
    logs();
    let mut options = match parse_options(args, |name| std::env::var(name).ok()) {
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
    if let Some(path) = &options.config_file {
        match read_backends(path) {
            Ok(settings) => options.config.backends = Arc::new(settings),
            Err(()) => return ExitCode::from(2),
        }
    }
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
    let server = build_server(&config, limits)?;
    if let Some(address) = config.backends.admin_address {
        let admin = tokio::net::TcpListener::bind(address)
            .await
            .map_err(StartupError::Bind)?;
        tokio::spawn(async move {
            if let Err(error) = axum::serve(admin, server.admin).await {
                eprintln!("switchboard-server: the admin address stopped: {error}");
            }
        });
    }
    let app = server.app;
    let listener = tokio::net::TcpListener::bind((host, port))
        .await
        .map_err(StartupError::Bind)?;
    let address = listener.local_addr().map_err(StartupError::Bind)?;
    announce(address);
    if !limits.trusted_proxies.is_empty() {
        // Who may name the client is a security setting: say it where the operator looks.
        println!("Trusting X-Forwarded-For from: {}", limits.trusted_proxies);
    }
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
    let backends = switchboard_server::dialects::names();
    let (command, db) = match cli::parse(args, |name| std::env::var(name).ok(), &backends) {
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

/// One line per upstream call and per failure, on stderr; `RUST_LOG` chooses more or less.
fn logs() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("switchboard_server=info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .init();
}

/// The backends' file at `path`, or every problem with it said on stderr.
fn read_backends(path: &std::path::Path) -> Result<Settings, ()> {
    let names = switchboard_server::dialects::names();
    file::load(path, &names, &|name| std::env::var(name).ok()).map_err(|errors| {
        for error in errors {
            eprintln!("switchboard-server: {error}");
        }
    })
}

/// `switchboard-server check-config [--config FILE] [--probe]` ([`switchboard_server::check`]).
async fn check_config(args: impl Iterator<Item = String>) -> ExitCode {
    let mut path = std::env::var("SWITCHBOARD_CONFIG").ok();
    let mut probe = false;
    let mut args = args;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--probe" => probe = true,
            "--config" => path = args.next(),
            other if other.starts_with("--config=") => {
                path = Some(other["--config=".len()..].to_owned());
            }
            "-h" | "--help" => {
                println!("{CHECK_USAGE}");
                return ExitCode::SUCCESS;
            }
            other => {
                eprintln!(
                    "switchboard-server check-config: unknown argument “{other}”\n\n{CHECK_USAGE}"
                );
                return ExitCode::from(2);
            }
        }
    }
    let Some(path) = path.filter(|p| !p.trim().is_empty()) else {
        println!("No backends' file (--config or SWITCHBOARD_CONFIG): every backend is embedded.");
        return ExitCode::SUCCESS;
    };
    let Ok(settings) = read_backends(std::path::Path::new(&path)) else {
        return ExitCode::FAILURE;
    };
    let (report, ready) = switchboard_server::check::check(&settings, probe).await;
    print!("{report}");
    if ready {
        println!("{path}: fine.");
        ExitCode::SUCCESS
    } else {
        println!("{path}: a backend is not ready (above).");
        ExitCode::FAILURE
    }
}

const CHECK_USAGE: &str = "\
Usage: switchboard-server check-config [--config FILE] [--probe]

  Reads the backends' file (default: SWITCHBOARD_CONFIG) and the secrets it names, and says
  what is wrong with it, or how each backend will be served.
  --probe  also calls each forwarded vendor once: reachable, credentials accepted, latency";

fn announce(address: SocketAddr) {
    // SocketAddr's Display brackets IPv6 hosts, as URLs need.
    println!("Switchboard is running at http://{address}/");
    // Scripts read this line through a pipe, where stdout is block-buffered.
    let _ = std::io::stdout().flush();
}
