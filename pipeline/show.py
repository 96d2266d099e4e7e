"""Looking at what was extracted: the article with entities highlighted, in a terminal or as HTML.

The HTML pages are single self-contained files (inline CSS and SVG, no script
or font from the network), declared UTF-8, with a CJK font stack, readable on
a phone-width screen.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Iterable

from pipeline.records import Document, Entity, Failure, Relation

COLORS = {"ORG": "#1f77b4", "PERSON": "#d62728", "LOC": "#2ca02c", "AMOUNT": "#9467bd", "DATE": "#ff7f0e"}
RICH_STYLES = {
    "ORG": "bold blue",
    "PERSON": "bold red",
    "LOC": "bold green",
    "AMOUNT": "bold magenta",
    "DATE": "bold yellow",
}
FONT_STACK = (
    '"Noto Sans CJK SC", "Noto Sans CJK TC", "Source Han Sans", "PingFang SC", "Microsoft YaHei", '
    '"Hiragino Sans GB", "WenQuanYi Micro Hei", sans-serif'
)


def value_text(e: Entity) -> str:
    """The normalized value in a few words (7500000 元 CNY more_than; 2024-12 month)."""
    n = e.normalized
    if n is None:
        return ""
    if e.type == "AMOUNT":
        parts = [n.value_text, n.unit or "", n.currency or "", n.qualifier or "", f"({n.kind})"]
    else:
        parts = [n.value or "null", f"→ {n.end}" if n.end else "", n.granularity, n.note or ""]
    return " ".join(p for p in parts if p)


def position_text(doc: Document, r: Relation) -> str:
    """A position in a few words: 局長 @ 自治區民政廳社會組織管理局, or 記者 with no organization."""
    return r.title if r.organization is None else f"{r.title} @ {doc.entities[r.organization].text}"


def positions_by_person(doc: Document) -> dict[int, list[str]]:
    """Each person's positions (entity index -> 'title @ organization'), in the order of the relations."""
    found: dict[int, list[str]] = {}
    for r in doc.relations:
        found.setdefault(r.person, []).append(position_text(doc, r))
    return found


def bracketed(doc: Document) -> str:
    """Plain markup for pipes and files: [ORG 自治區民政廳]."""
    out, pos = [], 0
    for e in doc.entities:
        out.append(doc.text[pos : e.start])
        out.append(f"[{e.type} {e.text}]")
        pos = e.end
    out.append(doc.text[pos:])
    return "".join(out)


def print_terminal(doc: Document, console: object) -> None:
    from rich.table import Table
    from rich.text import Text

    legend = Text()
    for label, style in RICH_STYLES.items():
        legend.append(f" {label} ", style=f"reverse {style}")
        legend.append(" ")
    console.print(legend)
    body = Text()
    pos = 0
    for e in doc.entities:
        body.append(doc.text[pos : e.start])
        body.append(e.text, style=f"underline {RICH_STYLES[e.type]}")
        pos = e.end
    body.append(doc.text[pos:])
    console.print(body)
    values = Table(title="Amounts and dates", show_lines=False)
    for column in ("type", "text", "value", "extractor"):
        values.add_column(column)
    for e in doc.entities:
        if e.type in ("AMOUNT", "DATE"):
            values.add_row(e.type, e.text, value_text(e), e.extractor)
    console.print(values)
    if doc.relations:
        positions = Table(title="Positions", show_lines=False)
        for column in ("person", "position", "rule", "evidence"):
            positions.add_column(column)
        for r in doc.relations:
            evidence = doc.text[r.evidence[0] : r.evidence[1]]
            positions.add_row(doc.entities[r.person].text, position_text(doc, r), r.rule or "", evidence)
        console.print(positions)
    meta = Table(title="Metadata", show_header=False)
    for key, value in doc.meta.model_dump(exclude={"regions"}).items():
        if value not in (None, [], ""):
            meta.add_row(key, _as_text(value))
    console.print(meta)


