"""The vi and en catalogs of commune_portal are complete and up to date."""

from pathlib import Path
from tests.helpers import po_entries
import commune_portal
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
