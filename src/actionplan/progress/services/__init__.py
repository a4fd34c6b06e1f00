"""The actions of progress reporting, one module per concern. Each checks
permission (``progress.permissions``), changes state and leaves history."""
