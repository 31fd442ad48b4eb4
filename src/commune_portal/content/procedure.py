"""``Procedure``: one administrative procedure (thủ tục hành chính) of the
national catalogue, as the commune publishes it.

The fields follow the national public-service portal (Cổng Dịch vụ công
quốc gia, DOMAIN.md). Every rule on the data is stated here, at the schema
(field constraints and invariants), so that it holds for the edit forms,
plone.restapi and the import alike. This module is a leaf: of the add-on
it imports only the message factory.

A required paper's ``form`` is either an http(s) address (the national
portal's file) or the short name of a File stored inside the procedure
(the procedure is folderish and takes Files), shown as a download.
"""

from AccessControl import getSecurityManager
from collective.z3cform.datagridfield.datagridfield import DataGridFieldFactory
from collective.z3cform.datagridfield.row import DictRow
from commune_portal import _
from plone.app.z3cform.widgets.contentbrowser import ContentBrowserFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from plone.uuid.interfaces import IUUID
from Products.CMFCore.utils import getToolByName
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant
import re


PORTAL_TYPE = "Procedure"

# Mã thủ tục: short 1.001193, long 1.001612.000.00.00.H48, newer 1.014028.H35.
CODE_PATTERN = re.compile(r"^[1-9]\.\d{6}(\.(\d{3}\.\d{2}\.\d{2}\.)?H\d{2})?$")
SHORT_CODE_LENGTH = 8  # "1.001193"

# A File's short name inside the procedure (Plone's ids).
FILE_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


# -- errors (their docstring is the message users read) -----------------------


class InvalidProcedureCode(schema.ValidationError):
    __doc__ = _(
        "This is not a procedure code of the national catalogue. Write it as "
        "the national public-service portal shows it, for example 1.001193, "
        "1.001612.000.00.00.H48 or 1.014028.H35."
    )


class NotAWebAddress(schema.ValidationError):
    __doc__ = _("Only web addresses starting with http:// or https:// are accepted.")


class NotAFormReference(schema.ValidationError):
    __doc__ = _(
        "Give the web address of the form (starting with http:// or https://) "
        "or the short name of a file added inside this procedure."
    )


class NegativeNumber(schema.ValidationError):
    __doc__ = _("The number cannot be negative.")


class NotAnOfficialDocument(schema.ValidationError):
    __doc__ = _("Only official documents of the site can be chosen here.")


# -- value helpers -----------------------------------------------------------


def normalize_code(code):
    """The code without surrounding blanks, or ``None``."""
    code = (code or "").strip()
    return code or None


def is_valid_code(code):
    return bool(code) and CODE_PATTERN.match(code) is not None


def short_code(code):
    """``1.001612.000.00.00.H48`` -> ``1.001612``: the national number of
    the procedure, the same in every province; ``None`` when ``code`` is
    not a procedure code."""
    code = normalize_code(code)
    if not is_valid_code(code):
        return None
    return code[:SHORT_CODE_LENGTH]


def validate_code(value):
    """Constraint of ``procedure_code``."""
    if value and not is_valid_code(value):
        raise InvalidProcedureCode(value)
    return True


def is_web_address(value):
    lowered = (value or "").strip().lower()
    return (
        lowered.startswith(("http://", "https://"))
        and len(lowered) > 8
        and (not any(c.isspace() for c in value.strip()))
    )


def web_address(value):
    """Constraint of address fields: http(s) only (no ``javascript:``,
    ``file:`` or ``data:`` links on a public page)."""
    if value and not is_web_address(value):
        raise NotAWebAddress(value)
    return True


def form_reference(value):
    """Constraint of a paper's ``form``: a web address or a file's short name."""
    if not value or is_web_address(value):
        return True
    if FILE_ID_PATTERN.match(value.strip()):
        return True
    raise NotAFormReference(value)


def non_negative(value):
    """Constraint of counts and days."""
    if value is not None and value < 0:
        raise NegativeNumber(value)
    return True


def official_documents_only(value):
    """Constraint of ``legal_basis_documents``: official documents only."""
    target = getattr(value, "to_object", value)
    if getattr(target, "portal_type", None) not in ("Directive", "Resolution"):
        raise NotAnOfficialDocument()
    return True


# -- rows --------------------------------------------------------------------


class IChannelRow(model.Schema):
    """One way of filing (cách thức thực hiện): each has its own time limit
    and fee."""

    channel = schema.Choice(
        title=_("Channel"),
        vocabulary="commune_portal.vocabularies.ProcedureChannels",
        required=True,
    )
    processing_time = schema.TextLine(
        title=_("Time limit"),
        required=False,
    )
    fee = schema.TextLine(
        title=_("Fees and charges"),
        description=_("As written in the national catalogue."),
        required=False,
    )
    description = schema.Text(
        title=_("Description"),
        required=False,
    )


