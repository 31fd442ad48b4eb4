"""Batching links in plone.restapi's shape, for a result sliced by the
catalog itself (plone.restapi's HypermediaBatch wants the whole result)."""

from urllib.parse import urlencode


def batching_links(base_url, form, b_start, b_size, total):
    """``{"@id", "first", "last", "prev", "next"}``, or ``None`` when the
    whole result fits in one batch (as plone.restapi does)."""
    if total <= b_size:
        return None
    params = [(k, v) for k, v in sorted(form.items()) if k not in ("b_start", "b_size")]

    def url(start):
        query = params + [("b_start", start), ("b_size", b_size)]
        return f"{base_url}?{urlencode(query, doseq=True)}"

    last = ((total - 1) // b_size) * b_size
    links = {"@id": url(b_start), "first": url(0), "last": url(last)}
    if b_start > 0:
        links["prev"] = url(max(b_start - b_size, 0))
    if b_start + b_size < total:
        links["next"] = url(b_start + b_size)
    return links
