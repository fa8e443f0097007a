//! Hostile JSON for the wire parsers' property tests (`tests/wire_properties.rs`): what a
//! backend, a proxy or an attacker may put on the wire instead of the documents' examples.
//!
//! - [`any_json`]: arbitrary values, recursive to a bounded depth, with the field names the
//!   backends use as well as random ones;
//! - [`mutated`]: the documents' own examples with some nodes replaced (null, a wrong type, a
//!   number as text, a 100 000-character string, an unknown enum value, a hostile string, an
//!   extreme number), fields dropped or added, items doubled, a node nested thousands deep,
//!   then the text truncated at a random character or broken by a stray token;
//! - [`wire_text`]: all of it, and plain garbage, for one backend's examples.
//!
//! Deep nesting is spliced into the text, never built as a [`Value`]: dropping a value ten
//! thousand levels deep would overflow the test's own stack.

use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::test_runner::RngSeed;
use serde_json::{from_str, Map, Number, Value};

/// The length of a "huge" string, in characters.
pub const HUGE_CHARS: usize = 100_000;
/// Depths of nesting around serde_json's recursion limit (128) and far beyond it.
pub const DEPTHS: &[usize] = &[127, 128, 129, 1_000, 10_000, 100_000];
/// Placed where a deep nesting goes, then replaced in the text.
const DEEP_MARKER: &str = "\u{1}switchboard-deep-nesting\u{1}";

/// 256 cases a property (or `PROPTEST_CASES`), and a fixed seed unless `PROPTEST_RNG_SEED`
/// names another: every run tries the same inputs, so a run never fails by chance.
pub fn config() -> ProptestConfig {
    let base = ProptestConfig::default();
    let rng_seed = match base.rng_seed {
        RngSeed::Random => RngSeed::Fixed(0x5717_c4b0_a4d5),
        chosen => chosen,
    };
    ProptestConfig { rng_seed, ..base }
}

/// Field names the five backends' documents use, so random objects look like records.
#[rustfmt::skip]
const KNOWN_KEYS: &[&str] = &[
    "id", "conversationId", "sendingDate", "transmitterId", "transmitterType", "content",
    "contentType", "status", "attachments", "fileName", "mediaType", "size", "href",
    "tripReference", "customerId", "assignedAgentId", "participants", "lastMessage", "links",
    "rel", "customerName", "name", "mail", "message", "required", "totalElements", "totalPages",
    "currentPage", "details", "debug_id", "field", "issue", "items", "pageIndex", "pageSize",
    "totalCount", "discussionId", "subject", "orderReference", "messages", "receivers",
    "userId", "userType", "createdAt", "updatedAt", "hasRead", "attachmentCount",
    "attachmentId", "fileFormat", "isOpen", "graduationCode", "sellerid", "salesChannel",
    "subTypologyCode", "typologyDescription", "state", "discussionCount", "title", "traceId",
    "errors", "type", "caseId", "guid", "senderAccountId", "senderType", "parentMessageId",
    "userEmail", "userName", "confirmedAt", "declaredAt", "success", "data", "error",
    "order_id", "callback_phone", "agent", "rating", "opened_at", "updated_at", "closed_at",
    "event", "at", "by", "previous_agent", "code", "paths", "trace_id", "path", "value",
    "identifier", "created", "created_datetime", "updated_time", "updated_datetime",
    "current_assignment", "cmid", "email", "is_closed", "last_author", "last_content",
    "social_network", "author_account", "media", "tickets", "number_of_tickets", "next_page",
    "ticket_id", "assignation", "cm", "reason",
];

/// Strings meant to hurt: markup, bidirectional overrides, NULs, emoji, links elsewhere,
/// text that looks like dates, numbers, phones, ratings and enum values but is not quite.
const HOSTILE: &[&str] = &[
    "",
    " ",
    "\t\n\r",
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "\u{202E}gnp.exe\u{202D}",
    "\u{200F}\u{2066}\u{2069}\u{FEFF}",
    "a\u{0}b",
    "\u{0}",
    "😀👩‍👩‍👧‍👦🏳️‍🌈",
    "e\u{301}\u{301}\u{301}",
    "\u{10FFFF}\u{FFFD}",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "//evil.example/x.png",
    "https://evil.example/contact/follow-up#a",
    "/contact/follow-up#Ab-9_x",
    "/contact/follow-up#\"><script>",
    "../../etc/passwd",
    "%00%2e%2e%2f",
    "null",
    "NaN",
    "-1",
    "1e999",
    "18446744073709551616",
    "4294967296",
    "0x1F",
    " 7 ",
    "2019-08-24T14:15:22Z",
    "2019-02-30T25:61:61Z",
    "+275760-09-13T00:00:00Z",
    "9999-12-31T23:59:59.999999999+23:59",
    "18-04-2019 21:40:59",
    "31-02-2019 24:00:60",
    "99-99-9999 99:99:99",
    "12-10-2018 10:23",
    "+33612345678",
    "+0000000000000000000000",
    "++33",
    "gte 4.5 && lte 5 || 3",
    "gte && || lt",
    "4.",
    "&|",
    "1e0abcb7-b94c-4072-a9c0-37072a1ef015",
    "child \"guid\" fails because [\"guid\" is required]",
    "child \"a\" fails because [[[[",
    " fails because [] fails because [",
    "OPEN",
    "open",
    "Abierto",
    "En Progreso",
    "inProgress",
    "PENDING",
    "Customer",
    "CustomerService",
    "Claim",
    "serviceComment",
    "partner",
    "closed",
    "agent_changed",
];

