"""kankei: an evidence-grounded knowledge base of Japan–North Korea relations."""
__version__ = "0.1.0"
