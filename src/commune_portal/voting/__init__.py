"""Votes of the People's Council (issue: electronic voting)."""
