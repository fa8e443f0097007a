//! What Octopia's requests may carry: queries and bodies checked field by field, every
//! problem collected and named as the document names the field. The pure rules (the
//! search window, a JSON Patch) are plain functions, tested below; a reply's files are
//! checked with core's attachment code, the one the browser runs.

use super::store::{AttachmentFilter, DiscussionFilter, Window};
use crate::http::extract::QueryParams;
use crate::http::problems::{boolean, number, Problems};
use crate::http::{problem, HttpError, Location};
use chrono::{DateTime, Months, Utc};
use serde_json::Value;
use switchboard_core::wire::format_instant;
use switchboard_core::wire::octopia::{
    GraduationCode, NewMessageDto, OrderStatus, PatchOperation, ProcessStatus, UserType,
    DEFAULT_PAGE_SIZE, FIRST_PAGE_INDEX, MAX_BODY_CHARS, MAX_PAGE_SIZE, MAX_SEARCH_MONTHS,
};

/// Ids and codes are at most this long.
pub const MAX_ID_CHARS: usize = 100;

/// How this API names a JSON body as a whole: `body` is a field of its replies.
pub const ROOT: &str = "$";

/// A path id: present and not longer than any stored id.
pub fn path_id(field: &str, id: &str) -> Result<(), HttpError> {
    let issue = if id.trim().is_empty() {
        "is required".to_owned()
    } else if id.chars().count() > MAX_ID_CHARS {
        format!("can have at most {MAX_ID_CHARS} characters")
    } else {
        return Ok(());
    };
    Err(HttpError::invalid_field(Location::Path, field, id, issue))
}

// ---- queries ------------------------------------------------------------------------------

fn text(query: &QueryParams, field: &str, problems: &mut Problems) -> Option<String> {
    problems.optional(Location::Query, field, query.get(field), MAX_ID_CHARS)
}

fn known<T: From<String> + ToString>(
    query: &QueryParams,
    field: &str,
    is_known: impl Fn(&T) -> bool,
    allowed: &[&str],
    problems: &mut Problems,
) -> Option<String> {
    let raw = query.get(field)?;
    let value = T::from(raw.to_owned());
    problems.known(Location::Query, field, raw, is_known(&value), allowed);
    Some(value.to_string())
}

fn instant(query: &QueryParams, field: &str, problems: &mut Problems) -> Option<DateTime<Utc>> {
    problems.parsed_instant(Location::Query, field, query.get(field)?)
}

/// `GET /discussions/typologies?orderStatus=`: one order status, or all.
pub fn order_status(query: &QueryParams) -> Result<Option<OrderStatus>, HttpError> {
    let mut problems = Problems::default();
    let status = known::<OrderStatus>(
        query,
        "orderStatus",
        OrderStatus::is_known,
        OrderStatus::KNOWN,
        &mut problems,
    );
    problems.finish()?;
    Ok(status.map(OrderStatus::from))
}

/// `pageIndex` (from 1) and `pageSize` (1 to 100, 20 when left out).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageRequest {
    pub index: u32,
    pub size: u32,
}

impl PageRequest {
    pub fn window(self) -> Window {
        Window {
            offset: u64::from(self.index.saturating_sub(FIRST_PAGE_INDEX)) * u64::from(self.size),
            limit: self.size,
        }
    }
}

pub fn page(query: &QueryParams, problems: &mut Problems) -> PageRequest {
    PageRequest {
        index: number(query, "pageIndex", FIRST_PAGE_INDEX, u32::MAX, problems)
            .unwrap_or(FIRST_PAGE_INDEX),
        size: number(query, "pageSize", 1, MAX_PAGE_SIZE, problems).unwrap_or(DEFAULT_PAGE_SIZE),
    }
}