/// A hostile string, or a random one.
pub fn hostile_string() -> BoxedStrategy<String> {
    prop_oneof![
        3 => select(HOSTILE).prop_map(str::to_owned),
        2 => prop::collection::vec(any::<char>(), 0..24).prop_map(String::from_iter),
        1 => (select(HOSTILE), select(HOSTILE)).prop_map(|(a, b)| format!("{a}{b}")),
    ]
    .boxed()
}

/// Numbers at and past every bound a reader may assume.
pub fn extreme_number() -> BoxedStrategy<Value> {
    let fixed: Vec<Value> = vec![
        Value::from(0),
        Value::from(-1),
        Value::from(u32::MAX),
        Value::from(u64::from(u32::MAX) + 1),
        Value::from(u64::MAX),
        Value::from(i64::MIN),
        Value::from(0.5),
        Value::from(-0.0),
        Value::from(1e300),
        Value::from(-1e300),
        Value::from(u64::MAX as f64),
        Value::from(4.0),
    ];
    prop_oneof![
        2 => select(fixed),
        1 => any::<i64>().prop_map(Value::from),
        1 => any::<u64>().prop_map(Value::from),
        1 => any::<f64>().prop_map(|f| Number::from_f64(f).map_or(Value::Null, Value::Number)),
    ]
    .boxed()
}

/// A key: one a backend uses, or any.
fn key() -> BoxedStrategy<String> {
    prop_oneof![
        3 => select(KNOWN_KEYS).prop_map(str::to_owned),
        1 => hostile_string(),
    ]
    .boxed()
}

/// Any JSON value, at most a few levels deep and a few dozen nodes.
pub fn any_json() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        extreme_number(),
        hostile_string().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..6)
                .prop_map(|fields| Value::Object(fields.into_iter().collect::<Map<_, _>>())),
        ]
    })
    .boxed()
}

/// One change to one node of a document.
#[derive(Clone, Debug)]
pub enum Mutation {
    Null,
    /// Another type than the node's: the index picks which.
    WrongType(usize),
    /// A number written as text, or text read as a number.
    NumberAsString,
    Huge(char),
    /// A string value no document lists (an unknown enum value, say), or the node's own
    /// string in another case.
    Unknown(String),
    ChangeCase,
    Hostile(String),
    Number(Value),
    Replace(Value),
    /// The node removed from its object or array.
    Drop,
    /// An array's item twice, or an object's field given again beside a new one.
    Double,
    AddField(String, Value),
    Deep {
        depth: usize,
        objects: bool,
    },
}

fn mutation() -> BoxedStrategy<Mutation> {
    prop_oneof![
        2 => Just(Mutation::Null),
        2 => any::<usize>().prop_map(Mutation::WrongType),
        2 => Just(Mutation::NumberAsString),
        1 => select(vec!['x', 'é', '😀', '\u{0}', '"']).prop_map(Mutation::Huge),
        2 => select(vec!["UNKNOWN", "pending", "Other", "ARCHIVED ", "archived", "ToTreatLater"])
            .prop_map(|s| Mutation::Unknown(s.to_owned())),
        1 => Just(Mutation::ChangeCase),
        2 => hostile_string().prop_map(Mutation::Hostile),
        2 => extreme_number().prop_map(Mutation::Number),
        2 => any_json().prop_map(Mutation::Replace),
        3 => Just(Mutation::Drop),
        1 => Just(Mutation::Double),
        1 => (key(), any_json()).prop_map(|(k, v)| Mutation::AddField(k, v)),
        1 => (select(DEPTHS), any::<bool>()).prop_map(|(depth, objects)| Mutation::Deep { depth, objects }),
    ]
    .boxed()
}

#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Item(usize),
}

