"""A procedure's workflow chain, remembered per item within ``chains_held()``
(the procedure import) and looked up as Plone does everywhere else
(``workflows/chains.py``)."""

from commune_portal.procedure_import import FIXTURE
from commune_portal.procedure_import import import_procedures
from commune_portal.procedure_import import load
from commune_portal.workflows import chains
from commune_portal.workflows.policies import switch_policy
from plone import api
from tests.helpers import record_calls
from tests.procedure_helpers import make_procedure
from tests.procedure_helpers import procedures_section
import pytest


EDITORIAL = "commune_editorial_workflow"
SIMPLE = "commune_simple_workflow"


def chain(obj):
    return tuple(api.portal.get_tool("portal_workflow").getChainFor(obj))


@pytest.fixture
def asked(monkeypatch):
    """The paths CMFPlacefulWorkflow was asked the chain of, through
    ``procedure_chain``."""
    return record_calls(
        monkeypatch,
        chains,
        "PlacefulWorkflowChain",
        lambda ob, tool: "/".join(ob.getPhysicalPath()),
    )


@pytest.fixture
def section(portal):
    return procedures_section(portal)


class TestOutsideTheBlock:
    def test_placeful_policy_of_the_section(self, section):
        procedure = make_procedure(section, "khai-sinh")
        assert chain(procedure) == (SIMPLE,)  # commune_one_step

    def test_every_ask_is_answered_afresh(self, section, asked):
        procedure = make_procedure(section, "khai-sinh")
        del asked[:]
        chain(procedure)
        chain(procedure)
        assert len(asked) == 2

    def test_a_policy_switch_is_seen_at_once(self, section):
        procedure = make_procedure(section, "khai-sinh")
        assert chain(procedure) == (SIMPLE,)
        with api.env.adopt_roles(["Manager"]):
            switch_policy(section, "commune_two_step", "commune_two_step")
        assert chain(procedure) == (EDITORIAL,)


class TestWithinTheBlock:
    def test_asked_once_per_item(self, section, portal, asked):
        in_section = make_procedure(section, "khai-sinh")
        at_root = make_procedure(portal, "ket-hon", procedure_code="1.000894")
        workflows = api.portal.get_tool("portal_workflow")
        del asked[:]
        with chains.chains_held():
            for _ in range(3):
                assert chain(in_section) == (SIMPLE,)
                # The site's default chain for procedures, not the section's.
                assert chain(at_root) == workflows.getChainForPortalType("Procedure")
        assert sorted(asked) == sorted(
            "/".join(obj.getPhysicalPath()) for obj in (in_section, at_root)
        )

    def test_forgotten_after_the_block(self, section, asked):
        procedure = make_procedure(section, "khai-sinh")
        with chains.chains_held():
            chain(procedure)
        with api.env.adopt_roles(["Manager"]):
            switch_policy(section, "commune_two_step", "commune_two_step")
        del asked[:]
        assert chain(procedure) == (EDITORIAL,)
        assert len(asked) == 1

    def test_nested_blocks_share_the_outer_one(self, section, asked):
        procedure = make_procedure(section, "khai-sinh")
        del asked[:]
        with chains.chains_held():
            chain(procedure)
            with chains.chains_held():
                chain(procedure)
            chain(procedure)
        assert len(asked) == 1

    def test_other_types_are_looked_up_as_plone_does(self, section, asked):
        with api.env.adopt_roles(["Manager"]):
            page = api.content.create(section, "Document", id="gioi-thieu")
        with chains.chains_held():
            chain(page)
        assert asked == []


class TestImport:
    def test_one_lookup_per_procedure_while_importing(self, section, asked):
        items = load(FIXTURE)[:3]
        with api.env.adopt_roles(["Manager"]):
            report = import_procedures(section, items, publish=True)
        assert report["created"] == 3
        created = [section[entry["@id"].rsplit("/", 1)[1]] for entry in report["items"]]
        assert sorted(set(asked)) == sorted(
            "/".join(obj.getPhysicalPath()) for obj in created
        )
        assert len(asked) == 3  # one per item, not about eleven
        for obj in created:
            assert api.content.get_state(obj) == "published"
            assert chain(obj) == (SIMPLE,)
