"""What became of the events the plan names as milestones."""

from __future__ import annotations

import datetime
from collections import defaultdict

from actionplan.plans.models import Milestone, MilestoneOutcome, Plan
from actionplan.plans.seeding.data import read_csv
from actionplan.plans.seeding.errors import SeedDataError
from actionplan.plans.services.milestones import update_milestone

EVENTS_FILE = "guangzhou_milestones.csv"
LINKS_FILE = "guangzhou_milestone_events.csv"

OUTCOMES = {
    "yes": MilestoneOutcome.HELD,
    "postponed": MilestoneOutcome.POSTPONED,
    "online": MilestoneOutcome.ONLINE,
    "no": MilestoneOutcome.CANCELLED,
    "": "",
}


def _date(text: str) -> datetime.date | None:
    return datetime.date.fromisoformat(text) if text else None


def _find(plan: Plan, year: int, title: str) -> Milestone:
    for milestone in Milestone.objects.current().filter(plan=plan, year=year):
        if title in milestone.title or milestone.title in title:
            return milestone
    raise SeedDataError(f"{LINKS_FILE}: the seed extraction has no milestone {year} {title}")


def _describe(event: dict[str, str]) -> str:
    lines = [f"{event['event_zh']} / {event['event_en']}"]
    if event["place"]:
        lines.append(f"Place: {event['place']}")
    if event["attendance"]:
        lines.append(f"Attendance: {event['attendance']}")
    if event["note"]:
        lines.append(event["note"])
    return "\n".join(lines)


def load_milestones(plan: Plan) -> int:
    """Record the outcome, dates and evidence of each linked milestone; the
    context rows (such as the online part of a postponed congress) go into
    its evidence note. Returns how many milestones changed."""
    events = {row["event_en"]: row for row in read_csv(EVENTS_FILE)}
    links: dict[int, list[tuple[dict[str, str], str]]] = defaultdict(list)
    milestones: dict[int, Milestone] = {}
    for link in read_csv(LINKS_FILE):
        event = events.get(link["event_en"])
        if event is None:
            raise SeedDataError(f"{LINKS_FILE}: {EVENTS_FILE} has no event {link['event_en']}")
        milestone = _find(plan, int(link["milestone_year"]), link["milestone_title"])
        milestones[milestone.pk] = milestone
        links[milestone.pk].append((event, link["use"]))

    changed = 0
    for pk, linked in links.items():
        milestone = milestones[pk]
        outcome = next((event for event, use in linked if use == "outcome"), None)
        if outcome is None:
            continue
        held = outcome["held"]
        start = _date(outcome["start_date"])
        notes = [_describe(event) for event, _use in linked]
        before = milestone.history.count()
        update_milestone(
            None,
            milestone,
            # Held, even late or online, counts as done; a postponement
            # without dates does not.
            done=held in ("yes", "online") or (held == "postponed" and start is not None),
            outcome=OUTCOMES[held],
            held_from=start,
            held_until=_date(outcome["end_date"]) or start,
            evidence_title=outcome["source_title"],
            evidence_url=outcome["source_url"],
            evidence_note="\n\n".join(notes),
        )
        if milestone.history.count() != before:
            changed += 1
    return changed
