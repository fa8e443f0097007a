//! What the server is started with: the library's [`Config`] and [`Limits`], and the
//! binary's command line (`--host --port --db --dist --config`, each also read from
//! `SWITCHBOARD_*`). The backends' file that `--config` names is [`file`]; the secrets it
//! names are read by [`secrets`].

pub mod file;
pub mod secrets;

use std::path::PathBuf;
use std::time::Duration;
use switchboard_core::directory::ITEM_LINK_NUMBER;

/// The defences' numbers (`docs/backends/README.md`, "Defences"). Apart from [`Config`],
/// so code that builds a `Config` by its two fields keeps compiling; [`Limits::default`]
/// is what [`crate::serve`] and the binary use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The public contact form, per client address.
    pub contact_rate: RateLimit,
    /// The customers' follow-up links (reading and writing again), per client address.
    pub follow_up_rate: RateLimit,
    /// Longer, and a request is answered 503 (uploads of 20 MB must fit in it).
    pub request_timeout: Duration,
    /// More at once, and a request is refused with 503 rather than queued.
    pub max_concurrent_requests: usize,
    /// Sign-in attempts, right or wrong, per client address.
    pub sign_in_attempts: RateLimit,
    /// Wrong passwords per email from one client address (or one device that signed in
    /// before), whether or not an agent has the email: past it, that address or device is
    /// refused (an address) or slowed (a device) for that email alone.
    pub sign_in_failures: RateLimit,
    /// How long a wrong password waits for its answer.
    pub sign_in_failure_delay: Duration,
    /// How long a session lasts from sign-in, whatever the agent does.
    pub session_lifetime: Duration,
    /// How old an `Idempotency-Key`'s reservation without an answer must be to count as
    /// abandoned by a request that died, so a retry runs again (`docs/idempotency.md`).
    /// Keep it longer than any request runs; shorter only for tests that kill the server.
    pub idempotency_abandoned_after: Duration,
    /// Wrong passwords per email from clients without a device cookie for it, all
    /// addresses together: past it, only a device that signed in before may try.
    pub sign_in_untrusted_failures: RateLimit,
    /// How long a device that signed in before waits before its password is checked once
    /// its own failures are spent: slowed, never refused.
    pub sign_in_trusted_slowdown: Duration,
    /// Password checks (Argon2id, 19 MiB each) running at once; the rest wait.
    pub password_checks: usize,
    /// How long a sign-in waits for a password check before a 503 with `Retry-After`.
    pub password_check_wait: Duration,
    /// How long a device cookie lets its device in more gently.
    pub device_lifetime: Duration,
    /// Requests to public routes under way at once from one client address; more are
    /// refused (429) before their body is read, so one address holds few request slots.
    pub public_in_flight_per_address: usize,
    /// Open connections, all clients together; more are closed as they arrive.
    pub max_connections: usize,
    /// Open connections from one client address (a trusted proxy's count only in
    /// [`Limits::max_connections`]).
    pub max_connections_per_address: usize,
    /// The proxies in front whose `X-Forwarded-For` names the client: none by default
    /// (`--trusted-proxy`, [`crate::http::proxies`]).
    pub trusted_proxies: crate::http::proxies::TrustedProxies,
    /// How long a connection may take to send a request's headers (and how long it may
    /// sit idle between requests).
    pub header_timeout: Duration,
    /// How long a request's body may pause between two pieces.
    pub body_idle_timeout: Duration,
    /// The slowest a body may arrive on average, in bytes per second, once
    /// [`Limits::body_rate_grace`] has passed.
    pub body_min_bytes_per_sec: u64,
    pub body_rate_grace: Duration,
    /// After a stop signal, how long the requests under way have to finish before the
    /// server stops all the same.
    pub shutdown_grace: Duration,
    /// How long a customer's follow-up link keeps working after it was last used.
    pub follow_up_link_lifetime: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            contact_rate: RateLimit {
                per_minute: 20,
                burst: 10,
            },
            follow_up_rate: RateLimit {
                per_minute: 60,
                burst: 30,
            },
            request_timeout: Duration::from_secs(60),
            max_concurrent_requests: 128,
            sign_in_attempts: RateLimit {
                per_minute: 10,
                burst: 20,
            },
            sign_in_failures: RateLimit {
                per_minute: 1,
                burst: 5,
            },
            sign_in_failure_delay: Duration::from_secs(1),
            // A working day; then the agent signs in again.
            session_lifetime: Duration::from_secs(12 * 3600),
            idempotency_abandoned_after: Duration::from_secs(120),
            sign_in_untrusted_failures: RateLimit {
                per_minute: 5,
                burst: 30,
            },
            sign_in_trusted_slowdown: Duration::from_secs(3),
            // Two cores' worth: 38 MiB at most, whatever the flood.
            password_checks: 2,
            password_check_wait: Duration::from_secs(5),
            device_lifetime: Duration::from_secs(180 * 24 * 3600),
            public_in_flight_per_address: 8,
            max_connections: 1024,
            max_connections_per_address: 64,
            trusted_proxies: crate::http::proxies::TrustedProxies::default(),
            header_timeout: Duration::from_secs(10),
            body_idle_timeout: Duration::from_secs(10),
            body_min_bytes_per_sec: 1024,
            body_rate_grace: Duration::from_secs(10),
            shutdown_grace: Duration::from_secs(10),
            follow_up_link_lifetime: Duration::from_secs(90 * 24 * 3600),
        }
    }
}

