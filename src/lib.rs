//! Switchboard's browser app: the agent console (`src/main.rs`, `index.html`) and, each a
//! bundle of its own so that nobody downloads what they did not come for, the agents'
//! sign-in page (`src/bin/sign_in.rs`) and the customers' contact and follow-up pages
//! (`src/bin/contact.rs`, `src/bin/follow_up.rs`). Links between bundles are full page
//! loads. In the release build the console itself comes in parts (`src/parts.rs`).
//!
//! The console's routes are its binary's (`src/main.rs`); each page is a module of
//! [`pages`], widgets live in [`components`], and all HTTP goes through the connectors of
//! [`connectors`].

// The catalogue's `msg!("id")`, in every module.
#[macro_use]
extern crate switchboard_core;
pub mod components;
pub mod connectors;
pub mod draft_files;
pub mod i18n;
pub mod pages;
pub mod state;
pub mod storage;
