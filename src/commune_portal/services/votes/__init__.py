"""``@votes``: the votes of the People's Council (docs/voting.md)."""
