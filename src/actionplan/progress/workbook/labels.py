"""The words of the drop-down cells, in the interface language on the way
out and in any language the site speaks (or as stored codes) on the way in."""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from actionplan.plans.breakdown.values import normalise
from actionplan.plans.models import Qualifier, ReviewState
from actionplan.progress.models import WorkStatus


def status_labels() -> list[str]:
    return [str(label) for label in WorkStatus.labels]


def qualifier_labels() -> list[str]:
    return [str(label) for label in Qualifier.labels]


def status_label(code: str) -> str:
    return str(WorkStatus(code).label) if code in WorkStatus.values else code


def qualifier_label(code: str) -> str:
    return str(Qualifier(code).label) if code in Qualifier.values else code


def state_label(code: str) -> str:
    return str(ReviewState(code).label) if code in ReviewState.values else code


def _key(text: str) -> str:
    return normalise(text).casefold().replace(" ", "")


def _readings(choices: type[WorkStatus] | type[Qualifier]) -> dict[str, str]:
    readings: dict[str, str] = {}
    for code in choices.values:
        readings[_key(code)] = code
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for code, label in zip(choices.values, choices.labels, strict=True):
                readings.setdefault(_key(str(label)), code)
    return readings


def read_status(text: str) -> str:
    """The status code; ``ValueError`` with a message for an unknown label."""
    code = _readings(WorkStatus).get(_key(text))
    if code is None:
        raise ValueError(
            _("Status: “%(text)s” is not one of the listed statuses (%(labels)s).")
            % {"text": text, "labels": " / ".join(status_labels())}
        )
    return code


def read_qualifier(text: str) -> str:
    if not text.strip():
        return str(Qualifier.EXACT)
    code = _readings(Qualifier).get(_key(text))
    if code is None:
        raise ValueError(
            _("Qualifier: “%(text)s” is not one of %(labels)s.")
            % {"text": text, "labels": " / ".join(qualifier_labels())}
        )
    return code
