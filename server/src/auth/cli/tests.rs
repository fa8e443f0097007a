//! The `agents` command's tests, beside it (cli.rs had passed 500 lines): reading the
//! command line, and each command run on a store in a temporary folder.

use super::*;
use crate::store::migrations::SWITCHBOARD_ONLY;
use crate::store::Location;

/// The command on Switchboard's own tables alone: the accounts need no dialect's.
fn run(command: Command, db: &std::path::Path) -> Result<String, String> {
    super::run(command, &Location::Sqlite(db.to_owned()), SWITCHBOARD_ONLY)
}

/// The backends' names, as the top hands them in.
const BACKENDS: &[&str] = &["communication", "octopia", "postcenter"];

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn commands_are_read_with_their_options() {
    let (command, db) = parse(
        args(&["create", "Ana@Example.com", "Ana Silva", "--role", "admin"]),
        |_| None,
        BACKENDS,
    )
    .unwrap();
    assert_eq!(
        command,
        Command::Create {
            email: "ana@example.com".into(),
            name: "Ana Silva".into(),
            role: Role::Admin
        }
    );
    assert!(
        matches!(db, Location::Sqlite(path) if path.as_path() == std::path::Path::new("switchboard.sqlite3"))
    );
    let (_, db) = parse(
        args(&["list", "--db", "/tmp/x.sqlite3"]),
        |_| None,
        BACKENDS,
    )
    .unwrap();
    assert!(
        matches!(db, Location::Sqlite(path) if path.as_path() == std::path::Path::new("/tmp/x.sqlite3"))
    );
    for bad in [
        &["create", "not-an-email", "Ana"][..],
        &["remove", "a@b.c"],
        &["list", "--role", "root"],
        &[],
    ] {
        assert!(parse(args(bad), |_| None, BACKENDS).is_err(), "{bad:?}");
    }
}

#[test]
fn create_list_and_reset_work_on_a_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.sqlite3");
    let created = run(
        Command::Create {
            email: "ana@example.com".into(),
            name: "Ana".into(),
            role: Role::Admin,
        },
        &db,
    )
    .unwrap();
    let password = created.rsplit(' ').next().unwrap().to_owned();
    assert!(passwords::check_new(&password).is_ok(), "{created}");
    let again = run(
        Command::Create {
            email: "ANA@example.com".into(),
            name: "Other".into(),
            role: Role::Agent,
        },
        &db,
    );
    assert!(again.unwrap_err().contains("already"));
    let listed = run(Command::List, &db).unwrap();
    assert!(
        listed.contains("ana@example.com") && listed.contains("admin"),
        "{listed}"
    );
    let store = Store::open(&db, SWITCHBOARD_ONLY).unwrap();
    let hash = |store: &Store| {
        store
            .run_blocking(|conn| people::account_by_email(conn, "ana@example.com"))
            .unwrap()
            .unwrap()
            .password_hash
            .unwrap()
    };
    let before = hash(&store);
    assert!(passwords::verify(Some(&before), &password));
    let reset = run(
        Command::ResetPassword {
            email: "ana@example.com".into(),
        },
        &db,
    )
    .unwrap();
    assert!(reset.contains("shown only now"), "{reset}");
    assert!(!passwords::verify(Some(&hash(&store)), &password));
    assert!(run(
        Command::ResetPassword {
            email: "nobody@example.com".into()
        },
        &db
    )
    .is_err());
}

#[test]
fn identity_commands_are_read_with_their_options_and_refused_in_words() {
    let (command, _) = parse(
        args(&[
            "identity",
            "set",
            "Ana@Example.com",
            "postcenter",
            "--id",
            " 467 ",
            "--name",
            "Ana S.",
        ]),
        |_| None,
        BACKENDS,
    )
    .unwrap();
    assert_eq!(
        command,
        Command::IdentitySet {
            email: "ana@example.com".into(),
            backend: "postcenter".into(),
            vendor_id: "467".into(),
            vendor_email: None,
            vendor_name: Some("Ana S.".into()),
        }
    );
    let refused = |list: &[&str]| parse(args(list), |_| None, BACKENDS).unwrap_err();
    let unknown = refused(&["identity", "set", "ana@example.com", "zendesk", "--id", "1"]);
    assert!(
        unknown.contains("no backend is called “zendesk”") && unknown.contains("octopia"),
        "{unknown}"
    );
    let no_id = refused(&["identity", "set", "ana@example.com", "octopia"]);
    assert!(no_id.contains("needs --id"), "{no_id}");
    let bad_email = refused(&[
        "identity",
        "set",
        "ana@example.com",
        "octopia",
        "--id",
        "1",
        "--email",
        "x",
    ]);
    assert!(bad_email.contains("not an email"), "{bad_email}");
    let stray = refused(&["list", "--id", "1"]);
    assert!(stray.contains("for identity set"), "{stray}");
    assert!(refused(&["identity", "list"]).contains("identity set EMAIL BACKEND"));
}

#[test]
fn an_identity_is_set_listed_replaced_and_removed_for_a_known_agent_only() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.sqlite3");
    let set = |email: &str, id: &str| Command::IdentitySet {
        email: email.into(),
        backend: "octopia".into(),
        vendor_id: id.into(),
        vendor_email: Some("ana@octopia.example".into()),
        vendor_name: None,
    };
    let unknown = run(set("nobody@example.com", "1"), &db).unwrap_err();
    assert_eq!(unknown, "no agent has the email nobody@example.com");
    run(
        Command::Create {
            email: "ana@example.com".into(),
            name: "Ana".into(),
            role: Role::Agent,
        },
        &db,
    )
    .unwrap();
    let done = run(set("ana@example.com", "seller-1"), &db).unwrap();
    assert!(
        done.contains("Ana (ana@example.com) is now id seller-1"),
        "{done}"
    );
    run(set("ana@example.com", "seller-2"), &db).unwrap();
    let listed = run(Command::List, &db).unwrap();
    assert!(
        listed.contains("on octopia: id seller-2, email ana@octopia.example")
            && !listed.contains("seller-1"),
        "one identity per backend, the last one set: {listed}"
    );
    let remove = || Command::IdentityRemove {
        email: "ana@example.com".into(),
        backend: "octopia".into(),
    };
    assert!(run(remove(), &db).unwrap().contains("refused until"));
    let again = run(remove(), &db).unwrap_err();
    assert!(
        again.contains("Ana (ana@example.com) has no identity on octopia"),
        "{again}"
    );
    assert!(!run(Command::List, &db).unwrap().contains("on octopia"));
}
