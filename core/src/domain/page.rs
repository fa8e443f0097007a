//! One page of results as the console sees it, whatever the backend's pagination.

use serde::{Deserialize, Serialize};

/// A page of results as the console sees it, whatever the backend's pagination.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// 1-based.
    pub page: u32,
    pub total_items: u64,
    pub total_pages: u32,
}

impl<T> Page<T> {
    pub fn has_more(&self) -> bool {
        self.page < self.total_pages
    }
}
