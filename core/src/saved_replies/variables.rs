//! A saved reply's variables: `{{customer_name}}` and its kind, filled from the
//! conversation at the moment it is inserted. A variable the conversation lacks is asked
//! of the agent before the text goes into the reply, so no `{{...}}` ever reaches a
//! customer.

use crate::domain::{BackendKind, Conversation};
use crate::i18n::{text, Lang};

/// What a saved reply may name: what every conversation may have, and each backend's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variable {
    CustomerName,
    /// The order, trip or case reference the customer knows.
    Reference,
    /// The signed-in agent's name.
    AgentName,
    /// Why an Octopia buyer wrote (the discussion's sub-typology).
    Typology,
    /// A PostCenter ticket's number.
    TicketNumber,
    /// Where a support session's customer is called back.
    CallbackPhone,
}

impl Variable {
    pub const ALL: [Variable; 6] = [
        Variable::CustomerName,
        Variable::Reference,
        Variable::AgentName,
        Variable::Typology,
        Variable::TicketNumber,
        Variable::CallbackPhone,
    ];

    /// Its name between the braces.
    pub fn token(self) -> &'static str {
        match self {
            Variable::CustomerName => "customer_name",
            Variable::Reference => "reference",
            Variable::AgentName => "agent_name",
            Variable::Typology => "typology",
            Variable::TicketNumber => "ticket_number",
            Variable::CallbackPhone => "callback_phone",
        }
    }

    pub fn from_token(token: &str) -> Option<Variable> {
        Variable::ALL.into_iter().find(|v| v.token() == token)
    }

    /// What it is, in `lang`, for the agent asked to give it.
    pub fn label(self, lang: Lang) -> String {
        let id = match self {
            Variable::CustomerName => msg!("variable-customer-name"),
            Variable::Reference => msg!("variable-reference"),
            Variable::AgentName => msg!("variable-agent-name"),
            Variable::Typology => msg!("variable-typology"),
            Variable::TicketNumber => msg!("variable-ticket-number"),
            Variable::CallbackPhone => msg!("variable-callback-phone"),
        };
        text(lang, id)
    }
}

/// The values a conversation gives its variables, and those the agent typed in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Values(Vec<(String, String)>);

impl Values {
    /// The value of a variable by its token; blank ones count as none.
    pub fn get(&self, token: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(t, _)| t == token)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.trim().is_empty())
    }

    /// Gives `token` a value, over any it had.
    pub fn set(&mut self, token: &str, value: impl Into<String>) {
        let value = value.into();
        match self.0.iter_mut().find(|(t, _)| t == token) {
            Some(slot) => slot.1 = value,
            None => self.0.push((token.to_owned(), value)),
        }
    }
}

/// What the conversation says of each variable, and the agent's name.
pub fn values_of(conversation: &Conversation, agent_name: Option<&str>) -> Values {
    let mut values = Values::default();
    let mut put = |variable: Variable, value: Option<&str>| {
        if let Some(value) = value {
            values.set(variable.token(), value);
        }
    };
    put(
        Variable::CustomerName,
        conversation.customer_name.as_deref(),
    );
    put(Variable::Reference, conversation.reference.as_deref());
    put(Variable::AgentName, agent_name);
    if conversation.backend_kind == BackendKind::Octopia {
        put(Variable::Typology, conversation.reason.as_deref());
    }
    if conversation.backend_kind == BackendKind::Postcenter {
        // The list shows a ticket as `#1234`; a sentence says "ticket 1234".
        let number = conversation
            .reference
            .as_deref()
            .map(|r| r.trim_start_matches('#'));
        put(Variable::TicketNumber, number);
    }
    put(
        Variable::CallbackPhone,
        conversation.callback_phone.as_deref(),
    );
    values
}

/// Each `{{name}}` of a text, once, in the order they come. What is between the braces is
/// a name only if it is letters, digits, `_` or `.`; anything else stays text.
pub fn placeholders(body: &str) -> Vec<&str> {
    let mut found: Vec<&str> = Vec::new();
    for (_, name, _) in spans(body) {
        if !found.contains(&name) {
            found.push(name);
        }
    }
    found
}

