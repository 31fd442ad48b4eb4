"""Creating and publishing: official documents against plain Plone Documents.

Run it from the repository root::

    .venv/bin/python bench/creation.py --documents 2000

In one fresh database (``bench/results/data-creation-N/``, removed and
rebuilt on every run) the script creates two Plone sites, ``plain`` (Plone
alone, classic distribution, Vietnamese) and ``commune`` (with
commune_portal, as ``bench/directives.py`` builds it). It then creates N
items in each, side by side: a batch of plain Plone ``Document`` items
published with ``publish`` of Plone's ``simple_publication_workflow``, then
a batch of the add-on's generated official documents published along the
two-step workflow (``submit``, ``review``, ``approve``), and so on, each
batch followed by its commit. Both are created the way plone.restapi's
``POST`` does it (factory, fields, ``ObjectCreatedEvent``, added to a year
folder), from the same generated titles and descriptions.

With ``--one-step``, a third side compares like with like: the same
generated official documents in a section under the ``commune_one_step``
policy (``commune_simple_workflow``), published with its one ``publish``
transition, as plain Plone publishes its Documents (from another seed:
other numbers and titles, in the same site).

The report (``bench/results/creation-N.md``, also printed) gives each side's
rate; ``--profile`` adds cProfile summaries of each side
(``bench/results/creation-profile-{plain,commune,one-step}-N.txt`` and
``.prof``).
"""

import argparse
import os
import sys
import time


BENCH = os.path.dirname(
    os.path.abspath(
        globals().get("__file__")
        or next(a for a in sys.argv if os.path.basename(a) == "creation.py")
    )
)
RESULTS = os.path.abspath(
    os.environ.get("BENCH_RESULTS") or os.path.join(BENCH, "results")
)
INSTANCE = os.path.join(RESULTS, "instance")
if BENCH not in sys.path:
    sys.path.insert(0, BENCH)


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="bench/creation.py", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--documents", type=int, default=2000, help="per site")
    parser.add_argument("--batch", type=int, default=100, help="items per commit")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--profile", action="store_true", help="cProfile each side")
    parser.add_argument(
        "--one-step",
        action="store_true",
        help="also official documents published with one `publish` "
        "(commune_one_step policy)",
    )
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def orchestrate(args, argv):
    from _worker import run_in_fresh_database

    run_in_fresh_database(
        RESULTS,
        INSTANCE,
        os.path.join(BENCH, "creation.py"),
        f"creation-{args.documents}",
        argv,
    )


# -- worker, inside Zope ---------------------------------------------------------


def plain_site(app):
    from Products.CMFPlone.factory import addPloneSite
    from zope.component.hooks import setSite

    if "plain" not in app.objectIds():
        addPloneSite(
            app,
            "plain",
            title="Plone (benchmark)",
            distribution_name="classic",
            default_language="vi",
            portal_timezone="Asia/Ho_Chi_Minh",
        )
    site = app["plain"]
    setSite(site)
    return site


def create_plain(container, spec):
    """A plain Plone Document, as plone.restapi's POST creates it, then
    published."""
    from _site import publish
    from Acquisition import aq_base
    from plone.app.textfield.value import RichTextValue
    from plone.restapi.services.content.utils import add
    from plone.restapi.services.content.utils import create
    from zope.event import notify
    from zope.lifecycleevent import ObjectCreatedEvent

    obj = create(container, "Document", id_=spec.id, title=spec.title)
    obj = obj.__of__(container)
    obj.description = spec.description
    obj.text = RichTextValue(
        f"<p>{spec.title}. {spec.description}</p>", "text/html", "text/x-html-safe"
    )
    obj = aq_base(obj)
    notify(ObjectCreatedEvent(obj))
    obj = add(container, obj, rename=False)
    publish(obj)
    return obj


