//! The wire property tests' readers: for each backend, its documents' examples and a
//! function that reads a text as every shape its connector reads (`src/connectors/`), with
//! `serde_json::from_str` as the connector does, then maps what reads onto the domain as
//! the connector maps it. Along the way it checks what must hold whatever came: a
//! conversation and a message have their ids, a list keeps every record (mapped or counted
//! as unreadable, none lost, none doubled), and links never lead off the site.

use serde_json::from_str;
use switchboard_core::domain::{Conversation, Message};
use switchboard_core::error::{ApiError, ErrorKind};
use switchboard_core::i18n::Lang;
use switchboard_core::wire::{
    case_messages as cm, communication as comm, octopia, parse_instant, postcenter as pc,
    support_sessions as ss, MappingError,
};

pub const COMMUNICATION: &[&str] = &[
    include_str!("../../src/wire/communication/fixtures/conversation.json"),
    include_str!("../../src/wire/communication/fixtures/conversation-page.json"),
    include_str!("../../src/wire/communication/fixtures/message-page.json"),
    include_str!("../../src/wire/communication/fixtures/contact.json"),
    include_str!("../../src/wire/communication/fixtures/contact-page.json"),
    include_str!("../../src/wire/communication/fixtures/mail.json"),
    include_str!("../../src/wire/communication/fixtures/error.json"),
    // A message with files, some of them pointing elsewhere (`map.rs`'s own test).
    r#"{"id":"m1","content":"see attached","attachments":[{"id":"a1","fileName":"screen.png","mediaType":"image/png","size":"2048","checksum":"sha256:ab","href":"/attachments/a1"},{"id":"a3","fileName":"evil.png","href":"javascript:alert(1)"}]}"#,
    r#"{"id":"C-4QK7M2XD","links":[{"rel":"follow-up","href":"/contact/follow-up#Ab-9_x"}]}"#,
    r#"{"totalElements":"41","totalPages":"3","currentPage":"2","content":[{"id":"c1","customerName":"Ana","status":"OPEN"}]}"#,
];

pub const DISCUSSION: &str = include_str!("../../src/wire/octopia/fixtures/discussion.json");
pub const OCTOPIA_TYPOLOGIES: &str = r#"[{"typologyId":"t-1","typologyCode":"Delivery","subTypologyCode":"DamagedParcel","typologyDescription":"Colis endommagé","state":"Received","salesChannel":"CDISCOUNT"}]"#;
pub const OCTOPIA_PAGE: &str = concat!(
    r#"{"items":["#,
    include_str!("../../src/wire/octopia/fixtures/discussion.json"),
    r#",{"discussionId":null}],"pageIndex":1,"pageSize":20,"totalCount":"41"}"#
);
pub const OCTOPIA: &[&str] = &[
    DISCUSSION,
    OCTOPIA_PAGE,
    OCTOPIA_TYPOLOGIES,
    r#"{"discussionCount":"3"}"#,
    r#"[{"discussionId":"d-1","messageId":"m-1","attachmentId":"a-1","attachmentName":"photo.jpg","content":"iVBORw0KGgo=","fileFormat":"jpg"}]"#,
    r#"{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,"traceId":"00-abc-01","errors":{"receivers[0].userType":["Seller is not an eligible receiver of this discussion."]}}"#,
    r#"{"status":"404","errors":[{"field":"discussionId","message":"Unknown discussion"}]}"#,
];

pub const CASE_MESSAGES: &[&str] = &[
    include_str!("../../src/wire/case_messages/fixtures/list_response.json"),
    include_str!("../../src/wire/case_messages/fixtures/create_response.json"),
    include_str!("../../src/wire/case_messages/fixtures/create_request.json"),
    include_str!("../../src/wire/case_messages/fixtures/create_error.json"),
    include_str!("../../src/wire/case_messages/fixtures/confirm_request.json"),
    include_str!("../../src/wire/case_messages/fixtures/confirm_response.json"),
    include_str!("../../src/wire/case_messages/fixtures/confirm_partial.json"),
    include_str!("../../src/wire/case_messages/fixtures/confirm_error.json"),
];

