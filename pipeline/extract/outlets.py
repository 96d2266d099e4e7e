"""News outlets: the agencies, papers and sites that an article names as its source.

Where a text names its outlet is a matter of form, not of vocabulary, so most
of this extractor is the grammar of those lines (``data/zh/outlets.json``):

* a dateline: ``新华社北京3月5日电``, ``（中央社台北25日電）``, ``南宁新闻网讯``,
  ``南寧新聞網-南寧晚報訊`` (an outlet name, then a place and a date, then 电/讯);
* a source line: ``来源：光明网-…``, ``來源:廣西日報編輯:…`` (the name ends at the
  next label);
* a reporter's credit: ``南方日报记者陈明``, ``据中国新闻社记者王芳报道`` (the words
  before 记者, back to the first function word), ``河南台记者`` (a province's or city's station, 总台);
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
        "name_lengths": sorted({len(n) for n in names}, reverse=True),
        "suffix": re.compile(rf"(?:{suffixes})$"),
        "not_names": frozenset(table["not_names"]),
        "paper_itself": tuple(table["not_names"]),
        "dateline": re.compile(
            rf"(?m)^[ \t\u3000]*[【〔\[（(]?[ \t\u3000]*据?(?P<names>{name}(?:[-—－/]{name})*)"
            rf"[ \t\u3000]*(?:[{_HAN}]{{1,8}}?)?[ \t\u3000]*(?:\d{{1,2}}月)?(?:\d{{1,2}}日)?[ \t\u3000]*"
            r"(?:电|讯|(?=[（(][ \t\u3000]*记者))"  # or the reporter's credit in brackets right after it
        ),
        "split": re.compile(r"[-—－/]"),
        "wire_ends": tuple(w for w in table["wire_words"] if len(w) == 1),
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

        tokens = ctx.tokens
        starts = [t.start for t in tokens]
        for m in g["dateline"].finditer(text):
            if not _ends_a_word(tokens, starts, m.end()):
                continue  # 这些举报电话: 电 begins a word, no dateline ends here
            offset = m.start("names")
            for part in g["split"].split(m["names"]):
                if part in g["names"] or (
                    _plain_name(tokens, starts, offset, offset + len(part), m.end() - 1)
                    and not part.endswith(g["paper_itself"])  # 市民步行筹款本报讯: the paper is not named
                ):
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
        token_starts = set(starts)
        for m in g["reporter"].finditer(text):
            start = _name_before(tokens, starts, m.start(), g)
            # 澎湃/v 新闻记者/n: a listed outlet whose last word jieba joined to 记者; 三立/m 新闻网: a listed
            # outlet the words before 记者 stop short of (a numeral ends them)
            listed = next(
                (
                    m.start() - n
                    for n in g["name_lengths"]
                    if text[m.start() - n : m.start()] in g["names"] and m.start() - n in token_starts
                ),
                None,
            )
            if listed is not None and (start is None or listed < start):
                start = listed
            if start is not None:
                add(start, m.start(), "outlets.reporter")
            station = _station_before(tokens, starts, m.start())
            if station is not None:
                found.setdefault(
                    (station, m.start()),
                    Mention(station, m.start(), "ORG", "rule", "outlets.reporter", 0.95, None, True),
                )
        return sorted(found.values(), key=lambda x: (x.start, x.end))


def _station_before(tokens: list[Token], starts: list[int], end: int) -> int | None:
    """Where a broadcaster named by its province or city and 台 begins, before 记者 at ``end`` (河南/ns + 台/q,
    湖南台/ns; and 总台, the national broadcaster as its reporters are credited: 总台记者), or None. jieba reads
    that 台 as a measure word, which ends the outlet grammar's walk back over the name's words."""
    i = bisect_left(starts, end) - 1
    if i < 0 or tokens[i].end != end or not tokens[i].text.endswith("台"):
        return None
    word = tokens[i]
    if word.text == "总台" or (len(word.text) > 1 and word.pos == "ns"):
        return word.start
    if word.text == "台" and i > 0 and tokens[i - 1].pos == "ns" and tokens[i - 1].end == word.start:
        return tokens[i - 1].start
    return None


def _whole_outlet(first: Token, end: int, g: dict[str, object]) -> bool:
    """Is the name from word ``first`` to ``end`` a listed outlet, or that one word, tagged nt?"""
    return first.end == end and (first.pos == "nt" or first.text in g["names"])


def _longest_listed_or_suffixed(name: str, g: dict[str, object]) -> int:
    """Length of the longest prefix of ``name`` that is a listed outlet or ends in an outlet word."""
    for end in range(len(name), 1, -1):
        piece = name[:end]
        if piece in g["names"] or g["suffix"].search(piece):
            return end
    return 0


def _ends_a_word(tokens: list[Token], starts: list[int], end: int) -> bool:
    """Does a jieba word end at ``end``?"""
    i = bisect_left(starts, end) - 1
    return i >= 0 and tokens[i].end == end


def _plain_name(tokens: list[Token], starts: list[int], start: int, end: int, wire: int) -> bool:
    """An unlisted outlet name in a dateline: whole words (the last may hold the 讯 at ``wire``: 商报讯), none a
    function word or a verb (香港市民步行筹善款本报讯 is a headline run into 本报讯)."""
    i = bisect_left(starts, start)
    if i == len(tokens) or tokens[i].start != start or not (end == wire or _ends_a_word(tokens, starts, end)):
        return False
    while i < len(tokens) and tokens[i].end <= end:
        if tokens[i].pos.startswith(_FUNCTION_POS):
            return False
        i += 1
    return True


def _name_before(tokens: list[Token], starts: list[int], end: int, g: dict[str, object]) -> int | None:
    """Where the outlet name that ends at ``end`` (before 记者) begins: back over content words, and not
    over a dateline's last word (本报讯新华社记者, 6月17日讯新华社记者: the outlet is 新华社). A whole
    outlet name (listed, or one jieba word tagged nt) takes no person's name before it (周德武 +
    中国国际广播电台记者: the previous credit) and no one-character word (见图 + 新华社记者)."""
    i = bisect_left(starts, end) - 1
    begin = None
    while i >= 0 and tokens[i].end == (end if begin is None else begin):
        t = tokens[i]
        if (
            t.pos.startswith(_FUNCTION_POS)
            or end - t.start > 12
            or not t.text.strip()
            or t.text.endswith(g["wire_ends"])
        ):
            break
        if begin is not None and (t.pos.startswith("nr") or len(t.text) == 1) and _whole_outlet(tokens[i + 1], end, g):
            break
        begin = t.start
        i -= 1
    return begin
