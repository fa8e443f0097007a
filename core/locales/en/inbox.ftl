# inbox: the inbox: list, filters, views, live state, shortcuts

## The inbox's header: its title, refreshing, reading on open, the reference search

inbox-title-assignee-status = { $assignee } · { $status }
inbox-title-reference = { $view } · reference { $reference }
inbox-title-backend = { $view } · { $backend }
inbox-refresh-label = Refresh the inbox
inbox-refresh = Refresh
inbox-loading = Loading conversations…
inbox-read-on-open = Mark conversations read (confirm cases) when I open them
inbox-reference-search = Find by order or trip reference
inbox-reference-find = Find

## The inbox's body: what the page narrows, the count, more pages, what could not be shown
## ($parts: the filter's parts, joined by filter-parts-and or filter-parts-or)

inbox-filtered-here = { $count ->
    [one] Filtered here by { $parts }: over the { $count } conversation loaded. Scrolling loads more.
   *[other] Filtered here by { $parts }: over the { $count } conversations loaded. “Load more conversations” brings older ones.
}
inbox-sorted-here-oldest = { $count ->
    [one] Sorted here: oldest activity first among the { $count } conversation loaded. “Load more conversations” brings older ones.
   *[other] Sorted here: oldest activity first among the { $count } conversations loaded. “Load more conversations” brings older ones.
}
inbox-sorted-here-due = { $count ->
    [one] Sorted here: the most urgent first among the { $count } conversation loaded. “Load more conversations” brings older ones.
   *[other] Sorted here: the most urgent first among the { $count } conversations loaded. “Load more conversations” brings older ones.
}
filter-part-channel = channel
filter-part-unread = unread
filter-part-activity-dates = activity dates
filter-part-text = text
filter-part-overdue = overdue
filter-parts-and = { $first } and { $second }
filter-parts-or = { $first } or { $second }
inbox-count = { $count ->
    [one] { $count } conversation
   *[other] { $count } conversations
}
inbox-count-loaded = { $count ->
    [one] { $count } conversation loaded
   *[other] { $count } conversations loaded
}
inbox-loading-more = Loading more…
inbox-load-more = Load more conversations
inbox-none-in-view = { $backend } has none in this view: { $reason }.
inbox-backend-failed = { $backend } could not be loaded; other backends still show, and it is asked again on its own.
inbox-backend-filtered-here = { $backend } cannot filter by { $parts } itself: only its loaded conversations are filtered here.
inbox-unreadable = { $count ->
    [one] { $count } conversation sent by a backend could not be read and is not shown.
   *[other] { $count } conversations sent by a backend could not be read and are not shown.
}
inbox-backend-unsupported = { $backend } is connected to the server, but this console cannot read it yet.
inbox-empty-title = No conversations here
inbox-empty-signed-out = Sign in to see your conversations.
inbox-empty-mine = Nothing is assigned to you in this view.
inbox-empty-other-view = Try another view on the left, or clear the filter.

## The views, in the left pane

views-label = Inbox views
views-conversations = Conversations
views-status = Status
views-backends = Backends
views-counts-note = A backend's count is its own total where it gives one; the other counts are of the conversations loaded, with + while more are to load.
views-count-partial = { $count }+
views-count-partial-label = { $count } loaded, more to load
views-unread-only = Unread only
views-all-backends = All backends
views-channels = Channels
views-all-channels = All channels
views-to-treat = To treat

## The list's rows

list-label = Conversations
list-unread = Unread
list-unassigned = Unassigned
list-stale = Not up to date
list-stale-because = Not up to date: { $reason }

## The filters: last activity and text, and the order

filter-last-activity = Last activity
filter-from = From
filter-until = Until
filter-until-needs-from = Choose a first day first
filter-any-date = Any date
filter-text-label = Filter the conversations loaded
filter-text-placeholder = Filter: customer, subject, message  ( / )
filter-clear = Clear
sort-label = Order
sort-newest = Newest activity first
sort-oldest = Oldest activity first (waiting longest)
sort-due = Time left to answer (most urgent first)

## Finding a ticket by the number agents know it by ($number: the backend's words for it)

find-number-label = { $number } ({ $backend })
find-number-open = Open ticket
find-number-opening = Opening…
find-number-type-first = Type the ticket's number first.
find-number-no-ticket = No ticket has the number { $number }.
find-number-not-found = Not found: { $reason }

## The live banner

live-offline = You are offline. What you type is kept; the inbox updates when the network is back.
live-reconnecting = Reconnecting… The backends are not answering; asking again.
live-back = Live again: the inbox is up to date.
live-polling = Live updates are paused: the inbox is checked every few seconds instead.

## Keyboard shortcuts (the keys themselves are not translated)

