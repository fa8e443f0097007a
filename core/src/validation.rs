//! Rules checked as the person types in the browser and again by the server. Messages
//! are written for the person, and name the limit.

/// The limits, as data: the form shows them and the server enforces them.
pub mod limits {
    pub const NAME_MAX_CHARS: usize = 100;
    pub const EMAIL_MAX_CHARS: usize = 254;
    pub const SUBJECT_MAX_CHARS: usize = 150;
    pub const MESSAGE_MAX_CHARS: usize = 5_000;
    pub const MESSAGE_MIN_CHARS: usize = 10;
    pub const REPLY_MAX_CHARS: usize = 5_000;
    /// An internal note says as much as a reply may.
    pub const NOTE_MAX_CHARS: usize = REPLY_MAX_CHARS;
}

use crate::i18n::{text, text_with, Args, Lang, Say};
use limits::*;

/// A field of the contact-us form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ContactField {
    Name,
    Email,
    Subject,
    Message,
}

impl ContactField {
    pub const ALL: [ContactField; 4] = [
        ContactField::Name,
        ContactField::Email,
        ContactField::Subject,
        ContactField::Message,
    ];

    /// The field's name in the communication API's contact-us body.
    pub fn wire_name(self) -> &'static str {
        match self {
            ContactField::Name => "name",
            ContactField::Email => "mail",
            ContactField::Subject => "object",
            ContactField::Message => "message",
        }
    }

    /// The field's label on the form.
    pub fn label(self, lang: Lang) -> String {
        match self {
            ContactField::Name => text(lang, msg!("contact-field-name")),
            ContactField::Email => text(lang, msg!("contact-field-email")),
            ContactField::Subject => text(lang, msg!("contact-field-subject")),
            ContactField::Message => text(lang, msg!("contact-field-message")),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContactForm {
    pub name: String,
    pub email: String,
    pub subject: String,
    pub message: String,
    /// The honeypot: hidden from people, so anything in it was typed by a robot.
    pub website: String,
}

impl ContactForm {
    pub fn value(&self, field: ContactField) -> &str {
        match field {
            ContactField::Name => &self.name,
            ContactField::Email => &self.email,
            ContactField::Subject => &self.subject,
            ContactField::Message => &self.message,
        }
    }

    /// Every problem, in the form's order; empty when the form can be sent.
    pub fn problems(&self) -> Vec<(ContactField, Problem)> {
        ContactField::ALL
            .into_iter()
            .filter_map(|field| {
                validate_contact_field(field, self.value(field))
                    .err()
                    .map(|m| (field, m))
            })
            .collect()
    }
}

/// A name as kept (a label's, a saved view's): spaces at the ends gone, runs of spaces
/// one, no control characters.
pub fn tidy_name(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn validate_contact_field(field: ContactField, value: &str) -> Result<(), Problem> {
    match field {
        ContactField::Name => single_line(Subject::Name, value, 1, NAME_MAX_CHARS),
        ContactField::Email => validate_email(value),
        ContactField::Subject => single_line(Subject::Subject, value, 1, SUBJECT_MAX_CHARS),
        ContactField::Message => text_block(
            Subject::Message,
            value,
            MESSAGE_MIN_CHARS,
            MESSAGE_MAX_CHARS,
        ),
    }
}

/// A reply from the console: not blank, not over the limit.
pub fn validate_reply(body: &str) -> Result<(), Problem> {
    text_block(Subject::Reply, body, 1, REPLY_MAX_CHARS)
}

/// What a problem is about, as its sentence names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    Name,
    Email,
    Subject,
    Message,
    Reply,
}

impl Subject {
    /// The selector the catalogue's sentences choose their words by.
    fn key(self) -> &'static str {
        match self {
            Subject::Name => "name",
            Subject::Email => "email",
            Subject::Subject => "subject",
            Subject::Message => "message",
            Subject::Reply => "reply",
        }
    }
}

/// Why a value is refused, written for the person in any language ([`Say`]); its
/// `Display` is the English sentence (the server's logs, the command line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    Required(Subject),
    TooShort {
        what: Subject,
        min: usize,
        count: usize,
    },
    TooLong {
        what: Subject,
        max: usize,
        count: usize,
    },
    OneLine(Subject),
    ControlCharacters(Subject),
    NotAnEmail(String),
}

