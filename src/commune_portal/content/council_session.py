"""``CouncilSession``: a session (kỳ họp) of the People's Council, with its
number, kind, dates and place (plone.app.event's ``start``/``end`` and
``location`` behaviors, so a session is also on the site's calendar) and
its agenda. It holds the session's materials and resolutions.

A session is called by its number in words, "Kỳ họp thứ Tư" (DOMAIN.md):
when the secretary leaves the title empty, the title is that (and so is
the new session's id, through ``plone.namefromtitle``).

An agenda row names the materials discussed under it (``documents``: UIDs
of ``SessionDocument`` and ``Resolution`` items of this session), so the
session page can show the materials in agenda order.
"""

from Acquisition import aq_base
from collective.z3cform.datagridfield.datagridfield import DataGridFieldFactory
from collective.z3cform.datagridfield.row import DictRow
from commune_portal import _
from commune_portal.behaviors.official_document import FieldInvalid
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import invariant


PORTAL_TYPE = "CouncilSession"
MATERIAL_TYPES = ("SessionDocument", "Resolution")
# The session's votes besides its resolutions'.
VOTE_TYPES = ("Election", "ConfidenceVote")

_UNITS = ("", "Nhất", "Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy", "Tám", "Chín")
_DIGITS = ("", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


def ordinal(number):
    """The Vietnamese ordinal of a session: 1 → ``Nhất``, 4 → ``Tư``,
    14 → ``Mười bốn``, 21 → ``Hai mươi mốt``, 25 → ``Hai mươi lăm``."""
    if not number or number < 1:
        return ""
    if number < 10:
        return _UNITS[number]
    if number >= 100:
        return str(number)
    tens, units = divmod(number, 10)
    if tens == 1:
        words = "Mười"
        unit = {5: "lăm"}.get(units, _DIGITS[units])
    else:
        words = f"{_DIGITS[tens].capitalize()} mươi"
        unit = {1: "mốt", 4: "tư", 5: "lăm"}.get(units, _DIGITS[units])
    return f"{words} {unit}" if unit else words


def session_label(number):
    """``Kỳ họp thứ Tư`` for session 4 (content, in the site's language)."""
    words = ordinal(number)
    return f"Kỳ họp thứ {words}" if words else ""


def material_uids(session):
    """The UIDs of the materials of ``session`` (``None``: none): what an
    agenda row may name, whoever looks."""
    if session is None:
        return set()
    return {
        item.UID()
        for item in session.objectValues()
        if getattr(aq_base(item), "portal_type", None) in MATERIAL_TYPES
    }


class IAgendaRow(model.Schema):
    """One item of the session's agenda."""

    time = schema.TextLine(
        title=_("Time"),
        description=_("For example 08:00 or Sáng 15/7."),
        required=False,
    )
    item = schema.TextLine(
        title=_("Agenda item"),
        required=True,
    )
    presenter = schema.TextLine(
        title=_("Presented by"),
        required=False,
    )
    # Stored and exchanged over REST as UIDs; the edit form shows the
    # session's materials by title to tick (``browser/council_agenda.py``).
    documents = schema.List(
        title=_("Materials"),
        description=_(
            "Tick the materials and resolutions of this session discussed "
            "under this item. A new session has none yet: save it, add its "
            "materials, then choose them here."
        ),
        value_type=schema.TextLine(),
        default=[],
        missing_value=[],
        required=False,
    )
    directives.widget(
        documents="commune_portal.browser.council_agenda.SessionMaterialsFieldWidget"
    )


class ICouncilSession(model.Schema):
    """Schema of ``CouncilSession``; ``start``, ``end`` and ``location``
    come from plone.app.event's behaviors."""

    model.fieldset(
        "agenda",
        label=_("Agenda"),
        fields=["agenda"],
    )

    title = schema.TextLine(
        title=_("Title"),
        description=_("Leave empty to call the session by its number: Kỳ họp thứ …"),
        required=False,
    )

    description = schema.Text(
        title=_("Summary"),
        required=False,
    )

    session_number = schema.Int(
        title=_("Session number"),
        description=_("The number of the session in the term: 4 for Kỳ họp thứ Tư."),
        min=1,
        max=99,
        required=True,
    )

    session_kind = schema.Choice(
        title=_("Kind of session"),
        vocabulary="commune_portal.vocabularies.SessionKinds",
        default="regular",
        required=True,
    )

    agenda = schema.List(
        title=_("Agenda"),
        value_type=DictRow(title=_("Agenda item"), schema=IAgendaRow),
        default=[],
        missing_value=[],
        required=False,
    )
    directives.widget("agenda", DataGridFieldFactory, auto_append=False)

    @invariant
    def agenda_names_materials_of_the_session(data):
        """An agenda row names materials of this very session."""
        context = getattr(data, "__context__", None)
        rows = getattr(data, "agenda", None) or []
        wanted = {uid for row in rows for uid in (row.get("documents") or ())}
        if not wanted:
            return
        session = (
            context if getattr(context, "portal_type", None) == PORTAL_TYPE else None
        )
        present = material_uids(session)
        for row in rows:
            unknown = [
                uid for uid in (row.get("documents") or ()) if uid not in present
            ]
            if unknown:
                raise FieldInvalid(
                    _(
                        "The agenda item “${item}” names materials that are not "
                        "in this session: ${uids}. Add the materials to the "
                        "session first.",
                        mapping={
                            "item": row.get("item") or "",
                            "uids": ", ".join(unknown),
                        },
                    ),
                    "agenda",
                )


@implementer(ICouncilSession)
class CouncilSession(Container):
    """A session of the People's Council."""

    # The title as the secretary wrote it; ``title`` falls back to the
    # session's number in words.
    _written_title = ""

    # When the secretary published the session's materials into the kỷ
    # yếu (proceedings archive) after the session; ``None`` before.
    proceedings_date = None

    @property
    def title(self):
        return self._written_title or session_label(
            getattr(self, "session_number", None)
        )

    @title.setter
    def title(self, value):
        self._written_title = value or ""

    @property
    def label(self):
        """``Kỳ họp thứ Tư``, whatever the title says."""
        return session_label(getattr(self, "session_number", None))
