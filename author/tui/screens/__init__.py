"""The editor's screens: the form, help, and the dialogs."""