def worker(app, args):
    from _data import specs as make_specs
    from _measure import machine
    from _site import _create_document
    from _site import _folder
    from _site import get_site
    from _site import log
    from _site import login_manager
    from _site import PUBLISH_PATHS
    from _site import ROOT_FOLDER
    from zope.component import getUtility
    from zope.component.hooks import setSite
    from zope.intid.interfaces import IIntIds
    import cProfile
    import io
    import pstats
    import transaction

    login_manager(app)
    plain = plain_site(app)
    transaction.commit()
    commune = get_site(app, "commune")
    all_specs = make_specs(args.documents, seed=args.seed)
    sides = [("plain", plain), ("commune", commune)]
    specs = {"plain": all_specs, "commune": all_specs}
    if args.one_step:
        from commune_portal.workflows.policies import set_policies

        sides.append(("one-step", commune))
        # Other numbers and titles in the same site, same distributions.
        specs["one-step"] = make_specs(args.documents, seed=args.seed + 1)
        # The one-step workflow published straight from the draft, as
        # plain Plone's ``publish``.
        PUBLISH_PATHS["commune_simple_workflow"] = ("publish",)
    wanted = {
        name: {index for spec in specs[name] for index in spec.replaces}
        for name, _s in sides
    }
    created = {name: {} for name, _s in sides}
    folders = {name: {} for name, _s in sides}
    roots = {}
    for name, site in sides:
        setSite(site)
        if name == "one-step":
            root = _folder(site, "van-ban-mot-buoc", "Văn bản (một bước)")
            set_policies(root, "commune_one_step", "commune_one_step")
            roots[name] = root
        else:
            roots[name] = _folder(site, ROOT_FOLDER, "Văn bản")
    transaction.commit()
    setSite(commune)
    intids = getUtility(IIntIds)
    profilers = {name: cProfile.Profile() for name, _s in sides} if args.profile else {}

    def folder(name, spec):
        year = str(spec.year)
        if year not in folders[name]:
            folders[name][year] = _folder(roots[name], year, f"Năm {year}")
        return folders[name][year]

    seconds = {name: 0.0 for name, _s in sides}
    batches = []
    for first in range(0, len(all_specs), args.batch):
        times = {}
        for name, site in sides:
            chunk = specs[name][first : first + args.batch]
            setSite(site)
            if name in profilers:
                profilers[name].enable()
            started = time.perf_counter()
            for spec in chunk:
                if name == "plain":
                    create_plain(folder(name, spec), spec)
                else:
                    obj = _create_document(
                        folder(name, spec), spec, created[name], intids
                    )
                    if spec.index in wanted[name]:
                        created[name][spec.index] = obj
            transaction.commit()
            times[name] = time.perf_counter() - started
            if name in profilers:
                profilers[name].disable()
            seconds[name] += times[name]
        app._p_jar.cacheGC()
        batches.append(times)
        done = first + len(chunk)
        log(
            f"{done}/{len(all_specs)}: "
            + ", ".join(f"{name} {len(chunk) / times[name]:.0f}/s" for name in times)
        )

    # Every item of every side really reached ``published``.
    published = {}
    for name, site in sides:
        setSite(site)
        published[name] = len(
            site.portal_catalog.unrestrictedSearchResults(
                portal_type="Document" if name == "plain" else "Directive",
                path="/".join(roots[name].getPhysicalPath()),
                review_state="published",
            )
        )
    n = len(all_specs)
    plain_rate, ours_rate = n / seconds["plain"], n / seconds["commune"]
    ours_faster = sum(1 for t in batches if t["commune"] <= t["plain"])
    info = machine()
    lines = [
        f"# Creating and publishing {n} items, side by side",
        "",
        f"{time.strftime('%Y-%m-%d %H:%M')}; {info['cpus']} CPUs ({info['cpu']}), "
        f"Python {info['python']}, Plone {info['plone']}; one database, "
        f"batches of {args.batch} alternating, each with its commit.",
        "",
        "| site | items | time | rate |",
        "|---|---:|---:|---:|",
        f"| plain Plone, `Document`, `publish` | {n} | {seconds['plain']:.1f} s "
        f"| {plain_rate:.0f}/s |",
        f"| commune_portal, official documents, `submit` `review` `approve` "
        f"| {n} | {seconds['commune']:.1f} s | {ours_rate:.0f}/s |",
    ]
    if "one-step" in seconds:
        lines.append(
            "| commune_portal, official documents, `commune_one_step`, "
            f"`publish` | {n} | {seconds['one-step']:.1f} s "
            f"| {n / seconds['one-step']:.0f}/s |"
        )
    lines += [
        "",
        f"Ratio ours / plain: **{ours_rate / plain_rate:.2f}**; ours at least "
        f"as fast in {ours_faster} of {len(batches)} batches.",
    ]
    if "one-step" in seconds:
        one_rate = n / seconds["one-step"]
        one_faster = sum(1 for t in batches if t["one-step"] <= t["plain"])
        lines.append(
            f"One step (like for like) / plain: **{one_rate / plain_rate:.2f}**; "
            f"at least as fast in {one_faster} of {len(batches)} batches."
        )
    lines.append(
        "Published at the end: "
        + ", ".join(f"{name} {count}/{n}" for name, count in published.items())
        + "."
    )
    lines.append("")
    report = "\n".join(lines)
    with open(os.path.join(RESULTS, f"creation-{n}.md"), "w") as handle:
        handle.write(report)
    print(report, flush=True)
    for name, profiler in profilers.items():
        stream = io.StringIO()
        stats = pstats.Stats(profiler, stream=stream)
        stats.sort_stats("cumulative").print_stats(60)
        stats.sort_stats("tottime").print_stats(30)
        base = os.path.join(RESULTS, f"creation-profile-{name}-{n}")
        profiler.dump_stats(f"{base}.prof")
        with open(f"{base}.txt", "w") as handle:
            handle.write(stream.getvalue())
        log(f"profile: {base}.txt")
    app._p_jar.db().close()


if __name__ == "__main__":
    if "app" in globals():  # zconsole run
        script = next(
            i
            for i, arg in enumerate(sys.argv)
            if os.path.basename(arg) == "creation.py"
        )
        worker(app, parse_args(sys.argv[script + 1 :]))  # noqa: F821
    else:
        orchestrate(parse_args(sys.argv[1:]), sys.argv[1:])
