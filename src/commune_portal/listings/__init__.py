"""Catalog listings shared by the REST services and the Classic UI views:
parameters, queries, facets and items, all from catalog brains."""
