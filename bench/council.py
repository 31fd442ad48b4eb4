"""Council listings: ``@council-sessions`` (with ``materials=true``) and
``@voter-petitions`` (with facets) at a realistic size.

Run it from the repository root::

    .venv/bin/python bench/council.py              # 5 terms x 20 sessions
                                                   # x 15 materials, 2,000
                                                   # petitions
    .venv/bin/python bench/council.py --smoke      # 2 x 5 x 4, 200, once (CI)

In one fresh database (``bench/results/data-council-T-S-M-P/``, removed and
rebuilt on every run) the script creates the benchmark site
(``_site.get_site``) with the standard sections, then:

1. generates the council's records under ``/hdnd`` reproducibly
   (``--seed``): T terms, S sessions per term (regular, thematic, urgent;
   nine in ten published into the kỷ yếu, the others circulated), M
   materials per session (a resolution every fifth, with its file) and P
   voters' petitions in every state, with sectors, constituencies and
   deadlines around the day of the run; a commit every 500 items;
2. times, in-process, ``@council-sessions`` as Anonymous (the default page,
   ``materials=true``, the kỷ yếu's query, a full-text search) and
   ``@voter-petitions`` as the council secretary (who sees every
   petition: the default page, a status, ``overdue=true``, sector and
   constituency, a full-text search), each with its facets as served
   (cached), with the facets counted (the cache emptied before each
   call) and with ``facets=false``, against the bare catalog query of the
   same page (``floor``: the same query, sort and batch through
   ``portal_catalog.searchResults``, the page's metadata read, and for
   ``materials=true`` the materials' query too).

The report goes to ``bench/results/council-T-S-M-P.md`` (also printed).
``--check`` exits with an error when the service and the floor do not
answer the same items.
"""

import argparse
import os
import random
import sys
import time


