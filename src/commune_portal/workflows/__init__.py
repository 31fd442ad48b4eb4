"""Editorial workflows of commune_portal: placeful policies and guards."""
