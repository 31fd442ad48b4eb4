"""A province on one machine: PostgreSQL, RelStorage, several Zope
processes and HAProxy in front (docs/deployment.md).

Usage (from the repository root; ``make start-cluster`` and friends call it)::

    .venv/bin/python scripts/cluster/cluster.py start [--processes 2]
    .venv/bin/python scripts/cluster/cluster.py status
    .venv/bin/python scripts/cluster/cluster.py stop
    .venv/bin/python scripts/cluster/cluster.py start --storage zeo

Everything lives under ``var/cluster/`` (git-ignored; ``--root`` moves it)
and listens on 127.0.0.1 only:

- ``pgdata/``: a PostgreSQL cluster of the machine's binaries (``PG_BIN``,
  else the newest ``/usr/lib/postgresql/*/bin``), database ``commune``,
  user ``zope``, trust authentication on loopback, port 54329;
- ``instance/``: the Zope instance (``mkwsgiinstance``) and, per process,
  ``etc/zope-<port>.conf`` and ``etc/zope-<port>.ini``: RelStorage
  history-free, blobs in the database, a blob cache of its own
  (``blobcache-<port>/``), waitress on ports 8081, 8082 …;
- ``haproxy.cfg``: HAProxy on port 8080, least connections, as many requests
  per process as it has threads, requests queued in HAProxy and sent to
  another process when one does not accept connections;
- ``log/``, ``run/`` (pid files).

Every command is idempotent: ``start`` starts what is not running and says
what it found; ``stop`` stops what runs. The same class serves the tests
(``tests/cluster/``), in a temporary folder with free ports.
"""

from pathlib import Path
import argparse
import base64
import glob
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time


REPOSITORY = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
DEFAULT_ROOT = REPOSITORY / "var" / "cluster"


class ClusterError(RuntimeError):
    """Something the person starting the cluster has to fix; the message
    says what."""


def log(message):
    print(f"[cluster] {message}", flush=True)


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def port_open(port, host="127.0.0.1"):
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex((host, port)) == 0


def pg_bin():
    """The folder of PostgreSQL's server binaries, or ``None``."""
    candidates = []
    if os.environ.get("PG_BIN"):
        candidates.append(os.environ["PG_BIN"])
    candidates += sorted(
        glob.glob("/usr/lib/postgresql/*/bin"),
        key=lambda path: (
            int(path.split("/")[-2]) if path.split("/")[-2].isdigit() else 0
        ),
        reverse=True,
    )
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(str(Path(os.path.realpath(initdb)).parent))
    for folder in candidates:
        if all(
            os.access(os.path.join(folder, name), os.X_OK)
            for name in ("initdb", "pg_ctl", "postgres", "pg_dump", "pg_restore")
        ):
            return folder
    return None


def missing_requirements(storage="relstorage"):
    """Why a cluster cannot start here (a list of sentences), empty when
    it can. The tests skip with these reasons."""
    reasons = []
    if storage == "relstorage":
        if pg_bin() is None:
            reasons.append(
                "PostgreSQL server binaries (initdb, pg_ctl, postgres, pg_dump, "
                "pg_restore) not found: apt-get install postgresql, or set PG_BIN"
            )
        if os.geteuid() == 0:
            try:
                import pwd

                pwd.getpwnam("postgres")
            except KeyError:
                reasons.append(
                    "running as root and there is no user 'postgres' to run "
                    "PostgreSQL as (apt-get install postgresql creates it)"
                )
        for module in ("relstorage", "psycopg2"):
            try:
                __import__(module)
            except ImportError:
                reasons.append(
                    f"Python package {module} missing: pip install -c constraints.txt -e '.[cluster]'"
                )
    elif storage == "zeo":
        try:
            __import__("ZEO")
        except ImportError:
            reasons.append(
                "Python package ZEO missing: pip install -c constraints.txt -e '.[cluster]'"
            )
    return reasons