BENCH = os.path.dirname(
    os.path.abspath(
        globals().get("__file__")
        or next(a for a in sys.argv if os.path.basename(a) == "council.py")
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
        prog="bench/council.py", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--terms", type=int, default=5)
    parser.add_argument("--sessions", type=int, default=20, help="per term")
    parser.add_argument("--materials", type=int, default=15, help="per session")
    parser.add_argument("--petitions", type=int, default=2000)
    parser.add_argument("--reps", type=int, default=30, help="timed repetitions")
    parser.add_argument("--warmup", type=int, default=5, help="untimed repetitions")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="2 terms x 5 sessions x 4 materials, 200 petitions, once (CI)",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="exit with an error when a service and the floor disagree",
    )
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.smoke:
        args.terms, args.sessions, args.materials, args.petitions = 2, 5, 4, 200
        args.reps, args.warmup = 1, 0
    return args


def label(args):
    return f"council-{args.terms}-{args.sessions}-{args.materials}-{args.petitions}"


def orchestrate(args, argv):
    from _worker import run_in_fresh_database

    run_in_fresh_database(
        RESULTS, INSTANCE, os.path.join(BENCH, "council.py"), label(args), argv
    )


# -- generated records ------------------------------------------------------------

KINDS = ["regular"] * 6 + ["thematic"] * 3 + ["urgent"]
MATERIAL_KINDS = [
    ("invitation", "giay-moi", "GM-HĐND", "Giấy mời dự"),
    ("programme", "chuong-trinh", "CTr-HĐND", "Chương trình"),
    ("submission", "to-trinh", "TTr-UBND", "Tờ trình về"),
    ("report", "bao-cao", "BC-UBND", "Báo cáo"),
    ("review_report", "bao-cao", "BC-HĐND", "Báo cáo thẩm tra"),
    ("draft_resolution", "nghi-quyet", "NQ-HĐND", "Dự thảo nghị quyết về"),
]
SUBJECTS = [
    "kế hoạch đầu tư công trung hạn",
    "dự toán ngân sách xã",
    "quyết toán ngân sách năm trước",
    "kế hoạch phát triển kinh tế - xã hội",
    "phương án thu gom rác thải sinh hoạt",
    "chương trình xây dựng nông thôn mới",
    "chuyển đổi số trong cơ quan nhà nước",
    "bảo đảm trật tự an toàn giao thông",
    "phòng, chống thiên tai và tìm kiếm cứu nạn",
    "giáo dục và đào tạo",
    "chăm sóc sức khỏe nhân dân",
    "công tác tiếp công dân, giải quyết khiếu nại",
]
SECTORS = [
    "Giao thông vận tải",
    "Đất đai",
    "Nông nghiệp",
    "Môi trường",
    "Y tế",
    "Giáo dục và Đào tạo",
    "An ninh, trật tự",
    "Bảo trợ xã hội",
    "Xây dựng",
    "Văn hóa, thể thao và du lịch",
]
REQUESTS = [
    "Đề nghị sửa chữa tuyến đường liên thôn",
    "Đề nghị cấp giấy chứng nhận quyền sử dụng đất",
    "Đề nghị nạo vét kênh tiêu úng",
    "Đề nghị lắp đặt đèn chiếu sáng công cộng",
    "Đề nghị tăng cường kiểm tra vệ sinh an toàn thực phẩm",
    "Đề nghị hỗ trợ kinh phí xây dựng nhà văn hóa",
    "Đề nghị giải quyết ô nhiễm môi trường từ trại chăn nuôi",
    "Đề nghị tăng cường tuần tra an ninh ban đêm",
]
VILLAGES = ["thôn Đông", "thôn Tây", "thôn Nam", "thôn Bắc", "xóm Chợ", "xóm Bãi"]
STATES = {  # petition state -> transitions, weight
    "received": ((), 15),
    "forwarded": (("forward",), 25),
    "answered": (("forward", "answer"), 20),
    "published": (("answer", "publish"), 40),
}
PDF = b"%PDF-1.4 bench"


def create(container, portal_type, **values):
    from plone import api

    # With its id: plone.api would otherwise create it under a UUID and
    # rename it (twice the indexing).
    return api.content.create(container, portal_type, safe_id=False, **values)


def generate(site, args, log):
    """The council's records under ``/hdnd``; returns counts."""
    from datetime import date
    from datetime import datetime
    from datetime import timedelta
    from plone import api
    from plone.app.textfield.value import RichTextValue
    from plone.dexterity.utils import createContentInContainer
    from plone.namedfile.file import NamedBlobFile
    import pytz
    import transaction

    rng = random.Random(f"council-{args.seed}-{label(args)}")
    hanoi = pytz.timezone("Asia/Ho_Chi_Minh")
    section = site["hdnd"]
    today = date.today()
    made = {"terms": 0, "sessions": 0, "materials": 0, "petitions": 0}
    pending = 0

    def tick(kind):
        nonlocal pending
        made[kind] += 1
        pending += 1
        if pending >= 500:
            transaction.commit()
            site._p_jar.cacheGC()
            pending = 0
            log(", ".join(f"{n} {k}" for k, n in made.items()))

    terms = []
    first_year = today.year - 5 * args.terms + 1
    for t in range(args.terms):
        start = first_year + 5 * t
        term = create(
            section,
            "CouncilTerm",
            id=f"khoa-{t + 1}",
            title=f"HĐND xã khóa {t + 1}, nhiệm kỳ {start}-{start + 5}",
            khoa="I" * (t + 1) if t < 3 else ("IV" if t == 3 else "V"),
            start_year=start,
            end_year=start + 5,
            seats=25,
        )
        api.content.transition(term, "publish")
        terms.append(term)
        tick("terms")
        span = 5 * 365
        for s in range(args.sessions):
            day = date(start, 1, 10) + timedelta(days=span * s // args.sessions)
            moment = hanoi.localize(datetime(day.year, day.month, day.day, 8, 0))
            session = createContentInContainer(
                term,
                "CouncilSession",
                session_number=s + 1,
                session_kind=rng.choice(KINDS),
                start=moment,
                end=moment + timedelta(hours=27),
                location="Hội trường UBND xã",
                agenda=[
                    {
                        "time": "08:00",
                        "item": f"Thảo luận về {rng.choice(SUBJECTS)}",
                        "presenter": "Chủ tịch UBND xã",
                        "documents": [],
                    }
                ],
            )
            tick("sessions")
            in_proceedings = rng.random() < 0.9 and day < today
            for m in range(args.materials):
                subject = rng.choice(SUBJECTS)
                number = f"{s * args.materials + m + 1:02d}"
                if m % 5 == 4:
                    item = create(
                        session,
                        "Resolution",
                        id=f"nq-{number}",
                        title=f"Nghị quyết về {subject}",
                        document_type="nghi-quyet",
                        document_number=f"{number}/NQ-HĐND",
                        issue_date=day + timedelta(days=1),
                        file=NamedBlobFile(data=PDF, filename=f"nq-{number}.pdf"),
                    )
                else:
                    kind, dtype, symbol, words = rng.choice(MATERIAL_KINDS)
                    item = create(
                        session,
                        "SessionDocument",
                        id=f"tl-{number}",
                        title=f"{words} {subject}",
                        material_kind=kind,
                        document_type=dtype,
                        document_number=f"{number}/{symbol}",
                        issue_date=day - timedelta(days=10),
                        file=NamedBlobFile(data=PDF, filename=f"tl-{number}.pdf"),
                    )
                api.content.transition(
                    item, "publish" if in_proceedings else "circulate"
                )
                tick("materials")
            api.content.transition(
                session, "publish" if in_proceedings else "circulate"
            )
            if in_proceedings:
                session.proceedings_date = moment + timedelta(days=5)
                session.reindexObject()
    states = list(STATES)
    weights = [STATES[s][1] for s in states]
    for p in range(args.petitions):
        term = terms[min(p * args.terms // args.petitions, args.terms - 1)]
        met = date(term.start_year, 1, 1) + timedelta(days=rng.randrange(5 * 365))
        state = rng.choices(states, weights=weights)[0]
        answered = state in ("answered", "published")
        petition = create(
            term,
            "VoterPetition",
            id=f"kn-{p + 1}",
            title=f"{rng.choice(REQUESTS)} {rng.choice(VILLAGES)}",
            source_meeting=f"Tiếp xúc cử tri {rng.choice(VILLAGES)}",
            meeting_date=met,
            constituency=f"Đơn vị bầu cử số {rng.randint(1, 8)}",
            sectors=[rng.choice(SECTORS)],
            content="Cử tri phản ánh và đề nghị các cấp có thẩm quyền xem xét.",
            petitioner_name="Nguyễn Văn A",
            responsible_agency="UBND xã",
            deadline=met + timedelta(days=90) if rng.random() < 0.9 else None,
            response=(
                RichTextValue(
                    "<p>UBND xã đã tiếp thu và giải quyết theo thẩm quyền.</p>",
                    "text/html",
                    "text/x-html-safe",
                )
                if answered
                else None
            ),
            response_date=met + timedelta(days=60) if answered else None,
        )
        for transition in STATES[state][0]:
            api.content.transition(petition, transition)
        tick("petitions")
    transaction.commit()
    return made


# -- worker, inside Zope ----------------------------------------------------------

SESSION_QUERIES = [
    ("a", "default page, newest first", {}),
    ("b", "materials=true, page 1", {"materials": "true"}),
    (
        "c",
        "the kỷ yếu: proceedings=true & materials=true, b_size=10",
        {"proceedings": "true", "materials": "true", "b_size": "10"},
    ),
    ("d", 'q="ngan sach" & materials=true', {"q": "ngan sach", "materials": "true"}),
]
PETITION_QUERIES = [
    ("e", "default page, newest meeting first", {}),
    ("f", "status=published", {"status": "published"}),
    (
        "g",
        "overdue=true, soonest deadline first",
        {"overdue": "true", "sort_on": "deadline"},
    ),
    (
        "h",
        "sector=Đất đai & constituency=Đơn vị bầu cử số 3",
        {"sector": "Đất đai", "constituency": "Đơn vị bầu cử số 3"},
    ),
    ("i", 'q="duong lien thon"', {"q": "duong lien thon"}),
]
SESSION_METADATA = (
    "session_number",
    "session_kind",
    "start",
    "end",
    "location",
    "review_state",
    "proceedings_date",
    "term_uid",
)
PETITION_METADATA = (
    "source_meeting",
    "meeting_date",
    "constituency",
    "sectors",
    "responsible_agency",
    "deadline",
    "response_date",
    "review_state",
)
MATERIAL_METADATA = (
    "material_kind",
    "document_number",
    "review_state",
    "document_file",
    "vote_result",  # resolutions, elections, votes of confidence
)


def floor_query(listing_class, env, params):
    """The catalog query the listing runs for ``params`` (parsed by the
    listing itself), with its sort and batch."""
    site, request = env.prepare("floor", list(params.items()))
    listing = listing_class(site, request).parse()
    query = dict(listing.query)
    query.update(
        sort_on=listing.sort_indexes[0],
        sort_order="descending" if listing.reverse else "ascending",
        b_start=listing.b_start,
        b_size=listing.b_size,
    )
    env.finish(request)
    return query, listing


def call_materials_floor(env, query, attributes):
    """The floor of ``materials=true``: the sessions' page and one query
    for their materials."""
    from commune_portal.content.council_session import MATERIAL_TYPES
    from commune_portal.content.council_session import VOTE_TYPES

    site, request = env.prepare("floor", [])
    catalog = site.portal_catalog

    def run():
        results = catalog.searchResults(dict(query))
        page = []
        paths = []
        for brain in results:
            values = [brain.getURL()]
            values.extend(getattr(brain, name) for name in attributes)
            page.append(values)
            paths.append(brain.getPath())
        if paths:
            for brain in catalog.searchResults(
                path={"query": paths, "depth": 1},
                # What the listing asks: materials, resolutions and votes.
                portal_type=[*MATERIAL_TYPES, *VOTE_TYPES],
                sort_on="getObjPositionInParent",
            ):
                brain.getURL()
                for name in MATERIAL_METADATA:
                    getattr(brain, name)
        return results.actual_result_count, page

    return run, request


def variants_for(env, endpoint, listing_class, params, metadata):
    from _measure import call_floor
    from _measure import call_service
    from commune_portal.listings import facets

    query, _listing = floor_query(listing_class, env, params)
    pairs = list(params.items())
    attributes = ("UID", "Title", "Description", *metadata)
    if params.get("materials") == "true":

        def floor():
            return call_materials_floor(env, query, attributes)

    else:

        def floor():
            return call_floor(env, query, attributes)

    return {
        "floor": floor,
        "service": lambda: call_service(env, endpoint, pairs),
        "nofacets": lambda: call_service(env, endpoint, [*pairs, ("facets", "false")]),
        "uncached": lambda: call_service(
            env, endpoint, pairs, before=facets.clear_cache
        ),
    }


def measure(env, endpoint, listing_class, queries, metadata, args, log):
    from _measure import check_same
    from _measure import percentile
    from _measure import time_variants

    rows = []
    for key, text, params in queries:
        variants = variants_for(env, endpoint, listing_class, params, metadata)
        total, shown, same = check_same(variants)
        log(f"({key}) {endpoint} {text}: {total} found, same items: {same}; timing")
        timings = time_variants(variants, args.warmup, args.reps)
        log(
            "   "
            + ", ".join(
                f"{name} {percentile(t, 0.5):.1f} ms" for name, t in timings.items()
            )
        )
        rows.append((key, endpoint, text, total, shown, same, timings))
    return rows


def report(args, info, made, seconds, rows, data_size, who):
    from _measure import ms
    from _measure import ratio

    lines = [
        f"# Council listings: {made['terms']} terms, {made['sessions']} sessions, "
        f"{made['materials']} materials, {made['petitions']} petitions",
        "",
        f"{info['when']}; {info['cpus']} CPUs ({info['cpu']}), Python "
        f"{info['python']}, Plone {info['plone']}, plone.restapi {info['restapi']}; "
        f"ZODB cache 30000 objects; Data.fs {data_size / 2**20:.0f} MiB. "
        f"Records created in {seconds:.0f} s.",
        "",
        f"In-process; {args.reps} timed repetitions after {args.warmup} warm-up "
        "ones, interleaved; times in ms, p50 / p95; ratios of p50. "
        f"@council-sessions as {who['sessions']}, @voter-petitions as "
        f"{who['petitions']}.",
        "",
        "| query | found | floor | facets=false | facets (cached) "
        "| facets counted | facets / floor | counted / floor | same items |",
        "|---|---:|---:|---:|---:|---:|---:|---:|:-:|",
    ]
    for key, endpoint, text, total, shown, same, t in rows:
        lines.append(
            f"| ({key}) `{endpoint}` {text} | {total} ({shown} shown) "
            f"| {ms(t['floor'])} | {ms(t['nofacets'])} | {ms(t['service'])} "
            f"| {ms(t['uncached'])} | {ratio(t['service'], t['floor'])} "
            f"| {ratio(t['uncached'], t['floor'])} | {'yes' if same else 'NO'} |"
        )
    return "\n".join(lines) + "\n"


def worker(app, args):
    from _measure import Env
    from _measure import machine
    from _site import get_site
    from _site import log
    from _site import login_manager
    from AccessControl.SecurityManagement import newSecurityManager
    from AccessControl.SpecialUsers import nobody
    from commune_portal.listings.council import PetitionListing
    from commune_portal.listings.council import SessionListing
    from commune_portal.setuphandlers.structure import create_sections
    from datetime import datetime
    from plone import api
    import gc
    import transaction

    os.makedirs(RESULTS, exist_ok=True)
    login_manager(app)
    site = get_site(app, "Plone")
    create_sections(site)
    if api.user.get(userid="thuky") is None:
        api.user.create(
            username="thuky", email="thuky@xa.example.vn", password="Bench-2026!"
        )
    site["hdnd"].manage_setLocalRoles("thuky", ["CouncilSecretary"])
    site["hdnd"].reindexObjectSecurity()
    transaction.commit()
    started = time.perf_counter()
    made = generate(site, args, log)
    seconds = time.perf_counter() - started
    log(f"created {made} in {seconds:.0f} s")

    site_path = "/".join(site.getPhysicalPath())
    transaction.abort()
    gc.collect()
    gc.freeze()  # see bench/_measure.py
    env = Env(app, site_path)
    newSecurityManager(None, nobody)
    rows = measure(
        env,
        "@council-sessions",
        SessionListing,
        SESSION_QUERIES,
        SESSION_METADATA,
        args,
        log,
    )
    secretary = site.acl_users.getUserById("thuky")
    newSecurityManager(None, secretary.__of__(site.acl_users))
    rows += measure(
        env,
        "@voter-petitions",
        PetitionListing,
        PETITION_QUERIES,
        PETITION_METADATA,
        args,
        log,
    )

    info = machine()
    info["when"] = datetime.now().strftime("%Y-%m-%d %H:%M")
    storage = app._p_jar.db().storage
    name = getattr(storage, "getName", lambda: "")()
    data_size = os.path.getsize(name) if os.path.exists(name) else 0
    text = report(
        args,
        info,
        made,
        seconds,
        rows,
        data_size,
        {"sessions": "Anonymous", "petitions": "the council secretary"},
    )
    print(text, flush=True)
    with open(os.path.join(RESULTS, f"{label(args)}.md"), "w") as handle:
        handle.write(text)
    app._p_jar.db().close()
    if args.check and not all(row[5] for row in rows):
        raise SystemExit("a service and the floor disagree: see above")


if __name__ == "__main__":
    if "app" in globals():  # zconsole run
        script = next(
            i for i, arg in enumerate(sys.argv) if os.path.basename(arg) == "council.py"
        )
        worker(app, parse_args(sys.argv[script + 1 :]))  # noqa: F821
    else:
        orchestrate(parse_args(sys.argv[1:]), sys.argv[1:])
