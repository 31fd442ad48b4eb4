"""scripts/cluster/hai-phong.csv as scripts/province.py reads it: the 114
commune-level units of Nghị quyết 1669/NQ-UBTVQH15, with ids the script
can use as site ids (docs/deployment.md, "Many communes")."""

from collections import Counter
from pathlib import Path
from scripts.province import issuing_bodies
from scripts.province import read_rows
import re


CSV = Path(__file__).parent.parent / "scripts" / "cluster" / "hai-phong.csv"
KINDS = {"phuong": "Phường ", "xa": "Xã ", "dac-khu": "Đặc khu "}


def test_the_units_of_the_resolution():
    rows = read_rows(CSV)
    # Article 1, clause 115: 114 units, 67 communes, 45 wards, 2 special zones.
    assert len(rows) == 114
    assert Counter(row["kind"] for row in rows) == {
        "phuong": 45,
        "xa": 67,
        "dac-khu": 2,
    }
    for row in rows:
        assert row["name"].startswith(KINDS[row["kind"]]), row
        assert row["province"] == "Thành phố Hải Phòng", row
        # The portal's title names the unit with its kind in lower case.
        assert row["title"] == (
            f"Cổng thông tin điện tử {row['name'][0].lower()}{row['name'][1:]}"
        ), row
        assert "Hội đồng nhân dân" in issuing_bodies(row), row
        assert "Ủy ban nhân dân" in issuing_bodies(row), row
    names = [row["name"] for row in rows]
    assert len(set(names)) == len(names)
    # Clause 64 names the commune Vĩnh Am (the city's plan of April 2025
    # said Vĩnh An); the two names differing only by a tone mark both exist.
    assert "Xã Vĩnh Am" in names and "Xã Vĩnh An" not in names
    assert {"Xã Cẩm Giang", "Xã Cẩm Giàng"} <= set(names)


def test_ids_are_site_ids():
    rows = read_rows(CSV)
    ids = [row["id"] for row in rows]
    assert len(set(ids)) == len(ids)
    for row in rows:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)+", row["id"]), row
        assert row["id"].startswith(row["kind"] + "-"), row
    # --sites beyond the file's rows adds <id>-2, <id>-3 …: no row may
    # already hold such an id, or a copy would update it instead.
    copies = read_rows(CSV, sites=2 * len(rows) + 1)
    assert len({row["id"] for row in copies}) == 2 * len(rows) + 1
    assert copies[len(rows)]["id"] == f"{ids[0]}-2"
    assert copies[-1]["id"] == f"{ids[0]}-3"
