"""Backbone Select: choosing the backbone organization of a collective-impact partnership."""
