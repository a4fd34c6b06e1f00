"""Who may open the progress pages: signed-in users with a role (the same
gate as the plans pages). What each may change is checked by the services."""

from actionplan.plans.views.access import plans_reader as progress_reader

__all__ = ["progress_reader"]
