//! What a widget's write hands back to the conversation page: the conversation as the
//! backend now has it, the control that should hold focus next (the one that replaced the
//! button pressed, so keyboard users are not dropped to the page body), and one sentence
//! for the live region.

use switchboard_core::domain::Conversation;

#[derive(Clone, Debug, PartialEq)]
pub struct Changed {
    pub conversation: Conversation,
    /// The `data-testid` of the control to focus once the header shows the change.
    pub focus: &'static str,
    /// What a screen reader announces.
    pub announce: String,
}
