//! The reactive system as the console uses it all day: rows, messages and pages come and
//! go under signals that live as long as the tab (the language, the clock, the router's
//! location). Whatever a dropped row read must not keep its memory, or an agent's tab grows
//! with every row scrolled past and every conversation opened. Guards the patch in
//! `vendor/reactive_graph` (its `PATCHED.md`); each test fails on the crate as published.
#![cfg(not(target_arch = "wasm32"))]

use leptos::prelude::*;
use leptos::reactive::effect::RenderEffect;
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// Counts the bytes allocated and not yet freed, per thread: tests run side by side.
struct Counting;

thread_local! {
    static LIVE: Cell<isize> = const { Cell::new(0) };
}

fn count(by: isize) {
    // During a thread's teardown the counter may be gone: nothing to count then.
    let _ = LIVE.try_with(|live| live.set(live.get() + by));
}

// SAFETY: every call is passed on to the system allocator unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size() as isize);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        count(-(layout.size() as isize));
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size as isize - layout.size() as isize);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// How many times each test makes and drops a row.
const ROWS: isize = 5_000;

/// The bytes kept per row made and dropped `ROWS` times, after a warm-up, with the
/// effects' tasks run between rows as the browser runs them between frames.
fn kept_per_row(row: impl Fn()) -> isize {
    let _ = any_spawner::Executor::init_futures_executor();
    let step = || {
        row();
        any_spawner::Executor::poll_local();
    };
    (0..1_000).for_each(|_| step());
    let before = LIVE.with(Cell::get);
    (0..ROWS).for_each(|_| step());
    (LIVE.with(Cell::get) - before) / ROWS
}

#[test]
fn a_row_whose_effect_read_a_long_lived_signal_keeps_nothing_once_dropped() {
    let page = Owner::new();
    page.set();
    let lang = ArcRwSignal::new("en".to_owned());
    let kept = kept_per_row(|| {
        let row = Owner::new();
        row.with(|| {
            let lang = lang.clone();
            drop(RenderEffect::new(move |_| lang.with(String::len)));
        });
    });
    assert!(kept < 16, "each dropped row kept {kept} bytes");
}

#[test]
fn a_dropped_memo_leaves_the_signal_it_read() {
    let page = Owner::new();
    page.set();
    let clock = ArcRwSignal::new(0_u64);
    let kept = kept_per_row(|| {
        let clock = clock.clone();
        let minutes = ArcMemo::new(move |_| clock.get() / 60);
        assert_eq!(minutes.get_untracked(), 0);
    });
    assert!(kept < 16, "each dropped memo kept {kept} bytes");
}

#[test]
fn an_owner_forgets_its_children_once_they_are_gone() {
    let page = Owner::new();
    page.set();
    let kept = kept_per_row(|| drop(Owner::new()));
    assert!(
        kept < 16,
        "each dropped child kept {kept} bytes with its parent"
    );
}

#[test]
fn a_signal_still_reaches_the_effects_that_are_alive() {
    let page = Owner::new();
    page.set();
    let _ = any_spawner::Executor::init_futures_executor();
    let lang = ArcRwSignal::new("en".to_owned());
    let seen = ArcRwSignal::new(Vec::<String>::new());
    let dropped = {
        let lang = lang.clone();
        RenderEffect::new(move |_| lang.get())
    };
    let kept = {
        let (lang, seen) = (lang.clone(), seen.clone());
        RenderEffect::new(move |_| seen.write_untracked().push(lang.get()))
    };
    drop(dropped);
    lang.set("fr".to_owned());
    any_spawner::Executor::poll_local();
    assert_eq!(seen.get_untracked(), ["en", "fr"]);
    drop(kept);
}
