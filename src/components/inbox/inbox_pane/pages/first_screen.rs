//! When the first page's rows show: at once when every backend has answered, or, if one is
//! slow, what has come [`WAIT_FOR_THE_OTHERS`] after the first answer, then each answer as
//! it comes.
//!
//! Shown as each backend answered, a backend answering later with newer conversations put
//! them above rows already on screen: the list jumped under the agent's eyes and finger (on
//! a phone, the largest layout shift of the first load), and each answer drew the list,
//! its counts and the sidebar again. Backends usually answer within a moment of each other;
//! a vendor that hangs holds the others back no longer than the wait.

use crate::connectors::Inbox;
use leptos::prelude::set_timeout;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

/// How long the first answer waits for the others.
pub const WAIT_FOR_THE_OTHERS: Duration = Duration::from_millis(1_200);

/// What [`crate::connectors::load_inbox_as_it_comes`] is told as each backend answers: the
/// rows so far given to `show` as [`FirstScreen`] decides, the wait a timer.
pub fn shown_at_once(show: impl Fn(Inbox) + Clone + 'static) -> impl FnMut(&Inbox, usize) {
    let screen = Rc::new(RefCell::new(FirstScreen::default()));
    move |so_far, to_come| {
        let step = screen.borrow_mut().answer(so_far, to_come);
        match step {
            Step::Show => show(so_far.clone()),
            Step::Hold {
                start_waiting: true,
            } => {
                let (screen, show) = (screen.clone(), show.clone());
                let time_is_up = move || {
                    let held = screen.borrow_mut().time_is_up();
                    if let Some(held) = held {
                        show(held);
                    }
                };
                set_timeout(time_is_up, WAIT_FOR_THE_OTHERS);
            }
            Step::Hold { .. } => {}
        }
    }
}

/// What to do with an answer.
#[derive(Debug, PartialEq)]
pub enum Step {
    /// Show the rows so far.
    Show,
    /// Keep them for later; start the wait if this is the first answer.
    Hold { start_waiting: bool },
}

/// The first page's answers so far, held until they all have come or the wait is over.
#[derive(Default)]
pub struct FirstScreen {
    held: Option<Inbox>,
    waiting: bool,
    over: bool,
}

impl FirstScreen {
    /// One more backend answered: `so_far` is every answer merged, `to_come` how many are
    /// still to come.
    pub fn answer(&mut self, so_far: &Inbox, to_come: usize) -> Step {
        if self.over || to_come == 0 {
            self.over = true;
            self.held = None;
            return Step::Show;
        }
        self.held = Some(so_far.clone());
        let start_waiting = !self.waiting;
        self.waiting = true;
        Step::Hold { start_waiting }
    }

    /// The wait is over: what is held, to show now (nothing when all had come meanwhile);
    /// answers from now on show as they come.
    pub fn time_is_up(&mut self) -> Option<Inbox> {
        self.over = true;
        self.held.take()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An inbox told apart by how many answers it holds.
    fn answered(n: usize) -> Inbox {
        Inbox {
            unreadable: n,
            ..Default::default()
        }
    }

    #[test]
    fn answers_that_come_together_show_once_when_the_last_is_in() {
        let mut screen = FirstScreen::default();
        assert_eq!(
            screen.answer(&answered(1), 2),
            Step::Hold {
                start_waiting: true
            }
        );
        assert_eq!(
            screen.answer(&answered(2), 1),
            Step::Hold {
                start_waiting: false
            },
            "one wait for them all"
        );
        assert_eq!(screen.answer(&answered(3), 0), Step::Show);
        assert_eq!(
            screen.time_is_up(),
            None,
            "the wait ends with nothing left to show"
        );
    }

    #[test]
    fn a_slow_backend_holds_the_others_back_only_until_the_wait_is_over() {
        let mut screen = FirstScreen::default();
        screen.answer(&answered(1), 2);
        screen.answer(&answered(2), 1);
        assert_eq!(screen.time_is_up(), Some(answered(2)), "what came shows");
        assert_eq!(
            screen.answer(&answered(3), 0),
            Step::Show,
            "the slow one shows as it comes"
        );
    }

    #[test]
    fn after_the_wait_every_answer_shows_as_it_comes() {
        let mut screen = FirstScreen::default();
        screen.answer(&answered(1), 3);
        assert_eq!(screen.time_is_up(), Some(answered(1)));
        assert_eq!(screen.answer(&answered(2), 2), Step::Show);
        assert_eq!(screen.answer(&answered(3), 1), Step::Show);
    }

    #[test]
    fn a_single_backend_shows_at_once() {
        let mut screen = FirstScreen::default();
        assert_eq!(screen.answer(&answered(1), 0), Step::Show);
    }
}
