"""Load on the local province cluster (docs/performance.md, "Province scale").

Run it from the repository root, after ``make start-cluster`` and
``make province SITES=100 DEMO=1``::

    .venv/bin/python bench/load.py                      # 1, 2, 4 processes, 100 sites
    .venv/bin/python bench/load.py --processes 2 --sites 1,10,100
    .venv/bin/python bench/load.py --smoke              # 1 process, 15 s

Everything goes through HAProxy on 127.0.0.1 (``CLUSTER_PORT``, 8080) to
the cluster's processes; for each number of processes asked the script
restarts the processes (``scripts/cluster/cluster.py``), runs the mix for
``--warmup`` seconds unrecorded, then for ``--duration`` seconds (bounded:
it stops by itself) recorded: virtual users, each a thread with a request
at a time:

- readers (anonymous, no pause): a site's front page, a directive's page,
  ``@directives?q=…`` on ``/van-ban`` and ``@procedures?q=…`` on
  ``/thu-tuc-hanh-chinh`` (words without tone marks, as people type);
- editors (``admin``, 0.5 s between steps): a news item created in
  ``/tin-tuc`` and taken to ``published`` along its workflow;
- delegates (0.5 s between votes): ``POST @votes`` on an open named
  resolution of ``bench/voting.py``'s council (30 delegates, built once
  in the first site under ``zconsole``), each vote replacing the last,
  and ``GET @votes``.

Each site is picked at random among the first ``--sites`` sites of the
CSV. Report: throughput and p50/p95 per request kind, errors, the memory of
each process, the load average before and after; ``bench/results/load.md``
(also printed). Nothing is asserted.
"""

from pathlib import Path
import argparse
import json
import math
import os
import random
import subprocess
import sys
import threading
import time


HERE = (
    Path(
        globals().get("__file__")  # zconsole run gives no __file__
        or next(arg for arg in sys.argv if os.path.basename(arg) == "load.py")
    )
    .resolve()
    .parent
)
REPOSITORY = HERE.parent
RESULTS = Path(os.environ.get("BENCH_RESULTS") or HERE / "results").resolve()
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPOSITORY / "scripts" / "cluster"))

READER_QUERIES = ["ke hoach", "chuyen doi so", "dat dai", "uy ban nhan dan", "ho tich"]
PROCEDURE_QUERIES = ["khai sinh", "chung thuc", "ket hon", "dat dai", "bao tro"]
ADMIN = ("admin", "admin")
VOTERS = 30


