"""Fixtures of the voting tests."""

from tests.voting.builders import PASSWORD
import pytest


@pytest.fixture
def browser(request_factory):
    """``browser(user_id=None)``: a Classic UI client (HTML), anonymous or
    as a user of ``tests.voting.builders.Council``."""

    def factory(user_id=None):
        auth = None if user_id is None else (user_id, PASSWORD)
        session = request_factory(basic_auth=auth, api=False)
        session.headers["Accept"] = "text/html"
        return session

    return factory
