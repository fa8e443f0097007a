//! Widgets, grouped by where they live on screen: the inbox's list and what narrows it
//! ([`inbox`]), the open conversation and its reply ([`conversation`]), and the frame
//! around every page with what all of them share ([`shell`]).

pub mod conversation;
pub mod inbox;
pub mod shell;
