"""Realistic, reproducible official documents of a commune for the benchmarks.

``specs(n, seed)`` returns ``n`` plain ``Spec`` records in issue-date order:
titles (trích yếu) from templates with real commune topics, numbers and
symbols (``15/KH-UBND``, ``3/2024/NQ-HĐND``, ``245/UBND-VP``) restarting
every year for each issuing body and type, issue dates from 2015 to today,
1-3 sectors of ``DEFAULT_SECTORS``, validity dates and a few replacements.
The same ``(n, seed)`` always gives the same documents, so an interrupted
build resumes where it stopped.
"""

from commune_portal.controlpanels.settings import DEFAULT_SECTORS
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import timedelta
import random


FIRST_YEAR = 2015

# Topics of a commune's work and the sectors they belong to.
TOPICS = [
    ("chuyển đổi số", ["Chuyển đổi số"]),
    ("phòng, chống thiên tai và tìm kiếm cứu nạn", ["Quốc phòng, quân sự địa phương"]),
    ("cải cách hành chính", ["Nội vụ"]),
    ("xây dựng nông thôn mới", ["Nông nghiệp", "Xây dựng"]),
    ("phòng cháy, chữa cháy", ["An ninh, trật tự"]),
    ("bảo vệ môi trường", ["Môi trường"]),
    ("quản lý đất đai", ["Đất đai"]),
    ("cấp giấy chứng nhận quyền sử dụng đất", ["Đất đai"]),
    ("bồi thường, giải phóng mặt bằng", ["Đất đai", "Xây dựng"]),
    ("phòng, chống dịch bệnh", ["Y tế"]),
    ("bảo đảm trật tự an toàn giao thông", ["Giao thông vận tải", "An ninh, trật tự"]),
    ("tuyển chọn và gọi công dân nhập ngũ", ["Quốc phòng, quân sự địa phương"]),
    ("phổ biến, giáo dục pháp luật", ["Tư pháp"]),
    ("bảo đảm an ninh, trật tự", ["An ninh, trật tự"]),
    ("thu ngân sách nhà nước", ["Tài chính, ngân sách"]),
    ("tiêm chủng mở rộng", ["Y tế"]),
    ("phát triển sản xuất nông nghiệp", ["Nông nghiệp"]),
    ("xây dựng đời sống văn hóa ở khu dân cư", ["Văn hóa, thể thao và du lịch"]),
    ("giảm nghèo bền vững", ["Bảo trợ xã hội", "Lao động, việc làm"]),
    ("thi đua, khen thưởng", ["Thi đua, khen thưởng"]),
    (
        "tiếp công dân, giải quyết khiếu nại, tố cáo",
        ["Tiếp công dân, khiếu nại, tố cáo"],
    ),
    ("phòng, chống tham nhũng, lãng phí", ["Nội vụ"]),
    ("quản lý trật tự xây dựng", ["Xây dựng"]),
    ("chăm sóc người có công với cách mạng", ["Người có công"]),
    ("phòng, chống ma túy", ["An ninh, trật tự"]),
    ("kiểm soát thủ tục hành chính", ["Nội vụ", "Tư pháp"]),
    ("đăng ký và quản lý hộ tịch", ["Hộ tịch", "Tư pháp"]),
    ("chứng thực bản sao từ bản chính", ["Chứng thực", "Tư pháp"]),
    ("giải quyết việc nuôi con nuôi", ["Nuôi con nuôi", "Tư pháp"]),
    ("phòng, chống bạo lực gia đình", ["Văn hóa, thể thao và du lịch"]),
    ("phổ cập giáo dục, xóa mù chữ", ["Giáo dục và Đào tạo"]),
    ("giải quyết việc làm cho người lao động", ["Lao động, việc làm"]),
    ("công tác dân tộc và tôn giáo", ["Dân tộc", "Tôn giáo, tín ngưỡng"]),
    ("phát triển thương mại, dịch vụ", ["Công thương", "Kinh tế, kế hoạch và đầu tư"]),
    ("đầu tư công", ["Kinh tế, kế hoạch và đầu tư", "Tài chính, ngân sách"]),
]

PERIODS = ["quý I", "6 tháng đầu năm", "9 tháng", "năm"]

