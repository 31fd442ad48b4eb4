"""The measurements of ``bench/directives.py``, run inside Zope."""

from _site import build
from _site import get_site
from _site import log
from _site import login_manager
from _site import rss_mb
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SpecialUsers import nobody
from commune_portal import legal_status
from commune_portal.interfaces import ICommunePortalLayer
from commune_portal.listings import facets
from commune_portal.listings.directives import DEFAULT_BATCH_SIZE
from commune_portal.listings.directives import DEFAULT_TYPES
from commune_portal.listings.directives import SORTS
from commune_portal.text import fold
from datetime import datetime
from plone.rest.events import mark_as_api_request
from plone.restapi.interfaces import IPloneRestapiLayer
from Testing.makerequest import makerequest
from urllib.parse import urlencode
from zope.component import getMultiAdapter
from zope.component.hooks import setSite
from zope.globalrequest import setRequest
from zope.interface import alsoProvides
from zope.publisher.skinnable import setDefaultSkin
import gc
import http.client
import json
import math
import os
import platform
import threading
import time
import transaction


METADATA = (
    "document_number",
    "document_type",
    "issuing_body",
    "issue_date",
    "document_effective_date",
    "legal_window",
    "sectors",
    "document_file",
    "review_state",
)
# What both services also put in every item.
BRAIN_ATTRIBUTES = ("UID", "portal_type", "Title", "Description") + METADATA

DEEP = "deep"

# (key, label, parameters of @directives)
QUERIES = [
    ("a", "default listing, newest first, page 1", {}),
    (
        "b",
        "document_type=ke-hoach & year=2024, by document_number",
        {"document_type": "ke-hoach", "year": "2024", "sort_on": "document_number"},
    ),
    ("c", 'full text q="chuyển đổi số", page 1', {"q": "chuyển đổi số"}),
    (
        "d",
        "legal_status=in_force & sector=Đất đai, by title",
        {"legal_status": "in_force", "sector": "dat-dai", "sort_on": "title"},
    ),
    ("e", "deep page: b_start = 80% of the result, newest first", {"b_start": DEEP}),
]

SECTOR_VALUES = {"dat-dai": "Đất đai"}


def percentile(values, fraction):
    """Nearest-rank percentile."""
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


# -- the same query three ways ---------------------------------------------


def catalog_query(params, site_path, today):
    """The catalog query ``@directives`` runs for ``params`` (without
    sort and batch)."""
    query = {"path": site_path, "portal_type": list(DEFAULT_TYPES)}
    if "q" in params:
        query["SearchableText"] = fold(params["q"])
    if "document_type" in params:
        query["document_type"] = [params["document_type"]]
    if "year" in params:
        query["issue_year"] = int(params["year"])
    if "sector" in params:
        query["sectors"] = {
            "query": [SECTOR_VALUES[params["sector"]]],
            "operator": "or",
        }
    if "legal_status" in params:
        query.update(legal_status.status_query(params["legal_status"], on=today))
    return query


def sort_of(params):
    indexes, reverse = SORTS[params.get("sort_on", "issue_date")]
    return list(indexes), reverse


def search_pairs(params, b_start, today):
    """The query string of ``@search`` for ``params``: the same filters on
    the same indexes, the same sort, batch and metadata (ZPublisher
    converters give the values their catalog types)."""
    pairs = [("portal_type:list", t) for t in DEFAULT_TYPES]
    if "q" in params:
        pairs.append(("SearchableText", fold(params["q"])))
    if "document_type" in params:
        pairs.append(("document_type", params["document_type"]))
    if "year" in params:
        pairs.append(("issue_year:int", params["year"]))
    if "sector" in params:
        pairs.append(("sectors", SECTOR_VALUES[params["sector"]]))
    if "legal_status" in params:
        for index, criterion in legal_status.status_query(
            params["legal_status"], on=today
        ).items():
            if isinstance(criterion, dict):
                pairs.append((f"{index}.query:int", str(criterion["query"])))
                pairs.append((f"{index}.range", criterion["range"]))
            else:
                pairs.append((index, criterion))
    indexes, reverse = sort_of(params)
    if len(indexes) > 1:
        pairs.extend(("sort_on:list", name) for name in indexes)
    else:
        pairs.append(("sort_on", indexes[0]))
    pairs.append(("sort_order", "descending" if reverse else "ascending"))
    pairs.append(("b_start:int", str(b_start)))
    pairs.append(("b_size:int", str(DEFAULT_BATCH_SIZE)))
    pairs.extend(("metadata_fields:list", name) for name in METADATA)
    return pairs


