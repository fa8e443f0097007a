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
}

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

    pub fn label(self) -> &'static str {
        match self {
            ContactField::Name => "Your name",
            ContactField::Email => "Email address",
            ContactField::Subject => "Subject",
            ContactField::Message => "Message",
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
    pub fn problems(&self) -> Vec<(ContactField, String)> {
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

pub fn validate_contact_field(field: ContactField, value: &str) -> Result<(), String> {
    match field {
        ContactField::Name => single_line("Your name", value, 1, NAME_MAX_CHARS),
        ContactField::Email => validate_email(value),
        ContactField::Subject => single_line("The subject", value, 1, SUBJECT_MAX_CHARS),
        ContactField::Message => {
            text_block("Your message", value, MESSAGE_MIN_CHARS, MESSAGE_MAX_CHARS)
        }
    }
}

/// A reply from the console: not blank, not over the limit.
pub fn validate_reply(body: &str) -> Result<(), String> {
    text_block("A reply", body, 1, REPLY_MAX_CHARS)
}

fn length_problem(what: &str, value: &str, min: usize, max: usize) -> Result<(), String> {
    let trimmed = value.trim();
    let count = trimmed.chars().count();
    if count == 0 {
        return Err(format!("{what} is required."));
    }
    if count < min {
        return Err(format!(
            "{what} needs at least {min} characters ({count} so far)."
        ));
    }
    if count > max {
        return Err(format!(
            "{what} can have at most {max} characters ({count} now)."
        ));
    }
    Ok(())
}

fn single_line(what: &str, value: &str, min: usize, max: usize) -> Result<(), String> {
    length_problem(what, value, min, max)?;
    if value.chars().any(char::is_control) {
        return Err(format!("{what} must fit on one line."));
    }
    Ok(())
}

fn text_block(what: &str, value: &str, min: usize, max: usize) -> Result<(), String> {
    length_problem(what, value, min, max)?;
    if value
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(format!("{what} contains invisible control characters."));
    }
    Ok(())
}

/// An address a mail server would accept for delivery: `local@domain.tld`, no spaces,
/// a domain of letters, digits and hyphens with a dot.
pub fn validate_email(value: &str) -> Result<(), String> {
    let value = value.trim();
    if value.is_empty() {
        return Err("Email address is required.".to_owned());
    }
    let invalid = || {
        Err(format!(
            "“{value}” is not a valid email address, such as name@example.com."
        ))
    };
    if value.chars().count() > EMAIL_MAX_CHARS {
        return Err(format!(
            "An email address can have at most {EMAIL_MAX_CHARS} characters."
        ));
    }
    let Some((local, domain)) = value.rsplit_once('@') else {
        return invalid();
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
        invalid()
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
            validate_contact_field(ContactField::Name, "   "),
            Err("Your name is required.".into())
        );
        assert!(validate_contact_field(ContactField::Name, &"a".repeat(NAME_MAX_CHARS)).is_ok());
        let err = validate_contact_field(ContactField::Name, &"a".repeat(NAME_MAX_CHARS + 1))
            .unwrap_err();
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
            let err = validate_email(bad).unwrap_err();
            assert!(err.contains("not a valid email address"), "{bad}: {err}");
        }
        assert_eq!(validate_email(""), Err("Email address is required.".into()));
        let long = format!("{}@example.com", "a".repeat(250));
        assert!(validate_email(&long).unwrap_err().contains("at most 254"));
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
        let err = validate_contact_field(ContactField::Message, "Help").unwrap_err();
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
        assert_eq!(validate_reply(" \n "), Err("A reply is required.".into()));
        assert!(validate_reply("ok").is_ok());
        assert!(validate_reply(&"x".repeat(REPLY_MAX_CHARS + 1)).is_err());
    }

    #[test]
    fn wire_names_are_the_contact_api_fields() {
        let names: Vec<_> = ContactField::ALL.iter().map(|f| f.wire_name()).collect();
        assert_eq!(names, ["name", "mail", "object", "message"]);
    }
}
