//! The compiled catalogue says what `fluent-bundle`, Project Fluent's reference resolver,
//! says: every message in every language, with each of its variables given numbers that
//! fall in each plural category, strings, each key a selection names, and
//! nothing at all. Every message has its constant, named by its id.

use super::*;
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use fluent_syntax::ast::{
    Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey,
};
use fluent_syntax::parser::parse;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Debug)]
enum Given {
    Num(i64),
    Str(String),
    Nothing,
}

const NUMBERS: [i64; 12] = [0, 1, 2, 3, 5, 11, 21, 100, 1_000_000, -1, -2, 1 << 40];

fn reference(lang: Lang) -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new(vec![lang.tag().parse().expect("a language tag")]);
    bundle.set_use_isolating(false);
    for source in SOURCES[index(lang)] {
        let resource = FluentResource::try_new(source.to_owned()).expect("the catalogue parses");
        bundle.add_resource(resource).expect("no message twice");
    }
    bundle
}

/// Each message's variables, with the string keys its selections name.
fn variables() -> BTreeMap<String, BTreeMap<String, BTreeSet<String>>> {
    let mut found = BTreeMap::new();
    for source in SOURCES.iter().flatten() {
        let resource = parse(*source).expect("the catalogue parses");
        for entry in resource.body {
            if let Entry::Message(message) = entry {
                let vars = found.entry(message.id.name.to_owned()).or_default();
                if let Some(value) = &message.value {
                    pattern_variables(value, vars);
                }
            }
        }
    }
    found
}

fn pattern_variables(pattern: &Pattern<&str>, into: &mut BTreeMap<String, BTreeSet<String>>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, into);
        }
    }
}

/// Variables anywhere in an expression, nested placeables (`{ { $x } }`) included.
fn expression_variables(
    expression: &Expression<&str>,
    into: &mut BTreeMap<String, BTreeSet<String>>,
) {
    match expression {
        Expression::Inline(InlineExpression::VariableReference { id }) => {
            into.entry(id.name.to_owned()).or_default();
        }
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            expression_variables(expression, into);
        }
        Expression::Select { selector, variants } => {
            if let InlineExpression::VariableReference { id } = selector {
                let keys = into.entry(id.name.to_owned()).or_default();
                for variant in variants {
                    if let VariantKey::Identifier { name } = &variant.key {
                        keys.insert((*name).to_owned());
                    }
                }
            }
            for variant in variants {
                pattern_variables(&variant.value, into);
            }
        }
        Expression::Inline(_) => {}
    }
}

fn candidates(keys: &BTreeSet<String>) -> Vec<Given> {
    let mut all: Vec<Given> = NUMBERS.iter().map(|n| Given::Num(*n)).collect();
    all.extend(keys.iter().map(|k| Given::Str(k.clone())));
    all.extend(["Zoë", "", "1"].map(|s| Given::Str(s.to_owned())));
    all.push(Given::Nothing);
    all
}

/// Every combination of the variables' candidates.
fn combinations(vars: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<(String, Given)>> {
    let mut all = vec![Vec::new()];
    for (name, keys) in vars {
        all = all
            .into_iter()
            .flat_map(|given: Vec<(String, Given)>| {
                candidates(keys).into_iter().map(move |value| {
                    let mut more = given.clone();
                    more.push((name.clone(), value));
                    more
                })
            })
            .collect();
    }
    all
}

#[test]
fn every_message_reads_as_fluent_bundle_reads_it() {
    let variables = variables();
    assert_eq!(ALL.len(), variables.len(), "one constant per message");
    let mut compared = 0;
    for lang in [Lang::En, Lang::Fr, Lang::Es] {
        let bundle = reference(lang);
        for msg in ALL {
            let (id, vars) = (msg.id(), &variables[msg.id()]);
            let pattern = bundle
                .get_message(id)
                .and_then(|m| m.value())
                .expect("every language has every message");
            for given in combinations(vars) {
                let mut ours = Args::new();
                let mut theirs = FluentArgs::new();
                for (name, value) in &given {
                    let name: &'static str = Box::leak(name.clone().into_boxed_str());
                    match value {
                        Given::Num(n) => {
                            ours = ours.num(name, *n);
                            theirs.set(name, FluentValue::from(*n as f64));
                        }
                        Given::Str(s) => {
                            ours = ours.str(name, s.clone());
                            theirs.set(name, FluentValue::from(s.clone()));
                        }
                        Given::Nothing => {}
                    }
                }
                let mut errors = Vec::new();
                let expected = bundle.format_pattern(pattern, Some(&theirs), &mut errors);
                assert_eq!(
                    text_with(lang, *msg, &ours),
                    expected,
                    "{lang:?} {id} with {given:?}"
                );
                compared += 1;
            }
        }
    }
    assert!(compared > 1000, "only {compared} comparisons");
}

#[test]
fn a_number_too_large_is_the_largest() {
    let huge = Args::new().num("count", u64::MAX);
    assert_eq!(
        text_with(Lang::En, msg!("time-days-ago"), &huge),
        format!("{} days ago", i64::MAX)
    );
}