def directives_pairs(params, b_start, facets):
    pairs = [(k, v) for k, v in params.items() if k != "b_start"]
    if b_start:
        pairs.append(("b_start", str(b_start)))
    if not facets:
        pairs.append(("facets", "0"))
    return pairs


# -- in-process calls ----------------------------------------------------------


class Env:
    """Builds, for every call, a fresh request and acquisition chain, as the
    publisher does: ZCatalog caches index results per request."""

    def __init__(self, app, site_path):
        self.root = app.aq_base if hasattr(app, "aq_base") else app
        self.site_path = site_path

    def prepare(self, name, pairs):
        query_string = urlencode(pairs)
        environ = {
            "SERVER_NAME": "localhost",
            "SERVER_PORT": "8080",
            "REQUEST_METHOD": "GET",
            "QUERY_STRING": query_string,
            "PATH_INFO": f"{self.site_path}/{name}",
            "HTTP_ACCEPT": "application/json",
        }
        app = makerequest(self.root, environ=environ)
        request = app.REQUEST
        request.processInputs()
        site = app.unrestrictedTraverse(self.site_path.lstrip("/"))
        request["PARENTS"] = [site, app]
        request["ACTUAL_URL"] = f"{site.absolute_url()}/{name}"
        setDefaultSkin(request)
        alsoProvides(request, IPloneRestapiLayer, ICommunePortalLayer)
        mark_as_api_request(request, "application/json")
        setRequest(request)
        setSite(site)
        return site, request

    def service(self, name, pairs):
        site, request = self.prepare(name, pairs)
        view = getMultiAdapter((site, request), name=f"GET_application_json_{name}")
        return view, request

    def finish(self, request):
        transaction.abort()
        request.close()


def call_service(env, name, pairs, before=None):
    """Prepare (untimed) and return a callable running the endpoint."""
    view, request = env.service(name, pairs)
    if before is not None:
        before()

    def run():
        return view()

    return run, request


def call_floor(env, query, attributes=BRAIN_ATTRIBUTES):
    """Prepare (untimed) and return a callable running the bare catalog
    query and reading ``attributes`` and the URL of the page's brains."""
    site, request = env.prepare("floor", [])
    catalog = site.portal_catalog

    def run():
        results = catalog.searchResults(dict(query))
        page = []
        for brain in results:
            values = [brain.getURL()]
            values.extend(getattr(brain, name) for name in attributes)
            page.append(values)
        return results.actual_result_count, page

    return run, request


# -- one size ----------------------------------------------------------------------


def variants_for(env, params, b_start, site_path, today):
    indexes, reverse = sort_of(params)
    floor_query = catalog_query(params, site_path, today)
    floor_query.update(
        sort_on=indexes if len(indexes) > 1 else indexes[0],
        sort_order="descending" if reverse else "ascending",
        b_start=b_start,
        b_size=DEFAULT_BATCH_SIZE,
    )
    return {
        "floor": lambda: call_floor(env, floor_query),
        "directives": lambda: call_service(
            env, "@directives", directives_pairs(params, b_start, True)
        ),
        "directives_nofacets": lambda: call_service(
            env, "@directives", directives_pairs(params, b_start, False)
        ),
        # The facet counts computed, not read from the cache (emptied
        # before the call, untimed): a query asked for the first time since
        # the catalog changed or the day began.
        "directives_uncached": lambda: call_service(
            env,
            "@directives",
            directives_pairs(params, b_start, True),
            before=facets.clear_cache,
        ),
        "search": lambda: call_service(
            env, "@search", search_pairs(params, b_start, today)
        ),
    }


