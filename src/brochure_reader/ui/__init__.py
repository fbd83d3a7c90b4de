"""Qt Widgets user interface.  Only wires widgets to the core; no document logic lives here."""
