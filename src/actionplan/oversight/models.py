"""The oversight app's models."""

from actionplan.oversight.escalation_models import EscalationKind, EscalationNote  # noqa: F401
