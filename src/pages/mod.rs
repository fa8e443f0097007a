//! One module per page (route).

pub mod console;
pub mod contact;
pub mod conversation;
pub mod deadline_policies;
pub mod follow_up;
pub mod mentions;
pub mod not_found;
pub mod saved_replies;
pub mod sign_in;
