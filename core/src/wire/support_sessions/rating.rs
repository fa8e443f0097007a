//! An agent's `rating`, as `support-management.txt` describes it: "a single value or can
//! also contain an inequality operator like gt, gte, lt, lte. This can also contain an
//! inequality expression containing logical operators like && and ||."
//!
//! The grammar Switchboard checks (the document gives none; `docs/backends/support-sessions.md`):
//!
//! ```text
//! rating      = conjunction *( "||" conjunction )
//! conjunction = comparison  *( "&&" comparison )
//! comparison  = [ operator ] number        ; no operator: the value itself
//! operator    = "gt" / "gte" / "lt" / "lte"
//! number      = 1*DIGIT [ "." 1*DIGIT ]
//! ```
//!
//! Blanks may separate any two tokens (`gte 4`, `gte4`, `gt 3&&lte 5`); `&&` binds tighter
//! than `||`; no parentheses, no signs. At most [`MAX_RATING_CHARS`]. The text is stored
//! and shown as given: this only says whether it is well formed (and what it means).

use std::fmt;

/// The longest rating accepted.
pub const MAX_RATING_CHARS: usize = 100;

/// An inequality operator of the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operator {
    Gt,
    Gte,
    Lt,
    Lte,
}

impl Operator {
    pub const ALL: [Operator; 4] = [Operator::Gt, Operator::Gte, Operator::Lt, Operator::Lte];

    pub fn as_str(self) -> &'static str {
        match self {
            Operator::Gt => "gt",
            Operator::Gte => "gte",
            Operator::Lt => "lt",
            Operator::Lte => "lte",
        }
    }

    /// How a person reads it.
    pub fn symbol(self) -> &'static str {
        match self {
            Operator::Gt => ">",
            Operator::Gte => "≥",
            Operator::Lt => "<",
            Operator::Lte => "≤",
        }
    }
}

/// One comparison: `gte 4`, or a bare `4.5` (no operator).
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub operator: Option<Operator>,
    /// The number as written.
    pub value: String,
}

impl Comparison {
    fn number(&self) -> f64 {
        // Checked by the parser: digits with an optional fraction always parse.
        self.value.parse().unwrap_or(f64::NAN)
    }

    /// Whether `score` satisfies it; a bare value is an equality.
    pub fn holds_for(&self, score: f64) -> bool {
        let value = self.number();
        match self.operator {
            None => score == value,
            Some(Operator::Gt) => score > value,
            Some(Operator::Gte) => score >= value,
            Some(Operator::Lt) => score < value,
            Some(Operator::Lte) => score <= value,
        }
    }
}

/// A well-formed rating: alternatives (`||`), each all of its comparisons (`&&`).
#[derive(Clone, Debug, PartialEq)]
pub struct Rating {
    pub any_of: Vec<Vec<Comparison>>,
}