# type token -> (abbreviation, templates); {t} topic, {y} year, {y2} year + 2,
# {p} period, {m} month.
TEMPLATES = {
    "ke-hoach": (
        "KH",
        [
            "Kế hoạch triển khai công tác {t} năm {y}",
            "Kế hoạch thực hiện {t} giai đoạn {y}-{y2}",
            "Kế hoạch kiểm tra công tác {t} năm {y}",
            "Kế hoạch tuyên truyền về {t} năm {y}",
        ],
    ),
    "quyet-dinh": (
        "QĐ",
        [
            "Quyết định về việc thành lập Ban chỉ đạo {t} năm {y}",
            "Quyết định ban hành Quy chế phối hợp trong công tác {t}",
            "Quyết định phê duyệt kế hoạch {t} năm {y}",
            "Quyết định về việc kiện toàn Tổ công tác {t}",
            "Quyết định khen thưởng thành tích trong công tác {t} năm {y}",
        ],
    ),
    "thong-bao": (
        "TB",
        [
            "Thông báo kết luận của Chủ tịch Ủy ban nhân dân xã về {t}",
            "Thông báo lịch tiếp công dân tháng {m} năm {y}",
            "Thông báo về việc triển khai {t}",
        ],
    ),
    "bao-cao": (
        "BC",
        [
            "Báo cáo kết quả thực hiện công tác {t} {p} {y}",
            "Báo cáo tình hình kinh tế - xã hội {p} {y}",
            "Báo cáo sơ kết công tác {t} {p} {y}",
        ],
    ),
    "cong-van": (
        None,
        [
            "V/v triển khai thực hiện công tác {t}",
            "V/v báo cáo tình hình {t} {p} {y}",
            "V/v đôn đốc thực hiện {t}",
            "V/v tăng cường công tác {t}",
        ],
    ),
    "to-trinh": (
        "TTr",
        [
            "Tờ trình đề nghị phê duyệt dự toán kinh phí {t} năm {y}",
            "Tờ trình về việc thông qua đề án {t}",
        ],
    ),
    "giay-moi": (
        "GM",
        [
            "Giấy mời dự hội nghị triển khai {t}",
            "Giấy mời họp bàn công tác {t}",
        ],
    ),
    "nghi-quyet": (
        "NQ",
        [
            "Nghị quyết về nhiệm vụ phát triển kinh tế - xã hội năm {y}",
            "Nghị quyết phê chuẩn dự toán ngân sách xã năm {y}",
            "Nghị quyết về {t} giai đoạn {y}-{y2}",
            "Nghị quyết thông qua Đề án {t}",
        ],
    ),
    "chi-thi": ("CT", ["Chỉ thị về tăng cường công tác {t}"]),
    "huong-dan": ("HD", ["Hướng dẫn thực hiện {t}"]),
    "chuong-trinh": ("CTr", ["Chương trình hành động về {t} năm {y}"]),
}

# A new "Quy chế" of a topic replaces the previous one of the same issuer
# (one time in five: relations are slow to create, a few are enough).
REPLACING_TEMPLATE = "Quyết định ban hành Quy chế phối hợp trong công tác {t}"

# (issuing body as in the settings, symbol in the number, weight,
#  {type: weight}, signer position)
ISSUERS = [
    (
        "Ủy ban nhân dân",
        "UBND",
        60,
        {
            "cong-van": 35,
            "quyet-dinh": 20,
            "ke-hoach": 14,
            "thong-bao": 8,
            "bao-cao": 10,
            "to-trinh": 4,
            "giay-moi": 4,
            "chi-thi": 1,
            "huong-dan": 2,
            "chuong-trinh": 2,
        },
        "Chủ tịch Ủy ban nhân dân",
    ),
    (
        "Chủ tịch Ủy ban nhân dân",
        "CTUBND",
        8,
        {"quyet-dinh": 80, "chi-thi": 10, "cong-van": 10},
        "Chủ tịch Ủy ban nhân dân",
    ),
    (
        "Hội đồng nhân dân",
        "HĐND",
        10,
        {"nghi-quyet": 60, "bao-cao": 20, "thong-bao": 10, "ke-hoach": 10},
        "Chủ tịch Hội đồng nhân dân",
    ),
    (
        "Thường trực Hội đồng nhân dân",
        "TTHĐND",
        6,
        {"thong-bao": 40, "ke-hoach": 30, "bao-cao": 30},
        "Phó Chủ tịch Hội đồng nhân dân",
    ),
    (
        "Văn phòng HĐND và UBND",
        "VP",
        16,
        {"thong-bao": 45, "giay-moi": 35, "cong-van": 20},
        "Chánh Văn phòng HĐND và UBND",
    ),
]

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Quang", "Thanh", "Hữu"]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Hà",
    "Hải",
    "Hùng",
    "Lan",
    "Long",
    "Mai",
    "Nam",
]

DESCRIPTIONS = [
    "Gửi các thôn, tổ dân phố và các đơn vị liên quan để thực hiện.",
    "Triển khai đến cán bộ, công chức và Nhân dân trên địa bàn xã.",
    "Các ban, ngành, đoàn thể xã căn cứ nhiệm vụ được giao tổ chức thực hiện.",
]