_CSS = f"""
*{{box-sizing:border-box}} body{{margin:0;font-family:{FONT_STACK};line-height:1.8;color:#222;background:#fafafa}}
main{{max-width:60rem;margin:auto;padding:1rem}} h1{{font-size:1.4rem}} table{{border-collapse:collapse;width:100%}}
td,th{{border-bottom:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top;font-size:.9rem}}
.article{{white-space:pre-wrap;background:#fff;padding:1rem;border-radius:.5rem;box-shadow:0 1px 3px #0002}}
mark.ent{{background:none;border-bottom:3px solid;padding:0 .05em;position:relative;cursor:help}}
mark.ent .tip{{display:none;position:absolute;left:0;top:1.6em;z-index:2;background:#333;color:#fff;
 font-size:.8rem;line-height:1.4;padding:.4rem .6rem;border-radius:.3rem;white-space:nowrap}}
mark.ent:hover .tip,mark.ent:focus .tip{{display:block}}
.legend span{{display:inline-block;margin:.2rem .4rem .2rem 0;padding:0 .4rem;color:#fff;border-radius:.2rem}}
.grid{{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:1rem}}
{"".join(f"mark.{t}{{border-color:{c}}} .legend .{t}{{background:{c}}}" for t, c in COLORS.items())}
"""


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head>"
        f"<body><main>{body}</main></body></html>\n"
    )


def _legend() -> str:
    return '<p class="legend">' + "".join(f'<span class="{t}">{t}</span>' for t in COLORS) + "</p>"


def article_html(doc: Document) -> str:
    """The article in its original script, each entity a <mark> with its details on hover or focus.

    A person's mark lists their positions (局長 @ 自治區民政廳社會組織管理局) in its tip and in
    ``data-positions``, so that a reviewer sees each link where the name stands.
    """
    parts, pos = [], 0
    positions = positions_by_person(doc)
    for i, e in enumerate(doc.entities):
        parts.append(html.escape(doc.text[pos : e.start]))
        held = "; ".join(positions.get(i, []))
        tip = " · ".join(
            x
            for x in (e.type, f"简: {e.text_simplified}", value_text(e), f"{e.extractor} {e.confidence:.2f}", held)
            if x
        )
        parts.append(
            f'<mark class="ent {e.type}" tabindex="0" data-index="{i}" data-type="{e.type}" '
            f'data-start="{e.start}" data-end="{e.end}" data-simplified="{html.escape(e.text_simplified)}" '
            f'data-value="{html.escape(value_text(e))}" data-extractor="{e.extractor}" '
            f'data-confidence="{e.confidence}"'
            + (f' data-positions="{html.escape(held)}"' if held else "")
            + f'>{html.escape(e.text)}<span class="tip">{html.escape(tip)}</span></mark>'
        )
        pos = e.end
    parts.append(html.escape(doc.text[pos:]))
    return '<div class="article">' + "".join(parts) + "</div>"


