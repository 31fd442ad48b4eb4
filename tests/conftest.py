"""Shared fixtures: the commune_portal layers through pytest-plone."""

import os


# Compile the .po catalogs to .mo when the layer loads the ZCML, so that the
# tests see the translations exactly as a running instance does.
os.environ.setdefault("zope_i18n_compile_mo_files", "true")

from commune_portal.testing import FUNCTIONAL_TESTING  # noqa: E402
from commune_portal.testing import INTEGRATION_TESTING  # noqa: E402
from datetime import date as D  # noqa: E402
from pathlib import Path  # noqa: E402
from plone import api  # noqa: E402
from plone.app.testing import setRoles  # noqa: E402
from plone.namedfile.file import NamedBlobFile  # noqa: E402
from pytest_plone import fixtures_factory  # noqa: E402
from tests.council_helpers import give_council_role  # noqa: E402
from tests.council_helpers import listing_council  # noqa: E402
from tests.helpers import make_document  # noqa: E402
import pytest  # noqa: E402
import transaction  # noqa: E402


pytest_plugins = ["pytest_plone"]

globals().update(
    fixtures_factory(
        (
            (INTEGRATION_TESTING, "integration"),
            (FUNCTIONAL_TESTING, "functional"),
        )
    )
)

PASSWORD = "Mat-khau-thu-2026"


# -- running in parallel ------------------------------------------------------

TESTS = Path(__file__).parent


def pytest_configure(config):
    """Compile the message catalogs (``.po`` to ``.mo``, as Zope does when
    it loads the ZCML) once, before any worker starts: on a fresh checkout
    the workers would otherwise compile the same files at the same moment,
    and one would read a file another is still writing."""
    if hasattr(config, "workerinput"):
        return
    from zope.i18n.compile import compile_mo_file
    import sysconfig

    for root in (sysconfig.get_paths()["purelib"], TESTS.parent / "src"):
        for po in sorted(Path(root).glob("**/LC_MESSAGES/*.po")):
            compile_mo_file(po.stem, str(po.parent))


# Whole folders one worker runs alone: each builds a costly fixture once (a
# PostgreSQL cluster, the demo site with a browser) and runs for minutes.
# The cluster goes first, while the other worker takes the small modules.
# The journeys go last: their layer, once set up, stays on top of the
# stacked test databases of the process, so a functional or integration
# test after them on the same worker would find the demo commune in its
# site (plone.testing resolves ``zodbDB`` to the top of one shared stack).
WHOLE_FOLDERS = ("cluster", "journeys")
FIRST, LAST = "cluster", "journeys"


def _scope(nodeid):
    """The unit of work of a worker: a test module, or a whole folder of
    ``WHOLE_FOLDERS``."""
    path = nodeid.split("::", 1)[0]
    parts = path.split("/")
    if len(parts) > 2 and parts[0] == TESTS.name and parts[1] in WHOLE_FOLDERS:
        return parts[1]
    return path


def pytest_xdist_make_scheduler(config, log):
    """``make test`` runs the suite on as many workers as cores (``-n
    auto``): each test module on one worker (its module fixtures are built
    once), and each of ``WHOLE_FOLDERS`` on one worker. (pytest-xdist's own
    ``loadgroup`` does not group under pytest 9.2.)"""
    from xdist.scheduler import LoadScopeScheduling

    class ModuleScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            return _scope(nodeid)

    return ModuleScheduling(config, log)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """On a worker of ``make test`` (``--no-loadscope-reorder``: work is
    handed out in this order) the cluster comes first and the journeys
    last; a run without workers keeps its order (the journeys last too)."""
    if not hasattr(config, "workerinput"):
        return

    def rank(item):
        name = _scope(item.nodeid)
        return 0 if name == FIRST else 2 if name == LAST else 1

    items.sort(key=rank)  # stable: the modules keep their order


@pytest.fixture
def package_name() -> str:
    return "commune_portal"


@pytest.fixture
def user_with_roles(functional_portal):
    """Create a committed user of the functional portal with the given
    site-wide roles; return ``(user_id, password)`` for basic auth."""

    def factory(user_id, *roles):
        api.user.create(
            email=f"{user_id}@xa-nghiduong.example.vn",
            username=user_id,
            password=PASSWORD,
        )
        setRoles(functional_portal, user_id, ["Member", *roles])
        transaction.commit()
        return user_id, PASSWORD

    return factory


@pytest.fixture
def frozen_today(monkeypatch):
    """Set the day the add-on believes it is: ``frozen_today(date(...))``."""
    from commune_portal import legal_status

    def freeze(day):
        monkeypatch.setattr(legal_status, "today", lambda: day)

    return freeze


