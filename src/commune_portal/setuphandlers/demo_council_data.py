"""People's Council records of the demo commune, Xã Nghi Dương, Hải Phòng.

Pure data, read by ``setuphandlers/demo_council.py``: one term of the
council with its delegates, two of its sessions with their agendas,
materials and resolutions (with the result of each vote), and the voters'
petitions of the term. The people are invented; the papers are the kinds a
commune council really handles, numbered as in ``demo_documents.py``.

- The term is khóa II: Nghi Dương was formed on 1 July 2025 (two-level
  local government), and the council of the new commune for the rest of
  2021-2026 was its khóa I (it issued the 2025 resolutions of the demo
  documents). The council elected on 15 March 2026 is khóa II, as the
  merged communes call theirs ("HĐND xã … khóa II, nhiệm kỳ 2026-2031").
- Kỳ họp thứ Nhất (27 March 2026) elected the council's and the People's
  Committee's officers; its materials are published and in the kỷ yếu.
  The term's sessions two and three (July and November 2026) are those of
  the resolutions 18/NQ-HĐND and 27/NQ-HĐND in the demo documents.
- Kỳ họp thứ Tư (2 December 2026) is a thematic session on public
  investment that also removed a delegate (bãi nhiệm: two thirds of all
  delegates, Luật Tổ chức chính quyền địa phương). It has been held and
  voted; its materials are still only circulated to the delegates: the
  secretary has not yet published them into the kỷ yếu.
- Numbers follow the registers of ``demo_documents.py``: one sequence per
  issuer and year (the Thường trực HĐND numbers in the council's register),
  so they continue those of the demo documents.

Nothing here is published by itself: ``state`` says where the workflow
takes each record. The private fields (``private_phone``,
``private_address``, ``petitioner_*``) are never published.
"""

from commune_portal.setuphandlers.demo_documents import COUNCIL_CHAIR
from commune_portal.setuphandlers.demo_documents import COUNCIL_VICE_CHAIR
from commune_portal.setuphandlers.demo_documents import HDND
from commune_portal.setuphandlers.demo_documents import UBND


THUONG_TRUC_HDND = "Thường trực Hội đồng nhân dân xã Nghi Dương"
UY_BAN_BAU_CU = "Ủy ban bầu cử xã Nghi Dương"
BAN_KINH_TE_NGAN_SACH = "Ban Kinh tế - Ngân sách Hội đồng nhân dân xã Nghi Dương"
CHAIR = "Chủ tịch Ủy ban nhân dân"
ELECTION_CHAIR = "Chủ tịch Ủy ban bầu cử"
ECONOMY_HEAD = "Trưởng ban Kinh tế - Ngân sách"

# Reserved for examples (RFC 2606): circulating materials in the demo
# mails no one.
EMAIL_DOMAIN = "nghiduong.example.com"

# The demo's accounts of the council, with the password of the guide's
# demo users (scripts/guide_screenshots.py). Demo only.
DEMO_PASSWORD = "Mat-khau-demo-2026"
SECRETARY = {
    "user_id": "thuky",
    "fullname": "Phạm Thu Hà",
    "email": f"thuky@{EMAIL_DOMAIN}",
}

TERM = {
    "id": "nhiem-ky-2026-2031",
    "title": "HĐND xã Nghi Dương khóa II, nhiệm kỳ 2026-2031",
    "description": (
        "Hội đồng nhân dân xã Nghi Dương khóa II được bầu ngày 15/3/2026, gồm "
        "25 đại biểu của 05 đơn vị bầu cử."
    ),
    "khoa": "II",
    "start_year": 2026,
    "end_year": 2031,
    "seats": 25,
}

MEMBER_ECONOMY = "Ủy viên Ban Kinh tế - Ngân sách HĐND xã"
MEMBER_CULTURE = "Ủy viên Ban Văn hóa - Xã hội HĐND xã"
DELEGATE = "Đại biểu HĐND xã"


def _delegate(
    delegate_id,
    title,
    position,
    committee,
    unit,
    workplace,
    email,
    full_time=False,
    private_phone=None,
    private_address=None,
    user_id=None,
    state="published",
):
    return {
        "id": delegate_id,
        "title": title,
        "position": position,
        "committee": committee,
        "delegate_group": f"Tổ đại biểu số {unit}",
        "constituency": f"Đơn vị bầu cử số {unit}",
        "full_time": full_time,
        "workplace": workplace,
        "email": f"{email}@{EMAIL_DOMAIN}",
        "private_phone": private_phone,
        "private_address": private_address,
        "user_id": user_id,
        "state": state,
    }


