"""Demo users with known passwords, for ``actionplan demo`` only."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model

from actionplan.plans.models import Role, Unit
from actionplan.plans.services.roles import grant_role


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    display_name: str
    role: Role
    unit: str = ""  # the Chinese name of the unit a reporter reports for


DEMO_USERS = (
    DemoUser("coordinator", "coordinator-demo", "领导小组办公室(演示)", Role.COORDINATOR),
    DemoUser("leader", "leader-demo", "领导(演示)", Role.LEADER),
    DemoUser("port", "port-demo", "市港务局填报员(演示)", Role.REPORTER, "市港务局"),
    DemoUser(
        "airport", "airport-demo", "空港委填报员(演示)", Role.REPORTER, "广州空港经济区管委会"
    ),
)


def create_demo_users() -> list[DemoUser]:
    """Create the demo users and their roles; reset a changed demo password
    so that the printed logins work. Idempotent."""
    model = get_user_model()
    for demo in DEMO_USERS:
        user = model.objects.filter(username=demo.username).first()
        if user is None:
            # Reserved documentation addresses: reminders in the demo print to
            # the console and reach no one.
            user = model(
                username=demo.username,
                first_name=demo.display_name,
                email=f"{demo.username}@example.org",
            )
            user.set_password(demo.password)
            user.save()
        elif not user.check_password(demo.password):
            user.set_password(demo.password)
            user.save(update_fields=["password"])
        unit = Unit.objects.get(name_zh=demo.unit) if demo.unit else None
        grant_role(None, user, demo.role, unit)
    return list(DEMO_USERS)
