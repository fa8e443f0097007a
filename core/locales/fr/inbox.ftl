# inbox: the inbox: list, filters, views, live state, shortcuts
