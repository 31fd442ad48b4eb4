"""Upgrade 1003 -> 1004, materials to the delegates first: the control
panel switch ``notify_delegates`` ("E-mail the delegates when materials
are circulated", on by default). Only this record is added; the other
settings keep their values. Idempotent."""

from commune_portal.controlpanels.settings import ICommuneSettings
from commune_portal.controlpanels.settings import REGISTRY_PREFIX
from plone.registry.interfaces import IPersistentField
from plone.registry.interfaces import IRegistry
from plone.registry.record import Record
from zope.component import getUtility
import logging


logger = logging.getLogger("commune_portal")

FIELDS = ("notify_delegates",)


def add_delegate_mail_setting(context):
    """Add the switch with its default, unless the site has it."""
    registry = getUtility(IRegistry)
    for name in FIELDS:
        record_name = f"{REGISTRY_PREFIX}.{name}"
        if record_name in registry.records:
            logger.info("Council e-mail: %s kept", record_name)
            continue
        # As plone.registry's registerInterface makes it, for this field only.
        persistent = IPersistentField(ICommuneSettings[name])
        persistent.interfaceName = ICommuneSettings.__identifier__
        persistent.fieldName = name
        registry.records[record_name] = Record(persistent, persistent.default)
        logger.info("Council e-mail: %s added", record_name)
