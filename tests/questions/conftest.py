"""Fixtures of the tests of citizen questions."""

from commune_portal.questions import ratelimit
from plone import api
from Products.CMFPlone.tests.utils import MockMailHost
from tests.questions.helpers import questions_section
from tests.questions.helpers import SENDER
from tests.workflows.test_notifications import install_mailhost
from tests.workflows.test_notifications import Mailbox
import pytest
import transaction


@pytest.fixture(autouse=True)
def no_counts():
    """Each test starts with no submissions or look-ups counted."""
    ratelimit.clear()
    yield
    ratelimit.clear()


@pytest.fixture
def section(functional_portal):
    folder = questions_section(functional_portal)
    transaction.commit()
    return folder


@pytest.fixture
def mailbox(functional_portal):
    """Capture the mail of the functional portal; the site has a sender."""
    install_mailhost(functional_portal, MockMailHost("MailHost"))
    api.portal.set_registry_record("plone.email_from_address", SENDER)
    api.portal.set_registry_record("plone.email_from_name", "Cổng thông tin xã")
    transaction.commit()
    return Mailbox(functional_portal)
