"""The progress pages. Thin: each view checks access, calls a service or a
query, and renders a template."""
