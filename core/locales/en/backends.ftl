# backends: what each backend adds: follows, session facts, and the connectors' refusals

## Following items on the backends that cannot list ($by: case-guid, order-id, or id when a backend does not say)

follow-backend-label = Backend to follow an item on
follow-backend-option = { $by ->
    [case-guid] Case guid ({ $backend })
    [order-id] Order id ({ $backend })
   *[other] Id ({ $backend })
}
follow-id-label = Id to follow
follow-id-placeholder = { $by ->
    [case-guid] Follow by case guid
    [order-id] Follow by order id
   *[other] Follow by id
}
follow-button = Follow
follow-checking = Checking…
follow-unknown-item = { $by ->
    [case-guid] The backend knows no item with this case guid.
    [order-id] The backend knows no item with this order id.
   *[other] The backend knows no item with this id.
}
follow-item-forbidden = This item belongs to someone else: the backend refuses it.
follow-not-followed = Not followed: { $reason }
follow-not-opened = Not opened: { $reason }
follow-open-it = Open it: { $item }
follow-stop = Stop following
follow-still-followed = Still followed: { $reason }

## A support session's facts: the callback phone and the order's agent

session-callback-phone = Callback phone
session-callback-phone-save = Save phone
session-callback-phone-now = Callback phone is now { $phone }.
session-callback-phone-removed = Callback phone removed.
session-performer-label = Order's agent
session-performer-placeholder = Driver, courier or doctor id
session-rating-label = Rating
session-rating-placeholder = 4.5, or gte 4.5 && lte 5
session-performer-set = Set agent
session-performer-change = Change agent
session-performer-remove = Remove agent
session-performer-now = Agent { $id } set.
session-performer-removed = Agent removed.
session-facts-not-changed = Not changed: { $reason }

## What any backend may be unable to do

connector-cannot-keep-read-state = This backend does not keep a read state.
connector-cannot-keep-callback-phone = This backend does not keep a callback phone.
connector-cannot-keep-performer = This backend does not keep an order's performer.
connector-cannot-start-items = This backend does not start new items.
connector-cannot-find-by-number = This backend does not find items by a number agents see.
connector-cannot-suggest-agent = This backend does not suggest an agent.
connector-cannot-reassign = This backend does not reassign on its own.
connector-cannot-take-contact-messages = This backend does not take contact messages.
connector-cannot-follow-up = This backend does not give customers a follow-up link.
connector-no-replies = This backend does not accept replies.

## Sending files: what went wrong before the server answered

connector-message-not-prepared = the message could not be prepared
connector-file-not-prepared = a file could not be prepared
connector-file-unreadable = { $name } could not be read
connector-upload-not-started = the upload could not start
connector-upload-failed = the upload failed

## Case messages

case-guid-shape = A case guid has 32 hexadecimal digits in groups of 8-4-4-4-12, like 1e0abcb7-b94c-4072-a9c0-37072a1ef015.
case-cannot-change-status = This backend does not open or close cases: they live in the provider's case system.
case-cannot-mark-unread = This backend does not mark a confirmed message unread.
# One message left unconfirmed ($id: its number; $reason: one of the two below, or the API's own words).
case-not-confirmed-message = message { $id }: { $reason }
case-confirm-not-found = not found (most likely deleted)
case-confirm-no-access = no access to its case
# $list: the messages above, separated by semicolons.
case-some-not-confirmed = Some messages were not confirmed read ({ $list }); the others were.

## Support sessions

session-no-messages = A support session has no messages: the support management API keeps an order's callback phone and agent, not a conversation. Its facts and the changes made through Switchboard are shown instead.
session-open-for-order = Open a support session for this order: { $item }
session-order-id-shape = An order id has 1 to { $max } characters, without line breaks.
session-performer-id-length = The agent's id needs 1 to { $max } characters.
# $phone: the number, or session-no-callback-phone; $agent: the agent's id (with their rating), or session-no-performer.
session-changed-meanwhile = Someone changed this support session since you read it: the callback phone is now { $phone }, the order's agent is { $agent }. Nothing was changed by your request.
session-no-callback-phone = none
session-no-performer = no one
session-cannot-reply = This backend does not take replies: a support session has no messages.
session-cannot-assign = This backend does not assign one of Switchboard's agents: a session's agent is the order's.
session-cannot-archive = This backend does not archive a session.

## Octopia

# Why Octopia has nothing in a view, after "<backend> has none in this view:".
octopia-none-archived = its discussions are open or closed, never archived
octopia-cannot-archive = Octopia discussions cannot be archived.
octopia-discussions-to-treat = Discussions to treat
octopia-claims-to-treat = Claims to treat

## PostCenter

