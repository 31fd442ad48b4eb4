"""Benchmark of the Vietnamese lexicon: the upgrade's reindexing and search.

Run it from the repository root, on a size ``bench/directives.py`` has
built (``--build-only`` is enough)::

    .venv/bin/python bench/search.py --sizes 1000,10000

For each size N, inside the benchmark site of ``bench/results/data-N/``:

1. the site is put back on Plone's lexicon if needed (as version 1001 of the
   add-on left sites), and the queries below are timed through
   ``portal_catalog`` the way Plone's search page asks them
   (``munge_search_term``: the last word becomes a prefix);
2. the upgrade 1001 -> 1002 is run and timed (a site still at 1000 is
   first upgraded to 1001, untimed): it switches
   the lexicon and reindexes ``SearchableText``, ``Title``, ``Description``
   and ``document_text`` for every catalogued item, plus the new
   ``sortable_title_vi``;
3. the same queries are timed again, with their number of results.

Before all that, on a site built while the add-on still had its folded
``document_text`` index (version 1002 and before), the listing's full text
(``@directives?q=``) is timed both ways: on ``document_text`` as it was,
then, after the upgrade (which removes it, version 1003), on
``SearchableText`` as it is now, with the documents each way finds; and
the time ZCatalog takes to fill ``document_text`` alone (the indexing work
that index added to every save).

The transaction is aborted at the end: the stored site is left as it was.
The report goes to ``bench/results/search-N.md`` (also printed). The figures
are written up in docs/performance.md.
"""

import argparse
import os
import sys
import time


# Under ``zconsole run`` there is no __file__: the script is in sys.argv.
BENCH = os.path.dirname(
    os.path.abspath(
        globals().get("__file__")
        or next(a for a in sys.argv if os.path.basename(a) == "search.py")
    )
)
RESULTS = os.path.abspath(
    os.environ.get("BENCH_RESULTS") or os.path.join(BENCH, "results")
)
INSTANCE = os.path.join(RESULTS, "instance")
if BENCH not in sys.path:
    sys.path.insert(0, BENCH)

# What people type, with and without tone marks.
QUERIES = [
    "Ủy ban nhân dân",
    "uy ban nhan dan",
    "kế hoạch",
    "ke hoach",
    "đất đai",
    "dat dai",
    "Uỷ ban",
    "ủy quyền",
    "phòng chống thiên tai",
    "phong chong thien tai",
    "hộ tịch",
    "bảo vệ môi trường",
    "bao ve moi truong",
    "quyết định ban hành quy chế",
]


# The listing's q also finds numbers, issuers, signers and sectors.
LISTING_QUERIES = [
    *QUERIES,
    "1/KH-UBND",
    "nguyen",
    "Hội đồng nhân dân",
    "tai chinh ngan sach",
]


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="bench/search.py", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--sizes", default="1000", help="comma-separated sizes")
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--reps", type=int, default=30, help="timed runs per query")
    return parser.parse_args(argv)


def orchestrate(args):
    import subprocess

    bin_dir = os.path.dirname(sys.executable)
    for size in [int(s) for s in args.sizes.split(",") if s.strip()]:
        conf = os.path.join(INSTANCE, "etc", f"zope-{size}.conf")
        if not os.path.exists(conf):
            sys.exit(
                f"No benchmark site of size {size}: run "
                f"bench/directives.py --sizes {size} --build-only first."
            )
        command = [
            os.path.join(bin_dir, "zconsole"),
            "run",
            conf,
            os.path.join(BENCH, "search.py"),
            "--size",
            str(size),
            "--reps",
            str(args.reps),
        ]
        print(f"[bench] {' '.join(command)}", flush=True)
        subprocess.run(command, check=True)


# -- worker, inside Zope ---------------------------------------------------------


def time_queries(catalog, reps):
    from _measure import percentile
    from plone.base.utils import munge_search_term

    rows = {}
    for query in QUERIES:
        munged = munge_search_term(query)
        found = len(catalog.unrestrictedSearchResults(SearchableText=munged))
        times = []
        for _ in range(reps):
            start = time.perf_counter()
            brains = catalog.unrestrictedSearchResults(
                SearchableText=munged, sort_limit=20
            )
            [brain.getPath() for brain in brains[:20]]
            times.append((time.perf_counter() - start) * 1000)
        rows[query] = (found, percentile(times, 0.5), percentile(times, 0.9))
    return rows


def time_listing_text(catalog, index, reps, site_path):
    """``{query: (rids, p50, p90)}`` of the listing's ``q`` on ``index``,
    folded as the listing asks it (``document_text`` held folded text only;
    ``SearchableText`` holds both forms of every word)."""
    from _measure import percentile
    from commune_portal.listings.directives import DEFAULT_TYPES
    from commune_portal.text import fold

    rows = {}
    for query in LISTING_QUERIES:
        text = fold(query)  # as the listing asks both
        search = {"portal_type": list(DEFAULT_TYPES), "path": site_path, index: text}
        rids = {brain.getRID() for brain in catalog.unrestrictedSearchResults(search)}
        times = []
        for _ in range(reps):
            start = time.perf_counter()
            brains = catalog.unrestrictedSearchResults(
                dict(search, sort_on="issue_sort", sort_order="descending", b_size=25)
            )
            [brain.getPath() for brain in brains[:25]]
            times.append((time.perf_counter() - start) * 1000)
        rows[query] = (rids, percentile(times, 0.5), percentile(times, 0.9))
    return rows


