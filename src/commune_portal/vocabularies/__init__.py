"""Named vocabularies of commune_portal."""