/// A token bucket's size and refill: `burst` requests at once, `per_minute` earned back
/// each minute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimit {
    pub per_minute: u32,
    pub burst: u32,
}

/// Where the server keeps its data and finds the console.
#[derive(Clone, Debug)]
pub struct Config {
    /// Where the data lives: a SQLite file, created on first start (the default), or a
    /// PostgreSQL database that several instances share.
    pub database: crate::store::Location,
    /// Fill an empty database with the demo data (its agents sign in with a published
    /// password): on by default for a SQLite file, off for PostgreSQL, a team's real
    /// database, unless `--demo-data` asks for it.
    pub seed_demo: bool,
    /// The built console (Trunk's `dist/`); `None` serves a page saying how to build it.
    pub dist_dir: Option<PathBuf>,
    /// Other origins whose pages may call the API with an agent's session (CORS with
    /// credentials), as `scheme://host:port`. Empty: only the console's own origin, which
    /// needs no CORS at all.
    pub allowed_origins: Vec<String>,
    /// Where the team opens a PostCenter ticket in PostCenter's own tool, `{number}` for
    /// the number agents know it by; discovery gives it to the console.
    pub postcenter_ticket_link: Option<String>,
    /// How often the console asks each backend again for what is new, in seconds; `None`
    /// leaves it to the console (10 s). Discovery gives it to the console.
    pub poll_seconds: Option<u32>,
    /// How each backend is served: embedded (the default), forwarded to its vendor, or off
    /// (the backends' file, [`file`]).
    pub backends: std::sync::Arc<file::Settings>,
    /// Embedded backends check their vendor's credentials as the vendor would
    /// (`--vendor-auth`): the reference server then stands in for a real upstream.
    pub vendor_auth: bool,
}

