//! The connector for the case messages API V3 (`docs/backends/case-messages.md`): a case is
//! a conversation keyed by its guid. The API cannot list cases, so the inbox reads the
//! cases the team follows ([`super::follows`]), a few at a time. A reply is from the
//! partner (this console's side), of the type the agent chose (a `serviceComment` unless
//! said otherwise), maybe answering one message, with a fresh `externalId`, so a
//! retry after a lost answer is recognised and never posted twice. Marking read confirms
//! the case's unconfirmed messages; a partial success names each message not confirmed and
//! why, never a silent "done".

use super::follows::followed_slice;
use super::http::{query_string, Client, Method};
use super::kept_assignment::KeptAssignments;
use super::upload::UploadControl;
use super::{BackendInfo, ConversationBackend, Endpoint, InboxSlice, Reply, ThreadBackend};
use crate::i18n::{lang_now, Args, Lang};
use async_trait::async_trait;
use switchboard_core::attachments::AttachmentPolicy;
use switchboard_core::domain::{Conversation, Cursor, InboxQuery, Message, Page, StatusChange};
use switchboard_core::error::{ApiError, ErrorKind};
use switchboard_core::i18n::{text, text_with};
use switchboard_core::wire::case_messages::{
    case_to_domain, confirm_failures, decode_error, is_guid, message_to_domain, reply_to_wire,
    type_choices, unconfirmed_ids, CaseMessageDto, ConfirmFailure, ConfirmResultDto, CONFIRM_PATH,
    CREATE_PATH, GUID_PARAM, MESSAGES_PATH,
};
use web_sys::File;

/// This API's way of speaking HTTP: its own error body.
const HTTP: Client = Client::new(decode_error);

/// The document carries no files with a message.
const NO_FILES: AttachmentPolicy = AttachmentPolicy {
    formats: &[],
    max_files: 0,
    max_file_bytes: 0,
    max_message_bytes: 0,
};

#[derive(Clone, Debug)]
pub struct CaseMessagesConnector {
    /// Where it answers and what it offers.
    info: BackendInfo,
    /// Cases have no assignee in this API: Switchboard keeps one.
    kept: KeptAssignments,
}

impl CaseMessagesConnector {
    pub fn new(
        name: impl Into<String>,
        base_url: impl Into<String>,
        origin: impl Into<String>,
    ) -> Self {
        let endpoint = Endpoint::new(name, base_url, origin);
        let kept = KeptAssignments::new(&endpoint.origin, &endpoint.name);
        let info = BackendInfo {
            reply_kinds: |lang| {
                type_choices(lang)
                    .into_iter()
                    .map(|(kind, label)| (kind.to_string(), label))
                    .collect()
            },
            replies_to_messages: true,
            followed_by: Some("case-guid"),
            ..BackendInfo::new(
                switchboard_core::domain::BackendKind::CaseMessages,
                endpoint,
                NO_FILES,
            )
        };
        Self { info, kept }
    }

    /// A case's messages as the API gives them.
    async fn case(&self, guid: &str) -> Result<Vec<CaseMessageDto>, ApiError> {
        let query = query_string(&[(GUID_PARAM, guid.to_owned())]);
        let url = format!("{}{MESSAGES_PATH}{query}", self.info.endpoint.base_url);
        HTTP.get_json(&url).await
    }

    async fn read_case(&self, guid: &str) -> Result<Conversation, ApiError> {
        let messages = self.case(guid).await?;
        Ok(case_to_domain(
            &self.info.endpoint.name,
            guid,
            &messages,
            lang_now(),
        ))
    }
}

/// The message ids shown, as this API numbers them. A message the case gave without a
/// number cannot be confirmed by anyone: it is left out.
fn shown_ids(shown: &[String]) -> Vec<u64> {
    shown.iter().filter_map(|id| id.parse().ok()).collect()
}

/// Why one message was not confirmed, in `lang`; a reason the API gave in its own words
/// stays as it came.
fn why_not_confirmed(lang: Lang, failure: &ConfirmFailure) -> String {
    match failure {
        ConfirmFailure::NotFound => text(lang, msg!("case-confirm-not-found")),
        ConfirmFailure::NoAccess => text(lang, msg!("case-confirm-no-access")),
        ConfirmFailure::Other(raw) => raw.clone(),
    }
}

/// What a partial confirmation says, in `lang`: each message not confirmed, and why.
fn not_confirmed(lang: Lang, result: &ConfirmResultDto) -> Option<ApiError> {
    let failures = confirm_failures(result);
    if failures.is_empty() {
        return None;
    }
    let lines: Vec<String> = failures
        .iter()
        .map(|(id, failure)| {
            let args = Args::new()
                .str("id", id.to_string())
                .str("reason", why_not_confirmed(lang, failure));
            text_with(lang, msg!("case-not-confirmed-message"), &args)
        })
        .collect();
    let args = Args::new().str("list", lines.join("; "));
    Some(ApiError {
        backend_message: Some(text_with(lang, msg!("case-some-not-confirmed"), &args)),
        ..ApiError::new(ErrorKind::Conflict)
    })
}

