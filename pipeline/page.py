"""Page structure: metadata lines, body, and page furniture of a news page dump.

A saved news page is more than its article: a site line, a channel breadcrumb,
the title, a dateline with the source, the body with section headings, a
byline, an editor line, buttons (小字号, 返回顶部), keyword and copyright lines and, after the editor
line or under a heading such as 相关新闻 after the article's prose, lists of related stories (• 热门排行 …,
to the end of the page), and menus or headline lists of bulleted links before the story. We recognise these by
their shape (separators, date patterns, labels such as 来源/責編, furniture
words from the data files), never by the text of a particular article. Text
without any of it is simply all body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline import data
from pipeline.data import alternation
from pipeline.records import Region

_HAN = r"[\u3400-\u9fff\uf900-\ufaff]"
_SENTENCE_END = re.compile("[。！？]")
_DATELINE = re.compile(
    r"(?P<y>\d{4})\s*(?:年|-|/|\.)\s*(?P<m>\d{1,2})\s*(?:月|-|/|\.)\s*(?P<d>\d{1,2})\s*日?"
    # 2025年7月1日（星期二）08:00, 2025年7月1日 下午2:30: a weekday and a part of the day may come first
    r"(?:\s*[（(]?(?:星期|礼拜|禮拜|周|週)[一二三四五六日天][）)]?)?"
    r"(?:\s*(?:HKT|CST|北京时间|北京時間|台北時間))?"  # 2025-07-01 HKT 08:00: a time zone's name
    r"(?:(?:\s*|T)(?P<ap>上午|下午|中午|晚上|早上|凌晨)?\s*(?P<H>\d{1,2})\s*[:：时時]\s*(?P<M>\d{2})"
    r"(?:\s*[:：]\s*\d{2})?(?:\s*(?P<ap2>AM|PM|am|pm))?)?"
)
_AFTERNOON = frozenset({"下午", "晚上", "PM", "pm"})  # 下午2:30 and 2:30 PM are 14:30; 中午12:30 stays
_PROSE_BEFORE = re.compile(r"[，。,；;！？：:]")
_NAME = rf"{_HAN}{{2,4}}"
_STORE_DATE = re.compile(r"\s*date\s+(?P<date>\d{4}-\d{2}-\d{2})(?:\s+|$)")
"""An archive's date field written before a stored page (`` date 2025-11-12 快訊``): the page's date, no text."""
_CLAUSE_MARKS = "。！？!?；;，,"  # a headline may quote (「美國行」) but holds no sentence's punctuation
_SITE_ADDRESS = re.compile(r"\s*(?:https?://)?[\w.-]+\.[a-z]{2,}(?:/\S*)?\s+")
_KANA = re.compile("[\u3040-\u30ff]")
_LINK_CHARS = 40  # a headline in a list of links is shorter; a paragraph is longer
_LABELLED_NAME = rf"{_HAN}{{2,6}}"  # after a credit label, where two names may be run together (记者贾鹏陈博)


def glued_names(run: str, single: frozenset[str], compound: frozenset[str]) -> list[tuple[int, str]]:
    """A credit's names written without a space between them (贾鹏陈博, 李蕾张羽飞): ``(offset, name)`` of each.

    A run of four to six characters is two names where exactly one cut leaves two of two or three
    characters (three or four after a compound surname), each beginning with a surname. A run of three
    or fewer, and one of four that cuts no way (欧阳中石: a compound surname and its given name), is one
    name; a longer one that cuts both ways (王刚李明华) or none is no credit the page can read, and is left
    to the model.
    """

    def a_name(part: str) -> bool:
        if part[:2] in compound:
            return 3 <= len(part) <= 4
        return part[0] in single and 2 <= len(part) <= 3

    if len(run) < 4 or (len(run) == 4 and run[:2] in compound):
        return [(0, run)]
    cuts = [k for k in range(2, len(run) - 1) if a_name(run[:k]) and a_name(run[k:])]
    if len(cuts) != 1:
        return [(0, run)] if len(run) == 4 else []
    return [(0, run[: cuts[0]]), (cuts[0], run[cuts[0] :])]


@dataclass
class Page:
    """What the page stage found; offsets index the text it was given."""

    regions: list[Region] = field(default_factory=list)
    title: str | None = None
    published_at: str | None = None
    source: str | None = None
    site: str | None = None
    channel: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    # Spans of names in bylines and editor lines, for the people extractor: (start, end, role).
    credited: list[tuple[int, int, str]] = field(default_factory=list)


_PROSE = re.compile(r"[\u4e00-\u9fff]{6,}")
"""A run of Han characters longer than a name and its trailer: after 编辑： it is a sentence, not a credit."""


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, stripped of surrounding whitespace."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append((pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return spans


class PageParser:
    """Splits a page dump into regions and fills the article metadata."""

    def __init__(self, timezone: str = "+08:00", header_lines: int = 8) -> None:
        self.timezone = timezone
        self.header_lines = header_lines
        self._words: dict | None = None

    def _load(self) -> dict:
        if self._words is None:
            words = data.table("zh/page.json")
            labels = alternation(words["editor_labels"])
            words["editor_re"] = re.compile(rf"^[（(【\[]?\s*(?:{labels})\s*[:：]\s*(?P<names>.+?)\s*[）)】\]]?$")
            sources = alternation(words["source_labels"])
            words["source_re"] = re.compile(rf"(?:{sources})\s*[:：]\s*(?P<source>[^\s|｜丨]+)")
            reporters = alternation(words["reporter_labels"])
            # A trailing (何明华 安忠芳) or （记者 王强 刘芳） closing the last paragraph.
            words["byline_re"] = re.compile(
                rf"[（(]\s*(?:(?:{reporters})\s*[:：]?\s*)?(?P<names>{_NAME}(?:[\s、，,/]+{_NAME}){{0,5}})\s*[）)]\s*$"
            )
            words["furniture_set"] = frozenset(words["furniture"])
            words["app_re"] = re.compile(rf"(?<![A-Za-z])(?:{alternation(words['app_words'])})(?![A-Za-z])")
            # 相关新闻, 相关阅读 换一换, 相关新闻 更多>>: a list of other stories begins, to the end of the page
            words["related_re"] = re.compile(rf"\s*(?:{alternation(words['related_headings'])})\s*\S{{0,8}}\s*")
            words["furniture_label_re"] = re.compile(rf"\s*(?:{alternation(words['furniture_labels'])})\s*[:：]")
            # 文章关键词：教育 改革 责编：李明: an editor's label after a space ends the keywords
            words["editor_after_re"] = re.compile(rf"\s(?=(?:{labels})\s*[:：])")
            marks = alternation(words["copyright_marks"])
            words["copyright_re"] = re.compile(rf"{marks}|©\s*(?:19|20)\d\d")  # not © REUTERS: a photo credit
            # 新华社杭州1月18日电（记者王志强、刘晓芳）: reporters credited at the start of the body.
            dl = alternation(words["dateline_reporters"])
            trailers = alternation(words["credit_trailers"])  # 记者X Y报道
            words["reporters_re"] = re.compile(
                rf"[（(]\s*(?:{dl})\s*[:：]?\s*(?P<names>{_LABELLED_NAME}(?:[\s、，,]+{_LABELLED_NAME}){{0,5}}?)\s*(?:{trailers})?\s*[）)]"
            )
            # A line of credits only: [outlet] 记者 X Y 通讯员 Z [outlet] 编辑:W (每经记者:X Y 每经编辑:Z),
            # 記者 X / 攝影 Y 報導.
            photo = alternation(words["photographer_labels"])
            label = rf"(?:(?:{labels})\s*[:：]|{dl}|{photo})"
            names = (
                rf"(?:(?P<editor>{labels})\s*[:：]|(?P<photo>{photo})|{dl})\s*[:：]?\s*"
                rf"(?P<names>{_LABELLED_NAME}(?:[\s、，,]+{_LABELLED_NAME})*?)"
                rf"(?=\s*[/／]?\s*[^\s]{{0,6}}?{label}|\s*(?:{trailers})?\s*$)"
            )
            words["credit_names"] = names
            words["credit_line_re"] = re.compile(rf"[^\s]{{0,10}}?(?:{names}\s*[/／]?\s*)+(?:{trailers})?")
            # 发布时间：2025-07-01 08:00 / 来源：新华网 更新時間：… / 編輯：王明 發佈時間：… / 【更新時間】…: a
            # labelled publication line (labels in dates.json), after other labelled fields of the line.
            labels = alternation(data.table("zh/dates.json")["publication_labels"])
            fields = alternation([*words["source_labels"], *words["editor_labels"], *words["reporter_labels"]])
            words["publication_label_re"] = re.compile(
                rf"\s*(?:(?:{fields})\s*[:：]?\s*[^\s|｜丨]+[\s|｜丨]+){{0,3}}"
                rf"[【\[（(]?\s*(?:{labels})\s*[】\]）)]?\s*[:：]?\s*"
            )
            self._words = words
        return self._words

    def parse(self, text: str) -> Page:
        words = self._load()
        page = Page()
        lines = self._split_keywords(text, _lines(text), words)
        stored = _STORE_DATE.match(text)
        if stored and lines and lines[0][0] <= stored.start("date") and stored.end() < lines[0][1]:
            lines[:1] = [(lines[0][0], stored.end("date")), (stored.end(), lines[0][1])]
        kinds: list[str] = ["body"] * len(lines)
        if stored:
            kinds[0] = "furniture"  # date 2025-11-12: an archive's date field before the page, no text of it
        header = min(len(lines), self.header_lines)

        crumb = next((i for i in range(header) if self._breadcrumb(text[slice(*lines[i])], words)), None)
        if crumb is not None:
            parts = self._breadcrumb(text[slice(*lines[crumb])], words)
            kinds[crumb] = "breadcrumb"
            generic = set(words["breadcrumb_generic"])
            page.site = text[slice(*lines[0])] if crumb > 0 else parts[0]
            page.channel = [p for p in parts[1:] if p not in generic]
            for i in range(crumb):
                kinds[i] = "site"
        # the page's time line comes before the story (a caption may precede it): a date line with more
        # prose before it than text after it closes a short story, a related link's
        prose = [sum(e - s for s, e in lines[:i] if _SENTENCE_END.search(text, s, e)) for i in range(header)]
        dateline = next(
            (
                i
                for i in range(header)
                if prose[i] <= len(text) - lines[i][1] and self._dateline(text[slice(*lines[i])])
            ),
            None,
        )
        if dateline is not None:
            line = text[slice(*lines[dateline])]
            match = _DATELINE.search(line)
            kinds[dateline] = "dateline"
            page.published_at = self._iso(match)
            source = words["source_re"].search(line)
            if source:
                page.source = source.group("source")
            # a line of credits (記者 X / 攝影 Y 報導, 21世纪经济报道 王峰 北京报道) or a caption or sentence (one
            # with a full stop) before the time line is neither site nor title: it stays body, read for its names
            kept = {i for i in range(dateline) if self._not_a_title(text[slice(*lines[i])], words)}
            if page.site is None and crumb is None:
                for i in set(range(dateline)) - kept:
                    kinds[i] = "site"
            title_candidates = [i for i in range(dateline) if kinds[i] in ("body", "site") and i not in kept]
            if title_candidates:
                kinds[title_candidates[-1]] = "title"
                page.title = text[slice(*lines[title_candidates[-1]])]
                if page.site is None and len(title_candidates) > 1:
                    page.site = text[slice(*lines[title_candidates[0]])]

        closed = False  # an editor line after body text closes the article
        begun = False  # a body line with a full stop has been read: the article has begun
        links = self._link_lists(text, lines, words)
        listed = self._listed_headlines(text, lines, words)
        for i, (start, end) in enumerate(lines):
            if kinds[i] != "body":
                continue
            line = text[start:end]
            if not begun and (i in links or i in listed):
                kinds[i] = "furniture"  # a list of other stories' links before the article (• 标题 …, 快讯 …)
                continue
            if line in words["list_headings"] or self._app_line(line, words) or len(_KANA.findall(line)) >= 4:
                kinds[i] = "furniture"  # 快讯, an app's line, a banner in Japanese (こちらのページは繁体字版です)
                continue
            if begun and line in words["inline_related_headings"] and self._prose_follows(text, lines, i):
                kinds[i] = "furniture"  # 延伸阅读 with the article's prose after it: a link the page lost
                continue
            if (closed and line[:1] in words["list_bullets"]) or (begun and words["related_re"].fullmatch(line)):
                for k in range(i, len(lines)):  # related stories and rankings, to the end of the page
                    if kinds[k] == "body":
                        kinds[k] = "furniture"
                break
            if line in words["furniture_set"] or self._furniture_line(line, words):
                kinds[i] = "furniture"
            elif (editor := words["editor_re"].match(line)) and not _PROSE.search(editor["names"]):
                kinds[i] = "editor"
                closed = closed or "body" in kinds[:i]
                page.editors += self._names(editor, start, "editor", page)
            elif words["credit_line_re"].fullmatch(line):
                kinds[i] = "byline"  # 湖南日报记者 周立新 通讯员 谭海燕
                for names in re.finditer(words["credit_names"], line):
                    if names["editor"]:
                        page.editors += self._names(names, start, "editor", page)
                    elif names["photo"]:
                        self._names(names, start, "photographer", page)  # credited, no author of the text
                    else:
                        page.authors += self._names(names, start, "author", page)
            elif self._heading(line, words) and i > 0:
                kinds[i] = "heading"
                page.headings.append(line)
            begun = begun or (kinds[i] == "body" and bool(_SENTENCE_END.search(line)))

        body_lines = [i for i, k in enumerate(kinds) if k == "body"]
        if body_lines:
            start, end = lines[body_lines[0]]
            reporters = words["reporters_re"].search(text, start, min(end, start + 60))
            if reporters:
                page.authors += self._names(reporters, 0, "reporter", page)
        for i, (start, end) in enumerate(lines):
            region_end = end
            if body_lines and i == body_lines[-1]:
                byline = words["byline_re"].search(text, start, end)
                if byline:
                    page.authors += self._names(byline, 0, "author", page)
                    page.regions.append(Region(kind="byline", start=byline.start(), end=byline.end()))
                    region_end = byline.start()
            if region_end > start:
                page.regions.append(Region(kind=kinds[i], start=start, end=region_end))
        if stored and page.published_at is None:
            page.published_at = stored["date"]
        page.regions.sort(key=lambda r: r.start)
        page.authors = list(dict.fromkeys(page.authors))  # the same reporter may be credited twice
        page.editors = list(dict.fromkeys(page.editors))
        return page

    @staticmethod
    def _link_lists(text: str, lines: list[tuple[int, int]], words: dict) -> set[int]:
        """The lines of runs of three or more bulleted short lines with no sentence in them (• 澳門日報, • 特首晤
        南部戰區政委): a menu or a list of other stories' headlines, no article's text."""

        def link(span: tuple[int, int]) -> bool:
            line = text[slice(*span)]
            return (
                line[:1] in words["list_bullets"]
                and len(line) <= _LINK_CHARS
                and not any(ch in words["sentence_end"] or ch in "，," for ch in line)
            )

        found: set[int] = set()
        run: list[int] = []
        for i, span in enumerate([*lines, (0, 0)]):
            if i < len(lines) and link(span):
                run.append(i)
                continue
            if len(run) >= 3:
                found.update(run)
            run = []
        return found

    @staticmethod
    def _listed_headlines(text: str, lines: list[tuple[int, int]], words: dict) -> set[int]:
        """The headlines under a list heading (快讯): the short lines after it with no sentence's punctuation."""
        found: set[int] = set()
        for i, span in enumerate(lines):
            if text[slice(*span)].rstrip(":：") not in words["list_headings"]:
                continue
            for k in range(i + 1, len(lines)):
                line = text[slice(*lines[k])]
                if len(line) > _LINK_CHARS or any(ch in _CLAUSE_MARKS for ch in line):
                    break
                if words["credit_line_re"].search(line) or any(label in line for label in words["dateline_reporters"]):
                    break  # 聯合報／ 記者王聖藜／台北報導: the story's credit line, no headline
                found.add(k)
        return found

    @staticmethod
    def _app_line(line: str, words: dict) -> bool:
        """中央社一手新聞APP, 尽在新浪财经APP: a short line naming the site's app, with no sentence in it."""
        return (
            len(line) <= _LINK_CHARS
            and bool(words["app_re"].search(line))
            and not any(ch in words["sentence_end"] for ch in line)
        )

    @staticmethod
    def _prose_follows(text: str, lines: list[tuple[int, int]], i: int) -> bool:
        """Is the line after line ``i`` a paragraph (a sentence closed by its full stop), not a link's headline?"""
        if i + 1 >= len(lines):
            return False
        line = text[slice(*lines[i + 1])]
        return len(line) >= 12 and line[-1] in "。！？" and "，" in line.replace(",", "，")

    @staticmethod
    def _furniture_line(line: str, words: dict) -> bool:
        """A keyword or tag line (文章关键词：…, 标签：…) or a short copyright footer (版权所有 ©2020 …, 闽ICP备…)."""
        return bool(words["furniture_label_re"].match(line)) or (
            len(line) <= 100 and bool(words["copyright_re"].search(line))
        )

    @staticmethod
    def _split_keywords(text: str, lines: list[tuple[int, int]], words: dict) -> list[tuple[int, int]]:
        """A keyword line that goes on to an editor's label (文章关键词：教育 … 责编：李明) is two lines, the
        keywords (furniture) and the editor line."""
        split = []
        for start, end in lines:
            at = (
                words["editor_after_re"].search(text, start, end)
                if words["furniture_label_re"].match(text, start, end)
                else None
            )
            split += [(start, at.start()), (at.end(), end)] if at else [(start, end)]
        return split

    @staticmethod
    def _not_a_title(line: str, words: dict) -> bool:
        """A line of credits, a report credit (outlet, name, place and 报道, spaced), a source line (来源:融媒体中心)
        or a caption or sentence (a full stop inside): text of the page that no headline is."""
        return bool(
            words["credit_line_re"].fullmatch(line)
            or words["source_re"].match(line)
            or "。" in line
            or (" " in line.strip() and len(line) <= 40 and line.rstrip().endswith(tuple(words["credit_trailers"])))
        )

    def _names(self, match: re.Match[str], base: int, role: str, page: Page) -> list[str]:
        names = []
        single, compound = data.surnames()
        trailers = self._load()["credit_trailers"]
        for found in re.finditer(_LABELLED_NAME, match.group("names")):
            name, name_role = found.group(), role
            if name[-1] in "摄攝" and len(name) > 2:  # (李明摄): a photographer's credit, not an author's
                name, name_role = name[:-1], "photographer"
            trailer = next((t for t in trailers if name.endswith(t) and len(name) - len(t) >= 2), "")
            name = name[: len(name) - len(trailer)]  # 李四报道: the name, not the verb
            if name[0] not in single and name[:2] not in compound:
                continue
            start = base + match.start("names") + found.start()
            for offset, part in glued_names(name, single, compound):
                page.credited.append((start + offset, start + offset + len(part), name_role))
                if name_role == role:
                    names.append(part)
        return names

    @staticmethod
    def _breadcrumb(line: str, words: dict) -> list[str]:
        for sep in words["breadcrumb_separators"]:
            if sep in line:
                parts = [p.strip() for p in line.split(sep)]
                if len(parts) >= 2 and all(0 < len(p) <= 16 for p in parts):
                    return parts
        return []

    def _dateline(self, line: str) -> bool:
        """A short line that starts with (or consists of) a full date, optionally with a source,
        or whose date follows a publication label (发布时间：2025-07-01 08:00, 来源：新华网 发布时间：…)."""
        match = _DATELINE.search(line)
        if not match or len(line) > 80:
            return False
        if match.start() <= 4 or bool(self._load()["publication_label_re"].fullmatch(line, 0, match.start())):
            return True
        # 香港電台 2025-07-01 HKT 08:00: a short name before a date with its clock time, no prose; or the site's
        # address (http://www.sina.com.cn  2011年02月22日05:42  大洋网)
        if match["H"] is not None and _SITE_ADDRESS.fullmatch(line, 0, match.start()):
            return True
        return match["H"] is not None and match.start() <= 12 and not _PROSE_BEFORE.search(line, 0, match.start())

    def _iso(self, match: re.Match[str]) -> str | None:
        y, m, d = int(match["y"]), int(match["m"]), int(match["d"])
        if not (1 <= m <= 12 and 1 <= d <= 31):
            return None
        if match["H"] is not None and int(match["H"]) <= 23 and int(match["M"]) <= 59:
            # int(): the digits may be full-width (23:４０), which an ISO string cannot hold
            hour = int(match["H"])
            if (match["ap"] in _AFTERNOON or match["ap2"] in _AFTERNOON) and hour < 12:
                hour += 12
            return f"{y:04d}-{m:02d}-{d:02d}T{hour:02d}:{int(match['M']):02d}{self.timezone}"
        return f"{y:04d}-{m:02d}-{d:02d}"

    @staticmethod
    def _heading(line: str, words: dict) -> bool:
        """A short line with no sentence punctuation inside a body is a section heading."""
        return len(line) <= 30 and not any(ch in words["sentence_end"] or ch in "，," for ch in line)
