//! The inbox's views (status and assignee) as they stand in the URL, and the one query
//! every connector translates into its own parameters.

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

    pub fn label(self) -> &'static str {
        match self {
            StatusFilter::All => "All statuses",
            StatusFilter::Open => "Open",
            StatusFilter::Closed => "Closed",
            StatusFilter::Archived => "Archived",
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

    pub fn label(self) -> &'static str {
        match self {
            AssigneeFilter::All => "Everyone's",
            AssigneeFilter::Me => "Mine",
            AssigneeFilter::Unassigned => "Unassigned",
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
    pub page_size: u32,
}
