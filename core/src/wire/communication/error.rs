//! The communication API's error body (`name`, `debug_id`, `message`,
//! `information_link`, `details`) and its decoding into the one domain error.

use super::dto::Link;
use crate::lenient::null_as_default;
use serde::{Deserialize, Serialize};

/// The error body of every 4xx and 5xx.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub debug_id: String,
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub information_link: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub details: Vec<ErrorDetail>,
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub links: Vec<Link>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorDetail {
    #[serde(default)]
    pub field: String,
    #[serde(default)]
    pub value: String,
    #[serde(default)]
    pub location: String,
    #[serde(default)]
    pub issue: String,
}