ZOPE_CONF = """\
%define INSTANCE {instance}
instancehome $INSTANCE
{imports}
# A request that meets a ConflictError is run again this many times before
# the error reaches the user (Zope's default is 3).
max-conflict-retries {retries}

<zodb_db main>
  cache-size 30000
{storage}
  mount-point /
</zodb_db>

<environment>
  CHAMELEON_CACHE {chameleon}
  zope_i18n_compile_mo_files true
</environment>
"""

RELSTORAGE = """\
  <relstorage>
    # no history: the database holds the current state only (pack-free)
    keep-history false
    # blobs are stored in PostgreSQL; each process keeps a cache of them
    shared-blob-dir false
    blob-dir {blobcache}
    blob-cache-size 512mb
    cache-local-mb 200
    commit-lock-timeout 30
    <postgresql>
      dsn host='127.0.0.1' port='{pg_port}' dbname='{database}' user='{user}' connect_timeout=10
    </postgresql>
  </relstorage>"""

ZEOCLIENT = """\
  <zeoclient>
    server 127.0.0.1:{zeo_port}
    storage 1
    name zeo-{port}
    # blobs are fetched from the ZEO server; each process keeps a cache
    blob-dir {blobcache}
    shared-blob-dir false
    cache-size 256MB
  </zeoclient>"""

ZEO_CONF = """\
<zeo>
  address 127.0.0.1:{zeo_port}
</zeo>
<filestorage 1>
  path {data}/Data.fs
  blob-dir {data}/blobs
</filestorage>
<eventlog>
  <logfile>
    path {log}
  </logfile>
</eventlog>
"""

ZOPE_INI = """\
[app:zope]
use = egg:Zope#main
zope_conf = {conf}

[server:main]
use = egg:waitress#main
host = 127.0.0.1
port = {port}
threads = {threads}

[filter:translogger]
use = egg:Paste#translogger
setup_console_handler = False

[pipeline:main]
pipeline =
    egg:Zope#httpexceptions
    translogger
    zope

[loggers]
keys = root, waitress.queue, waitress, wsgi

[handlers]
keys = console, accesslog, eventlog

[formatters]
keys = generic, message

[formatter_generic]
format = %(asctime)s %(levelname)s [%(name)s:%(lineno)s][%(threadName)s] %(message)s
datefmt = %Y-%m-%d %H:%M:%S

[formatter_message]
format = %(message)s

[logger_root]
level = INFO
handlers = console, eventlog

[logger_waitress.queue]
level = WARN
handlers = eventlog
qualname = waitress.queue
propagate = 0

[logger_waitress]
level = INFO
handlers = eventlog
qualname = waitress

[logger_wsgi]
level = WARN
handlers = accesslog
qualname = wsgi
propagate = 0

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = WARN
formatter = generic

[handler_accesslog]
class = FileHandler
args = (r'{log}/access-{port}.log', 'a')
level = INFO
formatter = message

[handler_eventlog]
class = FileHandler
args = (r'{log}/event-{port}.log', 'a')
level = INFO
formatter = generic
"""

HAPROXY_CFG = """\
# Written by scripts/cluster/cluster.py: rewritten at every start.
global
    daemon
    pidfile {pidfile}
    maxconn 1024

defaults
    mode http
    timeout connect 5s
    timeout client 120s
    timeout server 120s
    timeout queue 60s
    # A request whose connection to a process fails (killed, restarting)
    # goes to another one; nothing is sent twice to a process that got it.
    retries 3
    option redispatch
    retry-on conn-failure

frontend commune
    bind 127.0.0.1:{lb_port}
    default_backend zope

backend zope
    balance leastconn
{servers}
"""


