//! The frame around every page and what every page shares: who is signed in, signing in
//! (on its page or over a console whose session ended), the language and theme menus, the
//! keyboard and the command palette, and the loading, empty and error states.

pub mod feedback;
pub mod language_select;
pub mod later;
pub mod palette;
pub mod prefetch;
pub mod presence;
pub mod session_ended;
pub mod shortcuts;
pub mod sign_in_form;
pub mod signed_in;
pub mod theme_select;
