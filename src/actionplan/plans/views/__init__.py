"""The plans pages. Thin: each view checks access, asks ``queries`` (reads)
or a service (changes) and renders a template."""

from actionplan.plans.views.indicators import indicator_detail, observation_mark_preferred
from actionplan.plans.views.plans import home, plan_detail
from actionplan.plans.views.tasks import task_detail
from actionplan.plans.views.units import unit_detail, unit_list

__all__ = [
    "home",
    "indicator_detail",
    "observation_mark_preferred",
    "plan_detail",
    "task_detail",
    "unit_detail",
    "unit_list",
]
