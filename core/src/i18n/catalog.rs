//! The embedded Fluent files, parsed once per language on first use, and the two ways to
//! read a message: plain, or with arguments.

use super::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

/// Each language's catalogue, in [`Lang::ALL`]'s order: one file per part of the product,
/// so the words of each part are found (and translated) together.
macro_rules! sources {
    ($lang:literal) => {
        [
            include_str!(concat!("../../locales/", $lang, "/main.ftl")),
            include_str!(concat!("../../locales/", $lang, "/inbox.ftl")),
            include_str!(concat!("../../locales/", $lang, "/conversation.ftl")),
            include_str!(concat!("../../locales/", $lang, "/backends.ftl")),
        ]
    };
}

pub(crate) const SOURCES: [[&str; 4]; 3] = [sources!("en"), sources!("fr"), sources!("es")];

type Bundle = FluentBundle<FluentResource>;

static BUNDLES: [OnceLock<Bundle>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];

fn index(lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::Fr => 1,
        Lang::Es => 2,
    }
}

fn bundle(lang: Lang) -> &'static Bundle {
    BUNDLES[index(lang)].get_or_init(|| build(lang))
}

/// One language's bundle. A file that does not parse keeps the messages that do (the
/// catalogue's tests fail on any error, so none reaches a build).
pub(crate) fn build(lang: Lang) -> Bundle {
    let id = lang.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Strangers' words are isolated where they are shown (`dir="auto"`, `<bdi>`); marks
    // inside sentences would only reach copied text and the tests' eyes.
    bundle.set_use_isolating(false);
    for source in SOURCES[index(lang)] {
        let resource = match FluentResource::try_new(source.to_owned()) {
            Ok(resource) => resource,
            Err((resource, _errors)) => resource,
        };
        // Duplicates are reported by the tests; the first definition stays.
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// A message's arguments: numbers choose plural forms, strings fill placeholders.
#[derive(Default)]
pub struct Args(FluentArgs<'static>);

impl Args {
    pub fn new() -> Args {
        Args::default()
    }

    pub fn num(mut self, name: &'static str, value: impl Into<f64>) -> Args {
        self.0.set(name, FluentValue::from(value.into()));
        self
    }

    pub fn str(mut self, name: &'static str, value: impl Into<String>) -> Args {
        self.0.set(name, FluentValue::from(value.into()));
        self
    }
}

/// The message `id` in `lang`.
pub fn text(lang: Lang, id: &str) -> String {
    format(lang, id, None)
}

/// The message `id` in `lang`, its placeholders filled from `args`.
pub fn text_with(lang: Lang, id: &str, args: &Args) -> String {
    format(lang, id, Some(&args.0))
}

fn format(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    let found = bundle(lang).get_message(id).and_then(|m| m.value());
    let (bundle, pattern) = match found {
        Some(pattern) => (bundle(lang), pattern),
        None => match bundle(Lang::En).get_message(id).and_then(|m| m.value()) {
            Some(pattern) => (bundle(Lang::En), pattern),
            // Never a panic and never an empty place: the id says what is missing.
            None => return id.to_owned(),
        },
    };
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, args, &mut errors)
        .into_owned()
}

#[cfg(test)]
mod tests;
