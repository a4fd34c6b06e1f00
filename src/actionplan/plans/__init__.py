"""Plans: the plan, its outline, units and responsibilities, indicators,
milestones and observations; the import of a plan document."""
