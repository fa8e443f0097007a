# conversation: a conversation: header, thread, reply box, outbox, assignment

## Opening a conversation

conversation-loading = Loading conversation…
conversation-backend-not-connected = This conversation's backend is not connected
conversation-no-such-backend = No connected backend is called “{ $backend }”.
conversation-not-loaded = This conversation could not be loaded.
# In the reply box while the conversation loads.
conversation-reply-waits = Loading…
conversation-stale-hint = The conversation below is as it stands now: change it again if you still want to.
conversation-dismiss = Dismiss

## The header

conversation-back-to-inbox = ← Back to the inbox
conversation-reference-title = Reference
conversation-reason-title = Reason
conversation-unread-badge = Unread
conversation-more-from-backend = More from the backend
conversation-mark-read = Mark read
conversation-mark-unread = Mark unread
conversation-cannot-mark-unread = { $backend } cannot mark this unread again: its messages can be confirmed as read, not undone.
conversation-not-marked-read = Not marked read: { $reason }

## Said to screen readers after a change

conversation-marked-read = Marked as read.
conversation-marked-unread = Marked as unread.
conversation-reply-sent-reopened = Reply sent. The conversation is open again.

## The thread

thread-messages = Messages
thread-loading = Loading messages…
thread-not-loaded = The messages could not be loaded.
thread-load-older = Load older messages
thread-loading-older = Loading older messages…
thread-older-not-loaded = Older messages could not be loaded.
thread-empty = No messages yet
thread-empty-hint = Write the first reply below.
thread-author-customer = Customer
thread-author-agent = Agent
thread-author-system = System
thread-author-unknown = Unknown sender
# $recipients: the backend's names of who received the message, separated by commas.
thread-recipients = to { $recipients }
thread-unread = unread
thread-reply-to-this = Reply to this
# $author: who wrote the message answered (or its kind); $snippet: its first words.
thread-in-reply-to = In reply to { $author }: “{ $snippet }”
thread-in-reply-to-unnamed = In reply to message: “{ $snippet }”
thread-in-reply-to-earlier = In reply to an earlier message
thread-attachments = Attachments
# An attachment whose kind the backend does not say.
thread-media = Media
thread-show-large = Show { $name } large
thread-download = Download
thread-download-named = Download { $name }
thread-lightbox-close = Close

## The reply box

reply-label = Reply
reply-placeholder = Write a reply…  (Ctrl+Enter to send)
reply-send-to = Send to
reply-kind-label = Type
reply-replying-to = Replying to { $author }: “{ $snippet }”
reply-replying-to-cancel = Do not reply to this message in particular
reply-closed-reopens = This conversation is closed. Sending your reply reopens it.
reply-closed-stays-closed = This conversation is closed and this backend cannot reopen it: your reply is sent, and the conversation stays closed.
reply-sent-reopened = Your reply was sent, and the conversation is open again.
reply-not-signed-in = You are not signed in: sign in again to send this reply.
reply-choose-recipients = Choose who receives this reply.
reply-not-sent = Your reply was not sent. It is still here; try again.
reply-maybe-not-sent = Your reply may not have been sent: no answer came. It is still here; it is sent again on its own when the network is back, and never doubled.
reply-edited-not-sent = Your edited reply was not sent: the earlier version had arrived and is in the thread. Your text is still here.

## The outbox: a reply being sent, or not confirmed

outbox-label = Outbox
outbox-not-confirmed = Not confirmed
outbox-not-sent = Not sent
outbox-maybe-not-sent = May not have been sent
outbox-retry-hint = Retry sends it once; if it already arrived, it is not doubled.
outbox-maybe-not-sent-because = May not have been sent: { $reason }. Retry sends it once; if it already arrived, it is not doubled.
outbox-sending = Sending
outbox-unconfirmed = Not confirmed: the page went away while this reply was being sent. Retry sends it once; if it already arrived, it is not doubled.
outbox-not-sent-because = Not sent: { $reason }
# The start of the reply's text, quoted.
outbox-quoted-preview = “{ $text }”
outbox-action-retry = Retry
outbox-action-discard = Discard

## Assignment

assign-label = Assignee
assign-unassigned = Unassigned
assign-unknown-agent = Unknown agent ({ $id })
assign-not-allowed = This backend does not let agents be assigned
assign-hint = Press Enter or Save to reassign.
assign-save = Save
assign-take-it = Assign to me
assign-already-yours = Already assigned to you
assign-now-unassigned = Now unassigned.
assign-assigned-to = Assigned to { $name }.
assign-not-reassigned = Not reassigned: { $reason }

## Assignment by the backend (PostCenter)

# Followed by the agent's name, in bold.
assign-in-postcenter-to = Assigned in PostCenter to
assign-no-one = no one
# An agent PostCenter knows only by number.
assign-backend-agent-number = agent { $id }
assign-suggest-agent = Suggest an agent
assign-reassign-automatically = Reassign automatically
assign-closed-ticket = A closed ticket keeps its agent: PostCenter reassigns open tickets only. Reopen it in PostCenter to reassign it.
assign-reassigning = Reassigning…
assign-suggested = PostCenter would assign { $agent }.
assign-suggested-with-reason = PostCenter would assign { $agent }. Reason given: “{ $reason }”.
assign-no-agent-available = No agent is available to take it now.
assign-no-agent-available-with-reason = No agent is available to take it now. Reason given: “{ $reason }”.
assign-no-suggestion = No suggestion: { $reason }
assign-reassigned-automatically = Reassigned automatically to { $agent }.

## Arrivals, said aloud

