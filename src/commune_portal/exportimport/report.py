"""What an import changed beyond copying the export, for the administrator.

One ``ImportReport`` is shared by the add-on's importers of one import
(``pipeline.py``). Each change is logged when it happens (logger
``commune_portal.exportimport``, in English) and listed again, in the site's
language, in the report lines that plone-importer prints and ``@import``
returns.
"""

from commune_portal import _
from plone import api
from zope.i18n import translate
import logging


logger = logging.getLogger("commune_portal.exportimport")


def in_site_language(message):
    """``message`` translated into the site's default language."""
    return translate(message, target_language=api.portal.get_default_language())


def in_english(message):
    """``message`` for the server's log."""
    return translate(message, target_language="en")


class ImportReport:
    """The changes of one import, in the order they happened."""

    def __init__(self):
        # Registry records: name -> "applied" | "unknown" | "invalid".
        self.settings = {}
        # (folder path, policy in, policy below)
        self.policies = []
        # (registry record, entry, item path)
        self.added_entries = []
        # (item path, field name, value)
        self.kept_values = []
        # Paths of the classified items the export had in a disclosing state.
        self.exposed = set()
        # Paths of the items withdrawn from it.
        self.withdrawn = []
        # Paths of the items the content import created or updated, in order.
        self.imported = []
        # Paths of the items whose values were completed after the
        # deserializer: indexed whole again.
        self.completed = set()
        # item path -> {field: exported value} the deserializer refused, to
        # try again once all the content is imported (a field naming items
        # created after it, such as a session's agenda naming its papers).
        self.deferred = {}
        # (item path, [fields]) set by that second try.
        self.completed_later = []
        # item path -> {name: exported data} of the ``IItemState``
        # adapters restored after all the content (``after_content``).
        self.later = {}

    def setting(self, name, status):
        self.settings[name] = status
        if status != "applied":
            logger.warning("Setting %s not applied: %s", name, status)

    def policy(self, path, policy_in, policy_below):
        self.policies.append((path, policy_in, policy_below))
        logger.info(
            "Workflow policy of %s: %r in the folder, %r below",
            path,
            policy_in,
            policy_below,
        )

    def added_entry(self, record, entry, path):
        self.added_entries.append((record, entry, path))
        logger.warning(
            "%s: %r added to the list %s (the item holds it, the list did not)",
            path,
            entry,
            record,
        )

    def kept_value(self, path, field, value):
        self.kept_values.append((path, field, value))
        self.completed.add(path)
        logger.warning(
            "%s: value %r of the field %s kept as the item's own (not in its list)",
            path,
            value,
            field,
        )

    def completed_after(self, path, fields):
        self.completed_later.append((path, sorted(fields)))
        self.completed.add(path)
        logger.info(
            "%s: %s set once all the content was imported", path, ", ".join(fields)
        )

    def withdrew(self, path):
        self.withdrawn.append(path)

    def settings_lines(self, folders):
        """The report of the settings importer; ``folders``: how many
        folders have workflow policies in the export."""
        applied = sum(1 for status in self.settings.values() if status == "applied")
        message = _(
            "Commune portal: ${applied} settings applied, ${skipped} not "
            "applied; workflow policies of ${folders} folders to set.",
            mapping={
                "applied": applied,
                "skipped": len(self.settings) - applied,
                "folders": folders,
            },
        )
        lines = [in_site_language(message)]
        for name, status in sorted(self.settings.items()):
            if status == "unknown":
                lines.append(
                    in_site_language(
                        _(
                            "The setting ${name} does not exist on this site: "
                            "not applied.",
                            mapping={"name": name},
                        )
                    )
                )
            elif status == "invalid":
                lines.append(
                    in_site_language(
                        _(
                            "The value of the setting ${name} is not valid "
                            "here: the site keeps its own.",
                            mapping={"name": name},
                        )
                    )
                )
        return lines

    def rebuild_lines(self, count):
        """The report of the rebuild importer: what it did, then each entry
        added to a list, each value kept and each item withdrawn."""
        lines = [
            in_site_language(
                _(
                    "Commune portal: ${count} items brought up to date "
                    "(security, state, work lists, legal status); workflow "
                    "policies set on ${folders} folders; ${withdrawn} "
                    "classified items withdrawn.",
                    mapping={
                        "count": count,
                        "folders": len(self.policies),
                        "withdrawn": len(self.withdrawn),
                    },
                )
            )
        ]
        for record, entry, path in self.added_entries:
            lines.append(
                in_site_language(
                    _(
                        "“${entry}” added to the list ${record} of the "
                        "control panel (held by ${path}).",
                        mapping={"entry": entry, "record": record, "path": path},
                    )
                )
            )
        for path, field, value in self.kept_values:
            lines.append(
                in_site_language(
                    _(
                        "“${value}” kept as the own value of the field "
                        "${field} of ${path} (it is not in the field's list).",
                        mapping={"value": value, "field": field, "path": path},
                    )
                )
            )
        for path, fields in self.completed_later:
            lines.append(
                in_site_language(
                    _(
                        "${path}: ${fields} set once all the content was "
                        "imported (they name items imported after it).",
                        mapping={"path": path, "fields": ", ".join(fields)},
                    )
                )
            )
        for path in self.withdrawn:
            lines.append(
                in_site_language(
                    _(
                        "${path} is classified: withdrawn to its draft state.",
                        mapping={"path": path},
                    )
                )
            )
        return lines
