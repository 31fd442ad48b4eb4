"""Shared fixtures: the commune_portal layers through pytest-plone."""

import os


# Compile the .po catalogs to .mo when the layer loads the ZCML, so that the
# tests see the translations exactly as a running instance does.
os.environ.setdefault("zope_i18n_compile_mo_files", "true")

from commune_portal.testing import FUNCTIONAL_TESTING  # noqa: E402
from commune_portal.testing import INTEGRATION_TESTING  # noqa: E402
from plone import api  # noqa: E402
from plone.app.testing import setRoles  # noqa: E402
from pytest_plone import fixtures_factory  # noqa: E402
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
