"""Run a benchmark script inside Zope on a fresh database: the part of
``creation.py`` and ``procedures.py`` that runs outside Zope."""

import os
import shutil
import subprocess
import sys


def run_in_fresh_database(results, instance, script, label, argv):
    """Make the WSGI instance once, a new empty FileStorage
    ``results/data-<label>`` (removed first), its ``zope-<label>.conf``, and
    run ``script --worker argv`` with ``zconsole`` on it."""
    from directives import CONF  # the same storage settings

    bin_dir = os.path.dirname(sys.executable)
    if not os.path.exists(os.path.join(instance, "etc", "site.zcml")):
        os.makedirs(results, exist_ok=True)
        subprocess.run(
            [
                os.path.join(bin_dir, "mkwsgiinstance"),
                "-d",
                instance,
                "-u",
                "admin:admin",
            ],
            check=True,
        )
    data = os.path.join(results, f"data-{label}")
    shutil.rmtree(data, ignore_errors=True)  # always a fresh database
    os.makedirs(os.path.join(data, "blobs"))
    conf = os.path.join(instance, "etc", f"zope-{label}.conf")
    with open(conf, "w") as handle:
        handle.write(CONF.format(instance=instance, data=data, cache_size=30000))
    command = [
        os.path.join(bin_dir, "zconsole"),
        "run",
        conf,
        script,
        "--worker",
        *argv,
    ]
    print(f"[bench] {' '.join(command)}", flush=True)
    subprocess.run(command, check=True)
