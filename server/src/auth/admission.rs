//! The public routes' door: before a public request takes one of the server's request
//! slots, and before a byte of its body is read, its client address must have a request
//! left under way ([`crate::Limits::public_in_flight_per_address`]) and a token left in
//! the route's bucket ([`super::Budget`]). So one address that sends headers and holds
//! back its bodies holds a handful of slots, never all of them, and pays for each attempt
//! whether or not its body ever arrives.

use super::Budget;
use crate::http::rate_limit::{retry_after_secs, Occupancy};
use crate::http::HttpError;
use crate::AppState;
use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Instant;

/// What the door keeps: the public requests each address has under way.
#[derive(Clone)]
pub struct Door {
    pub under_way: Arc<Occupancy>,
}

impl Door {
    pub fn new(per_address: usize) -> Door {
        Door {
            under_way: Occupancy::new(usize::MAX, per_address),
        }
    }
}

/// The layer, outside the load guard: non-public requests pass; a public one is counted
/// under way while it runs, and spends its route's bucket first.
pub async fn admit(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let Some(budget) = state
        .access
        .public_budget(request.method().as_str(), request.uri().path())
    else {
        return next.run(request).await;
    };
    let client = client_address(&request);
    let Some(_seat) = state.door.under_way.enter(client) else {
        return HttpError {
            message: "Your address has too many requests under way; wait for them to finish \
                      and try again."
                .to_owned(),
            ..HttpError::too_many_requests(1)
        }
        .into_response();
    };
    let now = Instant::now();
    let spent = match budget {
        Budget::UnderWayOnly => Ok(()),
        Budget::SignIn => state.sign_in.admit_address(client, now),
        Budget::Contact => state.contact_limiter.check(client, now),
        Budget::FollowUp => state.follow_up_limiter.check(client, now),
    };
    if let Err(wait) = spent {
        let refusal = match budget {
            Budget::SignIn => super::throttle::too_many(retry_after_secs(wait)),
            _ => HttpError::too_many_requests(retry_after_secs(wait)),
        };
        return refusal.into_response();
    }
    next.run(request).await
}

/// The client's address as the listener saw it (unspecified when served without one).
pub fn client_address(request: &Request) -> IpAddr {
    request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |info| info.0.ip())
}
