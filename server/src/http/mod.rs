//! Dialect-neutral HTTP plumbing that every backend's routes share: the correlation id,
//! the neutral error and the layer that lets each dialect render it, the request
//! extractors, the list of a request's problems, the checks of uploaded files, the
//! security headers, the per-address rate limit, who the client is behind a proxy, the load guard, the idempotency keys
//! of creates and the signed-in agent the auth gate leaves in a request.

pub mod compression;
pub mod correlation;
pub mod error;
pub mod extract;
pub mod guard;
pub mod idempotency;
pub mod lang;
pub mod pace;
pub mod problems;
pub mod proxies;
pub mod rate_limit;
pub mod render;
pub mod security;
pub mod signed_in;
pub mod upload;

pub use error::{problem, HttpError, Kind, Location, Problem};
