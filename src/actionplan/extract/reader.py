"""Reading a plan document: bytes, .txt or .docx in, text out.

Text files are decoded strictly, in this order, and never guessed:

1. a byte-order mark decides (UTF-8, UTF-16 LE/BE);
2. valid UTF-8 is UTF-8;
3. otherwise GB18030 (which contains GBK and GB2312), accepted only when it
   decodes without error *and* the result reads as Chinese: at least 90 % of
   its non-ASCII characters are common Chinese characters or punctuation
   (in GB2312). Latin-1 or Shift-JIS bytes decode as GB18030 too, but into
   rare characters; those are refused rather than read wrong.

Refused with ``UnreadableDocument`` and a one-line reason: an empty file,
PDF (``%PDF``), legacy Office files (.doc/.xls), zip files that are not
.docx (.xlsx, .pptx, .odt…), RTF, binary data (NUL bytes or many control
characters), text in another encoding, and anything over
``MAX_DOCUMENT_BYTES`` (32 MiB: far above any real plan).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Final

from actionplan.extract.errors import UnreadableDocument

MAX_DOCUMENT_BYTES: Final = 32 * 1024 * 1024

_BOMS: Final = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_SNIFF: Final = 64 * 1024
_CONTROL: Final = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D}


def read_document(source: str | Path | bytes, name: str | None = None) -> str:
    """The text of a plan document.

    ``source`` is a path or the file's bytes; ``name`` (for bytes) is used
    only to tell .docx from text. Raises ``UnreadableDocument``.
    """
    if isinstance(source, bytes):
        data, label = source, name or "input"
    else:
        path = Path(source)
        label = str(path)
        try:
            size = path.stat().st_size
        except OSError as error:
            raise UnreadableDocument(f"cannot open the file ({error.strerror})") from error
        if not path.is_file():
            raise UnreadableDocument("not a regular file")
        _check_size(size)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise UnreadableDocument(f"cannot read the file ({error.strerror})") from error
    _check_size(len(data))
    if not data:
        raise UnreadableDocument("the file is empty")
    if data.startswith(b"PK\x03\x04") or label.lower().endswith(".docx"):
        return _read_docx(data)
    return decode_text(data)


def _check_size(size: int) -> None:
    if size > MAX_DOCUMENT_BYTES:
        raise UnreadableDocument(
            f"the file is {size / 1024 / 1024:.1f} MiB; the limit is "
            f"{MAX_DOCUMENT_BYTES // 1024 // 1024} MiB (a plan document is far smaller)"
        )


def decode_text(data: bytes) -> str:
    """Decode the bytes of a text document, strictly (see the module doc)."""
    _refuse_known_binary(data)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as error:
                raise UnreadableDocument(
                    f"the file starts with a {encoding} byte-order mark but is not valid "
                    f"{encoding} (byte {error.start + len(bom)})"
                ) from error
            return _checked_text(text)
    if b"\x00" in data[:_SNIFF]:
        raise UnreadableDocument("binary data, not text (it contains NUL bytes)")
    try:
        return _checked_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as error:
        raise UnreadableDocument(
            f"not text in UTF-8 or GB18030 (undecodable byte at offset {error.start}); "
            "save it as UTF-8 text or .docx"
        ) from error
    if not _reads_as_chinese(text):
        raise UnreadableDocument(
            "the encoding is not UTF-8, and reading it as GB18030 gives no Chinese text; "
            "save it as UTF-8 text or .docx"
        )
    return _checked_text(text)


def _refuse_known_binary(data: bytes) -> None:
    head = data[:8].lstrip(b"\xef\xbb\xbf")
    if head.startswith(b"%PDF"):
        raise UnreadableDocument("a PDF file, not text: save it as .txt or .docx")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnreadableDocument("a legacy Office file (.doc/.xls/.ppt): save it as .docx")
    if head.startswith(b"{\\rtf"):
        raise UnreadableDocument("an RTF file: save it as .txt or .docx")
    if head.startswith(b"PK\x03\x04"):
        raise UnreadableDocument("a zip archive, not text")


def _checked_text(text: str) -> str:
    sample = text[:_SNIFF]
    controls = sum(1 for char in sample if ord(char) in _CONTROL)
    if controls > max(8, len(sample) // 100):
        raise UnreadableDocument("binary data, not text (it contains control characters)")
    if not text.strip():
        raise UnreadableDocument("the file has no text (only white space)")
    return text


def _reads_as_chinese(text: str) -> bool:
    """Whether GB18030-decoded text is plausibly Chinese, not mis-decoded bytes."""
    distinct = {char for char in text if ord(char) > 0x7F}
    if not distinct:
        return True
    common = 0
    for char in distinct:
        try:
            char.encode("gb2312")
        except UnicodeEncodeError:
            continue
        common += 1
    # Weighted by distinct characters: mis-decoded bytes scatter over rare ones.
    return common >= 0.9 * len(distinct)


def _read_docx(data: bytes) -> str:
    """The paragraphs and table rows of a .docx, in document order; table
    cells are joined with tabs, one row per line."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except zipfile.BadZipFile as error:
        raise UnreadableDocument("a damaged .docx (not a valid zip archive)") from error
    if "word/document.xml" not in names:
        kind = (
            "a spreadsheet (.xlsx)"
            if "xl/workbook.xml" in names
            else "a presentation (.pptx)"
            if "ppt/presentation.xml" in names
            else "an OpenDocument file"
            if "content.xml" in names
            else "a zip archive"
        )
        raise UnreadableDocument(f"{kind}, not a .docx or text document")
    try:
        import docx  # python-docx; imported here so text-only use does not pay for it
        from docx.document import Document as DocumentObject
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as error:  # pragma: no cover - python-docx is a dependency
        raise UnreadableDocument("reading .docx needs the python-docx package") from error
    try:
        document: DocumentObject = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds on bad files
        raise UnreadableDocument(f"a damaged .docx ({type(error).__name__})") from error
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell is listed once per column
                        continue
                    seen.add(id(cell._tc))
                    cells.append(" ".join(cell.text.split()))
                lines.append("\t".join(cells))
    text = "\n".join(lines)
    if not text.strip():
        raise UnreadableDocument("the .docx has no text")
    return text
