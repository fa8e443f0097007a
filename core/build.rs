//! Compiles the Fluent catalogue (`locales/<lang>/<part>.ftl`) at build time into one
//! static per message and the `msg!` macro that names them, so neither the console nor the
//! contact page carries a Fluent parser, resolver and locale machinery, nor parses the
//! files when a page starts: they carry the words their code names and a small reader of
//! them (`src/i18n/catalog.rs`, where the encoding is described).
//!
//! The files are parsed here with `fluent-syntax`, Project Fluent's own parser. What the
//! catalogue uses is supported (text, variables, selections on a variable by plural
//! category, number or string); anything else (terms, functions, attributes) stops the
//! build with the file and message named, as does a file that does not parse. A test
//! (`src/i18n/catalog/against_fluent.rs`) checks every message in every language against
//! `fluent-bundle`, the reference resolver, with many arguments.

use fluent_syntax::ast::{
    Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey,
};
use fluent_syntax::parser::parse;
use std::collections::BTreeMap;
use std::path::Path;

/// In `Lang::ALL`'s order.
const LANGS: [&str; 3] = ["en", "fr", "es"];
/// One file per part of the product.
const PARTS: [&str; 4] = ["main", "inbox", "conversation", "backends"];

// The encoding's marks; `src/i18n/compiled.rs` reads them.
const VAR: char = '\u{1}';
const END_NAME: char = '\u{2}';
const SELECT: char = '\u{3}';
const VARIANT: char = '\u{4}';
const BODY: char = '\u{5}';
const END_SELECT: char = '\u{6}';

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut languages = Vec::new();
    for lang in LANGS {
        let mut messages = BTreeMap::new();
        for part in PARTS {
            let path = root.join(lang).join(format!("{part}.ftl"));
            println!("cargo:rerun-if-changed={}", path.display());
            let source = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            compile_file(&path, &source, &mut messages);
        }
        languages.push(messages);
    }
    // Build time, not the page: a panic here stops the build with its reason, which is
    // what a missing OUT_DIR (cargo always sets it) or a full disk should do.
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("catalog.rs");
    std::fs::write(&out, generate(&languages)).expect("OUT_DIR is writable");
}

fn compile_file(path: &Path, source: &str, into: &mut BTreeMap<String, String>) {
    let resource = match parse(source) {
        Ok(resource) => resource,
        Err((_, errors)) => panic!("{} does not parse: {errors:?}", path.display()),
    };
    for entry in resource.body {
        match entry {
            Entry::Message(message) => {
                let id = message.id.name;
                let at = || format!("{}: {id}", path.display());
                assert!(
                    message.attributes.is_empty(),
                    "{}: attributes are not read",
                    at()
                );
                let value = message
                    .value
                    .unwrap_or_else(|| panic!("{}: no value", at()));
                let mut encoded = String::new();
                pattern(&value, &mut encoded, &at);
                assert!(
                    into.insert(id.to_owned(), encoded).is_none(),
                    "{} twice",
                    at()
                );
            }
            Entry::Term(term) => panic!(
                "{}: -{}: terms are not supported",
                path.display(),
                term.id.name
            ),
            Entry::Junk { content } => panic!("{}: junk: {content}", path.display()),
            Entry::Comment(_) | Entry::GroupComment(_) | Entry::ResourceComment(_) => {}
        }
    }
}

fn pattern(pattern: &Pattern<&str>, out: &mut String, at: &dyn Fn() -> String) {
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => text(value, out, at),
            PatternElement::Placeable { expression } => self::expression(expression, out, at),
        }
    }
}

fn text(value: &str, out: &mut String, at: &dyn Fn() -> String) {
    assert!(
        !value.chars().any(|c| ('\u{1}'..='\u{7}').contains(&c)),
        "{}: control characters U+0001..U+0007 are the compiled catalogue's marks",
        at()
    );
    out.push_str(value);
}

fn expression(expression: &Expression<&str>, out: &mut String, at: &dyn Fn() -> String) {
    match expression {
        Expression::Inline(inline) => self::inline(inline, out, at),
        Expression::Select { selector, variants } => {
            let InlineExpression::VariableReference { id } = selector else {
                panic!("{}: only a variable can be selected on", at());
            };
            out.push(SELECT);
            out.push_str(name(id.name, at));
            for variant in variants {
                out.push(VARIANT);
                if variant.default {
                    out.push('*');
                }
                match &variant.key {
                    VariantKey::Identifier { name } => out.push_str(self::name(name, at)),
                    VariantKey::NumberLiteral { value } => {
                        assert!(!value.contains('.'), "{}: keys are whole numbers", at());
                        out.push('#');
                        out.push_str(value);
                    }
                }
                out.push(BODY);
                pattern(&variant.value, out, at);
            }
            out.push(END_SELECT);
        }
    }
}

fn inline(inline: &InlineExpression<&str>, out: &mut String, at: &dyn Fn() -> String) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.push(VAR);
            out.push_str(name(id.name, at));
            out.push(END_NAME);
        }
        InlineExpression::StringLiteral { value } => text(
            &fluent_syntax::unicode::unescape_unicode_to_string(value),
            out,
            at,
        ),
        InlineExpression::NumberLiteral { value } => text(value, out, at),
        InlineExpression::Placeable { expression } => self::expression(expression, out, at),
        _ => panic!(
            "{}: only variables and literals are supported in placeables",
            at()
        ),
    }
}

fn name<'a>(name: &'a str, at: &dyn Fn() -> String) -> &'a str {
    assert!(
        !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
        "{}: unexpected name {name:?}",
        at()
    );
    name
}

/// One static per message (`CONTACT_SEND` for `contact-send`) holding its three
/// languages, and `msg!("contact-send")`, a reference to it: an id the catalogue lacks is
/// a compile error, and a bundle carries only the messages its code names (the contact
/// page is not weighed down by the console's words). A message a language lacks holds
/// English's words there.
fn generate(languages: &[BTreeMap<String, String>]) -> String {
    let mut consts = String::new();
    let mut arms = String::new();
    let mut all = String::new();
    let mut names = std::collections::BTreeSet::new();
    for (id, english) in &languages[0] {
        let name = id.to_uppercase().replace('-', "_");
        assert!(
            names.insert(name.clone()),
            "{id}: another message's id also makes the static {name}"
        );
        let forms: Vec<&String> = languages
            .iter()
            .map(|messages| messages.get(id).unwrap_or(english))
            .collect();
        consts.push_str(&format!(
            "pub static {name}: Message = Message {{ #[cfg(any(test, debug_assertions))] id: {id:?}, forms: {forms:?} }};\n"
        ));
        arms.push_str(&format!(
            "    ({id:?}) => {{ $crate::i18n::Msg(&$crate::i18n::messages::{name}) }};\n"
        ));
        all.push_str(&format!("Msg(&messages::{name}), "));
    }
    format!(
        "// Generated by core/build.rs from core/locales; do not edit.\n\
         pub mod messages {{\n    use super::Message;\n{consts}}}\n\
         /// The message with this id, checked when the code is compiled.\n\
         #[macro_export]\nmacro_rules! msg {{\n{arms}}}\n\
         /// Every message, for the catalogue's tests.\n\
         #[cfg(test)]\npub(crate) const ALL: &[Msg] = &[{all}];\n"
    )
}
