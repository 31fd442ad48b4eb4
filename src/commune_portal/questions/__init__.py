"""Citizen questions (hỏi – đáp, phản ánh, kiến nghị): the logic behind the
``CitizenQuestion`` type: tracking codes, submission and its checks, the
rate limit, the look-up by code, assignment, guards, e-mail and statistics
(docs/questions.md)."""