pub const USAGE: &str = "\
Usage: switchboard-server [--host HOST] [--port PORT] [--db FILE | --database-url URL] [--dist DIR] [--allow-origin ORIGINS]
                          [--postcenter-ticket-link URL] [--config FILE] [--vendor-auth]
                          [--trusted-proxy LIST]
       switchboard-server check-config [--config FILE] [--probe]  (the backends' file, checked)
       switchboard-server agents list|create|reset-password …  (agents --help)
       switchboard-server precompress [DIR]  (the built console's .br and .gz copies; precompress --help)

  --host HOST  address to listen on          (env SWITCHBOARD_HOST, default 127.0.0.1)
  --port PORT  port to listen on; 0 = any    (env SWITCHBOARD_PORT, default 8080)
  --db FILE    SQLite database, created      (env SWITCHBOARD_DB, default switchboard.sqlite3)
  --database-url URL  a PostgreSQL database instead, shared by several instances:
               postgres://USER:PASSWORD@HOST:PORT/DB (env SWITCHBOARD_DATABASE_URL,
               better than the command line, where other users can read it)
  --demo-data  fill an empty PostgreSQL database with the demo data (a SQLite file always
               is; env SWITCHBOARD_DEMO_DATA=1)
  --database-pool N  connections to PostgreSQL this instance keeps at most
               (env SWITCHBOARD_DATABASE_POOL, default 10)
  --dist DIR   the built console to serve    (env SWITCHBOARD_DIST, default dist)
  --allow-origin ORIGINS  other origins (comma-separated http(s)://host:port) whose pages
               may call the API with a session (env SWITCHBOARD_ALLOW_ORIGINS, default none)
  --postcenter-ticket-link URL  a ticket in PostCenter's own tool, {number} for its number,
               e.g. https://app.postcenter.io/tickets/{number}
               (env SWITCHBOARD_POSTCENTER_TICKET_LINK, default none)
  --idempotency-abandon-secs SECS  how old an Idempotency-Key's reservation left without an
               answer (a crash) must be for a retry to run again; longer than any request
               (env SWITCHBOARD_IDEMPOTENCY_ABANDON_SECS, default 120; lower only in tests)
  --poll-seconds SECS  how often the console asks each backend again for what is new
               (env SWITCHBOARD_POLL_SECONDS, default: the console's 10 s)
  --config FILE  the backends' file: each embedded, forwarded to its vendor, or off
               (env SWITCHBOARD_CONFIG, default none: every backend embedded; README,
               \"Connect your backends\"; check it with `switchboard-server check-config`)
  --vendor-auth  embedded backends check their vendor's credentials from the file, as
               the vendor would (env SWITCHBOARD_VENDOR_AUTH=1)
  --trusted-proxy LIST  the proxies in front (comma-separated addresses or ranges, e.g.
               10.0.0.5 or 10.0.0.0/8): their X-Forwarded-For names the client, for the
               per-address limits (env SWITCHBOARD_TRUSTED_PROXIES, default none)
  -h, --help   show this help";

/// The binary's settings.
#[derive(Clone, Debug)]
pub struct ServerOptions {
    pub host: String,
    pub port: u16,
    /// The backends' file to read (`--config`), if any: the binary reads it, with the
    /// secrets it names, into [`Config::backends`].
    pub config_file: Option<PathBuf>,
    pub config: Config,
    /// [`Limits::default`] but for what the command line sets.
    pub limits: Limits,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CliError {
    /// `--help`: print the usage and succeed.
    HelpRequested,
    /// Anything unusable: print the reason and the usage, exit 2.
    Usage(String),
}

/// Reads the command line (without the program name) over the environment's defaults.
/// Both `--port 8080` and `--port=8080` are accepted.
pub fn parse_options(
    args: impl IntoIterator<Item = String>,
    env: impl Fn(&str) -> Option<String>,
) -> Result<ServerOptions, CliError> {
    let mut host = env("SWITCHBOARD_HOST").unwrap_or_else(|| "127.0.0.1".to_owned());
    let mut port = env("SWITCHBOARD_PORT").unwrap_or_else(|| "8080".to_owned());
    let mut db = env("SWITCHBOARD_DB").unwrap_or_else(|| "switchboard.sqlite3".to_owned());
    let mut database_url = env("SWITCHBOARD_DATABASE_URL").unwrap_or_default();
    let mut database_pool = env("SWITCHBOARD_DATABASE_POOL").unwrap_or_default();
    let mut dist = env("SWITCHBOARD_DIST").unwrap_or_else(|| "dist".to_owned());
    let mut origins = env("SWITCHBOARD_ALLOW_ORIGINS").unwrap_or_default();
    let mut ticket_link = env("SWITCHBOARD_POSTCENTER_TICKET_LINK").unwrap_or_default();
    let mut abandon = env("SWITCHBOARD_IDEMPOTENCY_ABANDON_SECS").unwrap_or_default();
    let mut poll = env("SWITCHBOARD_POLL_SECONDS").unwrap_or_default();
    let mut config_file = env("SWITCHBOARD_CONFIG").unwrap_or_default();
    let mut trusted_proxies = env("SWITCHBOARD_TRUSTED_PROXIES").unwrap_or_default();
    let mut vendor_auth = env("SWITCHBOARD_VENDOR_AUTH").is_some_and(|v| v == "1" || v == "true");
    let mut demo_data = env("SWITCHBOARD_DEMO_DATA").is_some_and(|v| v == "1" || v == "true");

    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "-h" || arg == "--help" {
            return Err(CliError::HelpRequested);
        }
        if arg == "--vendor-auth" {
            vendor_auth = true;
            continue;
        }
        if arg == "--demo-data" {
            demo_data = true;
            continue;
        }
        let (name, inline_value) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => {
                (name.to_owned(), Some(value.to_owned()))
            }
            _ => (arg.clone(), None),
        };
        let target = match name.as_str() {
            "--host" => &mut host,
            "--port" => &mut port,
            "--db" => &mut db,
            "--database-url" => &mut database_url,
            "--database-pool" => &mut database_pool,
            "--dist" => &mut dist,
            "--allow-origin" => &mut origins,
            "--postcenter-ticket-link" => &mut ticket_link,
            "--idempotency-abandon-secs" => &mut abandon,
            "--poll-seconds" => &mut poll,
            "--config" => &mut config_file,
            "--trusted-proxy" => &mut trusted_proxies,
            _ => return Err(CliError::Usage(format!("unknown argument “{arg}”"))),
        };
        *target = match inline_value.or_else(|| args.next()) {
            Some(value) => value,
            None => return Err(CliError::Usage(format!("{name} needs a value"))),
        };
    }

    let port = port.trim().parse::<u16>().map_err(|_| {
        CliError::Usage(format!(
            "the port must be a number from 0 to 65535, not “{port}”"
        ))
    })?;
    if host.trim().is_empty() {
        return Err(CliError::Usage("the host must not be empty".to_owned()));
    }
    let database =
        database_location(&db, &database_url, &database_pool).map_err(CliError::Usage)?;
    let allowed_origins = parse_origins(&origins)?;
    let postcenter_ticket_link = parse_item_link(&ticket_link)?;
    let poll_seconds = parse_poll_seconds(&poll)?;
    let limits = Limits {
        idempotency_abandoned_after: parse_abandon_secs(&abandon)?,
        trusted_proxies: crate::http::proxies::TrustedProxies::parse(&trusted_proxies)
            .map_err(|why| CliError::Usage(format!("--trusted-proxy: {why}")))?,
        ..Limits::default()
    };
    Ok(ServerOptions {
        host,
        port,
        limits,
        config_file: (!config_file.trim().is_empty()).then(|| PathBuf::from(config_file)),
        config: Config {
            seed_demo: demo_data || matches!(database, crate::store::Location::Sqlite(_)),
            database,
            // An empty --dist means: serve no console.
            dist_dir: (!dist.trim().is_empty()).then(|| PathBuf::from(dist)),
            allowed_origins,
            postcenter_ticket_link,
            poll_seconds,
            backends: Default::default(),
            vendor_auth,
        },
    })
}

/// The store's place: PostgreSQL when a URL is given, else the SQLite file. Shared with the
/// `agents` command, which opens the same store.
pub fn database_location(
    db: &str,
    url: &str,
    pool: &str,
) -> Result<crate::store::Location, String> {
    use crate::store::Location;
    let (url, pool) = (url.trim(), pool.trim());
    if url.is_empty() {
        if db.trim().is_empty() {
            return Err("the database path must not be empty".to_owned());
        }
        return Ok(Location::Sqlite(PathBuf::from(db)));
    }
    if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
        // The URL may hold a password: never repeat it.
        return Err("the database URL must start with postgres:// or postgresql://".to_owned());
    }
    let pool_size = match pool {
        "" => 10,
        raw => match raw.parse::<u32>() {
            Ok(n) if (1..=200).contains(&n) => n,
            _ => {
                return Err(format!(
                    "the database pool must be a number from 1 to 200, not “{raw}”"
                ))
            }
        },
    };
    Ok(Location::Postgres {
        url: secrecy::SecretString::from(url.to_owned()),
        pool_size,
    })
}

/// Seconds from 1 to a day; empty: left to the console.
fn parse_poll_seconds(raw: &str) -> Result<Option<u32>, CliError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    match raw.parse::<u32>() {
        Ok(secs) if (1..=86_400).contains(&secs) => Ok(Some(secs)),
        _ => Err(CliError::Usage(format!(
            "--poll-seconds must be a whole number of seconds from 1 to 86400, not “{raw}”"
        ))),
    }
}

/// Seconds, at least 1; empty: the default (120).
fn parse_abandon_secs(raw: &str) -> Result<Duration, CliError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(Limits::default().idempotency_abandoned_after);
    }
    match raw.parse::<u64>() {
        Ok(secs) if secs >= 1 => Ok(Duration::from_secs(secs)),
        _ => Err(CliError::Usage(format!(
            "--idempotency-abandon-secs must be a whole number of seconds, 1 or more, not “{raw}”"
        ))),
    }
}

