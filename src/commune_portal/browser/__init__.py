"""Classic UI views of commune_portal: the official-document view and the
"Văn bản" listing."""
