# conversation: a conversation: header, thread, reply box, outbox, assignment
