"""Write docs/permissions.md from the workflows of a running site.

Run from the repository by ``zconsole run instance/etc/zope.conf
scripts/permission_matrix.py`` (``app`` is provided by zconsole; ``SITE_ID``
and ``ADMIN_USER`` as for create_site.py) on a site with commune_portal. Nothing is
saved in the site: the users and items the measure needs are rolled back.

The test suite does the same on a fresh test site and fails while the file
differs: ``UPDATE_PERMISSIONS_DOC=1 .venv/bin/pytest tests/workflows/test_matrix.py``
rewrites it.
"""

from AccessControl.SecurityManagement import newSecurityManager
from commune_portal.workflows import matrix
from pathlib import Path
from Testing.makerequest import makerequest
from zope.component.hooks import setSite
import os
import transaction


SITE_ID = os.environ.get("SITE_ID", "Plone")
ADMIN = os.environ.get("ADMIN_USER", "admin")
# zconsole runs the script without ``__file__``: run it from the repository.
DOC = Path(os.environ.get("PERMISSIONS_DOC", "docs/permissions.md"))


def main(app):
    app = makerequest(app)
    user = app.acl_users.getUserById(ADMIN)
    newSecurityManager(None, user.__of__(app.acl_users))
    site = app[SITE_ID]
    setSite(site)
    try:
        DOC.write_text(matrix.render(site, matrix.compute(site)), encoding="utf-8")
    finally:
        transaction.abort()
    print(f"[permission_matrix] wrote {DOC}", flush=True)


main(app)  # noqa: F821 (``app`` is provided by zconsole)
