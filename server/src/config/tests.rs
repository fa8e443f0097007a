use super::*;

#[test]
fn a_ticket_link_is_a_web_address_with_the_number() {
    let options = parse_options(
        args(&[
            "--postcenter-ticket-link",
            "https://app.postcenter.io/tickets/{number}",
        ]),
        no_env,
    )
    .expect("accepted");
    assert_eq!(
        options.config.postcenter_ticket_link.as_deref(),
        Some("https://app.postcenter.io/tickets/{number}")
    );
    for bad in [
        "javascript:{number}",
        "https://x.example/tickets",
        "ftp://x/{number}",
    ] {
        assert!(
            parse_options(args(&["--postcenter-ticket-link", bad]), no_env).is_err(),
            "{bad}"
        );
    }
}

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn no_env(_: &str) -> Option<String> {
    None
}

#[test]
fn defaults_apply() {
    let options = parse_options(args(&[]), no_env).unwrap();
    assert_eq!(options.host, "127.0.0.1");
    assert_eq!(options.port, 8080);
    assert!(
        matches!(&options.config.database, crate::store::Location::Sqlite(path) if path.as_path() == std::path::Path::new("switchboard.sqlite3"))
    );
    assert_eq!(options.config.dist_dir, Some(PathBuf::from("dist")));
    assert_eq!(options.limits, Limits::default());
}

#[test]
fn the_abandonment_age_is_whole_seconds() {
    let env = |name: &str| (name == "SWITCHBOARD_IDEMPOTENCY_ABANDON_SECS").then(|| "3".to_owned());
    let options = parse_options(args(&[]), env).unwrap();
    assert_eq!(
        options.limits.idempotency_abandoned_after,
        Duration::from_secs(3)
    );
    let options = parse_options(args(&["--idempotency-abandon-secs=7"]), env).unwrap();
    assert_eq!(
        options.limits.idempotency_abandoned_after,
        Duration::from_secs(7)
    );
    for bad in ["0", "-1", "1.5", "soon"] {
        let bad = parse_options(args(&["--idempotency-abandon-secs", bad]), no_env);
        assert!(matches!(bad, Err(CliError::Usage(_))));
    }
}

#[test]
fn the_polling_interval_is_whole_seconds_or_the_consoles() {
    assert_eq!(
        parse_options(args(&[]), no_env)
            .unwrap()
            .config
            .poll_seconds,
        None
    );
    let env = |name: &str| (name == "SWITCHBOARD_POLL_SECONDS").then(|| "30".to_owned());
    assert_eq!(
        parse_options(args(&[]), env).unwrap().config.poll_seconds,
        Some(30)
    );
    let options = parse_options(args(&["--poll-seconds", "2"]), env).unwrap();
    assert_eq!(options.config.poll_seconds, Some(2));
    for bad in ["0", "86401", "1.5", "often"] {
        let bad = parse_options(args(&["--poll-seconds", bad]), no_env);
        assert!(matches!(bad, Err(CliError::Usage(_))), "{bad:?}");
    }
}

#[test]
fn arguments_override_the_environment() {
    let env = |name: &str| match name {
        "SWITCHBOARD_PORT" => Some("9000".to_owned()),
        "SWITCHBOARD_DB" => Some("/tmp/env.sqlite3".to_owned()),
        _ => None,
    };
    let options = parse_options(
        args(&["--port", "0", "--dist=web", "--host", "0.0.0.0"]),
        env,
    )
    .unwrap();
    assert_eq!(options.port, 0);
    assert_eq!(options.host, "0.0.0.0");
    assert!(
        matches!(&options.config.database, crate::store::Location::Sqlite(path) if path.as_path() == std::path::Path::new("/tmp/env.sqlite3"))
    );
    assert_eq!(options.config.dist_dir, Some(PathBuf::from("web")));
    assert!(options.config.allowed_origins.is_empty());
}

#[test]
fn other_origins_are_named_exactly() {
    let options = parse_options(
        args(&[
            "--allow-origin",
            "http://127.0.0.1:8000, https://support.example.com",
        ]),
        no_env,
    )
    .unwrap();
    assert_eq!(
        options.config.allowed_origins,
        vec!["http://127.0.0.1:8000", "https://support.example.com"]
    );
    for bad in ["*", "http://*", "127.0.0.1:8000", "http://a.example/path"] {
        assert!(
            parse_options(args(&["--allow-origin", bad]), no_env).is_err(),
            "{bad}"
        );
    }
}