class IRequiredDocumentRow(model.Schema):
    """One paper of the dossier (thành phần hồ sơ)."""

    case = schema.TextLine(
        title=_("Case"),
        description=_("Papers of the same case are listed together."),
        required=False,
    )
    name = schema.TextLine(
        title=_("Paper"),
        required=True,
    )
    form = schema.TextLine(
        title=_("Form to download"),
        description=_(
            "Web address of the form, or the short name of a file added "
            "inside this procedure."
        ),
        required=False,
        constraint=form_reference,
    )
    originals = schema.Int(
        title=_("Originals"),
        required=False,
        constraint=non_negative,
    )
    copies = schema.Int(
        title=_("Copies"),
        required=False,
        constraint=non_negative,
    )


class ILegalBasisRow(model.Schema):
    """One document of the legal basis (căn cứ pháp lý), as the national
    catalogue cites it."""

    document_number = schema.TextLine(
        title=_("Number and symbol"),
        required=True,
    )
    title = schema.TextLine(
        title=_("Summary"),
        required=False,
    )
    issue_date = schema.Date(
        title=_("Issue date"),
        required=False,
    )
    issuing_body = schema.TextLine(
        title=_("Issuing body"),
        required=False,
    )


def _rows(title, row_schema, description=None):
    return schema.List(
        title=title,
        description=description,
        value_type=DictRow(title=title, schema=row_schema),
        default=[],
        missing_value=[],
        required=False,
    )


# -- the type ----------------------------------------------------------------


class IProcedure(model.Schema):
    """Schema of ``Procedure`` (title and summary come from ``plone.basic``)."""

    model.fieldset(
        "carrying_out",
        label=_("Steps and channels"),
        fields=["steps", "channels"],
    )
    model.fieldset(
        "papers",
        label=_("Dossier"),
        fields=["required_documents"],
    )
    model.fieldset(
        "outcome",
        label=_("Result and conditions"),
        fields=["result", "conditions"],
    )
    model.fieldset(
        "legal",
        label=_("Legal basis"),
        fields=["legal_basis", "legal_basis_documents"],
    )

    # Main tab: what a citizen reads first; the invariants use only these.
    procedure_code = schema.TextLine(
        title=_("Procedure code"),
        description=_(
            "As on the national public-service portal, for example 1.001193 "
            "or 1.001612.000.00.00.H48."
        ),
        required=True,
        constraint=validate_code,
    )

    implementation_levels = schema.List(
        title=_("Implementation levels"),
        value_type=schema.Choice(
            vocabulary="commune_portal.vocabularies.ImplementationLevels"
        ),
        default=["commune"],
        missing_value=[],
        required=False,
    )
    directives.widget("implementation_levels", CheckBoxFieldWidget)

    sectors = schema.List(
        title=_("Sectors"),
        value_type=schema.Choice(vocabulary="commune_portal.vocabularies.Sectors"),
        default=[],
        missing_value=[],
        required=False,
    )
    directives.widget("sectors", CheckBoxFieldWidget)

    target_subjects = schema.List(
        title=_("Who may apply"),
        description=_("One per line, for example Công dân Việt Nam."),
        value_type=schema.TextLine(),
        default=[],
        missing_value=[],
        required=False,
    )

    implementing_agency = schema.TextLine(
        title=_("Implementing agency"),
        required=False,
    )

    online_service = schema.Choice(
        title=_("Online public service"),
        vocabulary="commune_portal.vocabularies.OnlineServiceLevels",
        default="information_only",
        required=True,
    )

    national_portal_url = schema.TextLine(
        title=_("Page on the national public-service portal"),
        description=_("Where citizens file the dossier online."),
        required=False,
        constraint=web_address,
    )

    processing_days = schema.Int(
        title=_("Time limit in working days"),
        description=_(
            "The shortest time limit, as a number, for listings; the time limit "
            "of each channel is written in full under Steps and channels."
        ),
        required=False,
        constraint=non_negative,
    )

    fee_summary = schema.TextLine(
        title=_("Fees in short"),
        description=_("For listings, for example Miễn lệ phí or 8.000 đồng."),
        required=False,
    )

    steps = schema.Text(
        title=_("Steps"),
        description=_("Bước 1, Bước 2 …, one step per paragraph."),
        required=False,
    )

    channels = _rows(_("Channels"), IChannelRow)
    directives.widget("channels", DataGridFieldFactory, auto_append=False)

    required_documents = _rows(
        _("Required papers"),
        IRequiredDocumentRow,
        _("Papers of one case share the same case name."),
    )
    directives.widget("required_documents", DataGridFieldFactory, auto_append=False)

    result = schema.Text(
        title=_("Result"),
        required=False,
    )

    conditions = schema.Text(
        title=_("Requirements and conditions"),
        required=False,
    )

    legal_basis = _rows(_("Legal basis"), ILegalBasisRow)
    directives.widget("legal_basis", DataGridFieldFactory, auto_append=False)

    legal_basis_documents = RelationList(
        title=_("Legal basis documents on this site"),
        description=_(
            "The documents of the legal basis published on this site: the page "
            "warns when one of them is replaced, repealed or expired."
        ),
        value_type=RelationChoice(
            vocabulary="plone.app.vocabularies.Catalog",
            constraint=official_documents_only,
        ),
        default=[],
        missing_value=[],
        required=False,
    )
    directives.widget(
        "legal_basis_documents",
        ContentBrowserFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={
            "selectableTypes": ["Directive", "Resolution"],
            "baseCriteria": [
                {
                    "i": "portal_type",
                    "o": "plone.app.querystring.operation.selection.any",
                    "v": ["Directive", "Resolution"],
                }
            ],
        },
    )

    @invariant
    def code_is_unique(data):
        """No other procedure of the site has the same (short) code. The
        other procedure is named only to those who may view it. The import
        gives its own lookup (``__find_procedure__``: the catalog as the
        import began plus what it created since, without flushing the
        indexing queue per item); forms and REST search the catalog."""
        code = _value(data, "procedure_code")
        finder = _value(data, "__find_procedure__") or find_procedure
        duplicate = finder(getattr(data, "__context__", None), code)
        if duplicate is None:
            return
        if not getSecurityManager().checkPermission("View", duplicate):
            raise Invalid(
                _(
                    "The code ${code} is already used by another procedure of "
                    "this site, which you may not see.",
                    mapping={"code": code},
                )
            )
        raise Invalid(
            _(
                'The code ${code} is already used by the procedure "${title}" '
                "(${url}).",
                mapping={
                    "code": code,
                    "title": duplicate.Title(),
                    "url": duplicate.absolute_url(),
                },
            )
        )

    @invariant
    def online_service_has_an_address(data):
        """A fully or partly online service links to its page on the
        national portal."""
        level = _value(data, "online_service")
        if level in ("full", "partial") and not _value(data, "national_portal_url"):
            raise Invalid(
                _(
                    "An online public service needs the address of its page on "
                    "the national public-service portal."
                )
            )


