"""Test helpers: deterministic factories that drive the app through its public API."""
