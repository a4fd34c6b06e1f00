"""The reporting pages as a person uses them: a figure typed with magnitude
words is read back for confirmation; a second save of the same report shows
what changed and keeps what was typed; evidence of the wrong type is refused."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from tests.progress.responses import close_quietly

from actionplan.plans.models import Indicator, Observation, Task, Unit
from actionplan.progress.models import Evidence, Period, Report
from actionplan.progress.services.reports import open_report


def signed_in(client: Client, user: User) -> Client:
    client.force_login(user)
    client.cookies["django_language"] = "en"
    return client


def test_magnitude_words_are_shown_back_before_saving(
    client: Client, bob: User, passengers: Indicator
) -> None:
    signed_in(client, bob)
    url = reverse("progress:figure_new", args=[passengers.pk])
    typed = {
        "value": "7339万",
        "period_start": "2019-01-01",
        "period_end": "2019-12-31",
        "qualifier": "exact",
        "source_quality": "official",
    }
    response = client.post(url, typed)
    assert response.status_code == 200
    assert "reads as 73,390,000" in response.content.decode()
    assert not Observation.objects.filter(unit__isnull=False).exists()
    assert 'name="confirmed" value="on"' in response.content.decode()

    response = client.post(url, {**typed, "confirmed": "on"})
    assert response.status_code == 302
    saved = Observation.objects.get(unit__isnull=False)
    assert (saved.value, saved.state) == (73_390_000, "submitted")


def test_a_second_save_shows_the_change_and_keeps_the_typing(
    client: Client, bob: User, port_authority: Unit, task18: Task, q1_2019: Period
) -> None:
    report = open_report(bob, q1_2019, port_authority, task18)
    signed_in(client, bob)
    url = reverse("progress:report_edit", args=[report.pk])
    first = {"status": "in_progress", "percent_complete": "40", "done": "甲写的", "version": "1"}
    second = {"status": "in_progress", "percent_complete": "55", "done": "乙写的", "version": "1"}
    assert client.post(url, first).status_code == 302

    response = client.post(url, second)
    page = response.content.decode()
    assert response.status_code == 409
    assert "nothing was overwritten" in page
    assert "甲写的" in page  # what the other saved, in the table of changes
    assert "乙写的" in page  # what this person typed, kept in the form
    assert Report.objects.get(pk=report.pk).done == "甲写的"

    # Saving again from the conflict page (it carries the new version) goes through.
    assert f'name="version" value="{report.version + 1}"' in page
    response = client.post(url, {**second, "version": str(report.version + 1)})
    assert response.status_code == 302
    assert Report.objects.get(pk=report.pk).done == "乙写的"


def test_evidence_of_the_wrong_type_is_refused_and_kept_out_of_the_web_root(
    client: Client,
    bob: User,
    port_authority: Unit,
    task18: Task,
    q1_2019: Period,
    settings: object,
    tmp_path: Path,
) -> None:
    settings.EVIDENCE_ROOT = tmp_path  # type: ignore[attr-defined]
    report = open_report(bob, q1_2019, port_authority, task18)
    signed_in(client, bob)
    url = reverse("progress:evidence_upload", args=[report.pk])
    fake = SimpleUploadedFile("minutes.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    page = client.post(url, {"file": fake}, follow=True).content.decode()
    assert "is not really a .pdf file" in page
    script = SimpleUploadedFile("run.exe", b"MZ", "application/octet-stream")
    page = client.post(url, {"file": script}, follow=True).content.decode()
    assert "is not an accepted type" in page
    assert not Evidence.objects.exists()

    good = SimpleUploadedFile("minutes.pdf", b"%PDF-1.4 minutes", "application/pdf")
    client.post(url, {"file": good})
    evidence = Evidence.objects.get()
    assert Path(evidence.file.path).is_relative_to(tmp_path)
    response = client.get(reverse("progress:evidence_download", args=[evidence.pk]))
    assert b"".join(response.streaming_content) == b"%PDF-1.4 minutes"  # type: ignore[attr-defined]
    close_quietly(response)
    client.logout()
    response = client.get(reverse("progress:evidence_download", args=[evidence.pk]))
    assert response.status_code == 302  # anonymous: sign in first
