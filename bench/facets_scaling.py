"""How the catalog work of ``@directives`` grows with N, without a Plone site.

A projection for sizes whose Plone site takes too long to build: a bare
``Products.ZCatalog.Catalog.Catalog`` holds the indexes that the listing
sorts and counts on, filled from the same generated documents as
``bench/directives.py``; it times, per query, the sort of the page as
``DirectiveListing._page`` does it and the facet work of
``DirectiveListing._facets`` (the ``facets`` module's ``counts`` and
``matching``, on the real index classes). No security, path or metadata:
this is the part of the cost that grows with N, not a whole request.

    .venv/bin/python bench/facets_scaling.py --sizes 10000,100000
"""

from _data import specs as make_specs
from Acquisition import Implicit
from BTrees.IIBTree import intersection
from commune_portal import legal_status
from commune_portal.listings import facets
from Products.PluginIndexes.FieldIndex.FieldIndex import FieldIndex
from Products.PluginIndexes.KeywordIndex.KeywordIndex import KeywordIndex
from Products.ZCatalog.Catalog import Catalog
import argparse
import gc
import math
import time


FIELDS = (
    "portal_type",
    "document_type",
    "issue_year",
    "issue_day",
    "number_sort",
    "legal_mode",
    "legal_start",
    "legal_end",
    "sortable_title",
)


class Document:
    def __init__(self, spec):
        self.portal_type = "Directive"
        self.document_type = spec.document_type
        self.issue_year = spec.issue_date.year
        self.issue_day = legal_status.day_number(spec.issue_date)
        serial = int(spec.document_number.split("/")[0])
        self.number_sort = spec.issue_date.year * 10_000_000 + serial
        mode, start, end = legal_status.window(
            spec.issue_date,
            spec.effective_date,
            spec.expiry_date,
            override=spec.legal_status_override,
        )
        self.legal_mode, self.legal_start, self.legal_end = mode, start, end
        self.sortable_title = spec.title.lower()
        self.sectors = list(spec.sectors)


class Tool:
    """What ``facets`` reads from ``portal_catalog``."""

    def __init__(self, catalog):
        self._catalog = catalog


class Root(Implicit):
    """An acquisition parent, for the brains of the page."""


def build(size):
    catalog = Catalog().__of__(Root())
    for name in FIELDS:
        catalog.addIndex(name, FieldIndex(name))
    catalog.addIndex("sectors", KeywordIndex("sectors"))
    for spec in make_specs(size):
        catalog.catalogObject(Document(spec), spec.id)
    return catalog


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[max(1, math.ceil(fraction * len(ordered))) - 1]


def timed(function, reps):
    for _ in range(3):
        function()
    times = []
    for _ in range(reps):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return percentile(times, 0.5), percentile(times, 0.95)


def facet_work(tool, rids):
    for name in ("document_type", "issue_year", "sectors"):
        facets.counts(tool, name, rids)
    for status in legal_status.STATUSES:
        matched = rids
        for index_name, criterion in legal_status.status_query(status).items():
            matched = intersection(
                matched, facets.matching(tool, index_name, criterion)
            )


def status_only(tool, rids):
    for status in legal_status.STATUSES:
        matched = rids
        for index_name, criterion in legal_status.status_query(status).items():
            matched = intersection(
                matched, facets.matching(tool, index_name, criterion)
            )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--reps", type=int, default=30)
    args = parser.parse_args()
    print(
        "| N | query | found | sort of the page | all facets | of which legal status |"
    )
    print("|---:|---|---:|---:|---:|---:|")
    for size in [int(s) for s in args.sizes.split(",")]:
        started = time.perf_counter()
        catalog = build(size)
        built = time.perf_counter() - started
        gc.collect()
        gc.freeze()  # as bench/directives.py does
        tool = Tool(catalog)
        queries = [
            ("(a) all, newest first", {"portal_type": "Directive"}, 0),
            (
                "(b) ke-hoach 2024, by number",
                {"document_type": "ke-hoach", "issue_year": 2024},
                0,
            ),
            (
                "(d) in force, Đất đai, by title",
                dict(
                    legal_status.status_query("in_force"),
                    sectors={"query": ["Đất đai"], "operator": "or"},
                ),
                0,
            ),
            ("(e) all, deep page", {"portal_type": "Directive"}, 0.8),
        ]
        sorts = {
            "(a)": ("issue_day", "number_sort"),
            "(b)": ("number_sort",),
            "(d)": ("sortable_title",),
            "(e)": ("issue_day", "number_sort"),
        }
        for label, query, deep in queries:
            rids = facets.result_ids(catalog.searchResults(query))
            names = sorts[label[:3]]
            indexes = [catalog.getIndex(n) for n in names]
            reverse = label[:3] in ("(a)", "(e)")
            b_start = int(len(rids) * deep) // 25 * 25

            def page(
                rids=rids,
                indexes=indexes,
                reverse=reverse,
                b_start=b_start,
                catalog=catalog,
            ):
                return list(
                    catalog.sortResults(
                        rids,
                        indexes if len(indexes) > 1 else indexes[0],
                        reverse=reverse,
                        limit=b_start + 25,
                        merge=True,
                        actual_result_count=len(rids),
                        b_start=b_start,
                        b_size=25,
                    )
                )

            sort_ms = timed(page, args.reps)
            facet_ms = timed(lambda r=rids, t=tool: facet_work(t, r), args.reps)
            status_ms = timed(lambda r=rids, t=tool: status_only(t, r), args.reps)
            print(
                f"| {size} | {label} | {len(rids)} "
                + " ".join(
                    f"| {p50:.1f} / {p95:.1f}" for p50, p95 in (sort_ms, facet_ms)
                )
                + f" | {status_ms[0]:.1f} / {status_ms[1]:.1f} |",
                flush=True,
            )
        print(f"<!-- {size}: catalog built in {built:.0f} s -->", flush=True)


if __name__ == "__main__":
    main()
