"""Create the commune sites of a province from a CSV file, or bring them up
to date (docs/deployment.md, "Many communes").

Run it inside Zope on the database that serves them::

    .venv/bin/zconsole run var/cluster/instance/etc/zope-script.conf \\
        scripts/province.py --csv scripts/cluster/hai-phong.csv [--demo]
    make province CSV=scripts/cluster/hai-phong.csv SITES=100 DEMO=1

The CSV has a header line; lines starting with ``#`` are ignored. Columns:
``id`` (the site's id in the Zope root), ``name`` (the commune or ward as in
its documents: "Phường Hồng Bàng"), ``province``, ``title`` (the portal's
title, optional), ``issuing_bodies`` (separated by ``;``, optional: the
control panel's defaults otherwise), ``kind`` (informative).

For each row, in order, with a progress line each:

1. the Plone site, created when missing as ``scripts/create_site.py`` does
   (classic, Vietnamese, Asia/Ho_Chi_Minh), titled from the row;
2. commune_portal installed (or its pending upgrade steps run);
3. the ``structure`` profile applied once, and with ``--demo`` the ``demo``
   profile (the demo commune's documents, procedures and council; the
   site keeps the row's title);
4. the commune's settings (name, province, issuing bodies) written where
   they still hold the add-on's defaults, so that what a site
   administrator changed afterwards is kept.

Each site is committed on its own: an interrupted run resumes where it
stopped. A second run with the same file changes nothing and says so.
``--sites N`` takes the first N rows; with more than the file has, the
rows are used again with ids ``<id>-2``, ``<id>-3`` … (scale tests only).
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SpecialUsers import system
from plone.base.utils import get_installer
from Products.CMFPlone.factory import addPloneSite
from Products.GenericSetup.tool import UNKNOWN
from Testing.makerequest import makerequest
from zope.component.hooks import setSite
import argparse
import csv
import os
import resource
import sys
import time
import transaction


REGISTRY_PREFIX = "commune_portal"
STRUCTURE = "commune_portal:structure"
DEMO = "commune_portal:demo"


def log(message):
    print(f"[province] {message}", flush=True)


def parse(argv):
    parser = argparse.ArgumentParser(
        prog="province.py", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--csv", required=True, help="the province's communes")
    parser.add_argument("--sites", type=int, help="the first N rows (see above)")
    parser.add_argument(
        "--demo", action="store_true", help="also the demo content, once per site"
    )
    parser.add_argument("--admin", default=os.environ.get("ADMIN_USER", "admin"))
    return parser.parse_args(argv)


def read_rows(path, sites=None):
    """The rows of the CSV as dictionaries (``sites``: see the module)."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    rows = [
        {key: (value or "").strip() for key, value in row.items()}
        for row in csv.DictReader(lines)
    ]
    for number, row in enumerate(rows, start=2):
        if not row.get("id") or not row.get("name"):
            raise SystemExit(f"{path}: row {number} has no id or no name: {row}")
    if sites is None:
        return rows
    result = rows[:sites]
    copy = 2
    while len(result) < sites:
        for row in rows[: sites - len(result)]:
            result.append(
                {
                    **row,
                    "id": f"{row['id']}-{copy}",
                    "title": f"{row.get('title') or row['name']} ({copy})",
                }
            )
        copy += 1
    return result


def issuing_bodies(row):
    return [
        body.strip()
        for body in row.get("issuing_bodies", "").split(";")
        if body.strip()
    ]


