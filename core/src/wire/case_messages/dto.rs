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
#[serde(rename_all = "camelCase", default)]
pub struct CaseMessageDto {
    #[serde(deserialize_with = "lenient_id")]
    pub id: Option<u64>,
    #[serde(deserialize_with = "lenient_id")]
    pub case_id: Option<u64>,
    pub guid: Option<String>,
    #[serde(deserialize_with = "lenient_id")]
    pub sender_account_id: Option<u64>,
    /// `partner`, `provider` or `null`.
    pub sender_type: Option<SenderType>,
    pub content: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<MessageType>,
    pub external_id: Option<String>,
    /// The message this one answers (our `id` of it).
    #[serde(deserialize_with = "lenient_id")]
    pub parent_message_id: Option<u64>,
    pub user_email: Option<String>,
    pub user_name: Option<String>,
    /// When the reader confirmed it (`POST /case-messages/confirm`); `null` until then.
    pub confirmed_at: Option<String>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    /// "Actual time when the status was added": the writer's own time, `createdAt` when
    /// they gave none.
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
#[serde(default)]
pub struct ConfirmErrorDto {
    #[serde(deserialize_with = "lenient_id")]
    pub id: Option<u64>,
    pub message: Option<String>,
}

/// The answer of `POST /case-messages/confirm` (its body is the array of ids): `success`
/// stays `true` when some ids failed; they are listed in `errors`. `data` is `{}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ConfirmResultDto {
    pub success: bool,
    #[serde(deserialize_with = "crate::lenient::null_as_default")]
    pub errors: Vec<ConfirmErrorDto>,
    #[serde(deserialize_with = "crate::lenient::null_as_default")]
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
