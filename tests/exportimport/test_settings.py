"""The add-on's settings in ``commune_portal.json``
(``commune_portal.exportimport.settings``): applied when this site has the
record and the control panel's rules accept the value."""

from commune_portal.exportimport.report import ImportReport
from commune_portal.exportimport.settings import apply_registry
from commune_portal.exportimport.settings import registry_records
from plone import api


def test_records_round_trip(portal):
    api.portal.set_registry_record("commune_portal.commune_name", "Xã Nghi Dương")
    api.portal.set_registry_record("commune_portal.sectors", ["Hộ tịch", "Thủy lợi"])
    exported = registry_records()
    assert all(name.startswith("commune_portal.") for name in exported)
    api.portal.set_registry_record("commune_portal.commune_name", "")
    api.portal.set_registry_record("commune_portal.sectors", [])
    report = ImportReport()
    apply_registry(exported, report)
    assert api.portal.get_registry_record("commune_portal.commune_name") == (
        "Xã Nghi Dương"
    )
    assert api.portal.get_registry_record("commune_portal.sectors") == [
        "Hộ tịch",
        "Thủy lợi",
    ]
    assert report.settings["commune_portal.sectors"] == "applied"


def test_value_the_control_panel_refuses(portal):
    """The registry checks the type only; the control panel's rules hold
    on import too: the site keeps its own value and the report says so."""
    report = ImportReport()
    apply_registry(
        {
            "commune_portal.current_term": "2031-2026",
            "commune_portal.issuing_bodies": ["Ủy ban nhân dân", "Uỷ ban nhân dân"],
            "commune_portal.max_upload_size": 0,
        },
        report,
    )
    assert api.portal.get_registry_record("commune_portal.current_term") == (
        "2026-2031"
    )
    assert "Uỷ ban nhân dân" not in api.portal.get_registry_record(
        "commune_portal.issuing_bodies"
    )
    assert api.portal.get_registry_record("commune_portal.max_upload_size") == 10
    assert set(report.settings.values()) == {"invalid"}
    lines = report.settings_lines(0)
    assert any("commune_portal.current_term" in line for line in lines)


def test_record_this_site_lacks(portal):
    report = ImportReport()
    apply_registry({"commune_portal.a_later_setting": True}, report)
    assert report.settings == {"commune_portal.a_later_setting": "unknown"}
    assert any(
        "commune_portal.a_later_setting" in line for line in report.settings_lines(0)
    )
