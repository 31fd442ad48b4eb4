"""Editorial workflows of commune_portal: placeful policies and guards."""

# Make the guard module importable from restricted code (guard expressions).
from commune_portal.workflows import guards  # noqa: E402,F401
