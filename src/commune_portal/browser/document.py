"""The page of an official document (văn bản), laid out like the national
legal database: the metadata table, the signed file, the annexes and the
related documents in both directions."""

from AccessControl import getSecurityManager
from Acquisition import aq_inner
from Acquisition import aq_parent
from commune_portal import _
from commune_portal.behaviors.official_document import IOfficialDocument
from commune_portal.behaviors.official_document import RELATIONS
from commune_portal.behaviors.relations import INVERSE
from commune_portal.behaviors.relations import inverse_relations
from commune_portal.browser.council_session import MATERIAL_KIND_TITLES
from commune_portal.browser.council_session import vote_summary
from commune_portal.browser.council_session import VoteResultBox
from commune_portal.browser.dates import format_date
from commune_portal.browser.dates import format_date_long
from commune_portal.browser.printing import print_stylesheet_url
from commune_portal.content.council_session import ICouncilSession
from commune_portal.content.resolution import IResolution
from commune_portal.content.session_document import ISessionDocument
from commune_portal.vocabularies.document_types import TITLES as TYPE_TITLES
from commune_portal.vocabularies.official_document import CONFIDENTIALITY
from commune_portal.vocabularies.official_document import LEGAL_STATUSES
from commune_portal.vocabularies.official_document import SIGNING_AUTHORITIES
from commune_portal.vocabularies.official_document import URGENCY
from commune_portal.voting.result import result_of
from plone import api
from plone.base.utils import human_readable_size
from Products.Five.browser import BrowserView
from zope.i18n import translate


# Bootstrap 5 badge of each legal status, as colours readers know from
# the national legal database.
STATUS_BADGES = {
    "pending": "text-bg-info",
    "in_force": "text-bg-success",
    "partly_expired": "text-bg-warning",
    "expired": "text-bg-danger",
    "suspended": "text-bg-secondary",
}

# The labels of the relations as stated by this document (the other
# direction's labels are in ``relations.INVERSE``).
FORWARD = {
    "based_on": _("Based on"),
    "amends": _("Amends"),
    "replaces": _("Replaces"),
    "repeals": _("Repeals"),
    "corrects": _("Corrects"),
    "guides": _("Guides"),
}

# The signing authority written before the issuing body ("TM. Ủy ban
# nhân dân"); the others stand before the head's title, which the
# metadata does not hold, so their explained title is shown instead.
COLLECTIVE_AUTHORITY = "TM."

LEGAL_STATUS_TITLES = dict(LEGAL_STATUSES)
URGENCY_TITLES = dict(URGENCY)
CONFIDENTIALITY_TITLES = dict(CONFIDENTIALITY)
AUTHORITY_TITLES = dict(SIGNING_AUTHORITIES)


def status_badge(token):
    """The Bootstrap classes of the badge of legal status ``token``."""
    return f"badge {STATUS_BADGES.get(token, 'text-bg-light')} legal-status-{token}"