conversation-new-message-from = New message from { $name }.
conversation-new-message = New message.
conversation-new-messages = { $count ->
    [one] { $count } new message.
   *[other] { $count } new messages.
}

## Internal notes (Switchboard's own, docs/notes.md)

compose-mode-label = Write
compose-reply = Reply
compose-note = Internal note
compose-switch-hint = Alt+N switches between reply and internal note.
note-placeholder = Write an internal note for the team…  (@ names a colleague, Ctrl+Enter adds it)
note-hint = Only your team sees internal notes. They are never sent to the customer or the backend.
note-add = Add internal note
note-adding = Adding…
note-added = Internal note added.
note-empty = Write the note first.
note-too-long = A note can hold at most { $max } characters.
note-not-added = Your note was not added. It is still here; try again.
notes-not-loaded = Internal notes could not be loaded.
thread-note-label = Internal note
mention-options-label = Colleagues to mention
mention-offered = { $count ->
    [0] No colleague by that name.
    [one] One colleague offered. Up and down choose, Enter writes the name, Esc closes.
   *[other] { $count } colleagues offered. Up and down choose, Enter writes the name, Esc closes.
}

## Before a reply goes: what changed since it began

reply-since-title = This conversation changed since you began writing:
reply-since-customer = The customer wrote a new message.
reply-since-reply = Someone else replied.
reply-since-notes = { $count ->
    [one] A colleague added an internal note.
   *[other] Colleagues added { $count } internal notes.
}
reply-since-status = Its status is now { $status }.
reply-since-assigned = It is now assigned to { $name }.
reply-since-unassigned = It is now unassigned.
reply-since-hint = Your reply is kept either way.
reply-since-send = Send anyway
reply-since-review = Review first

## Saved replies: the picker in the reply box, and their settings page

saved-replies-open = Saved replies
saved-replies-search-label = Find a saved reply
saved-replies-search-placeholder = Search titles and texts
saved-replies-offered = { $count ->
    [0] No saved reply matches.
    [one] One saved reply. Up and down choose, Enter inserts, Esc closes.
   *[other] { $count } saved replies. Up and down choose, Enter inserts, Esc closes.
}
saved-replies-none = No saved reply matches what you typed.
saved-replies-empty = There are no saved replies yet.
saved-replies-manage = Manage saved replies
saved-replies-loading = Loading saved replies…
saved-replies-not-loaded = Saved replies could not be loaded.
saved-replies-personal = Personal
saved-replies-languages = Languages
saved-replies-preview = Preview
saved-replies-insert = Insert
saved-replies-cancel = Cancel
saved-replies-ask-title = “{ $title }” needs what this conversation does not say:
saved-replies-ask-missing = Fill in { $name } first.
saved-replies-inserted = “{ $title }” inserted.
variable-customer-name = The customer’s name
variable-reference = The order or case reference
variable-agent-name = Your name
variable-typology = Why the buyer wrote
variable-ticket-number = The ticket number
variable-callback-phone = The callback phone
settings-replies-heading = Saved replies
settings-replies-intro = The team’s replies are offered to everyone and only admins change them. Your personal replies are offered to you alone.
settings-replies-new = New saved reply
settings-replies-edit = Edit
settings-replies-retire = Retire
settings-replies-restore = Restore
settings-replies-retired = Retired
settings-replies-team = Team
settings-replies-history = History
settings-replies-title = Title
settings-replies-text = Text in { $lang }
settings-replies-scope = Who it is for
settings-replies-scope-team = The whole team
settings-replies-scope-personal = Only me
settings-replies-variables = Variables the conversation fills: { $list }
settings-replies-save = Save
settings-replies-saving = Saving…
settings-replies-saved = “{ $title }” saved.
settings-replies-not-saved = The saved reply was not saved. What you wrote is still here.
settings-replies-stale = A colleague changed this reply meanwhile. Reload it, then make your change again.
settings-replies-admin-only = Only admins change the team’s replies.
settings-replies-revision = Revision { $revision }, { $name }
settings-replies-history-loading = Loading its history…
settings-replies-history-not-loaded = Its history could not be loaded.
settings-replies-problem-title-empty = Give it a title.
settings-replies-problem-title-long = A title can hold at most { $max } characters.
settings-replies-problem-no-text = Write it in at least one language.
settings-replies-problem-text-long = A text can hold at most { $max } characters.
settings-replies-problem-unknown = { $name } is not a variable Switchboard knows.

## Response deadlines (docs/deadlines.md)

deadline-due = Answer due in { $time }
deadline-overdue = Overdue by { $time }
deadline-alarm = Overdue by { $time }, past the alarm
deadline-days = { $count } d
deadline-hours = { $count } h
deadline-minutes = { $count } min
deadline-no-answer-button = No answer needed
deadline-no-answer = No answer needed, said by { $name }
deadline-undo = Undo
deadline-not-marked = The conversation's clock could not be changed.

## Snooze ($choice: "Tomorrow"; $time: a day and time; $name: an agent)

snooze-button = Snooze
snooze-menu = Snooze until
snooze-choice = { $choice }, { $time }
snooze-pick = A date and time
snooze-pick-submit = Snooze until then
snooze-close = Cancel
snooze-held = Snoozed until { $time }, by { $name }
snooze-wake = Wake now
snooze-failed = The conversation could not be snoozed.

## Labels under the header ($name: a label's name)

labels-heading = Labels
labels-add = Add label
labels-remove = Remove label { $name }
labels-find = Find or create a label
labels-create = Create label “{ $name }”
labels-colour = Colour
labels-done = Done
labels-failed = The labels could not be changed.
