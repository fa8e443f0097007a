//! Who writes to the communication API, for the gateway: a message names its writer as
//! `transmitterId` (the agent's id on the API) with `transmitterType: AGENT`, as embedded mode
//! sets them; the assignee (`assignedAgentId`) of a conversation, when it names one of
//! Switchboard's agents, becomes that agent's id on the API. A mail names no writer but
//! still needs the agent to be known there. The contact form is the customer's: it needs no
//! identity (no agent is signed in). Reads name agents too: "Mine" asks by
//! `assignedAgentId`, and conversations and messages name assignees, participants and
//! writers by the API's ids, shown as Switchboard's.

use crate::upstream::identity::reads::Read;
use crate::upstream::identity::{Field, Identities, Source, Write};

const ASSIGNEE: &[Field] = &[Field::Assignee("assignedAgentId")];

pub const IDENTITIES: Identities = Identities {
    required: true,
    writes: &[
        Write {
            method: "POST",
            path: "/conversations/{}/messages",
            fields: &[
                Field::Author("transmitterId", Source::VendorId),
                Field::Fixed("transmitterType", "AGENT"),
            ],
        },
        Write {
            method: "POST",
            path: "/conversations",
            fields: ASSIGNEE,
        },
        Write {
            method: "PUT",
            path: "/conversations/{}",
            fields: ASSIGNEE,
        },
        Write {
            method: "PUT",
            path: "/conversations/{}/assigned-agent",
            fields: ASSIGNEE,
        },
    ],
    exempt: &[("POST", "/contact-us")],
    reads: &[
        Read {
            path: "/conversations",
            query: &["assignedAgentId"],
            fields: &[
                "content[].assignedAgentId",
                "content[].participants",
                "content[].lastMessage.transmitterId",
            ],
        },
        Read {
            path: "/conversations/{}",
            query: &[],
            fields: &[
                "assignedAgentId",
                "participants",
                "lastMessage.transmitterId",
            ],
        },
        // An assignment answers the conversation.
        Read {
            path: "/conversations/{}/assigned-agent",
            query: &[],
            fields: &[
                "assignedAgentId",
                "participants",
                "lastMessage.transmitterId",
            ],
        },
        // A page of messages, or the one message a reply answers.
        Read {
            path: "/conversations/{}/messages",
            query: &[],
            fields: &["content[].transmitterId", "transmitterId"],
        },
    ],
};