def _value(data, name):
    """A field's value in invariant ``data``; ``None`` when neither the
    submitted data nor the context has it (add forms validate against the
    container)."""
    try:
        return getattr(data, name, None)
    except (TypeError, Invalid, AttributeError):
        return None


def find_procedure(context, code):
    """Another procedure than ``context`` with the same short code, or
    ``None``. Searches every procedure of the site, also those the user
    cannot see (the caller says whether they may)."""
    key = short_code(code)
    if key is None or context is None:
        return None
    catalog = getToolByName(context, "portal_catalog", None)
    if catalog is None:
        return None
    own_uid = IUUID(context, None)
    for brain in catalog.unrestrictedSearchResults(
        portal_type=PORTAL_TYPE, procedure_code_key=key
    ):
        if own_uid != brain.UID:
            try:
                return brain._unrestrictedGetObject()
            except (AttributeError, KeyError):
                continue  # a stale catalog entry is no procedure
    return None


@implementer(IProcedure)
class Procedure(Container):
    """An administrative procedure; it holds the files of its forms."""

    def reindexObjectSecurity(self, skip_self=False):
        """CMFCore's, without its catalog search when it can only find
        nothing: after a transition, CMFCore searches the catalog for the
        item's path to reindex the security of what is catalogued there. A
        procedure created in this transaction is not catalogued yet (its
        pending indexing, at commit, reads its security as it is then), and
        holds no form yet: the search, whose cost grows with the folder
        (about 0.3 ms a transition at 5,000 procedures, bench/procedures.py),
        is skipped. Otherwise, as CMFCore does."""
        catalog = self._getCatalogTool()
        if (
            catalog is not None
            and not self.objectIds()
            and catalog.getrid("/".join(self.getPhysicalPath())) is None
        ):
            return
        super().reindexObjectSecurity(skip_self=skip_self)
