"""actionplan: turn a government action plan into something an office can run."""

__version__ = "0.1.0"
