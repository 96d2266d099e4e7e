"""News outlets: the agencies, papers and sites that an article names as its source.

Where a text names its outlet is a matter of form, not of vocabulary, so most
of this extractor is the grammar of those lines (``data/zh/outlets.json``):

* a dateline: ``新华社北京3月5日电``, ``（中央社台北25日電）``, ``南宁新闻网讯``,
  ``南寧新聞網-南寧晚報訊`` (an outlet name, then a place and a date, then 电/讯);
* a source line: ``来源：光明网-…``, ``來源:廣西日報編輯:…`` (the name ends at the
  next label);
* a reporter's credit: ``南方日报记者陈明``, ``据中国新闻社记者王芳报道`` (the words
  before 记者, back to the first function word);
* a newspaper's title: ``《人民日报》``, ``《明報》`` (the brackets stay outside).

A name found by that grammar must end in an outlet word (社, 网, 日报, 电视台…)
or be listed; those are structured mentions, which the model does not
overrule. Listed outlets are also found anywhere else in the text, by the
register extractor (``registers.py``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from pipeline import data
from pipeline.extract.base import Context, Mention
from pipeline.segment import Token

_HAN = "\u4e00-\u9fff"
_FUNCTION_POS = ("p", "c", "u", "d", "r", "v", "m", "q", "x", "w", "f")


@cache
def _grammar() -> dict[str, object]:
    table = data.table("zh/outlets.json")
    names = sorted(table["names"], key=len, reverse=True)
    suffixes = "|".join(map(re.escape, sorted(table["suffixes"], key=len, reverse=True)))
    name = rf"(?:{'|'.join(map(re.escape, names))}|[{_HAN}A-Za-z0-9]{{1,12}}?(?:{suffixes}))"
    return {
        "names": frozenset(names),
        "suffix": re.compile(rf"(?:{suffixes})$"),
        "not_names": frozenset(table["not_names"]),
        "dateline": re.compile(
            rf"(?m)^[ \t\u3000]*[【〔\[（(]?[ \t\u3000]*据?(?P<names>{name}(?:[-—－/]{name})*)"
            rf"[ \t\u3000]*(?:[{_HAN}]{{1,8}}?)?[ \t\u3000]*(?:\d{{1,2}}月)?(?:\d{{1,2}}日)?[ \t\u3000]*(?:电|讯)"
        ),
        "split": re.compile(r"[-—－/]"),
        "source": re.compile(
            rf"(?:{'|'.join(map(re.escape, table['source_labels']))})[ \t\u3000]*[:：][ \t\u3000]*"
            rf"(?P<name>[{_HAN}A-Za-z0-9]{{2,20}})"
        ),
        "source_stops": re.compile("|".join(map(re.escape, table["source_stops"]))),
        "reporter": re.compile(rf"(?:驻[{_HAN}]{{1,6}})?(?:{'|'.join(map(re.escape, table['reporter_words']))})"),
        "title": re.compile(
            rf"《(?P<name>[{_HAN}A-Za-z0-9]{{1,10}}?(?:{'|'.join(map(re.escape, table['title_suffixes']))}))》"
        ),
    }


class OutletExtractor:
    name = "outlets"

    def find(self, ctx: Context) -> list[Mention]:
        g = _grammar()
        text = ctx.folded
        found: dict[tuple[int, int], Mention] = {}

        def add(start: int, end: int, rule: str) -> None:
            piece = text[start:end]
            if end - start < 2 or piece in g["not_names"]:
                return
            if piece in g["names"] or g["suffix"].search(piece):
                found.setdefault((start, end), Mention(start, end, "ORG", "rule", rule, 0.95, None, True))

        for m in g["dateline"].finditer(text):
            offset = m.start("names")
            for part in g["split"].split(m["names"]):
                add(offset, offset + len(part), "outlets.dateline")
                offset += len(part) + 1
        for m in g["source"].finditer(text):
            name = m["name"]
            stop = g["source_stops"].search(name)
            name = name[: stop.start()] if stop else name
            longest = _longest_listed_or_suffixed(name, g)
            if longest:
                add(m.start("name"), m.start("name") + longest, "outlets.source")
        for m in g["title"].finditer(text):
            add(m.start("name"), m.end("name"), "outlets.title")
        starts = [t.start for t in ctx.tokens]
        for m in g["reporter"].finditer(text):
            start = _name_before(ctx.tokens, starts, m.start())
            if start is not None:
                add(start, m.start(), "outlets.reporter")
        return sorted(found.values(), key=lambda x: (x.start, x.end))


def _longest_listed_or_suffixed(name: str, g: dict[str, object]) -> int:
    """Length of the longest prefix of ``name`` that is a listed outlet or ends in an outlet word."""
    for end in range(len(name), 1, -1):
        piece = name[:end]
        if piece in g["names"] or g["suffix"].search(piece):
            return end
    return 0


def _name_before(tokens: list[Token], starts: list[int], end: int) -> int | None:
    """Where the outlet name that ends at ``end`` (before 记者) begins: back over content words."""
    i = bisect_left(starts, end) - 1
    begin = None
    while i >= 0 and tokens[i].end == (end if begin is None else begin):
        t = tokens[i]
        if t.pos.startswith(_FUNCTION_POS) or end - t.start > 12 or not t.text.strip():
            break
        begin = t.start
        i -= 1
    return begin
