"""Items published by the add-on's workflows get their publication date.

Plone's state menu sets the Dublin Core effective date ("ngày phát hành")
only when the user who publishes may edit the item, and a leader approving
a document may not (the board's check is what gets approved). Without it a
published item shows no publication date and sorts last by date.
"""

from Acquisition import aq_base
from commune_portal.workflows.guards import PUBLISHED
from DateTime import DateTime


WORKFLOW_IDS = (
    "commune_editorial_workflow",
    "commune_simple_workflow",
    "council_material_workflow",
    "voter_petition_workflow",
)


def set_publication_date(obj, event):
    """Subscriber of ``IAfterTransitionEvent``: entering ``published`` in one
    of our workflows sets the effective date when the item has none."""
    workflow, state = event.workflow, event.new_state
    if workflow is None or workflow.getId() not in WORKFLOW_IDS:
        return  # Plone's workflows, other sites
    if state is None or state.getId() != PUBLISHED:
        return
    if getattr(aq_base(obj), "effective_date", None) is not None:
        return  # chosen by the editor, or published before
    obj.setEffectiveDate(DateTime())
    obj.reindexObject(idxs=["effective", "effectiveRange"])
