"""Evidence files attached to a report: checked for size and type, stored
outside the web root (``EVIDENCE_ROOT``)."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from actionplan.plans.services.history import save_with_history
from actionplan.progress import permissions
from actionplan.progress.models import Evidence, Report

# The first bytes of each accepted type: the extension alone proves nothing.
_SIGNATURES = {
    ".pdf": (b"%PDF",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
}


def add_evidence(user: Any | None, report: Report, upload: UploadedFile[bytes]) -> Evidence:
    if user is not None and not permissions.can_edit_report(user, report):
        raise PermissionDenied
    if not report.is_editable:
        raise ValidationError(
            _("This report is %(state)s; evidence can no longer be added.")
            % {"state": report.get_state_display()}
        )
    name = get_valid_filename(PurePath(upload.name or "evidence").name)
    suffix = PurePath(name).suffix.lower()
    types: dict[str, str] = settings.EVIDENCE_TYPES
    if suffix not in types:
        raise ValidationError(
            {
                "file": [
                    _("File: %(name)s is not an accepted type (%(types)s).")
                    % {"name": name, "types": ", ".join(sorted(types))}
                ]
            }
        )
    limit: int = settings.EVIDENCE_MAX_BYTES
    if upload.size is None or upload.size > limit:
        raise ValidationError(
            {
                "file": [
                    _("File: %(name)s is larger than %(limit)d MB.")
                    % {"name": name, "limit": limit // (1024 * 1024)}
                ]
            }
        )
    head = upload.read(16)
    upload.seek(0)
    if not head.startswith(_SIGNATURES[suffix]):
        raise ValidationError(
            {
                "file": [
                    _("File: %(name)s is not really a %(type)s file.")
                    % {"name": name, "type": suffix}
                ]
            }
        )
    evidence = Evidence(
        report=report,
        name=name,
        content_type=types[suffix],
        size=upload.size,
        uploaded_by=user if getattr(user, "is_authenticated", False) else None,
    )
    evidence.file.save(name, upload, save=False)
    save_with_history(evidence, user, "uploaded")
    return evidence
