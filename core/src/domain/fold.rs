//! A word looked for in any case in a text as it is, without a lowered copy of the text.
//! The inbox's filter looks for each typed word in ten thousand rows on every keystroke:
//! a lowered copy of each row would cost a pass over every row on the first keystroke and,
//! at ten thousand rows, more than a megabyte for as long as the page is open. Here each
//! place the word's first letter is, in either case, is compared letter by letter.

/// One typed word, lowered once, to find in any number of texts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoldedWord {
    lowered: String,
    /// Whether the word is all ASCII: then a byte compare ignoring ASCII case finds it (a
    /// letter outside ASCII, such as the Kelvin sign, never stands for an ASCII one).
    ascii: bool,
    /// The first byte of the word's first letter, lowered and upper: every place the
    /// word can start in a text begins with one of them.
    leads: [u8; 2],
}

impl FoldedWord {
    /// The word to look for; `None` for an empty one (it is in every text).
    pub fn new(word: &str) -> Option<Self> {
        let lowered = word.to_lowercase();
        let first = lowered.chars().next()?;
        let upper = first.to_uppercase().next().unwrap_or(first);
        Some(Self {
            leads: [lead_byte(first), lead_byte(upper)],
            ascii: lowered.is_ascii(),
            lowered,
        })
    }

    /// Whether the word is in `text`, in any case ("égaré" is in "Colis ÉGARÉ").
    pub fn is_in(&self, text: &str) -> bool {
        if self.ascii {
            self.is_in_bytes(text.as_bytes())
        } else {
            self.is_in_letters(text)
        }
    }

    /// An ASCII word: looked for at each place its first byte is, in either case, then
    /// compared byte by byte. A row's texts are short, so a plain pass costs less than a
    /// search's set-up on each of them.
    fn is_in_bytes(&self, text: &[u8]) -> bool {
        let word = self.lowered.as_bytes();
        let [lower, upper] = self.leads;
        // Never empty (`new`), so `windows` has a size.
        text.windows(word.len()).any(|there| {
            matches!(there.first(), Some(&b) if b == lower || b == upper)
                && there.eq_ignore_ascii_case(word)
        })
    }

    /// Any other word: found by its first letter's first byte in either case, then
    /// compared letter by letter lowered.
    fn is_in_letters(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        let [lower, upper] = self.leads;
        let mut from = 0;
        while let Some(found) = bytes
            .get(from..)
            .and_then(|rest| memchr::memchr2(lower, upper, rest))
        {
            let at = from + found;
            // A lead byte always starts a letter, so `at` is a boundary; `get` keeps that
            // a check rather than a promise.
            if text.get(at..).is_some_and(|rest| self.starts(rest)) {
                return true;
            }
            from = at + 1;
        }
        false
    }

    /// Whether `other` is part of this word ("ques" of "question"): where this word is,
    /// `other` is too.
    pub fn contains(&self, other: &FoldedWord) -> bool {
        self.lowered.contains(other.lowered.as_str())
    }

    /// Whether `text`, lowered letter by letter, begins with the word.
    fn starts(&self, text: &str) -> bool {
        let mut lowered = text.chars().flat_map(char::to_lowercase);
        self.lowered.chars().all(|c| lowered.next() == Some(c))
    }
}

/// The first byte of a letter written in UTF-8.
fn lead_byte(c: char) -> u8 {
    let mut buf = [0; 4];
    c.encode_utf8(&mut buf).as_bytes()[0]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(w: &str) -> FoldedWord {
        FoldedWord::new(w).expect("a word")
    }

    #[test]
    fn a_word_is_found_in_any_case_accents_included() {
        assert!(word("égaré").is_in("Colis ÉGARÉ à Lyon"));
        assert!(word("ÉGARÉ").is_in("colis égaré"));
        assert!(word("lyon").is_in("Colis ÉGARÉ à LYON"));
        assert!(word("garnier").is_in("Léa Garnier"));
        assert!(word("straße").is_in("STRAßE 4"));
        assert!(word("σοφία").is_in("ΣΟΦΊΑ"));
        assert!(word("77").is_in("Question 77"));
        assert!(word("n°10").is_in("COLIS N°107"));
        assert!(word("x@y").is_in("mail: X@Y"));
    }

    #[test]
    fn an_ascii_word_is_found_at_the_very_end_and_never_past_it() {
        assert!(word("end").is_in("the END"));
        assert!(word("end").is_in("END"));
        assert!(!word("ends").is_in("the END"));
        assert!(!word("abc").is_in("ab"));
    }

    #[test]
    fn a_word_is_not_found_where_only_its_start_is() {
        assert!(!word("lyonnais").is_in("Lyon"));
        assert!(!word("paris").is_in("Colis égaré à Lyon"));
        assert!(!word("égaré").is_in("egare"));
        assert!(!word("x").is_in(""));
    }

    #[test]
    fn a_later_place_is_tried_when_an_earlier_one_falls_short() {
        assert!(word("question").is_in("Quest? no: QUESTION 77"));
        assert!(word("aab").is_in("aaab"));
    }

    #[test]
    fn a_longer_word_holds_the_words_it_extends() {
        assert!(word("question").contains(&word("QUES")));
        assert!(word("question").contains(&word("question")));
        assert!(!word("ques").contains(&word("question")));
    }

    #[test]
    fn an_empty_word_is_no_word() {
        assert_eq!(FoldedWord::new(""), None);
    }

    #[test]
    fn it_agrees_with_lowering_the_whole_text() {
        let texts = [
            "Commande n°4512 — Livraison RETARDÉE",
            "ÑANDÚ Ärger über Öl",
            "Ça va? İstanbul",
            "question 77 / Question 78",
        ];
        let words = [
            "livraison",
            "ñandú",
            "über",
            "ça",
            "retardée",
            "78",
            "n°45",
            "öl",
        ];
        for text in texts {
            for w in words {
                assert_eq!(
                    word(w).is_in(text),
                    text.to_lowercase().contains(&w.to_lowercase()),
                    "{w} in {text}"
                );
            }
        }
    }
}
