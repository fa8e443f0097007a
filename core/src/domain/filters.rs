//! The inbox's views (status and assignee) as they stand in the URL, and the one query
//! every connector translates into its own parameters.

use crate::i18n::{text, Lang};

/// The status filter of the inbox, as it stands in the URL (`?status=open`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum StatusFilter {
    #[default]
    All,
    Open,
    Closed,
    Archived,
}

impl StatusFilter {
    pub const ALL: [StatusFilter; 4] = [
        StatusFilter::All,
        StatusFilter::Open,
        StatusFilter::Closed,
        StatusFilter::Archived,
    ];

    pub fn parse(raw: Option<&str>) -> Self {
        match raw {
            Some("open") => StatusFilter::Open,
            Some("closed") => StatusFilter::Closed,
            Some("archived") => StatusFilter::Archived,
            _ => StatusFilter::All,
        }
    }

    pub fn token(self) -> &'static str {
        match self {
            StatusFilter::All => "all",
            StatusFilter::Open => "open",
            StatusFilter::Closed => "closed",
            StatusFilter::Archived => "archived",
        }
    }

    pub fn label(self, lang: Lang) -> String {
        match self {
            StatusFilter::All => text(lang, msg!("filter-all-statuses")),
            StatusFilter::Open => text(lang, msg!("status-open")),
            StatusFilter::Closed => text(lang, msg!("status-closed")),
            StatusFilter::Archived => text(lang, msg!("status-archived")),
        }
    }
}

/// The assignee filter of the inbox (`?assignee=me`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum AssigneeFilter {
    #[default]
    All,
    Me,
    Unassigned,
}

impl AssigneeFilter {
    pub const ALL: [AssigneeFilter; 3] = [
        AssigneeFilter::All,
        AssigneeFilter::Me,
        AssigneeFilter::Unassigned,
    ];

    pub fn parse(raw: Option<&str>) -> Self {
        match raw {
            Some("me") => AssigneeFilter::Me,
            Some("unassigned") => AssigneeFilter::Unassigned,
            _ => AssigneeFilter::All,
        }
    }

    pub fn token(self) -> &'static str {
        match self {
            AssigneeFilter::All => "all",
            AssigneeFilter::Me => "me",
            AssigneeFilter::Unassigned => "unassigned",
        }
    }

    pub fn label(self, lang: Lang) -> String {
        match self {
            AssigneeFilter::All => text(lang, msg!("filter-everyones")),
            AssigneeFilter::Me => text(lang, msg!("filter-mine")),
            AssigneeFilter::Unassigned => text(lang, msg!("filter-unassigned")),
        }
    }
}

/// One inbox query, whatever the backend: connectors translate it into their own
/// parameters, and say which parts they could not apply.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InboxQuery {
    pub status: StatusFilter,
    pub assignee: AssigneeFilter,
    /// The signed-in agent, needed for [`AssigneeFilter::Me`].
    pub me: Option<String>,
    /// A reference to find (an order, a trip): matched in full, case aside.
    pub reference: Option<String>,
    /// Only this backend (its name) is asked; the others are left alone.
    pub backend: Option<String>,
    /// Only conversations last active in these days.
    pub active: Option<super::ActiveRange>,
    pub page_size: u32,
}

impl InboxQuery {
    /// Whether `conversation` belongs in this view: for the backends that cannot filter
    /// (their items are read one by one), the console applies the query itself.
    pub fn admits(&self, conversation: &super::Conversation) -> bool {
        use super::ConversationStatus as S;
        let status = match self.status {
            StatusFilter::All => true,
            StatusFilter::Open => matches!(conversation.status, S::Open | S::InProgress),
            StatusFilter::Closed => conversation.status == S::Closed,
            StatusFilter::Archived => conversation.status == S::Archived,
        };
        let assignee = match self.assignee {
            AssigneeFilter::All => true,
            AssigneeFilter::Me => {
                self.me.is_some() && conversation.assignee.as_deref() == self.me.as_deref()
            }
            AssigneeFilter::Unassigned => conversation.assignee.is_none(),
        };
        let reference = self
            .reference
            .as_deref()
            .map(str::trim)
            .is_none_or(|wanted| {
                [
                    conversation.reference.as_deref(),
                    Some(conversation.key.id.as_str()),
                ]
                .into_iter()
                .flatten()
                .any(|known| known.eq_ignore_ascii_case(wanted))
            });
        let active = self
            .active
            .is_none_or(|range| range.admits(conversation.last_activity));
        status && assignee && reference && active
    }
}

#[cfg(test)]
mod admits_tests {
    use super::*;
    use crate::domain::{BackendKind, Conversation, ConversationKey, ConversationStatus};

    fn conversation(status: ConversationStatus, assignee: Option<&str>) -> Conversation {
        Conversation {
            reference: Some("ORD-1".into()),
            assignee: assignee.map(str::to_owned),
            ..Conversation::new(
                ConversationKey::new("support-sessions", "ORD-1"),
                BackendKind::SupportSessions,
                "+33612345678",
                status,
                crate::wire::support_sessions::CAPABILITIES,
            )
        }
    }

    #[test]
    fn the_email_goes_beside_a_name_only() {
        let mut row = conversation(ConversationStatus::Open, None);
        assert_eq!(row.customer_email_beside_name(), None, "an id, no name");
        row.customer = "ana@example.es".into();
        assert_eq!(
            row.customer_email_beside_name(),
            None,
            "the address is the name"
        );
        row.customer_name = Some("Ana García".into());
        assert_eq!(row.customer_email_beside_name(), Some("ana@example.es"));
        row.customer = "cust-42".into();
        assert_eq!(
            row.customer_email_beside_name(),
            None,
            "an id is no address"
        );
    }

    #[test]
    fn a_view_admits_what_it_shows() {
        let open = conversation(ConversationStatus::InProgress, None);
        let closed = conversation(ConversationStatus::Closed, Some("agent-a"));
        let query = |status, assignee| InboxQuery {
            status,
            assignee,
            me: Some("agent-a".into()),
            ..Default::default()
        };
        assert!(query(StatusFilter::Open, AssigneeFilter::All).admits(&open));
        assert!(!query(StatusFilter::Open, AssigneeFilter::All).admits(&closed));
        assert!(query(StatusFilter::Closed, AssigneeFilter::Me).admits(&closed));
        assert!(!query(StatusFilter::All, AssigneeFilter::Me).admits(&open));
        assert!(query(StatusFilter::All, AssigneeFilter::Unassigned).admits(&open));
        let find = |reference: &str| InboxQuery {
            reference: Some(reference.into()),
            ..Default::default()
        };
        assert!(find("ord-1").admits(&open));
        assert!(!find("ORD-2").admits(&open));
    }
}
