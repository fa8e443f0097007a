//! Choosing a saved reply: which of its languages fits the conversation, and which replies
//! fit what the agent typed (fuzzy, on title and text, with nucleo's matcher, the one
//! Helix uses).

use super::{SavedReply, SavedText};
use crate::domain::BackendKind;
use crate::i18n::Lang;
use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

/// The language a backend's customers write in, where one is known: an Octopia buyer
/// writes French (a French marketplace), a PostCenter customer Spanish.
pub fn customer_language(kind: BackendKind) -> Option<Lang> {
    match kind {
        BackendKind::Octopia => Some(Lang::Fr),
        BackendKind::Postcenter => Some(Lang::Es),
        BackendKind::Communication | BackendKind::CaseMessages | BackendKind::SupportSessions => {
            None
        }
    }
}

/// The languages to look for, best first: the customer's, then the agent's, then the
/// others in the product's order.
pub fn preferred_languages(kind: BackendKind, agent: Lang) -> Vec<Lang> {
    let mut order: Vec<Lang> = customer_language(kind).into_iter().collect();
    for lang in std::iter::once(agent).chain(Lang::ALL) {
        if !order.contains(&lang) {
            order.push(lang);
        }
    }
    order
}

/// The reply's text in the first of `preferred` it is written in, else its first.
pub fn version_for<'a>(reply: &'a SavedReply, preferred: &[Lang]) -> Option<&'a SavedText> {
    preferred
        .iter()
        .find_map(|lang| reply.texts.iter().find(|t| t.lang == *lang))
        .or_else(|| reply.texts.first())
}

/// A reply that fits the query, and how well.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found<'a> {
    pub reply: &'a SavedReply,
    pub score: u32,
}

/// The replies still offered that fit `query`, best first (a match in the title counts
/// double); with nothing typed, all of them by title.
pub fn search<'a>(replies: &'a [SavedReply], query: &str) -> Vec<Found<'a>> {
    let offered = replies.iter().filter(|r| !r.retired);
    let query = query.trim();
    let mut found: Vec<Found<'a>> = if query.is_empty() {
        offered.map(|reply| Found { reply, score: 0 }).collect()
    } else {
        let pattern = Pattern::new(
            query,
            CaseMatching::Ignore,
            Normalization::Smart,
            AtomKind::Fuzzy,
        );
        let mut matcher = Matcher::new(Config::DEFAULT);
        let mut buffer = Vec::new();
        let mut score = |text: &str| pattern.score(Utf32Str::new(text, &mut buffer), &mut matcher);
        offered
            .filter_map(|reply| {
                let title = score(&reply.title).map(|s| s.saturating_mul(2));
                let text = reply.texts.iter().filter_map(|t| score(&t.body)).max();
                let best = title.max(text)?;
                Some(Found { reply, score: best })
            })
            .collect()
    };
    found.sort_by(|a, b| {
        b.score.cmp(&a.score).then_with(|| {
            a.reply
                .title
                .to_lowercase()
                .cmp(&b.reply.title.to_lowercase())
        })
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reply(title: &str, texts: &[(Lang, &str)]) -> SavedReply {
        SavedReply {
            id: title.to_owned(),
            title: title.to_owned(),
            owner: None,
            texts: SavedText::all(texts),
            retired: false,
            revision: 1,
            updated_by: "agent-camille".into(),
            updated_at: chrono::DateTime::UNIX_EPOCH,
        }
    }

    #[test]
    fn the_customers_language_comes_first_then_the_agents() {
        assert_eq!(
            preferred_languages(BackendKind::Octopia, Lang::En),
            [Lang::Fr, Lang::En, Lang::Es]
        );
        assert_eq!(
            preferred_languages(BackendKind::Postcenter, Lang::Fr),
            [Lang::Es, Lang::Fr, Lang::En]
        );
        assert_eq!(
            preferred_languages(BackendKind::CaseMessages, Lang::Es),
            [Lang::Es, Lang::En, Lang::Fr]
        );
    }

    #[test]
    fn the_version_in_the_first_preferred_language_is_chosen_else_the_first_written() {
        let both = reply("Refund", &[(Lang::En, "Refunded"), (Lang::Fr, "Remboursé")]);
        let octopia = preferred_languages(BackendKind::Octopia, Lang::En);
        assert_eq!(version_for(&both, &octopia).map(|t| t.lang), Some(Lang::Fr));
        let spanish = reply("Hola", &[(Lang::Es, "Hola")]);
        assert_eq!(
            version_for(&spanish, &[Lang::En]).map(|t| t.lang),
            Some(Lang::Es)
        );
        assert_eq!(version_for(&reply("None", &[]), &[Lang::En]), None);
    }

    #[test]
    fn search_is_fuzzy_on_title_and_text_and_leaves_retired_replies_out() {
        let mut retired = reply("Refund policy (old)", &[(Lang::En, "Old refund text")]);
        retired.retired = true;
        let replies = [
            reply(
                "Refund on its way",
                &[(Lang::En, "Your refund is on its way")],
            ),
            reply(
                "Delivery delay",
                &[(Lang::Fr, "Votre colis est remboursé si perdu")],
            ),
            reply("Call back", &[(Lang::En, "We will call you")]),
            retired,
        ];
        let titles = |query: &str| -> Vec<String> {
            search(&replies, query)
                .into_iter()
                .map(|f| f.reply.title.clone())
                .collect()
        };
        assert_eq!(
            titles("rfnd"),
            ["Refund on its way"],
            "letters in order, gaps allowed"
        );
        assert_eq!(
            titles("REMBOURSE"),
            ["Delivery delay"],
            "in the text, case and accents aside"
        );
        assert_eq!(
            titles(""),
            ["Call back", "Delivery delay", "Refund on its way"]
        );
        assert!(titles("zzz").is_empty());
    }
}
