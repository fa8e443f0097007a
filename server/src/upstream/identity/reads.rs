//! Reads over a forwarded backend, in Switchboard's agents: the console asks for "Mine"
//! with its own agent ids and shows assignees and authors by those ids, while a vendor
//! knows its own. The gateway turns an agent id in a declared query parameter into the
//! agent's id on the vendor before the call, and the vendor's ids in declared fields of
//! the answer back into Switchboard's (an id that is nobody's identity stays as the vendor
//! wrote it). A write's answer at a declared path is named the same way (an assignment
//! answers the conversation). Each dialect declares its routes and fields as data
//! ([`Read`]).

use super::Check;
use crate::http::HttpError;
use crate::store::identities::{self, Identity};
use crate::upstream::routes::matches;
use bytes::Bytes;
use serde_json::Value;
use std::collections::HashMap;

/// One read route of the vendor's document whose query or answer names agents.
#[derive(Clone, Copy, Debug)]
pub struct Read {
    /// Under the backend's base path, `{}` for one segment.
    pub path: &'static str,
    /// Query parameters that name an agent (`assignedAgentId` for "Mine").
    pub query: &'static [&'static str],
    /// Where the answer names agents: dotted paths, `[]` for every item of a list
    /// (`content[].lastMessage.transmitterId`); a list of strings is mapped item by item.
    pub fields: &'static [&'static str],
}

impl Check {
    fn read_for(&self, path: &str) -> Option<&'static Read> {
        self.identities
            .reads
            .iter()
            .find(|read| matches(read.path, path))
    }

    /// Whether an answer at `path` names agents (a write's answer too: an assignment
    /// answers the conversation).
    pub fn names_agents_at(&self, path: &str) -> bool {
        self.read_for(path)
            .is_some_and(|read| !read.fields.is_empty())
    }

    /// This backend's identities, both ways: ours → the vendor's, the vendor's → ours.
    async fn both_ways(
        &self,
    ) -> Result<(HashMap<String, String>, HashMap<String, String>), HttpError> {
        let backend = self.backend;
        let all: Vec<Identity> = self
            .store
            .run(move |conn| Ok::<_, HttpError>(identities::list(conn)?))
            .await?;
        let ours: Vec<(String, String)> = all
            .into_iter()
            .filter(|identity| identity.backend == backend)
            .map(|identity| (identity.agent_id, identity.vendor_id))
            .collect();
        let to_vendor = ours.iter().cloned().collect();
        let to_ours = ours
            .into_iter()
            .map(|(ours, vendor)| (vendor, ours))
            .collect();
        Ok((to_vendor, to_ours))
    }

    /// `query` with the agents it names as the vendor knows them, for a read of `path`.
    pub async fn vendor_query(
        &self,
        path: &str,
        query: Option<String>,
    ) -> Result<Option<String>, HttpError> {
        let (Some(read), Some(text)) = (self.read_for(path), query.as_deref()) else {
            return Ok(query);
        };
        if read.query.is_empty() {
            return Ok(query);
        }
        let (to_vendor, _) = self.both_ways().await?;
        Ok(Some(mapped_query(text, read.query, &to_vendor)))
    }

    /// The answer to a read of `path` with the vendor's ids for agents as Switchboard's;
    /// `None` when nothing is declared for it or it is not JSON.
    pub async fn ours_in_answer(
        &self,
        path: &str,
        body: &[u8],
    ) -> Result<Option<Bytes>, HttpError> {
        let Some(read) = self.read_for(path).filter(|read| !read.fields.is_empty()) else {
            return Ok(None);
        };
        let Ok(mut value) = serde_json::from_slice::<Value>(body) else {
            return Ok(None);
        };
        let (_, to_ours) = self.both_ways().await?;
        if to_ours.is_empty() {
            return Ok(None);
        }
        for field in read.fields {
            let steps: Vec<&str> = field.split('.').collect();
            map_at(&mut value, &steps, &to_ours);
        }
        Ok(serde_json::to_vec(&value).ok().map(Bytes::from))
    }
}

