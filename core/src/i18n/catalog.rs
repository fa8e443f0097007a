//! The catalogue as compiled by `core/build.rs`, and the two ways to read a message: plain,
//! or with arguments.
//!
//! The build parses the Fluent files once, with Project Fluent's parser, and leaves the
//! pages only their words and this reader: no parser, resolver or locale data travels to a
//! phone, and nothing is parsed when a page starts. Each message is a constant named in
//! code by `msg!("its-id")`, so an unknown id does not compile and each bundle carries
//! only the messages its code names. What the reader does is what
//! `fluent-bundle` does for the catalogue's subset of Fluent (without isolation marks:
//! strangers' words are isolated where they are shown, `dir="auto"` and `<bdi>`);
//! `catalog/against_fluent.rs` checks every message against it.
//!
//! A message is one string, its text as written, with these marks:
//! - `\u{1}name\u{2}`: the variable `name`;
//! - `\u{3}name`, then per variant `\u{4}` (`*` for the default) `key` `\u{5}` its
//!   pattern, then `\u{6}`: a selection on the variable `name`. A key is a plural category
//!   (`one`, `other`…), a string, or `#` and a whole number.

use super::Lang;

include!(concat!(env!("OUT_DIR"), "/catalog.rs"));

const VAR: u8 = 1;
const END_NAME: u8 = 2;
const SELECT: u8 = 3;
const VARIANT: u8 = 4;
const BODY: u8 = 5;
const END_SELECT: u8 = 6;

/// Each language's Fluent files, in [`Lang::ALL`]'s order, for the catalogue's tests.
#[cfg(test)]
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

#[cfg(test)]
pub(crate) const SOURCES: [[&str; 4]; 3] = [sources!("en"), sources!("fr"), sources!("es")];

fn index(lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::Fr => 1,
        Lang::Es => 2,
    }
}

/// One message in every language, named in code by `msg!("its-id")`: a reference to its
/// static, so passing one around costs a pointer. Two are equal when they are one message
/// (one static), whatever their words.
#[derive(Clone, Copy, Debug)]
pub struct Msg(#[doc(hidden)] pub &'static Message);

impl PartialEq for Msg {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for Msg {}

/// A message's words, as the build compiled them; only `msg!` names one. Its id is kept
/// where it is read (tests, debug builds): a page needs only the words, and the ids of the
/// console's messages were kilobytes of its download.
#[derive(Debug)]
pub struct Message {
    #[cfg(any(test, debug_assertions))]
    id: &'static str,
    forms: [&'static str; 3],
}

impl Msg {
    /// The id the Fluent files give it.
    #[cfg(any(test, debug_assertions))]
    pub fn id(self) -> &'static str {
        self.0.id
    }
}

/// A message's arguments: numbers choose plural forms, strings fill placeholders.
#[derive(Clone, Debug, Default)]
pub struct Args(Vec<(&'static str, Value)>);

#[derive(Clone, Debug)]
enum Value {
    Num(i64),
    Str(String),
}

impl Args {
    pub fn new() -> Args {
        Args::default()
    }

    /// A count, a length, a position: the product only ever says whole numbers, so no
    /// float is ever printed (float printing weighs on the bundles).
    pub fn num(mut self, name: &'static str, value: impl TryInto<i64>) -> Args {
        let value = value.try_into().unwrap_or(i64::MAX);
        self.0.push((name, Value::Num(value)));
        self
    }

    pub fn str(mut self, name: &'static str, value: impl Into<String>) -> Args {
        self.0.push((name, Value::Str(value.into())));
        self
    }

    /// The last value given for `name`, as Fluent keeps the last one set.
    fn get(&self, name: &str) -> Option<&Value> {
        self.0
            .iter()
            .rev()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v)
    }
}

/// The message in `lang`.
pub fn text(lang: Lang, msg: Msg) -> String {
    text_with(lang, msg, &Args::default())
}

/// The message in `lang`, its placeholders filled from `args`.
pub fn text_with(lang: Lang, msg: Msg, args: &Args) -> String {
    let message = msg.0.forms[index(lang)];
    let mut out = String::with_capacity(message.len());
    Reader::new(message).pattern(&mut Writer {
        lang,
        args,
        out: Some(&mut out),
    });
    out
}

/// Where a pattern is written: `out` is `None` while passing over a variant not chosen.
struct Writer<'a> {
    lang: Lang,
    args: &'a Args,
    out: Option<&'a mut String>,
}

impl Writer<'_> {
    fn push(&mut self, text: &str) {
        if let Some(out) = self.out.as_deref_mut() {
            out.push_str(text);
        }
    }

    fn quiet(&self) -> Writer<'_> {
        Writer {
            lang: self.lang,
            args: self.args,
            out: None,
        }
    }
}

