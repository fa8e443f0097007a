//! Who receives a reply, where the backend lets the agent choose (Octopia): the customer by
//! default, as agents expect, the others one click away. Apart so the default and the
//! toggling can be tested without a browser.

use crate::i18n::tr;
use leptos::prelude::*;
use switchboard_core::domain::Recipient;

/// The recipients chosen, set to the default each time the offer changes.
pub(super) fn use_default_recipients(offered: Signal<Vec<Recipient>>) -> RwSignal<Vec<Recipient>> {
    let chosen = RwSignal::new(Vec::<Recipient>::new());
    Effect::new(move |_| chosen.set(default_recipients(offered.get())));
    chosen
}

/// The customer (all who have that role); where none is offered, the first one offered.
fn default_recipients(offered: Vec<Recipient>) -> Vec<Recipient> {
    let customer: Vec<_> = offered
        .iter()
        .filter(|r| r.role == "Customer")
        .cloned()
        .collect();
    if customer.is_empty() {
        offered.into_iter().take(1).collect()
    } else {
        customer
    }
}

/// Adds `recipient` to the chosen, or takes them out if they were in.
fn toggle(chosen: &mut Vec<Recipient>, recipient: &Recipient) {
    match chosen.iter().position(|r| r == recipient) {
        Some(at) => {
            chosen.remove(at);
        }
        None => chosen.push(recipient.clone()),
    }
}

/// One checkbox per eligible recipient; nothing at all where the backend decides alone.
#[component]
pub(super) fn RecipientChoice(
    offered: Signal<Vec<Recipient>>,
    chosen: RwSignal<Vec<Recipient>>,
) -> impl IntoView {
    move || {
        let offered = offered.get();
        (!offered.is_empty()).then(|| {
            let boxes = offered
                .into_iter()
                .map(|recipient| {
                    let checked = {
                        let recipient = recipient.clone();
                        move || chosen.with(|c| c.contains(&recipient))
                    };
                    let toggle = {
                        let recipient = recipient.clone();
                        move |_| chosen.update(|c| toggle(c, &recipient))
                    };
                    view! {
                        <label class="recipient" data-testid=format!("recipient-{}", recipient.role)>
                            <input type="checkbox" prop:checked=checked on:change=toggle />
                            {recipient.label.clone()}
                        </label>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="recipients" data-testid="recipients">
                    <legend>{tr(msg!("reply-send-to"))}</legend>
                    {boxes}
                </fieldset>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recipient(id: &str, role: &str) -> Recipient {
        Recipient {
            id: id.to_owned(),
            role: role.to_owned(),
            label: format!("{role} · {id}"),
        }
    }

    #[test]
    fn the_customer_is_chosen_by_default_when_offered() {
        let (seller, customer) = (recipient("s", "Seller"), recipient("c", "Customer"));
        let chosen = default_recipients(vec![seller, customer.clone()]);
        assert_eq!(chosen, vec![customer]);
    }

    #[test]
    fn without_a_customer_the_first_offered_is_chosen_and_nobody_when_none_is_offered() {
        let (seller, operator) = (recipient("s", "Seller"), recipient("o", "CustomerService"));
        assert_eq!(
            default_recipients(vec![seller.clone(), operator]),
            vec![seller]
        );
        assert!(default_recipients(Vec::new()).is_empty());
    }

    #[test]
    fn toggling_adds_a_recipient_not_chosen_and_removes_one_chosen() {
        let (seller, customer) = (recipient("s", "Seller"), recipient("c", "Customer"));
        let mut chosen = vec![customer.clone()];
        toggle(&mut chosen, &seller);
        assert_eq!(chosen, vec![customer.clone(), seller.clone()]);
        toggle(&mut chosen, &customer);
        assert_eq!(chosen, vec![seller]);
    }
}
