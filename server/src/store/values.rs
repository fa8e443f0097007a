//! What crosses between the store functions and either engine: the values a statement
//! binds ([`Bind`], [`params!`]) and the columns a row gives back ([`Column`]). Both engines
//! read and write the same five kinds (null, integer, real, text, bytes), so a store
//! function is written once and runs on SQLite and PostgreSQL alike: SQLite's dynamic types
//! and PostgreSQL's strict ones meet here, in one place.

use super::StoreError;

/// A value as bound into a statement, borrowed from the caller.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value<'a> {
    Null,
    Integer(i64),
    Real(f64),
    Text(&'a str),
    Blob(&'a [u8]),
}

/// A column's value as read from a row, owned.
#[derive(Clone, Debug, PartialEq)]
pub enum Owned {
    Null,
    Integer(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

impl Owned {
    fn kind(&self) -> &'static str {
        match self {
            Owned::Null => "null",
            Owned::Integer(_) => "an integer",
            Owned::Real(_) => "a real number",
            Owned::Text(_) => "text",
            Owned::Blob(_) => "bytes",
        }
    }
}

/// Anything a statement can bind.
pub trait Bind {
    fn value(&self) -> Value<'_>;
}

impl Bind for i64 {
    fn value(&self) -> Value<'_> {
        Value::Integer(*self)
    }
}

impl Bind for i32 {
    fn value(&self) -> Value<'_> {
        Value::Integer(i64::from(*self))
    }
}

impl Bind for u16 {
    fn value(&self) -> Value<'_> {
        Value::Integer(i64::from(*self))
    }
}

impl Bind for u32 {
    fn value(&self) -> Value<'_> {
        Value::Integer(i64::from(*self))
    }
}

/// Stored as 0 or 1 on both engines (an integer column), so the same SQL compares it.
impl Bind for bool {
    fn value(&self) -> Value<'_> {
        Value::Integer(i64::from(*self))
    }
}

impl Bind for f64 {
    fn value(&self) -> Value<'_> {
        Value::Real(*self)
    }
}

impl Bind for str {
    fn value(&self) -> Value<'_> {
        Value::Text(self)
    }
}

impl Bind for String {
    fn value(&self) -> Value<'_> {
        Value::Text(self)
    }
}

impl Bind for [u8] {
    fn value(&self) -> Value<'_> {
        Value::Blob(self)
    }
}

impl Bind for Vec<u8> {
    fn value(&self) -> Value<'_> {
        Value::Blob(self)
    }
}

impl<T: Bind + ?Sized> Bind for &T {
    fn value(&self) -> Value<'_> {
        (**self).value()
    }
}

impl<T: Bind> Bind for Option<T> {
    fn value(&self) -> Value<'_> {
        self.as_ref().map_or(Value::Null, Bind::value)
    }
}