/// The filters of `GET /discussions` and `GET /discussions/count`.
pub fn filter(
    query: &QueryParams,
    now: DateTime<Utc>,
    problems: &mut Problems,
) -> DiscussionFilter {
    let min = instant(query, "updatedAtMin", problems);
    let max = instant(query, "updatedAtMax", problems);
    let window = match search_window(min, max, now) {
        Ok(window) => window,
        Err((field, issue)) => {
            problems.add(
                Location::Query,
                field,
                query.get(field).unwrap_or_default(),
                issue,
            );
            None
        }
    };
    DiscussionFilter {
        discussion_id: text(query, "discussionId", problems),
        order_id: text(query, "orderId", problems),
        order_reference: text(query, "orderReference", problems),
        sales_channel: text(query, "salesChannel", problems),
        graduation_code: known::<GraduationCode>(
            query,
            "graduationCode",
            GraduationCode::is_known,
            GraduationCode::KNOWN,
            problems,
        ),
        process_status: known::<ProcessStatus>(
            query,
            "processStatus",
            ProcessStatus::is_known,
            ProcessStatus::KNOWN,
            problems,
        ),
        sub_typology_code: text(query, "subTypologyCode", problems),
        is_open: boolean(query, "isOpen", problems),
        updated_at_min: window.map(|(min, _)| format_instant(min)),
        updated_at_max: window.map(|(_, max)| format_instant(max)),
    }
}

/// A search's `updatedAt` bounds, both included.
pub type Span = (DateTime<Utc>, DateTime<Utc>);

/// The `updatedAt` window of a search ("The maximum period of research discussions may not
/// exceed 6 months"): none when neither bound is given; a missing `updatedAtMax` is now, a
/// missing `updatedAtMin` six months before the max. Refused, naming the field: a min after
/// the max, and a window longer than six calendar months.
pub fn search_window(
    min: Option<DateTime<Utc>>,
    max: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<Option<Span>, (&'static str, String)> {
    let months = Months::new(MAX_SEARCH_MONTHS);
    let (min, max) = match (min, max) {
        (None, None) => return Ok(None),
        (Some(min), None) => (min, now),
        // Six months by construction: the calendar rule holds.
        (None, Some(max)) => {
            let min = max
                .checked_sub_months(months)
                .unwrap_or(DateTime::<Utc>::MIN_UTC);
            return Ok(Some((min, max)));
        }
        (Some(min), Some(max)) => (min, max),
    };
    if min > max {
        return Err((
            "updatedAtMin",
            format!(
                "must not be after updatedAtMax ({}; now when left out)",
                format_instant(max)
            ),
        ));
    }
    if min
        .checked_add_months(months)
        .is_some_and(|limit| max > limit)
    {
        return Err((
            "updatedAtMin",
            format!(
                "is more than {MAX_SEARCH_MONTHS} months before updatedAtMax ({}; now when left out): \
                 a search spans at most {MAX_SEARCH_MONTHS} months, so move updatedAtMin or updatedAtMax",
                format_instant(max)
            ),
        ));
    }
    Ok(Some((min, max)))
}

/// `GET /attachments`: at least one of its three filters.
pub fn attachment_filter(query: &QueryParams) -> Result<AttachmentFilter, HttpError> {
    let mut problems = Problems::default();
    let filter = AttachmentFilter {
        discussion_id: text(query, "discussionId", &mut problems),
        message_id: text(query, "messageId", &mut problems),
        attachment_id: text(query, "attachmentId", &mut problems),
    };
    if filter == AttachmentFilter::default() {
        problems.add(
            Location::Query,
            "discussionId",
            "",
            "is required when neither messageId nor attachmentId is given",
        );
    }
    problems.finish()?;
    Ok(filter)
}

// ---- a reply ------------------------------------------------------------------------------

/// A receiver as the request names it; checked against the discussion later.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestedReceiver {
    pub user_type: UserType,
    pub user_id: Option<String>,
}

/// `POST /messages`, checked as far as it can be without its discussion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReplyInput {
    pub body: String,
    pub discussion_id: Option<String>,
    pub sales_channel: Option<String>,
    pub user_id: String,
    /// Index in the request and the receiver; those without a `userType` are left out.
    pub receivers: Vec<(usize, RequestedReceiver)>,
}

