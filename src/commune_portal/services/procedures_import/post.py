"""``POST <folder>/@procedures-import``: create or update procedures by
code from the import format (docs/procedures.md); the answer reports, per
item, whether it was created, updated or refused and why."""

from commune_portal import _
from commune_portal.listings.params import bad_request
from commune_portal.procedure_import import import_procedures
from commune_portal.procedure_import import items_of
from commune_portal.services.protection import check_write
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service


class ProceduresImportPost(Service):
    def reply(self):
        # JSON from the portal itself or from a client that is not a
        # browser (services/protection.py); then plone.protect is off, as
        # for plone.restapi's own write services: an import writes many
        # objects.
        refused = check_write(self)
        if refused is not None:
            return refused
        data = json_body(self.request)
        try:
            items = items_of(data)
        except ValueError:
            return bad_request(
                self.request,
                "procedures",
                _(
                    'Send {"procedures": [...]} in the import format of '
                    "docs/procedures.md."
                ),
            )
        options = data if isinstance(data, dict) else {}
        for name in ("publish", "add_sectors"):
            if name in options and not isinstance(options[name], bool):
                return bad_request(self.request, name, _("Expected true or false."))
        report = import_procedures(
            self.context,
            items,
            publish=options.get("publish", False),
            add_sectors=options.get("add_sectors", True),
            request=self.request,
        )
        return {"@id": f"{self.context.absolute_url()}/@procedures-import", **report}
