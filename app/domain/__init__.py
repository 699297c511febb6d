"""The decision math and the rules of a selection, in plain Python: no web or database."""