# A tiny but well-formed PDF: the listing only reads the file name.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


@dataclass
class Spec:
    index: int
    id: str
    year: int
    title: str
    description: str
    document_number: str
    document_type: str
    issuing_body: str
    issue_date: date
    effective_date: date | None
    expiry_date: date | None
    sectors: list
    is_legal_normative: bool
    signer: str
    signer_position: str
    signing_authority: str | None
    legal_status_override: str | None
    has_file: bool
    file_name: str
    replaces: list = field(default_factory=list)  # indexes of earlier specs


def _weighted(rng, weights):
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def specs(n, seed=2026, today=None, file_ratio=0.2):
    """``n`` documents, oldest first."""
    today = today or date.today()
    rng = random.Random(f"{seed}-{n}")
    last_year = today.year
    span = (today - date(FIRST_YEAR, 1, 1)).days
    issuer_weights = {i: issuer[2] for i, issuer in enumerate(ISSUERS)}
    drafts = []
    for _ in range(n):
        # Slightly more documents in recent years (more is published online).
        day = int(span * rng.random() ** 1.25)
        issued = today - timedelta(days=day)
        issuer = ISSUERS[_weighted(rng, issuer_weights)]
        drafts.append((issued, issuer, _weighted(rng, issuer[3]), rng.random()))
    drafts.sort(key=lambda d: (d[0], d[3]))

    counters = {}
    latest_rules = {}  # (issuer, topic) -> index of the last "Quy chế"
    result = []
    for index, (issued, issuer, type_token, _key) in enumerate(drafts):
        body, symbol, _weight, _types, position = issuer
        year = issued.year
        topic, topic_sectors = rng.choice(TOPICS)
        abbreviation, templates = TEMPLATES[type_token]
        template = rng.choice(templates)
        title = template.format(
            t=topic,
            y=year,
            y2=min(year + 2, last_year + 5),
            p=rng.choice(PERIODS),
            m=issued.month,
        )
        title = title[0].upper() + title[1:]

        normative = (type_token == "nghi-quyet" and rng.random() < 0.3) or (
            type_token == "quyet-dinh" and symbol == "UBND" and rng.random() < 0.05
        )
        key = (year, symbol, type_token, normative)
        counters[key] = serial = counters.get(key, 0) + 1
        if type_token == "cong-van":
            number = f"{serial}/{symbol}" if symbol == "VP" else f"{serial}/{symbol}-VP"
        elif normative:
            number = f"{serial}/{year}/{abbreviation}-{symbol}"
        else:
            number = f"{serial}/{abbreviation}-{symbol}"

        effective = issued + timedelta(days=10) if normative else None
        start = effective or issued
        expiry = None
        if f"năm {year}" in title and type_token in (
            "ke-hoach",
            "quyet-dinh",
            "chuong-trinh",
        ):
            year_end = date(year, 12, 31)
            expiry = year_end if year_end > start else None

        sectors = list(topic_sectors)
        extra = rng.random()
        if extra < 0.35:
            sectors.append(rng.choice(DEFAULT_SECTORS))
        if extra < 0.1:
            sectors.append(rng.choice(DEFAULT_SECTORS))
        sectors = list(dict.fromkeys(sectors))[:3]

        draw = rng.random()
        override = (
            "suspended" if draw < 0.003 else "partly_expired" if draw < 0.006 else None
        )

        vice = rng.random() < 0.5 and symbol in ("UBND", "CTUBND")
        authority = "TM." if symbol in ("UBND", "HĐND") else None
        if vice:
            authority = "KT."
        signer = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"

        replaces = []
        if template == REPLACING_TEMPLATE and rng.random() < 0.2:
            previous = latest_rules.get((symbol, topic))
            if previous is not None:
                replaces.append(previous)
            latest_rules[(symbol, topic)] = index

        slug_number = number.replace("/", "-").lower()
        result.append(
            Spec(
                index=index,
                id=f"vb-{index:06d}",
                year=year,
                title=title,
                description=rng.choice(DESCRIPTIONS) if rng.random() < 0.5 else "",
                document_number=number,
                document_type=type_token,
                issuing_body=body,
                issue_date=issued,
                effective_date=effective,
                expiry_date=expiry,
                sectors=sectors,
                is_legal_normative=normative,
                signer=signer,
                signer_position=position,
                signing_authority=authority,
                legal_status_override=override,
                has_file=rng.random() < file_ratio,
                file_name=f"{slug_number}.pdf",
                replaces=replaces,
            )
        )
    return result