#[async_trait(?Send)]
impl ConversationBackend for CaseMessagesConnector {
    fn info(&self) -> &BackendInfo {
        &self.info
    }

    fn check_item_id(&self, id: &str) -> Result<(), String> {
        if is_guid(id.trim()) {
            Ok(())
        } else {
            Err(text(lang_now(), msg!("case-guid-shape")))
        }
    }

    async fn list_conversations(
        &self,
        query: &InboxQuery,
        after: Option<&Cursor>,
    ) -> Result<InboxSlice, ApiError> {
        // Each case with its kept assignee, so the view's "Mine" and "Unassigned" apply.
        let kept = self.kept.all().await?;
        let kept = &kept;
        followed_slice(
            &self.info.endpoint.origin,
            &self.info.endpoint.name,
            query,
            after,
            |guid| async move {
                let mut case = self.read_case(&guid).await?;
                KeptAssignments::apply(&mut case, kept);
                Ok(case)
            },
        )
        .await
    }

    async fn conversation(&self, id: &str) -> Result<Conversation, ApiError> {
        self.kept.one(self.read_case(id).await?).await
    }
}

#[async_trait(?Send)]
impl ThreadBackend for CaseMessagesConnector {
    /// Every message of the case, oldest first (the API gives them all at once).
    async fn messages(
        &self,
        id: &str,
        _before: Option<&Cursor>,
        _page_size: u32,
    ) -> Result<Page<Message>, ApiError> {
        let dtos = self.case(id).await?;
        let lang = lang_now();
        let items = dtos
            .iter()
            .map(|dto| message_to_domain(dto, lang))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| ApiError::malformed(e.to_string()))?;
        Ok(Page::whole(items))
    }

    async fn reply(
        &self,
        id: &str,
        reply: &Reply,
        _files: &[File],
        _upload: &UploadControl,
    ) -> Result<Message, ApiError> {
        // Its key is the message's external id: sent again after a lost answer, it is
        // the same one.
        let body = reply_to_wire(id, reply);
        let url = format!("{}{CREATE_PATH}", self.info.endpoint.base_url);
        let created: CaseMessageDto = HTTP
            .send_json_once(&url, &body, &reply.idempotency_key)
            .await?;
        message_to_domain(&created, lang_now()).map_err(|e| ApiError::malformed(e.to_string()))
    }

    /// Kept by Switchboard: the provider's case system is not told.
    async fn assign(&self, id: &str, agent_id: Option<&str>) -> Result<Conversation, ApiError> {
        self.kept.set(id, agent_id).await?;
        self.conversation(id).await
    }

    async fn change_status(
        &self,
        _id: &str,
        _change: StatusChange,
    ) -> Result<Conversation, ApiError> {
        Err(super::unsupported(text(
            lang_now(),
            msg!("case-cannot-change-status"),
        )))
    }

    /// Confirms every unconfirmed message of the case (there is no "unread" to go back to).
    /// What the agent has in front of them is what they read: those ids are confirmed as
    /// shown, so one deleted meanwhile comes back as "Not found" in the report.
    async fn mark_read(
        &self,
        id: &str,
        read: bool,
        shown: &[String],
    ) -> Result<Conversation, ApiError> {
        if !read {
            return Err(super::unsupported(text(
                lang_now(),
                msg!("case-cannot-mark-unread"),
            )));
        }
        let ids = if shown.is_empty() {
            unconfirmed_ids(&self.case(id).await?)
        } else {
            shown_ids(shown)
        };
        if !ids.is_empty() {
            let url = format!("{}{CONFIRM_PATH}", self.info.endpoint.base_url);
            let result: ConfirmResultDto = HTTP.send_json(Method::Post, &url, &ids).await?;
            if let Some(error) = not_confirmed(lang_now(), &result) {
                return Err(error);
            }
        }
        self.read_case(id).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use switchboard_core::wire::case_messages::ConfirmErrorDto;

    #[test]
    fn a_partial_confirmation_names_each_message_left_and_why() {
        assert!(not_confirmed(Lang::En, &ConfirmResultDto::all_confirmed()).is_none());
        let partial = ConfirmResultDto {
            success: true,
            errors: vec![
                ConfirmErrorDto {
                    id: Some(4380),
                    message: Some("Not found".into()),
                },
                ConfirmErrorDto {
                    id: Some(4697),
                    message: Some("No access".into()),
                },
            ],
            ..ConfirmResultDto::all_confirmed()
        };
        let error = not_confirmed(Lang::En, &partial).expect("not all were confirmed");
        let said = error.backend_message.expect("in words");
        assert!(
            said.contains("message 4380") && said.contains("message 4697"),
            "{said}"
        );
        assert!(said.contains("the others were"), "{said}");
        assert!(said.contains("not found (most likely deleted)"), "{said}");
        let french = not_confirmed(Lang::Fr, &partial).expect("not all were confirmed");
        let said = french.backend_message.expect("in words");
        assert!(
            said.contains("4380") && !said.contains("the others"),
            "{said}"
        );
    }
}
