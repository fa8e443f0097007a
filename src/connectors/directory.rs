//! Discovery: what the serving server says is connected, and who can be assigned, turned
//! into connectors. What is connected is public (the contact page asks it); who the agents
//! are is for signed-in agents only.

use super::http::Client;
use super::Connector;
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
}

/// What the serving server says is connected, as it says it: the public pages make only
/// the one connector they need from it (see [`super::customer_channel`]), so their bundle
/// never carries the agents' connectors.
pub async fn load_descriptors(origin: &str) -> Result<Vec<BackendDescriptor>, ApiError> {
    let backends_url = format!("{origin}{BACKENDS_PATH}");
    OWN.get_json::<Vec<BackendDescriptor>>(&backends_url).await
}

/// What is connected and who can be assigned, for the console (a signed-in agent).
/// `origin` is empty for the server that serves the console, or `http://host:port`.
pub async fn load_directory(origin: &str) -> Result<Directory, ApiError> {
    let agents_url = format!("{origin}{AGENTS_PATH}");
    let (directory, agents) = futures::join!(
        load_backends(origin),
        OWN.get_json::<Vec<Agent>>(&agents_url)
    );
    let directory = directory?;
    Ok(Directory {
        agents: agents?,
        ..directory
    })
}

/// What is connected, without the agents: all the public contact page may ask.
pub async fn load_backends(origin: &str) -> Result<Directory, ApiError> {
    let backends = load_descriptors(origin).await?;
    let connectors = backends
        .iter()
        .filter_map(|b| Connector::for_backend(b, origin))
        .collect();
    Ok(Directory {
        backends,
        agents: Vec::new(),
        connectors,
    })
}
