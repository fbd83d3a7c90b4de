"""The bookmarks dock (see panel.py for its parts)."""
