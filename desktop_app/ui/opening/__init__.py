"""Opening a store before the window: passphrase and server dialogs, keyring, the lock and its
page, the startup backup check, session signals."""
