//! The case messages API's fields, verbatim as `case-messages-v3.txt` names them, in
//! camelCase JSON. Lenient on read (nulls, ids as strings, unknown `type` values never fail
//! a message); exact on write.

use super::{MessageType, SenderType};
use serde::{Deserialize, Deserializer, Serialize};

/// An id that may come as `7`, `"7"` or `null`.
fn lenient_id<'de, D>(deserializer: D) -> Result<Option<u64>, D::Error>
where
    D: Deserializer<'de>,
{
    use serde::de::Error;
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Number(u64),
        Text(String),
    }
    match Option::<Raw>::deserialize(deserializer)? {
        None => Ok(None),
        Some(Raw::Number(n)) => Ok(Some(n)),
        Some(Raw::Text(text)) if text.trim().is_empty() => Ok(None),
        Some(Raw::Text(text)) => text
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| D::Error::custom(format!("{text:?} is not an id"))),
    }
}

/// One message of a case, as `create` answers it and `GET /case-messages` lists it.
/// `parentMessageId`, `userEmail` and `userName` are the inputs of `create`, given back by
/// the reference server (the document's outputs leave them out; a reader must cope with
/// their absence).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CaseMessageDto {
    #[serde(default, deserialize_with = "lenient_id")]
    pub id: Option<u64>,
    #[serde(default, deserialize_with = "lenient_id")]
    pub case_id: Option<u64>,
    #[serde(default)]
    pub guid: Option<String>,
    #[serde(default, deserialize_with = "lenient_id")]
    pub sender_account_id: Option<u64>,
    /// `partner`, `provider` or `null`.
    #[serde(default)]
    pub sender_type: Option<SenderType>,
    #[serde(default)]
    pub content: Option<String>,
    #[serde(default, rename = "type")]
    pub kind: Option<MessageType>,
    #[serde(default)]
    pub external_id: Option<String>,
    /// The message this one answers (our `id` of it).
    #[serde(default, deserialize_with = "lenient_id")]
    pub parent_message_id: Option<u64>,
    #[serde(default)]
    pub user_email: Option<String>,
    #[serde(default)]
    pub user_name: Option<String>,
    /// When the reader confirmed it (`POST /case-messages/confirm`); `null` until then.
    #[serde(default)]
    pub confirmed_at: Option<String>,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub updated_at: Option<String>,
    /// "Actual time when the status was added": the writer's own time, `createdAt` when
    /// they gave none.
    #[serde(default)]
    pub declared_at: Option<String>,
}

/// The body of `POST /case-messages/create`. `guid` and `type` are required.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewCaseMessageDto {
    pub guid: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    #[serde(rename = "type")]
    pub kind: MessageType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declared_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_message_id: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
}

/// One id `confirm` could not process, and why (`Not found`, `No access`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfirmErrorDto {
    #[serde(default, deserialize_with = "lenient_id")]
    pub id: Option<u64>,
    #[serde(default)]
    pub message: Option<String>,
}

/// The answer of `POST /case-messages/confirm` (its body is the array of ids): `success`
/// stays `true` when some ids failed; they are listed in `errors`. `data` is `{}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ConfirmResultDto {
    #[serde(default)]
    pub success: bool,
    #[serde(default, deserialize_with = "crate::lenient::null_as_default")]
    pub errors: Vec<ConfirmErrorDto>,
    #[serde(default, deserialize_with = "crate::lenient::null_as_default")]
    pub data: serde_json::Map<String, serde_json::Value>,
}

impl ConfirmResultDto {
    /// What the document answers when every id was processed.
    pub fn all_confirmed() -> Self {
        ConfirmResultDto {
            success: true,
            errors: Vec::new(),
            data: serde_json::Map::new(),
        }
    }
}

#[cfg(test)]
mod tests;
