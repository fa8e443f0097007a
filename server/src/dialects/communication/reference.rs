//! The short reference of a contact-us message: `C-` then 8 characters of Crockford's
//! base32 (digits and capitals without I, L, O, U, so nothing reads as another), 40 random
//! bits. The customer's confirmation shows it as the contact message's `id`; the agent
//! sees the same text as the conversation's `tripReference`, and can search for it.

use uuid::Uuid;

/// What every contact reference starts with.
pub const PREFIX: &str = "C-";
/// Crockford's base32: no look-alikes (I, L, O) and no U.
pub const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Characters after the prefix: 8 of 5 bits each.
pub const LENGTH: usize = 8;
/// How many fresh references are drawn before giving up on a free one (with 2^40 of them,
/// a second draw is already rare).
pub const ATTEMPTS: usize = 8;

/// The reference the low 40 bits of `bits` spell, most significant first.
pub fn from_bits(bits: u64) -> String {
    let mut reference = String::with_capacity(PREFIX.len() + LENGTH);
    reference.push_str(PREFIX);
    for k in (0..LENGTH).rev() {
        let index = (bits >> (5 * k)) & 0x1f;
        reference.push(char::from(ALPHABET[index as usize]));
    }
    reference
}

/// A random reference: the first 40 bits of a v4 UUID, which are all random.
pub fn random() -> String {
    let b = Uuid::new_v4().into_bytes();
    from_bits(u64::from_be_bytes([0, 0, 0, b[0], b[1], b[2], b[3], b[4]]))
}

/// Whether `text` is a reference as the server writes it.
pub fn is_reference(text: &str) -> bool {
    text.strip_prefix(PREFIX).is_some_and(|rest| {
        rest.len() == LENGTH && rest.bytes().all(|byte| ALPHABET.contains(&byte))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bits_spell_the_reference_most_significant_first() {
        assert_eq!(from_bits(0), "C-00000000");
        assert_eq!(from_bits((1 << 40) - 1), "C-ZZZZZZZZ");
        assert_eq!(from_bits(31 << 35 | 1), "C-Z0000001");
        // Only the low 40 bits count.
        assert_eq!(from_bits(1 << 40), "C-00000000");
    }

    #[test]
    fn random_references_are_well_formed_and_differ() {
        let references: std::collections::HashSet<String> = (0..200).map(|_| random()).collect();
        assert_eq!(references.len(), 200);
        assert!(references.iter().all(|r| is_reference(r)), "{references:?}");
    }

    #[test]
    fn the_form_is_checked_exactly() {
        assert!(is_reference("C-4QK7M2XD"));
        for wrong in [
            "C-4QK7M2X",
            "C-4QK7M2XDD",
            "c-4QK7M2XD",
            "C-4QK7M2XO",
            "C-4qk7m2xd",
            "CONTACT-1",
        ] {
            assert!(!is_reference(wrong), "{wrong}");
        }
    }
}
