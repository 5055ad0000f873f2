"""A household's page (« Ménage ») and the households list (« Ménages »): form, members, file
actions."""