/// A link pattern to an item in a vendor's own tool: an `http(s)://` URL with `{number}`.
/// Empty: none.
fn parse_item_link(raw: &str) -> Result<Option<String>, CliError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let lower = raw.to_ascii_lowercase();
    let web = lower.starts_with("https://") || lower.starts_with("http://");
    if !web || !raw.contains(ITEM_LINK_NUMBER) || raw.contains(char::is_whitespace) {
        return Err(CliError::Usage(format!(
            "“{raw}” is not a link like https://app.postcenter.io/tickets/{{number}} (http or https, with {{number}})"
        )));
    }
    Ok(Some(raw.to_owned()))
}

/// `http://host:port` origins, comma-separated: a scheme and a host, no path, no `*`.
fn parse_origins(list: &str) -> Result<Vec<String>, CliError> {
    list.split(',')
        .map(str::trim)
        .filter(|origin| !origin.is_empty())
        .map(|origin| {
            let rest = origin
                .strip_prefix("http://")
                .or_else(|| origin.strip_prefix("https://"));
            match rest {
                Some(host) if !host.is_empty() && !host.contains(['/', '*', ' ']) => {
                    Ok(origin.to_owned())
                }
                _ => Err(CliError::Usage(format!(
                    "“{origin}” is not an origin like http://127.0.0.1:8000 (scheme, host, port; no path)"
                ))),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
