"""The actions that change plans, one per module.

Each action checks permission, changes state and leaves history (who, when,
before, after: django-simple-history). Views, the admin, the API and the
command line all call these, so the rules hold everywhere. ``user=None``
means the system itself acting from the command line (import, demo loader),
which the operator of the machine is trusted to run.
"""
