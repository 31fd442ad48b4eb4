"""Classic UI of citizen questions (docs/questions.md)."""