impl Say for Problem {
    fn say(&self, lang: Lang) -> String {
        let of = |what: Subject| Args::new().str("what", what.key());
        match self {
            Problem::Required(what) => text_with(lang, msg!("problem-required"), &of(*what)),
            Problem::TooShort { what, min, count } => text_with(
                lang,
                msg!("problem-too-short"),
                &of(*what).num("min", *min).num("count", *count),
            ),
            Problem::TooLong { what, max, count } => text_with(
                lang,
                msg!("problem-too-long"),
                &of(*what).num("max", *max).num("count", *count),
            ),
            Problem::OneLine(what) => text_with(lang, msg!("problem-one-line"), &of(*what)),
            Problem::ControlCharacters(what) => {
                text_with(lang, msg!("problem-control-characters"), &of(*what))
            }
            Problem::NotAnEmail(value) => text_with(
                lang,
                msg!("problem-not-an-email"),
                &Args::new().str("value", value.clone()),
            ),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

fn length_problem(what: Subject, value: &str, min: usize, max: usize) -> Result<(), Problem> {
    let count = value.trim().chars().count();
    if count == 0 {
        return Err(Problem::Required(what));
    }
    if count < min {
        return Err(Problem::TooShort { what, min, count });
    }
    if count > max {
        return Err(Problem::TooLong { what, max, count });
    }
    Ok(())
}

fn single_line(what: Subject, value: &str, min: usize, max: usize) -> Result<(), Problem> {
    length_problem(what, value, min, max)?;
    if value.chars().any(char::is_control) {
        return Err(Problem::OneLine(what));
    }
    Ok(())
}

fn text_block(what: Subject, value: &str, min: usize, max: usize) -> Result<(), Problem> {
    length_problem(what, value, min, max)?;
    if value
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(Problem::ControlCharacters(what));
    }
    Ok(())
}

/// An address a mail server would accept for delivery: `local@domain.tld`, no spaces,
/// a domain of letters, digits and hyphens with a dot.
pub fn validate_email(value: &str) -> Result<(), Problem> {
    let value = value.trim();
    length_problem(Subject::Email, value, 1, EMAIL_MAX_CHARS)?;
    let Some((local, domain)) = value.rsplit_once('@') else {
        return Err(Problem::NotAnEmail(value.to_owned()));
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| !c.is_whitespace() && !c.is_control() && !"@,;:<>()[]\\\"".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic));
    if local_ok && domain_ok {
        Ok(())
    } else {
        Err(Problem::NotAnEmail(value.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good_form() -> ContactForm {
        ContactForm {
            name: "Lucía Fernández".into(),
            email: "lucia@example.es".into(),
            subject: "Reserva 4821".into(),
            message: "Hola, no he recibido la confirmación de mi reserva.".into(),
            website: String::new(),
        }
    }

    #[test]
    fn a_good_form_has_no_problems() {
        assert!(good_form().problems().is_empty());
    }

    #[test]
    fn name_is_required_bounded_and_one_line() {
        assert_eq!(
            validate_contact_field(ContactField::Name, "   ").map_err(|p| p.to_string()),
            Err("Your name is required.".into())
        );
        assert!(validate_contact_field(ContactField::Name, &"a".repeat(NAME_MAX_CHARS)).is_ok());
        let err = validate_contact_field(ContactField::Name, &"a".repeat(NAME_MAX_CHARS + 1))
            .unwrap_err()
            .to_string();
        assert!(err.contains("at most 100"), "{err}");
        assert!(validate_contact_field(ContactField::Name, "Ana\nBel").is_err());
    }

    #[test]
    fn emails_are_checked() {
        for good in [
            "a@b.co",
            "jean.dupont+trip@voyages.fr",
            "josé@correo.es",
            "x@sub.domain.museum",
        ] {
            assert!(validate_email(good).is_ok(), "{good}");
        }
        for bad in [
            "plainaddress",
            "a@b",
            "a@b.c",
            "a b@c.com",
            "@c.com",
            "a@.com",
            "a@-b.com",
            "a..b@c.com",
            "a@b.c0m",
            "a@b..com",
        ] {
            let err = validate_email(bad).unwrap_err().to_string();
            assert!(err.contains("not a valid email address"), "{bad}: {err}");
        }
        assert_eq!(
            validate_email("").unwrap_err().to_string(),
            "Your email address is required."
        );
        let long = format!("{}@example.com", "a".repeat(250));
        assert!(validate_email(&long)
            .unwrap_err()
            .to_string()
            .contains("at most 254"));
    }

    #[test]
    fn subject_is_required_and_bounded() {
        assert!(validate_contact_field(ContactField::Subject, "").is_err());
        assert!(
            validate_contact_field(ContactField::Subject, &"é".repeat(SUBJECT_MAX_CHARS)).is_ok(),
            "limits count characters, not bytes"
        );
        assert!(
            validate_contact_field(ContactField::Subject, &"é".repeat(SUBJECT_MAX_CHARS + 1))
                .is_err()
        );
    }

    #[test]
    fn message_has_a_minimum_a_maximum_and_allows_new_lines() {
        let err = validate_contact_field(ContactField::Message, "Help")
            .unwrap_err()
            .to_string();
        assert_eq!(err, "Your message needs at least 10 characters (4 so far).");
        assert!(validate_contact_field(ContactField::Message, "Line one\nLine two\tok").is_ok());
        assert!(validate_contact_field(ContactField::Message, "Hidden\u{0007} bell char").is_err());
        assert!(
            validate_contact_field(ContactField::Message, &"m".repeat(MESSAGE_MAX_CHARS + 1))
                .is_err()
        );
    }

    #[test]
    fn problems_come_in_form_order() {
        let form = ContactForm {
            email: "nope".into(),
            ..Default::default()
        };
        let fields: Vec<_> = form.problems().into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ContactField::ALL.to_vec());
    }

    #[test]
    fn replies_must_not_be_blank_or_too_long() {
        assert_eq!(
            validate_reply(" \n ").unwrap_err().to_string(),
            "A reply is required."
        );
        assert!(validate_reply("ok").is_ok());
        assert!(validate_reply(&"x".repeat(REPLY_MAX_CHARS + 1)).is_err());
    }

    #[test]
    fn problems_are_said_in_each_language() {
        let short = validate_contact_field(ContactField::Message, "Hola").unwrap_err();
        assert_eq!(
            short.say(Lang::Es),
            "Tu mensaje necesita al menos 10 caracteres (4 por ahora)."
        );
        assert_eq!(
            short.say(Lang::Fr),
            "Votre message doit compter au moins 10 caractères (4 pour l’instant)."
        );
        let blank = validate_contact_field(ContactField::Subject, "").unwrap_err();
        assert_eq!(blank.say(Lang::Fr), "L’objet est obligatoire.");
    }

    #[test]
    fn wire_names_are_the_contact_api_fields() {
        let names: Vec<_> = ContactField::ALL.iter().map(|f| f.wire_name()).collect();
        assert_eq!(names, ["name", "mail", "object", "message"]);
    }
}