def check_same(variants):
    """Run each variant once; return (total, items, same) where ``same`` tells
    whether all of them answer the same items in the same order."""
    answers = {}
    for name, prepare in variants.items():
        run, request = prepare()
        result = run()
        if name == "floor":
            total, page = result
            answers[name] = (total, [values[0] for values in page])
        else:
            data = json.loads(result)
            if "error" in data:
                raise RuntimeError(f"{name}: {data['error']}")
            answers[name] = (
                data["items_total"],
                [item["@id"] for item in data["items"]],
            )
        request.close()
        transaction.abort()
    first = answers["floor"]
    same = all(answer == first for answer in answers.values())
    if not same:
        for name, answer in answers.items():
            log(f"  {name}: total {answer[0]}, first ids {answer[1][:3]}")
    return first[0], len(first[1]), same


def time_variants(variants, warmup, reps):
    timings = {name: [] for name in variants}
    names = list(variants)
    for rep in range(warmup + reps):
        # Rotate the order so that no variant always runs first.
        shift = rep % len(names)
        for name in names[shift:] + names[:shift]:
            run, request = variants[name]()
            started = time.perf_counter()
            run()
            elapsed = time.perf_counter() - started
            request.close()
            transaction.abort()
            if rep >= warmup:
                timings[name].append(elapsed * 1000)
    return timings


def profile_variants(variants, path, label):
    import cProfile
    import io
    import pstats

    with open(path, "a") as out:
        for name, prepare in variants.items():
            profiler = cProfile.Profile()
            for _ in range(10):
                run, request = prepare()
                profiler.enable()
                run()
                profiler.disable()
                request.close()
                transaction.abort()
            stream = io.StringIO()
            stats = pstats.Stats(profiler, stream=stream)
            stats.sort_stats("cumulative").print_stats(25)
            out.write(f"\n\n===== {label} / {name} (10 calls) =====\n")
            out.write(stream.getvalue())


# -- HTTP --------------------------------------------------------------------------


class Server:
    """The Zope WSGI application served by waitress in a thread."""

    def __init__(self):
        from waitress.server import create_server
        from ZPublisher.httpexceptions import main as httpexceptions
        from ZPublisher.WSGIPublisher import publish_module

        self.server = create_server(
            httpexceptions(publish_module), host="127.0.0.1", port=0, threads=1
        )
        self.port = self.server.effective_port
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()

    def stop(self):
        # Let the worker thread finish, then close every channel (as
        # webtest's StopableWSGIServer.shutdown), which ends the loop.
        self.server.task_dispatcher.shutdown()
        while self.server._map:
            for channel in list(self.server._map.values()):
                channel.handle_close()
        self.thread.join(10)


def http_times(port, path, pairs, warmup, count):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    url = f"{path}?{urlencode(pairs)}"
    headers = {"Accept": "application/json"}
    timings = []
    size = 0
    for i in range(warmup + count):
        started = time.perf_counter()
        connection.request("GET", url, headers=headers)
        response = connection.getresponse()
        body = response.read()
        elapsed = time.perf_counter() - started
        if response.status != 200:
            raise RuntimeError(f"HTTP {response.status} for {url}: {body[:300]!r}")
        size = len(body)
        if i >= warmup:
            timings.append(elapsed * 1000)
    connection.close()
    return timings, size


# -- report ------------------------------------------------------------------------


def machine():
    cpu = "?"
    with open("/proc/cpuinfo") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    from importlib.metadata import version

    return {
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "plone": version("Products.CMFPlone"),
        "restapi": version("plone.restapi"),
        "zope": version("Zope"),
    }


def ms(values):
    return f"{percentile(values, 0.5):.1f} / {percentile(values, 0.95):.1f}"


def ratio(a, b):
    return f"{percentile(a, 0.5) / percentile(b, 0.5):.2f}"