@pytest.fixture
def sample_documents(functional_portal):
    """``/van-ban`` with eight documents of Xã Nghi Dương: seven published
    (one in the sub-folder ``hdnd``, one replaced, one expired, one not yet
    in force, one with its signed file) and a private draft."""
    portal = functional_portal
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(portal, "Folder", id="van-ban", title="Văn bản")
        api.content.transition(folder, "publish")
    old = make_document(
        folder,
        "qd-12-2024",
        "Quyết định ban hành Quy chế làm việc của UBND xã",
        document_number="12/QĐ-UBND",
        document_type="quyet-dinh",
        issue_date=D(2024, 2, 1),
        issuing_body="Ủy ban nhân dân",
        sectors=["Nội vụ"],
    )
    make_document(
        folder,
        "qd-30-2026",
        "Quyết định ban hành Quy chế làm việc (thay thế)",
        document_number="30/QĐ-UBND",
        issue_date=D(2026, 3, 1),
        issuing_body="Ủy ban nhân dân",
        sectors=["Nội vụ"],
        replaces=[old],
    )
    make_document(
        folder,
        "kh-05-2026",
        "Kế hoạch chuyển đổi số năm 2026",
        document_number="05/KH-UBND",
        issue_date=D(2026, 1, 5),
        issuing_body="Ủy ban nhân dân",
        sectors=["Chuyển đổi số"],
        file=NamedBlobFile(data=b"%PDF-1.4 kh", filename="05-KH-UBND.pdf"),
    )
    make_document(
        folder,
        "kh-120-2026",
        "Kế hoạch tổ chức Tết Nguyên đán Đinh Mùi 2027",
        document_number="120/KH-UBND",
        issue_date=D(2026, 11, 20),
        effective_date=D(2027, 1, 1),
        issuing_body="Ủy ban nhân dân",
        sectors=["Văn hóa, thể thao và du lịch"],
    )
    make_document(
        folder,
        "nq-01-2025",
        "Nghị quyết quy định mức thu phí thu gom rác thải",
        document_number="01/2025/NQ-HĐND",
        issue_date=D(2025, 7, 15),
        effective_date=D(2025, 8, 1),
        issuing_body="Hội đồng nhân dân",
        sectors=["Môi trường", "Tài chính, ngân sách"],
        is_legal_normative=True,
    )
    make_document(
        folder,
        "cv-245-2025",
        "V/v tăng cường phòng, chống bão số 3 (Yagi)",
        document_number="245/UBND-VP",
        issue_date=D(2025, 9, 5),
        expiry_date=D(2025, 12, 31),
        issuing_body="Ủy ban nhân dân",
        sectors=["Quốc phòng, quân sự địa phương"],
    )
    make_document(
        folder,
        "du-thao",
        "Dự thảo kế hoạch tiếp công dân năm 2027",
        document_number="121/KH-UBND",
        issue_date=D(2026, 11, 21),
        issuing_body="Ủy ban nhân dân",
        sectors=["Tiếp công dân, khiếu nại, tố cáo"],
        publish=False,
    )
    with api.env.adopt_roles(["Manager"]):
        sub = api.content.create(folder, "Folder", id="hdnd", title="HĐND")
        api.content.transition(sub, "publish")
    make_document(
        sub,
        "nq-15-2026",
        "Nghị quyết về kế hoạch đầu tư công năm 2027",
        document_number="15/NQ-HĐND",
        issue_date=D(2026, 11, 19),
        issuing_body="Hội đồng nhân dân",
        sectors=["Tài chính, ngân sách"],
    )
    transaction.commit()
    return folder


# -- the council of the listings ------------------------------------------------
# ``tests.council_helpers.listing_council``, committed, and the two people who
# read it differently. A module that needs another council defines its own
# ``council`` fixture, which takes precedence.


@pytest.fixture
def council(functional_portal):
    """Two terms of the council of Xã Nghi Dương with sessions, materials
    and petitions (``tests.council_helpers.listing_council``)."""
    found = listing_council(functional_portal)
    transaction.commit()
    return found


def _council_member(section, user_with_roles, user_id, role):
    user, password = user_with_roles(user_id)
    give_council_role(section, user, role)
    transaction.commit()
    return user, password


@pytest.fixture
def secretary(council, user_with_roles):
    """``thuky``, CouncilSecretary on the council section: ``(id, password)``."""
    return _council_member(
        council["section"], user_with_roles, "thuky", "CouncilSecretary"
    )


@pytest.fixture
def delegate(council, user_with_roles):
    """``daibieu``, CouncilDelegate on the council section: ``(id, password)``."""
    return _council_member(
        council["section"], user_with_roles, "daibieu", "CouncilDelegate"
    )
