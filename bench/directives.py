"""Benchmark of ``@directives`` against Plone's ``@search`` and the bare catalog.

Run it from the repository root::

    .venv/bin/python bench/directives.py --sizes 1000,10000

For every size N it builds (once) a Plone site holding N generated official
documents in its own FileStorage under ``bench/results/data-N/``, then times
five listing queries three ways, in-process (so that the publisher's fixed
cost does not blur the ratios):

- ``@directives``: the registered REST service, looked up as the publisher
  does and called (``reply()`` and the JSON encoding), with and without
  facets (``facets=0``);
- ``@search``: plone.restapi's service asked for the same items, sort, batch
  and metadata;
- the floor: ``portal_catalog.searchResults`` with the same query, sort and
  batch, reading the same metadata from the page's brains, no JSON.

It then asks ``@directives`` and ``@search`` the same queries over HTTP,
through a waitress server started in a thread of the same process, and
writes a Markdown report to ``bench/results/directives-N.md`` (also printed).

Standalone, the script creates ``bench/results/instance`` (mkwsgiinstance)
and one ``zope-N.conf`` per size, then runs itself under
``zconsole run <conf> bench/directives.py --size N`` for each size. It can
also be run that way directly, on any instance: the site is then
``bench-N`` of that instance's database.

Every call is made as Anonymous (the public listing): the generated
documents are published, so all three ways see the same documents.
"""

import argparse
import os
import sys


def _bench_dir():
    try:
        return os.path.dirname(os.path.abspath(__file__))
    except NameError:  # run by ``zconsole run``: no __file__
        for arg in sys.argv:
            if os.path.basename(arg) == "directives.py":
                return os.path.dirname(os.path.abspath(arg))
    return os.path.abspath("bench")


BENCH = _bench_dir()
REPOSITORY = os.path.dirname(BENCH)
# BENCH_RESULTS: another results folder (make bench-smoke uses its own).
RESULTS = os.path.abspath(
    os.environ.get("BENCH_RESULTS") or os.path.join(BENCH, "results")
)
INSTANCE = os.path.join(RESULTS, "instance")
if BENCH not in sys.path:
    sys.path.insert(0, BENCH)

CONF = """\
%define INSTANCE {instance}
instancehome $INSTANCE

<zodb_db main>
  cache-size {cache_size}
  <blobstorage>
    blob-dir {data}/blobs
    <filestorage>
      path {data}/Data.fs
    </filestorage>
  </blobstorage>
  mount-point /
</zodb_db>

<environment>
  CHAMELEON_CACHE $INSTANCE/var/cache
  zope_i18n_compile_mo_files true
</environment>
"""


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="bench/directives.py", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--sizes", default="1000,10000", help="e.g. 1000,10000,100000")
    parser.add_argument("--size", type=int, help="(worker) one size")
    parser.add_argument("--reps", type=int, default=30, help="timed repetitions")
    parser.add_argument("--warmup", type=int, default=5, help="untimed repetitions")
    parser.add_argument(
        "--http-requests", type=int, default=20, help="timed HTTP requests per query"
    )
    parser.add_argument("--no-http", action="store_true", help="skip the HTTP part")
    parser.add_argument("--build-only", action="store_true", help="only build the site")
    parser.add_argument("--commit-every", type=int, default=500)
    parser.add_argument("--file-ratio", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--cache-size", type=int, default=30000, help="ZODB cache (objects)"
    )
    parser.add_argument(
        "--no-gc-freeze",
        action="store_true",
        help="measure without gc.freeze() (p95 then shows full collections)",
    )
    parser.add_argument("--site-id", help="(worker) default: bench-N")
    parser.add_argument(
        "--profile", action="store_true", help="also write cProfile summaries"
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="exit with an error when the ways do not answer the same items",
    )
    return parser.parse_args(argv)


# -- standalone: one zconsole process per size ------------------------------


def orchestrate(args, argv):
    import subprocess

    bin_dir = os.path.dirname(sys.executable)
    if not os.path.exists(os.path.join(INSTANCE, "etc", "site.zcml")):
        os.makedirs(RESULTS, exist_ok=True)
        subprocess.run(
            [
                os.path.join(bin_dir, "mkwsgiinstance"),
                "-d",
                INSTANCE,
                "-u",
                "admin:admin",
            ],
            check=True,
        )
    passed = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg == "--sizes":
            skip = True
            continue
        if arg.startswith("--sizes="):
            continue
        passed.append(arg)
    for size in [int(s) for s in args.sizes.split(",") if s.strip()]:
        data = os.path.join(RESULTS, f"data-{size}")
        os.makedirs(os.path.join(data, "blobs"), exist_ok=True)
        conf = os.path.join(INSTANCE, "etc", f"zope-{size}.conf")
        with open(conf, "w") as handle:
            handle.write(
                CONF.format(instance=INSTANCE, data=data, cache_size=args.cache_size)
            )
        command = [
            os.path.join(bin_dir, "zconsole"),
            "run",
            conf,
            os.path.join(BENCH, "directives.py"),
            "--size",
            str(size),
            "--site-id",
            "Plone",
            *passed,
        ]
        print(f"[bench] {' '.join(command)}", flush=True)
        subprocess.run(command, check=True, cwd=REPOSITORY)


# -- worker, inside Zope ---------------------------------------------------------


def worker(app, args):
    from _measure import run

    run(app, args)


if __name__ == "__main__":
    if "app" in globals():  # zconsole run
        script = next(
            i
            for i, arg in enumerate(sys.argv)
            if os.path.basename(arg) == "directives.py"
        )
        arguments = parse_args(sys.argv[script + 1 :])
        worker(app, arguments)  # noqa: F821 (``app`` is provided by zconsole)
    else:
        orchestrate(parse_args(sys.argv[1:]), sys.argv[1:])
