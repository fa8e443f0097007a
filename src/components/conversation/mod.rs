//! The open conversation: its header (assignee, status, a support session's facts), its
//! thread and the messages' files, and the reply box with its context, attachments,
//! uploads and outbox. The customer's own pages (contact, follow-up) reuse the files,
//! the attachment picker and the upload progress: the same conversation, seen from the
//! other side.

pub mod assignee_select;
pub mod attachment_picker;
pub mod backend_assignment;
pub mod change;
pub mod conversation_header;
pub mod deadline;
pub mod labels;
pub mod message_files;
pub mod no_replies;
pub mod note_item;
pub mod notes;
pub mod outbox;
pub mod presence;
pub mod reply_box;
pub mod reply_context;
pub mod session_facts;
pub mod snooze;
pub mod status_badge;
pub mod status_controls;
pub mod thread;
pub mod upload_progress;
