"""Article text out of an HTML page: drop the page furniture, keep paragraphs as paragraphs."""
from __future__ import annotations

import json
import re
from collections.abc import Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode

# Never article text. Page headers/footers go too; an <article>'s own <header> (headline,
# dateline) is kept, see _drop_page_headers.
_DROP = ["script", "style", "noscript", "nav", "footer", "aside", "form", "template",
         "svg", "iframe", "object", "embed", "canvas", "button", "select", "textarea", "dialog"]
_HIDDEN = '[hidden], [aria-hidden="true"], [style*="display:none"], [style*="display: none"]'
_BLOCKS = frozenset("""p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd tr table thead tbody tfoot caption
    section article main blockquote pre figure figcaption address hr br center details summary
    fieldset legend body html menu header footer hgroup""".split())
_CELLS = frozenset({"td", "th"})
_WS = re.compile(r"\s+")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_DATE_META = ("article:published_time", "datepublished", "og:published_time", "date", "pubdate",
              "publishdate", "publish-date", "publish_date", "dc.date", "dc.date.issued", "dcterms.date",
              "dcterms.issued", "dcterms.created", "citation_publication_date", "citation_date",
              "sailthru.date", "parsely-pub-date")


# The parser's time grows with the square of the nesting depth (100,000 nested divs: a minute).
# Pages with many tags are flattened below MAX_DEPTH first; real pages nest a few dozen deep.
MAX_DEPTH = 512
_FLATTEN_OVER_TAGS = 5000
_TAG = re.compile(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>|<(/?)([A-Za-z][\w:-]*)\b[^<>]*>", re.DOTALL | re.IGNORECASE)
# void elements, and elements whose end tag may be left out, do not count towards depth
_FLAT_SKIP = frozenset("""area base br col embed hr img input link meta param source track wbr p li dt dd tr td th
    thead tbody tfoot option optgroup rb rt rp rtc colgroup caption html head body""".split())


def flatten_deep(markup: str, max_depth: int = MAX_DEPTH) -> str:
    """Markup with the tags nested deeper than max_depth removed (their text kept)."""
    if markup.count("<") < _FLATTEN_OVER_TAGS:
        return markup
    out: list[str] = []
    last, depth = 0, 0
    dropped: dict[str, int] = {}
    for m in _TAG.finditer(markup):
        name = m.group(3)
        if name is None:
            continue
        name = name.lower()
        if name in _FLAT_SKIP or m.group(0).endswith("/>"):
            continue
        if m.group(2):      # an end tag
            if dropped.get(name):
                dropped[name] -= 1
                out.append(markup[last:m.start()])
                last = m.end()
            elif depth:
                depth -= 1
        elif depth >= max_depth:
            dropped[name] = dropped.get(name, 0) + 1
            out.append(markup[last:m.start()])
            last = m.end()
        else:
            depth += 1
    if not out:
        return markup
    out.append(markup[last:])
    return "".join(out)


def extract_html(markup: str) -> tuple[str, str | None, str | None]:
    """Return (article text, title, published_hint) for an HTML document."""
    tree = LexborHTMLParser(flatten_deep(markup))
    title = _title(tree)
    hint = _published(tree)
    tree.strip_tags(_DROP)
    _remove([n for n in tree.css("header") if not _has_ancestor(n, ("article", "main"))])
    _remove(tree.css(_HIDDEN))
    root = _content_root(tree)
    text = "\n\n".join(_blocks(root)) if root is not None else ""
    return text, title, hint


def _has_ancestor(node: LexborNode, tags: tuple[str, ...]) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.parent
    return False


def _remove(nodes: list[LexborNode]) -> None:
    """Decompose the outermost of nodes only: a node inside a removed one is already gone."""
    ids = {n.mem_id for n in nodes}
    for node in nodes:
        parent, nested = node.parent, False
        while parent is not None and not nested:
            nested = parent.mem_id in ids
            parent = parent.parent
        if not nested:
            node.decompose()


def _clean(s: str | None) -> str:
    return _WS.sub(" ", _ZERO_WIDTH.sub("", s or "")).strip()


def _title(tree: LexborHTMLParser) -> str | None:
    for css in ('meta[property="og:title"]', 'meta[name="og:title"]'):
        node = tree.css_first(css)
        if node is not None and _clean(node.attributes.get("content")):
            return _clean(node.attributes.get("content"))
    for css in ("title", "h1"):
        node = tree.css_first(css)
        if node is not None and _clean(node.text()):
            return _clean(node.text())
    return None


def _published(tree: LexborHTMLParser) -> str | None:
    metas: dict[str, str] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        content = (attrs.get("content") or "").strip()
        for key in ("property", "name", "itemprop"):
            label = (attrs.get(key) or "").strip().lower()
            if label and content:
                metas.setdefault(label, content)
    if "article:published_time" in metas:
        return metas["article:published_time"]
    found = _json_ld_date(tree)
    if found:
        return found
    for label in _DATE_META:
        if label in metas:
            return metas[label]
    for css in ("time[pubdate][datetime]", 'time[itemprop="datePublished"][datetime]',
                "article time[datetime]", "time[datetime]"):
        node = tree.css_first(css)
        if node is not None and (node.attributes.get("datetime") or "").strip():
            return (node.attributes.get("datetime") or "").strip()
    return None


def _json_ld_date(tree: LexborHTMLParser) -> str | None:
    for node in tree.css('script[type="application/ld+json"]'):
        raw = node.text() or ""
        try:
            found = _find_key(json.loads(raw), "datePublished")
        except (ValueError, RecursionError):
            # Broken JSON is common in the wild; the field itself is usually still readable.
            m = re.search(r'"datePublished"\s*:\s*"([^"]+)"', raw)
            found = m.group(1) if m else None
        if found:
            return found.strip()
    return None


def _find_key(data: object, key: str) -> str | None:
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, dict):
            value = item.get(key)
            if isinstance(value, str) and value.strip():
                return value
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None


