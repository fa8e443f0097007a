//! The [`Connector`]: one connected backend as one object, whichever dialect it speaks,
//! behind the [`ConversationBackend`] interface, made for a backend the directory
//! discovered (the one place a dialect's connector is chosen); and, apart, the customers'
//! side of the backend that takes their messages ([`customer_channel`]).

use super::case_messages::CaseMessagesConnector;
use super::communication::CommunicationConnector;
use super::octopia::OctopiaConnector;
use super::postcenter::PostcenterConnector;
use super::support_sessions::SupportSessionsConnector;
use super::*;
use std::any::Any;
use std::sync::Arc;

/// A connected backend. Cheap to clone (the connector is shared); two are the same
/// backend when their kind and endpoint are.
#[derive(Clone)]
pub struct Connector {
    backend: Arc<dyn ConversationBackend + Send + Sync>,
    /// The same connector, as itself: the conversation's page sees it as a
    /// [`super::ThreadBackend`] (`thread.rs`), made there so that its code loads there.
    concrete: Arc<dyn Any + Send + Sync>,
}

impl Connector {
    pub fn new<B: ConversationBackend + Send + Sync + 'static>(backend: B) -> Connector {
        let backend = Arc::new(backend);
        Connector {
            backend: backend.clone(),
            concrete: backend,
        }
    }

    /// The connector as itself, for [`super::ThreadBackend`].
    pub(super) fn as_any(&self) -> Arc<dyn Any + Send + Sync> {
        self.concrete.clone()
    }

    /// The backend's name in discovery: the first segment of its conversation keys.
    pub fn name(&self) -> &str {
        self.backend.info().name()
    }

    /// Which of the dialects this is: its name for people, in each language.
    pub fn kind(&self) -> BackendKind {
        self.backend.info().kind
    }

    /// The connector for a discovered backend.
    pub fn for_backend(backend: &BackendDescriptor, origin: &str) -> Option<Connector> {
        let base_url = format!("{origin}{}", backend.base_path);
        let connector = match backend.kind {
            BackendKind::Communication => {
                Connector::new(CommunicationConnector::new(&backend.name, base_url))
            }
            BackendKind::Octopia => {
                Connector::new(OctopiaConnector::new(&backend.name, base_url, origin))
            }
            BackendKind::SupportSessions => Connector::new(SupportSessionsConnector::new(
                &backend.name,
                base_url,
                origin,
            )),
            BackendKind::CaseMessages => {
                Connector::new(CaseMessagesConnector::new(&backend.name, base_url, origin))
            }
            BackendKind::Postcenter => Connector::new(
                PostcenterConnector::new(&backend.name, base_url, origin)
                    .with_ticket_link(backend.item_link.clone()),
            ),
        };
        Some(connector)
    }
}

/// A backend's customers' side alone, for the public pages (the contact form, the
/// follow-up link). Made apart from [`Connector`] on purpose: a `Connector` is a `dyn`
/// object whose table names every operation of every backend, so a page that made one
/// would carry all the agents' connectors in its bundle.
pub type CustomerConnector = Arc<dyn CustomerChannel + Send + Sync>;

/// The customers' side of a discovered backend that takes customers' messages.
pub fn customer_channel(backend: &BackendDescriptor, origin: &str) -> Option<CustomerConnector> {
    match backend.kind {
        BackendKind::Communication => Some(Arc::new(CommunicationConnector::new(
            &backend.name,
            format!("{origin}{}", backend.base_path),
        ))),
        _ => None,
    }
}

/// The operations are the backend's own.
impl std::ops::Deref for Connector {
    type Target = dyn ConversationBackend + Send + Sync;

    fn deref(&self) -> &Self::Target {
        self.backend.as_ref()
    }
}

impl PartialEq for Connector {
    fn eq(&self, other: &Self) -> bool {
        self.info().kind == other.info().kind && self.info().endpoint == other.info().endpoint
    }
}

impl std::fmt::Debug for Connector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Connector").field(self.info()).finish()
    }
}
