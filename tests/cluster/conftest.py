"""One small province cluster for the tests of this folder: PostgreSQL
from the machine's binaries, RelStorage, two Zope processes on free
loopback ports, all in a temporary folder (``scripts/cluster/cluster.py``,
as ``make start-cluster`` runs it, without the load balancer: the tests
speak to each process).

Two commune sites are made by ``scripts/province.py`` from a CSV of two
rows; the first gets the council of ``bench/voting.py`` (delegates linked to
users, a session with everybody present), two named resolutions and a
secret one. The whole folder is skipped, with the reason, where
PostgreSQL's binaries, the user ``postgres`` (as root) or RelStorage are
missing.
"""

from pathlib import Path
import json
import os
import pytest
import shutil
import subprocess
import sys
import tempfile


HERE = Path(__file__).parent
REPOSITORY = HERE.parents[1]
sys.path.insert(0, str(REPOSITORY / "scripts" / "cluster"))

from cluster import Cluster  # noqa: E402
from cluster import free_port  # noqa: E402
from cluster import missing_requirements  # noqa: E402


ADMIN = ("admin", "admin")
SITES = [
    ("xa-nghi-duong", "Xã Nghi Dương"),
    ("phuong-hong-bang", "Phường Hồng Bàng"),
]
VOTERS = 30  # a commune council's size (issue 12: 30 delegates at once)


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "cluster: needs PostgreSQL's binaries and RelStorage (tests/cluster, "
        "docs/deployment.md)",
    )


def pytest_collection_modifyitems(config, items):
    reasons = missing_requirements("relstorage")
    for item in items:
        if Path(str(item.fspath)).is_relative_to(HERE):
            item.add_marker(pytest.mark.cluster)
            needs_cluster = {"province", "running"} & set(item.fixturenames)
            if reasons and needs_cluster:
                item.add_marker(pytest.mark.skip(reason="; ".join(reasons)))


class Province:
    """The running test cluster and what was built in it."""

    def __init__(self, cluster, csv_path, council):
        self.cluster = cluster
        self.csv = csv_path
        self.council = council
        self.a, self.b = cluster.ports
        self.site = SITES[0][0]

    def province(self, *args):
        """Run ``scripts/province.py`` on the cluster's database; its output."""
        result = subprocess.run(
            [
                str(Path(sys.executable).parent / "zconsole"),
                "run",
                str(self.cluster.conf("script")),
                str(REPOSITORY / "scripts" / "province.py"),
                "--csv",
                str(self.csv),
                *args,
            ],
            capture_output=True,
            text=True,
            cwd=REPOSITORY,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    def ensure_running(self):
        """Start what a test left stopped (a killed process, PostgreSQL)."""
        if not self.cluster.postgres_running():
            self.cluster.start_postgres()
        self.cluster.start_zopes()


# Package scope: the cluster stops when the last test of this folder is
# done, not at the end of the whole suite.
@pytest.fixture(scope="package")
def province():
    reasons = missing_requirements("relstorage")
    if reasons:
        pytest.skip("; ".join(reasons))
    root = Path(tempfile.mkdtemp(prefix="commune-cluster-"))
    root.chmod(0o755)  # PostgreSQL runs as user postgres
    cluster = Cluster(
        root=root,
        ports=[free_port(), free_port()],
        pg_port=free_port(),
        threads=4,
        admin=":".join(ADMIN),
    )
    csv_path = root / "province.csv"
    csv_path.write_text(
        "id,name,province,issuing_bodies\n"
        + "".join(
            f"{site_id},{name},Thành phố Hải Phòng,Hội đồng nhân dân; Ủy ban nhân dân\n"
            for site_id, name in SITES
        ),
        encoding="utf-8",
    )
    try:
        cluster.start_postgres(fast=True)
        cluster.write_instance()
        built = Province(cluster, csv_path, None)
        built.first_run = built.province()
        result = subprocess.run(
            [
                str(Path(sys.executable).parent / "zconsole"),
                "run",
                str(cluster.conf("script")),
                str(HERE / "build_council.py"),
                SITES[0][0],
                str(VOTERS),
            ],
            capture_output=True,
            text=True,
            cwd=REPOSITORY,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        line = next(
            line for line in result.stdout.splitlines() if line.startswith("BUILT ")
        )
        built.council = json.loads(line[len("BUILT ") :])
        cluster.start_zopes()
        yield built
    finally:
        cluster.stop()
        if os.environ.get("KEEP_CLUSTER"):
            print(f"test cluster kept in {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def running(province):
    """The cluster with everything running, before and after the test."""
    province.ensure_running()
    yield province
    province.ensure_running()
