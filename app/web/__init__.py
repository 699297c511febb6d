"""The web edge: HTML pages for people, a JSON API for programs; nothing here does the math."""