def _as_text(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def document_page(doc: Document) -> str:
    meta_rows = "".join(
        f"<tr><th>{html.escape(k)}</th><td>{html.escape(_as_text(v))}</td></tr>"
        for k, v in doc.meta.model_dump(exclude={"regions"}).items()
        if v not in (None, [], "")
    )
    value_rows = "".join(
        f"<tr><td>{e.type}</td><td>{html.escape(e.text)}</td><td>{html.escape(value_text(e))}</td></tr>"
        for e in doc.entities
        if e.type in ("AMOUNT", "DATE")
    )
    body = (
        f"<h1>{html.escape(doc.meta.title or doc.id)}</h1>{_legend()}{article_html(doc)}"
        f'<div class="grid"><section><h2>Amounts and dates</h2><table>{value_rows}</table></section>'
        f"{_positions_section(doc)}"
        f"<section><h2>Metadata</h2><table>{meta_rows}</table></section></div>"
    )
    return _page(doc.meta.title or doc.id, body)


def _positions_section(doc: Document) -> str:
    """Every position with the rule that linked it and the text that states it, for review."""
    rows = "".join(
        f'<tr data-person="{r.person}"><td>{html.escape(doc.entities[r.person].text)}</td>'
        f"<td>{html.escape(position_text(doc, r))}</td><td>{html.escape(r.rule or '')}</td>"
        f"<td>{html.escape(doc.text[r.evidence[0] : r.evidence[1]])}</td></tr>"
        for r in doc.relations
    )
    head = "<tr><th>person</th><th>position</th><th>rule</th><th>evidence</th></tr>"
    rows = rows or "<tr><td>none</td></tr>"
    return f'<section><h2>Positions</h2><table class="positions">{head}{rows}</table></section>'


def _timeline_svg(series: dict[str, Counter[str]]) -> str:
    """Mentions per month as an inline SVG bar chart: one colour per type, bars side by side."""
    months = sorted(set().union(*series.values()))
    if not months:
        return "<p>No dated mentions.</p>"
    step = 6 * len(series) + 4
    width, height = max(320, step * len(months)), 170
    peak = max(max(c.values(), default=0) for c in series.values()) or 1
    bars = []
    for i, month in enumerate(months):
        for k, (label, counts) in enumerate(series.items()):
            h = round(120 * counts[month] / peak)
            x = i * step + 6 * k
            bars.append(
                f'<rect class="{label}" x="{x}" y="{130 - h}" width="5" height="{h}" fill="{COLORS[label]}">'
                f"<title>{month} {label}: {counts[month]}</title></rect>"
            )
    labels = f'<text x="0" y="150" font-size="10">{months[0]}</text>'
    labels += f'<text x="{width}" y="150" font-size="10" text-anchor="end">{months[-1]}</text>'
    key = "".join(
        f'<text x="{70 * k}" y="166" font-size="10" fill="{COLORS[label]}">■ {label}</text>'
        for k, label in enumerate(series)
    )
    return (
        f'<svg class="timeline" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="mentions per month">{"".join(bars)}{labels}{key}</svg>'
    )


def report_page(docs: Iterable[Document], failures: Iterable[Failure]) -> str:
    types: Counter[str] = Counter()
    names: dict[str, Counter[str]] = {"ORG": Counter(), "PERSON": Counter()}
    months: Counter[str] = Counter()  # DATE mentions by the month they name
    amount_months: Counter[str] = Counter()  # AMOUNT mentions by their article's publication month
    money: list[tuple[str, str, str]] = []
    count = 0
    for doc in docs:
        count += 1
        for e in doc.entities:
            types[e.type] += 1
            if e.type in names:
                names[e.type][e.text_simplified] += 1
            if e.type == "DATE" and e.normalized and e.normalized.value:
                months[e.normalized.value[:7]] += 1
            if e.type == "AMOUNT" and doc.meta.published_at:
                amount_months[doc.meta.published_at[:7]] += 1
            if e.type == "AMOUNT" and e.normalized and e.normalized.kind == "money" and len(money) < 50:
                money.append((doc.id, e.text, value_text(e)))
    failures = list(failures)
    counts = "".join(f"<tr><th>{t}</th><td>{types[t]}</td></tr>" for t in COLORS)
    tops = "".join(
        f"<section><h2>Most frequent {label}</h2><table>"
        + "".join(f"<tr><td>{html.escape(n)}</td><td>{c}</td></tr>" for n, c in names[label].most_common(20))
        + "</table></section>"
        for label in names
    )
    money_rows = "".join(
        f"<tr><td>{html.escape(d)}</td><td>{html.escape(t)}</td><td>{html.escape(v)}</td></tr>" for d, t, v in money
    )
    failed = "".join(f"<tr><td>{html.escape(f.source)}</td><td>{html.escape(f.reason)}</td></tr>" for f in failures)
    body = (
        f"<h1>xinwen report: {count} documents, {len(failures)} failed</h1>{_legend()}"
        f'<div class="grid"><section><h2>Entities per type</h2><table>{counts}</table></section>{tops}</div>'
        "<h2>Timeline: dates named, and amounts by publication month</h2>"
        f"{_timeline_svg({'DATE': months, 'AMOUNT': amount_months})}"
        f"<h2>Money amounts</h2><table>{money_rows}</table>"
        f'<h2>Failed inputs</h2><table class="failures">{failed or "<tr><td>none</td></tr>"}</table>'
    )
    return _page("xinwen report", body)
