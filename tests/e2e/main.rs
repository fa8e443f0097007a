//! End to end, through chromedriver: the built console served by the reference server,
//! driven as agents and customers drive it. One test binary (one link of the server and
//! the driver instead of one per file); each module is one part of the product, each test
//! starts its own server and browser, and they run one at a time (`--test-threads=1`).
#![cfg(not(target_arch = "wasm32"))]

#[path = "../e2e_support/mod.rs"]
mod e2e_support;

mod assignments;
mod audit;
mod bulk;
mod changed_since;
mod concurrent;
mod console;
mod customer;
mod deadlines;
mod followed;
mod keyboard;
mod labels;
mod languages;
mod live;
mod mentions;
mod notes;
mod parts;
mod phone;
mod postcenter;
mod saved_replies;
mod sizes;
mod snooze;
