"""The embedded default: the Guangzhou plan with its real figures, and the
demo users. ``load_default()`` and ``create_demo_users()`` may run any
number of times: a second run changes nothing."""

from actionplan.plans.seeding.guangzhou import PLAN_CODE, LoadReport, load_default
from actionplan.plans.seeding.users import DEMO_USERS, DemoUser, create_demo_users

__all__ = [
    "DEMO_USERS",
    "PLAN_CODE",
    "DemoUser",
    "LoadReport",
    "create_demo_users",
    "load_default",
]
