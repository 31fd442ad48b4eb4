"""Administrative procedures: the import and ``@procedures`` at N procedures.

Run it from the repository root::

    .venv/bin/python bench/procedures.py                # 5,000 procedures
    .venv/bin/python bench/procedures.py --smoke        # 300, once (CI)

In one fresh database (``bench/results/data-procedures-N/``, removed and
rebuilt on every run) the script creates the benchmark site as
``bench/directives.py`` does (``_site.get_site``) with the standard sections
of the ``structure`` profile, then:

1. generates N realistic procedures from the ten of the fixture
   (``fixtures/procedures.json``): unique national-catalogue codes (short,
   long and newer forms), titles of 20 sectors of the control panel's list,
   online-service levels, channels, papers, fees, reproducibly (``--seed``);
2. imports them with ``commune_portal.procedure_import.import_procedures``,
   the function ``POST @procedures-import`` and the console script call,
   in batches each followed by its commit (as the console script does),
   publishing them; ``--profile`` writes a cProfile summary of the import;
   beside it, batch for batch, the plain-Plone baseline (unless
   ``--no-baseline``): in a second site without the add-on (``plain``, as
   ``bench/creation.py`` makes it), the same number of ``Document`` items
   with the items' titles and descriptions, added the way plone.restapi's
   ``POST`` adds them and
   published with ``publish`` (``@workflow/publish``), each batch followed
   by its commit; both rates come from the same minutes of the machine;
3. times, as Anonymous and in-process, six ``@procedures`` queries against
   the bare catalog (the same query, sort and batch through
   ``portal_catalog.searchResults``, the same metadata read from the page's
   brains) and against ``@search`` asked for the same items, sort, batch
   and metadata; ``@procedures`` with its facets (cached as served, and
   computed: the cache emptied before each call) and with ``facets=false``.

The report goes to ``bench/results/procedures-N.md`` (also printed).
``--check`` exits with an error when an item was refused or the ways do not
answer the same items.
"""

import argparse
import copy
import os
import random
import sys
import time


