"""Upgrade steps of commune_portal:default.

Each profile version that needs existing sites changed gets a function
here and a ``genericsetup:upgradeStep`` (or ``upgradeDepends``) in
``configure.zcml``. Steps must be idempotent, use targeted catalog queries
and log their progress.
"""