def parse(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--processes", default="1,2,4", help="e.g. 1,2,4")
    parser.add_argument("--sites", default="100", help="how many sites, e.g. 1,10,100")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds a run")
    parser.add_argument(
        "--warmup", type=float, default=20.0, help="seconds of the mix unrecorded first"
    )
    parser.add_argument("--readers", type=int, default=8)
    parser.add_argument("--editors", type=int, default=2)
    parser.add_argument(
        "--voters", type=int, default=6, help="delegates voting at once"
    )
    parser.add_argument(
        "--csv", default=str(REPOSITORY / "scripts/cluster/hai-phong.csv")
    )
    parser.add_argument("--smoke", action="store_true")
    args = parser.parse_args(argv)
    if args.smoke:
        args.processes, args.sites, args.duration, args.warmup = "1", "1", 15.0, 5.0
    args.processes = [int(n) for n in args.processes.split(",")]
    args.sites = [int(n) for n in args.sites.split(",")]
    return args


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[max(1, math.ceil(fraction * len(ordered))) - 1] if ordered else None


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.times = {}
        self.errors = {}
        self.samples = {}

    def record(self, kind, seconds, status):
        with self.lock:
            self.times.setdefault(kind, []).append(seconds)
            if status is None or status >= 400:
                self.errors[kind] = self.errors.get(kind, 0) + 1
                self.samples.setdefault(kind, status)


def timed(recorder, kind, port, method, path, data=None, auth=None):
    from cluster import request

    started = time.perf_counter()
    try:
        status, body = request(port, method, path, data, auth=auth, timeout=120)
    except OSError:
        status, body = None, None
    recorder.record(kind, time.perf_counter() - started, status)
    return status, body


def site_paths(port, site):
    """A directive's path of ``site`` (for the page reads)."""
    from cluster import request

    status, body = request(port, "GET", f"/{site}/van-ban/@directives?b_size=5")
    items = body.get("items", []) if status == 200 else []
    return [item["@id"].split("/", 3)[3] for item in items]


def pages_of(port, sites):
    """A few directive pages per site, looked up once (and kept in the
    results folder for the next runs)."""
    saved = RESULTS / "load-pages.json"
    pages = json.loads(saved.read_text()) if saved.exists() else {}
    for site in sites:
        if not pages.get(site):
            pages[site] = site_paths(port, site) or [site]
    RESULTS.mkdir(parents=True, exist_ok=True)
    saved.write_text(json.dumps(pages))
    return pages


def run_mix(port, sites, council, args, pages, duration):
    recorder = Recorder()
    stop = time.monotonic() + duration

    def reader(index):
        rng = random.Random(index)
        while time.monotonic() < stop:
            site = rng.choice(sites)
            kind = rng.choice(["page", "page", "directives", "procedures"])
            if kind == "page":
                path = rng.choice([f"/{site}", "/" + rng.choice(pages[site])])
                timed(recorder, "page (anonymous)", port, "GET", path)
            elif kind == "directives":
                q = rng.choice(READER_QUERIES).replace(" ", "+")
                timed(
                    recorder,
                    "@directives?q",
                    port,
                    "GET",
                    f"/{site}/van-ban/@directives?q={q}",
                )
            else:
                q = rng.choice(PROCEDURE_QUERIES).replace(" ", "+")
                timed(
                    recorder,
                    "@procedures?q",
                    port,
                    "GET",
                    f"/{site}/thu-tuc-hanh-chinh/@procedures?q={q}",
                )

    def editor(index):
        rng = random.Random(100 + index)
        number = 0
        while time.monotonic() < stop:
            site = rng.choice(sites)
            number += 1
            status, body = timed(
                recorder,
                "create (editor)",
                port,
                "POST",
                f"/{site}/tin-tuc",
                {"@type": "News Item", "title": f"Tin tải thử {index}-{number}"},
                auth=ADMIN,
            )
            time.sleep(0.5)
            if status != 201:
                continue
            path = "/" + body["@id"].split("/", 3)[3]
            for _step in range(4):  # along the workflow to published
                status, info = timed(
                    recorder,
                    "workflow (editor)",
                    port,
                    "GET",
                    f"{path}/@workflow",
                    auth=ADMIN,
                )
                if status != 200 or info.get("state", {}).get("id") == "published":
                    break
                offered = [
                    t["@id"].rsplit("/", 1)[1] for t in info.get("transitions", [])
                ]
                step = next(
                    (
                        t
                        for t in ("publish", "approve", "review", "submit")
                        if t in offered
                    ),
                    None,
                )
                if step is None:
                    break
                timed(
                    recorder,
                    "transition (editor)",
                    port,
                    "POST",
                    f"{path}/@workflow/{step}",
                    {},
                    auth=ADMIN,
                )
                time.sleep(0.5)

    def voter(index):
        rng = random.Random(200 + index)
        delegates = council["delegates"][index :: args.voters]
        resolution = council["resolution"]
        while time.monotonic() < stop:
            user = rng.choice(delegates)
            auth = (user, council["password"])
            timed(
                recorder,
                "vote (delegate)",
                port,
                "POST",
                f"{resolution}/@votes",
                {"vote": rng.choice(["yes", "no", "abstain"])},
                auth=auth,
            )
            timed(
                recorder,
                "@votes (delegate)",
                port,
                "GET",
                f"{resolution}/@votes",
                auth=auth,
            )
            time.sleep(0.5)

    threads = [threading.Thread(target=reader, args=(i,)) for i in range(args.readers)]
    threads += [threading.Thread(target=editor, args=(i,)) for i in range(args.editors)]
    threads += [threading.Thread(target=voter, args=(i,)) for i in range(args.voters)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(duration + 180)
    return recorder, time.monotonic() - started


def sites_of(csv_path, count):
    sys.path.insert(0, str(REPOSITORY / "scripts"))
    from province import read_rows

    return [row["id"] for row in read_rows(csv_path, count)]


def build_council(cluster, site):
    """The council of ``bench/voting.py`` in ``site`` with an open named
    resolution, built once (``zconsole run bench/load.py --council``)."""
    from cluster import request

    saved = RESULTS / f"load-council-{site}.json"
    if saved.exists():
        council = json.loads(saved.read_text())
    else:
        output = subprocess.run(
            [
                str(Path(sys.executable).parent / "zconsole"),
                "run",
                str(cluster.conf("script")),
                str(HERE / "load.py"),
                "--council",
                site,
            ],
            capture_output=True,
            text=True,
            check=True,
            cwd=REPOSITORY,
        ).stdout
        line = next(line for line in output.splitlines() if line.startswith("BUILT "))
        council = json.loads(line[len("BUILT ") :])
        RESULTS.mkdir(parents=True, exist_ok=True)
        saved.write_text(json.dumps(council))
    secretary = (council["secretary"], council["password"])
    request(
        cluster.lb_port,
        "POST",
        f"{council['resolution']}/@votes/open",
        {},
        auth=secretary,
    )
    return council


def council_worker(app, site_id):
    """Under zconsole: the council and one named resolution."""
    from _site import login_manager
    from Testing.makerequest import makerequest
    from voting import build
    from voting import new_item
    from voting import PASSWORD
    from zope.component.hooks import setSite

    app = makerequest(app)
    login_manager(app)
    site = app[site_id]
    setSite(site)
    session, users = build(app, site, VOTERS)
    resolution = new_item(session, "named", 1)
    print(
        "BUILT "
        + json.dumps(
            {
                "resolution": resolution,
                "delegates": users,
                "secretary": "bench-thuky",
                "password": PASSWORD,
            }
        ),
        flush=True,
    )
    app._p_jar.db().close()


def load_average():
    return os.getloadavg()[0]


def main(args):
    from cluster import from_environment

    base = from_environment()
    if not base.postgres_running():
        sys.exit(
            "The cluster does not run: make start-cluster (and make province) first"
        )
    all_sites = sites_of(args.csv, max(args.sites))
    council = build_council(base, all_sites[0])
    rows = []
    for processes in args.processes:
        cluster = from_environment(processes=processes)
        cluster.write_instance()  # the configuration of each process
        for port in [p for p in cluster.running_ports() if p not in cluster.ports]:
            cluster.stop_zope(port)
        # Fresh processes for every run: their caches start empty alike.
        for port in cluster.running_ports():
            cluster.stop_zope(port)
        cluster.start_zopes()
        cluster.start_haproxy()
        time.sleep(3)  # HAProxy's health checks see the new processes
        for count in args.sites:
            sites = all_sites[:count]
            pages = pages_of(cluster.lb_port, sites)
            # The same mix unrecorded first: every process meets the sites.
            run_mix(cluster.lb_port, sites, council, args, pages, args.warmup)
            load_before = load_average()
            recorder, seconds = run_mix(
                cluster.lb_port, sites, council, args, pages, args.duration
            )
            rss = [cluster.rss_mib(port) for port in cluster.ports]
            rows.append(
                {
                    "processes": processes,
                    "sites": count,
                    "seconds": seconds,
                    "load": (load_before, load_average()),
                    "rss": rss,
                    "db_mib": cluster.database_size() / 2**20,
                    "kinds": {
                        kind: {
                            "count": len(times),
                            "per_s": len(times) / seconds,
                            "p50": percentile(times, 0.5) * 1000,
                            "p95": percentile(times, 0.95) * 1000,
                            "errors": recorder.errors.get(kind, 0),
                            "sample": recorder.samples.get(kind),
                        }
                        for kind, times in sorted(recorder.times.items())
                    },
                }
            )
            print(report(rows[-1:], args), flush=True)
    text = report(rows, args)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "load.md").write_text(text)
    (RESULTS / "load.json").write_text(json.dumps(rows, indent=1))
    print(text)


def report(rows, args):
    lines = [
        "# Load on the province cluster",
        "",
        f"{args.readers} anonymous readers (no pause), {args.editors} editors and "
        f"{args.voters} delegates (0.5 s between steps) through HAProxy, "
        f"{args.duration:.0f} s a run after {args.warmup:.0f} s of the same mix unrecorded; "
        "times in ms.",
        "",
    ]
    for row in rows:
        total = sum(kind["count"] for kind in row["kinds"].values())
        lines += [
            f"## {row['processes']} process(es), {row['sites']} site(s)",
            "",
            f"{total / row['seconds']:.1f} requests/s in all; load average "
            f"{row['load'][0]:.1f} before, {row['load'][1]:.1f} after; RSS per process "
            + ", ".join(f"{rss:.0f}" for rss in row["rss"] if rss)
            + f" MiB; database {row['db_mib']:.0f} MiB",
            "",
            "| request | count | per second | p50 | p95 | errors |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for kind, data in row["kinds"].items():
            lines.append(
                f"| {kind} | {data['count']} | {data['per_s']:.1f} | {data['p50']:.0f} "
                f"| {data['p95']:.0f} | {data['errors']}"
                + (f" (e.g. {data['sample']})" if data["errors"] else "")
                + " |"
            )
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    if "app" in globals():  # zconsole run bench/load.py --council SITE
        council_worker(app, sys.argv[-1])  # noqa: F821
    else:
        main(parse(sys.argv[1:]))
