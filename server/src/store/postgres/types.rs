//! What PostgreSQL's side adds to the SQL and values both engines share: SQLite's
//! placeholders numbered as PostgreSQL's, values bound as the type each parameter has, and
//! columns read as the value they hold, whatever their type.

use super::super::values::{Owned, Value};
use super::super::StoreError;
use bytes::BytesMut;
use postgres::types::{FromSql, IsNull, ToSql, Type};
use std::error::Error as StdError;

type BoxError = Box<dyn StdError + Sync + Send>;

/// SQLite's `?1`, `?2`… (and bare `?`) as PostgreSQL's `$1`, `$2`…, outside quotes and
/// comments; the store's SQL is written once, with SQLite's placeholders.
pub(in crate::store) fn numbered_placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 8);
    let mut chars = sql.chars().peekable();
    let mut bare = 0;
    while let Some(c) = chars.next() {
        match c {
            '\'' | '"' => {
                out.push(c);
                for inner in chars.by_ref() {
                    out.push(inner);
                    if inner == c {
                        break;
                    }
                }
            }
            '-' if chars.peek() == Some(&'-') => {
                out.push(c);
                for inner in chars.by_ref() {
                    out.push(inner);
                    if inner == '\n' {
                        break;
                    }
                }
            }
            '?' => {
                out.push('$');
                if chars.peek().is_some_and(char::is_ascii_digit) {
                    while let Some(digit) = chars.next_if(char::is_ascii_digit) {
                        out.push(digit);
                    }
                } else {
                    bare += 1;
                    out.push_str(&bare.to_string());
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// A bound value as PostgreSQL takes it: written as the type the statement's parameter
/// has, so an integer fits an `integer` or a `bigint`, and a null any column.
#[derive(Debug)]
pub(super) struct Bound<'a>(Value<'a>);

pub(super) fn bind<'a>(values: &[Value<'a>]) -> Vec<Bound<'a>> {
    values.iter().map(|value| Bound(*value)).collect()
}

pub(super) fn refs<'b>(bound: &'b [Bound<'_>]) -> Vec<&'b (dyn ToSql + Sync)> {
    bound
        .iter()
        .map(|value| value as &(dyn ToSql + Sync))
        .collect()
}

impl ToSql for Bound<'_> {
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> Result<IsNull, BoxError> {
        match self.0 {
            Value::Null => Ok(IsNull::Yes),
            Value::Integer(i) => match *ty {
                Type::INT8 => i.to_sql(ty, out),
                Type::INT4 => i32::try_from(i)?.to_sql(ty, out),
                Type::INT2 => i16::try_from(i)?.to_sql(ty, out),
                Type::BOOL => (i != 0).to_sql(ty, out),
                Type::FLOAT8 => (i as f64).to_sql(ty, out),
                Type::TEXT | Type::VARCHAR => i.to_string().to_sql(ty, out),
                _ => Err(format!("an integer cannot be bound as {ty}").into()),
            },
            Value::Real(r) => match *ty {
                Type::FLOAT8 => r.to_sql(ty, out),
                Type::FLOAT4 => (r as f32).to_sql(ty, out),
                _ => Err(format!("a real number cannot be bound as {ty}").into()),
            },
            Value::Text(text) => text.to_sql(ty, out),
            Value::Blob(bytes) => bytes.to_sql(ty, out),
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    postgres::types::to_sql_checked!();
}

/// A column of any type the store writes, read as the value it holds.
struct Read(Owned);

impl<'a> FromSql<'a> for Read {
    fn from_sql(ty: &Type, raw: &'a [u8]) -> Result<Self, BoxError> {
        Ok(Read(match *ty {
            Type::INT8 => Owned::Integer(i64::from_sql(ty, raw)?),
            Type::INT4 => Owned::Integer(i64::from(i32::from_sql(ty, raw)?)),
            Type::INT2 => Owned::Integer(i64::from(i16::from_sql(ty, raw)?)),
            Type::BOOL => Owned::Integer(i64::from(bool::from_sql(ty, raw)?)),
            Type::FLOAT8 => Owned::Real(f64::from_sql(ty, raw)?),
            Type::FLOAT4 => Owned::Real(f64::from(f32::from_sql(ty, raw)?)),
            Type::BYTEA => Owned::Blob(Vec::<u8>::from_sql(ty, raw)?),
            Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN => {
                Owned::Text(String::from_sql(ty, raw)?)
            }
            _ => return Err(format!("a column of type {ty} is not read by the store").into()),
        }))
    }

    fn from_sql_null(_: &Type) -> Result<Self, BoxError> {
        Ok(Read(Owned::Null))
    }

    fn accepts(_: &Type) -> bool {
        true
    }
}

pub(in crate::store) fn column(row: &postgres::Row, index: usize) -> Result<Owned, StoreError> {
    row.try_get::<_, Read>(index)
        .map(|read| read.0)
        .map_err(|error| StoreError::Database(format!("column {index}: {error}")))
}

#[cfg(test)]
mod tests {
    use super::numbered_placeholders;

    #[test]
    fn placeholders_are_numbered_outside_quotes_and_comments() {
        assert_eq!(
            numbered_placeholders("SELECT a FROM t WHERE b = ?1 AND c IN (?2, ?10)"),
            "SELECT a FROM t WHERE b = $1 AND c IN ($2, $10)"
        );
        assert_eq!(numbered_placeholders("VALUES (?, ?)"), "VALUES ($1, $2)");
        assert_eq!(
            numbered_placeholders("SELECT '?1', \"a?\" -- why?\n, ?1"),
            "SELECT '?1', \"a?\" -- why?\n, $1"
        );
    }
}