/// Reads one encoded message; the marks are ASCII, so every cut falls between characters.
struct Reader<'s> {
    s: &'s str,
    at: usize,
}

impl<'s> Reader<'s> {
    fn new(s: &'s str) -> Self {
        Reader { s, at: 0 }
    }

    fn peek(&self) -> Option<u8> {
        self.s.as_bytes().get(self.at).copied()
    }

    /// Up to (not past) the next mark in `stops`.
    fn until(&mut self, stops: &[u8]) -> &'s str {
        let start = self.at;
        while self.peek().is_some_and(|b| !stops.contains(&b)) {
            self.at += 1;
        }
        &self.s[start..self.at]
    }

    /// A pattern, up to the end of the message or of the variant it is the body of.
    fn pattern(&mut self, w: &mut Writer) {
        loop {
            let text = self.until(&[VAR, SELECT, VARIANT, END_SELECT]);
            w.push(text);
            match self.peek() {
                Some(VAR) => {
                    self.at += 1;
                    let name = self.until(&[END_NAME]);
                    self.at += 1;
                    self.variable(name, w);
                }
                Some(SELECT) => {
                    self.at += 1;
                    self.select(w);
                }
                _ => return,
            }
        }
    }

    fn variable(&self, name: &str, w: &mut Writer) {
        match w.args.get(name) {
            Some(Value::Str(s)) => w.push(s),
            Some(Value::Num(n)) => w.push(&n.to_string()),
            // As Fluent writes a missing variable.
            None => w.push(&format!("{{${name}}}")),
        }
    }

    /// Notes each variant's key and body, passing over them, then writes the chosen one.
    fn select(&mut self, w: &mut Writer) {
        let name = self.until(&[VARIANT]);
        let selector = w.args.get(name);
        let (mut chosen, mut default) = (None, None);
        while self.peek() == Some(VARIANT) {
            self.at += 1;
            let key = self.until(&[BODY]);
            self.at += 1;
            let (is_default, key) = match key.strip_prefix('*') {
                Some(key) => (true, key),
                None => (false, key),
            };
            if chosen.is_none() && matches(key, selector, w.lang) {
                chosen = Some(self.at);
            }
            if is_default {
                default = Some(self.at);
            }
            self.pattern(&mut w.quiet());
        }
        self.at += 1; // END_SELECT
        if let Some(body) = chosen.or(default) {
            Reader {
                s: self.s,
                at: body,
            }
            .pattern(w);
        }
    }
}

/// Whether a variant's key is the selector's: the same string, the same whole number, or
/// the number's plural category in the language. A missing variable matches no key.
fn matches(key: &str, selector: Option<&Value>, lang: Lang) -> bool {
    match selector {
        Some(Value::Str(s)) => !key.starts_with('#') && key == s,
        Some(Value::Num(n)) => match key.strip_prefix('#') {
            Some(literal) => literal.parse::<i64>().is_ok_and(|k| k == *n),
            None => key == plural(lang, *n),
        },
        None => false,
    }
}

/// The cardinal plural category of the whole number `n`, by the rules fluent-bundle 0.16
/// applies (intl_pluralrules 7, CLDR 37; later CLDR adds `many` for millions in French
/// and Spanish, which no message uses).
fn plural(lang: Lang, n: i64) -> &'static str {
    let one = match lang {
        Lang::En | Lang::Es => n.unsigned_abs() == 1,
        Lang::Fr => n.unsigned_abs() <= 1,
    };
    if one {
        "one"
    } else {
        "other"
    }
}

#[cfg(test)]
mod against_fluent;
#[cfg(test)]
mod tests;
