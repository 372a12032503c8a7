"""Text segmentation with offsets: sentences, and the endnotes apparatus."""
from .notes import Marker, Note, note_markers, notes, notes_section
from .segment import sentences

__all__ = ["Marker", "Note", "note_markers", "notes", "notes_section", "sentences"]
