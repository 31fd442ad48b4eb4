"""Catalog indexers of the add-on, and the site lexicon's Vietnamese element."""

# Registers the lexicon pipeline element (GenericSetup exports it by name).
from commune_portal.indexers import lexicon  # noqa: F401