shortcut-sheet-title = Keyboard shortcuts
shortcut-next = Next conversation in the list
shortcut-previous = Previous conversation in the list
shortcut-open = Open the current conversation
shortcut-reply = Reply: go to the reply box
shortcut-note = Internal note: go to the box, to write one
shortcut-assign = Assign: go to the assignee
shortcut-close-next = Close, then open the next conversation
shortcut-mark-unread = Mark the open conversation unread
shortcut-filter = Filter the list
shortcut-send = Send the reply
shortcut-leave-field = Leave the field, back to the list
shortcut-show-sheet = Show these shortcuts
shortcut-sheet-hint = Shortcuts do nothing while you type in a field; Esc leaves it.
shortcut-sheet-close = Close

## When the session has ended

session-ended-title = Your session has ended
session-ended-hint = Sign in again to go on. Everything stays as you left it, your reply too.

palette-open = Commands
palette-title = Commands
palette-label = Go to a view, a backend or a conversation, or run a tool
palette-placeholder = Type a view, a backend, a customer or a tool…
palette-count = { $count ->
    [one] One command
   *[other] { $count } commands
}
palette-back = Back to the commands
palette-tool-reference = Find by order or trip reference…
palette-tool-follow = Follow a case or an order…
palette-tool-number = Open a ticket by its number…
palette-tool-read-setting = Setting: mark read when I open…
filter-more = More filters
filter-chips-label = Filters in force
filter-chip-range = Active { $from } to { $until }
filter-chip-from = Active since { $from }
filter-chip-oldest = Oldest first
filter-chip-reference = Reference { $reference }
filter-chip-remove = Remove the filter: { $filter }
shortcut-palette = Open the command palette (views, conversations, tools)
palette-open-hint = Ctrl+K or ⌘+K

## Mentions (Switchboard's own, docs/notes.md)

mentions-view = Mentions
mentions-heading = Mentions
mentions-loading = Loading your mentions…
mentions-none = Nobody has mentioned you yet
mentions-none-hint = When a colleague writes @ and your name in an internal note, it shows here.
mentions-not-loaded = Your mentions could not be loaded.
mentions-new = New
mention-announced = { $author } mentioned you: “{ $excerpt }”
mention-open = Open
mention-dismiss = Dismiss

## Who else is here (Switchboard's own, docs/presence.md)

presence-viewing = { $name } is viewing
presence-typing = { $name } is writing

## Response deadlines on the list ($time: a duration such as "3 h 20 min"; $count: conversations)

deadline-row-left = { $time } left
deadline-row-overdue = { $time } overdue
views-overdue = Overdue
title-overdue = { $count } overdue

## Selecting conversations and changing them all at once ($count: conversations; $action: the
## action's button, such as "Close"; $done, $total, $failed: conversations; $name: a customer)

row-pick = Select { $name }
bulk-toolbar = Selected conversations
bulk-selected = { $count } selected
bulk-select-all = Select all { $count } in this view
bulk-select-all-more = Select all in this view ({ $count } loaded, more to come)
bulk-all-selected = All { $count } conversations of this view are selected.
bulk-all-selected-more = All conversations of this view are selected ({ $count } loaded, the rest load first).
bulk-clear = Clear selection
bulk-close = Close
bulk-reopen = Reopen
bulk-assign = Assign
bulk-assign-to = Assign to
bulk-assignee-me = { $name } (you)
bulk-mark-read = Mark read
bulk-loading = Loading the rest of the view: { $count } conversations so far…
bulk-progress = { $action }: { $done } of { $total } done, { $failed } failed
bulk-finished = { $action }: { $done } done, { $failed } failed
bulk-stopped = { $action } stopped: { $done } of { $total } done, { $failed } failed
bulk-stop = Stop
bulk-failed-heading = Not changed, and why
bulk-retry = { $count ->
    [one] Retry the one that failed
   *[other] Retry the { $count } that failed
}
shortcut-pick = Select the current conversation; with Shift and ↓ ↑, select as you move

## Snoozed conversations ($time: when it comes back; $name: a customer; $count: conversations)

views-snoozed = Snoozed
row-snoozed-until = Snoozed until { $time }
snooze-back = { $name } is back from snooze
snooze-back-heading = Back from snooze
snooze-back-open = Open
snooze-back-dismiss = Dismiss
filter-part-snoozed = snoozed
bulk-snooze = Snooze
bulk-snooze-until = Snooze until
shortcut-snooze = Snooze the open conversation: choose until when

## Labels in the list

views-labels = Labels
filter-part-label = label
bulk-label = Add label
bulk-unlabel = Remove label
bulk-label-which = Label

## Saved views in the sidebar ($name: a view's name)

views-saved = Saved views
saved-view-shared = Shared
saved-view-remove = Remove the view { $name }
saved-view-new = Save this view
saved-view-name = Name of the view
saved-view-share = Share with the team
saved-view-save = Save
saved-view-cancel = Cancel
saved-view-failed = The view could not be saved.
saved-view-not-removed = The view could not be removed.
