"""Reading input files (plain text, HTML, PDF) into text with known offsets."""
from .files import DEFAULT_MAX_BYTES, iter_paths, read_path
from .source import ReadError, Source

__all__ = ["DEFAULT_MAX_BYTES", "ReadError", "Source", "iter_paths", "read_path"]
