//! The session's `callback_phone` (the document's type is `string · phone`, with no rule).
//! Switchboard's rule (`docs/backends/support-sessions.md`): an international number in
//! E.164, `+` then the country code and the number, 8 to 15 digits in all, the first not
//! 0. People write numbers with separators, so spaces, dots, hyphens and parentheses
//! between the digits are accepted and dropped: the number is kept in its E.164 form, the
//! one a `tel:` link and any telephony system take.

use crate::i18n::{text, text_with, Args, Lang, Say};
use std::fmt;

/// The fewest and most digits after the `+` (E.164 allows at most 15).
pub const MIN_PHONE_DIGITS: usize = 8;
pub const MAX_PHONE_DIGITS: usize = 15;
/// The longest text read, separators included.
pub const MAX_PHONE_CHARS: usize = 32;

/// Why a callback phone is refused, written for the person who typed it in any language
/// ([`Say`]): each sentence says what the number must be (the field names itself where it
/// is shown). Its `Display` is the English sentence (the server's refusals and logs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PhoneProblem {
    /// Nothing but blanks.
    Blank,
    /// Longer than [`MAX_PHONE_CHARS`], separators included.
    TooLong { max: usize },
    /// No `+` first.
    NoPlus,
    /// A character that is neither a digit nor a tolerated separator.
    NotADigit(char),
    /// The country code starts with 0.
    LeadingZero,
    /// Too few or too many digits after the `+`.
    DigitCount {
        min: usize,
        max: usize,
        count: usize,
    },
}

impl Say for PhoneProblem {
    fn say(&self, lang: Lang) -> String {
        match self {
            PhoneProblem::Blank => text(lang, msg!("phone-problem-blank")),
            PhoneProblem::TooLong { max } => text_with(
                lang,
                msg!("phone-problem-too-long"),
                &Args::new().num("max", *max),
            ),
            PhoneProblem::NoPlus => text(lang, msg!("phone-problem-no-plus")),
            PhoneProblem::NotADigit(c) => text_with(
                lang,
                msg!("phone-problem-not-a-digit"),
                &Args::new().str("char", c.to_string()),
            ),
            PhoneProblem::LeadingZero => text(lang, msg!("phone-problem-leading-zero")),
            PhoneProblem::DigitCount { min, max, count } => text_with(
                lang,
                msg!("phone-problem-digit-count"),
                &Args::new()
                    .num("min", *min)
                    .num("max", *max)
                    .num("count", *count),
            ),
        }
    }
}

impl fmt::Display for PhoneProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

impl std::error::Error for PhoneProblem {}

/// `raw` in E.164 (`+33612345678`), or why not ([`PhoneProblem`], a sentence for the person
/// who typed it).
pub fn normalize_phone(raw: &str) -> Result<String, PhoneProblem> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(PhoneProblem::Blank);
    }
    if text.chars().count() > MAX_PHONE_CHARS {
        return Err(PhoneProblem::TooLong {
            max: MAX_PHONE_CHARS,
        });
    }
    let Some(rest) = text.strip_prefix('+') else {
        return Err(PhoneProblem::NoPlus);
    };
    let mut digits = String::new();
    for c in rest.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '.' | '-' | '(' | ')' => {}
            other => return Err(PhoneProblem::NotADigit(other)),
        }
    }
    if digits.starts_with('0') {
        return Err(PhoneProblem::LeadingZero);
    }
    if !(MIN_PHONE_DIGITS..=MAX_PHONE_DIGITS).contains(&digits.len()) {
        return Err(PhoneProblem::DigitCount {
            min: MIN_PHONE_DIGITS,
            max: MAX_PHONE_DIGITS,
            count: digits.len(),
        });
    }
    Ok(format!("+{digits}"))
}

/// Only whether `raw` is acceptable.
pub fn validate_phone(raw: &str) -> Result<(), PhoneProblem> {
    normalize_phone(raw).map(|_| ())
}

/// The `tel:` link of a stored (E.164) number; a number that is not E.164 (read from a
/// backend with a looser rule) keeps only its `+` and digits.
pub fn tel_link(phone: &str) -> String {
    let kept: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    format!("tel:{kept}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn international_numbers_are_kept_in_e164() {
        assert_eq!(normalize_phone("+33612345678").unwrap(), "+33612345678");
        assert_eq!(
            normalize_phone(" +33 6 12 34 56 78 ").unwrap(),
            "+33612345678"
        );
        assert_eq!(
            normalize_phone("+1 (415) 555-0132").unwrap(),
            "+14155550132"
        );
        assert_eq!(normalize_phone("+49.30.901820").unwrap(), "+4930901820");
        assert_eq!(normalize_phone("+919876543210").unwrap(), "+919876543210");
    }

    #[test]
    fn other_numbers_are_refused_with_the_reason() {
        let cases = [
            ("", "blank"),
            ("0612345678", "must start with +"),
            ("+0612345678", "never starts with 0"),
            ("+33 6 12", "8 to 15 digits"),
            ("+1234567890123456", "(it has 16)"),
            ("+33 6 12 34 56 7x", "not “x”"),
            ("+33/612345678", "not “/”"),
            ("tel:+33612345678", "must start with +"),
        ];
        for (raw, expected) in cases {
            let error = normalize_phone(raw).expect_err(raw).to_string();
            assert!(error.contains(expected), "{raw}: {error}");
        }
        assert!(validate_phone(&format!("+33{}", " ".repeat(40))).is_err());
    }

    #[test]
    fn the_english_refusals_are_unchanged() {
        let said = |raw: &str| normalize_phone(raw).unwrap_err().to_string();
        assert_eq!(
            said(" "),
            "must not be blank: give an international number, for example +33 6 12 34 56 78"
        );
        assert_eq!(said(&"+1".repeat(20)), "must be at most 32 characters");
        assert_eq!(
            said("0612345678"),
            "must start with + and the country code (E.164), for example +33 6 12 34 56 78"
        );
        assert_eq!(
            said("+33/6"),
            "may hold only digits after the + (and spaces, dots, hyphens or parentheses \
             between them), not “/”"
        );
        assert_eq!(
            said("+0612345678"),
            "must have the country code right after the +, which never starts with 0, \
             for example +33 6 12 34 56 78"
        );
        assert_eq!(
            said("+33 6 12"),
            "must have 8 to 15 digits after the + (it has 5), for example +33 6 12 34 56 78"
        );
    }

    #[test]
    fn refusals_read_in_french_and_spanish() {
        let problem = normalize_phone("+33 6 12").unwrap_err();
        assert_eq!(
            problem.say(Lang::Fr),
            "doit compter de 8 à 15 chiffres après le + (il en compte 5), \
             par exemple +33 6 12 34 56 78"
        );
        assert_eq!(
            problem.say(Lang::Es),
            "debe tener de 8 a 15 dígitos después del + (tiene 5), \
             por ejemplo +33 6 12 34 56 78"
        );
        let problem = normalize_phone("+33 6x").unwrap_err();
        assert!(problem.say(Lang::Fr).contains("« x »"), "{problem:?}");
        assert!(problem.say(Lang::Es).contains("«x»"), "{problem:?}");
        assert!(normalize_phone("0612")
            .unwrap_err()
            .say(Lang::Fr)
            .starts_with("doit commencer par +"));
    }

    #[test]
    fn tel_links_carry_only_the_number() {
        assert_eq!(tel_link("+33612345678"), "tel:+33612345678");
        assert_eq!(tel_link("+33 6 12 34 56 78"), "tel:+33612345678");
    }
}
