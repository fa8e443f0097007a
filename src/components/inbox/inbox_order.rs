//! The inbox's order: the choice (kept in the URL, `?sort=oldest`), the rows the page
//! shows in it, and what the view says when the page rather than the backends ordered
//! them. Every vendor API pages newest activity first, so another order arranges the rows
//! loaded so far; rows a page or a live poll brings land in their place, since the order
//! is applied to whatever the inbox holds now ([`InboxSort::arrange`]).

use crate::components::inbox::inbox_filters::{
    use_inbox_filters, use_replace_filters, InboxFilters,
};
use crate::components::inbox::mark_filter::ConsoleMarks;
use crate::components::inbox::text_filter::{use_typed_text, TypedText};
use crate::i18n::{tr, use_i18n};
use crate::state::InboxRows;
use leptos::prelude::*;
use switchboard_core::domain::{has_words, FoldedWord, InboxSort, Refinement};

/// The rows the page shows, as indices into the inbox in the order chosen: the loaded
/// rows narrowed by what the page filters itself (`refinement`, [`use_refinement`]), then
/// arranged. Ten thousand rows are scanned, none is copied.
///
/// Typing only ever narrows: a keystroke that adds to the words looks only among the rows
/// the last one showed ([`Typed`]), so only the first letter scans every row.
pub fn use_shown_rows(
    rows: InboxRows,
    filters: Memo<InboxFilters>,
    refinement: Memo<Refinement>,
) -> Memo<Vec<usize>> {
    let admitted = use_admitted_rows(rows, filters, refinement);
    let typed = Memo::new_owning(move |last: Option<Typed>| {
        let words = refinement.with(Refinement::words);
        let typed = admitted.with(|base| {
            // The rows changed, or what admits them: `made` moved on, and all are read again.
            let from = match &last {
                Some(last) if last.narrows(base.made, &words) => &last.shown,
                _ => &base.shown,
            };
            let shown = rows.0.with(|inbox| {
                from.iter()
                    .copied()
                    .filter(|&i| {
                        inbox
                            .conversations
                            .get(i)
                            .is_some_and(|c| has_words(c, &words))
                    })
                    .collect()
            });
            Typed {
                base: base.made,
                words,
                shown,
            }
        });
        (typed, true)
    });
    Memo::new(move |_| typed.with(|t| t.shown.clone()))
}

/// The rows admitted by everything but the typed words, arranged, and which of its
/// computations this is (a keystroke narrows only within the same one).
struct Admitted {
    made: u64,
    shown: Vec<usize>,
}

/// The rows shown for the words typed, and what they were narrowed from.
struct Typed {
    base: u64,
    words: Vec<FoldedWord>,
    shown: Vec<usize>,
}

impl Typed {
    /// Whether rows for `words` are all among these: the same rows admitted, and every
    /// word before is in one of the words now ("ques" → "question").
    fn narrows(&self, base: u64, words: &[FoldedWord]) -> bool {
        self.base == base
            && self
                .words
                .iter()
                .all(|before| words.iter().any(|now| now.contains(before)))
    }
}

/// The loaded rows admitted by the refinement without its words, then arranged: computed
/// again when the rows (a row changed in place too), the order, the marks or those
/// criteria change, never on a keystroke.
fn use_admitted_rows(
    rows: InboxRows,
    filters: Memo<InboxFilters>,
    refinement: Memo<Refinement>,
) -> Memo<Admitted> {
    let sort = Memo::new(move |_| filters.with(|f| f.sort));
    // The due times matter only to the Overdue view and the order by time left; snoozed
    // rows show in the Snoozed view alone.
    let marks = ConsoleMarks::from_context();
    let dues = marks.dues;
    let untyped = Memo::new(move |_| {
        refinement.with(|r| Refinement {
            text: None,
            ..r.clone()
        })
    });
    Memo::new_owning(move |last: Option<Admitted>| {
        let matcher = untyped.with(|r| r.matcher());
        let by_marks = untyped.with(|r| marks.filter(r));
        let shown = rows.0.with(|inbox| {
            let mut shown = inbox
                .conversations
                .iter()
                .enumerate()
                .filter(|(_, c)| matcher.admits(c))
                .filter(|(_, c)| by_marks.admits(&c.key))
                .map(|(i, _)| i)
                .collect::<Vec<_>>();
            // The inbox is already in the backends' order; a row a write changed stays
            // where it is rather than jump under the pointer.
            let sort = sort.get();
            if !sort.is_backends_order() {
                let due = match (sort, dues) {
                    (InboxSort::Due, Some(dues)) => dues.aligned(&inbox.conversations),
                    _ => Vec::new(),
                };
                sort.arrange(&inbox.conversations, &due, &mut shown);
            }
            shown
        });
        let made = last.map_or(0, |last| last.made + 1);
        (Admitted { made, shown }, true)
    })
}

/// What the page narrows the rows to: the URL's filters, with the text as the agent is
/// typing it where it is ahead of the URL ([`TypedText`]).
pub fn use_refinement(filters: Memo<InboxFilters>) -> Memo<Refinement> {
    let ahead = use_typed_text();
    Memo::new(move |_| {
        let mut refinement = filters.with(InboxFilters::refinement);
        if let Some(typed) = ahead.and_then(|TypedText(ahead)| ahead.get()) {
            refinement.text = (!typed.trim().is_empty()).then_some(typed);
        }
        refinement
    })
}

/// Chooses the order; the URL entry is replaced, as the other fields that filter do.
#[component]
pub fn SortSelect() -> impl IntoView {
    let i18n = use_i18n();
    let filters = use_inbox_filters();
    let replace = use_replace_filters();
    let on_change = move |ev: leptos::ev::Event| {
        replace(InboxFilters {
            sort: InboxSort::parse(Some(&event_target_value(&ev))),
            ..filters.get_untracked()
        });
    };
    let options = InboxSort::ALL
        .into_iter()
        .map(|sort| {
            view! {
                <option value=sort.token() selected=move || filters.with(|f| f.sort == sort)>
                    {move || sort.label(i18n.lang())}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="inbox-sort">
            <label for="inbox-sort">{tr(msg!("sort-label"))}</label>
            <select
                id="inbox-sort"
                data-testid="inbox-sort"
                prop:value=move || filters.with(|f| f.sort.token())
                on:change=on_change
            >
                {options}
            </select>
        </div>
    }
}

/// Said while the page, not the backends, ordered the rows and more are still to load:
/// once everything is loaded, the order is the whole inbox's and there is nothing to say.
#[component]
pub fn SortedHere(rows: InboxRows) -> impl IntoView {
    let i18n = use_i18n();
    let filters = use_inbox_filters();
    let said = move || {
        let (loaded, more) = rows.0.with(|i| (i.conversations.len(), i.has_more()));
        let sort = filters.with(|f| f.sort);
        more.then(|| sort.sorted_here(i18n.lang(), loaded))
            .flatten()
    };
    move || {
        said().map(|words| {
            view! { <p class="notice" data-testid="sorted-here">{words}</p> }
        })
    }
}
