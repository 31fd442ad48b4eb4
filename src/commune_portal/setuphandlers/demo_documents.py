"""Official documents (văn bản) of the demo commune, Xã Nghi Dương, Hải Phòng.

Pure data, read by the ``commune_portal:demo`` profile: the documents of one
commune from 2024 to November 2026, in the order they were issued. The
people are invented. Relation fields (``based_on``, ``amends``,
``replaces``, ``repeals``, ``corrects``, ``guides``) hold ids of other
entries and always point from the newer document to an older one. No legal
status is stored: it follows from the dates and the relations.

Numbers follow Decree 30/2020/NĐ-CP: one sequence per issuer and year (the
Chủ tịch UBND signs in the UBND's register); legal (normative) resolutions
of the council have their own sequence with the year. The commune's bodies
were re-established on 1 July 2025 (two-level local government), so their
2025 numbers start again from then.

``minimal_pdf`` writes the small PDF attached to each demo document.
"""

import textwrap
import unicodedata


UBND = "Ủy ban nhân dân xã Nghi Dương"
CHU_TICH_UBND = "Chủ tịch Ủy ban nhân dân xã Nghi Dương"
HDND = "Hội đồng nhân dân xã Nghi Dương"
UBND_HAI_PHONG = "Ủy ban nhân dân thành phố Hải Phòng"

CHAIR = "Chủ tịch Ủy ban nhân dân"
VICE_CHAIR = "Phó Chủ tịch Ủy ban nhân dân"
COUNCIL_CHAIR = "Chủ tịch Hội đồng nhân dân"
COUNCIL_VICE_CHAIR = "Phó Chủ tịch Hội đồng nhân dân"
OFFICE_HEAD = "Chánh Văn phòng HĐND và UBND"