/// The text with every variable filled, or the tokens that have no value (in order).
pub fn fill(body: &str, values: &Values) -> Result<String, Vec<String>> {
    let missing: Vec<String> = placeholders(body)
        .into_iter()
        .filter(|name| values.get(name).is_none())
        .map(str::to_owned)
        .collect();
    if !missing.is_empty() {
        return Err(missing);
    }
    let mut filled = String::with_capacity(body.len());
    let mut at = 0;
    for (start, name, end) in spans(body) {
        filled.push_str(&body[at..start]);
        filled.push_str(values.get(name).unwrap_or_default());
        at = end;
    }
    filled.push_str(&body[at..]);
    Ok(filled)
}

/// Each placeholder: where it starts, its name, where it ends (byte offsets).
fn spans(body: &str) -> Vec<(usize, &str, usize)> {
    let mut spans = Vec::new();
    let mut from = 0;
    while let Some(open) = body[from..].find("{{").map(|i| from + i) {
        let Some(close) = body[open + 2..].find("}}").map(|i| open + 2 + i) else {
            break;
        };
        let name = body[open + 2..close].trim();
        let is_name = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.');
        if is_name {
            spans.push((open, name, close + 2));
            from = close + 2;
        } else {
            from = open + 2;
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Capabilities, ConversationKey, ConversationStatus};

    fn conversation(kind: BackendKind) -> Conversation {
        let capabilities = Capabilities {
            reply: true,
            assign: false,
            unassign: false,
            close: false,
            reopen: false,
            archive: false,
            mark_read: false,
            mark_unread: false,
            callback_phone: false,
            performer: false,
            auto_assign: false,
        };
        let key = ConversationKey::new("b", "c-1");
        Conversation::new(
            key,
            kind,
            "c@example.com",
            ConversationStatus::Open,
            capabilities,
        )
    }

    #[test]
    fn placeholders_are_named_once_in_order_and_braces_around_other_things_stay_text() {
        let body = "Hi {{customer_name}} ({{ reference }}), {{customer_name}}! {{ not a name }} {{}} {{open";
        assert_eq!(placeholders(body), ["customer_name", "reference"]);
    }

    #[test]
    fn filling_replaces_every_placeholder_or_names_those_missing() {
        let mut values = Values::default();
        values.set("customer_name", "Camille");
        let body = "Bonjour {{customer_name}}, commande {{reference}}. {{ customer_name }}";
        assert_eq!(fill(body, &values), Err(vec!["reference".to_owned()]));
        values.set("reference", "  ");
        assert_eq!(
            fill(body, &values),
            Err(vec!["reference".to_owned()]),
            "a blank value is no value"
        );
        values.set("reference", "FR-4417");
        assert_eq!(
            fill(body, &values).as_deref(),
            Ok("Bonjour Camille, commande FR-4417. Camille")
        );
        assert_eq!(
            fill("No variable {{ at all }}", &values).as_deref(),
            Ok("No variable {{ at all }}")
        );
    }

    #[test]
    fn a_conversation_fills_what_it_has_and_each_backend_its_own_fields() {
        let mut octopia = conversation(BackendKind::Octopia);
        octopia.customer_name = Some("Camille Martin".into());
        octopia.reason = Some("Late delivery".into());
        let values = values_of(&octopia, Some("Aisha Khan"));
        assert_eq!(values.get("customer_name"), Some("Camille Martin"));
        assert_eq!(values.get("typology"), Some("Late delivery"));
        assert_eq!(values.get("agent_name"), Some("Aisha Khan"));
        assert_eq!(values.get("reference"), None);

        let mut ticket = conversation(BackendKind::Postcenter);
        ticket.reference = Some("#5521".into());
        ticket.reason = Some("not Octopia's".into());
        let values = values_of(&ticket, None);
        assert_eq!(values.get("ticket_number"), Some("5521"));
        assert_eq!(values.get("reference"), Some("#5521"));
        assert_eq!(values.get("typology"), None);

        let mut session = conversation(BackendKind::SupportSessions);
        session.callback_phone = Some("+56912345678".into());
        assert_eq!(
            values_of(&session, None).get("callback_phone"),
            Some("+56912345678")
        );
    }

    #[test]
    fn every_variable_has_a_token_it_is_found_by() {
        for variable in Variable::ALL {
            assert_eq!(Variable::from_token(variable.token()), Some(variable));
        }
        assert_eq!(Variable::from_token("customer"), None);
    }
}