class Cluster:
    """The files and processes of one local cluster under ``root``."""

    def __init__(
        self,
        root=DEFAULT_ROOT,
        processes=2,
        storage="relstorage",
        pg_port=54329,
        zeo_port=8100,
        first_port=8081,
        lb_port=8080,
        threads=4,
        ports=None,
        database="commune",
        user="zope",
        conflict_retries=10,
        admin="admin:admin",
    ):
        self.root = Path(root).resolve()
        self.storage = storage
        self.pg_port = pg_port
        self.zeo_port = zeo_port
        self.lb_port = lb_port
        self.threads = threads
        self.ports = list(ports or range(first_port, first_port + processes))
        self.database = database
        self.user = user
        self.conflict_retries = conflict_retries
        self.admin = admin
        self.instance = self.root / "instance"
        self.etc = self.instance / "etc"
        self.pgdata = self.root / "pgdata"
        self.zeodata = self.root / "zeo"
        self.logs = self.root / "log"
        self.run = self.root / "run"

    # -- paths ---------------------------------------------------------------

    def conf(self, port):
        return self.etc / f"zope-{port}.conf"

    def ini(self, port):
        return self.etc / f"zope-{port}.ini"

    def pidfile(self, name):
        return self.run / f"{name}.pid"

    @property
    def dsn(self):
        return (
            f"host=127.0.0.1 port={self.pg_port} dbname={self.database} "
            f"user={self.user} connect_timeout=10"
        )

    # -- PostgreSQL ----------------------------------------------------------

    def _as_postgres(self, command, **kwargs):
        """Run a PostgreSQL server command; as root, as user ``postgres``
        (PostgreSQL refuses to run as root)."""
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, **kwargs)

    def postgres_running(self):
        if not (self.pgdata / "PG_VERSION").exists():
            return False
        result = self._as_postgres(
            [os.path.join(self._pg_bin(), "pg_ctl"), "status", "-D", str(self.pgdata)],
            capture_output=True,
        )
        return result.returncode == 0

    def _pg_bin(self):
        folder = pg_bin()
        if folder is None:
            raise ClusterError(missing_requirements("relstorage")[0])
        return folder

    def init_postgres(self, fast=False):
        """Create the PostgreSQL cluster once (``fast``: no fsync at
        initdb, for tests)."""
        if (self.pgdata / "PG_VERSION").exists():
            return False
        reasons = missing_requirements("relstorage")
        if reasons:
            raise ClusterError("; ".join(reasons))
        self.root.mkdir(parents=True, exist_ok=True)
        self.pgdata.mkdir(mode=0o700, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(self.pgdata, "postgres", "postgres")
        log(f"initdb {self.pgdata}")
        result = self._as_postgres(
            [
                os.path.join(self._pg_bin(), "initdb"),
                "-D",
                str(self.pgdata),
                "-U",
                self.user,
                "--auth=trust",
                "-E",
                "UTF8",
                "--no-locale",
                *(["--no-sync"] if fast else []),
            ],
            capture_output=True,
            text=True,
        )
        if result.returncode:
            raise ClusterError(f"initdb failed:\n{result.stdout}{result.stderr}")
        with open(self.pgdata / "postgresql.auto.conf", "a") as conf:
            # Loopback only, no Unix socket; room for 4 processes x threads
            # x 2 connections (RelStorage loads and stores on separate ones).
            conf.write(
                "listen_addresses = '127.0.0.1'\n"
                f"port = {self.pg_port}\n"
                "unix_socket_directories = ''\n"
                "max_connections = 200\n"
                "shared_buffers = 256MB\n"
            )
        return True

    def start_postgres(self, fast=False):
        self.init_postgres(fast=fast)
        if self.postgres_running():
            log(f"PostgreSQL already running on 127.0.0.1:{self.pg_port}")
        else:
            if port_open(self.pg_port):
                raise ClusterError(
                    f"port {self.pg_port} is taken by another program: stop it or "
                    "choose another with CLUSTER_PG_PORT"
                )
            self.logs.mkdir(parents=True, exist_ok=True)
            logfile = self.pgdata / "server.log"  # written by user postgres
            result = self._as_postgres(
                [
                    os.path.join(self._pg_bin(), "pg_ctl"),
                    "start",
                    "-w",
                    "-t",
                    "60",
                    "-D",
                    str(self.pgdata),
                    "-l",
                    str(logfile),
                ],
                capture_output=True,
                text=True,
            )
            if result.returncode:
                tail = logfile.read_text()[-2000:] if logfile.exists() else ""
                raise ClusterError(
                    f"PostgreSQL did not start:\n{result.stdout}{result.stderr}{tail}"
                )
            log(f"PostgreSQL started on 127.0.0.1:{self.pg_port} ({self.pgdata})")
        self.create_database()

    def stop_postgres(self, mode="fast"):
        if not self.postgres_running():
            return False
        self._as_postgres(
            [
                os.path.join(self._pg_bin(), "pg_ctl"),
                "stop",
                "-w",
                "-m",
                mode,
                "-D",
                str(self.pgdata),
            ],
            check=True,
            capture_output=True,
        )
        log("PostgreSQL stopped")
        return True

    def restart_postgres(self, mode="fast"):
        """What an operator does to PostgreSQL during traffic (fault tests)."""
        self._as_postgres(
            [
                os.path.join(self._pg_bin(), "pg_ctl"),
                "restart",
                "-w",
                "-m",
                mode,
                "-D",
                str(self.pgdata),
                "-l",
                str(self.pgdata / "server.log"),
            ],
            check=True,
            capture_output=True,
        )

    def connect(self, database=None):
        import psycopg2

        return psycopg2.connect(
            host="127.0.0.1",
            port=self.pg_port,
            user=self.user,
            dbname=database or self.database,
            connect_timeout=10,
        )

    def create_database(self):
        connection = self.connect("postgres")
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", (self.database,)
            )
            if cursor.fetchone() is None:
                cursor.execute(f'CREATE DATABASE "{self.database}"')
                log(f"database '{self.database}' created")
        connection.close()

    def database_size(self):
        """Bytes of the database (tables, indexes, large objects)."""
        connection = self.connect()
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(%s)", (self.database,))
            size = cursor.fetchone()[0]
        connection.close()
        return size

    # -- ZEO (the alternative) ------------------------------------------------

    def start_zeo(self):
        reasons = missing_requirements("zeo")
        if reasons:
            raise ClusterError("; ".join(reasons))
        if port_open(self.zeo_port):
            log(f"ZEO already answers on 127.0.0.1:{self.zeo_port}")
            return
        (self.zeodata / "blobs").mkdir(parents=True, exist_ok=True)
        self.logs.mkdir(parents=True, exist_ok=True)
        self.run.mkdir(parents=True, exist_ok=True)
        conf = self.root / "zeo.conf"
        conf.write_text(
            ZEO_CONF.format(
                zeo_port=self.zeo_port, data=self.zeodata, log=self.logs / "zeo.log"
            )
        )
        with open(self.logs / "zeo.out", "ab") as out:  # the child keeps it
            process = subprocess.Popen(
                [str(BIN / "runzeo"), "-C", str(conf)],
                stdout=subprocess.DEVNULL,
                stderr=out,
                start_new_session=True,
            )
        self.pidfile("zeo").write_text(str(process.pid))
        self._wait_port(self.zeo_port, process, self.logs / "zeo.log", 60, "ZEO")
        log(f"ZEO started on 127.0.0.1:{self.zeo_port} ({self.zeodata})")

    # -- Zope ----------------------------------------------------------------

    def write_instance(self):
        """The instance (once) and each process's configuration (every
        time: the number of processes or ports may change)."""
        if not (self.etc / "site.zcml").exists():
            self.root.mkdir(parents=True, exist_ok=True)
            subprocess.run(
                [
                    str(BIN / "mkwsgiinstance"),
                    "-d",
                    str(self.instance),
                    "-u",
                    self.admin,
                ],
                check=True,
                capture_output=True,
            )
        self.logs.mkdir(parents=True, exist_ok=True)
        self.run.mkdir(parents=True, exist_ok=True)
        # The configuration that runs scripts (zconsole) has its own caches.
        for port in [*self.ports, "script"]:
            blobcache = self.root / f"blobcache-{port}"
            blobcache.mkdir(exist_ok=True)
            (self.root / f"chameleon-{port}").mkdir(exist_ok=True)
            if self.storage == "zeo":
                imports = ""
                storage = ZEOCLIENT.format(
                    zeo_port=self.zeo_port, port=port, blobcache=blobcache
                )
            else:
                imports = "%import relstorage"
                storage = RELSTORAGE.format(
                    blobcache=blobcache,
                    pg_port=self.pg_port,
                    database=self.database,
                    user=self.user,
                )
            self.conf(port).write_text(
                ZOPE_CONF.format(
                    instance=self.instance,
                    imports=imports,
                    retries=self.conflict_retries,
                    storage=storage,
                    chameleon=self.root / f"chameleon-{port}",
                )
            )
            if port != "script":
                self.ini(port).write_text(
                    ZOPE_INI.format(
                        conf=self.conf(port),
                        port=port,
                        threads=self.threads,
                        log=self.logs,
                    )
                )

    def run_script(self, script, *args, env=None, check=True):
        """``zconsole run`` a script on the cluster's database."""
        command = [str(BIN / "zconsole"), "run", str(self.conf("script")), str(script)]
        command += [str(arg) for arg in args]
        result = subprocess.run(
            command, env={**os.environ, **(env or {})}, cwd=REPOSITORY
        )
        if check and result.returncode:
            raise ClusterError(
                f"{' '.join(command)} exited with {result.returncode} (its output is above)"
            )
        return result

    def zope_pid(self, port):
        try:
            pid = int(self.pidfile(f"zope-{port}").read_text())
        except (FileNotFoundError, ValueError):
            return None
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        return pid

    def start_zopes(self, ports=None, timeout=300):
        """Start the processes of ``ports`` (all) together; wait until each
        answers."""
        started = [
            (port, self.start_zope(port, wait=False)) for port in ports or self.ports
        ]
        for port, process in started:
            if process:
                self._wait_port(
                    port, process, self.logs / f"zope-{port}.out", timeout, "Zope"
                )
                log(f"Zope started on 127.0.0.1:{port} (pid {process.pid})")

    def start_zope(self, port, timeout=300, wait=True):
        """Start the process of ``port`` unless it runs; wait until it
        answers (``wait=False``: return the process at once)."""
        if self.zope_pid(port):
            log(f"Zope already running on 127.0.0.1:{port}")
            return False
        if port_open(port):
            raise ClusterError(
                f"port {port} is taken by another program: stop it or choose "
                "other ports (CLUSTER_FIRST_PORT)"
            )
        with open(self.logs / f"zope-{port}.out", "ab") as out:  # the child keeps it
            process = subprocess.Popen(
                [str(BIN / "runwsgi"), str(self.ini(port))],
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                cwd=self.instance,
            )
        self.pidfile(f"zope-{port}").write_text(str(process.pid))
        if not wait:
            return process
        self._wait_port(port, process, self.logs / f"zope-{port}.out", timeout, "Zope")
        log(f"Zope started on 127.0.0.1:{port} (pid {process.pid})")
        return process

    def _wait_port(self, port, process, logfile, timeout, what):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                tail = Path(logfile).read_text(errors="replace")[-3000:]
                raise ClusterError(
                    f"{what} on port {port} exited with {process.returncode}:\n{tail}"
                )
            if port_open(port):
                return
            time.sleep(0.5)
        raise ClusterError(f"{what} on port {port} did not answer within {timeout} s")

    def kill_zope(self, port, sig=signal.SIGKILL):
        """Send ``sig`` to the process of ``port`` (the fault tests: kill -9)."""
        pid = self.zope_pid(port)
        if pid:
            os.kill(pid, sig)
            self._wait_gone(pid, 30)
            self.pidfile(f"zope-{port}").unlink(missing_ok=True)
        return pid

    def stop_zope(self, port):
        pid = self.zope_pid(port)
        if not pid:
            return False
        os.kill(pid, signal.SIGTERM)
        if not self._wait_gone(pid, 30):
            os.kill(pid, signal.SIGKILL)
            self._wait_gone(pid, 10)
        self.pidfile(f"zope-{port}").unlink(missing_ok=True)
        log(f"Zope on port {port} stopped")
        return True

    @staticmethod
    def _wait_gone(pid, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                # Reap it when it is our child (tests), else just probe.
                if os.waitpid(pid, os.WNOHANG)[0] == pid:
                    return True
            except ChildProcessError:
                try:
                    os.kill(pid, 0)
                except ProcessLookupError:
                    return True
            time.sleep(0.1)
        return False

    def rss_mib(self, port):
        """Resident memory of the process of ``port`` in MiB."""
        pid = self.zope_pid(port)
        if not pid:
            return None
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return None

    def running_ports(self):
        """Ports of the Zope processes that run now (those of earlier
        starts with another number of processes included)."""
        ports = []
        for pidfile in sorted(self.run.glob("zope-*.pid")):
            port = int(pidfile.stem.split("-")[1])
            if self.zope_pid(port):
                ports.append(port)
        return ports

    # -- HAProxy -------------------------------------------------------------

    def haproxy_pid(self):
        try:
            pid = int(self.pidfile("haproxy").read_text().split()[0])
            os.kill(pid, 0)
            return pid
        except (FileNotFoundError, ValueError, IndexError, ProcessLookupError):
            return None

    def start_haproxy(self):
        haproxy = shutil.which("haproxy")
        if haproxy is None:
            raise ClusterError(
                "haproxy not found: make cluster-deps installs it (apt-get install "
                "haproxy, as root)"
            )
        servers = "\n".join(
            f"    server zope-{port} 127.0.0.1:{port} check inter 2s fall 2 rise 1 "
            f"maxconn {self.threads}"
            for port in self.ports
        )
        config = self.root / "haproxy.cfg"
        config.write_text(
            HAPROXY_CFG.format(
                pidfile=self.pidfile("haproxy"), lb_port=self.lb_port, servers=servers
            )
        )
        subprocess.run([haproxy, "-c", "-q", "-f", str(config)], check=True)
        pid = self.haproxy_pid()
        if pid:
            # Reload with the new list of processes, without dropping
            # connections (-sf: the old one finishes its requests).
            subprocess.run([haproxy, "-f", str(config), "-sf", str(pid)], check=True)
            log(f"HAProxy reloaded on 127.0.0.1:{self.lb_port}")
            return
        if port_open(self.lb_port):
            raise ClusterError(
                f"port {self.lb_port} is taken by another program (make start?): "
                "stop it or choose another with CLUSTER_PORT"
            )
        subprocess.run([haproxy, "-f", str(config)], check=True)
        log(f"HAProxy started on 127.0.0.1:{self.lb_port} -> {self.ports}")

    def stop_haproxy(self):
        pid = self.haproxy_pid()
        if pid:
            os.kill(pid, signal.SIGTERM)
            self._wait_gone(pid, 10)
            self.pidfile("haproxy").unlink(missing_ok=True)
            log("HAProxy stopped")

    # -- all of it -----------------------------------------------------------

    def start_storage(self, fast=False):
        if self.storage == "zeo":
            self.start_zeo()
        else:
            self.start_postgres(fast=fast)

    def start(self, site=True, balancer=True):
        self.start_storage()
        self.write_instance()
        if site:
            log("creating or updating the demo site (scripts/create_site.py)")
            self.run_script(REPOSITORY / "scripts" / "create_site.py")
        for port in [p for p in self.running_ports() if p not in self.ports]:
            self.stop_zope(port)  # fewer processes than last time
        self.start_zopes()
        if balancer:
            self.start_haproxy()

    def stop(self):
        self.stop_haproxy()
        for port in self.running_ports():
            self.stop_zope(port)
        pid_path = self.pidfile("zeo")
        if pid_path.exists():
            try:
                os.kill(int(pid_path.read_text()), signal.SIGTERM)
                log("ZEO stopped")
            except (ProcessLookupError, ValueError):
                pass
            pid_path.unlink()
        if self.storage == "relstorage" and pg_bin() is not None:
            self.stop_postgres()

    def status(self):
        lines = []
        if self.storage == "zeo":
            lines.append(
                f"ZEO 127.0.0.1:{self.zeo_port}: "
                f"{'up' if port_open(self.zeo_port) else 'down'}"
            )
        else:
            running = pg_bin() is not None and self.postgres_running()
            size = ""
            if running:
                size = f", database {self.database_size() / 2**20:.0f} MiB"
            lines.append(
                f"PostgreSQL 127.0.0.1:{self.pg_port}: {'up' if running else 'down'}{size}"
            )
        for port in sorted(set(self.ports) | set(self.running_ports())):
            rss = self.rss_mib(port)
            state = f"up, {rss:.0f} MiB" if rss else "down"
            lines.append(f"Zope 127.0.0.1:{port}: {state}")
        lines.append(
            f"HAProxy 127.0.0.1:{self.lb_port}: {'up' if self.haproxy_pid() else 'down'}"
        )
        return "\n".join(lines)


def http_status(port, path="/", timeout=10):
    """The status of ``GET path`` on 127.0.0.1:``port`` (``None`` when
    nothing answers)."""
    try:
        return request(port, "GET", path, timeout=timeout)[0]
    except OSError:
        return None


def request(port, method, path, data=None, auth=None, timeout=60):
    """One JSON request to 127.0.0.1:``port`` on a new connection, as
    plone.restapi is called: ``(status, body)`` with the body decoded from
    JSON when it is JSON. ``auth``: ``(user, password)``. A connection that
    fails (a killed process) raises ``OSError`` (``http.client`` errors
    included): the request was not acknowledged."""
    headers = {"Accept": "application/json"}
    body = None
    if data is not None:
        body = json.dumps(data).encode()
        headers["Content-Type"] = "application/json"
    if auth:
        token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
        headers["Authorization"] = f"Basic {token}"
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body, headers)
        response = connection.getresponse()
        raw = response.read()
    except http.client.HTTPException as error:
        raise ConnectionError(f"{method} {path}: {error!r}") from error
    finally:
        connection.close()
    try:
        return response.status, json.loads(raw or b"null")
    except ValueError:
        return response.status, raw.decode("utf-8", "replace")


