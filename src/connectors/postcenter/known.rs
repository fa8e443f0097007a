//! What the PostCenter connector has read and may reuse for a minute: tickets' details
//! (a state's list gives ids only, so each is read), PostCenter's pages of "All" while the
//! inbox takes them a slice at a time, and PostCenter's agents by number, learned from the
//! tickets they hold (the API has no list of agents).

use chrono::{DateTime, Duration, Utc};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use switchboard_core::domain::{BackendAgent, Conversation};
use switchboard_core::lenient::Lenient;
use switchboard_core::wire::postcenter::TicketDto;

/// How long what was read is reused.
const KEPT_SECONDS: i64 = 60;

/// What this console has read: tickets' details (with when), and PostCenter's agents by
/// their number, learned from the tickets they are assigned to. (`Arc` and `Mutex` only
/// because views need `Send` values; the browser has one thread.)
#[derive(Clone, Default)]
pub struct Known(Arc<Mutex<KnownInner>>);

#[derive(Default)]
struct KnownInner {
    tickets: HashMap<String, (DateTime<Utc>, Conversation)>,
    agents: HashMap<String, BackendAgent>,
    /// PostCenter's pages of "All", by channel and `next`, while the inbox slices them.
    pages: HashMap<String, (DateTime<Utc>, VendorPage)>,
}

/// One of PostCenter's pages: its tickets and its `next_page`.
pub type VendorPage = (Vec<Lenient<TicketDto>>, Option<String>);

fn still_fresh(at: DateTime<Utc>) -> bool {
    Utc::now() - at < Duration::seconds(KEPT_SECONDS)
}

impl std::fmt::Debug for Known {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Known")
    }
}

/// Two connectors are the same backend whatever they have read.
impl PartialEq for Known {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Known {
    pub fn remember(&self, ticket: &Conversation) {
        if let Ok(mut known) = self.0.lock() {
            if let Some(agent) = &ticket.assigned_to {
                known.agents.insert(agent.id.clone(), agent.clone());
            }
            known
                .tickets
                .insert(ticket.key.id.clone(), (Utc::now(), ticket.clone()));
        }
    }

    pub fn fresh(&self, id: &str) -> Option<Conversation> {
        let known = self.0.lock().ok()?;
        let (at, ticket) = known.tickets.get(id)?;
        still_fresh(*at).then(|| ticket.clone())
    }

    pub fn page(&self, key: &str) -> Option<VendorPage> {
        let known = self.0.lock().ok()?;
        let (at, page) = known.pages.get(key)?;
        still_fresh(*at).then(|| page.clone())
    }

    pub fn keep_page(&self, key: String, page: VendorPage) {
        if let Ok(mut known) = self.0.lock() {
            known.pages.retain(|_, (at, _)| still_fresh(*at));
            known.pages.insert(key, (Utc::now(), page));
        }
    }

    pub fn agent(&self, cmid: &str) -> Option<BackendAgent> {
        self.0.lock().ok()?.agents.get(cmid).cloned()
    }
}
