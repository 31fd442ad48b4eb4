"""The roles of the editorial workflows and their place on the sharing page.

The roles themselves are added by ``profiles/default/rolemap.xml``; what
each may do is in the workflow definitions (docs/workflows.md). The sharing
page entries are *local* utilities (``profiles/default/componentregistry.xml``)
so that they appear only on sites where commune_portal is installed.
"""

from commune_portal import _
from plone.app.workflow.interfaces import ISharingPageRole
from zope.interface import implementer


ROLES = (
    "CommuneApprover",
    "CouncilSecretary",
    "CouncilDelegate",
    "ProcedureOfficer",
    "QuestionModerator",
)


@implementer(ISharingPageRole)
class SharingPageRole:
    """A role of commune_portal on the sharing page.

    Instances are stored in the site manager: only the class is pickled, the
    title and permission are read from it, so that they can change with the
    code.
    """

    meta_type = "commune_portal sharing page role"
    title = None
    required_permission = None
    required_interface = None


class CommuneApproverRole(SharingPageRole):
    # Lãnh đạo phê duyệt: approves publication in the two-step workflow.
    title = _("Approving leader")
    required_permission = "commune_portal: Delegate CommuneApprover role"


class CouncilSecretaryRole(SharingPageRole):
    # Thư ký HĐND: council records, session materials, votes, petitions.
    title = _("Council secretary")
    required_permission = "commune_portal: Delegate CouncilSecretary role"


class CouncilDelegateRole(SharingPageRole):
    # Đại biểu HĐND: reads circulated session materials, votes.
    title = _("Council delegate")
    required_permission = "commune_portal: Delegate CouncilDelegate role"


class ProcedureOfficerRole(SharingPageRole):
    # Cán bộ một cửa: adds, edits and publishes procedures.
    title = _("One-stop-shop officer")
    required_permission = "commune_portal: Delegate ProcedureOfficer role"


class QuestionModeratorRole(SharingPageRole):
    # Cán bộ tiếp nhận, trả lời hỏi đáp: receives citizens' questions,
    # assigns them, publishes or rejects them; reads the asker's data.
    title = _("Question moderator")
    required_permission = "commune_portal: Delegate QuestionModerator role"
