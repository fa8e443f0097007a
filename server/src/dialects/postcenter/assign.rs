//! Which agent PostCenter would give a ticket (`get_possible_agent`) and gives it on an
//! automatic reassignment (`reassign`): the document says neither rule, so this one is
//! written down in `docs/backends/postcenter.md`, "Possible agent and reassignment". The
//! online agent of the ticket's channel team with the fewest open tickets (`open` or
//! `inProgress`), ties by lowest cmid; never the current assignee while another is online.

use super::store::CmRecord;

/// The rule's answer: the agent (or none) and why, in English like the document's reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pick {
    pub cm: Option<CmRecord>,
    pub reason: String,
}

/// Picks among `online` (the channel team's online agents with their workload, least
/// loaded first, ties by lowest cmid) for a ticket of `channel` assigned to `current`.
pub fn pick(channel: &str, current: Option<i64>, online: Vec<(CmRecord, i64)>) -> Pick {
    let only_current = matches!(online.as_slice(), [(only, _)] if Some(only.cmid) == current);
    let chosen = online
        .into_iter()
        .find(|(cm, _)| only_current || Some(cm.cmid) != current);
    match chosen {
        Some((cm, workload)) if only_current => Pick {
            reason: format!(
                "Assign because the current cm is the only {channel} cm online \
                 ({workload} open tickets)"
            ),
            cm: Some(cm),
        },
        Some((cm, workload)) => Pick {
            reason: format!(
                "Assign because of workload: the online {channel} cm with the fewest open \
                 tickets ({workload})"
            ),
            cm: Some(cm),
        },
        None => Pick {
            cm: None,
            reason: format!("No cm of the {channel} team is online"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cm(cmid: i64) -> CmRecord {
        CmRecord {
            cmid,
            name: format!("cm {cmid}"),
            email: None,
            channel: "facebook".into(),
            is_online: true,
        }
    }

    #[test]
    fn the_least_loaded_other_than_the_current_one() {
        let online = vec![(cm(27), 1), (cm(467), 4)];
        assert_eq!(pick("facebook", Some(467), online.clone()).cm, Some(cm(27)));
        let chosen = pick("facebook", Some(27), online).cm;
        assert_eq!(
            chosen,
            Some(cm(467)),
            "never the current one while another is"
        );
    }

    #[test]
    fn the_current_one_when_alone_and_none_when_nobody() {
        let alone = pick("facebook", Some(27), vec![(cm(27), 2)]);
        assert_eq!(alone.cm, Some(cm(27)));
        assert!(alone.reason.contains("only"), "{}", alone.reason);
        let nobody = pick("whatsapp", None, vec![]);
        assert_eq!(nobody.cm, None);
        assert!(nobody.reason.contains("whatsapp"), "{}", nobody.reason);
    }
}
