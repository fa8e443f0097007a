//! Who writes to support sessions, for the gateway: nobody, as far as the vendor can tell.
//! Its document names no caller anywhere (a session's `agent` is the person who fulfils the
//! order, not one of Switchboard's agents), so there is no identity to keep there and its
//! writes need none.

use crate::upstream::identity::Identities;

pub const IDENTITIES: Identities = Identities::NONE;
