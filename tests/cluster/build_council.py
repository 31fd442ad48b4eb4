"""Give a site of the test cluster the council of ``bench/voting.py``.

Run by ``zconsole run <conf> tests/cluster/build_council.py SITE VOTERS``
(tests/cluster/conftest.py). The council, its delegates' users and the
resolutions (two named, one secret) are made by ``bench/voting.py``'s
own helpers; the last line printed, ``BUILT {json}``, names them for the
tests.
"""

from pathlib import Path
from Testing.makerequest import makerequest
from zope.component.hooks import setSite
import json
import sys


def main(app, site_id, voters):
    bench = (
        Path(
            sys.argv[
                sys.argv.index(
                    next(a for a in sys.argv if a.endswith("build_council.py"))
                )
            ]
        )
        .resolve()
        .parents[2]
        / "bench"
    )
    sys.path.insert(0, str(bench))
    from _site import login_manager
    from voting import build
    from voting import new_item
    from voting import PASSWORD

    app = makerequest(app)
    login_manager(app)
    site = app[site_id]
    setSite(site)
    session, users = build(app, site, voters)
    # Two named resolutions and a secret one (tests/cluster/test_voting.py).
    resolutions = [
        new_item(session, ballot, number)
        for number, ballot in ((1, "named"), (2, "named"), (3, "secret"))
    ]
    print(
        "BUILT "
        + json.dumps(
            {
                "session": "/".join(session.getPhysicalPath()),
                "resolutions": resolutions,
                "delegates": users,
                "secretary": "bench-thuky",
                "password": PASSWORD,
            }
        ),
        flush=True,
    )
    app._p_jar.db().close()


main(app, sys.argv[-2], int(sys.argv[-1]))  # noqa: F821 (zconsole gives ``app``)