# Five constituencies (two thôn each), five delegates each; the tổ đại
# biểu follows the constituency.
DELEGATES = (
    # Đơn vị bầu cử số 1: thôn 1, thôn 2
    _delegate(
        "hoang-van-khai",
        "Hoàng Văn Khải",
        "Chủ tịch HĐND xã",
        "standing",
        1,
        "Bí thư Đảng ủy xã Nghi Dương",
        "khaihv",
        private_phone="0912 000 101",
        private_address="Thôn 2, xã Nghi Dương",
    ),
    _delegate(
        "nguyen-thi-hoa",
        "Nguyễn Thị Hoa",
        MEMBER_ECONOMY,
        "economy_budget",
        1,
        "Giám đốc Hợp tác xã dịch vụ nông nghiệp Nghi Dương",
        "hoant",
        private_phone="0983 000 102",
        user_id="hoant",
    ),
    _delegate(
        "cao-van-khanh",
        "Cao Văn Khánh",
        DELEGATE,
        None,
        1,
        "Trưởng Công an xã Nghi Dương",
        "khanhcv",
    ),
    _delegate(
        "phan-thi-ngoc-anh",
        "Phan Thị Ngọc Ánh",
        MEMBER_CULTURE,
        "culture_society",
        1,
        "Trạm trưởng Trạm Y tế xã Nghi Dương",
        "anhptn",
    ),
    _delegate(
        "nguyen-huu-phuc",
        "Nguyễn Hữu Phúc",
        DELEGATE,
        None,
        1,
        "Chủ tịch Hội Cựu chiến binh xã Nghi Dương",
        "phucnh",
    ),
    # Đơn vị bầu cử số 2: thôn 3, thôn 4
    _delegate(
        "nguyen-thi-mai",
        "Nguyễn Thị Mai",
        "Phó Chủ tịch HĐND xã",
        "standing",
        2,
        "Thường trực HĐND xã Nghi Dương",
        "maint",
        full_time=True,
        private_phone="0904 000 103",
        private_address="Thôn 4, xã Nghi Dương",
    ),
    _delegate(
        "nguyen-van-an",
        "Nguyễn Văn An",
        DELEGATE,
        None,
        2,
        "Phó Bí thư Đảng ủy, Chủ tịch UBND xã Nghi Dương",
        "annv",
    ),
    _delegate(
        "tran-quoc-tuan",
        "Trần Quốc Tuấn",
        MEMBER_CULTURE,
        "culture_society",
        2,
        "Giáo viên Trường Tiểu học Nghi Dương",
        "tuantq",
        private_phone="0936 000 104",
        user_id="tuantq",
    ),
    _delegate(
        "vu-dinh-nam",
        "Vũ Đình Nam",
        MEMBER_ECONOMY,
        "economy_budget",
        2,
        "Trưởng thôn 3",
        "namvd",
    ),
    _delegate(
        "mai-thi-lan-anh",
        "Mai Thị Lan Anh",
        DELEGATE,
        None,
        2,
        "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam xã Nghi Dương",
        "anhmtl",
    ),
    # Đơn vị bầu cử số 3: thôn 5, thôn 6
    _delegate(
        "do-minh-quang",
        "Đỗ Minh Quang",
        "Trưởng Ban Kinh tế - Ngân sách HĐND xã",
        "economy_budget",
        3,
        "Chủ nhiệm Ủy ban Kiểm tra Đảng ủy xã Nghi Dương",
        "quangdm",
        private_phone="0915 000 105",
    ),
    _delegate(
        "tran-thi-thu-ha",
        "Trần Thị Thu Hà",
        DELEGATE,
        None,
        3,
        "Phó Chủ tịch UBND xã Nghi Dương",
        "hattt",
    ),
    # Removed by the council at Kỳ họp thứ Tư (Nghị quyết 33/NQ-HĐND): the
    # secretary took him off the public list.
    _delegate(
        "luong-van-son",
        "Lương Văn Sơn",
        MEMBER_ECONOMY,
        "economy_budget",
        3,
        "Chủ hộ kinh doanh vật liệu xây dựng, thôn 6",
        "sonlv",
        private_address="Thôn 6, xã Nghi Dương",
        state="private",
    ),
    _delegate(
        "dang-thi-thanh-huong",
        "Đặng Thị Thanh Hương",
        MEMBER_CULTURE,
        "culture_society",
        3,
        "Chủ tịch Hội Liên hiệp Phụ nữ xã Nghi Dương",
        "huongdtt",
    ),
    _delegate(
        "bui-van-loi",
        "Bùi Văn Lợi",
        DELEGATE,
        None,
        3,
        "Bí thư Chi bộ thôn 5",
        "loibv",
    ),
    # Đơn vị bầu cử số 4: thôn 7, thôn 8
    _delegate(
        "vu-thi-hong-nhung",
        "Vũ Thị Hồng Nhung",
        "Trưởng Ban Văn hóa - Xã hội HĐND xã",
        "culture_society",
        4,
        "Trưởng Ban Xây dựng Đảng, Đảng ủy xã Nghi Dương",
        "nhungvth",
        private_phone="0978 000 106",
    ),
    _delegate(
        "pham-duc-thang",
        "Phạm Đức Thắng",
        DELEGATE,
        None,
        4,
        "Phó Chủ tịch UBND xã Nghi Dương",
        "thangpd",
    ),
    _delegate(
        "trinh-van-hoa",
        "Trịnh Văn Hòa",
        MEMBER_ECONOMY,
        "economy_budget",
        4,
        "Chủ tịch Hội Nông dân xã Nghi Dương",
        "hoatv",
    ),
    _delegate(
        "hoang-thi-yen",
        "Hoàng Thị Yến",
        MEMBER_CULTURE,
        "culture_society",
        4,
        "Hiệu trưởng Trường Mầm non Nghi Dương",
        "yenht",
    ),
    _delegate(
        "ta-quang-vinh",
        "Tạ Quang Vinh",
        DELEGATE,
        None,
        4,
        "Trưởng thôn 8",
        "vinhtq",
        private_phone="0868 000 107",
        private_address="Thôn 8, xã Nghi Dương",
    ),
    # Đơn vị bầu cử số 5: thôn 9, thôn 10
    _delegate(
        "pham-thi-thu-trang",
        "Phạm Thị Thu Trang",
        "Phó Trưởng Ban Kinh tế - Ngân sách HĐND xã",
        "economy_budget",
        5,
        "Ban Kinh tế - Ngân sách HĐND xã Nghi Dương",
        "trangptt",
        full_time=True,
    ),
    _delegate(
        "le-van-hai",
        "Lê Văn Hải",
        "Phó Trưởng Ban Văn hóa - Xã hội HĐND xã",
        "culture_society",
        5,
        "Ban Văn hóa - Xã hội HĐND xã Nghi Dương",
        "hailv",
        full_time=True,
    ),
    _delegate(
        "dinh-cong-thanh",
        "Đinh Công Thành",
        DELEGATE,
        None,
        5,
        "Chỉ huy trưởng Ban Chỉ huy Quân sự xã Nghi Dương",
        "thanhdc",
    ),
    _delegate(
        "ngo-van-tien",
        "Ngô Văn Tiến",
        MEMBER_CULTURE,
        "culture_society",
        5,
        "Bí thư Đoàn Thanh niên Cộng sản Hồ Chí Minh xã Nghi Dương",
        "tiennv",
    ),
    _delegate(
        "doan-van-thinh",
        "Đoàn Văn Thịnh",
        MEMBER_ECONOMY,
        "economy_budget",
        5,
        "Giám đốc Công ty TNHH Thịnh Phát, thôn 10",
        "thinhdv",
        private_phone="0389 000 108",
    ),
)

# The delegates' accounts (``Delegate.user_id``): they read the materials
# circulated to the delegates, and vote.
DELEGATE_USERS = tuple(
    {"user_id": d["user_id"], "fullname": d["title"], "email": d["email"]}
    for d in DELEGATES
    if d["user_id"]
)


