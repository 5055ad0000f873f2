"""The GDPR keeping screen (« Conservation »): households due for the archive, archiving,
anonymising."""