def listing_text_report(before, after, fill_seconds, items):
    lines = [
        "",
        "## `@directives?q=`: `document_text` (1002) against `SearchableText` (1003)",
        "",
        f"Filling `document_text` alone (ZCatalog `reindexIndex`): "
        f"{fill_seconds:.1f} s for {items} items "
        f"({fill_seconds / items * 1000:.2f} ms per item).",
        "",
        "| q | found, document_text | found, SearchableText | same documents "
        "| p50 / p90 document_text (ms) | p50 / p90 SearchableText (ms) |",
        "| --- | ---: | ---: | :-: | ---: | ---: |",
    ]
    for query in LISTING_QUERIES:
        rids_b, p50_b, p90_b = before[query]
        rids_a, p50_a, p90_a = after[query]
        lines.append(
            f"| {query} | {len(rids_b)} | {len(rids_a)} "
            f"| {'yes' if rids_a == rids_b else 'NO'} "
            f"| {p50_b:.1f} / {p90_b:.1f} | {p50_a:.1f} / {p90_a:.1f} |"
        )
    return "\n".join(lines) + "\n"


def worker(app, args):
    from _measure import machine
    from _site import log
    from _site import login_manager
    from _site import rss_mb
    from commune_portal.indexers import lexicon
    from zope.component.hooks import setSite
    import logging
    import transaction

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    login_manager(app)
    site = app["Plone"]
    setSite(site)
    catalog = site.portal_catalog
    setup = site.portal_setup
    profile = "commune_portal:default"

    site_path = "/".join(site.getPhysicalPath())
    listing_before = None
    if "document_text" in catalog.indexes():
        log("timing the listing's q on document_text")
        listing_before = time_listing_text(
            catalog, "document_text", args.reps, site_path
        )
        start = time.perf_counter()
        catalog.reindexIndex("document_text", site.REQUEST)
        fill_seconds = time.perf_counter() - start

    if setup.getLastVersionForProfile(profile) < ("1001",):
        log("upgrading to 1001 first (not timed)")
        setup.upgradeProfile(profile, dest="1001")
    if lexicon.uses_vietnamese_lexicon(catalog):
        log("putting the site back on Plone's lexicon (as version 1001)")
        lexicon.reindex(catalog, lexicon.use_plone_lexicon(catalog))
        if "sortable_title_vi" in catalog.indexes():
            catalog.delIndex("sortable_title_vi")
        setup.setLastVersionForProfile(profile, "1001")
    items = len(catalog)
    words_before = len(catalog.plone_lexicon.words())
    log(f"{items} catalogued items; timing the queries with Plone's lexicon")
    before = time_queries(catalog, args.reps)

    log("running the upgrade")
    start = time.perf_counter()
    setup.upgradeProfile(profile)
    upgrade_seconds = time.perf_counter() - start
    words_after = len(catalog.plone_lexicon.words())
    log(f"upgrade: {upgrade_seconds:.1f} s; timing the queries again")
    after = time_queries(catalog, args.reps)
    listing_after = None
    if listing_before is not None:
        log("timing the listing's q on SearchableText")
        listing_after = time_listing_text(
            catalog, "SearchableText", args.reps, site_path
        )
    transaction.abort()

    lines = [
        f"# Vietnamese lexicon at {args.size} documents",
        "",
        f"Machine: {machine()}. Catalogued items: {items}. Peak RSS: "
        f"{rss_mb()[1]:.0f} MiB. p50/p90 of {args.reps} runs, in-process, "
        "first 20 brains.",
        "",
        "Upgrade from 1001 to the current version (lexicon switch, "
        "reindexing of the text indexes and the title sort key): "
        f"**{upgrade_seconds:.1f} s**, {items / upgrade_seconds:.0f} items/s.",
        f"Lexicon words: {words_before} with Plone's pipeline, "
        f"{words_after} with the Vietnamese one.",
        "",
        "| query | found, Plone | found, ours | p50 / p90 Plone (ms) "
        "| p50 / p90 ours (ms) |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for query in QUERIES:
        found_b, p50_b, p90_b = before[query]
        found_a, p50_a, p90_a = after[query]
        lines.append(
            f"| {query} | {found_b} | {found_a} | {p50_b:.1f} / {p90_b:.1f} "
            f"| {p50_a:.1f} / {p90_a:.1f} |"
        )
    report = "\n".join(lines) + "\n"
    if listing_after is not None:
        report += listing_text_report(
            listing_before, listing_after, fill_seconds, items
        )
    with open(os.path.join(RESULTS, f"search-{args.size}.md"), "w") as handle:
        handle.write(report)
    print(report, flush=True)


if __name__ == "__main__":
    if "app" in globals():  # zconsole run
        script = next(
            i for i, arg in enumerate(sys.argv) if os.path.basename(arg) == "search.py"
        )
        worker(app, parse_args(sys.argv[script + 1 :]))  # noqa: F821
    else:
        orchestrate(parse_args(sys.argv[1:]))
