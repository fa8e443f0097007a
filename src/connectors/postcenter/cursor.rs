//! Where the PostCenter connector stands in its lists, and the ticket numbers agents type:
//! "All" walks each channel's pages of 100 a slice at a time, with no gap and no repeat.

use super::CHANNELS;
use switchboard_core::domain::Cursor;
use switchboard_core::error::ApiError;

/// Where "All" stands: the channel's index in [`CHANNELS`], PostCenter's `next` for the
/// page (none for a channel's first) and the offset in that page, written
/// `index:offset:next` (`2:0:` at the start of the third channel).
#[derive(Debug, PartialEq, Eq)]
pub struct ChannelCursor {
    pub channel: usize,
    pub offset: usize,
    pub next: Option<String>,
}

impl ChannelCursor {
    pub fn read(after: Option<&Cursor>) -> Result<ChannelCursor, ApiError> {
        let Some(cursor) = after else {
            return Ok(ChannelCursor {
                channel: 0,
                offset: 0,
                next: None,
            });
        };
        let mut parts = cursor.0.splitn(3, ':');
        let mut number = || parts.next().and_then(|p| p.parse::<usize>().ok());
        let (channel, offset) = (number(), number());
        let next = parts.next();
        match (channel, offset, next) {
            (Some(channel), Some(offset), Some(next)) if channel < CHANNELS.len() => {
                Ok(ChannelCursor {
                    channel,
                    offset,
                    next: Some(next.to_owned()).filter(|n| !n.is_empty()),
                })
            }
            _ => Err(ApiError::malformed(
                "a list cursor this connector did not make",
            )),
        }
    }

    pub fn write(&self) -> Cursor {
        let next = self.next.as_deref().unwrap_or_default();
        Cursor(format!("{}:{}:{next}", self.channel, self.offset))
    }

    /// Further in the same page.
    pub fn at_offset(&self, offset: usize) -> ChannelCursor {
        ChannelCursor {
            channel: self.channel,
            offset,
            next: self.next.clone(),
        }
    }

    /// After a page: PostCenter's next page of this channel, else the next channel's first.
    pub fn after(channel: usize, next_page: Option<String>) -> Option<ChannelCursor> {
        match next_page.filter(|n| !n.is_empty()) {
            Some(next) => Some(ChannelCursor {
                channel,
                offset: 0,
                next: Some(next),
            }),
            None => (channel + 1 < CHANNELS.len()).then_some(ChannelCursor {
                channel: channel + 1,
                offset: 0,
                next: None,
            }),
        }
    }
}

/// A ticket number as an agent may type it: `261`, `#261`, ` 261 `; `None` for anything
/// that is not one (the caller says why, in the reader's language).
pub fn ticket_number(raw: &str) -> Option<String> {
    let digits = raw.trim().trim_start_matches('#').trim();
    if digits.is_empty() || digits.len() > 12 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number = digits.trim_start_matches('0');
    Some(if number.is_empty() { "0" } else { number }.to_owned())
}

#[cfg(test)]
mod number_tests {
    use super::*;

    #[test]
    fn ticket_numbers_are_read_as_agents_type_them() {
        assert_eq!(ticket_number("261").as_deref(), Some("261"));
        assert_eq!(ticket_number(" #261 ").as_deref(), Some("261"));
        assert_eq!(ticket_number("0261").as_deref(), Some("261"));
        assert!(ticket_number("26a").is_none());
        assert!(ticket_number("").is_none());
        assert!(ticket_number("../261").is_none());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_channel_cursor_walks_each_page_then_each_channel() {
        let start = ChannelCursor::read(None).unwrap();
        assert_eq!(
            (start.channel, start.offset, start.next.clone()),
            (0, 0, None)
        );
        let within = ChannelCursor::read(Some(&start.at_offset(20).write())).unwrap();
        assert_eq!((within.channel, within.offset), (0, 20));
        let next = ChannelCursor::after(0, Some("abc".into())).unwrap().write();
        let next = ChannelCursor::read(Some(&next)).unwrap();
        assert_eq!(
            (next.channel, next.offset, next.next.as_deref()),
            (0, 0, Some("abc"))
        );
        let second = ChannelCursor::after(0, None).unwrap();
        assert_eq!((second.channel, second.next), (1, None));
        assert!(ChannelCursor::after(CHANNELS.len() - 1, None).is_none());
        assert!(ChannelCursor::read(Some(&Cursor("9:0:x".into()))).is_err());
        assert!(ChannelCursor::read(Some(&Cursor("12".into()))).is_err());
    }
}
