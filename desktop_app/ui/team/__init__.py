"""The team (« Équipe »): workers, absences and the server accounts."""
