"""Import of procedures in one batch, as the console script and ``POST
@procedures-import`` run it: an invalid item among valid ones changes
nothing (no object, no name, no catalog entry, no sector) while the ones
around it are created and published; names are chosen as Plone chooses
them; a folder that does not take procedures takes none."""

from commune_portal.controlpanels.settings import REGISTRY_PREFIX
from commune_portal.procedure_import import FIXTURE
from commune_portal.procedure_import import import_procedures
from commune_portal.procedure_import import load
from plone import api
from plone.base.interfaces.constrains import ENABLED
from plone.base.interfaces.constrains import ISelectableConstrainTypes
from Products.CMFCore.indexing import processQueue
from tests.procedure_helpers import contents
from tests.procedure_helpers import procedures_section
from zExceptions import Unauthorized
import copy
import pytest


@pytest.fixture
def items():
    return {item["procedure_code"]: item for item in load(FIXTURE)}


@pytest.fixture
def section(portal):
    return procedures_section(portal)


def codes_catalogued(*keys):
    processQueue()
    catalog = api.portal.get_tool("portal_catalog")
    return {
        key: [
            brain.review_state
            for brain in catalog.unrestrictedSearchResults(procedure_code_key=key)
        ]
        for key in keys
    }


class TestInvalidItemInABatch:
    def test_changes_nothing_and_the_items_around_it_land(self, section, items):
        birth = copy.deepcopy(items["1.001193"])
        # The same title as the first item, a sector the control panel does
        # not list, and an address that is not http(s): refused whole.
        broken = copy.deepcopy(items["1.000894"])
        broken["title"] = birth["title"]
        broken["sectors"] = ["Lĩnh vực chưa có"]
        broken["national_portal_url"] = "javascript:alert(1)"
        # Named like the first item too: takes the name the broken one did
        # not take.
        birth_abroad = copy.deepcopy(items["2.000908"])
        birth_abroad["title"] = birth["title"]
        death = copy.deepcopy(items["1.000656"])
        batch = [birth, broken, birth_abroad, death]

        with api.env.adopt_roles(["Manager"]):
            report = import_procedures(section, batch, publish=True)

        assert [item["status"] for item in report["items"]] == [
            "created",
            "refused",
            "created",
            "created",
        ]
        assert (report["created"], report["updated"], report["refused"]) == (3, 0, 1)
        assert {e["field"] for e in report["items"][1]["errors"]} == {
            "national_portal_url"
        }
        assert report["sectors_added"] == []
        sectors = api.portal.get_registry_record(f"{REGISTRY_PREFIX}.sectors")
        assert "Lĩnh vực chưa có" not in sectors
        assert sorted(contents(section)) == [
            "thu-tuc-dang-ky-khai-sinh",
            "thu-tuc-dang-ky-khai-sinh-1",
            "thu-tuc-dang-ky-khai-tu",
        ]
        assert section["thu-tuc-dang-ky-khai-sinh-1"].procedure_code == "2.000908"
        for obj_id in contents(section):
            assert api.content.get_state(section[obj_id]) == "published"
        assert codes_catalogued("1.001193", "1.000894", "2.000908", "1.000656") == {
            "1.001193": ["published"],
            "1.000894": [],
            "2.000908": ["published"],
            "1.000656": ["published"],
        }

    def test_names_refused_by_plone_are_skipped(self, section, items):
        """A title whose name Plone reserves gets the next free one, as in
        the add form."""
        login = copy.deepcopy(items["1.001193"])
        login["title"] = "Login"
        with api.env.adopt_roles(["Manager"]):
            report = import_procedures(section, [login])
        assert report["items"][0]["status"] == "created"
        assert contents(section) == ["login-1"]


class TestFolderThatTakesNoProcedures:
    def test_nothing_added(self, portal, items):
        with api.env.adopt_roles(["Manager"]):
            folder = api.content.create(portal, "Folder", id="giay-to", title="x")
            constrains = ISelectableConstrainTypes(folder)
            constrains.setConstrainTypesMode(ENABLED)
            constrains.setLocallyAllowedTypes(["Document"])
            constrains.setImmediatelyAddableTypes(["Document"])
            with pytest.raises(Unauthorized):
                import_procedures(folder, [copy.deepcopy(items["1.001193"])])
        assert contents(folder) == []
