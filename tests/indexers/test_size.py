"""``getObjSize`` of official documents and procedures (``indexers/size.py``):
Plone's value, without reading the fields that cannot hold a sized value."""

from commune_portal.behaviors.official_document import IOfficialDocument
from commune_portal.indexers import size
from plone.namedfile.file import NamedBlobFile
from Products.CMFCore.indexing import processQueue
from Products.CMFPlone.CatalogTool import getObjSize as plone_size
from tests.procedure_helpers import make_procedure
from tests.procedure_helpers import procedures_section


def _brain(portal, obj):
    processQueue()
    (brain,) = portal.portal_catalog.unrestrictedSearchResults(UID=obj.UID())
    return brain


def _plone(obj):
    return plone_size(obj)()


class TestOfficialDocument:
    def test_without_file(self, portal, doc):
        assert size.document_size(doc)() == _plone(doc) == "0 KB"
        assert _brain(portal, doc).getObjSize == "0 KB"

    def test_with_file(self, portal, doc):
        IOfficialDocument(doc).file = NamedBlobFile(
            data=b"%PDF-1.4 " + b"x" * 5000,
            contentType="application/pdf",
            filename="kh-05.pdf",
        )
        doc.reindexObject()
        assert size.document_size(doc)() == _plone(doc) == "4.9 KB"
        assert _brain(portal, doc).getObjSize == "4.9 KB"


class TestProcedure:
    def test_plone_value(self, portal):
        procedure = make_procedure(
            procedures_section(portal),
            "dang-ky-khai-sinh",
            title="Thủ tục đăng ký khai sinh",
            procedure_code="1.001193",
            steps="Bước 1: Người yêu cầu nộp hồ sơ tại Bộ phận một cửa.",
            result="Giấy khai sinh (bản chính).",
        )
        assert size.procedure_size(procedure)() == _plone(procedure) == "0 KB"
        assert _brain(portal, procedure).getObjSize == "0 KB"
