//! The reader's language in the browser: the one they chose here before (remembered in
//! this browser), else the first of the browser's languages the product speaks, else
//! English. Views read their words through [`tr`] and [`tr_with`], which follow the
//! language, so switching it changes the words in place and loses nothing typed.
//! Dates and times are written by the browser's `Intl`, in the language and the browser's
//! time zone.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use switchboard_core::i18n::{text, text_with};
pub use switchboard_core::i18n::{Args, Lang, Msg, Say};

/// Where the chosen language is remembered.
const STORAGE_KEY: &str = "switchboard.lang";

/// The language of the page, shared through context.
#[derive(Clone, Copy, Debug)]
pub struct I18n(RwSignal<Lang>);

impl I18n {
    pub fn lang(self) -> Lang {
        self.0.get()
    }

    /// The language now, without following it (effects that must not run again when
    /// the reader switches language).
    pub fn lang_untracked(self) -> Lang {
        self.0.get_untracked()
    }

    /// Switches the page's language and remembers it for the next visit.
    pub fn set(self, lang: Lang) {
        crate::storage::write(STORAGE_KEY, lang.tag());
        self.0.set(lang);
    }
}

/// The language this browser should start in.
pub fn detect() -> Lang {
    if let Some(lang) = crate::storage::read(STORAGE_KEY).and_then(|t| Lang::from_tag(&t)) {
        return lang;
    }
    let languages = window().navigator().languages();
    let tags: Vec<String> = languages.iter().filter_map(|v| v.as_string()).collect();
    Lang::negotiate(tags.iter().map(String::as_str))
}

/// Provides the page's language (once, at the root) and keeps `<html lang>` in step,
/// so screen readers pronounce the words in the right language.
pub fn provide_i18n() -> I18n {
    let i18n = I18n(RwSignal::new(detect()));
    provide_context(i18n);
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", i18n.lang().tag());
        }
    });
    i18n
}

/// The page's language; a widget mounted on its own (its tests) gets the browser's.
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| I18n(RwSignal::new(detect())))
}

/// The page's language now, for code outside views (connectors, event handlers) that
/// writes a sentence once; views use [`tr`] so their words follow a switch.
pub fn lang_now() -> Lang {
    use_context::<I18n>()
        .map(|i18n| i18n.0.get_untracked())
        .unwrap_or_else(detect)
}

/// The message, following the page's language.
pub fn tr(msg: Msg) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || text(i18n.lang(), msg)
}

/// The message with arguments, both followed as they change.
pub fn tr_with<F>(msg: Msg, args: F) -> impl Fn() -> String + Copy + Send + Sync + 'static
where
    F: Fn() -> Args + Copy + Send + Sync + 'static,
{
    let i18n = use_i18n();
    move || text_with(i18n.lang(), msg, &args())
}

/// How long ago, in words, or the date when it is over a week ago.
pub fn relative(lang: Lang, now: DateTime<Utc>, then: DateTime<Utc>) -> String {
    let ago = switchboard_core::time::ago(now, then);
    ago.words(lang).unwrap_or_else(|| match ago {
        switchboard_core::time::Ago::OnDate { with_year: true } => {
            intl(lang, then, Style::DayMonthYear)
        }
        _ => intl(lang, then, Style::DayMonth),
    })
}

/// The full date and time, in the reader's language and time zone.
pub fn exact(lang: Lang, then: DateTime<Utc>) -> String {
    intl(lang, then, Style::Exact)
}

/// A time ahead, as a snooze's end: "Tue 8 Dec, 09:00", in the reader's time zone.
pub fn weekday_time(lang: Lang, then: DateTime<Utc>) -> String {
    intl(lang, then, Style::WeekdayTime)
}

/// The ways a date is written: each is one `Intl.DateTimeFormat` per language.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    DayMonth,
    DayMonthYear,
    Exact,
    WeekdayTime,
}

impl Style {
    fn options(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Style::DayMonth => &[("day", "numeric"), ("month", "short")],
            Style::DayMonthYear => &[("day", "numeric"), ("month", "short"), ("year", "numeric")],
            Style::Exact => &[("dateStyle", "medium"), ("timeStyle", "short")],
            Style::WeekdayTime => &[
                ("weekday", "short"),
                ("day", "numeric"),
                ("month", "short"),
                ("hour", "2-digit"),
                ("minute", "2-digit"),
            ],
        }
    }
}

thread_local! {
    /// Each formatter made once: making an `Intl.DateTimeFormat` costs far more than
    /// formatting with one, and a list or a long thread writes a date on every row.
    static FORMATS: std::cell::RefCell<Vec<(Lang, Style, js_sys::Function)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// `format` of `Intl.DateTimeFormat(lang, style's options)`, made on first use.
fn formatter(lang: Lang, style: Style) -> js_sys::Function {
    use leptos::wasm_bindgen::JsValue;
    FORMATS.with(|formats| {
        if let Some((_, _, format)) = formats
            .borrow()
            .iter()
            .find(|(l, s, _)| *l == lang && *s == style)
        {
            return format.clone();
        }
        let locales = js_sys::Array::of1(&JsValue::from_str(lang.tag()));
        let object = js_sys::Object::new();
        for (key, value) in style.options() {
            let _ = js_sys::Reflect::set(&object, &(*key).into(), &(*value).into());
        }
        let format = js_sys::Intl::DateTimeFormat::new(&locales, &object).format();
        formats.borrow_mut().push((lang, style, format.clone()));
        format
    })
}

/// `then` written in `lang` and the browser's time zone; the UTC form when the browser
/// has no `Intl` for it.
fn intl(lang: Lang, then: DateTime<Utc>, style: Style) -> String {
    use leptos::wasm_bindgen::JsValue;
    let date = js_sys::Date::new(&JsValue::from_f64(then.timestamp_millis() as f64));
    formatter(lang, style)
        .call1(&JsValue::UNDEFINED, &date)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| switchboard_core::time::exact(then))
}
