# Switchboard's words in English: the reference every other language follows.
# Ids are grouped by where they show; `$what`, `$count` and the like are filled by the code.

## Shared

language-label = Language
brand-tagline = Customer support
action-try-again = Try again
action-dismiss = Dismiss
part-missing = This part of Switchboard could not be downloaded. Check the connection and try again; nothing you typed is lost.
action-cancel = Cancel
action-send = Send
action-sending = Sending…
reference-for-support = Reference for support:

## Validation: what a field needs ($what: name, email, subject, message or reply)

problem-required = { $what ->
    [name] Your name is required.
    [email] Your email address is required.
    [subject] The subject is required.
    [message] Your message is required.
   *[reply] A reply is required.
}
problem-too-short = { $what ->
    [name] Your name needs at least { $min } characters ({ $count } so far).
    [email] Your email address needs at least { $min } characters ({ $count } so far).
    [subject] The subject needs at least { $min } characters ({ $count } so far).
    [message] Your message needs at least { $min } characters ({ $count } so far).
   *[reply] A reply needs at least { $min } characters ({ $count } so far).
}
problem-too-long = { $what ->
    [name] Your name can have at most { $max } characters ({ $count } now).
    [email] An email address can have at most { $max } characters ({ $count } now).
    [subject] The subject can have at most { $max } characters ({ $count } now).
    [message] Your message can have at most { $max } characters ({ $count } now).
   *[reply] A reply can have at most { $max } characters ({ $count } now).
}
problem-one-line = { $what ->
    [name] Your name must fit on one line.
    [email] Your email address must fit on one line.
    [subject] The subject must fit on one line.
    [message] Your message must fit on one line.
   *[reply] A reply must fit on one line.
}
problem-control-characters = { $what ->
    [name] Your name contains invisible control characters.
    [email] Your email address contains invisible control characters.
    [subject] The subject contains invisible control characters.
    [message] Your message contains invisible control characters.
   *[reply] A reply contains invisible control characters.
}
problem-not-an-email = “{ $value }” is not a valid email address, such as name@example.com.

## Times and sizes

time-just-now = just now
time-minutes-ago = { $count } min ago
time-hours-ago = { $count } h ago
time-yesterday = yesterday
time-days-ago = { $count ->
    [one] { $count } day ago
   *[other] { $count } days ago
}
size-bytes = { $count ->
    [one] { $count } byte
   *[other] { $count } bytes
}
size-exact-bytes = { $size } bytes
size-kb = { $size } KB
size-mb = { $size } MB

## Attachments

attachment-unusable-name = “{ $name }” is not a usable file name.
attachment-empty = { $name } is empty.
attachment-not-accepted = { $name } is not an accepted format: accepted are { $accepted }.
attachment-not-what-its-name-says = { $name } is not really a { $format } file: its content does not match its name. Accepted are { $accepted }.
attachment-file-too-large = { $name } is { $size }; one file can be at most { $limit }.
attachment-too-many-files = { $limit } files are the most one message can carry ({ $count } chosen).
attachment-message-too-large = These files come to { $size }; a message can carry { $limit }.
attachment-policy = { $files ->
    [one] One file, { $each }. { $accepted }.
   *[other] Up to { $files } files, { $each } each, { $total } in all. { $accepted }.
}
attachment-attach = Attach files
attachment-hint-pointer = Drop or paste files here.
attachment-hint-touch = Choose files or take a photo.
attachment-attached = Attached files
attachment-remove = Remove { $name }
attachment-in-all = { $size } in all
upload-progress = Upload progress
upload-sent-of = { $sent } of { $total } sent

## Errors: what went wrong, by kind

error-network = The server could not be reached. Check the connection and try again.
error-timeout = The server took too long to answer. Try again in a moment.
error-invalid = The server refused the request because some information is not valid.
error-unauthorized = Your session is not accepted by the server. Sign in again.
error-forbidden = You are not allowed to do this.
error-not-found = This no longer exists on the server.
error-conflict = Someone else changed this at the same time. Reload and try again.
error-too-large = This is larger than the server accepts.
error-rate-limited = The server is receiving too many requests. Wait a moment and try again.
error-unavailable = The server is unavailable for now. Try again in a moment.
error-server = The server failed while handling the request. Try again; if it keeps failing, tell your administrator.
error-malformed-reply = The server answered with something Switchboard could not read.
error-unexpected = The server gave an unexpected answer.
error-cancelled = Sending was cancelled. Nothing was lost: send again when ready.
error-key-reused = The earlier version of this message had already arrived, so this one was not sent. Send it again to add it as a new message.
error-unsupported = This backend cannot do this: its API offers no way to.

