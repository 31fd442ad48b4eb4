"""The vi and en catalogs of commune_portal are complete and up to date."""

from pathlib import Path
from tests.helpers import po_entries
import commune_portal
import os
import pytest
import shutil
import subprocess
import sys


LOCALES = Path(commune_portal.__file__).parent / "locales"
POT = LOCALES / "commune_portal.pot"


def catalog(path):
    """msgid -> (msgstr, fuzzy) of a .po or .pot file, header left out."""
    return {
        msgid: (msgstr, "fuzzy" in comments)
        for msgid, (msgstr, comments) in po_entries(path).items()
    }


@pytest.mark.parametrize("language", ["vi", "en"])
def test_catalog_complete(language):
    template = catalog(POT)
    translations = catalog(LOCALES / language / "LC_MESSAGES" / "commune_portal.po")
    assert template, "the template has no message"
    assert sorted(set(template) - set(translations)) == []
    untranslated = [msgid for msgid, (msgstr, _) in translations.items() if not msgstr]
    fuzzy = [msgid for msgid, (_, is_fuzzy) in translations.items() if is_fuzzy]
    assert untranslated == []
    assert fuzzy == []
    assert sorted(set(translations) - set(template)) == []


def test_template_matches_the_code(tmp_path):
    """Every message of the code is in the template (run `make i18n`)."""
    i18ndude = shutil.which("i18ndude", path=str(Path(sys.executable).parent))
    assert i18ndude, "i18ndude is part of the test extra"
    fresh = tmp_path / "fresh.pot"
    subprocess.run(
        [
            i18ndude,
            "rebuild-pot",
            "--pot",
            str(fresh),
            "--create",
            "commune_portal",
            str(LOCALES.parent),
        ],
        check=True,
        capture_output=True,
    )
    assert sorted(catalog(fresh)) == sorted(catalog(POT))


# -- Vietnamese for Plone's own domains, and the switch that leaves it out --

PLONE_LOCALES = LOCALES.parent / "locales_plone"
FEATURE = "commune-portal-without-plone-translations"
# Our Vietnamese for a message of the ``plone`` domain (a state title of
# our workflows) that Plone's own catalog does not translate.
OURS_ONLY = ("Pending approval", "Chờ phê duyệt")

# Loads Plone's Vietnamese catalogs, then the add-on's ``translations.zcml``
# (which configure.zcml includes) as Zope does, with the feature provided
# or not as a province's site.zcml would, and translates ``OURS_ONLY``. In
# a process of its own: translation domains are global to a process.
LOAD = """
import commune_portal, plone.app.locales, sys, zope.i18n
from pathlib import Path
from zope.configuration import config, xmlconfig
from zope.i18n import translate

context = config.ConfigurationMachine()
xmlconfig.registerCommonDirectives(context)
if sys.argv[1] == "feature":
    context.provideFeature({feature!r})
xmlconfig.file("meta.zcml", zope.i18n, context=context)
xmlconfig.string(
    '<configure xmlns:i18n="http://namespaces.zope.org/i18n">'
    '<i18n:registerTranslations directory="%s" /></configure>'
    % (Path(plone.app.locales.__file__).parent / "locales"),
    context=context,
)
xmlconfig.file("translations.zcml", commune_portal, context=context)
print(translate({msgid!r}, domain="plone", target_language="vi"))
print(translate("Agreement", domain="commune_portal", target_language="vi"))
"""


def test_catalogs_of_plone_domains_are_apart():
    """``locales/`` holds only the add-on's own domain, so that the switch
    below leaves out everything of Plone's domains."""
    assert {path.name for path in LOCALES.glob("*/LC_MESSAGES/*.po")} == {
        "commune_portal.po"
    }
    assert "plone.po" in {
        path.name for path in PLONE_LOCALES.glob("vi/LC_MESSAGES/*.po")
    }
    ours = catalog(PLONE_LOCALES / "vi" / "LC_MESSAGES" / "plone.po")
    assert ours[OURS_ONLY[0]] == (OURS_ONLY[1], False)


@pytest.mark.parametrize(
    ("provided", "expected"), [("", OURS_ONLY[1]), ("feature", OURS_ONLY[0])]
)
def test_switch_leaves_plone_domains_out(provided, expected):
    """Without the feature our Vietnamese of Plone's domains is there; with
    ``<meta:provides feature="commune-portal-without-plone-translations"/>``
    it is not, and the add-on's own domain stays translated."""
    script = LOAD.format(feature=FEATURE, msgid=OURS_ONLY[0])
    result = subprocess.run(
        [sys.executable, "-c", script, provided],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "zope_i18n_compile_mo_files": "true"},
    )
    plone_domain, own_domain = result.stdout.splitlines()
    assert plone_domain == expected
    own = catalog(LOCALES / "vi" / "LC_MESSAGES" / "commune_portal.po")
    assert own_domain == own["Agreement"][0] != "Agreement"
