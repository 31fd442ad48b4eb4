"""The page of an administrative procedure, laid out like the national
public-service portal: code and name, the main facts, steps, channels with
their time limits and fees, the papers grouped by case with their forms,
result, conditions, legal basis; a prominent "Nộp hồ sơ trực tuyến" button
when the procedure is offered online."""

from Acquisition import aq_base
from commune_portal import _
from commune_portal.behaviors.uniqueness import number_key
from commune_portal.browser.dates import format_date
from commune_portal.browser.printing import print_stylesheet_url
from commune_portal.content.procedure import is_web_address
from commune_portal.indexers.procedures import ended_documents
from commune_portal.legal_status import day_number
from commune_portal.legal_status import today
from commune_portal.vocabularies.procedures import CHANNELS
from commune_portal.vocabularies.procedures import IMPLEMENTATION_LEVELS
from commune_portal.vocabularies.procedures import ONLINE_SERVICE_LEVELS
from plone import api
from Products.Five.browser import BrowserView
from zope.i18n import translate


CHANNEL_TITLES = dict(CHANNELS)
LEVEL_TITLES = dict(IMPLEMENTATION_LEVELS)
ONLINE_SERVICE_TITLES = dict(ONLINE_SERVICE_LEVELS)


class ProcedureView(BrowserView):
    """``@@view`` of a ``Procedure``."""

    def translate(self, message):
        return translate(message, context=self.request)

    def print_css_url(self):
        return print_stylesheet_url()

    def online(self):
        """``{"title", "url"}`` of the online service, ``url`` only when the
        procedure can be filed online (fully or partly)."""
        level = self.context.online_service
        url = self.context.national_portal_url
        return {
            "token": level,
            "title": self.translate(ONLINE_SERVICE_TITLES.get(level, level or "")),
            "url": url if level in ("full", "partial") and url else None,
        }

    def facts(self):
        """The main table: ``{"label", "lines"}``, empty rows left out."""
        obj = self.context
        rows = [
            (_("Procedure code"), [obj.procedure_code]),
            (
                _("Implementation levels"),
                [
                    self.translate(LEVEL_TITLES.get(level, level))
                    for level in obj.implementation_levels or ()
                ],
            ),
            (_("Sectors"), list(obj.sectors or ())),
            (_("Who may apply"), list(obj.target_subjects or ())),
            (_("Implementing agency"), [obj.implementing_agency]),
            (_("Online public service"), [self.online()["title"]]),
            (
                _("Time limit"),
                [
                    self.translate(
                        _("${days} working days", mapping={"days": obj.processing_days})
                    )
                    if obj.processing_days
                    else (
                        self.translate(_("Within the day"))
                        if obj.processing_days == 0
                        else None
                    )
                ],
            ),
            (_("Fees and charges"), [obj.fee_summary]),
        ]
        return [
            {"label": self.translate(label), "lines": [v for v in lines if v]}
            for label, lines in rows
            if any(lines)
        ]

    @staticmethod
    def paragraphs(text):
        """Non-empty lines of a text field (one step per line)."""
        return [line.strip() for line in (text or "").splitlines() if line.strip()]

    def channels(self):
        return [
            {
                "channel": self.translate(
                    CHANNEL_TITLES.get(row.get("channel"), row.get("channel") or "")
                ),
                "processing_time": row.get("processing_time") or "",
                "fee": row.get("fee") or "",
                "description": row.get("description") or "",
            }
            for row in self.context.channels or ()
        ]

    def _form_url(self, form):
        if not form:
            return None
        if is_web_address(form):
            return form.strip()
        # The short name of a File inside the procedure.
        item = (
            self.context.get(form.strip())
            if hasattr(aq_base(self.context), "get")
            else None
        )
        if item is not None and getattr(item, "portal_type", None) == "File":
            return f"{item.absolute_url()}/@@download/file"
        return None

    def paper_groups(self):
        """Papers grouped by case, in the order given: ``[{"case",
        "papers"}]``; papers without a case come first, in a group without a
        heading."""
        groups = []
        by_case = {}
        for row in self.context.required_documents or ():
            case = (row.get("case") or "").strip()
            if case not in by_case:
                by_case[case] = {"case": case, "papers": []}
                groups.append(by_case[case])
            by_case[case]["papers"].append(
                {
                    "name": row.get("name") or "",
                    "form_url": self._form_url(row.get("form")),
                    "originals": row.get("originals"),
                    "copies": row.get("copies"),
                }
            )
        groups.sort(key=lambda group: bool(group["case"]))
        return groups

    def legal_basis(self):
        """Rows of the legal basis, each with the document of the site it
        matches (by number) and whether that document still is in force."""
        documents = {}
        for relation in self.context.legal_basis_documents or ():
            target = getattr(relation, "to_object", None)
            if target is None:
                continue
            key = number_key(getattr(target, "document_number", None) or "")
            documents[key] = target
        ended = {id(doc): end for doc, end in self.ended()}
        rows = []
        for row in self.context.legal_basis or ():
            document = documents.pop(number_key(row.get("document_number") or ""), None)
            rows.append(self._basis_row(row, document, ended))
        for document in documents.values():  # related, not among the rows
            rows.append(
                self._basis_row(
                    {
                        "document_number": getattr(document, "document_number", ""),
                        "title": document.Title(),
                    },
                    document,
                    ended,
                )
            )
        return rows

    def _basis_row(self, row, document, ended):
        viewable = document is not None and api.user.has_permission(
            "View", obj=document
        )
        return {
            "document_number": row.get("document_number") or "",
            "title": row.get("title") or "",
            "issue_date": format_date(row.get("issue_date")),
            "issuing_body": row.get("issuing_body") or "",
            "url": document.absolute_url() if viewable else None,
            "outdated": document is not None and id(document) in ended,
        }

    def ended(self):
        """Documents of the legal basis no longer in force today."""
        if not hasattr(self, "_ended"):
            self._ended = ended_documents(self.context, day_number(today()))
        return self._ended

    def outdated_warning(self):
        """The warning for officers and readers, or ``None``."""
        numbers = [
            getattr(document, "document_number", None) or document.Title()
            for document, _end in self.ended()
        ]
        if not numbers:
            return None
        return self.translate(
            _(
                "Part of the legal basis of this procedure is no longer in force "
                "(replaced, repealed or expired): ${documents}. The procedure may "
                "need to be updated.",
                mapping={"documents": ", ".join(numbers)},
            )
        )