# What PostCenter cannot filter itself, after "<backend> cannot filter by".
postcenter-filtered-unassigned = unassigned (PostCenter lists every ticket)
kept-filtered-unassigned = unassigned (Switchboard keeps these assignees; the backend lists every conversation)
postcenter-no-replies = PostCenter's API has no way to reply to a ticket: answer it in PostCenter.
postcenter-cannot-reply = This backend does not take replies: answer the ticket in PostCenter.
postcenter-cannot-assign = This backend does not assign a chosen agent: ask PostCenter to reassign instead.
postcenter-only-close = This backend does not reopen or archive tickets: only close them.
postcenter-ticket-number = Ticket number
postcenter-ticket-number-shape = A ticket number is digits only, as PostCenter shows it (for example 261).
postcenter-open-ticket = Open #{ $number } in PostCenter

## Case messages and support sessions: backend values

# A case as the console names it ($id: its caseId), and the status of a case without messages.
case-name = Case { $id }
case-no-messages = No messages
# A case message's type (the reply box's choices, the thread's badge).
case-type-service-comment = Service comment
case-type-customer-center-reply = Customer centre reply
case-type-cost-proposal-reject-rur = Cost proposal rejected: return unrepaired
case-type-cost-proposal-reject-scrap = Cost proposal rejected: scrap
case-type-status-request = Status request
case-type-spare-parts = Spare parts
case-type-reminder = Reminder
case-type-cost-proposal = Cost proposal
case-type-shipment = Shipment
case-type-forwarding = Forwarding
# Who sent a case message: the partner is this console's side, the provider the repairer, the system the platform.
case-sender-partner = Service partner
case-sender-provider = Service provider
case-sender-system = System
# A support session's subject ($order: its order id), and its agent's badge ($agent: the agent's id, or session-agent-with-rating).
session-subject = Support for order { $order }
session-agent-badge = Agent { $agent }
# $rating: the rating as read, its comparisons joined by rating-and and its alternatives by rating-or.
session-agent-with-rating = { $id } · rating { $rating }
# Comparisons of a rating ($first, $second: "≥ 4", "4.5"; the operators stay symbols).
rating-and = { $first } and { $second }
rating-or = { $first }, or { $second }
# A support session's history, one sentence per change ($who: a name, an id, or session-history-someone; a phone or agent that is not there: session-history-no-phone, session-history-no-agent).
session-history-someone = Someone
session-history-no-phone = none
session-history-no-agent = none
session-history-opened = { $who } opened the session.
session-history-opened-with-phone = { $who } opened the session, callback phone { $phone }.
session-history-phone-changed = { $who } changed the callback phone from { $from } to { $to }.
session-history-agent-set = { $who } set the agent: { $agent }.
session-history-agent-changed = { $who } changed the agent from { $from } to { $to }.
session-history-agent-removed = { $who } removed the agent { $agent }.
session-history-closed = { $who } closed the session.
# $event: a change this console does not know, as the backend names it.
session-history-other = { $who } did “{ $event }”.
session-history-changed = { $who } made a change.
# Why a callback phone is refused: what the number must be (shown under the field, or after its name in the server's refusal).
phone-problem-blank = must not be blank: give an international number, for example +33 6 12 34 56 78
phone-problem-too-long = { $max ->
    [one] must be at most { $max } character
   *[other] must be at most { $max } characters
}
phone-problem-no-plus = must start with + and the country code (E.164), for example +33 6 12 34 56 78
# $char: the character refused.
phone-problem-not-a-digit = may hold only digits after the + (and spaces, dots, hyphens or parentheses between them), not “{ $char }”
phone-problem-leading-zero = must have the country code right after the +, which never starts with 0, for example +33 6 12 34 56 78
phone-problem-digit-count = must have { $min } to { $max } digits after the + (it has { $count }), for example +33 6 12 34 56 78
# Why an agent's rating is refused: what the rating does wrong ($at: the character where it starts, counting from 1; $op, $previous: gt, gte, lt or lte; $connective: && or ||).
rating-problem-blank = must not be blank: give a value (4.5) or an expression (gte 4)
rating-problem-too-long = { $max ->
    [one] must be at most { $max } character
   *[other] must be at most { $max } characters
}
rating-problem-operator-after-number = needs && or || before “{ $op }” at character { $at }
rating-problem-two-operators = has “{ $op }” right after “{ $previous }” at character { $at }: one operator per number
rating-problem-two-numbers = needs && or || between two numbers at character { $at }
rating-problem-number-before-connective = needs a number after “{ $op }”, not { $connective } at character { $at }
rating-problem-comparison-before-connective = needs a comparison before { $connective } at character { $at }
rating-problem-number-at-end = needs a number after “{ $op }” at character { $at }
rating-problem-ends-with-connective = ends with && or ||: a comparison must follow
# $char: & or |, written once.
rating-problem-single-symbol = has a single “{ $char }” at character { $at }: write { $char }{ $char }
rating-problem-number-ends-in-dot = has a number ending in “.” at character { $at }: write 4 or 4.5
rating-problem-unknown-word = has “{ $word }” at character { $at }: the operators are gt, gte, lt and lte
rating-problem-unexpected-character = has “{ $char }” at character { $at }: a rating is a number, gt, gte, lt, lte, && and ||
