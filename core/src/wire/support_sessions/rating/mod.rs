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

use crate::i18n::{text, text_with, Args, Lang, Msg, Say};
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

impl Say for Rating {
    /// The expression as a person reads it: `≥ 4 and ≤ 5, or 3` (the operators are
    /// symbols in every language; "and" and "or" are the catalogue's).
    fn say(&self, lang: Lang) -> String {
        let join = |id: Msg, parts: Vec<String>| {
            parts
                .into_iter()
                .reduce(|first, second| {
                    let args = Args::new().str("first", first).str("second", second);
                    text_with(lang, id, &args)
                })
                .unwrap_or_default()
        };
        let alternatives: Vec<String> = self
            .any_of
            .iter()
            .map(|all| {
                let comparisons = all
                    .iter()
                    .map(|c| match c.operator {
                        Some(op) => format!("{} {}", op.symbol(), c.value),
                        None => c.value.clone(),
                    })
                    .collect();
                join(msg!("rating-and"), comparisons)
            })
            .collect();
        join(msg!("rating-or"), alternatives)
    }
}

impl fmt::Display for Rating {
    /// The expression in English.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

/// Why a rating is not well formed, written for the person who typed it in any language
/// ([`Say`]); `at` is the character where the problem starts, counting from 1. Its
/// `Display` is the English sentence (the server's refusals and logs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RatingProblem {
    /// Nothing but blanks.
    Blank,
    /// Longer than [`MAX_RATING_CHARS`].
    TooLong { max: usize },
    /// An operator right after a number: `4 gt 3`.
    OperatorAfterNumber { op: Operator, at: usize },
    /// Two operators in a row: `gt gte 3`.
    TwoOperators {
        op: Operator,
        previous: Operator,
        at: usize,
    },
    /// Two numbers in a row: `4 5`.
    TwoNumbers { at: usize },
    /// `&&` or `||` where an operator's number was due: `gte && 4`.
    NumberBeforeConnective {
        op: Operator,
        connective: &'static str,
        at: usize,
    },
    /// `&&` or `||` with no comparison before it: `&& 4`.
    ComparisonBeforeConnective { connective: &'static str, at: usize },
    /// An operator at the end, its number missing: `gt`.
    NumberAtEnd { op: Operator, at: usize },
    /// `&&` or `||` at the end: `4 &&`.
    EndsWithConnective,
    /// A lone `&` or `|`: `4 & 5`.
    SingleSymbol { symbol: char, at: usize },
    /// A number ending in its dot: `4.`.
    NumberEndsInDot { at: usize },
    /// A word that is not an operator: `eq 4`.
    UnknownWord { word: String, at: usize },
    /// Any other character: `> 4`.
    UnexpectedCharacter { character: char, at: usize },
}

impl Say for RatingProblem {
    fn say(&self, lang: Lang) -> String {
        let at = |at: &usize| Args::new().num("at", *at);
        match self {
            RatingProblem::Blank => text(lang, msg!("rating-problem-blank")),
            RatingProblem::TooLong { max } => text_with(
                lang,
                msg!("rating-problem-too-long"),
                &Args::new().num("max", *max),
            ),
            RatingProblem::OperatorAfterNumber { op, at: i } => text_with(
                lang,
                msg!("rating-problem-operator-after-number"),
                &at(i).str("op", op.as_str()),
            ),
            RatingProblem::TwoOperators {
                op,
                previous,
                at: i,
            } => text_with(
                lang,
                msg!("rating-problem-two-operators"),
                &at(i)
                    .str("op", op.as_str())
                    .str("previous", previous.as_str()),
            ),
            RatingProblem::TwoNumbers { at: i } => {
                text_with(lang, msg!("rating-problem-two-numbers"), &at(i))
            }
            RatingProblem::NumberBeforeConnective {
                op,
                connective,
                at: i,
            } => text_with(
                lang,
                msg!("rating-problem-number-before-connective"),
                &at(i).str("op", op.as_str()).str("connective", *connective),
            ),
            RatingProblem::ComparisonBeforeConnective { connective, at: i } => text_with(
                lang,
                msg!("rating-problem-comparison-before-connective"),
                &at(i).str("connective", *connective),
            ),
            RatingProblem::NumberAtEnd { op, at: i } => text_with(
                lang,
                msg!("rating-problem-number-at-end"),
                &at(i).str("op", op.as_str()),
            ),
            RatingProblem::EndsWithConnective => {
                text(lang, msg!("rating-problem-ends-with-connective"))
            }
            RatingProblem::SingleSymbol { symbol, at: i } => text_with(
                lang,
                msg!("rating-problem-single-symbol"),
                &at(i).str("char", symbol.to_string()),
            ),
            RatingProblem::NumberEndsInDot { at: i } => {
                text_with(lang, msg!("rating-problem-number-ends-in-dot"), &at(i))
            }
            RatingProblem::UnknownWord { word, at: i } => text_with(
                lang,
                msg!("rating-problem-unknown-word"),
                &at(i).str("word", word.clone()),
            ),
            RatingProblem::UnexpectedCharacter { character, at: i } => text_with(
                lang,
                msg!("rating-problem-unexpected-character"),
                &at(i).str("char", character.to_string()),
            ),
        }
    }
}

impl fmt::Display for RatingProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

impl std::error::Error for RatingProblem {}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Op(Operator),
    Number(String),
    And,
    Or,
}

