"""The plans models, one small module per concept, re-exported here."""

from actionplan.plans.models.base import PlanContent, PlanContentQuerySet
from actionplan.plans.models.indicators import (
    Comparator,
    Direction,
    Indicator,
    IndicatorKind,
    IndicatorOrigin,
    TrajectoryStart,
)
from actionplan.plans.models.milestones import Milestone, MilestoneOutcome
from actionplan.plans.models.observations import (
    Observation,
    ObservationQuerySet,
    PeriodGroup,
    PeriodKind,
    Qualifier,
    ReviewState,
    SourceQuality,
    group_periods,
    period_kind,
)
from actionplan.plans.models.outline import Measure, Section, SectionKind, Task
from actionplan.plans.models.plan import Plan, PlanVersion
from actionplan.plans.models.roles import Membership, Role
from actionplan.plans.models.units import Responsibility, ResponsibilityRole, Unit

__all__ = [
    "Comparator",
    "Direction",
    "Indicator",
    "IndicatorKind",
    "IndicatorOrigin",
    "Measure",
    "Membership",
    "Milestone",
    "MilestoneOutcome",
    "Observation",
    "ObservationQuerySet",
    "PeriodGroup",
    "PeriodKind",
    "Plan",
    "PlanContent",
    "PlanContentQuerySet",
    "PlanVersion",
    "Qualifier",
    "Responsibility",
    "ResponsibilityRole",
    "ReviewState",
    "Role",
    "Section",
    "SectionKind",
    "SourceQuality",
    "Task",
    "TrajectoryStart",
    "Unit",
    "group_periods",
    "period_kind",
]