def _material(
    material_id,
    title,
    kind,
    number,
    document_type,
    issuing_body,
    signer,
    signer_position,
    authority,
    issued,
    sectors,
    body,
):
    return {
        "id": material_id,
        "title": title,
        "material_kind": kind,
        "document_number": number,
        "document_type": document_type,
        "issuing_body": issuing_body,
        "signer": signer,
        "signer_position": signer_position,
        "signing_authority": authority,
        "issue_date": issued,
        "sectors": sectors,
        "body": body,
    }


def _resolution(
    resolution_id,
    title,
    number,
    issued,
    sectors,
    body,
    vote,
    ballot="manual",
    threshold="majority",
):
    return {
        "id": resolution_id,
        "title": title,
        "document_number": number,
        "document_type": "nghi-quyet",
        "issuing_body": HDND,
        "signer": "Hoàng Văn Khải",
        "signer_position": COUNCIL_CHAIR,
        "signing_authority": "TM.",
        "issue_date": issued,
        "sectors": sectors,
        "body": body,
        "ballot": ballot,
        "threshold": threshold,
        # (yes, no, abstain, closed at "HH:MM" on the session's last day)
        "vote": vote,
    }


FIRST_SESSION = {
    "id": "ky-hop-thu-nhat",
    "session_number": 1,
    "session_kind": "regular",
    "description": (
        "Kỳ họp đầu tiên của Hội đồng nhân dân xã Nghi Dương khóa II: xác nhận "
        "kết quả bầu cử đại biểu, bầu Thường trực, các Ban của Hội đồng nhân dân "
        "và các chức danh của Ủy ban nhân dân xã nhiệm kỳ 2026-2031."
    ),
    "start": "2026-03-27T07:30",
    "end": "2026-03-27T17:00",
    "location": "Hội trường Ủy ban nhân dân xã Nghi Dương",
    "circulated": "2026-03-23",
    # Published into the kỷ yếu by the secretary after the session.
    "proceedings_date": "2026-03-30T15:00",
    "state": "published",
    "absent": (),
    "materials": (
        _material(
            "giay-moi-03-gm-hdnd",
            "Giấy mời dự Kỳ họp thứ Nhất Hội đồng nhân dân xã Nghi Dương khóa II, "
            "nhiệm kỳ 2026-2031",
            "invitation",
            "03/GM-HĐND",
            "giay-moi",
            THUONG_TRUC_HDND,
            "Hoàng Văn Khải",
            COUNCIL_CHAIR,
            "TM.",
            "2026-03-20",
            ["Nội vụ"],
            "Thường trực Hội đồng nhân dân xã trân trọng kính mời các vị đại biểu "
            "Hội đồng nhân dân xã khóa II, nhiệm kỳ 2026-2031 dự Kỳ họp thứ Nhất, "
            "khai mạc lúc 07 giờ 30 phút, thứ Sáu, ngày 27/3/2026 tại Hội trường Ủy "
            "ban nhân dân xã. Tài liệu kỳ họp được gửi đại biểu trên Cổng thông tin "
            "điện tử xã.",
        ),
        _material(
            "chuong-trinh-04-ctr-hdnd",
            "Chương trình Kỳ họp thứ Nhất Hội đồng nhân dân xã Nghi Dương khóa II, "
            "nhiệm kỳ 2026-2031",
            "programme",
            "04/CTr-HĐND",
            "chuong-trinh",
            THUONG_TRUC_HDND,
            "Nguyễn Thị Mai",
            COUNCIL_VICE_CHAIR,
            "KT.",
            "2026-03-20",
            ["Nội vụ"],
            "Kỳ họp làm việc trong 01 ngày: nghe báo cáo kết quả bầu cử; bầu Chủ "
            "tịch, Phó Chủ tịch Hội đồng nhân dân, Trưởng Ban, Phó Trưởng Ban các "
            "Ban của Hội đồng nhân dân; bầu Chủ tịch, Phó Chủ tịch và Ủy viên Ủy "
            "ban nhân dân xã; thông qua Chương trình giám sát năm 2026.",
        ),
        _material(
            "bao-cao-25-bc-ubbc",
            "Báo cáo kết quả bầu cử đại biểu Hội đồng nhân dân xã Nghi Dương khóa "
            "II, nhiệm kỳ 2026-2031",
            "report",
            "25/BC-UBBC",
            "bao-cao",
            UY_BAN_BAU_CU,
            "Hoàng Văn Khải",
            ELECTION_CHAIR,
            "TM.",
            "2026-03-20",
            ["Nội vụ"],
            "Cuộc bầu cử ngày 15/3/2026 có 16.482 cử tri đi bầu, đạt 99,21%. Cử "
            "tri 05 đơn vị bầu cử đã bầu đủ 25 đại biểu Hội đồng nhân dân xã khóa "
            "II trong số 42 người ứng cử; không có đơn vị nào phải bầu thêm, bầu lại.",
        ),
        _material(
            "to-trinh-05-ttr-hdnd",
            "Tờ trình về việc bầu các chức danh của Hội đồng nhân dân xã Nghi Dương "
            "khóa II, nhiệm kỳ 2026-2031",
            "submission",
            "05/TTr-HĐND",
            "to-trinh",
            THUONG_TRUC_HDND,
            "Hoàng Văn Khải",
            COUNCIL_CHAIR,
            "TM.",
            "2026-03-23",
            ["Nội vụ"],
            "Giới thiệu nhân sự để Hội đồng nhân dân xã bầu Chủ tịch, Phó Chủ tịch "
            "Hội đồng nhân dân, Trưởng Ban, Phó Trưởng Ban Kinh tế - Ngân sách và "
            "Ban Văn hóa - Xã hội của Hội đồng nhân dân xã khóa II.",
        ),
        _material(
            "to-trinh-06-ttr-hdnd",
            "Tờ trình về Chương trình giám sát của Hội đồng nhân dân xã Nghi Dương "
            "năm 2026",
            "submission",
            "06/TTr-HĐND",
            "to-trinh",
            THUONG_TRUC_HDND,
            "Nguyễn Thị Mai",
            COUNCIL_VICE_CHAIR,
            "KT.",
            "2026-03-23",
            ["Nội vụ"],
            "Đề nghị Hội đồng nhân dân xã giám sát chuyên đề việc cấp Giấy chứng "
            "nhận quyền sử dụng đất lần đầu và việc thu gom, xử lý rác thải sinh "
            "hoạt trên địa bàn xã trong năm 2026; kèm dự thảo Nghị quyết.",
        ),
        _material(
            "to-trinh-07-ttr-hdnd",
            "Tờ trình về việc bầu Chủ tịch, Phó Chủ tịch và Ủy viên Ủy ban nhân dân "
            "xã Nghi Dương nhiệm kỳ 2026-2031",
            "submission",
            "07/TTr-HĐND",
            "to-trinh",
            THUONG_TRUC_HDND,
            "Hoàng Văn Khải",
            COUNCIL_CHAIR,
            "TM.",
            "2026-03-23",
            ["Nội vụ"],
            "Chủ tịch Hội đồng nhân dân xã giới thiệu nhân sự để Hội đồng nhân dân "
            "bầu Chủ tịch Ủy ban nhân dân xã; Chủ tịch Ủy ban nhân dân xã giới thiệu "
            "nhân sự để bầu các Phó Chủ tịch và Ủy viên Ủy ban nhân dân xã.",
        ),
    ),
    "resolutions": (
        _resolution(
            "nghi-quyet-08-nq-hdnd",
            "Nghị quyết xác nhận kết quả bầu Chủ tịch Hội đồng nhân dân xã Nghi "
            "Dương khóa II, nhiệm kỳ 2026-2031",
            "08/NQ-HĐND",
            "2026-03-27",
            ["Nội vụ"],
            "Xác nhận ông Hoàng Văn Khải, đại biểu Hội đồng nhân dân xã khóa II, "
            "trúng cử chức vụ Chủ tịch Hội đồng nhân dân xã Nghi Dương khóa II, "
            "nhiệm kỳ 2026-2031.",
            (24, 1, 0, "09:15"),
            ballot="secret",
        ),
        _resolution(
            "nghi-quyet-09-nq-hdnd",
            "Nghị quyết xác nhận kết quả bầu Phó Chủ tịch Hội đồng nhân dân xã Nghi "
            "Dương khóa II, nhiệm kỳ 2026-2031",
            "09/NQ-HĐND",
            "2026-03-27",
            ["Nội vụ"],
            "Xác nhận bà Nguyễn Thị Mai trúng cử chức vụ Phó Chủ tịch Hội đồng nhân "
            "dân xã Nghi Dương khóa II, nhiệm kỳ 2026-2031.",
            (25, 0, 0, "09:50"),
            ballot="secret",
        ),
        _resolution(
            "nghi-quyet-10-nq-hdnd",
            "Nghị quyết xác nhận kết quả bầu Trưởng Ban, Phó Trưởng Ban của Hội đồng "
            "nhân dân xã Nghi Dương khóa II, nhiệm kỳ 2026-2031",
            "10/NQ-HĐND",
            "2026-03-27",
            ["Nội vụ"],
            "Xác nhận kết quả bầu Trưởng Ban, Phó Trưởng Ban Kinh tế - Ngân sách và "
            "Trưởng Ban, Phó Trưởng Ban Văn hóa - Xã hội của Hội đồng nhân dân xã "
            "khóa II, nhiệm kỳ 2026-2031.",
            (23, 2, 0, "10:40"),
            ballot="secret",
        ),
        _resolution(
            "nghi-quyet-11-nq-hdnd",
            "Nghị quyết xác nhận kết quả bầu Chủ tịch Ủy ban nhân dân xã Nghi Dương "
            "nhiệm kỳ 2026-2031",
            "11/NQ-HĐND",
            "2026-03-27",
            ["Nội vụ"],
            "Xác nhận ông Nguyễn Văn An trúng cử chức vụ Chủ tịch Ủy ban nhân dân xã "
            "Nghi Dương nhiệm kỳ 2026-2031.",
            (24, 1, 0, "14:30"),
            ballot="secret",
        ),
        _resolution(
            "nghi-quyet-12-nq-hdnd",
            "Nghị quyết xác nhận kết quả bầu Phó Chủ tịch và Ủy viên Ủy ban nhân dân "
            "xã Nghi Dương nhiệm kỳ 2026-2031",
            "12/NQ-HĐND",
            "2026-03-27",
            ["Nội vụ"],
            "Xác nhận kết quả bầu 02 Phó Chủ tịch và 02 Ủy viên Ủy ban nhân dân xã "
            "Nghi Dương nhiệm kỳ 2026-2031.",
            (23, 2, 0, "15:20"),
            ballot="secret",
        ),
        _resolution(
            "nghi-quyet-13-nq-hdnd",
            "Nghị quyết về Chương trình giám sát của Hội đồng nhân dân xã Nghi Dương "
            "năm 2026",
            "13/NQ-HĐND",
            "2026-03-27",
            ["Nội vụ", "Đất đai", "Môi trường"],
            "Hội đồng nhân dân xã giám sát chuyên đề việc cấp Giấy chứng nhận quyền "
            "sử dụng đất lần đầu và việc thu gom, xử lý rác thải sinh hoạt trên địa "
            "bàn xã năm 2026; Thường trực Hội đồng nhân dân xây dựng kế hoạch giám "
            "sát và báo cáo kết quả tại kỳ họp cuối năm.",
            (25, 0, 0, "16:10"),
        ),
    ),
    "agenda": (
        (
            "07:30",
            "Đón tiếp đại biểu",
            "Văn phòng HĐND và UBND xã",
            ("giay-moi-03-gm-hdnd",),
        ),
        (
            "08:00",
            "Chào cờ; tuyên bố lý do, giới thiệu đại biểu; thông qua chương trình "
            "kỳ họp",
            "Ông Hoàng Văn Khải, Chủ tịch Ủy ban bầu cử xã",
            ("chuong-trinh-04-ctr-hdnd",),
        ),
        (
            "08:20",
            "Báo cáo kết quả bầu cử đại biểu Hội đồng nhân dân xã khóa II; trao Giấy "
            "chứng nhận đại biểu",
            "Ông Hoàng Văn Khải, Chủ tịch Ủy ban bầu cử xã",
            ("bao-cao-25-bc-ubbc",),
        ),
        (
            "08:50",
            "Bầu Chủ tịch, Phó Chủ tịch Hội đồng nhân dân xã; bầu Trưởng Ban, Phó "
            "Trưởng Ban các Ban của Hội đồng nhân dân xã",
            "Chủ tọa kỳ họp",
            (
                "to-trinh-05-ttr-hdnd",
                "nghi-quyet-08-nq-hdnd",
                "nghi-quyet-09-nq-hdnd",
                "nghi-quyet-10-nq-hdnd",
            ),
        ),
        (
            "14:00",
            "Bầu Chủ tịch, Phó Chủ tịch và Ủy viên Ủy ban nhân dân xã",
            "Ông Hoàng Văn Khải, Chủ tịch HĐND xã",
            (
                "to-trinh-07-ttr-hdnd",
                "nghi-quyet-11-nq-hdnd",
                "nghi-quyet-12-nq-hdnd",
            ),
        ),
        (
            "15:40",
            "Thảo luận, biểu quyết thông qua Nghị quyết về Chương trình giám sát năm "
            "2026",
            "Bà Nguyễn Thị Mai, Phó Chủ tịch HĐND xã",
            ("to-trinh-06-ttr-hdnd", "nghi-quyet-13-nq-hdnd"),
        ),
        ("16:30", "Bế mạc kỳ họp", "Ông Hoàng Văn Khải, Chủ tịch HĐND xã", ()),
    ),
}