/// Every node's path, in document order (the root's is empty).
fn paths(value: &Value, at: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(at.clone());
    match value {
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                at.push(Step::Item(index));
                paths(item, at, out);
                at.pop();
            }
        }
        Value::Object(fields) => {
            for (name, field) in fields {
                at.push(Step::Key(name.clone()));
                paths(field, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

fn node<'a>(mut value: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    for step in path {
        value = match (value, step) {
            (Value::Array(items), Step::Item(index)) => items.get_mut(*index)?,
            (Value::Object(fields), Step::Key(name)) => fields.get_mut(name)?,
            _ => return None,
        };
    }
    Some(value)
}

fn other_type(current: &Value, pick: usize) -> Value {
    let candidates = [
        Value::Bool(true),
        Value::from(7),
        Value::from(1.5),
        Value::String("7".to_owned()),
        Value::Array(vec![current.clone()]),
        Value::Object(Map::from_iter([("value".to_owned(), current.clone())])),
        Value::Array(Vec::new()),
        Value::Object(Map::new()),
    ];
    let others: Vec<&Value> = candidates
        .iter()
        .filter(|c| std::mem::discriminant(*c) != std::mem::discriminant(current))
        .collect();
    others[pick % others.len()].clone()
}

/// Applies one mutation to the `at`-th node (counted modulo the nodes there are).
fn apply(doc: &mut Value, at: Index, mutation: &Mutation) {
    let mut all = Vec::new();
    paths(doc, &mut Vec::new(), &mut all);
    let path = &all[at.index(all.len())];
    if let (Mutation::Drop | Mutation::Double, Some((last, parent))) = (mutation, path.split_last())
    {
        match (node(doc, parent), last) {
            (Some(Value::Array(items)), Step::Item(index)) if *index < items.len() => {
                if matches!(mutation, Mutation::Drop) {
                    items.remove(*index);
                } else {
                    let copy = items[*index].clone();
                    items.insert(*index, copy);
                }
            }
            (Some(Value::Object(fields)), Step::Key(name)) => {
                if matches!(mutation, Mutation::Drop) {
                    fields.remove(name);
                } else if let Some(copy) = fields.get(name).cloned() {
                    fields.insert(format!("{name} "), copy);
                }
            }
            _ => {}
        }
        return;
    }
    let Some(target) = node(doc, path) else {
        return;
    };
    let replacement = match (mutation, &*target) {
        (Mutation::Null, _) => Value::Null,
        (Mutation::WrongType(pick), current) => other_type(current, *pick),
        (Mutation::NumberAsString, Value::Number(n)) => Value::String(n.to_string()),
        (Mutation::NumberAsString, Value::String(s)) => match from_str::<Number>(s.trim()) {
            Ok(n) => Value::Number(n),
            Err(_) => Value::String(s.len().to_string()),
        },
        (Mutation::NumberAsString, _) => Value::String("42".to_owned()),
        (Mutation::Huge(c), _) => Value::String(std::iter::repeat_n(*c, HUGE_CHARS).collect()),
        (Mutation::Unknown(word), _) => Value::String(word.clone()),
        (Mutation::ChangeCase, Value::String(s)) if s.chars().any(char::is_lowercase) => {
            Value::String(s.to_uppercase())
        }
        (Mutation::ChangeCase, Value::String(s)) => Value::String(s.to_lowercase()),
        (Mutation::ChangeCase, other) => other.clone(),
        (Mutation::Hostile(text), _) => Value::String(text.clone()),
        (Mutation::Number(n), _) => n.clone(),
        (Mutation::Replace(value), _) => value.clone(),
        (Mutation::AddField(name, value), Value::Object(fields)) => {
            let mut fields = fields.clone();
            fields.insert(name.clone(), value.clone());
            Value::Object(fields)
        }
        (Mutation::AddField(name, value), other) => Value::Object(Map::from_iter([
            (name.clone(), value.clone()),
            ("value".to_owned(), other.clone()),
        ])),
        (Mutation::Deep { .. }, _) => Value::String(DEEP_MARKER.to_owned()),
        (Mutation::Drop | Mutation::Double, _) => Value::Null,
    };
    *target = replacement;
}

/// `depth` arrays (or objects) inside one another, as text.
pub fn nested(depth: usize, objects: bool) -> String {
    if objects {
        format!("{}null{}", r#"{"a":"#.repeat(depth), "}".repeat(depth))
    } else {
        format!("{}{}", "[".repeat(depth), "]".repeat(depth))
    }
}

/// A change to the text itself, after the mutations.
#[derive(Clone, Debug)]
pub enum TextEdit {
    /// Cut at a byte, moved back to the nearest character boundary.
    Truncate(Index),
    /// A stray token at a byte (likewise on a boundary).
    Insert(Index, &'static str),
}

fn boundary(text: &str, at: Index) -> usize {
    let mut cut = at.index(text.len() + 1);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    cut
}

fn text_edit() -> BoxedStrategy<TextEdit> {
    prop_oneof![
        2 => any::<Index>().prop_map(TextEdit::Truncate),
        1 => (
            any::<Index>(),
            select(vec![",", "}", "]", "{", "[", "\"", "\\", ":", "NaN", "\u{0}", "/*", "\u{FEFF}", "-", "1e99999"])
        )
            .prop_map(|(at, token)| TextEdit::Insert(at, token)),
    ]
    .boxed()
}

/// Renders a mutated document as text: compact or pretty, the deep marker replaced.
fn render(doc: &Value, pretty: bool, deep: Option<(usize, bool)>) -> String {
    let text = if pretty {
        serde_json::to_string_pretty(doc)
    } else {
        serde_json::to_string(doc)
    }
    .unwrap_or_default();
    match deep {
        Some((depth, objects)) => {
            let marker = Value::String(DEEP_MARKER.to_owned()).to_string();
            text.replacen(&marker, &nested(depth, objects), 1)
        }
        None => text,
    }
}

/// The documents' examples (each must be JSON), mutated, and about one in three then cut
/// or broken.
pub fn mutated(fixtures: &[&str]) -> BoxedStrategy<String> {
    let docs: Vec<Value> = fixtures
        .iter()
        .map(|text| from_str(text).expect("a fixture is JSON"))
        .collect();
    (
        select(docs),
        prop::collection::vec((any::<Index>(), mutation()), 0..4),
        any::<bool>(),
        prop::option::weighted(0.3, text_edit()),
    )
        .prop_map(|(mut doc, mutations, pretty, edit)| {
            let mut deep = None;
            for (at, mutation) in &mutations {
                apply(&mut doc, *at, mutation);
                if let Mutation::Deep { depth, objects } = mutation {
                    deep = Some((*depth, *objects));
                }
            }
            let mut text = render(&doc, pretty, deep);
            match edit {
                Some(TextEdit::Truncate(at)) => text.truncate(boundary(&text, at)),
                Some(TextEdit::Insert(at, token)) => text.insert_str(boundary(&text, at), token),
                None => {}
            }
            text
        })
        .boxed()
}

/// `fixture` once for each of its nodes, that node replaced by `text` (JSON as text, so it
/// may be nested deeper than a [`Value`] should be).
pub fn each_node_replaced(fixture: &str, text: &str) -> Vec<String> {
    let doc: Value = from_str(fixture).expect("a fixture is JSON");
    let mut all = Vec::new();
    paths(&doc, &mut Vec::new(), &mut all);
    let marker = Value::String(DEEP_MARKER.to_owned()).to_string();
    all.iter()
        .filter_map(|path| {
            let mut copy = doc.clone();
            *node(&mut copy, path)? = Value::String(DEEP_MARKER.to_owned());
            let rendered = serde_json::to_string(&copy).ok()?;
            Some(rendered.replacen(&marker, text, 1))
        })
        .collect()
}

/// Pieces of the grammars the string helpers read (Joi's messages, ratings, phones, dates,
/// links), to be put together in any order.
#[rustfmt::skip]
const FRAGMENTS: &[&str] = &[
    "child \"", "\" fails because [", "\"value\" at position ", "[", "]", "\"", ". ", "gte",
    "gt", "lt", "lte", "&&", "||", "&", "|", "4", "4.", ".5", " ", "+", "(", ")", "0",
    "33612345678", "-", ":", "T", "Z", "12", "2019", "+02:00", ".283", "https://", "/", "//",
    "?", "#", ".png", "javascript:", "é", "\u{0}", "😀", "\u{202E}",
];

/// A string put together from [`FRAGMENTS`], or a hostile one.
pub fn grammar_string() -> BoxedStrategy<String> {
    prop_oneof![
        2 => prop::collection::vec(select(FRAGMENTS), 0..10).prop_map(|parts| parts.concat()),
        1 => hostile_string(),
    ]
    .boxed()
}

/// What one backend's reader may be handed: mostly its own examples mutated, else any JSON,
/// a deep nesting, or text that is not JSON at all.
pub fn wire_text(fixtures: &[&str]) -> BoxedStrategy<String> {
    prop_oneof![
        12 => mutated(fixtures),
        4 => any_json().prop_map(|value| value.to_string()),
        1 => (select(DEPTHS), any::<bool>()).prop_map(|(depth, objects)| nested(depth, objects)),
        2 => hostile_string(),
        1 => prop::collection::vec(any::<u8>(), 0..64)
            .prop_map(|bytes| String::from_utf8_lossy(&bytes).into_owned()),
    ]
    .boxed()
}