## The contact page

contact-title = Contact us
contact-intro = Write to our support team. Every field is required; attachments are optional.
contact-field-name = Your name
contact-field-email = Email address
contact-field-subject = Subject
contact-field-message = Message
contact-honeypot = Leave this empty
contact-attachments = Attachments (optional)
contact-not-sent = Your message was not sent. Everything you wrote is still here.
contact-send = Send message
contact-sent-title = Thank you, your message is on its way
contact-sent-body = Our support team has received it. Keep your reference: quote it whenever you contact us about this request, and we will find it at once.
contact-your-reference = Your reference:
contact-your-link = Your private link, to read our answer and write again:
page-title-contact = Contact us · Switchboard
page-title-sign-in = Sign in · Switchboard
page-title-follow-up = Your request · Switchboard
contact-copy-link = Copy the link
contact-link-copied = The link is copied.
contact-link-not-copied = This browser did not copy it: select the link and copy it yourself.
contact-link-private = Bookmark it and keep it to yourself: anyone with this link can read this conversation.
contact-quote-reference = Quote your reference if you write to us again about the same matter.
contact-send-another = Send another message

## The customer's follow-up page

follow-up-opening = Opening your conversation…
follow-up-write-from-contact = Write to us from the contact page
follow-up-no-conversation = This link opens no conversation
follow-up-no-conversation-hint = It may be mistyped, cut short (it ends with the part after #), withdrawn by our support team, or expired after months without a visit. Write to us again and we will answer there.
follow-up-could-not-open = We could not open this conversation.
follow-up-sent = Your message is sent.
follow-up-title = Your request
follow-up-open = Our support team has it in hand; their answers appear here.
follow-up-closed = This request is closed. Write again below and it opens again.
follow-up-link-expiry = This private link works until { $date }; each visit keeps it working longer.
follow-up-messages = Messages
follow-up-write-again = Write again
follow-up-not-sent = Your message was not sent. What you wrote is still here.
follow-up-support-author = { $name } (support)

## Pages

not-found-title = This page does not exist
not-found-hint = Go back to the inbox, or to the contact page.
not-found-ways = Where to go
not-found-inbox = Inbox

## Theme

theme-label = Theme
theme-system = As the system
theme-light = Light
theme-dark = Dark

## Signing in

sign-in-tagline = Agent console
sign-in-title = Sign in
sign-in-intro = Sign in with your agent email and password to open the console.
sign-in-email = Email
sign-in-password = Password
sign-in-busy = Signing in…
sign-in-enter-email = Enter your email address.
sign-in-enter-password = Enter your password.
sign-in-no-match = This email and password do not match an agent. Check both and try again.
sign-in-too-many-wait = Too many attempts to sign in. Wait { $wait } and try again.
sign-in-too-many = Too many attempts to sign in. Wait a few minutes and try again.
sign-in-unreachable = The server could not be reached, so you are not signed in. Check the connection and try again.
sign-in-refused = You are not signed in. { $reason }
wait-seconds = { $count ->
    [one] { $count } second
   *[other] { $count } seconds
}
wait-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
signed-in-as = Signed in as
signed-in-sign-out = Sign out
signed-in-signing-out = Signing out…
signed-in-still = You are still signed in: { $reason }

## The console's frame

console-opening = Opening the console…
console-unreachable = The console could not reach its server.
skip-links = Skip links
skip-to-list = Skip to the list
skip-to-thread = Skip to the conversation
skip-to-reply = Skip to the reply box
console-contact-page = Public contact page
console-shortcuts = Shortcuts
console-inbox = Inbox
console-none-open = No conversation open
console-none-open-hint = Choose a conversation in the list to read it and reply.

## Statuses, backends and views

status-open = Open
status-in-progress = In progress
status-closed = Closed
status-archived = Archived
status-ignored = Ignored
delivery-sent = sent
delivery-delivered = delivered
delivery-read = read
delivery-confirmed = confirmed
status-unknown = Unknown
status-change-reopen = Reopen
status-change-close = Close
status-change-archive = Archive
status-cannot-reopen = This backend cannot reopen a conversation
status-cannot-close = This backend cannot close a conversation
status-cannot-archive = This backend cannot archive a conversation
status-announce = { $status ->
    [open] Conversation open.
    [in-progress] Conversation in progress.
    [closed] Conversation closed.
    [archived] Conversation archived.
    [ignored] Conversation ignored.
   *[other] Conversation status changed.
}
status-not-changed = Status not changed: { $reason }
status-group = Conversation status
backend-communication = Communication
backend-case-messages = Case messages
backend-support-sessions = Support sessions
filter-all-statuses = All statuses
filter-everyones = Everyone's
filter-mine = Mine
filter-unassigned = Unassigned
inbox-all-conversations = All conversations

## Backends' own values

octopia-role-customer = Customer
octopia-role-seller = Seller
octopia-role-care-team = Marketplace care team
octopia-badge-claim = Claim
postcenter-ticket-name = Ticket #{ $number }
postcenter-unreadable-message = PostCenter sent a message Switchboard could not read: { $raw }
channel-email = Email

## The response deadlines' settings page ($backend: a backend's name; $name: an agent;
## $target, $alarm: hours; $zone: a time zone; $hours: each open day's hours; $line: what was typed)

settings-deadlines-heading = Response deadlines
settings-deadlines-intro = How long each backend's customers may wait for an answer, and when a late one is in alarm. The list's rows, the Overdue view and each conversation's header count with these.
settings-deadlines-admin-only = Only admins change them.
settings-deadlines-not-loaded = The deadlines could not be read.
settings-deadlines-default = Default
settings-deadlines-set-by = Set by { $name }
settings-deadlines-edit = Change
settings-deadlines-save = Save
settings-deadlines-cancel = Cancel
settings-deadlines-saved = Saved: the deadlines of { $backend }.
policy-not-saved = The deadlines could not be saved.
policy-form-clock = Which hours count
policy-form-always = Every hour of every day
policy-form-business = Business hours only
policy-form-zone = Time zone (as Europe/Paris)
policy-form-week-hint = Each day's hours, as 09:00-13:00, 14:00-18:00; empty when closed.
policy-form-holidays = Holidays (one date a line, as 2026-12-25)
policy-form-target = Answer within (hours)
policy-form-alarm = Alarm at (hours)
policy-problem-hours-typed = Write the hours as 09:00-13:00, 14:00-18:00, or leave the day empty when closed.
policy-problem-holiday-typed = “{ $line }” is not a date: write one date a line, as 2026-12-25.
policy-problem-target = Write the hours to answer within: more than 0, at most 60 days.
policy-problem-alarm = The alarm comes at or after the target, within 60 days.
policy-problem-zone = Name the team's time zone, as Europe/Paris.
policy-problem-no-hours = Open on at least one day.
policy-problem-span = Each span closes after it opens, and overlaps no other.
policy-problem-holidays = List at most 400 holidays.
policy-times = an answer within { $target } h, the alarm at { $alarm } h
policy-clock-always = Every hour counts
policy-clock-business = Business hours in { $zone }: { $hours }
day-mon = Monday
day-tue = Tuesday
day-wed = Wednesday
day-thu = Thursday
day-fri = Friday
day-sat = Saturday
day-sun = Sunday

## Snooze (docs/snooze.md)

snooze-past = Choose a time later than now.
snooze-too-far = Choose a time within a year.
snooze-later-today = Later today
snooze-tomorrow = Tomorrow
snooze-next-week = Next week

## Labels (docs/labels.md)

label-colour-red = Red
label-colour-orange = Orange
label-colour-yellow = Yellow
label-colour-green = Green
label-colour-teal = Teal
label-colour-blue = Blue
label-colour-purple = Purple
label-colour-grey = Grey
label-problem-no-name = Give the label a name.
label-problem-too-long = A label's name has at most 40 characters.
label-problem-taken = Another label has this name.

## Saved views (docs/saved-views.md)

saved-view-problem-no-name = Give the view a name.
saved-view-problem-name-long = A view's name has at most 60 characters.
saved-view-problem-query-long = This view holds too much to be saved: shorten its text.