FOURTH_SESSION = {
    "id": "ky-hop-thu-tu",
    "session_number": 4,
    "session_kind": "thematic",
    "description": (
        "Kỳ họp chuyên đề: điều chỉnh kế hoạch đầu tư công năm 2026, chủ trương "
        "đầu tư cải tạo đường trục thôn 4 - thôn 7, xem xét bãi nhiệm một đại biểu "
        "Hội đồng nhân dân xã."
    ),
    "start": "2026-12-02T07:30",
    "end": "2026-12-02T11:30",
    "location": "Hội trường Ủy ban nhân dân xã Nghi Dương",
    "circulated": "2026-11-27",
    "proceedings_date": None,
    "state": "circulated",
    "absent": ("luong-van-son", "pham-duc-thang"),
    "materials": (
        _material(
            "giay-moi-28-gm-hdnd",
            "Giấy mời dự Kỳ họp thứ Tư (chuyên đề) Hội đồng nhân dân xã Nghi Dương "
            "khóa II, nhiệm kỳ 2026-2031",
            "invitation",
            "28/GM-HĐND",
            "giay-moi",
            THUONG_TRUC_HDND,
            "Hoàng Văn Khải",
            COUNCIL_CHAIR,
            "TM.",
            "2026-11-24",
            ["Nội vụ"],
            "Thường trực Hội đồng nhân dân xã trân trọng kính mời các vị đại biểu "
            "dự Kỳ họp thứ Tư (chuyên đề), khai mạc lúc 07 giờ 30 phút, thứ Tư, "
            "ngày 02/12/2026 tại Hội trường Ủy ban nhân dân xã. Đề nghị các vị đại "
            "biểu nghiên cứu tài liệu trên Cổng thông tin điện tử xã trước kỳ họp.",
        ),
        _material(
            "chuong-trinh-29-ctr-hdnd",
            "Chương trình Kỳ họp thứ Tư (chuyên đề) Hội đồng nhân dân xã Nghi Dương "
            "khóa II",
            "programme",
            "29/CTr-HĐND",
            "chuong-trinh",
            THUONG_TRUC_HDND,
            "Nguyễn Thị Mai",
            COUNCIL_VICE_CHAIR,
            "KT.",
            "2026-11-24",
            ["Nội vụ"],
            "Kỳ họp làm việc trong buổi sáng ngày 02/12/2026: xem xét điều chỉnh kế "
            "hoạch đầu tư công năm 2026, chủ trương đầu tư cải tạo đường trục thôn "
            "4 - thôn 7 và việc bãi nhiệm đại biểu Hội đồng nhân dân xã.",
        ),
        _material(
            "bao-cao-360-bc-ubnd",
            "Báo cáo tình hình thực hiện kế hoạch đầu tư công năm 2026 của xã Nghi "
            "Dương",
            "report",
            "360/BC-UBND",
            "bao-cao",
            UBND,
            "Nguyễn Văn An",
            CHAIR,
            "TM.",
            "2026-11-23",
            ["Kinh tế, kế hoạch và đầu tư", "Tài chính, ngân sách"],
            "Đến ngày 20/11/2026, xã đã giải ngân 11.240 triệu đồng, đạt 78,6% kế "
            "hoạch vốn đầu tư công năm 2026. Hai công trình chưa đủ thủ tục để "
            "giải ngân trong năm cần điều chuyển vốn sang công trình đường trục "
            "thôn đã hoàn thành thủ tục.",
        ),
        _material(
            "to-trinh-361-ttr-ubnd",
            "Tờ trình về việc điều chỉnh kế hoạch đầu tư công năm 2026 của xã Nghi "
            "Dương",
            "submission",
            "361/TTr-UBND",
            "to-trinh",
            UBND,
            "Nguyễn Văn An",
            CHAIR,
            "TM.",
            "2026-11-23",
            ["Kinh tế, kế hoạch và đầu tư", "Tài chính, ngân sách"],
            "Ủy ban nhân dân xã trình Hội đồng nhân dân xã điều chuyển 1.850 triệu "
            "đồng từ công trình nhà văn hóa thôn 9 (chưa đủ thủ tục) sang công trình "
            "cải tạo kênh tưới tiêu nội đồng thôn 8; tổng kế hoạch vốn năm 2026 "
            "không thay đổi.",
        ),
        _material(
            "to-trinh-362-ttr-ubnd",
            "Tờ trình về chủ trương đầu tư công trình cải tạo, nâng cấp đường trục "
            "thôn 4 - thôn 7, xã Nghi Dương",
            "submission",
            "362/TTr-UBND",
            "to-trinh",
            UBND,
            "Nguyễn Văn An",
            CHAIR,
            "TM.",
            "2026-11-23",
            ["Giao thông vận tải", "Kinh tế, kế hoạch và đầu tư"],
            "Cải tạo, nâng cấp 2,4 km đường trục thôn 4 - thôn 7, mặt đường bê tông "
            "xi măng rộng 5,5 m; tổng mức đầu tư dự kiến 9.600 triệu đồng từ ngân "
            "sách xã, thực hiện năm 2027-2028. Công trình đáp ứng kiến nghị của cử "
            "tri thôn 4 và thôn 7.",
        ),
        _material(
            "bao-cao-tham-tra-08-bc-ktns",
            "Báo cáo thẩm tra Tờ trình số 361/TTr-UBND và Tờ trình số 362/TTr-UBND "
            "của Ủy ban nhân dân xã",
            "review_report",
            "08/BC-KTNS",
            "bao-cao",
            BAN_KINH_TE_NGAN_SACH,
            "Đỗ Minh Quang",
            ECONOMY_HEAD,
            "TM.",
            "2026-11-27",
            ["Kinh tế, kế hoạch và đầu tư", "Tài chính, ngân sách"],
            "Ban Kinh tế - Ngân sách thống nhất với việc điều chỉnh kế hoạch đầu tư "
            "công năm 2026 và chủ trương đầu tư đường trục thôn 4 - thôn 7; đề nghị "
            "Ủy ban nhân dân xã công khai phương án giải phóng mặt bằng với nhân dân "
            "hai thôn trước khi lập dự án.",
        ),
        _material(
            "du-thao-nghi-quyet-dieu-chinh-dau-tu-cong-2026",
            "Dự thảo Nghị quyết về việc điều chỉnh kế hoạch đầu tư công năm 2026 của "
            "xã Nghi Dương",
            "draft_resolution",
            None,
            "nghi-quyet",
            HDND,
            None,
            None,
            "",
            None,
            ["Kinh tế, kế hoạch và đầu tư", "Tài chính, ngân sách"],
            "Dự thảo kèm theo Tờ trình số 361/TTr-UBND ngày 23/11/2026 của Ủy ban "
            "nhân dân xã.",
        ),
        _material(
            "du-thao-nghi-quyet-duong-truc-thon-4-thon-7",
            "Dự thảo Nghị quyết về chủ trương đầu tư công trình cải tạo, nâng cấp "
            "đường trục thôn 4 - thôn 7, xã Nghi Dương",
            "draft_resolution",
            None,
            "nghi-quyet",
            HDND,
            None,
            None,
            "",
            None,
            ["Giao thông vận tải", "Kinh tế, kế hoạch và đầu tư"],
            "Dự thảo kèm theo Tờ trình số 362/TTr-UBND ngày 23/11/2026 của Ủy ban "
            "nhân dân xã.",
        ),
        _material(
            "to-trinh-30-ttr-hdnd",
            "Tờ trình về việc bãi nhiệm đại biểu Hội đồng nhân dân xã Nghi Dương khóa "
            "II, nhiệm kỳ 2026-2031 đối với ông Lương Văn Sơn",
            "submission",
            "30/TTr-HĐND",
            "to-trinh",
            THUONG_TRUC_HDND,
            "Hoàng Văn Khải",
            COUNCIL_CHAIR,
            "TM.",
            "2026-11-25",
            ["Nội vụ"],
            "Thường trực Hội đồng nhân dân xã đề nghị Hội đồng nhân dân xã xem xét "
            "bãi nhiệm đại biểu Hội đồng nhân dân xã đối với ông Lương Văn Sơn, đơn "
            "vị bầu cử số 3, do vi phạm pháp luật, không còn xứng đáng với sự tín "
            "nhiệm của Nhân dân.",
        ),
    ),
    "resolutions": (
        _resolution(
            "nghi-quyet-31-nq-hdnd",
            "Nghị quyết về việc điều chỉnh kế hoạch đầu tư công năm 2026 của xã Nghi "
            "Dương",
            "31/NQ-HĐND",
            "2026-12-02",
            ["Kinh tế, kế hoạch và đầu tư", "Tài chính, ngân sách"],
            "Điều chuyển 1.850 triệu đồng kế hoạch vốn đầu tư công năm 2026 từ công "
            "trình nhà văn hóa thôn 9 sang công trình cải tạo kênh tưới tiêu nội "
            "đồng thôn 8. Giao Ủy ban nhân dân xã tổ chức thực hiện.",
            (22, 0, 1, "09:35"),
        ),
        _resolution(
            "nghi-quyet-32-nq-hdnd",
            "Nghị quyết về chủ trương đầu tư công trình cải tạo, nâng cấp đường trục "
            "thôn 4 - thôn 7, xã Nghi Dương",
            "32/NQ-HĐND",
            "2026-12-02",
            ["Giao thông vận tải", "Kinh tế, kế hoạch và đầu tư"],
            "Quyết định chủ trương đầu tư cải tạo, nâng cấp 2,4 km đường trục thôn 4 "
            "- thôn 7, tổng mức đầu tư 9.600 triệu đồng từ ngân sách xã, thời gian "
            "thực hiện năm 2027-2028.",
            (21, 0, 2, "09:50"),
        ),
        _resolution(
            "nghi-quyet-33-nq-hdnd",
            "Nghị quyết về việc bãi nhiệm đại biểu Hội đồng nhân dân xã Nghi Dương "
            "khóa II, nhiệm kỳ 2026-2031 đối với ông Lương Văn Sơn",
            "33/NQ-HĐND",
            "2026-12-02",
            ["Nội vụ"],
            "Bãi nhiệm đại biểu Hội đồng nhân dân xã Nghi Dương khóa II, nhiệm kỳ "
            "2026-2031 đối với ông Lương Văn Sơn, đơn vị bầu cử số 3. Nghị quyết "
            "được thông qua khi có ít nhất hai phần ba tổng số đại biểu Hội đồng "
            "nhân dân xã biểu quyết tán thành.",
            (21, 1, 1, "10:55"),
            ballot="secret",
            threshold="two_thirds",
        ),
    ),
    "agenda": (
        (
            "07:30",
            "Đón tiếp đại biểu",
            "Văn phòng HĐND và UBND xã",
            ("giay-moi-28-gm-hdnd",),
        ),
        (
            "07:45",
            "Khai mạc kỳ họp; thông qua chương trình kỳ họp",
            "Ông Hoàng Văn Khải, Chủ tịch HĐND xã",
            ("chuong-trinh-29-ctr-hdnd",),
        ),
        (
            "08:00",
            "Báo cáo tình hình thực hiện kế hoạch đầu tư công năm 2026; tờ trình "
            "điều chỉnh kế hoạch đầu tư công và chủ trương đầu tư đường trục thôn 4 "
            "- thôn 7",
            "Ông Nguyễn Văn An, Chủ tịch UBND xã",
            ("bao-cao-360-bc-ubnd", "to-trinh-361-ttr-ubnd", "to-trinh-362-ttr-ubnd"),
        ),
        (
            "08:40",
            "Báo cáo thẩm tra của Ban Kinh tế - Ngân sách",
            "Ông Đỗ Minh Quang, Trưởng Ban Kinh tế - Ngân sách HĐND xã",
            ("bao-cao-tham-tra-08-bc-ktns",),
        ),
        (
            "09:00",
            "Thảo luận, biểu quyết thông qua các nghị quyết về đầu tư công",
            "Chủ tọa kỳ họp",
            (
                "du-thao-nghi-quyet-dieu-chinh-dau-tu-cong-2026",
                "du-thao-nghi-quyet-duong-truc-thon-4-thon-7",
                "nghi-quyet-31-nq-hdnd",
                "nghi-quyet-32-nq-hdnd",
            ),
        ),
        (
            "10:00",
            "Xem xét việc bãi nhiệm đại biểu Hội đồng nhân dân xã đối với ông Lương "
            "Văn Sơn (bỏ phiếu kín)",
            "Bà Nguyễn Thị Mai, Phó Chủ tịch HĐND xã",
            ("to-trinh-30-ttr-hdnd", "nghi-quyet-33-nq-hdnd"),
        ),
        ("11:15", "Bế mạc kỳ họp", "Ông Hoàng Văn Khải, Chủ tịch HĐND xã", ()),
    ),
}

