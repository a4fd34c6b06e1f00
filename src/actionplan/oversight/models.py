"""The oversight app's models."""

from actionplan.oversight.assessment_models import (  # noqa: F401
    Assessment,
    AssessmentScore,
    ScoringScheme,
)
from actionplan.oversight.escalation_models import EscalationKind, EscalationNote  # noqa: F401
from actionplan.oversight.status_models import (  # noqa: F401
    IndicatorStatus,
    RollupScope,
    StatusChange,
    StatusRollup,
)
