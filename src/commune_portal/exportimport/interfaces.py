"""The extension point of the add-on's exportimport integration."""

from zope.interface import Interface


class IItemState(Interface):
    """What a capability of the add-on keeps on an item (or on the site
    root) beside its fields, carried through an export and an import.

    A named adapter of the item: the content exporter writes ``export()``
    under ``"commune_portal"`` → *name* in the item's data, and the content
    importer gives it back to ``restore`` of the same adapter on the
    imported item, after its fields (``values.py``). Register one per kind
    of state (``configure.zcml``: the item's last editor, the council's
    votes ...).

    An adapter whose ``after_content`` is true is restored only once all
    the content, its local roles and relations are imported (the last
    importer, ``rebuild.py``): for state that the import of other items
    changes (a term's grants, which the import of its delegates syncs).

    An adapter with an ``exported_field`` gets, when the item's data has no
    state of its own (an export made before the adapter existed), the
    value of that field in the item's data: for a read-only field, which
    plone.exportimport exports and plone.restapi's deserializer leaves out.
    """

    def export():
        """The state as JSON-compatible data, or ``None`` when there is
        nothing to carry."""

    def restore(data):
        """Set the state from ``data`` (``None``: the export had none)."""
