//! The catalogue is whole: every file parses, every language has exactly the messages and
//! placeholders English has, every message the code asks for exists, and every message
//! exists because the code asks for it.

use super::*;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use fluent_syntax::parser::parse;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each message id with the variables its value uses.
fn messages(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = match parse(source) {
        Ok(resource) => resource,
        Err((_, errors)) => panic!("a catalogue does not parse: {errors:?}"),
    };
    let mut found = BTreeMap::new();
    for entry in resource.body {
        match entry {
            Entry::Message(message) => {
                let mut vars = BTreeSet::new();
                if let Some(value) = &message.value {
                    variables(value, &mut vars);
                }
                assert!(
                    message.attributes.is_empty(),
                    "{}: the code reads values only",
                    message.id.name
                );
                let id = message.id.name.to_owned();
                assert!(found.insert(id.clone(), vars).is_none(), "{id} twice");
            }
            Entry::Junk { content } => panic!("junk in a catalogue: {content}"),
            _ => {}
        }
    }
    found
}

fn variables(pattern: &Pattern<&str>, into: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, into);
        }
    }
}

fn expression_variables(expression: &Expression<&str>, into: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(inline) => inline_variables(inline, into),
        Expression::Select { selector, variants } => {
            inline_variables(selector, into);
            for variant in variants {
                variables(&variant.value, into);
            }
        }
    }
}

fn inline_variables(inline: &InlineExpression<&str>, into: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            into.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, into),
        _ => {}
    }
}

#[test]
fn every_language_has_every_message_with_the_same_placeholders() {
    let english = messages(&SOURCES[0].join("\n"));
    assert!(english.len() > 50, "the English catalogue is nearly empty");
    for lang in [Lang::Fr, Lang::Es] {
        let other = messages(&SOURCES[index(lang)].join("\n"));
        let missing: Vec<_> = english
            .keys()
            .filter(|id| !other.contains_key(*id))
            .collect();
        let extra: Vec<_> = other
            .keys()
            .filter(|id| !english.contains_key(*id))
            .collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
        assert!(extra.is_empty(), "{lang:?} has unknown {extra:?}");
        for (id, vars) in &english {
            assert_eq!(&other[id], vars, "{lang:?} {id}: other placeholders");
        }
    }
}

#[test]
fn plural_forms_follow_each_language() {
    let one = Args::new().num("count", 1);
    let many = Args::new().num("count", 3);
    assert_eq!(
        text_with(Lang::En, msg!("time-minutes-ago"), &one),
        "1 min ago"
    );
    assert_eq!(
        text_with(Lang::Fr, msg!("time-days-ago"), &many),
        "il y a 3 jours"
    );
    assert_eq!(
        text_with(Lang::Es, msg!("time-days-ago"), &many),
        "hace 3 días"
    );
}

/// The ids the code names in calls (the first string literal of each `tr(`, `tr_with(`,
/// `text(lang` and `text_with(lang` call), with the file of the first, and every source
/// file's text (where an id may also be chosen by a `match` before the call).
fn code() -> (BTreeMap<String, String>, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut called = BTreeMap::new();
    let mut all = String::new();
    for dir in ["src", "core/src", "server/src"] {
        walk(&root.join(dir), &mut |path, source| {
            for id in called_ids(source) {
                called
                    .entry(id)
                    .or_insert_with(|| path.display().to_string());
            }
            all.push_str(source);
        });
    }
    (called, all)
}

fn walk(dir: &Path, visit: &mut dyn FnMut(&Path, &str)) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, visit);
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("tests.rs") {
            let source = std::fs::read_to_string(&path).unwrap_or_default();
            visit(&path, &source);
        }
    }
}

fn called_ids(source: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for call in ["tr(", "tr_with(", "text(", "text_with("] {
        for (at, _) in source.match_indices(call) {
            let before = source[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let rest = &source[at + call.len()..];
            let Some(open) = rest.find('"') else { continue };
            // The literal must be an argument of this call, not of a later statement.
            if open > 120 || rest[..open].contains([';', '{', '}']) {
                continue;
            }
            // `text(lang, "id")`: the catalogue's own calls name a language first, unlike other
            // functions that happen to share the name.
            let catalogue_call = call.starts_with("tr")
                || (rest[..open].to_lowercase().contains("lang")
                    && top_level_commas(&rest[..open]) == 1);
            let literal = &rest[open + 1..];
            if let (Some(close), true) = (literal.find('"'), catalogue_call) {
                ids.push(literal[..close].to_owned());
            }
        }
    }
    ids
}

/// Commas outside parentheses: the literal after one comma is the call's second argument.
fn top_level_commas(arguments: &str) -> usize {
    let mut depth = 0i32;
    let mut commas = 0;
    for c in arguments.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => commas += 1,
            _ => {}
        }
    }
    commas
}

#[test]
fn every_message_is_used_and_every_use_exists() {
    let english = messages(&SOURCES[0].join("\n"));
    let (called, sources) = code();
    let unknown: Vec<_> = called
        .iter()
        .filter(|(id, _)| !english.contains_key(*id))
        .collect();
    assert!(
        unknown.is_empty(),
        "asked for but not in en.ftl: {unknown:?}"
    );
    let unused: Vec<_> = english
        .keys()
        .filter(|id| !sources.contains(&format!("\"{id}\"")))
        .collect();
    assert!(
        unused.is_empty(),
        "in en.ftl but never asked for: {unused:?}"
    );
}