class DocumentView(VoteResultBox, BrowserView):
    """``@@view`` of content with the official-document behavior, the
    council's materials and resolutions included (with the kind of
    material, their session and the result of the vote)."""

    def __init__(self, context, request):
        super().__init__(context, request)
        self.document = IOfficialDocument(context)

    def translate(self, message):
        return translate(message, context=self.request)

    # -- header -----------------------------------------------------------

    def formal_date(self):
        """ "ngày 05 tháng 01 năm 2026", the issue date as the document
        prints it."""
        return format_date_long(self.document.issue_date)

    def print_css_url(self):
        return print_stylesheet_url()

    # -- metadata table ---------------------------------------------------

    def signature(self):
        """Lines of the signature block: authority, position, name."""
        document = self.document
        authority = document.signing_authority
        lines = []
        if authority == COLLECTIVE_AUTHORITY and document.issuing_body:
            lines.append(f"{authority} {document.issuing_body}")
        elif authority:
            title = AUTHORITY_TITLES.get(authority)
            lines.append(self.translate(title) if title else authority)
        lines.extend(v for v in (document.signer_position, document.signer) if v)
        return lines

    def legal_status(self):
        """``{"token", "title", "css"}`` of the status today, or ``None``."""
        token = self.document.legal_status
        if not token:
            return None
        title = LEGAL_STATUS_TITLES.get(token)
        return {
            "token": token,
            "title": self.translate(title) if title else token,
            "css": status_badge(token),
        }

    def rows(self):
        """The metadata table: ``{"field", "label", "lines", "badge"}`` per
        row; rows without a value are left out, except the legal status
        and the normative flag, which every reader looks for."""
        document = self.document
        type_title = TYPE_TITLES.get(document.document_type)
        status = self.legal_status()
        rows = [
            *self.leading_rows(),
            ("document_number", _("Number and symbol"), [document.document_number]),
            (
                "document_type",
                _("Document type"),
                [self.translate(type_title) if type_title else document.document_type],
            ),
            ("issuing_body", _("Issuing body"), [document.issuing_body]),
            ("signer", _("Signed by"), self.signature()),
            ("issue_date", _("Issue date"), [format_date(document.issue_date)]),
            (
                "effective_date",
                _("Effective date"),
                [format_date(document.effective_date)],
            ),
            ("expiry_date", _("Expiry date"), [format_date(document.expiry_date)]),
        ]
        found = [
            {
                "field": field,
                "label": self.translate(label),
                "lines": lines,
                "badge": None,
            }
            for field, label, lines in rows
            if any(lines)
        ]
        if status:
            found.append(
                {
                    "field": "legal_status",
                    "label": self.translate(_("Legal status")),
                    "lines": [status["title"]],
                    "badge": status["css"],
                }
            )
        more = [
            ("sectors", _("Sectors"), list(document.sectors or [])),
            (
                "is_legal_normative",
                _("Legal normative document"),
                [self.translate(_("Yes") if document.is_legal_normative else _("No"))],
            ),
        ]
        urgency = document.urgency
        if urgency and urgency != "normal":
            more.append(
                (
                    "urgency",
                    _("Urgency"),
                    [self.translate(URGENCY_TITLES.get(urgency, urgency))],
                )
            )
        # Only editors can see a classified draft: it is never published.
        confidentiality = document.confidentiality
        if confidentiality and confidentiality != "normal":
            title = CONFIDENTIALITY_TITLES.get(confidentiality, confidentiality)
            more.append(
                ("confidentiality", _("Confidentiality"), [self.translate(title)])
            )
        found.extend(
            {
                "field": field,
                "label": self.translate(label),
                "lines": lines,
                "badge": None,
            }
            for field, label, lines in more
            if any(lines)
        )
        return found

    def leading_rows(self):
        """``(field, label, lines)`` rows before the document's number: the
        kind of a council session's material."""
        if not ISessionDocument.providedBy(self.context):
            return []
        kind = self.context.material_kind
        title = MATERIAL_KIND_TITLES.get(kind)
        return [
            (
                "material_kind",
                _("Kind of material"),
                [self.translate(title) if title else kind],
            )
        ]

    # -- council records --------------------------------------------------

    def session(self):
        """``{"url", "title"}`` of the council session a material or a
        resolution belongs to (when the user may see it), or ``None``."""
        parent = aq_parent(aq_inner(self.context))
        if not ICouncilSession.providedBy(parent):
            return None
        if not api.user.has_permission("View", obj=parent):
            return None
        return {"url": parent.absolute_url(), "title": parent.Title()}

    def vote_result(self):
        """The result box of a resolution's closed vote (HTML), or ``""``."""
        if not IResolution.providedBy(self.context):
            return ""
        return self.result_box(vote_summary(result_of(self.context), self.request))

    # -- files ------------------------------------------------------------

    def signed_file(self):
        """``{"url", "filename", "size"}`` of the signed file, or ``None``."""
        file = self.document.file
        if not file:
            return None
        return {
            "url": f"{self.context.absolute_url()}/@@download/file",
            "filename": file.filename,
            "size": human_readable_size(file.getSize()),
        }

    def annexes(self):
        """The File items inside the document (phụ lục), from the catalog."""
        brains = api.content.find(
            context=self.context,
            depth=1,
            portal_type="File",
            sort_on="getObjPositionInParent",
        )
        return [
            {
                "title": brain.Title or brain.getId,
                "url": brain.getURL(),
                "download": f"{brain.getURL()}/@@download/file",
                "size": brain.getObjSize,
            }
            for brain in brains
        ]

    # -- relations --------------------------------------------------------

    def _linked(self, target):
        document = IOfficialDocument(target, None)
        return {
            "url": target.absolute_url(),
            "title": target.Title(),
            "number": document.document_number if document else None,
            "issue_date": format_date(document.issue_date) if document else "",
        }

    def relations(self):
        """Both directions, as ``{"name", "label", "documents"}`` groups:
        first what this document states (replaces …), then what other
        documents state about it (replaced by …). Only documents the user
        may view are listed."""
        check = getSecurityManager().checkPermission
        groups = []
        for name in RELATIONS:
            targets = []
            for value in getattr(self.document, name, None) or []:
                target = getattr(value, "to_object", None)
                if target is not None and check("View", target):
                    targets.append(self._linked(target))
            if targets:
                groups.append(
                    {
                        "name": name,
                        "label": self.translate(FORWARD[name]),
                        "documents": targets,
                    }
                )
        incoming = inverse_relations(self.context)
        for inverse, title in INVERSE.values():
            sources = incoming.get(inverse) or []
            if sources:
                groups.append(
                    {
                        "name": inverse,
                        "label": self.translate(title),
                        "documents": [self._linked(source) for source in sources],
                    }
                )
        return groups
