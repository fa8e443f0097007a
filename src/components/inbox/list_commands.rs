//! What the keyboard shortcuts may ask of the inbox's list from anywhere on the page
//! (move, open, come back after a change). The console's state provides it and the list
//! registers itself in it; it lives beside the list, importing neither, so that the state
//! and the list do not import each other.

use leptos::prelude::*;
use switchboard_core::domain::ConversationKey;

/// What the keyboard shortcuts may ask of the list from anywhere on the page: the list
/// registers itself here when mounted.
#[derive(Clone, Copy)]
pub struct ListCommands {
    step: StoredValue<Option<Callback<isize>>>,
    open: StoredValue<Option<Callback<()>>>,
    place: StoredValue<Option<Callback<(), Option<Place>>>>,
    after: StoredValue<Option<Callback<Place>>>,
}

/// A row and where it stood in the list shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub key: ConversationKey,
    pub index: usize,
}

impl Default for ListCommands {
    fn default() -> Self {
        ListCommands {
            step: StoredValue::new(None),
            open: StoredValue::new(None),
            place: StoredValue::new(None),
            after: StoredValue::new(None),
        }
    }
}

impl ListCommands {
    /// Moves the current row by `by` (down when positive) and focuses it.
    pub fn step(&self, by: isize) {
        if let Some(step) = self.step.try_get_value().flatten() {
            step.run(by);
        }
    }

    /// Opens the current row's conversation.
    pub fn open(&self) {
        if let Some(open) = self.open.try_get_value().flatten() {
            open.run(());
        }
    }

    /// The open conversation's row (else the current one) and where it stands, to come
    /// back to after a change.
    pub fn place(&self) -> Option<Place> {
        self.place
            .try_get_value()
            .flatten()
            .and_then(|place| place.run(()))
    }

    /// Moves to the row after `place`: the next one if `place`'s row is still shown, else
    /// the one that took its place (a closed conversation leaves an "Open" view).
    pub fn step_after(&self, place: Place) {
        if let Some(after) = self.after.try_get_value().flatten() {
            after.run(place);
        }
    }

    /// The mounted list answers the commands above, until [`Self::unregister`].
    pub(super) fn register(
        &self,
        step: Callback<isize>,
        open: Callback<()>,
        place: Callback<(), Option<Place>>,
        after: Callback<Place>,
    ) {
        self.step.set_value(Some(step));
        self.after.set_value(Some(after));
        self.place.set_value(Some(place));
        self.open.set_value(Some(open));
    }

    /// The list is gone: the commands do nothing until another registers.
    pub(super) fn unregister(&self) {
        self.step.try_set_value(None);
        self.open.try_set_value(None);
        self.place.try_set_value(None);
        self.after.try_set_value(None);
    }
}
