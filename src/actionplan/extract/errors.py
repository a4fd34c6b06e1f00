"""The extractor's errors.

ExtractError                 anything the extractor refuses, with a one-line message
└── UnreadableDocument       the file is not a text or .docx plan
                             (binary, PDF, bad encoding, too large)
"""


class ExtractError(Exception):
    """Base of every error the extractor raises on purpose."""


class UnreadableDocument(ExtractError):
    """The input cannot be read as a plan document; the message says why."""