/// The query with each of `params` mapped through `map` (others, and unmapped values, as
/// they were; the order kept).
fn mapped_query(text: &str, params: &[&str], map: &HashMap<String, String>) -> String {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(text).unwrap_or_default();
    if pairs.is_empty() {
        return text.to_owned();
    }
    let pairs: Vec<(String, String)> = pairs
        .into_iter()
        .map(|(name, value)| {
            let mapped = params
                .contains(&name.as_str())
                .then(|| map.get(&value).cloned())
                .flatten();
            (name, mapped.unwrap_or(value))
        })
        .collect();
    serde_urlencoded::to_string(&pairs).unwrap_or_else(|_| text.to_owned())
}

/// Maps the strings at `steps` under `value` through `map`.
fn map_at(value: &mut Value, steps: &[&str], map: &HashMap<String, String>) {
    let Some((step, rest)) = steps.split_first() else {
        map_leaf(value, map);
        return;
    };
    let (name, every) = match step.strip_suffix("[]") {
        Some(name) => (name, true),
        None => (*step, false),
    };
    let Some(child) = value.get_mut(name) else {
        return;
    };
    match (every, child) {
        (true, Value::Array(items)) => items.iter_mut().for_each(|item| map_at(item, rest, map)),
        (true, _) => {}
        (false, child) => map_at(child, rest, map),
    }
}

fn map_leaf(value: &mut Value, map: &HashMap<String, String>) {
    match value {
        Value::String(text) => {
            if let Some(ours) = map.get(text.as_str()) {
                *text = ours.clone();
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| map_leaf(item, map)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::{map_at, mapped_query};
    use serde_json::json;
    use std::collections::HashMap;

    fn map(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    #[test]
    fn an_agent_in_a_declared_parameter_is_named_as_the_vendor_knows_them() {
        let to_vendor = map(&[("agent-camille", "agt-77")]);
        assert_eq!(
            mapped_query(
                "status=OPEN&assignedAgentId=agent-camille&sizePage=25",
                &["assignedAgentId"],
                &to_vendor
            ),
            "status=OPEN&assignedAgentId=agt-77&sizePage=25"
        );
        assert_eq!(
            mapped_query("assignedAgentId=agt-12", &["assignedAgentId"], &to_vendor),
            "assignedAgentId=agt-12",
            "a vendor id goes as it is"
        );
        assert_eq!(
            mapped_query("customerId=agent-camille", &["assignedAgentId"], &to_vendor),
            "customerId=agent-camille"
        );
    }

    #[test]
    fn the_vendors_ids_in_declared_fields_become_ours_and_the_rest_stays() {
        let to_ours = map(&[("agt-77", "agent-camille"), ("agt-12", "agent-javier")]);
        let mut page = json!({
            "content": [
                {"assignedAgentId": "agt-77", "participants": ["cust-1", "agt-12"],
                 "lastMessage": {"transmitterId": "agt-12", "content": "agt-77"}},
                {"assignedAgentId": "someone-else"},
                {"assignedAgentId": null}
            ],
            "totalElements": 3
        });
        for field in [
            "content[].assignedAgentId",
            "content[].participants",
            "content[].lastMessage.transmitterId",
            "missing[].x",
        ] {
            let steps: Vec<&str> = field.split('.').collect();
            map_at(&mut page, &steps, &to_ours);
        }
        assert_eq!(page["content"][0]["assignedAgentId"], "agent-camille");
        assert_eq!(
            page["content"][0]["participants"],
            json!(["cust-1", "agent-javier"])
        );
        assert_eq!(
            page["content"][0]["lastMessage"]["transmitterId"],
            "agent-javier"
        );
        assert_eq!(
            page["content"][0]["lastMessage"]["content"], "agt-77",
            "only declared fields"
        );
        assert_eq!(page["content"][1]["assignedAgentId"], "someone-else");
        assert_eq!(page["content"][2]["assignedAgentId"], json!(null));
    }
}
