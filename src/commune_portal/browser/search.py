"""Plone's search page (``@@search``) with a label on its text field.

Plone 6.2's ``search.pt`` names the field by its ``title`` only, which axe
reports as a serious failure (label-title-only; WCAG 1.3.1, 4.1.2): screen
readers do not all read a title as the field's name. On commune sites this
view, registered for the add-on's layer, renders Plone's own template
unchanged and gives the field an id and a visually hidden ``<label>``
with Plone's own wording of its title. Where Plone's markup changes so
that the field is not found, the page is served as Plone renders it (the
accessibility tests of the journeys then fail).
"""

from html import escape
from pathlib import Path
from Products.CMFPlone.browser import search as plone_search
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate
import re


PLONE_TEMPLATE = Path(plone_search.__file__).parent / "templates" / "search.pt"
FIELD_ID = "search-site-text"
_FORM = 'id="searchform"'
_FIELD = re.compile(r'<input\b(?=[^>]*\bname="SearchableText")[^>]*>')
_GROUP = '<div class="input-group">'


def labelled(html, label):
    """``html`` of the search page with ``label`` on the text field of its
    search form (nothing changed when that form or field is not found, or
    the field is labelled already)."""
    form = html.find(_FORM)
    if form < 0:
        return html
    field = _FIELD.search(html, form)
    if field is None or re.search(r"\sid=", field.group(0)):
        return html
    tag = field.group(0).replace("<input", f'<input id="{FIELD_ID}"', 1)
    html = html[: field.start()] + tag + html[field.end() :]
    # Before the input group, so that Bootstrap still rounds the field.
    group = html.rfind(_GROUP, form, field.start())
    at = group if group >= 0 else field.start()
    label_tag = (
        f'<label class="visually-hidden" for="{FIELD_ID}">{escape(label)}</label>'
    )
    return html[:at] + label_tag + html[at:]


class LabelledSearch(plone_search.Search):
    """``@@search`` of commune sites."""

    index = ViewPageTemplateFile(str(PLONE_TEMPLATE))

    def __call__(self):
        label = translate(
            "title_search_title",
            domain="plone",
            default="Search Site",
            context=self.request,
        )
        return labelled(self.index(), label)