BENCH = os.path.dirname(
    os.path.abspath(
        globals().get("__file__")
        or next(a for a in sys.argv if os.path.basename(a) == "procedures.py")
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
        prog="bench/procedures.py", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--procedures", type=int, default=5000)
    parser.add_argument("--batch", type=int, default=500, help="items per commit")
    parser.add_argument("--reps", type=int, default=30, help="timed repetitions")
    parser.add_argument("--warmup", type=int, default=5, help="untimed repetitions")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="300 procedures, batches of 100, one repetition (CI)",
    )
    parser.add_argument("--profile", action="store_true", help="cProfile the import")
    parser.add_argument(
        "--no-baseline",
        dest="baseline",
        action="store_false",
        help="skip the plain-Plone baseline (Documents created and published)",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="exit with an error when an item is refused or the ways disagree",
    )
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.smoke:
        args.procedures, args.batch, args.reps, args.warmup = 300, 100, 1, 0
    return args


def orchestrate(args, argv):
    from _worker import run_in_fresh_database

    run_in_fresh_database(
        RESULTS,
        INSTANCE,
        os.path.join(BENCH, "procedures.py"),
        f"procedures-{args.procedures}",
        argv,
    )


# -- generated procedures -----------------------------------------------------

# Procedures a commune carries out, by sector of the control panel's list
# (DEFAULT_SECTORS), named as the national catalogue names them; the fixture
# procedure whose steps, channels and papers a generated one starts from.
NAMES = {
    "Hộ tịch": [
        ("Thủ tục đăng ký khai sinh", 0),
        ("Thủ tục đăng ký kết hôn", 1),
        ("Thủ tục đăng ký khai tử", 2),
        ("Thủ tục cấp Giấy xác nhận tình trạng hôn nhân", 3),
        ("Thủ tục đăng ký giám hộ", 4),
        ("Thủ tục đăng ký chấm dứt giám hộ", 4),
        ("Thủ tục đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch", 5),
        ("Thủ tục cấp bản sao trích lục hộ tịch", 6),
        ("Thủ tục đăng ký nhận cha, mẹ, con", 0),
        ("Thủ tục đăng ký khai sinh kết hợp nhận cha, mẹ, con", 0),
        ("Thủ tục đăng ký lại khai sinh", 0),
        ("Thủ tục đăng ký lại kết hôn", 1),
        ("Thủ tục đăng ký lại khai tử", 2),
        ("Thủ tục ghi vào Sổ hộ tịch việc ly hôn đã được giải quyết", 5),
    ],
    "Chứng thực": [
        ("Thủ tục chứng thực chữ ký trong các giấy tờ, văn bản", 7),
        ("Thủ tục chứng thực bản sao từ bản chính giấy tờ, văn bản", 8),
        ("Thủ tục chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản", 7),
        ("Thủ tục chứng thực di chúc", 7),
        ("Thủ tục chứng thực văn bản từ chối nhận di sản", 7),
        ("Thủ tục chứng thực văn bản thỏa thuận phân chia di sản", 7),
        ("Thủ tục chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch", 7),
        (
            "Thủ tục cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch "
            "đã được chứng thực",
            8,
        ),
    ],
    "Nuôi con nuôi": [
        ("Thủ tục đăng ký việc nuôi con nuôi trong nước", 4),
        ("Thủ tục đăng ký lại việc nuôi con nuôi trong nước", 4),
    ],
    "Đất đai": [
        ("Thủ tục hòa giải tranh chấp đất đai", 7),
        ("Thủ tục xác nhận nguồn gốc, thời điểm sử dụng đất", 7),
        ("Thủ tục đăng ký biến động quyền sử dụng đất", 8),
    ],
    "Xây dựng": [
        ("Thủ tục cấp giấy phép xây dựng nhà ở riêng lẻ", 8),
        ("Thủ tục thông báo khởi công xây dựng công trình", 7),
    ],
    "Môi trường": [
        ("Thủ tục đăng ký môi trường", 7),
        ("Thủ tục tham vấn ý kiến trong đánh giá tác động môi trường", 7),
    ],
    "Nông nghiệp": [
        ("Thủ tục hỗ trợ khôi phục sản xuất vùng bị thiệt hại do thiên tai", 8),
        ("Thủ tục xác nhận bảng kê lâm sản", 7),
        ("Thủ tục phê duyệt kế hoạch khuyến nông địa phương", 7),
    ],
    "Giáo dục và Đào tạo": [
        ("Thủ tục cho phép nhóm trẻ, lớp mẫu giáo độc lập hoạt động giáo dục", 8),
        ("Thủ tục sáp nhập, chia, tách nhóm trẻ, lớp mẫu giáo độc lập", 8),
        ("Thủ tục công nhận xã đạt chuẩn phổ cập giáo dục, xóa mù chữ", 7),
    ],
    "Văn hóa, thể thao và du lịch": [
        ("Thủ tục xét tặng danh hiệu Gia đình văn hóa hằng năm", 7),
        ("Thủ tục thông báo tổ chức lễ hội cấp xã", 7),
        ("Thủ tục đăng ký hoạt động thư viện tư nhân có vốn sách ban đầu", 8),
    ],
    "Bảo trợ xã hội": [
        ("Thủ tục trợ cấp xã hội hằng tháng đối với đối tượng bảo trợ xã hội", 3),
        ("Thủ tục hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội", 2),
        ("Thủ tục công nhận hộ nghèo, hộ cận nghèo phát sinh trong năm", 3),
        ("Thủ tục xác định mức độ khuyết tật và cấp Giấy xác nhận khuyết tật", 3),
        ("Thủ tục trợ giúp xã hội khẩn cấp về hỗ trợ làm nhà ở", 3),
    ],
    "Người có công": [
        ("Thủ tục giải quyết chế độ mai táng phí đối với cựu chiến binh", 2),
        ("Thủ tục xác nhận vào đơn đề nghị di chuyển hài cốt liệt sĩ", 7),
    ],
    "Lao động, việc làm": [
        ("Thủ tục hỗ trợ người lao động không có giao kết hợp đồng lao động", 3),
    ],
    "Tư pháp": [
        ("Thủ tục công nhận hòa giải viên", 7),
        ("Thủ tục thôi làm hòa giải viên", 7),
        ("Thủ tục công nhận tuyên truyền viên pháp luật", 7),
        ("Thủ tục thanh toán thù lao cho hòa giải viên", 7),
    ],
    "Quốc phòng, quân sự địa phương": [
        ("Thủ tục đăng ký nghĩa vụ quân sự lần đầu", 9),
        ("Thủ tục đăng ký nghĩa vụ quân sự bổ sung", 9),
        ("Thủ tục đăng ký tạm vắng nghĩa vụ quân sự", 9),
    ],
    "An ninh, trật tự": [
        ("Đăng ký thường trú", 9),
        ("Đăng ký tạm trú", 9),
        ("Xóa đăng ký thường trú", 9),
        ("Gia hạn tạm trú", 9),
        ("Khai báo tạm vắng", 9),
        ("Thông báo lưu trú", 9),
    ],
    "Giao thông vận tải": [
        (
            "Thủ tục chấp thuận thi công công trình trong phạm vi bảo vệ "
            "kết cấu hạ tầng giao thông đường bộ",
            8,
        ),
    ],
    "Thi đua, khen thưởng": [
        (
            "Thủ tục tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã về thành "
            "tích thực hiện nhiệm vụ chính trị",
            7,
        ),
        ("Thủ tục tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã đột xuất", 7),
        ("Thủ tục tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã cho gia đình", 7),
    ],
    "Tôn giáo, tín ngưỡng": [
        ("Thủ tục đăng ký hoạt động tín ngưỡng", 7),
        ("Thủ tục đăng ký sinh hoạt tôn giáo tập trung", 7),
        ("Thủ tục thông báo danh mục hoạt động tôn giáo", 7),
    ],
    "Tiếp công dân, khiếu nại, tố cáo": [
        ("Thủ tục giải quyết khiếu nại lần đầu tại cấp xã", 7),
        ("Thủ tục giải quyết tố cáo tại cấp xã", 7),
        ("Thủ tục tiếp công dân tại cấp xã", 7),
        ("Thủ tục xử lý đơn tại cấp xã", 7),
    ],
}
# How many procedures of each sector a catalogue holds, roughly.
SECTOR_WEIGHTS = {
    "Hộ tịch": 20,
    "Chứng thực": 12,
    "Bảo trợ xã hội": 9,
    "An ninh, trật tự": 9,
    "Tư pháp": 6,
    "Thi đua, khen thưởng": 5,
    "Tiếp công dân, khiếu nại, tố cáo": 5,
    "Đất đai": 5,
}
# The same procedure asked in other cases (the catalogue lists them apart).
QUALIFIERS = [
    "",
    "",
    "",
    " có yếu tố nước ngoài",
    " cho người Việt Nam định cư ở nước ngoài",
    " (trường hợp nộp hồ sơ trực tuyến)",
    " đối với cá nhân",
    " đối với tổ chức",
    " tại khu vực biên giới",
    " (liên thông)",
]
FEES = [
    "Miễn lệ phí",
    "Miễn lệ phí",
    "8.000 đồng/trường hợp",
    "10.000 đồng/bản",
    "2.000 đồng/trang; từ trang thứ ba trở lên thu 1.000 đồng/trang",
    "50.000 đồng/hợp đồng, giao dịch",
    "Theo mức thu do Hội đồng nhân dân tỉnh quy định",
]
TIMES = [
    ("Ngay trong ngày tiếp nhận hồ sơ", 0),
    ("02 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 2),
    ("03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 3),
    ("05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 5),
    ("10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 10),
    ("15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ", 15),
    ("30 ngày kể từ ngày thụ lý", 30),
]
EXTRA_PAPERS = [
    "Giấy tờ tùy thân của người có yêu cầu (xuất trình để đối chiếu)",
    "Văn bản ủy quyền theo quy định của pháp luật (trường hợp ủy quyền)",
    "Giấy tờ chứng minh nơi cư trú",
    "Đơn đề nghị theo mẫu",
]
PORTAL = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html"
FORMS = "https://dichvucong.gov.vn/p/home/dvc-tthc-bieu-mau.html"
PROVINCE = "H48"  # one province: the commune's
# Where the national numbers of a catalogue's procedures lie, roughly.
CODE_RANGES = [("1", 15000, 70), ("2", 3000, 25), ("3", 1000, 5)]
# Fixture sectors that are not in DEFAULT_SECTORS, and the one used instead.
SECTOR_INSTEAD = {"Đăng ký, quản lý cư trú": "An ninh, trật tự"}


def _fixture():
    from commune_portal.procedure_import import FIXTURE
    from commune_portal.procedure_import import load

    return load(FIXTURE)


def _code(rng, used):
    prefixes = [(p, top) for p, top, _w in CODE_RANGES]
    weights = [w for _p, _t, w in CODE_RANGES]
    while True:
        prefix, top = rng.choices(prefixes, weights=weights)[0]
        short = f"{prefix}.{rng.randrange(1, top):06d}"
        if short not in used:
            used.add(short)
            break
    form = rng.random()
    if form < 0.5:
        return short
    if form < 0.85:
        return f"{short}.000.00.00.{PROVINCE}"
    return f"{short}.{PROVINCE}"


def generate(n, seed=2026):
    """``n`` import items (docs/procedures.md), the same for the same
    ``(n, seed)``: the ten of the fixture first (their sectors taken from
    the control panel's list), then procedures derived from them."""
    rng = random.Random(f"procedures-{seed}-{n}")
    fixture = _fixture()
    used = set()
    items = []
    for base in fixture[:n]:
        item = copy.deepcopy(base)
        item["sectors"] = [SECTOR_INSTEAD.get(s, s) for s in item["sectors"]]
        used.add(item["procedure_code"][:8])
        items.append(item)
    sectors = list(NAMES)
    weights = [SECTOR_WEIGHTS.get(s, 2) for s in sectors]
    for _ in range(n - len(items)):
        sector = rng.choices(sectors, weights=weights)[0]
        name, base_index = rng.choice(NAMES[sector])
        item = copy.deepcopy(fixture[base_index])
        code = _code(rng, used)
        title = name + rng.choice(QUALIFIERS)
        item["procedure_code"] = code
        item["title"] = title
        item["description"] = (
            f"{title} tại Ủy ban nhân dân cấp xã, theo Bộ thủ tục hành chính "
            "được công bố trên Cổng Dịch vụ công quốc gia."
        )
        item["sectors"] = [sector]
        if rng.random() < 0.15:
            item["sectors"].append(rng.choice(sectors))
            item["sectors"] = list(dict.fromkeys(item["sectors"]))
        item["implementation_levels"] = (
            ["commune"] if rng.random() < 0.85 else ["commune", "province"]
        )
        level = rng.choices(
            ["full", "partial", "information_only"], weights=[40, 35, 25]
        )[0]
        item["online_service"] = level
        short = code[:8]
        item["national_portal_url"] = (
            f"{PORTAL}?ma_thu_tuc={short}"
            if level != "information_only" or rng.random() < 0.5
            else None
        )
        fee = rng.choice(FEES)
        wording, days = rng.choice(TIMES)
        channels = ["direct"]
        if level != "information_only":
            channels.append("online")
        if rng.random() < 0.3:
            channels.append("postal")
        item["channels"] = [
            {
                "channel": channel,
                "processing_time": wording,
                "fee": fee if channel != "postal" else f"{fee}; cước bưu chính",
                "description": (
                    "Nộp hồ sơ qua Cổng Dịch vụ công quốc gia"
                    if channel == "online"
                    else None
                ),
            }
            for channel in channels
        ]
        papers = item["required_documents"]
        papers = rng.sample(papers, rng.randint(1, len(papers)))
        for paper in papers:
            paper["originals"] = rng.choice([0, 1, 1, 1, 2])
            paper["copies"] = rng.choice([0, 0, 1, 2])
            if paper["form"] and paper["form"].startswith("http"):
                paper["form"] = f"{FORMS}?ma_thu_tuc={short}"
        if rng.random() < 0.5:
            papers.append(
                {
                    "case": None,
                    "name": rng.choice(EXTRA_PAPERS),
                    "form": f"{FORMS}?ma_thu_tuc={short}"
                    if rng.random() < 0.3
                    else None,
                    "originals": 1,
                    "copies": 0,
                }
            )
        item["required_documents"] = papers
        item["processing_days"] = days
        item["fee_summary"] = fee if len(fee) < 40 else "Có thu phí, lệ phí"
        items.append(item)
    return items


# -- worker, inside Zope ---------------------------------------------------------


# (key, label, parameters of @procedures); SECTOR and CODE are filled in.
SECTOR = "Bảo trợ xã hội"
QUERIES = [
    ("a", "default listing, by title, page 1", {}),
    ("b", f"sector={SECTOR}", {"sector": SECTOR}),
    ("c", "online_service=full, page 2", {"online_service": "full", "b_start": "25"}),
    ("d", 'q="dang ky khai sinh" (no tone marks)', {"q": "dang ky khai sinh"}),
    ("e", "code lookup, long form of a short code", {"code": None}),
    (
        "f",
        f"sector={SECTOR} & online_service=partial, by code",
        {"sector": SECTOR, "online_service": "partial", "sort_on": "procedure_code"},
    ),
]
METADATA = (
    "procedure_code",
    "sectors",
    "online_service",
    "processing_days",
    "fee_summary",
    "national_portal_url",
    "legal_basis_end",
    "review_state",
)
BRAIN_ATTRIBUTES = ("UID", "portal_type", "Title", "Description") + METADATA


def catalog_query(params, site_path):
    """The catalog query ``@procedures`` runs for ``params`` (without sort
    and batch)."""
    from commune_portal.content.procedure import short_code

    query = {"path": site_path, "portal_type": "Procedure"}
    if "q" in params:
        query["SearchableText"] = params["q"]  # the lexicon folds
    if "code" in params:
        query["procedure_code_key"] = short_code(params["code"])
    if "sector" in params:
        query["sectors"] = {"query": [params["sector"]], "operator": "or"}
    if "online_service" in params:
        query["online_service"] = [params["online_service"]]
    return query


def sort_of(params):
    from commune_portal.listings.procedures import SORTS

    indexes, reverse = SORTS[params.get("sort_on", "title")]
    return indexes[0], reverse


def procedures_pairs(params, tokens, facets):
    pairs = []
    for key, value in params.items():
        pairs.append((key, tokens.get(value, value) if key == "sector" else value))
    if not facets:
        pairs.append(("facets", "false"))
    return pairs


def search_pairs(params):
    """``@search`` asked for the same items: the same indexes, sort, batch
    and metadata."""
    from commune_portal.content.procedure import short_code
    from commune_portal.listings.directives import DEFAULT_BATCH_SIZE

    pairs = [("portal_type", "Procedure")]
    if "q" in params:
        pairs.append(("SearchableText", params["q"]))
    if "code" in params:
        pairs.append(("procedure_code_key", short_code(params["code"])))
    if "sector" in params:
        pairs.append(("sectors", params["sector"]))
    if "online_service" in params:
        pairs.append(("online_service:list", params["online_service"]))
    index, reverse = sort_of(params)
    pairs.append(("sort_on", index))
    pairs.append(("sort_order", "descending" if reverse else "ascending"))
    pairs.append(("b_start:int", params.get("b_start", "0")))
    pairs.append(("b_size:int", str(DEFAULT_BATCH_SIZE)))
    pairs.extend(("metadata_fields:list", name) for name in METADATA)
    return pairs


def variants_for(env, params, tokens, site_path):
    from _measure import call_floor
    from _measure import call_service
    from commune_portal.listings import facets
    from commune_portal.listings.directives import DEFAULT_BATCH_SIZE

    index, reverse = sort_of(params)
    floor_query = catalog_query(params, site_path)
    floor_query.update(
        sort_on=index,
        sort_order="descending" if reverse else "ascending",
        b_start=int(params.get("b_start", 0)),
        b_size=DEFAULT_BATCH_SIZE,
    )
    return {
        "floor": lambda: call_floor(env, floor_query, BRAIN_ATTRIBUTES),
        "procedures": lambda: call_service(
            env, "@procedures", procedures_pairs(params, tokens, True)
        ),
        "procedures_nofacets": lambda: call_service(
            env, "@procedures", procedures_pairs(params, tokens, False)
        ),
        # The facets counted, not read from the cache (emptied, untimed):
        # the first time this query is asked since the catalog changed.
        "procedures_uncached": lambda: call_service(
            env,
            "@procedures",
            procedures_pairs(params, tokens, True),
            before=facets.clear_cache,
        ),
        "search": lambda: call_service(env, "@search", search_pairs(params)),
    }


def plain_document(container, item):
    """The plain-Plone counterpart of an imported procedure, the cheapest
    content plain Plone creates and publishes: a ``Document`` with the
    item's title and description (no text to transform), added as
    plone.restapi's ``POST`` adds it (name from the title, the folder's
    ``ContainerModifiedEvent``) and published as ``@workflow/publish``
    does."""
    from Acquisition import aq_base
    from plone import api
    from plone.restapi.services.content.utils import add
    from plone.restapi.services.content.utils import create
    from zope.event import notify
    from zope.lifecycleevent import ObjectCreatedEvent

    obj = create(container, "Document", title=item["title"])
    obj = obj.__of__(container)
    obj.description = item.get("description") or ""
    obj = aq_base(obj)
    notify(ObjectCreatedEvent(obj))
    obj = add(container, obj, rename=True)
    api.portal.get_tool("portal_workflow").doActionFor(obj, "publish")
    return obj


def import_all(app, sides, items, args, profilers):
    """Import ``items`` into the procedures folder and, batch for batch,
    the plain-Plone baseline into the plain site (``sides``: name -> (site,
    folder)); each batch is followed by its commit and timed with it."""
    from _site import log
    from _site import rss_mb
    from commune_portal.procedure_import import import_procedures
    from zope.component.hooks import setSite
    import transaction

    totals = {"created": 0, "updated": 0, "refused": 0}
    refused = []
    batches = []
    seconds = dict.fromkeys(sides, 0.0)
    cpu = dict.fromkeys(sides, 0.0)  # CPU seconds of this process
    rss_before, _peak = rss_mb()
    for start in range(0, len(items), args.batch):
        part = items[start : start + args.batch]
        times = {}
        for name, (site, container) in sides.items():
            setSite(site)
            profiler = profilers.get(name)
            if profiler is not None:
                profiler.enable()
            started = time.perf_counter()
            cpu_started = time.process_time()
            if name == "procedures":
                # As the console script does: one call and one commit per batch.
                report = import_procedures(container, part, publish=True)
            else:
                for item in part:
                    plain_document(container, item)
            transaction.commit()
            times[name] = time.perf_counter() - started
            cpu[name] += time.process_time() - cpu_started
            if profiler is not None:
                profiler.disable()
            app._p_jar.cacheGC()
            seconds[name] += times[name]
            if name == "procedures":
                for key in totals:
                    totals[key] += report[key]
                refused += [e for e in report["items"] if e["status"] == "refused"]
        batches.append((len(part), times))
        log(
            f"{start + len(part)}/{len(items)}: "
            + ", ".join(f"{name} {len(part) / t:.0f}/s" for name, t in times.items())
        )
    current, peak = rss_mb()
    return {
        "items": len(items),
        "seconds": seconds["procedures"],
        "plain_seconds": seconds.get("plain"),
        "cpu": cpu["procedures"],
        "plain_cpu": cpu.get("plain"),
        "batches": batches,
        "rss_before": rss_before,
        "peak_rss": max(current, peak),
        "refused_items": refused,
        **totals,
    }


def report(args, info, stats, rows, data_size, others):
    from _measure import ms
    from _measure import ratio

    n = stats["items"]
    rate = n / stats["seconds"]
    lines = [
        f"# Procedures: import and `@procedures`, {n} procedures",
        "",
        f"{info['when']}; {info['cpus']} CPUs ({info['cpu']}), Python "
        f"{info['python']}, Plone {info['plone']}, plone.restapi {info['restapi']}; "
        f"ZODB cache 30000 objects; Data.fs {data_size / 2**20:.0f} MiB. "
        f"Other benchmarks running: {others or 'none'}. Load average (1, 5, "
        f"15 min) before the import {info['load_before']}, after it "
        f"{info['load_after']}.",
        "",
        "## Import (`procedure_import.import_procedures`, published, "
        f"a commit every {args.batch} items)",
        "",
        f"{stats['created']} created, {stats['updated']} updated, "
        f"{stats['refused']} refused; RSS {stats['rss_before']:.0f} MiB before, "
        f"peak {stats['peak_rss']:.0f} MiB.",
        "",
    ]
    sides = [("procedures", "the import", stats["seconds"], stats["cpu"])]
    if stats["plain_seconds"]:
        lines += [
            "Plain-Plone baseline in the same run, each of its batches right "
            "after the import's: a site without the add-on, as many `Document` "
            "items (title and description, no text) added as plone.restapi's `POST` "
            "adds them and published with `publish`, a commit per batch. CPU: "
            "the process's CPU time (`time.process_time`), which other "
            "processes on the machine disturb less than the wall-clock time.",
            "",
        ]
        sides.append(
            (
                "plain",
                "plain Plone, `Document`",
                stats["plain_seconds"],
                stats["plain_cpu"],
            )
        )
    lines += [
        "| what | items | time | rate | CPU time | items per CPU second "
        "| batches (items/s) |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for name, label, seconds, cpu in sides:
        per_batch = ", ".join(f"{k / t[name]:.0f}" for k, t in stats["batches"])
        lines.append(
            f"| {label} | {n} | {seconds:.1f} s | **{n / seconds:.0f} items/s** "
            f"| {cpu:.1f} s | {n / cpu:.0f} | {per_batch} |"
        )
    if stats["plain_seconds"]:
        lines += [
            "",
            f"Import / plain Plone: {rate / (n / stats['plain_seconds']):.2f} "
            f"(rate), {stats['plain_cpu'] / stats['cpu']:.2f} (items per CPU "
            "second).",
        ]
    lines.append("")
    lines += [
        "## `@procedures` in-process, as Anonymous",
        "",
        f"{args.reps} timed repetitions after {args.warmup} warm-up ones, "
        "interleaved; times in ms, p50 / p95; ratios of p50. gc.freeze() after "
        "the import.",
        "",
        "| query | found | floor | @procedures facets=false | @procedures "
        "| @procedures, facets not cached | @search | facets / floor "
        "| not cached / floor | facets=false / floor | facets / @search "
        "| not cached / @search | same items |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:-:|",
    ]
    for key, label, total, shown, same, t in rows:
        lines.append(
            f"| ({key}) {label} | {total} ({shown} shown) | {ms(t['floor'])} "
            f"| {ms(t['procedures_nofacets'])} | {ms(t['procedures'])} "
            f"| {ms(t['procedures_uncached'])} | {ms(t['search'])} "
            f"| {ratio(t['procedures'], t['floor'])} "
            f"| {ratio(t['procedures_uncached'], t['floor'])} "
            f"| {ratio(t['procedures_nofacets'], t['floor'])} "
            f"| {ratio(t['procedures'], t['search'])} "
            f"| {ratio(t['procedures_uncached'], t['search'])} "
            f"| {'yes' if same else 'NO'} |"
        )
    return "\n".join(lines) + "\n"


def other_benchmarks():
    """Other benchmark processes on the machine (they share its 2 CPUs)."""
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as handle:
                command = handle.read().replace(b"\0", b" ").decode().strip()
        except OSError:
            continue
        if (
            "zconsole run" in command
            and "bench/" in command
            and "procedures.py" not in command
        ):
            found.append(" ".join(command.split()[-4:]))
    return "; ".join(found)


def worker(app, args):
    from _measure import check_same
    from _measure import Env
    from _measure import machine
    from _measure import percentile
    from _measure import time_variants
    from _site import get_site
    from _site import log
    from _site import login_manager
    from _site import rss_mb
    from AccessControl.SecurityManagement import newSecurityManager
    from AccessControl.SpecialUsers import nobody
    from commune_portal.setuphandlers.structure import create_sections
    from commune_portal.text import slugify
    from datetime import datetime
    from zope.component.hooks import setSite
    import cProfile
    import gc
    import io
    import pstats
    import transaction

    os.makedirs(RESULTS, exist_ok=True)
    n = args.procedures
    others_at_start = other_benchmarks()
    login_manager(app)
    site = get_site(app, "Plone")
    create_sections(site)  # the structure profile's: thu-tuc-hanh-chinh
    transaction.commit()
    sides = {"procedures": (site, site["thu-tuc-hanh-chinh"])}
    if args.baseline:
        from creation import plain_site
        from plone import api

        plain = plain_site(app)
        if "thu-tuc" not in plain.objectIds():
            folder = api.content.create(
                plain, "Folder", id="thu-tuc", title="Thủ tục hành chính"
            )
            api.content.transition(folder, "publish")
        sides["plain"] = (plain, plain["thu-tuc"])
        transaction.commit()
        setSite(site)
    log(f"generating {n} procedures (seed {args.seed})")
    items = generate(n, args.seed)
    profilers = {name: cProfile.Profile() for name in sides} if args.profile else {}
    load_before = "/".join(f"{x:.1f}" for x in os.getloadavg())
    stats = import_all(app, sides, items, args, profilers)
    load_after = "/".join(f"{x:.1f}" for x in os.getloadavg())
    setSite(site)
    log(
        f"import: {stats['created']} created, {stats['refused']} refused, "
        f"{n / stats['seconds']:.0f} items/s"
        + (
            f"; plain Plone {n / stats['plain_seconds']:.0f} items/s"
            if stats["plain_seconds"]
            else ""
        )
    )
    for entry in stats["refused_items"][:5]:
        log(f"  refused #{entry['position']} {entry['procedure_code']}: {entry}")
    for name, profiler in profilers.items():
        stream = io.StringIO()
        summary = pstats.Stats(profiler, stream=stream)
        summary.sort_stats("cumulative").print_stats(60)
        summary.sort_stats("tottime").print_stats(30)
        label = "import" if name == "procedures" else "plain"
        base = os.path.join(RESULTS, f"procedures-{label}-profile-{n}")
        profiler.dump_stats(f"{base}.prof")
        with open(f"{base}.txt", "w") as handle:
            handle.write(stream.getvalue())
        log(f"profile: {base}.txt")

    # -- the listing ---------------------------------------------------------
    site_path = "/".join(site.getPhysicalPath())
    # A code asked in its long form, of a procedure stored with its short one.
    short = next(
        item["procedure_code"]
        for item in items[10:]
        if len(item["procedure_code"]) == 8
    )
    tokens = {SECTOR: slugify(SECTOR)}
    transaction.abort()
    newSecurityManager(None, nobody)
    gc.collect()
    gc.freeze()  # see bench/_measure.py: full collections would be the p95
    env = Env(app, site_path)
    rows = []
    for key, label, params in QUERIES:
        params = dict(params)
        if "code" in params:
            params["code"] = f"{short}.000.00.00.{PROVINCE}"
            label = f"{label} (code={params['code']})"
        variants = variants_for(env, params, tokens, site_path)
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

    info = machine()
    info["when"] = datetime.now().strftime("%Y-%m-%d %H:%M")
    info["load_before"], info["load_after"] = load_before, load_after
    others = "; ".join(filter(None, {others_at_start, other_benchmarks()}))
    storage = app._p_jar.db().storage
    name = getattr(storage, "getName", lambda: "")()
    data_size = os.path.getsize(name) if os.path.exists(name) else 0
    text = report(args, info, stats, rows, data_size, others)
    current, peak = rss_mb()
    text += f"\nProcess RSS at the end {current:.0f} MiB, peak {peak:.0f} MiB.\n"
    print(text, flush=True)
    with open(os.path.join(RESULTS, f"procedures-{n}.md"), "w") as handle:
        handle.write(text)
    app._p_jar.db().close()
    if args.check:
        if stats["refused"]:
            raise SystemExit(f"{stats['refused']} procedures refused: see above")
        if not all(row[4] for row in rows):
            raise SystemExit("@procedures, @search and the floor disagree: see above")


if __name__ == "__main__":
    if "app" in globals():  # zconsole run
        script = next(
            i
            for i, arg in enumerate(sys.argv)
            if os.path.basename(arg) == "procedures.py"
        )
        worker(app, parse_args(sys.argv[script + 1 :]))  # noqa: F821
    else:
        orchestrate(parse_args(sys.argv[1:]), sys.argv[1:])
