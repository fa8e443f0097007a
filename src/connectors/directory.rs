//! Discovery: what the serving server says is connected, and who can be assigned, turned
//! into connectors.

use super::http::Client;
use super::{Connector, ConversationBackend};
use switchboard_core::directory::{
    decode_error, Agent, BackendDescriptor, AGENTS_PATH, BACKENDS_PATH,
};
use switchboard_core::error::ApiError;

/// Switchboard's own endpoints speak their own error body.
const OWN: Client = Client::new(decode_error);

/// What the serving server says is connected, and who can be assigned.
#[derive(Clone, Debug, PartialEq)]
pub struct Directory {
    pub backends: Vec<BackendDescriptor>,
    pub agents: Vec<Agent>,
    pub connectors: Vec<Connector>,
}

impl Directory {
    pub fn connector(&self, name: &str) -> Option<&Connector> {
        self.connectors.iter().find(|c| c.name() == name)
    }

    pub fn backend(&self, name: &str) -> Option<&BackendDescriptor> {
        self.backends.iter().find(|b| b.name == name)
    }

    pub fn agent(&self, id: &str) -> Option<&Agent> {
        self.agents.iter().find(|a| a.id == id)
    }

    /// Discovered backends this console has no connector for yet.
    pub fn unsupported(&self) -> impl Iterator<Item = &BackendDescriptor> {
        self.backends
            .iter()
            .filter(|b| self.connector(&b.name).is_none())
    }

    /// The backend that takes the public contact page's messages.
    pub fn contact_backend(&self) -> Option<&Connector> {
        self.connectors.iter().find(|c| c.takes_contact_messages())
    }
}

/// `origin` is empty for the server that serves the console, or `http://host:port`.
pub async fn load_directory(origin: &str) -> Result<Directory, ApiError> {
    let backends_url = format!("{origin}{BACKENDS_PATH}");
    let agents_url = format!("{origin}{AGENTS_PATH}");
    let (backends, agents) = futures::join!(
        OWN.get_json::<Vec<BackendDescriptor>>(&backends_url),
        OWN.get_json::<Vec<Agent>>(&agents_url)
    );
    let backends = backends?;
    let connectors = backends
        .iter()
        .filter_map(|b| Connector::for_backend(b, origin))
        .collect();
    Ok(Directory {
        backends,
        agents: agents?,
        connectors,
    })
}
