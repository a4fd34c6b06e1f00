"""Progress reporting: periods, unit reports, reported figures, review by the
coordinator office, reminders."""