def ensure_site(app, row, demo):
    """Bring the site of ``row`` to what the row asks; return the list of
    what changed (empty: nothing)."""
    from plone import api

    changes = []
    site_id = row["id"]
    title = row.get("title") or f"Cổng thông tin điện tử {row['name']}"
    if site_id not in app.objectIds():
        addPloneSite(
            app,
            site_id,
            title=title,
            distribution_name="classic",
            default_language="vi",
            portal_timezone="Asia/Ho_Chi_Minh",
        )
        changes.append("site created")
    site = app[site_id]
    setSite(site)
    setup = site.portal_setup
    installer = get_installer(site, site.REQUEST)
    if not installer.is_product_installed("commune_portal"):
        installer.install_product("commune_portal")
        changes.append("add-on installed")
    elif setup.listUpgrades("commune_portal:default"):
        setup.upgradeProfile("commune_portal:default")
        changes.append("add-on upgraded")
    demo_now = False
    for profile in (STRUCTURE, DEMO) if demo else (STRUCTURE,):
        if setup.getLastVersionForProfile(profile) == UNKNOWN:
            demo_now = demo_now or profile == DEMO
            setup.runAllImportStepsFromProfile(f"profile-{profile}")
            changes.append(profile.split(":")[1])
            if profile == DEMO:
                # The demo titles the site as its own commune: keep ours.
                site.title = title
                site.description = ""
                site.reindexObject()
    settings = {
        "commune_name": row["name"],
        "province": row.get("province", ""),
    }
    bodies = issuing_bodies(row)
    if bodies:
        settings["issuing_bodies"] = bodies
    from commune_portal.controlpanels.settings import ICommuneSettings

    for name, value in settings.items():
        record = f"{REGISTRY_PREFIX}.{name}"
        current = api.portal.get_registry_record(record, default=None)
        default = ICommuneSettings[name].default
        # The demo writes its own commune's settings: ours replace them.
        if (demo_now or current in (None, "", default)) and current != value:
            api.portal.set_registry_record(record, value)
            changes.append(name)
    # Commit with the site set: the add-on's after-commit work (the
    # delegates' e-mails of the demo council) looks the site up.
    transaction.get().note(f"province.py: {site_id}")
    transaction.commit()
    setSite(None)
    forget_types()
    return changes


def forget_types():
    """Empty plone.dexterity's cache of types on the global request: it
    holds the previous site's types, which the next site must not get."""
    from plone.dexterity.schema import FTI_CACHE_KEY
    from zope.globalrequest import getRequest

    request = getRequest()
    if request is not None:
        setattr(request, FTI_CACHE_KEY, None)


def rss_mib():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main(app, argv):
    args = parse(argv)
    rows = read_rows(args.csv, args.sites)
    app = makerequest(app)
    user = app.acl_users.getUserById(args.admin)
    newSecurityManager(None, user.__of__(app.acl_users) if user else system)
    db = app._p_jar.db()
    started = time.perf_counter()
    size_before = db.getSize()
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    for number, row in enumerate(rows, start=1):
        begun = time.perf_counter()
        try:
            changes = ensure_site(app, row, args.demo)
        except Exception:
            transaction.abort()
            setSite(None)
            log(f"{number}/{len(rows)} {row['id']}: FAILED")
            raise
        app._p_jar.cacheMinimize()  # one site at a time in memory
        if "site created" in changes:
            counts["created"] += 1
        elif changes:
            counts["updated"] += 1
        else:
            counts["unchanged"] += 1
        elapsed = time.perf_counter() - started
        left = elapsed / number * (len(rows) - number)
        log(
            f"{number}/{len(rows)} {row['id']} ({row['name']}): "
            f"{', '.join(changes) or 'unchanged'} in {time.perf_counter() - begun:.1f} s; "
            f"RSS {rss_mib():.0f} MiB; ~{left / 60:.1f} min left"
        )
    seconds = time.perf_counter() - started
    size_after = db.getSize()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    log(
        f"{len(rows)} sites in {seconds:.0f} s: {counts['created']} created, "
        f"{counts['updated']} updated, {counts['unchanged']} unchanged; database "
        f"{size_before / 2**20:.0f} -> {size_after / 2**20:.0f} MiB; peak RSS {peak:.0f} MiB"
    )
    if counts["created"] == counts["updated"] == 0:
        log("nothing to change: every site is as the file says")
    db.close()


if __name__ == "__main__":
    if "app" in globals():  # zconsole run
        here = next(
            i
            for i, arg in enumerate(sys.argv)
            if os.path.basename(arg) == "province.py"
        )
        main(app, sys.argv[here + 1 :])  # noqa: F821
    else:
        sys.exit(
            "Run it inside Zope: zconsole run <zope.conf> scripts/province.py --csv FILE "
            "(or make province)"
        )