pub const SUPPORT_SESSIONS: &[&str] = &[
    include_str!("../../src/wire/support_sessions/fixtures/document-session.json"),
    include_str!("../../src/wire/support_sessions/fixtures/document-agent.json"),
    include_str!("../../src/wire/support_sessions/fixtures/server-session.json"),
    include_str!("../../src/wire/support_sessions/fixtures/history.json"),
    r#"{"error":{"code":"INVALID_REQUEST","paths":"callback_phone","message":"The request is not valid","status":400,"trace_id":"t-1","details":[{"path":"callback_phone","value":"0612345678","message":"must start with +"}]}}"#,
    r#"{"order_id":"RIDE-1","callback_phone":null}"#,
];

pub const POSTCENTER: &[&str] = &[
    include_str!("../../src/wire/postcenter/fixtures/ticket-detail.json"),
    include_str!("../../src/wire/postcenter/fixtures/customer-tickets.json"),
    include_str!("../../src/wire/postcenter/fixtures/paginated-page-1.json"),
    include_str!("../../src/wire/postcenter/fixtures/paginated-page-2.json"),
    include_str!("../../src/wire/postcenter/fixtures/ticket-messages.json"),
    include_str!("../../src/wire/postcenter/fixtures/tickets-by-state.json"),
    include_str!("../../src/wire/postcenter/fixtures/by-agent-id.json"),
    include_str!("../../src/wire/postcenter/fixtures/possible-agent.json"),
    include_str!("../../src/wire/postcenter/fixtures/ok.json"),
    include_str!("../../src/wire/postcenter/fixtures/non-existent-status.json"),
];

/// What the console does with a conversation it shows: its path, its name, its preview.
fn shown(conversation: &Conversation) {
    assert!(
        !conversation.key.id.trim().is_empty(),
        "a conversation has its id"
    );
    let _ = (conversation.key.path(), conversation.preview());
    let _ = conversation.customer_display();
    if let Some(last) = &conversation.last_message {
        shown_message(last);
    }
}

fn shown_message(message: &Message) {
    assert!(!message.id.is_empty(), "a message has its id");
    let _ = switchboard_core::domain::preview_text(&message.body, 140);
}

/// Every record of a list is kept or counted: none lost, none doubled.
fn all_kept(read: usize, unreadable: usize, sent: usize) {
    assert_eq!(read + unreadable, sent, "nothing lost, nothing doubled");
}

/// Reads `text` as every shape the communication connector reads. Returns how many read.
pub fn communication(text: &str) -> usize {
    let mut read = 0;
    let conversation = |c| comm::conversation_to_domain("communication", c);
    if let Ok(page) = from_str::<comm::PageDto<comm::ConversationDto>>(text) {
        read += 1;
        let sent = page.content.len();
        let (page, unreadable) = comm::page_to_domain(page, 1, conversation);
        all_kept(page.items.len(), unreadable.len(), sent);
        page.items.iter().for_each(shown);
    }
    if let Ok(page) = from_str::<comm::PageDto<comm::MessageDto>>(text) {
        read += 1;
        let sent = page.content.len();
        let (page, unreadable) = comm::page_to_domain(page, 0, comm::message_to_domain);
        all_kept(page.items.len(), unreadable.len(), sent);
        for message in &page.items {
            shown_message(message);
            for file in &message.attachments {
                assert!(file.url.starts_with('/') && !file.url.starts_with("//"));
            }
        }
    }
    if let Ok(dto) = from_str::<comm::ConversationDto>(text) {
        read += 1;
        if let Ok(c) = conversation(dto) {
            shown(&c);
        }
    }
    if let Ok(dto) = from_str::<comm::MessageDto>(text) {
        read += 1;
        if let Ok(m) = comm::message_to_domain(dto) {
            shown_message(&m);
        }
    }
    if let Ok(dto) = from_str::<comm::ContactMessageDto>(text) {
        read += 1;
        if let Ok(receipt) = comm::contact_receipt(dto) {
            if let Some(link) = receipt.follow_up {
                assert!(link.starts_with(switchboard_core::follow_up::FOLLOW_UP_PAGE));
            }
        }
    }
    if let Ok(page) = from_str::<comm::PageDto<comm::ContactMessageDto>>(text) {
        read += 1;
        let sent = page.content.len();
        let receipts: Vec<Result<_, MappingError>> = page
            .content
            .into_iter()
            .map(comm::contact_receipt)
            .collect();
        all_kept(receipts.len(), 0, sent);
    }
    read += usize::from(from_str::<comm::MailDto>(text).is_ok());
    read += usize::from(from_str::<comm::ErrorBody>(text).is_ok());
    read
}

