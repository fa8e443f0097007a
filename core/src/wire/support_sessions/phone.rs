//! The session's `callback_phone` (the document's type is `string · phone`, with no rule).
//! Switchboard's rule (`docs/backends/support-sessions.md`): an international number in
//! E.164, `+` then the country code and the number, 8 to 15 digits in all, the first not
//! 0. People write numbers with separators, so spaces, dots, hyphens and parentheses
//! between the digits are accepted and dropped: the number is kept in its E.164 form, the
//! one a `tel:` link and any telephony system take.

/// The fewest and most digits after the `+` (E.164 allows at most 15).
pub const MIN_PHONE_DIGITS: usize = 8;
pub const MAX_PHONE_DIGITS: usize = 15;
/// The longest text read, separators included.
pub const MAX_PHONE_CHARS: usize = 32;

/// `raw` in E.164 (`+33612345678`), or why not, in a sentence for the person who typed it.
pub fn normalize_phone(raw: &str) -> Result<String, String> {
    let text = raw.trim();
    let example = "for example +33 6 12 34 56 78";
    if text.is_empty() {
        return Err(format!(
            "must not be blank: give an international number, {example}"
        ));
    }
    if text.chars().count() > MAX_PHONE_CHARS {
        return Err(format!("must be at most {MAX_PHONE_CHARS} characters"));
    }
    let Some(rest) = text.strip_prefix('+') else {
        return Err(format!(
            "must start with + and the country code (E.164), {example}"
        ));
    };
    let mut digits = String::new();
    for c in rest.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '.' | '-' | '(' | ')' => {}
            other => {
                return Err(format!(
                    "may hold only digits after the + (and spaces, dots, hyphens or \
                     parentheses between them), not “{other}”"
                ))
            }
        }
    }
    if digits.starts_with('0') {
        return Err(format!(
            "must have the country code right after the +, which never starts with 0, {example}"
        ));
    }
    if !(MIN_PHONE_DIGITS..=MAX_PHONE_DIGITS).contains(&digits.len()) {
        return Err(format!(
            "must have {MIN_PHONE_DIGITS} to {MAX_PHONE_DIGITS} digits after the + (it has {}), \
             {example}",
            digits.len()
        ));
    }
    Ok(format!("+{digits}"))
}

/// Only whether `raw` is acceptable.
pub fn validate_phone(raw: &str) -> Result<(), String> {
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
            let error = normalize_phone(raw).expect_err(raw);
            assert!(error.contains(expected), "{raw}: {error}");
        }
        assert!(validate_phone(&format!("+33{}", " ".repeat(40))).is_err());
    }

    #[test]
    fn tel_links_carry_only_the_number() {
        assert_eq!(tel_link("+33612345678"), "tel:+33612345678");
        assert_eq!(tel_link("+33 6 12 34 56 78"), "tel:+33612345678");
    }
}