/// Checks `raw` against the grammar; the refusal says where and why ([`RatingProblem`], a
/// sentence for the person who typed it).
pub fn parse_rating(raw: &str) -> Result<Rating, RatingProblem> {
    if raw.trim().is_empty() {
        return Err(RatingProblem::Blank);
    }
    if raw.chars().count() > MAX_RATING_CHARS {
        return Err(RatingProblem::TooLong {
            max: MAX_RATING_CHARS,
        });
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
                    return Err(RatingProblem::OperatorAfterNumber { op, at });
                }
                if let Some((previous, _)) = pending {
                    return Err(RatingProblem::TwoOperators { op, previous, at });
                }
                pending = Some((op, at));
            }
            Token::Number(value) => {
                if after_value {
                    return Err(RatingProblem::TwoNumbers { at });
                }
                let operator = pending.take().map(|(op, _)| op);
                if let Some(all) = any_of.last_mut() {
                    all.push(Comparison { operator, value });
                }
                after_value = true;
            }
            Token::And | Token::Or => {
                let connective = if token == Token::And { "&&" } else { "||" };
                if let Some((op, _)) = pending {
                    return Err(RatingProblem::NumberBeforeConnective { op, connective, at });
                }
                if !after_value {
                    return Err(RatingProblem::ComparisonBeforeConnective { connective, at });
                }
                if token == Token::Or {
                    any_of.push(Vec::new());
                }
                after_value = false;
            }
        }
    }
    if let Some((op, at)) = pending {
        return Err(RatingProblem::NumberAtEnd { op, at });
    }
    if !after_value {
        return Err(RatingProblem::EndsWithConnective);
    }
    Ok(Rating { any_of })
}

/// Only whether `raw` is well formed.
pub fn validate_rating(raw: &str) -> Result<(), RatingProblem> {
    parse_rating(raw).map(|_| ())
}

fn tokenize(raw: &str) -> Result<Vec<(Token, usize)>, RatingProblem> {
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
                return Err(RatingProblem::SingleSymbol { symbol: c, at });
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
                    return Err(RatingProblem::NumberEndsInDot { at });
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
                return Err(RatingProblem::UnknownWord { word, at });
            };
            tokens.push((Token::Op(op), at));
        } else {
            return Err(RatingProblem::UnexpectedCharacter { character: c, at });
        }
    }
    Ok(tokens)
}

#[cfg(test)]
mod tests;