def _text_len(node: LexborNode) -> int:
    return len(_clean(node.text(deep=True, separator=" ")))


def _content_root(tree: LexborHTMLParser) -> LexborNode | None:
    body = tree.body or tree.root
    if body is None:
        return None
    total = _text_len(body)
    if total == 0:
        return body
    # An <article>/<main> holding a fair share of the page is the story; a tiny one is a teaser card.
    candidates = tree.css('article, main, [role="main"]')
    if candidates:
        best = max(candidates, key=_text_len)
        if _text_len(best) >= 0.3 * total:
            return best
    # Otherwise the container with the most paragraph text, widened while that adds little.
    scores: dict[int, int] = {}
    parents: dict[int, LexborNode] = {}
    for p in tree.css("p"):
        parent = p.parent
        if parent is not None:
            scores[parent.mem_id] = scores.get(parent.mem_id, 0) + len(_clean(p.text()))
            parents[parent.mem_id] = parent
    if not scores:
        return body
    best_id = max(scores, key=lambda k: scores[k])
    if scores[best_id] < 0.5 * sum(scores.values()):
        return body
    node = parents[best_id]
    size = _text_len(node)
    while node.parent is not None and node.parent.tag not in ("html", "body"):
        wider = _text_len(node.parent)
        if wider > 1.25 * size:
            break
        node, size = node.parent, wider
    return node


def _blocks(root: LexborNode) -> Iterator[str]:
    """Walk the tree (iteratively: malformed pages nest deeply), yielding one string per block."""
    parts: list[str] = []
    pre_depth = 0
    stack: list[tuple[LexborNode, bool]] = [(root, True)]
    while stack:
        node, entering = stack.pop()
        tag = node.tag or ""
        if tag == "-text":
            text = node.text_content or ""
            if pre_depth:
                lines = text.split("\n")
                for line in lines[:-1]:
                    parts.append(line)
                    yield from _flush(parts)
                parts.append(lines[-1])
            else:
                parts.append(text)
            continue
        if tag.startswith("-"):  # comments, doctype
            continue
        if tag in _BLOCKS:
            yield from _flush(parts)
        elif tag in _CELLS:
            parts.append(" ")
        if not entering:
            if tag == "pre":
                pre_depth -= 1
            continue
        if tag == "pre":
            pre_depth += 1
        stack.append((node, False))
        children = []
        child = node.first_child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((c, True) for c in reversed(children))
    yield from _flush(parts)


def _flush(parts: list[str]) -> Iterator[str]:
    if parts:
        text = _clean("".join(parts))
        parts.clear()
        if text:
            yield text
