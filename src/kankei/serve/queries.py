"""Queries of the explorer: pages of events, counts per period, the actor network, search, documents as spans.

Everything here reads the base through one sqlite3 connection and returns plain dicts whose field
names follow the extraction records (`start`, `end`, `text`, `type`, `date`, `participants` with
`role` and `entity`, `value`, `unit`, `qualifier`). Bad input raises BadRequest (a 400 for the
API), unknown ids NotFound (a 404).

The summary tables of schema 6 make counts cheap on large bases; refresh_summaries() recomputes
them when stamp() says the base changed since they were made.

This module gathers the queries in one namespace; they live by concern in
    common       BadRequest, event types and quad classes, parameters (period, check_type, resolve_actor)
    summaries    the summary tables: stamp, summaries_fresh, refresh_summaries
    events       pages of events, one event
    timeline     events counted per period (buckets, extent)
    entities     entity lists, one entity, the network
    documents    document lists, one document as spans
    search       full-text search with facets
"""
from __future__ import annotations

from kankei.serve.common import (
    BadRequest,
    NotFound,
    check_alias,
    check_type,
    describe_judged,
    event_types,
    fts_query,
    merged_into,
    period,
    quad_classes,
    resolve_actor,
    search_error,
)
from kankei.serve.documents import document_detail, document_list
from kankei.serve.entities import entity_detail, entity_list, network
from kankei.serve.events import (
    DRIVER_LIMIT,
    EVENT_COLUMNS,
    SPAN_CLASS,
    SPAN_DAYS,
    SPAN_NAMES,
    TEXT_DENSE,
    decode_cursor,
    encode_cursor,
    event_detail,
    event_page,
    events_json,
    participants,
)
from kankei.serve.search import FACET_DOCUMENTS, HIT_CLOSE, HIT_OPEN, plain_query, search
from kankei.serve.summaries import (
    ACTOR_MONTHS,
    KEY_DAY,
    SUMMARY_TABLES,
    TRACE,
    refresh_summaries,
    stamp,
    summaries_fresh,
)
from kankei.serve.timeline import MAX_BUCKETS, UNITS, auto_unit, bucket_bounds, buckets, extent

__all__ = [
    "ACTOR_MONTHS", "DRIVER_LIMIT", "EVENT_COLUMNS", "FACET_DOCUMENTS", "HIT_CLOSE", "HIT_OPEN", "KEY_DAY",
    "MAX_BUCKETS", "SPAN_CLASS", "SPAN_DAYS", "SPAN_NAMES", "SUMMARY_TABLES", "TEXT_DENSE", "TRACE", "UNITS",
    "BadRequest", "NotFound", "auto_unit", "check_alias", "describe_judged", "fts_query", "merged_into", "bucket_bounds", "buckets", "check_type", "decode_cursor",
    "document_detail", "document_list", "encode_cursor", "entity_detail", "entity_list", "event_detail",
    "event_page", "event_types", "events_json", "extent", "network", "participants", "period", "plain_query",
    "quad_classes", "refresh_summaries", "resolve_actor", "search", "search_error", "stamp", "summaries_fresh",
]