DOCUMENTS = (
    # 2024
    {
        "id": "quyet-dinh-79-qd-ubnd-2024",
        "title": "Quyết định thành lập Ban Chỉ đạo chuyển đổi số xã Nghi Dương",
        "description": "Thành lập Ban Chỉ đạo chuyển đổi số xã do Chủ tịch Ủy ban nhân dân xã làm Trưởng ban.",
        "document_number": "79/QĐ-UBND",
        "document_type": "quyet-dinh",
        "issuing_body": CHU_TICH_UBND,
        "signer": "Đặng Văn Thành",
        "signer_position": CHAIR,
        "signing_authority": "",
        "issue_date": "2024-03-12",
        "effective_date": "2024-03-12",
        "expiry_date": None,
        "sectors": ["Chuyển đổi số"],
        "is_legal_normative": False,
        "confidentiality": "normal",
        "urgency": "normal",
        "based_on": [],
        "amends": [],
        "replaces": [],
        "repeals": [],
        "corrects": [],
        "guides": [],
        "published": True,
        "body": (
            "Thành lập Ban Chỉ đạo chuyển đổi số xã Nghi Dương gồm 11 thành viên, "
            "do Chủ tịch Ủy ban nhân dân xã làm Trưởng ban. Ban Chỉ đạo giúp Ủy ban "
            "nhân dân xã chỉ đạo, điều phối việc triển khai chuyển đổi số, xây dựng "
            "chính quyền số trên địa bàn xã. Quyết định có hiệu lực kể từ ngày ký."
        ),
    },
    {
        "id": "quyet-dinh-102-qd-ubnd-2024",
        "title": "Quyết định ban hành Quy chế làm việc của Ủy ban nhân dân xã Nghi Dương nhiệm kỳ 2021-2026",
        "description": "Quy chế làm việc của Ủy ban nhân dân xã cho nhiệm kỳ 2021-2026.",
        "document_number": "102/QĐ-UBND",
        "document_type": "quyet-dinh",
        "issuing_body": UBND,
        "signer": "Đặng Văn Thành",
        "signer_position": CHAIR,
        "signing_authority": "TM.",
        "issue_date": "2024-04-02",
        "effective_date": "2024-04-02",
        "expiry_date": None,
        "sectors": ["Nội vụ"],
        "is_legal_normative": False,
        "confidentiality": "normal",
        "urgency": "normal",
        "based_on": [],
        "amends": [],
        "replaces": [],
        "repeals": [],
        "corrects": [],
        "guides": [],
        "published": True,
        "body": (
            "Ban hành kèm theo Quyết định này Quy chế làm việc của Ủy ban nhân dân xã "
            "Nghi Dương nhiệm kỳ 2021-2026. Quy chế quy định nguyên tắc, chế độ trách "
            "nhiệm, lề lối làm việc và quan hệ công tác của Ủy ban nhân dân, Chủ tịch, "
            "các Phó Chủ tịch và công chức chuyên môn của xã."
        ),
    },
    {
        "id": "quyet-dinh-148-qd-ubnd-2024",
        "title": "Quyết định ban hành Quy định quản lý, sử dụng nhà văn hóa thôn trên địa bàn xã Nghi Dương",
        "description": "Quy định việc quản lý, khai thác và sử dụng nhà văn hóa các thôn.",
        "document_number": "148/QĐ-UBND",
        "document_type": "quyet-dinh",
        "issuing_body": UBND,
        "signer": "Vũ Thị Hằng",
        "signer_position": VICE_CHAIR,
        "signing_authority": "KT.",
        "issue_date": "2024-05-14",
        "effective_date": "2024-05-14",
        "expiry_date": None,
        "sectors": ["Văn hóa, thể thao và du lịch"],
        "is_legal_normative": False,
        "confidentiality": "normal",
        "urgency": "normal",
        "based_on": [],
        "amends": [],
        "replaces": [],
        "repeals": [],
        "corrects": [],
        "guides": [],
        "published": True,
        "body": (
            "Ban hành Quy định quản lý, sử dụng nhà văn hóa thôn trên địa bàn xã. "
            "Ban quản lý nhà văn hóa do Trưởng thôn làm Trưởng ban, chịu trách nhiệm "
            "bảo quản tài sản và công khai các khoản thu, chi hằng năm trước hội nghị "
            "thôn."
        ),
    },
    {
        "id": "quyet-dinh-189-qd-ubnd-2024",
        "title": "Quyết định ban hành Quy chế tiếp công dân của Ủy ban nhân dân xã Nghi Dương",
        "description": "Quy chế tổ chức tiếp công dân tại Trụ sở tiếp công dân xã.",
        "document_number": "189/QĐ-UBND",
        "document_type": "quyet-dinh",
        "issuing_body": UBND,
        "signer": "Đặng Văn Thành",
        "signer_position": CHAIR,
        "signing_authority": "TM.",
        "issue_date": "2024-06-20",
        "effective_date": "2024-06-20",
        "expiry_date": None,
        "sectors": ["Tiếp công dân, khiếu nại, tố cáo"],
        "is_legal_normative": False,
        "confidentiality": "normal",
        "urgency": "normal",
        "based_on": [],
        "amends": [],
        "replaces": [],
        "repeals": [],
        "corrects": [],
        "guides": [],
        "published": True,
        "body": (
            "Ban hành Quy chế tiếp công dân của Ủy ban nhân dân xã Nghi Dương. Chủ "
            "tịch Ủy ban nhân dân xã tiếp công dân định kỳ ít nhất 01 ngày trong tuần; "
            "công chức được phân công tiếp công dân thường xuyên trong giờ hành chính "
            "và ghi chép đầy đủ vào sổ tiếp công dân."
        ),
    },
    {
        "id": "nghi-quyet-01-2024-nq-hdnd",
        "title": "Nghị quyết quy định mức hỗ trợ kinh phí thu gom, vận chuyển rác thải sinh hoạt trên địa bàn xã Nghi Dương",
        "description": "Mức hỗ trợ từ ngân sách xã cho việc thu gom, vận chuyển rác thải sinh hoạt ở các thôn.",
        "document_number": "01/2024/NQ-HĐND",
        "document_type": "nghi-quyet",
        "issuing_body": HDND,
        "signer": "Lê Quang Minh",
        "signer_position": COUNCIL_CHAIR,
        "signing_authority": "TM.",
        "issue_date": "2024-07-12",
        "effective_date": "2024-07-22",
        "expiry_date": None,
        "sectors": ["Môi trường", "Tài chính, ngân sách"],
        "is_legal_normative": True,
        "confidentiality": "normal",
        "urgency": "normal",
        "based_on": [],
        "amends": [],
        "replaces": [],
        "repeals": [],
        "corrects": [],
        "guides": [],
        "published": True,
        "body": (
            "Quy định mức hỗ trợ từ ngân sách xã cho hoạt động thu gom, vận chuyển "
            "rác thải sinh hoạt tại các thôn là 15.000 đồng/hộ/tháng. Ủy ban nhân dân "
            "xã tổ chức thực hiện; Thường trực Hội đồng nhân dân, các Ban và đại biểu "
            "Hội đồng nhân dân xã giám sát việc thực hiện Nghị quyết. Nghị quyết có "
            "hiệu lực từ ngày 22/7/2024."
        ),
    },
    {
        "id": "cong-van-274-ubnd-vp-2024",
        "title": "V/v tập trung ứng phó với bão số 3 (bão Yagi) năm 2024",
        "description": "Yêu cầu các thôn, ban, ngành triển khai ngay các biện pháp ứng phó với bão số 3.",
        "document_number": "274/UBND-VP",
        "document_type": "cong-van",
        "issuing_body": UBND,
        "signer": "Đặng Văn Thành",
        "signer_position": CHAIR,
        "signing_authority": "TM.",
        "issue_date": "2024-09-05",
        "effective_date": "2024-09-05",
        "expiry_date": None,
        "sectors": ["Nông nghiệp", "Quốc phòng, quân sự địa phương"],
        "is_legal_normative": False,
        "confidentiality": "normal",
        "urgency": "urgent",
        "based_on": [],
        "amends": [],
        "replaces": [],
        "repeals": [],
        "corrects": [],
        "guides": [],
        "published": True,
        "body": (
            "Yêu cầu các thôn, các ban, ngành, đoàn thể kiểm tra, chằng chống nhà cửa, "
            "cắt tỉa cây xanh và sẵn sàng sơ tán người dân ở khu vực xung yếu trước 17 "
            "giờ ngày 06/9/2024. Lực lượng dân quân, công an xã trực 24/24 giờ; các "
            "thôn báo cáo tình hình về Ủy ban nhân dân xã qua Văn phòng."
        ),
    },
    {
        "id": "quyet-dinh-318-qd-ubnd-2024",
        "title": "Quyết định về việc tặng Giấy khen cho các tập thể, cá nhân có thành tích xuất sắc trong công tác phòng, chống và khắc phục hậu quả bão số 3 (bão Yagi)",
        "description": "Tặng Giấy khen của Chủ tịch Ủy ban nhân dân xã cho 06 tập thể và 18 cá nhân.",
        "document_number": "318/QĐ-UBND",
        "document_type": "quyet-dinh",
        "issuing_body": CHU_TICH_UBND,
        "signer": "Đặng Văn Thành",
        "signer_position": CHAIR,
        "signing_authority": "",
        "issue_date": "2024-10-15",
        "effective_date": "2024-10-15",
        "expiry_date": None,
        "sectors": ["Thi đua, khen thưởng"],
        "is_legal_normative": False,
        "confidentiality": "normal",
        "urgency": "normal",
        "based_on": [],
        "amends": [],
        "replaces": [],
        "repeals": [],
        "corrects": [],
        "guides": [],
        "published": True,
        "body": (
            "Tặng Giấy khen của Chủ tịch Ủy ban nhân dân xã cho 06 tập thể và 18 cá "
            "nhân có thành tích xuất sắc trong công tác phòng, chống và khắc phục hậu "
            "quả bão số 3. Kèm theo Giấy khen là tiền thưởng theo quy định của Luật "
            "Thi đua, khen thưởng."
        ),
    },
    {
        "id": "quyet-dinh-326-qd-ubnd-2024",
        "title": "Quyết định về việc đính chính Quyết định số 318/QĐ-UBND ngày 15/10/2024 của Chủ tịch Ủy ban nhân dân xã",
        "description": "Đính chính họ và tên của 02 cá nhân được tặng Giấy khen.",
        "document_number": "326/QĐ-UBND",
        "document_type": "quyet-dinh",
        "issuing_body": CHU_TICH_UBND,
        "signer": "Đặng Văn Thành",
        "signer_position": CHAIR,
        "signing_authority": "",
        "issue_date": "2024-10-22",
        "effective_date": "2024-10-22",
        "expiry_date": None,
        "sectors": ["Thi đua, khen thưởng"],
        "is_legal_normative": False,
        "confidentiality": "normal",
        "urgency": "normal",
        "based_on": [],
        "amends": [],
        "replaces": [],
        "repeals": [],
        "corrects": ["quyet-dinh-318-qd-ubnd-2024"],
        "guides": [],
        "published": True,
        "body": (
            "Đính chính họ và tên của 02 cá nhân tại danh sách kèm theo Quyết định số "
            "318/QĐ-UBND ngày 15/10/2024 do sai sót kỹ thuật trong quá trình soạn "
            "thảo. Các nội dung khác của Quyết định số 318/QĐ-UBND giữ nguyên."
        ),
    },
    # 2025: the two-level local government from 1 July 2025
    {
        "id": "quyet-dinh-05-qd-ubnd-2025",
        "title": "Quyết định ban hành Quy chế làm việc của Ủy ban nhân dân xã Nghi Dương",
        "description": "Quy chế làm việc của Ủy ban nhân dân xã theo mô hình chính quyền địa phương hai cấp.",
        "document_number": "05/QĐ-UBND",
        "document_type": "quyet-dinh",
        "issuing_body": UBND,
        "signer": "Nguyễn Văn An",
        "signer_position": CHAIR,
        "signing_authority": "TM.",
        "issue_date": "2025-07-02",
        "effective_date": "2025-07-02",
        "expiry_date": None,
        "sectors": ["Nội vụ"],
        "is_legal_normative": False,
        "confidentiality": "normal",
        "urgency": "normal",
        "based_on": [],
        "amends": [],
        "replaces": ["quyet-dinh-102-qd-ubnd-2024"],
        "repeals": [],
        "corrects": [],
        "guides": [],
        "published": True,
        "body": (
            "Ban hành Quy chế làm việc của Ủy ban nhân dân xã Nghi Dương theo mô hình "
            "chính quyền địa phương hai cấp, vận hành từ ngày 01/7/2025. Quy chế quy "
            "định phân công nhiệm vụ của Chủ tịch, các Phó Chủ tịch, chế độ họp, giải "
            "quyết công việc và quan hệ phối hợp với Văn phòng HĐND và UBND, các phòng "
            "chuyên môn. Quyết định này thay thế Quyết định số 102/QĐ-UBND ngày "
            "02/4/2024."
        ),
    },
    {
        "id": "quyet-dinh-24-qd-ubnd-2025",
        "title": "Quyết định phê duyệt Phương án ứng phó thiên tai theo cấp độ rủi ro thiên tai năm 2025 trên địa bàn xã Nghi Dương",
        "description": "Phương án ứng phó với bão, áp thấp nhiệt đới và mưa lớn trong mùa mưa bão năm 2025.",
        "document_number": "24/QĐ-UBND",
        "document_type": "quyet-dinh",
        "issuing_body": UBND,
        "signer": "Phạm Đức Thắng",
        "signer_position": VICE_CHAIR,
        "signing_authority": "KT.",
        "issue_date": "2025-07-15",
        "effective_date": "2025-07-15",
        "expiry_date": "2025-11-30",
        "sectors": ["Nông nghiệp", "Quốc phòng, quân sự địa phương"],
        "is_legal_normative": False,
        "confidentiality": "normal",
        "urgency": "normal",
        "based_on": [],
        "amends": [],
        "replaces": [],
        "repeals": [],
        "corrects": [],
        "guides": [],
        "published": True,
        "body": (
            "Phê duyệt phương án ứng phó với bão, áp thấp nhiệt đới, mưa lớn và nước "
            "dâng theo từng cấp độ rủi ro thiên tai trong mùa mưa bão năm 2025. Phương "
            "án xác định khu vực xung yếu, kế hoạch sơ tán dân, lực lượng, vật tư, "
            "phương tiện theo phương châm bốn tại chỗ. Phương án áp dụng đến hết ngày "
            "30/11/2025."
        ),
    },
    {
        "id": "quyet-dinh-52-qd-ubnd-2025",
        "title": "Quyết định kiện toàn Ban Chỉ đạo chuyển đổi số xã Nghi Dương",
        "description": "Kiện toàn Ban Chỉ đạo chuyển đổi số xã sau sắp xếp đơn vị hành chính.",
        "document_number": "52/QĐ-UBND",
        "document_type": "quyet-dinh",
        "issuing_body": CHU_TICH_UBND,
        "signer": "Nguyễn Văn An",
        "signer_position": CHAIR,
        "signing_authority": "",
        "issue_date": "2025-08-05",
        "effective_date": "2025-08-05",
        "expiry_date": None,
        "sectors": ["Chuyển đổi số"],
        "is_legal_normative": False,
        "confidentiality": "normal",
        "urgency": "normal",
        "based_on": [],
        "amends": [],
        "replaces": ["quyet-dinh-79-qd-ubnd-2024"],
        "repeals": [],
        "corrects": [],
        "guides": [],
        "published": True,
        "body": (
            "Kiện toàn Ban Chỉ đạo chuyển đổi số xã Nghi Dương sau sắp xếp đơn vị hành "
            "chính, do Chủ tịch Ủy ban nhân dân xã làm Trưởng ban. Ban Chỉ đạo chỉ đạo "
            "triển khai chính quyền số, dịch vụ công trực tuyến và hoạt động của các Tổ "
            "công nghệ số cộng đồng. Quyết định này thay thế Quyết định số 79/QĐ-UBND "
            "ngày 12/3/2024."
        ),
    },
    {
        "id": "quyet-dinh-1846-qd-ubnd-2025-hai-phong",
        "title": "Quyết định về việc công bố danh mục thủ tục hành chính lĩnh vực hộ tịch thuộc thẩm quyền giải quyết của Ủy ban nhân dân cấp xã trên địa bàn thành phố Hải Phòng",
        "description": "Ủy ban nhân dân thành phố công bố các thủ tục hộ tịch do cấp xã giải quyết.",
        "document_number": "1846/QĐ-UBND",
        "document_type": "quyet-dinh",
        "issuing_body": UBND_HAI_PHONG,
        "signer": "Trịnh Văn Hòa",
        "signer_position": VICE_CHAIR,
        "signing_authority": "KT.",
        "issue_date": "2025-08-19",
        "effective_date": "2025-08-19",
        "expiry_date": None,
        "sectors": ["Hộ tịch"],
        "is_legal_normative": False,
        "confidentiality": "normal",
        "urgency": "normal",
        "based_on": [],
        "amends": [],
        "replaces": [],
        "repeals": [],
        "corrects": [],
        "guides": [],
        "published": True,
        "body": (
            "Công bố kèm theo Quyết định này danh mục 21 thủ tục hành chính lĩnh vực hộ "
            "tịch thuộc thẩm quyền giải quyết của Ủy ban nhân dân cấp xã sau sắp xếp "
            "đơn vị hành chính. Ủy ban nhân dân các xã, phường, đặc khu niêm yết công "
            "khai danh mục tại Bộ phận Một cửa và trên Cổng thông tin điện tử."
        ),
    },
    {
        "id": "ke-hoach-81-kh-ubnd-2025",
        "title": "Kế hoạch triển khai thực hiện thủ tục hành chính lĩnh vực hộ tịch theo mô hình chính quyền địa phương hai cấp trên địa bàn xã Nghi Dương",
        "description": "Tiếp nhận, giải quyết các thủ tục hộ tịch tại Bộ phận Một cửa xã, ưu tiên hồ sơ trực tuyến.",
        "document_number": "81/KH-UBND",
        "document_type": "ke-hoach",
        "issuing_body": UBND,
        "signer": "Trần Thị Thu Hà",
        "signer_position": VICE_CHAIR,
        "signing_authority": "KT.",
        "issue_date": "2025-08-26",
        "effective_date": "2025-08-26",
        "expiry_date": None,
        "sectors": ["Hộ tịch", "Nội vụ"],
        "is_legal_normative": False,
        "confidentiality": "normal",
        "urgency": "normal",
        "based_on": ["quyet-dinh-1846-qd-ubnd-2025-hai-phong"],
        "amends": [],
        "replaces": [],
        "repeals": [],
        "corrects": [],
        "guides": [],
        "published": True,
        "body": (
            "Triển khai tiếp nhận, giải quyết 21 thủ tục hành chính lĩnh vực hộ tịch "
            "tại Bộ phận Một cửa xã theo danh mục do Ủy ban nhân dân thành phố công bố. "
            "Ưu tiên tiếp nhận hồ sơ trực tuyến và liên thông đăng ký khai sinh, đăng "
            "ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi. Hoàn thành số "
            "hóa sổ hộ tịch trước ngày 31/12/2025."
        ),
    },
    {
        "id": "quyet-dinh-109-qd-ubnd-2025",
        "title": "Quyết định ban hành Quy chế tiếp công dân của Ủy ban nhân dân xã Nghi Dương",
        "description": "Quy chế tiếp công dân sau sắp xếp đơn vị hành chính, thay thế quy chế năm 2024.",
        "document_number": "109/QĐ-UBND",
        "document_type": "quyet-dinh",
        "issuing_body": UBND,
        "signer": "Nguyễn Văn An",
        "signer_position": CHAIR,
        "signing_authority": "TM.",
        "issue_date": "2025-09-16",
        "effective_date": "2025-09-16",
        "expiry_date": None,
        "sectors": ["Tiếp công dân, khiếu nại, tố cáo"],
        "is_legal_normative": False,
        "confidentiality": "normal",
        "urgency": "normal",
        "based_on": [],
        "amends": [],
        "replaces": ["quyet-dinh-189-qd-ubnd-2024"],
        "repeals": [],
        "corrects": [],
        "guides": [],
        "published": True,
        "body": (
            "Ban hành Quy chế tiếp công dân của Ủy ban nhân dân xã Nghi Dương, áp dụng "
            "tại Trụ sở tiếp công dân của xã sau sắp xếp đơn vị hành chính. Chủ tịch "
            "Ủy ban nhân dân xã tiếp công dân định kỳ 02 ngày trong tháng và tiếp đột "
            "xuất khi cần thiết. Quyết định này thay thế Quyết định số 189/QĐ-UBND ngày "
            "20/6/2024."
        ),
    },
    {
        "id": "bao-cao-126-bc-ubnd-2025",
        "title": "Báo cáo kết quả 03 tháng vận hành mô hình chính quyền địa phương hai cấp trên địa bàn xã Nghi Dương",
        "description": "Kết quả, khó khăn và kiến nghị sau 03 tháng vận hành chính quyền địa phương hai cấp.",
        "document_number": "126/BC-UBND",
        "document_type": "bao-cao",
        "issuing_body": UBND,
        "signer": "Nguyễn Văn An",
        "signer_position": CHAIR,
        "signing_authority": "TM.",
        "issue_date": "2025-09-29",
        "effective_date": None,
        "expiry_date": None,
        "sectors": ["Nội vụ"],
        "is_legal_normative": False,
        "confidentiality": "normal",
        "urgency": "normal",
        "based_on": [],
        "amends": [],
        "replaces": [],
        "repeals": [],
        "corrects": [],
        "guides": [],
        "published": True,
        "body": (
            "Sau 03 tháng vận hành, bộ máy chính quyền xã hoạt động thông suốt; Bộ phận "
            "Một cửa đã tiếp nhận 2.146 hồ sơ, trong đó 78% hồ sơ trực tuyến, không có "
            "hồ sơ quá hạn. Ủy ban nhân dân xã kiến nghị thành phố bổ sung biên chế "
            "công chức địa chính và kinh phí nâng cấp trang thiết bị công nghệ thông "
            "tin."
        ),
    },
    {
        "id": "quyet-dinh-137-qd-ubnd-2025",
        "title": "Quyết định bãi bỏ Quyết định số 148/QĐ-UBND ngày 14/5/2024 về việc ban hành Quy định quản lý, sử dụng nhà văn hóa thôn",
        "description": "Bãi bỏ quy định năm 2024 không còn phù hợp sau sắp xếp thôn.",
        "document_number": "137/QĐ-UBND",
        "document_type": "quyet-dinh",
        "issuing_body": UBND,
        "signer": "Trần Thị Thu Hà",
        "signer_position": VICE_CHAIR,
        "signing_authority": "KT.",
        "issue_date": "2025-10-07",
        "effective_date": "2025-10-07",
        "expiry_date": None,
        "sectors": ["Văn hóa, thể thao và du lịch"],
        "is_legal_normative": False,
        "confidentiality": "normal",
        "urgency": "normal",
        "based_on": [],
        "amends": [],
        "replaces": [],
        "repeals": ["quyet-dinh-148-qd-ubnd-2024"],
        "corrects": [],
        "guides": [],
        "published": True,
        "body": (
            "Bãi bỏ toàn bộ Quyết định số 148/QĐ-UBND ngày 14/5/2024 do không còn phù "
            "hợp với tổ chức thôn sau sắp xếp đơn vị hành chính. Việc quản lý, sử dụng "
            "nhà văn hóa thôn thực hiện theo hướng dẫn của Sở Văn hóa, Thể thao và Du "
            "lịch thành phố cho đến khi có quy định mới."
        ),
    },
    {
        "id": "ke-hoach-176-kh-ubnd-2025",
        "title": "Kế hoạch triển khai công tác bầu cử đại biểu Quốc hội khóa XVI và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026-2031 trên địa bàn xã Nghi Dương",
        "description": "Tiến độ, nhiệm vụ chuẩn bị và tổ chức cuộc bầu cử ngày 15/3/2026 trên địa bàn xã.",
        "document_number": "176/KH-UBND",
        "document_type": "ke-hoach",
        "issuing_body": UBND,
        "signer": "Nguyễn Văn An",
        "signer_position": CHAIR,
        "signing_authority": "TM.",
        "issue_date": "2025-11-06",
        "effective_date": "2025-11-06",
        "expiry_date": None,
        "sectors": ["Nội vụ"],
        "is_legal_normative": False,
        "confidentiality": "normal",
        "urgency": "normal",
        "based_on": [],
        "amends": [],
        "replaces": [],
        "repeals": [],
        "corrects": [],
        "guides": [],
        "published": True,
        "body": (
            "Triển khai các công việc chuẩn bị và tổ chức cuộc bầu cử đại biểu Quốc hội "
            "khóa XVI và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026-2031; ngày "
            "bầu cử là Chủ nhật, ngày 15/3/2026. Kế hoạch xác định tiến độ thành lập Ủy "
            "ban bầu cử xã, các Ban bầu cử, Tổ bầu cử, lập và niêm yết danh sách cử "
            "tri, công tác tuyên truyền và bảo đảm an ninh, trật tự."
        ),
    },
    {
        "id": "to-trinh-216-ttr-ubnd-2025",
        "title": "Tờ trình về dự toán thu ngân sách nhà nước trên địa bàn, chi ngân sách xã và phân bổ dự toán ngân sách xã năm 2026",
        "description": "Ủy ban nhân dân xã trình Hội đồng nhân dân xã dự toán ngân sách năm 2026.",
        "document_number": "216/TTr-UBND",
        "document_type": "to-trinh",
        "issuing_body": UBND,
        "signer": "Nguyễn Văn An",
        "signer_position": CHAIR,
        "signing_authority": "TM.",
        "issue_date": "2025-12-08",
        "effective_date": None,
        "expiry_date": None,
        "sectors": ["Tài chính, ngân sách"],
        "is_legal_normative": False,
        "confidentiality": "normal",
        "urgency": "normal",
        "based_on": [],
        "amends": [],
        "replaces": [],
        "repeals": [],
        "corrects": [],
        "guides": [],
        "published": True,
        "body": (
            "Ủy ban nhân dân xã trình Hội đồng nhân dân xã xem xét, quyết định dự toán "
            "thu ngân sách nhà nước trên địa bàn, chi ngân sách xã và phương án phân bổ "
            "dự toán ngân sách xã năm 2026. Dự toán được xây dựng trên cơ sở số giao "
            "của Ủy ban nhân dân thành phố, bảo đảm chi thường xuyên và bố trí vốn cho "
            "các công trình chuyển tiếp."
        ),
    },
    {
        "id": "nghi-quyet-32-nq-hdnd-2025",
        "title": "Nghị quyết về dự toán thu ngân sách nhà nước trên địa bàn, chi ngân sách xã và phân bổ dự toán ngân sách xã năm 2026",
        "description": "Hội đồng nhân dân xã quyết định dự toán và phương án phân bổ ngân sách xã năm 2026.",
        "document_number": "32/NQ-HĐND",
        "document_type": "nghi-quyet",
        "issuing_body": HDND,
        "signer": "Hoàng Văn Khải",
        "signer_position": COUNCIL_CHAIR,
        "signing_authority": "TM.",
        "issue_date": "2025-12-19",
        "effective_date": "2026-01-01",
        "expiry_date": None,
        "sectors": ["Tài chính, ngân sách"],
        "is_legal_normative": False,
        "confidentiality": "normal",
        "urgency": "normal",
        "based_on": ["to-trinh-216-ttr-ubnd-2025"],
        "amends": [],
        "replaces": [],
        "repeals": [],
        "corrects": [],
        "guides": [],
        "published": True,
        "body": (
            "Quyết định tổng thu ngân sách xã năm 2026 là 96.820 triệu đồng và tổng chi "
            "ngân sách xã là 96.820 triệu đồng, phân bổ theo Tờ trình của Ủy ban nhân "
            "dân xã. Giao Ủy ban nhân dân xã tổ chức thực hiện; Thường trực Hội đồng "
            "nhân dân, các Ban và đại biểu Hội đồng nhân dân xã giám sát việc thực hiện."
        ),
    },
    {
        "id": "nghi-quyet-01-2025-nq-hdnd",
        "title": "Nghị quyết quy định mức hỗ trợ kinh phí thu gom, vận chuyển và xử lý rác thải sinh hoạt trên địa bàn xã Nghi Dương",
        "description": "Mức hỗ trợ mới từ năm 2026, thay thế Nghị quyết số 01/2024/NQ-HĐND.",
        "document_number": "01/2025/NQ-HĐND",
        "document_type": "nghi-quyet",
        "issuing_body": HDND,
        "signer": "Hoàng Văn Khải",
        "signer_position": COUNCIL_CHAIR,
        "signing_authority": "TM.",
        "issue_date": "2025-12-19",
        "effective_date": "2026-01-01",
        "expiry_date": None,
        "sectors": ["Môi trường", "Tài chính, ngân sách"],
        "is_legal_normative": True,
        "confidentiality": "normal",
        "urgency": "normal",
        "based_on": [],
        "amends": [],
        "replaces": ["nghi-quyet-01-2024-nq-hdnd"],
        "repeals": [],
        "corrects": [],
        "guides": [],
        "published": True,
        "body": (
            "Quy định mức hỗ trợ từ ngân sách xã cho hoạt động thu gom, vận chuyển và "
            "xử lý rác thải sinh hoạt là 20.000 đồng/hộ/tháng, áp dụng trên toàn địa "
            "bàn xã sau sắp xếp. Nghị quyết có hiệu lực từ ngày 01/01/2026 và thay thế "
            "Nghị quyết số 01/2024/NQ-HĐND ngày 12/7/2024."
        ),
    },
    # 2026
    {
        "id": "chuong-trinh-02-ctr-ubnd-2026",
        "title": "Chương trình công tác năm 2026 của Ủy ban nhân dân xã Nghi Dương",
        "description": "Các nhiệm vụ trọng tâm và lịch trình công tác của Ủy ban nhân dân xã trong năm 2026.",
        "document_number": "02/CTr-UBND",
        "document_type": "chuong-trinh",
        "issuing_body": UBND,
        "signer": "Nguyễn Văn An",
        "signer_position": CHAIR,
        "signing_authority": "TM.",
        "issue_date": "2026-01-05",
        "effective_date": "2026-01-05",
        "expiry_date": None,
        "sectors": ["Nội vụ", "Kinh tế, kế hoạch và đầu tư"],
        "is_legal_normative": False,
        "confidentiality": "normal",
        "urgency": "normal",
        "based_on": [],
        "amends": [],
        "replaces": [],
        "repeals": [],
        "corrects": [],
        "guides": [],
        "published": True,
        "body": (
            "Chương trình xác định các nhiệm vụ trọng tâm năm 2026: tổ chức thành công "
            "cuộc bầu cử ngày 15/3/2026, thực hiện dự toán ngân sách, đẩy mạnh chuyển "
            "đổi số và cải cách hành chính. Mỗi nhiệm vụ có cơ quan chủ trì, lãnh đạo "
            "phụ trách và thời hạn trình theo từng quý."
        ),
    },
    {
        "id": "thong-bao-03-tb-ubnd-2026",
        "title": "Thông báo lịch tiếp công dân định kỳ của Chủ tịch Ủy ban nhân dân xã Nghi Dương năm 2026",
        "description": "Ngày, giờ và địa điểm tiếp công dân định kỳ của lãnh đạo Ủy ban nhân dân xã.",
        "document_number": "03/TB-UBND",
        "document_type": "thong-bao",
        "issuing_body": UBND,
        "signer": "Bùi Thị Lan",
        "signer_position": OFFICE_HEAD,
        "signing_authority": "TL.",
        "issue_date": "2026-01-06",
        "effective_date": "2026-01-06",
        "expiry_date": None,
        "sectors": ["Tiếp công dân, khiếu nại, tố cáo"],
        "is_legal_normative": False,
        "confidentiality": "normal",
        "urgency": "normal",
        "based_on": ["quyet-dinh-109-qd-ubnd-2025"],
        "amends": [],
        "replaces": [],
        "repeals": [],
        "corrects": [],
        "guides": [],
        "published": True,
        "body": (
            "Chủ tịch Ủy ban nhân dân xã tiếp công dân định kỳ vào ngày 10 và ngày 25 "
            "hằng tháng tại Trụ sở tiếp công dân xã; nếu trùng ngày nghỉ thì tiếp vào "
            "ngày làm việc kế tiếp. Các Phó Chủ tịch tiếp công dân theo lĩnh vực được "
            "phân công vào sáng thứ Năm hằng tuần."
        ),
    },
    {
        "id": "chi-thi-05-ct-ubnd-2026",
        "title": "Chỉ thị về tăng cường bảo đảm an ninh, trật tự, an toàn giao thông và phòng cháy, chữa cháy dịp Tết Nguyên đán Bính Ngọ năm 2026",
        "description": "Các biện pháp bảo đảm an ninh, trật tự trước, trong và sau Tết Nguyên đán Bính Ngọ.",
        "document_number": "05/CT-UBND",
        "document_type": "chi-thi",
        "issuing_body": UBND,
        "signer": "Nguyễn Văn An",
        "signer_position": CHAIR,
        "signing_authority": "TM.",
        "issue_date": "2026-01-08",
        "effective_date": "2026-01-08",
        "expiry_date": None,
        "sectors": ["An ninh, trật tự", "Giao thông vận tải"],
        "is_legal_normative": False,
        "confidentiality": "normal",
        "urgency": "normal",
        "based_on": [],
        "amends": [],
        "replaces": [],
        "repeals": [],
        "corrects": [],
        "guides": [],
        "published": True,
        "body": (
            "Yêu cầu Công an xã tăng cường tuần tra, kiểm soát, phòng ngừa tội phạm và "
            "tệ nạn xã hội, xử lý nghiêm việc sử dụng, tàng trữ pháo nổ. Các thôn tuyên "
            "truyền nhân dân không điều khiển phương tiện sau khi uống rượu, bia và "
            "kiểm tra an toàn phòng cháy, chữa cháy tại chợ, cơ sở kinh doanh."
        ),
    },
    {
        "id": "huong-dan-11-hd-ubnd-2026",
        "title": "Hướng dẫn thực hiện Nghị quyết số 01/2025/NQ-HĐND ngày 19/12/2025 của Hội đồng nhân dân xã quy định mức hỗ trợ kinh phí thu gom, vận chuyển và xử lý rác thải sinh hoạt",
        "description": "Hồ sơ, trình tự đề nghị hỗ trợ và thanh toán kinh phí thu gom rác thải cho các thôn.",
        "document_number": "11/HD-UBND",
        "document_type": "huong-dan",
        "issuing_body": UBND,
        "signer": "Phạm Đức Thắng",
        "signer_position": VICE_CHAIR,
        "signing_authority": "KT.",
        "issue_date": "2026-01-13",
        "effective_date": "2026-01-13",
        "expiry_date": None,
        "sectors": ["Môi trường"],
        "is_legal_normative": False,
        "confidentiality": "normal",
        "urgency": "normal",
        "based_on": [],
        "amends": [],
        "replaces": [],
        "repeals": [],
        "corrects": [],
        "guides": ["nghi-quyet-01-2025-nq-hdnd"],
        "published": True,
        "body": (
            "Hướng dẫn các thôn lập danh sách hộ gia đình được hỗ trợ, ký hợp đồng với "
            "đơn vị thu gom và đề nghị thanh toán kinh phí hằng quý. Phòng Kinh tế xã "
            "thẩm định hồ sơ trong 05 ngày làm việc và trình Ủy ban nhân dân xã phê "
            "duyệt."
        ),
    },
    {
        "id": "ke-hoach-15-kh-ubnd-2026",
        "title": "Kế hoạch chuyển đổi số xã Nghi Dương năm 2026",
        "description": "Mục tiêu, nhiệm vụ chuyển đổi số của xã trong năm 2026.",
        "document_number": "15/KH-UBND",
        "document_type": "ke-hoach",
        "issuing_body": UBND,
        "signer": "Nguyễn Văn An",
        "signer_position": CHAIR,
        "signing_authority": "TM.",
        "issue_date": "2026-01-15",
        "effective_date": "2026-01-15",
        "expiry_date": None,
        "sectors": ["Chuyển đổi số"],
        "is_legal_normative": False,
        "confidentiality": "normal",
        "urgency": "normal",
        "based_on": ["quyet-dinh-52-qd-ubnd-2025"],
        "amends": [],
        "replaces": [],
        "repeals": [],
        "corrects": [],
        "guides": [],
        "published": True,
        "body": (
            "Phấn đấu 100% hồ sơ công việc của Ủy ban nhân dân xã được xử lý trên môi "
            "trường mạng, trừ hồ sơ mật, và trên 80% hồ sơ thủ tục hành chính được nộp "
            "trực tuyến. Duy trì hoạt động của các Tổ công nghệ số cộng đồng ở từng "
            "thôn và nâng cấp Cổng thông tin điện tử xã."
        ),
    },
    {
        "id": "ke-hoach-74-kh-ubnd-2026",
        "title": "Kế hoạch thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới trên địa bàn xã Nghi Dương năm 2026",
        "description": "Các tiêu chí nông thôn mới nâng cao xã phấn đấu đạt trong năm 2026.",
        "document_number": "74/KH-UBND",
        "document_type": "ke-hoach",
        "issuing_body": UBND,
        "signer": "Phạm Đức Thắng",
        "signer_position": VICE_CHAIR,
        "signing_authority": "KT.",
        "issue_date": "2026-03-10",
        "effective_date": "2026-03-10",
        "expiry_date": None,
        "sectors": ["Nông nghiệp", "Kinh tế, kế hoạch và đầu tư"],
        "is_legal_normative": False,
        "confidentiality": "normal",
        "urgency": "normal",
        "based_on": [],
        "amends": [],
        "replaces": [],
        "repeals": [],
        "corrects": [],
        "guides": [],
        "published": True,
        "body": (
            "Tập trung hoàn thiện các tiêu chí giao thông, môi trường và thu nhập để "
            "xã đạt chuẩn nông thôn mới nâng cao. Huy động nhân dân hiến đất, góp công "
            "làm đường trục thôn và xây dựng mỗi thôn ít nhất 01 tuyến đường hoa, cây "
            "xanh."
        ),
    },
    {
        "id": "cong-van-103-ubnd-vp-2026",
        "title": "V/v triển khai tiêm chủng mở rộng và tiêm vắc xin phòng bệnh sởi năm 2026",
        "description": "Rà soát trẻ em trong độ tuổi và tổ chức tiêm vắc xin sởi tại Trạm Y tế xã.",
        "document_number": "103/UBND-VP",
        "document_type": "cong-van",
        "issuing_body": UBND,
        "signer": "Trần Thị Thu Hà",
        "signer_position": VICE_CHAIR,
        "signing_authority": "KT.",
        "issue_date": "2026-04-07",
        "effective_date": "2026-04-07",
        "expiry_date": None,
        "sectors": ["Y tế"],
        "is_legal_normative": False,
        "confidentiality": "normal",
        "urgency": "urgent",
        "based_on": [],
        "amends": [],
        "replaces": [],
        "repeals": [],
        "corrects": [],
        "guides": [],
        "published": True,
        "body": (
            "Giao Trạm Y tế xã phối hợp với các thôn rà soát danh sách trẻ em từ 1 đến "
            "5 tuổi chưa tiêm đủ mũi vắc xin sởi và tổ chức tiêm bù trước ngày "
            "30/4/2026. Các trường mầm non, tiểu học phối hợp vận động phụ huynh đưa "
            "trẻ đi tiêm đúng lịch."
        ),
    },
    {
        "id": "quyet-dinh-112-qd-ubnd-2026",
        "title": "Quyết định sửa đổi, bổ sung một số điều của Quy chế làm việc của Ủy ban nhân dân xã Nghi Dương ban hành kèm theo Quyết định số 05/QĐ-UBND ngày 02/7/2025",
        "description": "Cập nhật phân công nhiệm vụ của lãnh đạo Ủy ban nhân dân xã nhiệm kỳ 2026-2031.",
        "document_number": "112/QĐ-UBND",
        "document_type": "quyet-dinh",
        "issuing_body": UBND,
        "signer": "Nguyễn Văn An",
        "signer_position": CHAIR,
        "signing_authority": "TM.",
        "issue_date": "2026-04-14",
        "effective_date": "2026-04-14",
        "expiry_date": None,
        "sectors": ["Nội vụ"],
        "is_legal_normative": False,
        "confidentiality": "normal",
        "urgency": "normal",
        "based_on": [],
        "amends": ["quyet-dinh-05-qd-ubnd-2025"],
        "replaces": [],
        "repeals": [],
        "corrects": [],
        "guides": [],
        "published": True,
        "body": (
            "Sửa đổi, bổ sung các điều về phân công nhiệm vụ của Chủ tịch, các Phó Chủ "
            "tịch và chế độ họp của Ủy ban nhân dân xã nhiệm kỳ 2026-2031, sau khi Hội "
            "đồng nhân dân xã bầu các chức danh tại Kỳ họp thứ nhất. Các điều khác của "
            "Quy chế ban hành kèm theo Quyết định số 05/QĐ-UBND giữ nguyên hiệu lực."
        ),
    },
    {
        "id": "nghi-quyet-01-2026-nq-hdnd",
        "title": "Nghị quyết quy định chính sách hỗ trợ phát triển sản xuất nông nghiệp trên địa bàn xã Nghi Dương giai đoạn 2026-2030",
        "description": "Hỗ trợ giống, cơ giới hóa và liên kết tiêu thụ nông sản giai đoạn 2026-2030.",
        "document_number": "01/2026/NQ-HĐND",
        "document_type": "nghi-quyet",
        "issuing_body": HDND,
        "signer": "Hoàng Văn Khải",
        "signer_position": COUNCIL_CHAIR,
        "signing_authority": "TM.",
        "issue_date": "2026-07-10",
        "effective_date": "2026-07-20",
        "expiry_date": "2030-12-31",
        "sectors": ["Nông nghiệp", "Tài chính, ngân sách"],
        "is_legal_normative": True,
        "confidentiality": "normal",
        "urgency": "normal",
        "based_on": [],
        "amends": [],
        "replaces": [],
        "repeals": [],
        "corrects": [],
        "guides": [],
        "published": True,
        "body": (
            "Hỗ trợ 50% chi phí mua giống lúa chất lượng cao khi sản xuất tập trung từ "
            "10 ha trở lên và 30% chi phí mua máy cấy, máy gặt đập liên hợp cho hợp tác "
            "xã. Nghị quyết có hiệu lực từ ngày 20/7/2026 đến hết ngày 31/12/2030."
        ),
    },
    {
        "id": "nghi-quyet-18-nq-hdnd-2026",
        "title": "Nghị quyết về việc điều chỉnh, bổ sung dự toán ngân sách xã năm 2026",
        "description": "Bổ sung dự toán chi đầu tư và chi sự nghiệp môi trường năm 2026.",
        "document_number": "18/NQ-HĐND",
        "document_type": "nghi-quyet",
        "issuing_body": HDND,
        "signer": "Hoàng Văn Khải",
        "signer_position": COUNCIL_CHAIR,
        "signing_authority": "TM.",
        "issue_date": "2026-07-10",
        "effective_date": "2026-07-10",
        "expiry_date": None,
        "sectors": ["Tài chính, ngân sách"],
        "is_legal_normative": False,
        "confidentiality": "normal",
        "urgency": "normal",
        "based_on": [],
        "amends": ["nghi-quyet-32-nq-hdnd-2025"],
        "replaces": [],
        "repeals": [],
        "corrects": [],
        "guides": [],
        "published": True,
        "body": (
            "Bổ sung dự toán chi ngân sách xã năm 2026 là 4.350 triệu đồng từ nguồn "
            "tăng thu tiền sử dụng đất, để chi đầu tư đường trục thôn và sự nghiệp môi "
            "trường. Các nội dung khác của Nghị quyết số 32/NQ-HĐND ngày 19/12/2025 "
            "giữ nguyên."
        ),
    },
    {
        "id": "quyet-dinh-347-qd-ubnd-2026",
        "title": "Quyết định ban hành Quy chế quản lý, vận hành Cổng thông tin điện tử xã Nghi Dương",
        "description": "Trách nhiệm cung cấp, biên tập, phê duyệt và đăng tải thông tin trên Cổng thông tin điện tử xã.",
        "document_number": "347/QĐ-UBND",
        "document_type": "quyet-dinh",
        "issuing_body": UBND,
        "signer": "Nguyễn Văn An",
        "signer_position": CHAIR,
        "signing_authority": "TM.",
        "issue_date": "2026-11-17",
        "effective_date": "2026-12-01",
        "expiry_date": None,
        "sectors": ["Chuyển đổi số"],
        "is_legal_normative": False,
        "confidentiality": "normal",
        "urgency": "normal",
        "based_on": ["ke-hoach-15-kh-ubnd-2026"],
        "amends": [],
        "replaces": [],
        "repeals": [],
        "corrects": [],
        "guides": [],
        "published": True,
        "body": (
            "Ban hành Quy chế quản lý, vận hành Cổng thông tin điện tử xã Nghi Dương, "
            "quy định trách nhiệm cung cấp thông tin của các bộ phận, quy trình biên "
            "tập, phê duyệt của Ban biên tập và lãnh đạo Ủy ban nhân dân xã. Quyết định "
            "có hiệu lực từ ngày 01/12/2026."
        ),
    },
    {
        "id": "nghi-quyet-02-2026-nq-hdnd",
        "title": "Nghị quyết quy định một số chế độ, định mức chi bảo đảm hoạt động của Hội đồng nhân dân xã Nghi Dương",
        "description": "Định mức chi cho kỳ họp, giám sát, tiếp xúc cử tri và hoạt động của đại biểu.",
        "document_number": "02/2026/NQ-HĐND",
        "document_type": "nghi-quyet",
        "issuing_body": HDND,
        "signer": "Hoàng Văn Khải",
        "signer_position": COUNCIL_CHAIR,
        "signing_authority": "TM.",
        "issue_date": "2026-11-19",
        "effective_date": "2026-12-01",
        "expiry_date": None,
        "sectors": ["Tài chính, ngân sách", "Nội vụ"],
        "is_legal_normative": True,
        "confidentiality": "normal",
        "urgency": "normal",
        "based_on": [],
        "amends": [],
        "replaces": [],
        "repeals": [],
        "corrects": [],
        "guides": [],
        "published": True,
        "body": (
            "Quy định mức chi phục vụ kỳ họp, hoạt động giám sát, tiếp xúc cử tri, "
            "tiếp công dân của đại biểu Hội đồng nhân dân xã và chi hỗ trợ đại biểu "
            "sử dụng tài liệu điện tử. Nghị quyết có hiệu lực từ ngày 01/12/2026."
        ),
    },
    {
        "id": "nghi-quyet-27-nq-hdnd-2026",
        "title": "Nghị quyết về dự toán thu ngân sách nhà nước trên địa bàn, chi ngân sách xã và phân bổ dự toán ngân sách xã năm 2027",
        "description": "Hội đồng nhân dân xã quyết định dự toán và phương án phân bổ ngân sách xã năm 2027.",
        "document_number": "27/NQ-HĐND",
        "document_type": "nghi-quyet",
        "issuing_body": HDND,
        "signer": "Nguyễn Thị Mai",
        "signer_position": COUNCIL_VICE_CHAIR,
        "signing_authority": "KT.",
        "issue_date": "2026-11-19",
        "effective_date": "2027-01-01",
        "expiry_date": None,
        "sectors": ["Tài chính, ngân sách"],
        "is_legal_normative": False,
        "confidentiality": "normal",
        "urgency": "normal",
        "based_on": [],
        "amends": [],
        "replaces": [],
        "repeals": [],
        "corrects": [],
        "guides": [],
        "published": True,
        "body": (
            "Quyết định tổng thu ngân sách xã năm 2027 là 102.500 triệu đồng và tổng "
            "chi ngân sách xã là 102.500 triệu đồng. Giao Ủy ban nhân dân xã giao dự "
            "toán cho các đơn vị trước ngày 31/12/2026 và tổ chức thực hiện từ ngày "
            "01/01/2027."
        ),
    },
    # Drafts: issued, not yet approved for the portal.
    {
        "id": "cong-van-356-ubnd-vp-2026",
        "title": "V/v rà soát, cấp Giấy chứng nhận quyền sử dụng đất lần đầu cho hộ gia đình, cá nhân năm 2026",
        "description": "Các thôn rà soát thửa đất chưa được cấp Giấy chứng nhận và hướng dẫn người dân lập hồ sơ.",
        "document_number": "356/UBND-VP",
        "document_type": "cong-van",
        "issuing_body": UBND,
        "signer": "Phạm Đức Thắng",
        "signer_position": VICE_CHAIR,
        "signing_authority": "KT.",
        "issue_date": "2026-11-20",
        "effective_date": None,
        "expiry_date": None,
        "sectors": ["Đất đai"],
        "is_legal_normative": False,
        "confidentiality": "normal",
        "urgency": "normal",
        "based_on": [],
        "amends": [],
        "replaces": [],
        "repeals": [],
        "corrects": [],
        "guides": [],
        "published": False,
        "body": (
            "Đề nghị Trưởng các thôn phối hợp với công chức địa chính rà soát các thửa "
            "đất ở, đất nông nghiệp chưa được cấp Giấy chứng nhận quyền sử dụng đất, "
            "lập danh sách gửi Ủy ban nhân dân xã trước ngày 15/12/2026. Phòng Kinh tế "
            "xã hướng dẫn người dân lập hồ sơ đề nghị cấp Giấy chứng nhận lần đầu."
        ),
    },
    {
        "id": "bao-cao-357-bc-ubnd-2026",
        "title": "Báo cáo kết quả công tác tiếp công dân, giải quyết khiếu nại, tố cáo năm 2026",
        "description": "Số lượt tiếp công dân, đơn thư đã tiếp nhận và kết quả giải quyết trong năm 2026.",
        "document_number": "357/BC-UBND",
        "document_type": "bao-cao",
        "issuing_body": UBND,
        "signer": "Nguyễn Văn An",
        "signer_position": CHAIR,
        "signing_authority": "TM.",
        "issue_date": "2026-11-20",
        "effective_date": None,
        "expiry_date": None,
        "sectors": ["Tiếp công dân, khiếu nại, tố cáo"],
        "is_legal_normative": False,
        "confidentiality": "normal",
        "urgency": "normal",
        "based_on": ["quyet-dinh-109-qd-ubnd-2025"],
        "amends": [],
        "replaces": [],
        "repeals": [],
        "corrects": [],
        "guides": [],
        "published": False,
        "body": (
            "Trong năm 2026, lãnh đạo Ủy ban nhân dân xã đã tiếp 146 lượt công dân, "
            "tiếp nhận 58 đơn, chủ yếu về tranh chấp đất đai; đã giải quyết 54 đơn, đạt "
            "93,1%. Ủy ban nhân dân xã tiếp tục đối thoại, hòa giải ở cơ sở để giải "
            "quyết dứt điểm các vụ việc còn lại."
        ),
    },
)


