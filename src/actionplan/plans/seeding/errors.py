class SeedDataError(Exception):
    """The embedded data and the plan read from the seed text disagree (a
    mapping names an indicator, task or milestone the extraction lacks)."""