SESSIONS = (FIRST_SESSION, FOURTH_SESSION)


def _petition(
    petition_id,
    title,
    unit,
    meeting,
    meeting_date,
    sectors,
    content,
    agency,
    deadline,
    state,
    response=None,
    response_date=None,
    petitioner=None,
):
    name, address, phone = petitioner or (None, None, None)
    return {
        "id": petition_id,
        "title": title,
        "source_meeting": f"{meeting}, Đơn vị bầu cử số {unit}",
        "meeting_date": meeting_date,
        "constituency": f"Đơn vị bầu cử số {unit}",
        "sectors": sectors,
        "content": content,
        "responsible_agency": agency,
        "deadline": deadline,
        "response": response,
        "response_date": response_date,
        "petitioner_name": name,
        "petitioner_address": address,
        "petitioner_phone": phone,
        "state": state,
    }


AFTER_FIRST = "Tiếp xúc cử tri sau Kỳ họp thứ Nhất"
BEFORE_SECOND = "Tiếp xúc cử tri trước Kỳ họp thứ Hai"
BEFORE_THIRD = "Tiếp xúc cử tri trước Kỳ họp thứ Ba"
COMMITTEE = "Ủy ban nhân dân xã Nghi Dương"

# A dozen petitions of the term, in every state; those forwarded or
# received whose deadline has passed are overdue.
PETITIONS = (
    _petition(
        "duong-truc-thon-4-thon-7",
        "Đề nghị sửa chữa, nâng cấp đường trục thôn 4 - thôn 7 bị xuống cấp",
        2,
        AFTER_FIRST,
        "2026-04-18",
        ["Giao thông vận tải"],
        "Cử tri thôn 4 phản ánh tuyến đường trục thôn 4 - thôn 7 nhiều đoạn bong "
        "tróc, ổ gà, mùa mưa ngập nước, đề nghị xã sớm sửa chữa, nâng cấp.",
        COMMITTEE,
        "2026-07-31",
        "published",
        "<p>Ủy ban nhân dân xã đã vá ổ gà các đoạn hư hỏng nặng trong tháng "
        "6/2026 và trình Hội đồng nhân dân xã chủ trương đầu tư cải tạo, nâng cấp "
        "toàn tuyến (Tờ trình số 362/TTr-UBND), dự kiến thực hiện năm 2027-2028.</p>",
        "2026-07-08",
    ),
    _petition(
        "chieu-sang-lien-thon-1-thon-2",
        "Đề nghị lắp đặt đèn chiếu sáng tuyến đường liên thôn 1 - thôn 2",
        1,
        AFTER_FIRST,
        "2026-04-17",
        ["Xây dựng", "An ninh, trật tự"],
        "Cử tri đề nghị lắp đèn chiếu sáng công cộng trên tuyến đường liên thôn 1 "
        "- thôn 2 dài khoảng 1,2 km để bảo đảm an toàn giao thông và an ninh buổi "
        "tối.",
        COMMITTEE,
        "2026-08-31",
        "published",
        "<p>Tuyến đèn chiếu sáng 36 bóng LED do nhân dân đóng góp và ngân sách xã "
        "hỗ trợ đã hoàn thành, đưa vào sử dụng từ ngày 15/8/2026.</p>",
        "2026-08-20",
    ),
    _petition(
        "nao-vet-kenh-dong-cua-dinh",
        "Đề nghị nạo vét kênh tưới tiêu nội đồng khu đồng Cửa Đình, thôn 8",
        4,
        BEFORE_SECOND,
        "2026-06-19",
        ["Nông nghiệp"],
        "Kênh tưới tiêu khu đồng Cửa Đình bị bồi lắng, cỏ mọc dày, nước không về "
        "kịp vụ Mùa; cử tri đề nghị nạo vét trước mùa mưa bão.",
        "Phòng Kinh tế xã Nghi Dương",
        "2026-08-15",
        "published",
        "<p>Phòng Kinh tế phối hợp với Hợp tác xã dịch vụ nông nghiệp nạo vét 1,8 "
        "km kênh, hoàn thành ngày 30/7/2026. Xã đang cân đối vốn để kiên cố hóa "
        "đoạn kênh qua thôn 8.</p>",
        "2026-08-05",
    ),
    _petition(
        "cap-giay-chung-nhan-thon-5",
        "Kiến nghị về việc chậm cấp Giấy chứng nhận quyền sử dụng đất cho các hộ "
        "dân thôn 5",
        3,
        BEFORE_SECOND,
        "2026-06-20",
        ["Đất đai"],
        "Nhiều hộ dân thôn 5 nộp hồ sơ đề nghị cấp Giấy chứng nhận quyền sử dụng "
        "đất lần đầu từ năm 2025 nhưng đến nay chưa được cấp, đề nghị xã trả lời rõ "
        "lý do và thời hạn giải quyết.",
        COMMITTEE,
        "2026-09-30",
        "answered",
        "<p>Trong 27 hồ sơ của thôn 5, 19 hồ sơ đã được cấp Giấy chứng nhận; 08 hồ "
        "sơ còn vướng đo đạc ranh giới, công chức địa chính hướng dẫn các hộ bổ "
        "sung trong quý IV/2026.</p>",
        "2026-09-15",
        ("Nguyễn Văn Bình", "Thôn 5, xã Nghi Dương", "0977 000 201"),
    ),
    _petition(
        "rac-thai-diem-tap-ket-thon-6",
        "Phản ánh tình trạng rác thải tồn đọng tại điểm tập kết đầu thôn 6",
        3,
        BEFORE_SECOND,
        "2026-06-20",
        ["Môi trường"],
        "Điểm tập kết rác đầu thôn 6 thường xuyên tồn đọng 3-4 ngày mới được thu "
        "gom, gây mùi hôi ảnh hưởng các hộ xung quanh.",
        COMMITTEE,
        "2026-07-31",
        "answered",
        "<p>Ủy ban nhân dân xã đã yêu cầu đơn vị thu gom tăng tần suất lên hằng "
        "ngày từ tháng 7/2026 và giao thôn 6 giám sát, báo cáo hằng tuần.</p>",
        "2026-07-20",
        ("Trần Thị Lụa", "Thôn 6, xã Nghi Dương", None),
    ),
    _petition(
        "phong-hoc-mam-non-thon-9",
        "Đề nghị bố trí thêm phòng học cho điểm trường mầm non thôn 9",
        5,
        BEFORE_SECOND,
        "2026-06-21",
        ["Giáo dục và Đào tạo"],
        "Điểm trường mầm non thôn 9 có 02 phòng học cho 74 cháu, phải học ghép; cử "
        "tri đề nghị xây thêm phòng học trước năm học 2026-2027.",
        "Phòng Văn hóa - Xã hội xã Nghi Dương",
        "2026-10-31",
        "forwarded",
    ),
    _petition(
        "an-ninh-cho-nghi-duong",
        "Đề nghị tăng cường tuần tra bảo đảm an ninh, trật tự khu vực chợ Nghi "
        "Dương buổi tối",
        2,
        BEFORE_SECOND,
        "2026-06-20",
        ["An ninh, trật tự"],
        "Buổi tối khu vực chợ Nghi Dương thường có thanh niên tụ tập, đua xe; cử "
        "tri đề nghị Công an xã tăng cường tuần tra, xử lý.",
        "Công an xã Nghi Dương",
        "2026-08-31",
        "forwarded",
        petitioner=("Lê Văn Toàn", "Thôn 3, xã Nghi Dương", "0962 000 202"),
    ),
    _petition(
        "tro-cap-nguoi-cao-tuoi-thon-10",
        "Đề nghị xem xét trợ cấp xã hội cho người cao tuổi chưa được hưởng tại thôn 10",
        5,
        BEFORE_THIRD,
        "2026-10-24",
        ["Bảo trợ xã hội"],
        "Một số người từ đủ 75 tuổi ở thôn 10 chưa được hưởng trợ cấp xã hội hằng "
        "tháng; cử tri đề nghị xã rà soát, lập hồ sơ.",
        "Phòng Văn hóa - Xã hội xã Nghi Dương",
        "2026-12-31",
        "forwarded",
    ),
    _petition(
        "dang-ky-ho-kinh-doanh-truc-tuyen",
        "Đề nghị hướng dẫn người dân đăng ký hộ kinh doanh trực tuyến",
        2,
        BEFORE_THIRD,
        "2026-10-23",
        ["Chuyển đổi số", "Kinh tế, kế hoạch và đầu tư"],
        "Cử tri đề nghị Trung tâm Phục vụ hành chính công xã hướng dẫn tại thôn "
        "việc đăng ký hộ kinh doanh trên Cổng Dịch vụ công quốc gia.",
        "Trung tâm Phục vụ hành chính công xã Nghi Dương",
        "2026-12-20",
        "forwarded",
    ),
    _petition(
        "nha-van-hoa-thon-3",
        "Đề nghị cải tạo nhà văn hóa thôn 3 đã xuống cấp",
        2,
        BEFORE_THIRD,
        "2026-10-23",
        ["Văn hóa, thể thao và du lịch"],
        "Nhà văn hóa thôn 3 xây năm 2004, mái dột, tường nứt; cử tri đề nghị xã hỗ "
        "trợ kinh phí cải tạo.",
        None,
        None,
        "received",
        petitioner=("Vũ Thị Thanh", "Thôn 3, xã Nghi Dương", "0913 000 203"),
    ),
    _petition(
        "tram-bom-thon-7",
        "Phản ánh trạm bơm thôn 7 hoạt động không ổn định, ảnh hưởng tưới tiêu vụ Đông",
        4,
        BEFORE_THIRD,
        "2026-10-22",
        ["Nông nghiệp"],
        "Trạm bơm thôn 7 thường xuyên hỏng, không đủ nước tưới cho khoảng 15 ha "
        "cây vụ Đông; cử tri đề nghị sửa chữa ngay.",
        "Phòng Kinh tế xã Nghi Dương",
        "2026-11-30",
        "received",
    ),
    _petition(
        "kham-suc-khoe-nguoi-co-cong",
        "Đề nghị tổ chức khám sức khỏe định kỳ cho người có công tại Trạm Y tế xã",
        1,
        BEFORE_THIRD,
        "2026-10-22",
        ["Y tế", "Người có công"],
        "Cử tri đề nghị Trạm Y tế xã tổ chức khám sức khỏe định kỳ, cấp thuốc "
        "thông thường cho người có công với cách mạng tại xã, không phải lên tuyến "
        "trên.",
        None,
        None,
        "received",
    ),
)
