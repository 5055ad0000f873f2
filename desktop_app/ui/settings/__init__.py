"""The settings (« Paramètres »): association, tariffs, alerts, backups, server, security and
passphrase."""
