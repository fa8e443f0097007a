//! The product's languages, and choosing one from what a browser or a request prefers.

use serde::{Deserialize, Serialize};

/// A language the product speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Fr,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Fr, Lang::Es];

    /// The BCP 47 tag (`lang` attributes, `Intl`, storage).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
        }
    }

    /// The language's name in itself, as a language menu shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Es => "Español",
        }
    }

    /// The language a tag names (`fr`, `fr-CA`, `ES_mx`), if the product speaks it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|lang| lang.tag() == primary)
    }

    /// The first language the product speaks among those preferred, most preferred first
    /// (`navigator.languages`); English when none is.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred
            .into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or_default()
    }

    /// The language an `Accept-Language` header prefers, weights respected
    /// (`es-MX,es;q=0.9,en;q=0.5`); English when it names none the product speaks.
    pub fn from_accept_language(header: &str) -> Lang {
        let mut ranked: Vec<(f32, usize, &str)> = header
            .split(',')
            .enumerate()
            .filter_map(|(order, part)| {
                let mut pieces = part.split(';');
                let tag = pieces.next()?.trim();
                let weight = pieces
                    .filter_map(|p| p.trim().strip_prefix("q="))
                    .find_map(|q| q.trim().parse::<f32>().ok())
                    .unwrap_or(1.0);
                (weight > 0.0 && !tag.is_empty()).then_some((weight, order, tag))
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        Lang::negotiate(ranked.into_iter().map(|(_, _, tag)| tag))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_spoken_preference_wins() {
        assert_eq!(Lang::negotiate(["de-DE", "fr-CA", "en"]), Lang::Fr);
        assert_eq!(Lang::negotiate(["ES_mx"]), Lang::Es);
        assert_eq!(Lang::negotiate(["de", "it"]), Lang::En);
        assert_eq!(Lang::negotiate([]), Lang::En);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn accept_language_weights_are_respected() {
        assert_eq!(
            Lang::from_accept_language("es-MX,es;q=0.9,en;q=0.5"),
            Lang::Es
        );
        assert_eq!(Lang::from_accept_language("en;q=0.2, fr;q=0.8"), Lang::Fr);
        assert_eq!(Lang::from_accept_language("fr;q=0, de"), Lang::En);
        assert_eq!(Lang::from_accept_language(""), Lang::En);
        assert_eq!(Lang::from_accept_language("*"), Lang::En);
    }
}