def minimal_pdf(lines):
    """Return the bytes of a valid one-page PDF (A4, Helvetica) showing ``lines``.

    The standard Type1 fonts have no Vietnamese letters: pass ASCII, for
    example ``commune_portal.text.fold`` of the text. Anything else is
    reduced to ASCII here (tone marks dropped, case kept). Long lines are
    wrapped; what does not fit on the page is left out.
    """
    shown = []
    for line in lines:
        decomposed = unicodedata.normalize("NFD", str(line).replace("đ", "d"))
        ascii_line = "".join(
            c for c in decomposed.replace("Đ", "D") if not unicodedata.combining(c)
        ).encode("ascii", "replace")
        for part in textwrap.wrap(ascii_line.decode("ascii"), 90) or [""]:
            escaped = part.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            shown.append(f"({escaped}) Tj T*")
    stream = "\n".join(["BT /F1 11 Tf 14 TL 56 786 Td", *shown[:52], "ET"])
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
        "/Encoding /WinAnsiEncoding >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += f"{number} 0 obj\n{body}\nendobj\n".encode("ascii")
    xref = len(pdf)
    # Each xref entry is exactly 20 bytes, ending in space + newline.
    entries = "".join(f"{offset:010d} 00000 n \n" for offset in offsets)
    pdf += (
        f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n{entries}"
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode("ascii")
    return bytes(pdf)