impl Rating {
    /// A single value, not an expression: `4.5`.
    pub fn as_value(&self) -> Option<&str> {
        match self.any_of.as_slice() {
            [only] => match only.as_slice() {
                [Comparison {
                    operator: None,
                    value,
                }] => Some(value),
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether a score satisfies the expression.
    pub fn holds_for(&self, score: f64) -> bool {
        self.any_of
            .iter()
            .any(|all| all.iter().all(|c| c.holds_for(score)))
    }
}

impl fmt::Display for Rating {
    /// The expression as a person reads it: `≥ 4 and ≤ 5, or 3`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let alternatives: Vec<String> = self
            .any_of
            .iter()
            .map(|all| {
                all.iter()
                    .map(|c| match c.operator {
                        Some(op) => format!("{} {}", op.symbol(), c.value),
                        None => c.value.clone(),
                    })
                    .collect::<Vec<_>>()
                    .join(" and ")
            })
            .collect();
        f.write_str(&alternatives.join(", or "))
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Op(Operator),
    Number(String),
    And,
    Or,
}

/// Checks `raw` against the grammar; the refusal is a sentence for the person who typed it
/// (it names the character where the problem starts, counting from 1).
pub fn parse_rating(raw: &str) -> Result<Rating, String> {
    if raw.trim().is_empty() {
        return Err("must not be blank: give a value (4.5) or an expression (gte 4)".to_owned());
    }
    if raw.chars().count() > MAX_RATING_CHARS {
        return Err(format!("must be at most {MAX_RATING_CHARS} characters"));
    }
    let tokens = tokenize(raw)?;
    let mut any_of = vec![Vec::new()];
    let mut pending: Option<(Operator, usize)> = None;
    // What the previous token allows next: true after a number.
    let mut after_value = false;
    for (token, at) in tokens {
        match token {
            Token::Op(op) => {
                if after_value {
                    return Err(format!(
                        "needs && or || before “{}” at character {at}",
                        op.as_str()
                    ));
                }
                if let Some((previous, _)) = pending {
                    return Err(format!(
                        "has “{}” right after “{}” at character {at}: one operator per number",
                        op.as_str(),
                        previous.as_str()
                    ));
                }
                pending = Some((op, at));
            }
            Token::Number(value) => {
                if after_value {
                    return Err(format!(
                        "needs && or || between two numbers at character {at}"
                    ));
                }
                let operator = pending.take().map(|(op, _)| op);
                if let Some(all) = any_of.last_mut() {
                    all.push(Comparison { operator, value });
                }
                after_value = true;
            }
            Token::And | Token::Or => {
                let word = if token == Token::And { "&&" } else { "||" };
                if let Some((op, _)) = pending {
                    return Err(format!(
                        "needs a number after “{}”, not {word} at character {at}",
                        op.as_str()
                    ));
                }
                if !after_value {
                    return Err(format!(
                        "needs a comparison before {word} at character {at}"
                    ));
                }
                if token == Token::Or {
                    any_of.push(Vec::new());
                }
                after_value = false;
            }
        }
    }
    if let Some((op, at)) = pending {
        return Err(format!(
            "needs a number after “{}” at character {at}",
            op.as_str()
        ));
    }
    if !after_value {
        return Err("ends with && or ||: a comparison must follow".to_owned());
    }
    Ok(Rating { any_of })
}

/// Only whether `raw` is well formed.
pub fn validate_rating(raw: &str) -> Result<(), String> {
    parse_rating(raw).map(|_| ())
}

fn tokenize(raw: &str) -> Result<Vec<(Token, usize)>, String> {
    let chars: Vec<char> = raw.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let at = i + 1;
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '&' || c == '|' {
            if chars.get(i + 1) != Some(&c) {
                return Err(format!(
                    "has a single “{c}” at character {at}: write {c}{c}"
                ));
            }
            tokens.push((if c == '&' { Token::And } else { Token::Or }, at));
            i += 2;
        } else if c.is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if chars.get(i) == Some(&'.') {
                i += 1;
                let fraction = i;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                if i == fraction {
                    return Err(format!(
                        "has a number ending in “.” at character {at}: write 4 or 4.5"
                    ));
                }
            }
            tokens.push((Token::Number(chars[start..i].iter().collect()), at));
        } else if c.is_ascii_alphabetic() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_alphabetic() {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let Some(op) = Operator::ALL.into_iter().find(|op| op.as_str() == word) else {
                return Err(format!(
                    "has “{word}” at character {at}: the operators are gt, gte, lt and lte"
                ));
            };
            tokens.push((Token::Op(op), at));
        } else {
            return Err(format!(
                "has “{c}” at character {at}: a rating is a number, gt, gte, lt, lte, && and ||"
            ));
        }
    }
    Ok(tokens)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_expressions_are_well_formed() {
        for good in [
            "4",
            "4.5",
            " 4.5 ",
            "gt 3",
            "gte 4",
            "lt 2",
            "lte 5",
            "gte4",
            "gt 3 && lte 5",
            "gt 3&&lte 5",
            "lt 2 || gt 4",
            "gte 4 && lte 5 || 3",
            "0",
        ] {
            assert!(
                parse_rating(good).is_ok(),
                "{good}: {:?}",
                parse_rating(good)
            );
        }
    }

    #[test]
    fn malformed_ratings_say_where_and_why() {
        let cases = [
            ("", "blank"),
            ("   ", "blank"),
            ("gt", "needs a number after “gt” at character 1"),
            ("gte && 4", "needs a number after “gte”"),
            ("4 5", "between two numbers at character 3"),
            ("4 gt 3", "needs && or || before “gt” at character 3"),
            ("gt gte 3", "one operator per number"),
            ("&& 4", "needs a comparison before && at character 1"),
            ("4 &&", "ends with && or ||"),
            ("4 & 5", "single “&” at character 3"),
            ("4 | 5", "single “|”"),
            ("eq 4", "“eq” at character 1"),
            ("GT 4", "“GT”"),
            ("> 4", "“>” at character 1"),
            ("-1", "“-”"),
            ("4.", "ending in “.”"),
            ("(gt 3)", "“(”"),
            ("4 && || 5", "needs a comparison before ||"),
        ];
        for (raw, expected) in cases {
            let error = parse_rating(raw).expect_err(raw);
            assert!(error.contains(expected), "{raw}: {error}");
        }
        assert!(parse_rating(&"4 || ".repeat(30))
            .unwrap_err()
            .contains("100"));
    }

    #[test]
    fn the_expression_means_what_it_says() {
        let rating = parse_rating("gte 4 && lte 5 || 2").unwrap();
        assert_eq!(rating.any_of.len(), 2, "&& binds tighter than ||");
        assert!(rating.holds_for(4.5));
        assert!(rating.holds_for(2.0));
        assert!(!rating.holds_for(3.0));
        assert!(!rating.holds_for(5.5));
        assert_eq!(rating.to_string(), "≥ 4 and ≤ 5, or 2");
        assert_eq!(rating.as_value(), None);
        assert_eq!(parse_rating("4.8").unwrap().as_value(), Some("4.8"));
        assert!(parse_rating("gt 3").unwrap().holds_for(3.5));
        assert!(!parse_rating("lt 3").unwrap().holds_for(3.0));
    }
}
