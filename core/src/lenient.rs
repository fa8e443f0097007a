//! Deserializers for what real backends send: `null` where a list was promised, numbers as
//! strings, and enum values nobody documented. Each keeps the data instead of failing.

use serde::{Deserialize, Deserializer};

/// `null` or a missing field becomes the type's default (an empty list, say).
pub fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

#[derive(Deserialize)]
#[serde(untagged)]
enum NumberOrString {
    Number(serde_json::Number),
    Text(String),
}

/// A count that may come as `3`, `"3"`, `3.0` or `null`; anything else is an error.
pub fn lenient_u64<'de, D>(deserializer: D) -> Result<u64, D::Error>
where
    D: Deserializer<'de>,
{
    use serde::de::Error;
    match Option::<NumberOrString>::deserialize(deserializer)? {
        None => Ok(0),
        Some(NumberOrString::Number(n)) => n
            .as_u64()
            .or_else(|| {
                n.as_f64()
                    .filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f <= u64::MAX as f64)
                    .map(|f| f as u64)
            })
            .ok_or_else(|| D::Error::custom(format!("{n} is not a count"))),
        Some(NumberOrString::Text(s)) => s
            .trim()
            .parse::<u64>()
            .map_err(|_| D::Error::custom(format!("{s:?} is not a count"))),
    }
}

/// Like [`lenient_u64`], for page numbers and sizes.
pub fn lenient_u32<'de, D>(deserializer: D) -> Result<u32, D::Error>
where
    D: Deserializer<'de>,
{
    use serde::de::Error;
    let n = lenient_u64(deserializer)?;
    u32::try_from(n).map_err(|_| D::Error::custom(format!("{n} is too large")))
}

/// Declares a string enum whose unknown values are kept verbatim in `Other(String)`.
/// Serializes back to exactly the string it was read from.
#[macro_export]
macro_rules! open_enum {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($variant:ident => $wire:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(from = "String", into = "String")]
        $vis enum $name {
            $($variant,)+
            /// A value this version does not know, kept as the backend sent it.
            Other(String),
        }

        impl $name {
            /// Every documented value, in the document's order.
            pub const KNOWN: &'static [&'static str] = &[$($wire),+];

            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $wire,)+
                    $name::Other(raw) => raw,
                }
            }

            pub fn is_known(&self) -> bool {
                !matches!(self, $name::Other(_))
            }
        }

        impl From<String> for $name {
            fn from(raw: String) -> Self {
                match raw.as_str() {
                    $($wire => $name::$variant,)+
                    _ => $name::Other(raw),
                }
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.as_str().to_owned()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Sample {
        #[serde(default, deserialize_with = "null_as_default")]
        list: Vec<String>,
        #[serde(default, deserialize_with = "lenient_u64")]
        count: u64,
    }

    open_enum! {
        enum Colour { Red => "RED", Blue => "BLUE" }
    }

    #[test]
    fn null_and_missing_lists_are_empty() {
        let s: Sample = serde_json::from_str(r#"{"list":null}"#).unwrap();
        assert!(s.list.is_empty());
        let s: Sample = serde_json::from_str(r#"{}"#).unwrap();
        assert!(s.list.is_empty());
    }

    #[test]
    fn counts_accept_numbers_strings_and_whole_floats() {
        for raw in [r#"{"count":7}"#, r#"{"count":"7"}"#, r#"{"count":7.0}"#] {
            let s: Sample = serde_json::from_str(raw).unwrap();
            assert_eq!(s.count, 7, "{raw}");
        }
        let s: Sample = serde_json::from_str(r#"{"count":null}"#).unwrap();
        assert_eq!(s.count, 0);
        assert!(serde_json::from_str::<Sample>(r#"{"count":"seven"}"#).is_err());
        assert!(serde_json::from_str::<Sample>(r#"{"count":-1}"#).is_err());
        assert!(serde_json::from_str::<Sample>(r#"{"count":1.5}"#).is_err());
    }

    #[test]
    fn open_enums_keep_unknown_values_verbatim() {
        let c: Colour = serde_json::from_str(r#""GREEN""#).unwrap();
        assert_eq!(c, Colour::Other("GREEN".into()));
        assert_eq!(serde_json::to_string(&c).unwrap(), r#""GREEN""#);
        let c: Colour = serde_json::from_str(r#""RED""#).unwrap();
        assert_eq!(c, Colour::Red);
        assert!(c.is_known());
        assert_eq!(Colour::KNOWN, &["RED", "BLUE"]);
    }
}

/// The rows of a list that read as `T`, each read apart: a row of a shape this code does
/// not know (a newer server's) is left out, never the whole list.
pub fn readable<T: serde::de::DeserializeOwned>(rows: Vec<serde_json::Value>) -> Vec<T> {
    rows.into_iter()
        .filter_map(|row| serde_json::from_value(row).ok())
        .collect()
}

/// A field read as `T` when it is one, and kept verbatim when it is of a type never seen:
/// one odd field is shown as it came, not a failure of the whole record or list.
#[derive(Clone, Debug, PartialEq, serde::Serialize, Deserialize)]
#[serde(untagged)]
pub enum Lenient<T> {
    Known(T),
    Odd(serde_json::Value),
}

impl<T> Lenient<T> {
    /// The value when it is of the expected type.
    pub fn known(&self) -> Option<&T> {
        match self {
            Lenient::Known(value) => Some(value),
            Lenient::Odd(_) => None,
        }
    }

    /// The value as it came when it is not, for showing it as text.
    pub fn odd(&self) -> Option<&serde_json::Value> {
        match self {
            Lenient::Known(_) => None,
            Lenient::Odd(raw) => Some(raw),
        }
    }
}

impl<T> From<T> for Lenient<T> {
    fn from(value: T) -> Self {
        Lenient::Known(value)
    }
}

#[cfg(test)]
mod lenient_field_tests {
    use super::Lenient;

    #[test]
    fn a_list_keeps_the_rows_that_read_and_leaves_out_the_others() {
        let rows = vec![
            serde_json::json!(1),
            serde_json::json!("two"),
            serde_json::json!(3),
        ];
        assert_eq!(super::readable::<u32>(rows), [1, 3]);
    }

    #[test]
    fn a_field_of_another_type_is_kept_not_refused() {
        let known: Lenient<bool> = serde_json::from_str("true").unwrap();
        assert_eq!(known.known(), Some(&true));
        let odd: Lenient<bool> = serde_json::from_str(r#"{"value": "yes"}"#).unwrap();
        assert_eq!(odd.known(), None);
        assert_eq!(odd.odd(), Some(&serde_json::json!({"value": "yes"})));
        assert_eq!(serde_json::to_string(&Lenient::from(3)).unwrap(), "3");
    }
}