def report(size, info, build_stats, rows, http_rows, args, data_size):
    lines = [
        f"# `@directives` benchmark, {size} documents",
        "",
        f"{info['when']}; {info['cpus']} CPUs ({info['cpu']}), Python "
        f"{info['python']}, Plone {info['plone']}, plone.restapi {info['restapi']}, "
        f"Zope {info['zope']}; ZODB cache {args.cache_size} objects; Data.fs "
        f"{data_size / 2**20:.0f} MiB. Calls as Anonymous; "
        f"{args.reps} timed repetitions after {args.warmup} warm-up ones, "
        "times in ms (p50 / p95); "
        + ("no gc.freeze()." if args.no_gc_freeze else "gc.freeze() after start-up."),
        "",
    ]
    if build_stats:
        rate = build_stats["created"] / build_stats["seconds"]
        peak = max(build_stats["peak_rss_mb"], build_stats["rss_after_mb"])
        lines += [
            "## Creating the documents",
            "",
            "| documents created | time | rate | RSS before | peak RSS | replacements |",
            "|---:|---:|---:|---:|---:|---:|",
            f"| {build_stats['created']} | {build_stats['seconds'] / 60:.1f} min "
            f"| {rate:.0f}/s | {build_stats['rss_before_mb']:.0f} MiB "
            f"| {peak:.0f} MiB | {build_stats['replacements']} |",
            "",
        ]
        batches = build_stats["batches"]
        if len(batches) > 1:
            first, last = batches[0], batches[-1]
            lines += [
                f"First batch {first['documents'] / first['seconds']:.0f}/s, "
                f"last batch {last['documents'] / last['seconds']:.0f}/s "
                f"(commit every {build_stats['commit_every']} documents).",
                "",
            ]
    lines += [
        "## In-process",
        "",
        "| query | found | floor | @directives facets=0 | @directives "
        "| @directives, facets not cached | @search "
        "| facets=0 / floor | facets / floor | not cached / floor | @search / floor "
        "| facets=0 / @search | facets / @search | same items |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:-:|",
    ]
    for key, label, total, shown, same, t in rows:
        lines.append(
            f"| ({key}) {label} | {total} ({shown} shown) | {ms(t['floor'])} "
            f"| {ms(t['directives_nofacets'])} | {ms(t['directives'])} "
            f"| {ms(t['directives_uncached'])} "
            f"| {ms(t['search'])} | {ratio(t['directives_nofacets'], t['floor'])} "
            f"| {ratio(t['directives'], t['floor'])} "
            f"| {ratio(t['directives_uncached'], t['floor'])} "
            f"| {ratio(t['search'], t['floor'])} "
            f"| {ratio(t['directives_nofacets'], t['search'])} "
            f"| {ratio(t['directives'], t['search'])} | {'yes' if same else 'NO'} |"
        )
    if http_rows:
        lines += [
            "",
            f"## Over HTTP (waitress, 1 thread, same process; {args.http_requests} "
            "requests after 3 warm-up ones, keep-alive)",
            "",
            "| query | @directives facets=0 | @directives | @search "
            "| facets=0 / @search | facets / @search | body sizes (bytes) |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for key, label, t, sizes in http_rows:
            lines.append(
                f"| ({key}) {label} | {ms(t['directives_nofacets'])} "
                f"| {ms(t['directives'])} | {ms(t['search'])} "
                f"| {ratio(t['directives_nofacets'], t['search'])} "
                f"| {ratio(t['directives'], t['search'])} "
                f"| {sizes['directives_nofacets']} / {sizes['directives']} "
                f"/ {sizes['search']} |"
            )
    return "\n".join(lines) + "\n"


def measure_size(app, size, args):
    site_id = args.site_id or f"bench-{size}"
    login_manager(app)
    site = get_site(app, site_id)
    build_stats = build(
        app,
        site,
        size,
        commit_every=args.commit_every,
        seed=args.seed,
        file_ratio=args.file_ratio,
    )
    if build_stats is not None:
        build_stats["when"] = datetime.now().isoformat(timespec="seconds")
        site._bench_build = build_stats
        transaction.commit()
        with open(os.path.join(RESULTS_DIR, f"build-{size}.json"), "w") as out:
            json.dump(build_stats, out, indent=2)
    else:
        build_stats = getattr(site, "_bench_build", None)
    if args.build_only:
        return
    site_path = "/".join(site.getPhysicalPath())
    transaction.abort()
    newSecurityManager(None, nobody)
    gc.collect()
    if not args.no_gc_freeze:
        # Python's full collections walk the whole Zope heap (~200 ms at 10k
        # documents) and hit whichever call allocates at that moment: they
        # would make every p95 a measure of the heap, not of the code.
        gc.freeze()

    env = Env(app, site_path)
    today = legal_status.today()
    profile_path = os.path.join(RESULTS_DIR, f"profile-{size}.txt")
    if args.profile and os.path.exists(profile_path):
        os.remove(profile_path)
    rows = []
    plans = []
    for key, label, params in QUERIES:
        b_start = 0
        if params.get("b_start") == DEEP:
            total = len(
                env.prepare("floor", [])[0].portal_catalog(
                    catalog_query(params, site_path, today)
                )
            )
            b_start = int(total * 0.8) // DEFAULT_BATCH_SIZE * DEFAULT_BATCH_SIZE
            label = f"{label} (b_start={b_start})"
            transaction.abort()
        variants = variants_for(env, params, b_start, site_path, today)
        total, shown, same = check_same(variants)
        log(f"({key}) {label}: {total} found, same items: {same}; timing")
        timings = time_variants(variants, args.warmup, args.reps)
        log(
            "   "
            + ", ".join(
                f"{name} {percentile(t, 0.5):.1f} ms" for name, t in timings.items()
            )
        )
        rows.append((key, label, total, shown, same, timings))
        plans.append((key, label, params, b_start))
        if args.profile:
            profile_variants(variants, profile_path, f"({key}) {label}")

    if args.check and not all(row[4] for row in rows):
        raise SystemExit("@directives, @search and the floor disagree: see above")

    http_rows = []
    if not args.no_http:
        server = Server()
        log(f"HTTP on 127.0.0.1:{server.port}")
        try:
            for key, label, params, b_start in plans:
                timings = {}
                sizes = {}
                for name, service, pairs in (
                    (
                        "directives_nofacets",
                        "@directives",
                        directives_pairs(params, b_start, False),
                    ),
                    (
                        "directives",
                        "@directives",
                        directives_pairs(params, b_start, True),
                    ),
                    ("search", "@search", search_pairs(params, b_start, today)),
                ):
                    timings[name], sizes[name] = http_times(
                        server.port,
                        f"{site_path}/{service}",
                        pairs,
                        3,
                        args.http_requests,
                    )
                log(
                    f"({key}) HTTP: "
                    + ", ".join(
                        f"{name} {percentile(t, 0.5):.1f} ms"
                        for name, t in timings.items()
                    )
                )
                http_rows.append((key, label, timings, sizes))
        finally:
            server.stop()

    info = machine()
    info["when"] = datetime.now().strftime("%Y-%m-%d %H:%M")
    data_size = 0
    storage = app._p_jar.db().storage
    name = getattr(storage, "getName", lambda: "")()
    if os.path.exists(name):
        data_size = os.path.getsize(name)
    text = report(size, info, build_stats, rows, http_rows, args, data_size)
    current, peak = rss_mb()
    text += f"\nProcess RSS at the end {current:.0f} MiB, peak {peak:.0f} MiB.\n"
    print(text, flush=True)
    with open(os.path.join(RESULTS_DIR, f"directives-{size}.md"), "w") as out:
        out.write(text)


# BENCH_RESULTS: another results folder (make bench-smoke uses its own).
RESULTS_DIR = os.path.abspath(
    os.environ.get("BENCH_RESULTS")
    or os.path.join(os.path.dirname(os.path.abspath(__file__)), "results")
)


def run(app, args):
    os.makedirs(RESULTS_DIR, exist_ok=True)
    sizes = [args.size] if args.size else [int(s) for s in args.sizes.split(",")]
    for size in sizes:
        measure_size(app, size, args)
    app._p_jar.db().close()
