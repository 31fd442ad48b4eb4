"""``@attendance``: who is present at a council session (docs/voting.md)."""