/// The values a statement binds, in the order of its `?1`, `?2`…, handed to `bind`.
pub trait Params {
    fn with_values<R>(&self, bind: impl FnOnce(&[Value<'_>]) -> R) -> R;
}

impl Params for &[&dyn Bind] {
    fn with_values<R>(&self, bind: impl FnOnce(&[Value<'_>]) -> R) -> R {
        let values: Vec<Value<'_>> = self.iter().map(|value| value.value()).collect();
        bind(&values)
    }
}

/// `[]`: a statement that binds nothing.
impl Params for [&dyn Bind; 0] {
    fn with_values<R>(&self, bind: impl FnOnce(&[Value<'_>]) -> R) -> R {
        bind(&[])
    }
}

macro_rules! params_for_arrays {
    ($($n:literal)*) => {$(
        impl<T: Bind> Params for [T; $n] {
            fn with_values<R>(&self, bind: impl FnOnce(&[Value<'_>]) -> R) -> R {
                let values: Vec<Value<'_>> = self.iter().map(Bind::value).collect();
                bind(&values)
            }
        }
    )*};
}
params_for_arrays!(1 2 3 4 5 6 7 8);

/// Values bound from an iterator, in its order.
pub struct ParamsFromIter<I>(I);

/// Binds every item of `values`, in order: a filter's values, however many it set.
pub fn params_from_iter<I>(values: I) -> ParamsFromIter<I>
where
    I: IntoIterator + Clone,
    I::Item: Bind,
{
    ParamsFromIter(values)
}

impl<I> Params for ParamsFromIter<I>
where
    I: IntoIterator + Clone,
    I::Item: Bind,
{
    fn with_values<R>(&self, bind: impl FnOnce(&[Value<'_>]) -> R) -> R {
        // The items are held here while bound: an iterator may make them as it goes.
        let items: Vec<I::Item> = self.0.clone().into_iter().collect();
        let values: Vec<Value<'_>> = items.iter().map(Bind::value).collect();
        bind(&values)
    }
}

/// `params![a, b, …]`: the values of one statement, each anything [`Bind`] takes.
#[macro_export]
macro_rules! store_params {
    () => {
        &[] as &[&dyn $crate::store::Bind]
    };
    ($($value:expr),+ $(,)?) => {
        &[$(&$value as &dyn $crate::store::Bind),+] as &[&dyn $crate::store::Bind]
    };
}
pub use store_params as params;

/// A value a row's column can be read as.
pub trait Column: Sized {
    /// `Err` names what the column held instead.
    fn from_owned(value: Owned) -> Result<Self, &'static str>;
}

impl Column for i64 {
    fn from_owned(value: Owned) -> Result<Self, &'static str> {
        match value {
            Owned::Integer(i) => Ok(i),
            other => Err(other.kind()),
        }
    }
}

macro_rules! column_from_integer {
    ($($t:ty)*) => {$(
        impl Column for $t {
            fn from_owned(value: Owned) -> Result<Self, &'static str> {
                let integer = i64::from_owned(value)?;
                <$t>::try_from(integer).map_err(|_| "an integer out of range")
            }
        }
    )*};
}
column_from_integer!(i32 u16 u32 u64 usize);

impl Column for bool {
    fn from_owned(value: Owned) -> Result<Self, &'static str> {
        i64::from_owned(value).map(|i| i != 0)
    }
}

impl Column for f64 {
    fn from_owned(value: Owned) -> Result<Self, &'static str> {
        match value {
            Owned::Real(r) => Ok(r),
            // An integral value in a real column is an integer to SQLite.
            Owned::Integer(i) => Ok(i as f64),
            other => Err(other.kind()),
        }
    }
}

impl Column for String {
    fn from_owned(value: Owned) -> Result<Self, &'static str> {
        match value {
            Owned::Text(text) => Ok(text),
            other => Err(other.kind()),
        }
    }
}

impl Column for Vec<u8> {
    fn from_owned(value: Owned) -> Result<Self, &'static str> {
        match value {
            Owned::Blob(bytes) => Ok(bytes),
            // SQLite keeps what was bound: text written into a bytes column stays text.
            Owned::Text(text) => Ok(text.into_bytes()),
            other => Err(other.kind()),
        }
    }
}

impl<T: Column> Column for Option<T> {
    fn from_owned(value: Owned) -> Result<Self, &'static str> {
        match value {
            Owned::Null => Ok(None),
            other => T::from_owned(other).map(Some),
        }
    }
}

/// `query_row(…).optional()`: no row becomes `None`, as with rusqlite.
pub trait OptionalExtension<T> {
    fn optional(self) -> Result<Option<T>, StoreError>;
}

impl<T> OptionalExtension<T> for Result<T, StoreError> {
    fn optional(self) -> Result<Option<T>, StoreError> {
        match self {
            Ok(value) => Ok(Some(value)),
            Err(StoreError::NoRow) => Ok(None),
            Err(error) => Err(error),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_read_their_own_kind_and_name_another() {
        assert_eq!(i64::from_owned(Owned::Integer(7)), Ok(7));
        assert_eq!(bool::from_owned(Owned::Integer(1)), Ok(true));
        assert_eq!(
            u32::from_owned(Owned::Integer(-1)),
            Err("an integer out of range")
        );
        assert_eq!(String::from_owned(Owned::Integer(1)), Err("an integer"));
        assert_eq!(Option::<String>::from_owned(Owned::Null), Ok(None));
        assert_eq!(String::from_owned(Owned::Null), Err("null"));
    }

    #[test]
    fn params_bind_in_order_and_options_as_null() {
        let seen = |values: &[Value<'_>]| format!("{values:?}");
        let name = "Ada".to_owned();
        let none: Option<String> = None;
        assert_eq!(
            params![name, 3_i64, none, true, b"xy".as_slice()].with_values(seen),
            r#"[Text("Ada"), Integer(3), Null, Integer(1), Blob([120, 121])]"#
        );
        let list = vec!["a".to_owned(), "b".to_owned()];
        assert_eq!(
            params_from_iter(&list).with_values(seen),
            r#"[Text("a"), Text("b")]"#
        );
    }
}
