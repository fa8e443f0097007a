//! The reference server over real HTTP, one test binary for every dialect and concern
//! (one link of the whole server instead of one per file: a fraction of the disk and the
//! link time). Each module is one concern, named as before: `cargo test -p
//! switchboard-server --test api octopia::` runs one.

mod common;

mod access;
mod assignments;
mod attacks;
mod case_messages;
mod communication;
mod communication_attachments;
mod communication_references;
mod communication_versions;
mod compression;
mod deadlines;
mod defences;
mod events;
mod faults;
mod follow_up;
mod follow_up_files;
mod follows;
mod gateway;
mod idempotency;
mod idempotency_keys;
mod labels;
mod languages;
mod mentions;
mod no_answer;
mod notes;
mod octopia;
mod octopia_patches;
mod octopia_replies;
mod pages;
mod postcenter;
mod postcenter_paging;
mod presence;
mod proxies;
mod races;
mod saved_replies;
mod saved_views;
mod sign_in_defences;
mod snoozes;
mod support_sessions;
mod support_sessions_agent;
mod vendor_auth;
mod vendor_auth_upstream;