/// Reads `text` as every shape the Octopia connector reads. Returns how many read.
pub fn octopia(text: &str) -> usize {
    let mut read = 0;
    let typologies: Vec<octopia::TypologyDto> = match from_str(text) {
        Ok(typologies) => {
            read += 1;
            typologies
        }
        Err(_) => from_str(OCTOPIA_TYPOLOGIES).unwrap_or_default(),
    };
    if let Ok(page) = from_str::<octopia::DiscussionPageDto<serde_json::Value>>(text) {
        read += 1;
        let sent = page.items.len();
        let (page, unreadable) = octopia::page_to_domain("octopia", page, &typologies, Lang::En);
        all_kept(page.items.len(), unreadable, sent);
        page.items.iter().for_each(shown);
    }
    if let Ok(dto) = from_str::<octopia::DiscussionDto>(text) {
        read += 1;
        for message in dto.messages.iter().cloned() {
            let _ = octopia::is_unread(&message);
            if let Ok(m) = octopia::message_to_domain(message, Lang::En) {
                shown_message(&m);
            }
        }
        if let Ok(c) = octopia::discussion_to_domain("octopia", dto, &typologies, Lang::En) {
            shown(&c);
        }
    }
    if let Ok(dto) = from_str::<octopia::MessageDto>(text) {
        read += 1;
        let _ = octopia::message_to_domain(dto, Lang::En);
    }
    read += usize::from(from_str::<octopia::CountDto>(text).is_ok());
    if let Ok(files) = from_str::<Vec<octopia::AttachmentContentDto>>(text) {
        read += 1;
        for file in files {
            let _ = file.file_format.as_deref().and_then(octopia::format_of);
        }
    }
    if let Ok(answer) = from_str::<octopia::ResponseDto>(text) {
        read += 1;
        let _ = answer.errors.issues();
    }
    read
}

/// Reads `text` as every shape the case messages connector reads. Returns how many read.
pub fn case_messages(text: &str) -> usize {
    let mut read = 0;
    if let Ok(messages) = from_str::<Vec<cm::CaseMessageDto>>(text) {
        read += 1;
        let guid = "1e0abcb7-b94c-4072-a9c0-37072a1ef015";
        shown(&cm::case_to_domain(
            "case-messages",
            guid,
            &messages,
            Lang::En,
        ));
        let mapped = messages.iter().map(|m| cm::message_to_domain(m, Lang::En));
        let read_ones = mapped.filter_map(Result::ok).inspect(shown_message).count();
        let without_id = messages.iter().filter(|m| m.id.is_none()).count();
        all_kept(read_ones, without_id, messages.len());
        let unconfirmed = cm::unconfirmed_ids(&messages);
        assert!(unconfirmed.len() <= messages.len());
        for message in &messages {
            let _ = (cm::parent_of(&messages, message), cm::message_time(message));
        }
    }
    if let Ok(message) = from_str::<cm::CaseMessageDto>(text) {
        read += 1;
        let _ = cm::message_to_domain(&message, Lang::En);
    }
    if let Ok(result) = from_str::<cm::ConfirmResultDto>(text) {
        read += 1;
        let failures = cm::confirm_failures(&result);
        all_kept(failures.len(), 0, result.errors.len());
        for (_, why) in &failures {
            let _ = why.explain();
        }
    }
    if let Ok(body) = from_str::<cm::ErrorBodyDto>(text) {
        read += 1;
        let _ = cm::issues_in(body.error.message.as_deref().unwrap_or_default());
    }
    read += usize::from(from_str::<cm::NewCaseMessageDto>(text).is_ok());
    read += usize::from(from_str::<Vec<u64>>(text).is_ok());
    read
}