def from_environment(**overrides):
    """A ``Cluster`` with the settings of the Makefile's variables."""
    env = os.environ
    settings = {
        "root": Path(env.get("CLUSTER_ROOT", DEFAULT_ROOT)),
        "processes": int(env.get("CLUSTER_PROCESSES", 2)),
        "pg_port": int(env.get("CLUSTER_PG_PORT", 54329)),
        "zeo_port": int(env.get("CLUSTER_ZEO_PORT", 8100)),
        "first_port": int(env.get("CLUSTER_FIRST_PORT", 8081)),
        "lb_port": int(env.get("CLUSTER_PORT", 8080)),
        "threads": int(env.get("CLUSTER_THREADS", 4)),
        "admin": f"{env.get('ADMIN_USER', 'admin')}:{env.get('ADMIN_PASSWORD', 'admin')}",
    }
    settings.update({k: v for k, v in overrides.items() if v is not None})
    return Cluster(**settings)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "command", choices=["start", "stop", "status", "storage", "restart-zope"]
    )
    parser.add_argument("--root", type=Path)
    parser.add_argument("--processes", type=int)
    parser.add_argument("--storage", choices=["relstorage", "zeo"])
    parser.add_argument("--no-site", action="store_true", help="skip create_site.py")
    args = parser.parse_args(argv)
    storage = args.storage
    root = args.root
    if storage == "zeo" and root is None:
        root = Path(os.environ.get("CLUSTER_ROOT", DEFAULT_ROOT)).with_name(
            "zeo-cluster"
        )
    cluster = from_environment(root=root, processes=args.processes, storage=storage)
    try:
        if args.command == "start":
            cluster.start(site=not args.no_site)
            site = os.environ.get("SITE_ID", "Plone")
            print(
                f"\n  Commune portal (cluster): http://localhost:{cluster.lb_port}/{site}\n"
                f"  Processes: {', '.join(str(p) for p in cluster.ports)}; "
                f"{'ZEO' if cluster.storage == 'zeo' else 'PostgreSQL'} and logs in "
                f"{cluster.root}\n  Stop with: make "
                f"{'stop-zeo' if cluster.storage == 'zeo' else 'stop-cluster'}\n",
                flush=True,
            )
        elif args.command == "storage":
            cluster.start_storage()
            cluster.write_instance()
        elif args.command == "restart-zope":
            for port in cluster.running_ports():
                cluster.stop_zope(port)
            cluster.start_zopes()
        elif args.command == "stop":
            cluster.stop()
        else:
            print(cluster.status())
    except ClusterError as error:
        print(f"[cluster] error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
