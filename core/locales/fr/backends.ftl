# backends: what each backend adds: follows, session facts, and the connectors' refusals