/// Reads `text` as every shape the support sessions connector reads. Returns how many read.
pub fn support_sessions(text: &str) -> usize {
    let mut read = 0;
    if let Ok(session) = from_str::<ss::SupportDto>(text) {
        read += 1;
        if let Ok(c) = ss::session_to_domain("support-sessions", &session, Lang::En) {
            shown(&c);
        }
        if let Some(phone) = &session.callback_phone {
            let _ = (ss::normalize_phone(phone), ss::tel_link(phone));
        }
    }
    if let Ok(agent) = from_str::<ss::AgentDto>(text) {
        read += 1;
        let _ = ss::agent_label(&agent, Lang::En);
    }
    if let Ok(history) = from_str::<Vec<ss::HistoryEntryDto>>(text) {
        read += 1;
        let lines: Vec<String> = history
            .iter()
            .map(|entry| ss::history_line(entry, Lang::En))
            .collect();
        all_kept(lines.len(), 0, history.len());
        for entry in &history {
            let _ = entry.at.as_deref().and_then(parse_instant);
        }
    }
    read += usize::from(from_str::<ss::SupportChangeDto>(text).is_ok());
    read += usize::from(from_str::<ss::AgentChangeDto>(text).is_ok());
    if let Ok(body) = from_str::<ss::ErrorResponseDto>(text) {
        read += 1;
        let _ = body.error.issues();
    }
    read
}

/// Reads `text` as every shape the PostCenter connector reads. Returns how many read.
pub fn postcenter(text: &str) -> usize {
    let mut read = 0;
    let ticket = |dto: &pc::TicketDto| {
        let _ = (pc::agent_number(dto), dto.current_assignment.as_ref());
        if let Ok(c) = pc::ticket_to_domain("postcenter", dto, Lang::En) {
            shown(&c);
        }
    };
    let tickets = |list: &[switchboard_core::lenient::Lenient<pc::TicketDto>]| {
        list.iter().filter_map(|t| t.known()).for_each(ticket);
    };
    if let Ok(dto) = from_str::<pc::TicketDto>(text) {
        read += 1;
        ticket(&dto);
        if let Some(cm) = dto.current_assignment.as_ref().and_then(|a| a.known()) {
            let _ = pc::cm_to_domain(cm);
        }
    }
    if let Ok(list) = from_str::<pc::TicketsDto>(text) {
        read += 1;
        let _ = pc::body_refusal(list.status, None);
        tickets(&list.tickets);
    }
    if let Ok(page) = from_str::<pc::TicketPageDto>(text) {
        read += 1;
        let _ = pc::body_refusal(page.status, None);
        tickets(&page.tickets);
    }
    if let Ok(dto) = from_str::<pc::MessagesDto>(text) {
        read += 1;
        for company in [Some(pc::COMPANY_ACCOUNT), None] {
            let messages = pc::messages_to_domain("5cb8", &dto.messages, company, Lang::En);
            all_kept(messages.len(), 0, dto.messages.len());
            for message in &messages {
                shown_message(message);
                for media in &message.attachments {
                    assert!(pc::is_web_address(&media.url), "{:?}", media.url);
                }
            }
        }
    }
    read += usize::from(from_str::<pc::TicketIdsDto>(text).is_ok());
    read += usize::from(from_str::<pc::TicketIdDto>(text).is_ok());
    read += usize::from(from_str::<pc::PossibleAgentDto>(text).is_ok());
    if let Ok(answer) = from_str::<pc::StatusMessageDto>(text) {
        read += 1;
        let _ = pc::body_refusal(answer.status, answer.message.as_deref());
    }
    read
}

type Decoder = fn(u16, &str, Option<String>) -> ApiError;

const DECODERS: &[(&str, Decoder)] = &[
    ("communication", comm::decode_error),
    ("octopia", octopia::decode_error),
    ("case messages", cm::decode_error),
    ("support sessions", ss::decode_error),
    ("postcenter", pc::decode_error),
    ("switchboard", switchboard_core::directory::decode_error),
];

/// Every decoder keeps the status, whatever the body.
pub fn decoded(status: u16, body: &str) {
    for (name, decode) in DECODERS {
        let error = decode(status, body, None);
        assert_eq!(error.status, Some(status), "{name}");
        assert_eq!(error.kind, ErrorKind::from_status(status), "{name}");
        let _ = (error.to_string(), error.detail_lines());
    }
}

/// Every backend's examples, error bodies among them, for the decoders.
pub fn every_error_example() -> Vec<&'static str> {
    [
        COMMUNICATION,
        OCTOPIA,
        CASE_MESSAGES,
        SUPPORT_SESSIONS,
        POSTCENTER,
    ]
    .concat()
}