pub fn reply(dto: &NewMessageDto, problems: &mut Problems) -> ReplyInput {
    let body = dto.body.clone().unwrap_or_default();
    let length = body.trim().chars().count();
    if length == 0 {
        problems.add(
            Location::Body,
            "body",
            &body,
            "is required and must not be blank",
        );
    } else if length > MAX_BODY_CHARS {
        problems.add(
            Location::Body,
            "body",
            &body,
            format!("can have at most {MAX_BODY_CHARS} characters ({length} now)"),
        );
    }
    let discussion_id = problems.optional(
        Location::Body,
        "discussionId",
        dto.discussion_id.as_deref(),
        MAX_ID_CHARS,
    );
    if discussion_id.is_none() {
        problems.add(Location::Body, "discussionId", "", "is required");
    }
    let sales_channel = problems.optional(
        Location::Body,
        "salesChannel",
        dto.sales_channel.as_deref(),
        MAX_ID_CHARS,
    );
    match &dto.user_type {
        Some(UserType::Seller) => {}
        Some(other) => problems.add(
            Location::Body,
            "userType",
            other.as_str(),
            "must be Seller: this API answers for the seller",
        ),
        None => problems.add(Location::Body, "userType", "", "is required (Seller)"),
    }
    let user_id = problems.required("userId", dto.user_id.as_deref(), MAX_ID_CHARS);
    if dto.receivers.is_empty() {
        problems.add(
            Location::Body,
            "receivers",
            "",
            "needs at least one receiver: GET /discussions/{discussionId} lists the eligible ones",
        );
    }
    let mut receivers = Vec::with_capacity(dto.receivers.len());
    for (index, receiver) in dto.receivers.iter().enumerate() {
        let user_id = problems.optional(
            Location::Body,
            &format!("receivers[{index}].userId"),
            receiver.user_id.as_deref(),
            MAX_ID_CHARS,
        );
        match &receiver.user_type {
            Some(user_type) => receivers.push((
                index,
                RequestedReceiver {
                    user_type: user_type.clone(),
                    user_id,
                },
            )),
            None => problems.add(
                Location::Body,
                &format!("receivers[{index}].userType"),
                "",
                "is required",
            ),
        }
    }
    ReplyInput {
        body,
        discussion_id,
        sales_channel,
        user_id,
        receivers,
    }
}

// ---- JSON Patch ---------------------------------------------------------------------------

/// A JSON Patch body (an array of operations, or one operation alone; `opt` is read as
/// `op`) whose every operation replaces `path` with a boolean: that value, the last one
/// winning. Anything else is refused: "Currently you can change only the {property}
/// property."
pub fn patch(body: Value, path: &str, property: &str) -> Result<bool, HttpError> {
    let only = format!("Currently you can change only the {property} property.");
    let (operations, prefix): (Vec<Value>, fn(usize) -> String) = match body {
        Value::Array(operations) => (operations, |i| format!("[{i}].")),
        single => (vec![single], |_| String::new()),
    };
    let mut problems = Vec::new();
    let mut value = None;
    let mut wrong_path = false;
    for (index, raw) in operations.into_iter().enumerate() {
        let field = |name: &str| format!("{}{name}", prefix(index));
        let operation: PatchOperation = match serde_json::from_value(raw.clone()) {
            Ok(operation) => operation,
            Err(error) => {
                let at = prefix(index);
                let at = if at.is_empty() {
                    ROOT.to_owned()
                } else {
                    at.trim_end_matches('.').to_owned()
                };
                problems.push(problem(
                    Location::Body,
                    &at,
                    &raw.to_string(),
                    format!("must be an operation such as {{\"op\": \"replace\", \"path\": \"{path}\", \"value\": true}} ({error})"),
                ));
                continue;
            }
        };
        if !operation.op.eq_ignore_ascii_case("replace") {
            problems.push(problem(
                Location::Body,
                &field("op"),
                &operation.op,
                format!("must be replace. {only}"),
            ));
        }
        if operation.path != path {
            wrong_path = true;
            problems.push(problem(
                Location::Body,
                &field("path"),
                &operation.path,
                format!("{only} {} cannot be changed.", operation.path),
            ));
        }
        match operation.value {
            Value::Bool(new) => value = Some(new),
            other => problems.push(problem(
                Location::Body,
                &field("value"),
                &other.to_string(),
                "must be true or false",
            )),
        }
    }
    if problems.is_empty() && value.is_none() {
        problems.push(problem(
            Location::Body,
            ROOT,
            "[]",
            format!("needs one operation replacing {path}"),
        ));
    }
    match value {
        Some(value) if problems.is_empty() => Ok(value),
        _ => {
            let mut error = HttpError::invalid(problems);
            if wrong_path {
                error.message = only;
            }
            Err(error)
        }
    }
}

mod attachments;
#[cfg(test)]
mod tests;

pub use attachments::{attachments, check as check_attachments};