#[test]
fn bad_arguments_are_usage_errors() {
    for bad in [
        &["--verbose"][..],
        &["--port"],
        &["--port", "http"],
        &["--port", "70000"],
        &["serve"],
    ] {
        assert!(
            matches!(parse_options(args(bad), no_env), Err(CliError::Usage(_))),
            "{bad:?}"
        );
    }
    assert!(matches!(
        parse_options(args(&["--help"]), no_env),
        Err(CliError::HelpRequested)
    ));
}

#[test]
fn the_backends_file_and_vendor_auth_are_named_on_the_command_line_or_in_the_environment() {
    let options =
        parse_options(args(&["--config", "/etc/sb.toml", "--vendor-auth"]), no_env).unwrap();
    assert_eq!(options.config_file, Some(PathBuf::from("/etc/sb.toml")));
    assert!(options.config.vendor_auth);
    let from_env = |name: &str| match name {
        "SWITCHBOARD_CONFIG" => Some("/srv/sb.toml".to_owned()),
        "SWITCHBOARD_VENDOR_AUTH" => Some("1".to_owned()),
        _ => None,
    };
    let options = parse_options(args(&[]), from_env).unwrap();
    assert_eq!(options.config_file, Some(PathBuf::from("/srv/sb.toml")));
    assert!(options.config.vendor_auth);
    let options = parse_options(args(&[]), no_env).unwrap();
    assert_eq!(options.config_file, None);
    assert!(!options.config.vendor_auth);
}

#[test]
fn a_postgres_url_chooses_postgresql_without_demo_data_and_is_never_repeated() {
    let url = "postgres://switchboard:s3cret@db.internal:5432/switchboard";
    let options = parse_options(args(&["--database-url", url]), no_env).unwrap();
    let crate::store::Location::Postgres { pool_size, .. } = &options.config.database else {
        panic!("PostgreSQL is chosen");
    };
    assert_eq!(*pool_size, 10);
    assert!(
        !options.config.seed_demo,
        "a team's database gets no demo agents"
    );
    let shown = format!("{} {:?}", options.config.database, options.config.database);
    assert!(!shown.contains("s3cret"), "{shown}");
    assert!(shown.contains("db.internal"), "{shown}");

    let env = |name: &str| match name {
        "SWITCHBOARD_DATABASE_URL" => Some(url.to_owned()),
        "SWITCHBOARD_DATABASE_POOL" => Some("4".to_owned()),
        "SWITCHBOARD_DEMO_DATA" => Some("1".to_owned()),
        _ => None,
    };
    let options = parse_options(args(&[]), env).unwrap();
    assert!(options.config.seed_demo);
    assert!(matches!(
        options.config.database,
        crate::store::Location::Postgres { pool_size: 4, .. }
    ));
    assert!(parse_options(args(&[]), no_env).unwrap().config.seed_demo);

    for (bad, says) in [
        (
            &["--database-url", "mysql://root:s3cret@x/y"][..],
            "postgres://",
        ),
        (
            &["--database-url", url, "--database-pool", "0"][..],
            "1 to 200",
        ),
    ] {
        let Err(CliError::Usage(reason)) = parse_options(args(bad), no_env) else {
            panic!("{bad:?} is refused");
        };
        assert!(reason.contains(says), "{reason}");
        assert!(!reason.contains("s3cret"), "{reason}");
    }
}

#[test]
fn trusted_proxies_come_from_the_command_line_or_the_environment_and_none_by_default() {
    let ip = |text: &str| text.parse::<std::net::IpAddr>().unwrap();
    let none = parse_options(args(&[]), no_env).unwrap();
    assert!(none.limits.trusted_proxies.is_empty());
    let given = parse_options(args(&["--trusted-proxy", "10.0.0.5, fd00::/8"]), no_env).unwrap();
    assert!(given.limits.trusted_proxies.trusts(ip("10.0.0.5")));
    assert!(given.limits.trusted_proxies.trusts(ip("fd00::7")));
    assert!(!given.limits.trusted_proxies.trusts(ip("10.0.0.6")));
    let env =
        |name: &str| (name == "SWITCHBOARD_TRUSTED_PROXIES").then(|| "10.1.0.0/16".to_owned());
    let from_env = parse_options(args(&[]), env).unwrap();
    assert!(from_env.limits.trusted_proxies.trusts(ip("10.1.2.3")));
    let Err(CliError::Usage(reason)) = parse_options(args(&["--trusted-proxy=proxy.lan"]), no_env)
    else {
        panic!("a host name is refused");
    };
    assert!(
        reason.starts_with("--trusted-proxy: “proxy.lan”"),
        "{reason}"
    );
}
