"""``<folder>/@placeful-workflow``: the workflow policies of a folder."""
