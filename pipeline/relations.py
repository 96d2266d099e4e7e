"""Who holds which position where, and which mentions name the same organization or person.

Positions (person, title, organization) come from the shapes news uses; each
link records the rule that made it (``Relation.rule``) and the span that states
it (``evidence``):

* ``position.title``: ``[ORG] TITLE PERSON`` (自治区民政厅社会组织管理局局长吕海波; 的 or 方面 may stand
  between: 京东集团方面负责人), with
  the title matched longest first from the title data, modifiers included
  (常任秘书长, 常务副主任, 前高级副总裁), never taking a character of an entity;
* ``position.shared_head``: the organization's last character begins the
  title (交通部长 -> 部长 at 交通部);
* ``position.reference``: an organization named by its type word (服务中心负责人陈某:
  the nearest earlier organization ending in 服务中心; 该协会理事长谢某; 该会会长: one ending in 会; 该公司总裁
  with no earlier 公司: the sentence's subject organization of that kind, 小米集团…，该公司总裁卢伟冰);
* ``position.chain``: titles joined by 、 or 兼 share the organization of the one
  before them unless a body of their own stands between (国家发展改革委党组书记、
  主任郑栅洁: both at 国家发展改革委); so does a title after a titled name and 、, where the
  body can have it (江南集团董事长王刚、总经理李华; not 市长 in 市委书记张明、市长李强);
* ``position.subject``: 由/其/该 + title refers back to the subject organization
  of its sentence, the nearest one of a kind the title fits (华为公司昨天举行发布会，
  由董事长梁华主持); a body's head (局长 of a 局) refers to the nearest such body in the sentence
  even where it is no subject (记者从市教育局获悉，局长陈刚表示); a bare title opening a sentence, to the
  body that opens the sentence before (江南钢铁集团发布年报。董事长王大明表示);
* ``position.listed``: a title written after a list of bodies, at each (中国科学院、中国工程院院士);
  appositions joined by a comma are read as one chain when each is a whole clause
  (科学院院士，政协副主席钱某), none taking a body from another;
* ``position.list``: a later name of a list the text counts, with the first name's titles (两位副市长张伟、刘洋;
  院士张杰、李灿、王贻芳三人); an uncounted list gives the title to its first name only;
* ``position.after_name``: a title written after the name (王建国主席);
* ``position.apposition``: a name restated by its title (拜登这位民主党候选人), or followed by it
  between commas, in brackets or after a verb of holding (张三，华为公司董事长，; 张三（华为公司董事长）;
  张三是/出任/此前担任华为公司董事长; 任命张三为…; 张三接替李四出任…: 张三's): a whole [place or body]
  title, or titles joined by 兼/、, up to the clause's end; or one held before the name (曾任华为公司副总裁的张三,
  作为小米集团创始人，雷军表示), or named as the post the name takes (江南公司总经理一职由李四接任);
* ``credit``: a credit label before a name or a list of names (记者 王强 刘芳,
  责编：张明, 通讯员 李四) or 摄 after one (李明摄), titled as written;
* ``credit.outlet``: the same, with the outlet that opens the credit (新华社记者王强,
  新华社杭州3月2日电（记者王强）, 江南新闻网讯（记者刘芳）, 经济日报／记者张伟, 《联合早报》记者陈明);
* ``credit.own_outlet``: 本报记者 -> the article's own outlet (its source line or
  its newspaper title); an editor is at it only where it also opens the dateline
  (the outlet wrote the article rather than took it from another paper).

A title only links the name right after it: in 委员张三、李四 only 张三 is linked
(a credit label carries over a list, and so does a title over a counted list), and 会长说 links nobody; a surname
alone (蔡总统) is no name and holds no position. A name in
a byline with no label (（何明华 安忠芳）) states no title: it stays in
``meta.authors`` only.

Clusters group the mentions of one organization or person: the same name, a
name that ends another (雨花敬老服务中心 in 柳州市雨花敬老服务中心), or the same
name once abbreviations are spelled out (社工 = 社会工作). The canonical name is
the fullest form; a bare 自治区/省 prefix is completed with the province the
article is mostly about (自治区民政厅 -> 广西壮族自治区民政厅).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from pipeline import data
from pipeline.data import alternation
from pipeline.records import Cluster, Entity, Relation

SPACES = " \t\u3000"
LIST_SEPARATORS = SPACES + "、，,/／"
CLOSING_QUOTES = "》」』”\"'）)"
# What a dateline or byline may hold between an outlet and its credit, besides places and dates.
DATELINE_CHARS = SPACES + "（(【】[]〔〕《》-—－/／|｜·:：0123456789０１２３４５６７８９年月日号时"  # 《联合早报》记者
SENTENCE_ENDS = "。！？!?\n"
CLAUSE_ENDS = SENTENCE_ENDS + "，,；;：:"
CLAUSE_BREAKS = "，,；;"  # within a sentence
LABEL_ENDS = ":：/／|｜"  # what may stand between a credit label and the name it labels
TITLE_GAPS = SPACES + "·・"  # what may stand between a title and the name (联合国秘书长·古特雷斯)


@dataclass(frozen=True, slots=True)
class Title:
    """A title found in the text: ``[start, end)`` with its modifiers; ``base`` is it without them (simplified)."""

    start: int
    end: int
    base: str
    credit: bool = False
    shared: int | None = None  # the ORG entity whose last character the title begins with (交通部长)


@dataclass(frozen=True, slots=True)
class Link:
    """One title of a person before it becomes a Relation: the organization, where the evidence starts, the rule."""

    title: Title
    organization: int | None
    start: int
    rule: str
    written: str | None = None  # the title as written when it is not text[title.start:title.end] (前交通部长)
    end: int = 0  # where the evidence ends, when past the name and the title (李明摄（新华社发）)


class Linker:
    @cached_property
    def _words(self) -> dict:
        w = dict(data.table("zh/regions.json"))
        grammar = data.table("zh/titles.json")
        w.update({k: v for k, v in grammar.items() if not k.startswith("_")})
        credit = set(grammar["credit_labels"])
        titles = {*data.table("zh/people.json")["titles"], *grammar["titles"], *grammar["compounds"], *credit}
        w["titles"] = data.suffix_table(titles)
        w["title_prefixes"] = data.suffix_table(titles)  # the same sets by length, read as prefixes after a name
        w["credit"] = frozenset(credit)
        w["modifiers"] = sorted(grammar["modifiers"], key=len, reverse=True)
        w["credit_after"] = sorted(grammar["credit_after"], key=len, reverse=True)
        apps = data.table("zh/orgs.json")["channel_words"]  # 央视新闻 + 客户端 + 记者: an outlet's app or account
        w["channel_words"] = [*grammar["channel_words"], *apps]
        w["place_head_bodies"] = tuple(grammar["place_head_bodies"])  # str.endswith takes a tuple
        w["dateline_words"] = sorted([*grammar["dateline_words"], *apps], key=len, reverse=True)  # 专讯 before 讯
        w["not_after_name"] = frozenset(grammar["not_after_name"])
        w["kind_heads"] = sorted(
            ((head, kind) for kind, spec in grammar["kinds"].items() for head in spec["heads"]),
            key=lambda x: len(x[0]),
            reverse=True,
        )
        w["kind_titles"] = {kind: frozenset(spec["titles"]) for kind, spec in grammar["kinds"].items()}
        # The titles of companies that no public body or association has: a body of no known kind with one is a firm.
        others = {t for kind, titles in w["kind_titles"].items() if kind not in ("company", "media") for t in titles}
        w["company_only_titles"] = w["kind_titles"]["company"] - others - set(grammar["professions"])
        w["kind_of_head"] = {}
        for head, kind in w["kind_heads"]:
            w["kind_of_head"].setdefault(head, kind)  # a head listed twice keeps its first kind
        w["kind_head_table"] = data.suffix_table(w["kind_of_head"])
        w["heads"] = sorted(data.table("zh/orgs.json")["head_words"], key=len, reverse=True)
        w["head_table"] = data.suffix_table(w["heads"])
        # Head words of two characters or more, the ones a type word refers by (服务中心, 协会), by length.
        w["type_heads"] = data.suffix_table(h for h in w["heads"] if len(h) >= 2)
        w["bare_heads"] = frozenset(h for h in w["heads"] if len(h) >= 2)  # 公司 alone names no body
        # 该会, 该院; and 该行, 该校, the last character of a longer head (银行; 学校, with 大学 and 学院 as 校).
        w["head_characters"] = {h: (h,) for h in w["heads"] if len(h) == 1}
        w["head_characters"].update({c: (c, *ends) for c, ends in grammar["demonstrative_heads"].items()})
        # A type word after a demonstrative, or opening a clause (not after a quote mark: “爱心”基金会 is another name).
        w["reference_re"] = re.compile(
            rf"(?:{alternation(w['demonstratives'])}|(?<=[，。；：、！？,.;:!?\s])|^)"
            rf"(?:{alternation(h for h in w['heads'] if len(h) >= 2)})",
            re.MULTILINE,
        )
        w["province_order"] = {short: n for n, short in enumerate(w["provinces"])}
        w["province_lengths"] = sorted({len(short) for short in w["provinces"]})
        w["staff_labels"] = frozenset(grammar["staff_labels"])
        w["correspondents"] = frozenset(grammar["correspondents"])
        w["editor_labels"] = frozenset(grammar["editor_labels"])
        openers = {*grammar["apposition_markers"], *grammar["apposition_commas"], *grammar["statement_verbs"]}
        openers |= {"（", "("}
        w["apposition_openers"] = sorted(openers, key=len, reverse=True)  # what may follow a name and state its title
        w["name_joints"] = sorted(grammar["name_joints"], key=len, reverse=True)
        w["shared_titles"] = tuple(grammar["shared_titles"])
        w["single_holder_openers"] = tuple(grammar["single_holder_openers"])
        w["candidacy_verbs"] = tuple(grammar["candidacy_verbs"])
        count = rf"[{grammar['count_digits']}]+"
        w["count_before_re"] = re.compile(rf"{count}(?:{alternation(grammar['count_words_before'])})$")
        w["count_after_re"] = re.compile(
            rf"(?:{alternation(grammar['count_lead'])})?{count}(?:{alternation(grammar['count_words_after'])})"
        )
        w["statement_verbs"] = sorted(grammar["statement_verbs"], key=len, reverse=True)
        w["role_verbs"] = sorted(grammar["role_verbs"], key=len, reverse=True)
        w["relation_words"] = sorted(grammar["relation_words"], key=len, reverse=True)
        w["appointing_verbs"] = sorted(grammar["appointing_verbs"], key=len, reverse=True)
        w["succession_verbs"] = sorted(grammar["succession_verbs"], key=len, reverse=True)
        w["statement_adverbs"] = sorted(grammar["statement_adverbs"], key=len, reverse=True)
        w["post_title_words"] = sorted(grammar["post_title_words"], key=len, reverse=True)
        w["post_title_times"] = sorted(grammar["post_title_times"], key=len, reverse=True)
        sources = alternation(data.table("zh/outlets.json")["source_labels"])
        w["source_label_re"] = re.compile(rf"(?:{sources})[ \t\u3000]*[:：][ \t\u3000]*$")
        w["stationed_re"] = re.compile(r"驻[\u4e00-\u9fff]{1,6}$")
        w["open_bracket_re"] = re.compile(r"[ \t\u3000]*[（(][ \t\u3000]*")
        w["sent_by_re"] = re.compile(r"[ \t\u3000]*(?:发)?[ \t\u3000]*[）)]")  # （新华社发）
        w["publication_re"] = re.compile(r"[ \t\u3000]*》[ \t\u3000]*[（(][ \t\u3000]*\d{4}[ \t\u3000]*年")
        return w

    @cached_property
    def _to_traditional(self):  # noqa: ANN202 - opencc ships no type hints
        """OpenCC s2t, built once: building it took 3 ms, once per Traditional article before."""
        import opencc

        return opencc.OpenCC("s2t.json")

    def __getstate__(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if k != "_to_traditional"}  # not picklable

    def link(
        self, text: str, simplified: str, entities: list[Entity], credited: list[tuple[int, int, str]]
    ) -> tuple[list[Relation], list[Cluster]]:
        traditional = text != simplified
        by_head = self._orgs_by_head(entities)
        return (
            self.positions(text, simplified, entities, credited, by_head),
            self.clusters(entities, traditional, simplified, by_head),
        )

    def positions(
        self,
        text: str,
        simplified: str,
        entities: list[Entity],
        credited: list[tuple[int, int, str]],
        by_head: dict[str, tuple[list[int], list[int]]],
    ) -> list[Relation]:
        """Every position the text states, person by person in text order, the title nearest the name first.

        A title after the name (周明总监) is an address that mostly repeats a position stated
        elsewhere; it is kept only for a name with no other position in the article (王建国主席).
        """
        doc = _Positions(self, text, simplified, entities, credited, by_head)
        found = [(p, link) for p, e in enumerate(entities) if e.type == "PERSON" for link in doc.links(p)]
        titled = {entities[p].text_simplified for p, link in found if link.rule != "position.after_name"}
        relations: list[Relation] = []
        seen: set[tuple[int, str, int | None]] = set()
        for p, link in found:
            if link.rule == "position.after_name" and entities[p].text_simplified in titled:
                continue
            title = link.written or text[link.title.start : link.title.end]
            if (p, title, link.organization) in seen:
                continue
            seen.add((p, title, link.organization))
            person = entities[p]
            relations.append(
                Relation(
                    type="position",
                    person=p,
                    title=title,
                    organization=link.organization,
                    evidence=(min(link.start, person.start), max(person.end, link.title.end, link.end)),
                    rule=link.rule,
                )
            )
        return relations

    def _orgs_by_head(self, entities: list[Entity]) -> dict[str, tuple[list[int], list[int]]]:
        """For each head word, the organizations ending in it: (their end offsets, their indices), in text order."""
        table: dict[str, tuple[list[int], list[int]]] = {}
        heads = self._words["type_heads"]
        for i in (i for i, e in enumerate(entities) if e.type == "ORG"):
            for head in data.endings(entities[i].text_simplified, heads):
                ends, indices = table.setdefault(head, ([], []))
                ends.append(entities[i].end)
                indices.append(i)
        return table

    def clusters(
        self,
        entities: list[Entity],
        traditional: bool,
        simplified: str,
        by_head: dict[str, tuple[list[int], list[int]]],
    ) -> list[Cluster]:
        w = self._words
        region = self._region(entities)
        if region and traditional:
            region = self._to_traditional.convert(region)
        groups: list[dict] = []
        exact: dict[tuple[str, str], dict] = {}  # (type, key) -> group
        suffixes: dict[str, dict] = {}  # every ending (3+ characters) of an ORG group's key -> group
        for i, e in enumerate(entities):
            if e.type not in ("ORG", "PERSON"):
                continue
            key = self._expand(e.text_simplified, w)
            group = exact.get((e.type, key))
            if group is None and e.type == "ORG":
                # 雨花敬老服务中心 joins 柳州市雨花敬老服务中心, and the other way round.
                group = suffixes.get(key) or next(
                    (exact[("ORG", key[k:])] for k in range(1, len(key) - 2) if ("ORG", key[k:]) in exact), None
                )
            if group is None:
                group = {"type": e.type, "key": key, "best": i, "mentions": []}
                groups.append(group)
            group["mentions"].append(i)
            if len(e.text) > len(entities[group["best"]].text):
                group["best"] = i
            exact.setdefault((e.type, key), group)
            if e.type == "ORG":
                for k in range(len(key) - 2):
                    suffixes.setdefault(key[k:], group)
        references = self._references(simplified, entities, groups, by_head)
        clusters = []
        for n, group in enumerate(groups):
            best = entities[group["best"]]
            canonical = best.text
            if best.type == "ORG" and region:
                for prefix in w["region_prefixes"]:
                    if best.text_simplified.startswith(prefix) and self._simplified_end(region, prefix):
                        canonical = region + canonical[len(prefix) :]
                        break
            refs = references.get(n, [])
            clusters.append(
                Cluster(
                    type=group["type"],
                    canonical=canonical,
                    mentions=group["mentions"],
                    references=refs,
                    count=len(group["mentions"]) + len(refs),
                )
            )
        return clusters

    def _references(
        self,
        simplified: str,
        entities: list[Entity],
        groups: list[dict],
        by_head: dict[str, tuple[list[int], list[int]]],
    ) -> dict[int, list[tuple[int, int]]]:
        """该协会, 这家公司, and a bare 服务中心 opening a clause: the nearest earlier organization of that type."""
        w = self._words
        group_of = {i: n for n, g in enumerate(groups) if g["type"] == "ORG" for i in g["mentions"]}
        inside = bytearray(len(simplified))
        for e in entities:
            inside[e.start : e.end] = b"\x01" * (e.end - e.start)
        found: dict[int, list[tuple[int, int]]] = {}
        for m in w["reference_re"].finditer(simplified):
            if any(inside[m.start() : m.end()]):
                continue
            head = next(data.endings(m.group(), w["type_heads"]), "")
            if not m.group().startswith(tuple(w["demonstratives"])) and len(head) < 3:
                continue  # a bare 协会 is too vague; a bare 服务中心 or 该协会 is a reference
            ends, indices = by_head.get(head, ([], []))
            k = bisect.bisect_right(ends, m.start())
            if k:
                found.setdefault(group_of[indices[k - 1]], []).append((m.start(), m.end()))
        return found

    def _region(self, entities: list[Entity]) -> str | None:
        """The province most named in the article (by LOC and ORG mentions starting with its name)."""
        w = self._words
        provinces, order = w["provinces"], w["province_order"]
        counts: Counter[str] = Counter()
        for e in entities:
            if e.type in ("LOC", "ORG"):
                starts = (e.text_simplified[:n] for n in w["province_lengths"] if n <= len(e.text_simplified))
                for short in sorted((x for x in starts if x in provinces), key=order.__getitem__):
                    counts[short] += 1  # in the table's order, so that a tie goes as it always went
        if not counts:
            return None
        return provinces[counts.most_common(1)[0][0]]

    @staticmethod
    def _simplified_end(region: str, prefix: str) -> bool:
        """Does the region's full name end in this level word (自治区/省/市), in either script?"""
        return region.endswith(prefix) or region.endswith({"自治区": "自治區"}.get(prefix, prefix))

    @staticmethod
    def _expand(name: str, w: dict) -> str:
        """Spell out abbreviations (社工 -> 社会工作) so that both forms of a name compare equal."""
        for short, full in w["abbreviations"].items():
            if short in name and full not in name:
                name = name.replace(short, full)
        return name


class _Positions:
    """The position links of one document: its text, its entities, and which entity holds each character."""

    def __init__(
        self,
        linker: Linker,
        text: str,
        simplified: str,
        entities: list[Entity],
        credited: list[tuple[int, int, str]],
        by_head: dict[str, tuple[list[int], list[int]]],
    ) -> None:
        self.w = linker._words
        self.text, self.s, self.entities, self.by_head = text, simplified, entities, by_head
        self.owner = [-1] * len(simplified)
        for i, e in enumerate(entities):
            self.owner[e.start : e.end] = [i] * (e.end - e.start)
        self.orgs = [i for i, e in enumerate(entities) if e.type == "ORG"]
        self.org_ends = [entities[i].end for i in self.orgs]
        self.org_ending_at = {entities[i].end: i for i in self.orgs}
        self.org_starting_at = {entities[i].start: i for i in self.orgs}
        # Where a name that ends here starts: people, and the names credit lines give (a list walks back over them).
        self.name_ending_at = {end: start for start, end, _ in credited}
        self.name_ending_at.update({e.end: e.start for e in entities if e.type == "PERSON"})
        self.person_ending_at = {e.end: i for i, e in enumerate(entities) if e.type == "PERSON"}
        self.person_starting_at = {e.start: i for i, e in enumerate(entities) if e.type == "PERSON"}

    # --- one person's links -----------------------------------------------------------------------

    def links(self, p: int) -> list[Link]:
        """The person's positions: a credit alone, or a chain of titles before the name and one after it.

        A surname alone (蔡总统, 李局长) is no name: it holds no position.
        """
        if len(self.entities[p].text_simplified.strip(SPACES)) < 2:
            return []
        credit = self._credits(p)
        if credit:
            return credit
        after = self._after_name(p)
        apposition = self._apposition(p)
        chain = self._chain(p) or self._counted_list(p) or self._relative(p) or self._post_taken(p)
        return chain + ([after] if after else []) + apposition

    def _counted_list(self, p: int) -> list[Link]:
        """A later name of a list whose first name is titled, where the text counts the list, so that the title
        is said of every name in it: 两位副市长张伟、刘洋 (a count before the title), 院士张杰、李灿、王贻芳三人 (after
        the last name), or where several people hold the title at once (副市长张伟、刘洋; ``_shared``). Another
        uncounted list (主席张三、李四) may name people of other titles: only the first is linked.
        """
        s, w = self.s, self.w
        first, pos = None, self.entities[p].start
        for _ in range(8):  # back over the names before this one
            joint = next((j for j in w["name_joints"] if self._free_before(pos, j)), None)
            q = self.person_ending_at.get(pos - len(joint)) if joint else None
            if q is None:
                break
            first, pos = q, self.entities[q].start
        if first is None:
            return []
        links = [link for link in self._chain(first) if not link.title.credit]
        if not links:
            return []
        end = self.entities[p].end
        for _ in range(8):  # forward over the names after this one
            joint = next(
                (j for j in w["name_joints"] if s.startswith(j, end) and not self._covered(end, end + 1)), None
            )
            q = self.person_starting_at.get(end + len(joint)) if joint else None
            if q is None:
                break
            end = self.entities[q].end
        opening = min(link.start for link in links)
        counted = w["count_before_re"].search(s, max(0, opening - 6), opening) or w["count_after_re"].match(s, end)
        if not counted and not all(self._shared(link.title) for link in links):
            return []
        return [Link(link.title, link.organization, link.start, "position.list", link.written) for link in links]

    def _shared(self, title: Title) -> bool:
        """A title several people hold at once (``shared_titles``, or a deputy's: 副市长), said of every name of an
        uncounted list after it."""
        written = self.s[title.start : title.end]
        if written.startswith(self.w["single_holder_openers"]):
            return False  # 主任委员, 首席代表: one holds it
        return "副" in written or written.endswith(self.w["shared_titles"])

    def _chain(self, p: int) -> list[Link]:
        """Titles before the name, nearest first: 省委书记、省人大常委会主任张某某 gives 主任, then 书记.

        A title written before a list of bodies holds at each (中国科学院、中国工程院院士). Appositions joined
        by a comma are read too when each is whole, from the opening of its clause to the comma
        (科学院院士，政协副主席钱某: both); a comma-joined title takes no body from another. A relation to
        another person between the titles and the name is read past (港交所前高级副总裁、许仕仁的好友关雄生).
        """
        start = self._relation_before(self._honorifics_before(self.entities[p].start))
        end, written_end = self._bracket(self._back(start, TITLE_GAPS, 2))
        segments: list[list[Link]] = [[]]
        while True:
            title = self._title_before(end)
            if title is None or title.credit:
                break
            if not segments[0] and written_end > title.end:  # 常务总监（财务及投资）: the portfolio is part of it
                title = Title(title.start, written_end, title.base)
            held = len(segments[-1])
            segments[-1].append(self._with_organization(title))
            segments[-1].extend(self._listed(segments[-1][-1]))
            start = self._left(segments[-1][-1])
            if self.s.endswith(self.w["candidacy_verbs"], 0, start):
                del segments[-1][held:]  # 参选 + 台南市长、立委柯明: a title sought, not held, and none after it
                break
            joint = next((j for j in self.w["joints"] if self._free_before(start, j)), None)
            if joint is not None:
                end = start - len(joint)
            elif start > 0 and self.s[start - 1] in self.w["apposition_commas"]:
                end = start - 1
                segments.append([])
            else:
                break
        if len(segments) > 1 and (not segments[-1] or not self._clause_opens(self._left(segments[-1][-1]))):
            segments.pop()  # an apposition after a comma that is not a whole clause is not the name's
        first = segments[-1][-1] if segments and segments[-1] else None
        if first is not None and first.organization is None and self._place_of(first.title) is None:
            segments[-1][-1] = self._from_the_name_before(first.title) or self._subject(first.title) or first
        return [link for links in segments for link in self._inherit(links)]

    def _relation_before(self, start: int) -> int:
        """Where the titles before a name end when a relation to another person stands between them
        and the name, after a joint (前主席、马英九的老友吴志明: ``relation_words``); else ``start``."""
        s, w = self.s, self.w
        word = next((r for r in w["relation_words"] if self._free_before(start, r)), None)
        if word is None or not self._free_before(start - len(word), "的"):
            return start
        q = self.person_ending_at.get(start - len(word) - 1)
        if q is None:
            return start
        before = self.entities[q].start
        return before - 1 if before > 0 and s[before - 1] in w["joints"] else start

    def _from_the_name_before(self, title: Title) -> Link | None:
        """江南集团董事长王刚、总经理李华 (or 和, 及, 与: ``name_joints``): a title right after a titled name and
        a joint is at the body of that name's title, where it fits it (not 市长 at the 市委 of
        市委书记张明、市长李强); after a comma, where the body is of a kind known to have it (江南公司董事长王刚，
        总经理李华)."""
        start = title.start
        joints = (*self.w["name_joints"], *self.w["apposition_commas"])
        joint = next((j for j in joints if self._free_before(start, j)), None)
        k = self.person_ending_at.get(start - len(joint)) if joint else None
        if k is None:
            return None
        before = next(iter(self._chain(k)), None)  # the title nearest that name
        org = before.organization if before is not None else None
        known = joint in self.w["apposition_commas"]
        if org is None or not self._party_fits(org, title.base) or not self._fits(org, title.base, known):
            return None
        return Link(title, org, before.start, "position.chain")

    def _clause_opens(self, pos: int) -> bool:
        """Does a clause open at ``pos`` (after a clause or sentence end, or at the start of the text)?"""
        pos = self._back(pos, SPACES, 4)
        return pos == 0 or self.s[pos - 1] in CLAUSE_ENDS

    def _honorifics_before(self, start: int) -> int:
        """Back over the honorifics written between a title and the name (总执行长拿督斯里某某)."""
        honorific = next((h for h in self.w["honorifics"] if self._free_before(start, h)), None)
        return start - len(honorific) if honorific else start

    def _listed(self, link: Link) -> list[Link]:
        """The same title at each body listed before its own (中国科学院、中国工程院院士: at both)."""
        out: list[Link] = []
        if link.organization is None or link.rule != "position.title":
            return out
        start = link.start
        while start > 1 and self.s[start - 1] in self.w["list_joints"]:
            k = self.owner[start - 2]
            if k < 0 or self.entities[k].type != "ORG" or self.entities[k].end != start - 1:
                break
            start = self.entities[k].start
            out.append(Link(link.title, k, start, "position.listed", link.written))
        return out

    def _apposition(self, p: int) -> list[Link]:
        """A title stated right after the name, a whole [body] title up to the clause's end: restated
        (张三这位公司董事长), between commas or in brackets (张三，华为公司董事长，/ 张三（华为公司董事长）),
        or after a verb of holding (张三是华为公司董事长, 张三，现任华为公司总裁，: ``statement_verbs``), which
        an adverb of time may open (张三此前担任…: ``statement_adverbs``); a word naming the post (一职:
        ``post_title_words``) or the time of holding it (担任董事长后: ``post_title_times``) may follow the
        title. The title may be of a place rather than a body (李四现任江南市副市长: at none), and titles joined by
        兼 or 、 are each stated, the later ones at the body of the first (王刚，江南集团董事长兼总裁，), as are
        whole titles joined by 和 (担任江南律协副会长和全国律协理事)."""
        s, w, k = self.s, self.w, self.entities[p].end
        if any(self._free_before(self.entities[p].start, v) for v in w["succession_verbs"]):
            return []  # 接替李国强出任…: the title is the subject's, not the predecessor's
        marker = next((m for m in w["apposition_openers"] if s.startswith(m, k)), None)
        if marker is None:  # 张三此前担任, 张三接替李四出任: what may stand before the verb of holding
            between = self._before_statement_verb(k)
            marker = next((v for v in w["statement_verbs"] if between > k and s.startswith(v, between)), None)
            k = between if marker is not None else k
        if s.startswith("同志为", k) and not self._covered(k, k + 3):  # 任命王华同志为
            k += 2
        if marker is None and s.startswith("为", k) and self._appointed(p):  # 任命王华为国家统计局局长
            marker = "为"
        if marker is None or self._covered(k, k + len(marker)):
            return []
        opening = k + len(marker)
        if marker in self.w["apposition_commas"]:  # 张三，现任华为公司总经理，
            opening += len(next((v for v in self.w["statement_verbs"] if s.startswith(v, opening)), ""))
        closing = "）)" if marker in "（(" else CLAUSE_ENDS
        # a chain of titles joined by 、 runs longer (担任中共某区委书记、农业部部长、某省委书记期间)
        reach = 48 if "、" in s[opening : opening + 24] else 24
        ends = [i for i in (s.find(c, opening, opening + reach) for c in closing) if i > opening]
        if not ends:
            return []
        end = min(ends)
        end -= len(next((x for x in self.w["post_title_times"] if s.endswith(x, opening, end)), ""))  # …董事长后
        end -= len(next((x for x in self.w["post_title_words"] if s.endswith(x, opening, end)), ""))  # …总经理一职
        chain = self._titles_back(end, opening)
        if not chain or not self._whole_title(chain[-1], opening):
            return []  # 这位来自公司的董事长: only a whole [place or body] title (为公司副总经理: at none)
        start = self.entities[p].start
        return [Link(x.title, x.organization, start, "position.apposition", x.written) for x in self._inherit(chain)]

    def _post_taken(self, p: int) -> list[Link]:
        """A whole [body] title opening a clause, named as a post taken by the name after 由 and before a verb of
        holding (江南公司总经理一职由李四接任: ``post_title_words``, ``statement_verbs``)."""
        s, w = self.s, self.w
        person = self.entities[p]
        if not self._free_before(person.start, "由"):
            return []
        end = person.start - 1
        word = next((x for x in w["post_title_words"] if self._free_before(end, x)), None)
        verb = next((v for v in w["statement_verbs"] if s.startswith(v, person.end)), None)
        if word is None or verb is None or self._covered(person.end, person.end + len(verb)):
            return []
        chain = self._titles_back(end - len(word), 0)
        if not chain or not self._clause_opens(self._left(chain[-1])):
            return []
        start = self._left(chain[-1])
        return [Link(x.title, x.organization, start, "position.apposition", x.written) for x in self._inherit(chain)]

    def _titles_back(self, end: int, opening: int) -> list[Link]:
        """The titles written back from ``end`` to no further than ``opening``, nearest first (江南集团董事长兼总裁:
        总裁, then 董事长), joined by 兼 or 、, or by 和 before a whole body title; none if no title ends there."""
        w, chain = self.w, []
        while True:
            title = self._title_before(end)
            if title is None or title.credit:
                return []
            chain.append(self._with_organization(title))
            left = self._left(chain[-1])
            joints = w["joints"] if chain[-1].organization is None else (*w["joints"], *w["name_joints"])
            joint = next((j for j in joints if self._free_before(left, j)), None)  # 和 before a whole body title
            if joint is None or left - len(joint) <= opening:
                return chain
            end = left - len(joint)

    def _whole_title(self, link: Link, opening: int) -> bool:
        """Does the title, with its body or place, begin at ``opening`` (or a bare type word does: 为公司副总经理)?"""
        if self._left(link) == opening:
            return True
        return link.organization is None and (
            self._place_between(opening, link.start) or self.s[opening : link.start] in self.w["bare_heads"]
        )

    def _relative(self, p: int) -> list[Link]:
        """A whole [body] title held before the name: after a verb of holding and before 的 (曾任华为公司副总裁的
        张三, 身为江南集团董事长的李四), or after 作为/身为 opening a clause and before a comma (作为小米集团创始人，
        雷军表示: ``role_verbs``)."""
        s, w = self.s, self.w
        start = self.entities[p].start
        if self._free_before(start, "的"):
            verbs = (*w["statement_verbs"], *w["role_verbs"])
        elif start > 0 and s[start - 1] in w["apposition_commas"] and not self._covered(start - 1, start):
            verbs = w["role_verbs"]
        else:
            return []
        chain = self._titles_back(start - 1, 0)
        if not chain:
            return []
        opening = self._left(chain[-1])
        verb = next((v for v in verbs if self._free_before(opening, v)), None)
        if verb is None or (verbs is w["role_verbs"] and not self._clause_opens(opening - len(verb))):
            return []
        return [
            Link(x.title, x.organization, opening - len(verb), "position.apposition", x.written)
            for x in self._inherit(chain)
        ]

    def _before_statement_verb(self, k: int) -> int:
        """Past what may stand between a name and its verb of holding: 同志, an adverb of time (此前) or a date
        (昨天, 于2023年), a verb of succession and the predecessor's name (接替李国强), or several."""
        s, w = self.s, self.w
        for _ in range(4):
            if s.startswith("同志", k) and not self._covered(k, k + 2):
                k += 2
                continue
            date = self._date_at(k + 1 if s.startswith("于", k) else k)
            if date is not None:
                k = date
                continue
            adverb = next((a for a in w["statement_adverbs"] if s.startswith(a, k)), None)
            if adverb is not None and not self._covered(k, k + len(adverb)):
                k += len(adverb)
                continue
            succession = next((v for v in w["succession_verbs"] if s.startswith(v, k)), None)
            q = self.person_starting_at.get(k + len(succession)) if succession else None
            if q is None or self._covered(k, k + len(succession)):
                break
            k = self.entities[q].end
        return k

    def _date_at(self, k: int) -> int | None:
        """Where a DATE entity that starts at ``k`` ends."""
        j = self.owner[k] if k < len(self.owner) else -1
        e = self.entities[j] if j >= 0 else None
        return e.end if e is not None and e.type == "DATE" and e.start == k else None

    def _appointed(self, p: int) -> bool:
        """Is the name the object of a verb of appointing (任命王华为, 聘任刘芳为)?"""
        start = self._back(self.entities[p].start, SPACES, 1)
        return any(self._free_before(start, v) for v in self.w["appointing_verbs"])

    def _place_between(self, start: int, end: int) -> bool:
        """Is [start, end) one place, the one whose office a title after it is (江南市|副市长, 江南|市长)?"""
        k = self.owner[start] if start < end else -1
        return (
            k >= 0
            and self.entities[k].type == "LOC"
            and self.entities[k].start == start
            and self.entities[k].end in (end, end + 1)
        )

    def _bracket(self, end: int) -> tuple[int, int]:
        """Brackets between a title and the name: (where the title ends, where its written form ends).

        A gloss of the title is left out (CEO（首席执行官）王明 -> CEO); a portfolio is part of it
        (常务总监（财务及投资）周明 -> 常务总监（财务及投资）).
        """
        if end == 0 or self.s[end - 1] not in "）)":
            return end, end
        start = max(self.s.rfind("（", max(0, end - 14), end), self.s.rfind("(", max(0, end - 14), end))
        if start < 0 or self._covered(start, end) or self._title_before(start) is None:
            return end, end
        inner = self._title_before(end - 1)
        return (start, start) if inner is not None and inner.start == start + 1 else (start, end)

    def _with_organization(self, title: Title) -> Link:
        """The organization written before a title, and 前/原 before that organization (前交通部长 -> 前部长) or
        before the place the office is of (前美国总统 -> 前总统, at none)."""
        org, start, rule = self._organization_before(title)
        if org is None and title.start > 0 and not title.base.startswith(tuple(self.w["former"])):
            k = self._place_of(title)
            if k is not None:  # 新北市長
                start = self.entities[k].start  # the place is no body: only the 前 before it is read
                former = next(
                    (f for f in self.w["former"] if self._free_before(start, f) and self._opens(start - len(f))), None
                )
                if former is not None:
                    written = self.text[start - len(former) : start] + self.text[title.start : title.end]
                    return Link(title, None, start - len(former), rule, written)
                return Link(title, None, title.start, rule)
        if org is None or rule == "position.reference" or title.base.startswith(tuple(self.w["former"])):
            return Link(title, org, start, rule)
        opening = (f for f in self.w["former"] if self._free_before(start, f) and self._opens(start - len(f)))
        former = next(opening, None)
        if former is None:
            return Link(title, org, start, rule)
        written = self.text[start - len(former) : start] + self.text[title.start : title.end]
        return Link(title, org, start - len(former), rule, written)

    def _place_of(self, title: Title) -> int | None:
        """The place written right before a title, whose office it is (四川省|副省长, 北京市|长 sharing 市)."""
        k = self.owner[title.start - 1] if title.start > 0 else -1
        if k >= 0 and self.entities[k].type == "LOC" and self.entities[k].end - title.start in (0, 1):
            return k
        return None

    def _left(self, link: Link) -> int:
        """Where a link's written title begins, with the place before a title of no body (四川省副省长)."""
        k = self._place_of(link.title) if link.organization is None else None
        return min(link.start, self.entities[k].start) if k is not None else link.start

    def _inherit(self, links: list[Link]) -> list[Link]:
        """A chained title with no body of its own takes the organization of the title before it.

        Not one with its own 前/原 after a title whose 前 stood before its body (前中影董事长、前立委):
        written again, it opens a title of its own, which names no body; nor one of a place (四川省副省长).
        """
        out: list[Link] = []
        carry: Link | None = None
        for link in reversed(links):  # text order
            own_former = self.s[link.title.start : link.title.start + 1] in self.w["former"]
            if (
                link.organization is None
                and carry is not None
                and not (carry.written and own_former)
                and self._place_of(link.title) is None  # 集团副总经理、四川省副省长: the place's office
                and self._party_fits(carry.organization, link.title.base)
            ):
                link = Link(link.title, carry.organization, carry.start, "position.chain")
            if link.organization is not None:
                carry = link
            out.append(link)
        return out[::-1]

    # --- titles ----------------------------------------------------------------------------------

    def _title_before(self, end: int) -> Title | None:
        """The longest title ending at ``end`` that takes no character of an entity, with its modifiers.

        The one exception is a shared head: 交通部长 is 交通部 + 部长, its 部 written once.
        """
        for t in data.endings(self.s[max(0, end - 12) : end], self.w["titles"]):
            start = end - len(t)
            shared = self._shared_head(start, end)
            if shared is not None:
                org = shared if self.entities[shared].type == "ORG" else self._party_before(shared)
                return Title(start, end, t, t in self.w["credit"], org)
            if self._covered(start, end) and not self._whole(start, end):
                continue
            if t in self.w["credit"]:
                return Title(start, end, t, True)
            return Title(self._stationed(self._modifiers_before(start)), end, t)
        return None

    def _party_before(self, place: int) -> int | None:
        """国民党台北市议员: the body written right before the place whose level the title shares (the party of
        a city's councillor); none before a place alone (新北市长: the place is no body)."""
        start = self.entities[place].start
        k = self.owner[start - 1] if start > 0 else -1
        return k if k >= 0 and self.entities[k].type == "ORG" and self.entities[k].end == start else None

    def _stationed(self, start: int) -> int:
        """驻 + a place before a title belongs to it: 中国驻美国大使 -> 驻美国大使."""
        k = self.owner[start - 1] if start > 0 else -1
        if k < 0 or self.entities[k].type != "LOC" or self.entities[k].end != start:
            return start
        loc = self.entities[k].start
        return loc - 1 if self._free_before(loc, "驻") else start

    def _shared_head(self, start: int, end: int) -> int | None:
        """An organization or place that ends on the title's first character (交通部|长, 北京市|长, 雪兰莪州|议员)."""
        k = self.owner[start]
        if k < 0 or self.entities[k].type not in ("ORG", "LOC") or self.entities[k].end != start + 1:
            return None
        return None if end - start < 2 or self._covered(start + 1, end) else k

    def _whole(self, start: int, end: int) -> bool:
        """A listed title that holds whole organizations is one title: 财政司司长, not 司长 at 财政司.

        So is one found as an organization itself (前立委 with 立委 taken for an ORG).
        """
        held = {k for k in self.owner[start:end] if k >= 0}
        return all(
            self.entities[k].type == "ORG" and start <= self.entities[k].start and self.entities[k].end <= end
            for k in held
        )

    def _modifiers_before(self, start: int) -> int:
        """Back over the modifiers written before a title (常务+副+主任), none taken from an entity.

        前/原 also end words (目前, 此前, 太原): they are taken only where a word may begin.
        """
        for _ in range(4):
            m = next(
                (
                    m
                    for m in self.w["modifiers"]
                    if self._free_before(start, m) and (m not in self.w["former"] or self._opens(start - len(m)))
                ),
                None,
            )
            if m is None:
                break
            start -= len(m)
        return start

    def _opens(self, pos: int) -> bool:
        """May a word begin at ``pos``: after no Han character, or after an entity (港交所|前高级副总裁)?"""
        return pos == 0 or self.owner[pos - 1] >= 0 or not ("\u4e00" <= self.s[pos - 1] <= "\u9fff")

    def _core(self, title: str) -> str:
        """The title without its modifiers (常务副主任 -> 主任), for judging which bodies it fits; an assistant to a
        head fits what the head fits (院长助理 -> 院长)."""
        for _ in range(4):
            m = next((m for m in self.w["modifiers"] if title.startswith(m) and len(title) > len(m) + 1), None)
            if m is None:
                break
            title = title[len(m) :]
        return title[:-2] if title.endswith("助理") and len(title) >= 4 else title

    # --- organizations -------------------------------------------------------------------------

    def _organization_before(self, title: Title) -> tuple[int | None, int, str]:
        """(organization, where the evidence starts, rule) for a title: adjacent, sharing a head, or by type word."""
        if title.shared is not None:
            return title.shared, self.entities[title.shared].start, "position.shared_head"
        pos = self._alias_before(title.start)
        if pos > 0 and self.s[pos - 1] in CLOSING_QUOTES and pos - 1 in self.org_ending_at:
            pos -= 1  # 《明报》创办人
        else:  # 华为公司的董事长, 京东集团方面负责人
            link = next((x for x in self.w["title_links"] if self._free_before(pos, x)), "")
            if link and pos - len(link) in self.org_ending_at:
                pos -= len(link)
        if pos in self.org_ending_at:
            k = self.org_ending_at[pos]
            named = "orgs.gazetteer" in (self.entities[k].rule or "")  # 教育局 of Hong Kong: a body's own name
            if self.entities[k].text_simplified in self.w["bare_heads"] and not named:  # 公司总经理: the model's
                ends, indices = self.by_head.get(self.entities[k].text_simplified, ([], []))
                n = bisect.bisect_right(ends, self.entities[k].start)
                found = indices[n - 1] if n else None
                return found, self.entities[k].start, "position.reference" if found is not None else "position.title"
            return k, self.entities[k].start, "position.title"
        found = self._by_type_word(title.start)
        if found is not None:
            return found[0], found[1], "position.reference"
        return None, title.start, "position.title"

    def _alias_before(self, end: int) -> int:
        """Where the bracket opens of an organization's short name or stock code written between it and a title
        (江南机械集团有限公司（以下简称“江南机械”）董事长, 腾讯控股（00700.HK）主席); else ``end``."""
        s = self.s
        if end == 0 or s[end - 1] not in "）)":
            return end
        start = max(s.rfind("（", max(0, end - 32), end), s.rfind("(", max(0, end - 32), end))
        if start <= 0 or start not in self.org_ending_at or any(c in s[start:end] for c in CLAUSE_ENDS + "、"):
            return end
        named = (self.owner[i] for i in range(start, end) if self.owner[i] >= 0)
        return end if any(self.entities[k].type == "PERSON" for k in named) else start

    def _by_type_word(self, end: int) -> tuple[int, int] | None:
        """该协会 / a bare 服务中心 before a title: the nearest earlier organization ending in that type word.

        Only a bare type word (after a demonstrative, or opening a clause) refers: in 江南摄影家协会主席 the
        协会 is the end of a name the extractors missed, not a reference to another 协会.
        """
        s, w = self.s, self.w
        for head in data.endings(s[max(0, end - w["type_heads"][0][0]) : end], w["type_heads"]):
            if self._covered(end - len(head), end):
                continue
            start = end - len(head)
            demonstrative = next((d for d in w["demonstratives"] if self._free_before(start, d)), None)
            if demonstrative:
                start -= len(demonstrative)
            elif start > 0 and s[start - 1] not in CLAUSE_ENDS + SPACES + CLOSING_QUOTES:
                return None
            ends, indices = self.by_head.get(head, ([], []))
            k = bisect.bisect_right(ends, start)  # the nearest earlier organization of that type
            return (indices[k - 1], start) if k else None
        return self._by_head_character(end)

    def _by_head_character(self, end: int) -> tuple[int, int] | None:
        """该会会长, 该院院长, 该行行长, 该校校长: a demonstrative and a one-character head word (``orgs.json``, or
        ``titles.json`` ``demonstrative_heads``) refer to the nearest earlier organization whose name ends in
        that character or in a head word it stands for (南京市红十字会 … 该会会长; 江南大学 … 该校校长)."""
        s, w = self.s, self.w
        if end < 2 or s[end - 1] not in w["head_characters"] or self._covered(end - 1, end):
            return None
        start = end - 1
        demonstrative = next((d for d in w["demonstratives"] if self._free_before(start, d)), None)
        if demonstrative is None:
            return None
        ends = w["head_characters"][s[start]]
        for n in range(bisect.bisect_right(self.org_ends, start) - 1, -1, -1):
            k = self.orgs[n]
            if self.entities[k].text_simplified.endswith(ends):
                return k, start - len(demonstrative)
        return None

    def _subject(self, title: Title) -> Link | None:
        """The subject organization of the sentence, if one fits the title.

        After 由/其/该 (华为公司举行发布会，由董事长梁华主持; 其董事长; 该负责人), or for a bare title
        opening a clause (市议会审议议案后，主席王明宣布…), where the body must be of a kind known
        to have that title, or be of no known kind for a title only companies have (台积电召开股东会，董事长…).
        A title (or a type word: 公司副总经理) opening a sentence refers to the subject of the sentence
        before it in the paragraph (江南钢铁集团发布年报。董事长王大明表示): the body that opens it, with no title
        of its own (not 港铁公司 in 港铁公司行政总裁杨美珍表示，…。常务总监…).
        """
        marker = next((m for m in self.w["subject_markers"] if self._free_before(title.start, m)), None)
        typed = self._type_word_before(title.start) if marker is None else None
        if typed is not None:  # 该公司 with no earlier 公司 of that name: the sentence's subject, a company
            marker = self.s[typed[0] : title.start]
        bare = marker is None and title.start > 0 and self.s[title.start - 1] in CLAUSE_ENDS
        if marker is None and not bare:
            return None
        pos = title.start - (len(marker) if marker else 0)
        sentence = max(self.s.rfind(c, 0, pos) for c in SENTENCE_ENDS) + 1
        before = (bare or typed is not None) and sentence == pos and pos > 1 and self.s[pos - 1] in "。！？!?"
        if before:
            pos = sentence - 1
            sentence = max(self.s.rfind(c, 0, pos) for c in SENTENCE_ENDS) + 1
        elif bare and self.s[title.start - 1] not in CLAUSE_BREAKS:
            return None  # after a colon or a paragraph break
        if typed is not None:
            return self._typed_subject(title, typed[1], pos, sentence, before)
        in_sentence = []
        for n in range(bisect.bisect_right(self.org_ends, pos) - 1, -1, -1):
            k = self.orgs[n]
            if self.entities[k].start < sentence:
                break
            if not before or self._opens_sentence(k, sentence):
                in_sentence.append(k)
        for k in in_sentence:
            if self._fits(k, title.base, known=bare) and self._heads_clause(k, sentence):
                return Link(title, k, self.entities[k].start, "position.subject")
        headed = [k for k in in_sentence if self._headed_title(k, title.base)]
        if len({self.entities[k].text_simplified for k in headed}) == 1:  # 市公安局和市交通局…，局长: which?
            return Link(title, headed[0], self.entities[headed[0]].start, "position.subject")
        return None

    def _type_word_before(self, end: int) -> tuple[int, str] | None:
        """(where it starts, the type word) of a demonstrative and a type word written before a title
        (该公司总裁, 这家银行行长), or of a type word alone opening a sentence, outside every entity."""
        s, w = self.s, self.w
        for head in data.endings(s[max(0, end - w["type_heads"][0][0]) : end], w["type_heads"]):
            start = end - len(head)
            if self._covered(start, end):
                continue
            demonstrative = next((d for d in w["demonstratives"] if self._free_before(start, d)), None)
            if demonstrative:
                return start - len(demonstrative), head
            return (start, head) if start > 0 and s[start - 1] in "。！？!?" else None  # 。公司副总经理
        return None

    def _opens_sentence(self, k: int, sentence: int) -> bool:
        """Does the organization open its sentence as its subject, after no more than a connective (另外，此外，),
        with no title written right after it?"""
        e, w = self.entities[k], self.w
        clause = max(sentence, max(self.s.rfind(c, sentence, e.start) for c in CLAUSE_ENDS) + 1)
        if clause - sentence > 5 or self._covered(sentence, clause) or not self._heads_clause(k, sentence):
            return False
        return not any(self.s[e.end : e.end + n] in ts for n, ts in w["title_prefixes"])

    def _typed_subject(self, title: Title, head: str, pos: int, sentence: int, before: bool = False) -> Link | None:
        """该公司总裁 where no earlier organization ends in 公司 (小米集团…，该公司总裁卢伟冰): the subject organization
        of the sentence, before ``pos``, where its kind is the type word's (集团 and 公司 are both companies) or
        unknown (長榮航空), and it can have the title; ``before``: in the sentence before, the one that opens it."""
        kind = self.w["kind_of_head"].get(head)
        for n in range(bisect.bisect_right(self.org_ends, pos) - 1, -1, -1):
            k = self.orgs[n]
            if self.entities[k].start < sentence:
                break
            if not self._heads_clause(k, sentence) or (before and not self._opens_sentence(k, sentence)):
                continue
            if self._kind(k) not in (None, kind) or not self._fits(k, title.base):
                return None
            return Link(title, k, self.entities[k].start, "position.reference")
        return None

    def _headed_title(self, k: int, title: str) -> bool:
        """Is the title the head of a body of that head word (局长 of a 局, 校长 of a 学校)? The one such body
        in the sentence is meant whether or not it opens its clause (记者从市教育局获悉，局长陈刚表示)."""
        name, core = self.entities[k].text_simplified, self._core(title)
        return len(core) == 2 and core[1] == "长" and name.endswith(core[0])

    def _fits(self, k: int, title: str, known: bool = False) -> bool:
        """Can this body have this title? 局长 a 局; 董事长 a 公司, not a 政府; 市长 a 政府 only; a body of no
        known kind, any unless ``known``."""
        if self._headed_title(k, title):
            return True
        if self._core(title) in self.w["place_head_titles"]:  # 市长 at a 市政府, not at its 宣传部
            return self.entities[k].text_simplified.endswith(self.w["place_head_bodies"])
        kind = self._kind(k)
        if kind is None:
            return not known or self._core(title) in self.w["company_only_titles"]
        return self._core(title) in self.w["kind_titles"][kind] or title in self.w["kind_titles"][kind]

    def _party_fits(self, k: int | None, title: str) -> bool:
        """Not a government's head for a party committee (市委副书记、市长: 市长 is no title of 市委); any title
        for any other body (招商局集团副总经理、党委委员: the chain's kinds are not all listed)."""
        return k is None or self._kind(k) != "party_committee" or self._fits(k, title)

    def _kind(self, k: int) -> str | None:
        """The kind of body an organization is by its head word (``titles.json`` ``kinds``), if known."""
        name = self.entities[k].text_simplified
        return next((self.w["kind_of_head"][head] for head in data.endings(name, self.w["kind_head_table"])), None)

    def _heads_clause(self, k: int, sentence: int) -> bool:
        """Is the organization its clause's subject: first in it, after no more than a time or a place?"""
        e = self.entities[k]
        clause = max(sentence, max(self.s.rfind(c, sentence, e.start) for c in CLAUSE_ENDS) + 1)
        other, i = 0, clause
        while i < e.start:
            j = self.owner[i]
            if j >= 0:
                if self.entities[j].type not in ("DATE", "LOC"):
                    return False
                i = self.entities[j].end
                continue
            other += self.s[i] not in SPACES
            i += 1
        return other <= 2

    # --- after the name ----------------------------------------------------------------------------

    def _after_name(self, p: int) -> Link | None:
        """王建国主席: a title right after the name, not the start of another name's title or of a body; at the
        organization written right before the name, where it can have that title (体育局王明副局长)."""
        s, w = self.s, self.w
        person = self.entities[p]
        k, t = person.end, None
        for _ in range(4):  # the title, or a modifier and then the title (副主席 is listed; 常务副主席 is not)
            t = next((s[k : k + n] for n, ts in w["title_prefixes"] if s[k : k + n] in ts), None)
            m = next((m for m in w["modifiers"] if s.startswith(m, k) and not self._covered(k, k + len(m))), None)
            if t is not None or m is None:
                break
            k += len(m)
        if t is None or t in w["credit"] or t in w["not_after_name"] or self._covered(person.end, k + len(t)):
            return None
        after = k + len(t)
        if after < len(s) and (self.owner[after] >= 0 and self.entities[self.owner[after]].type == "PERSON"):
            return None  # 张三主任李四: the title is 李四's
        if after < len(s) and s[after] in w["not_after_name_followers"]:
            return None  # 主席团, 总统府, 部长级
        if any(s[after - len(t) : after - len(t) + n] in hs for n, hs in w["head_table"] if n > len(t)):
            return None  # 委员会
        before = self._back(person.start, SPACES, 2)
        k = self.owner[before - 1] if before > 0 else -1
        if k >= 0 and self.entities[k].type == "ORG" and self.entities[k].end == before and self._fits(k, t):
            return Link(Title(person.end, after, t), k, self.entities[k].start, "position.after_name")
        return Link(Title(person.end, after, t), None, person.start, "position.after_name")

    # --- credit lines ------------------------------------------------------------------------------

    def _credits(self, p: int) -> list[Link]:
        """记者王强, 责编：张明, the second name of 记者 王强 刘芳, 李明摄, or both (记者李明摄).

        Each with the outlet the credit names, or for a staff credit the article's own.
        """
        person = self.entities[p]
        found: list[Link] = []
        before = self._label_before(person.start, 0)
        if before is not None:
            org, start, rule = self._outlet(before.start)
            if org is not None and self._new_field(org, before):
                org, start, rule = None, before.start, "credit"
            if org is not None and before.base in self.w["correspondents"] and self.entities[org].end != before.start:
                org, start, rule = None, before.start, "credit"  # 东南网莆田28日讯(通讯员 林萍): no staff of the outlet
            found.append(self._staff(Link(before, org, start, rule)))
        after = self._label_after(person.end)
        if after is not None:
            found.append(self._photographer(p, after, found[0] if found else None))
        return found

    def _new_field(self, org: int, label: Title) -> bool:
        """来源：江南日报编辑：王明: the outlet is the source line's value, and 编辑： starts the next field."""
        return self.s.startswith((":", "："), label.end) and self._after_source_label(org)

    def _photographer(self, p: int, label: Title, before: Link | None) -> Link:
        """李明摄: the outlet of the credit it closes (记者李明摄), else one before or after (新华社发（李明摄）)."""
        if before is not None and before.organization is not None:
            return Link(label, before.organization, before.start, before.rule)
        org, start, rule = self._outlet(self.entities[p].start)
        if org is None:
            org, end = self._outlet_after(label.end)
            if org is not None:
                return Link(label, org, self.entities[p].start, "credit.outlet", end=end)
        return self._staff(Link(label, org, start, rule))

    def _staff(self, link: Link) -> Link:
        """A reporter or photographer credited with no outlet works for the article's own (its source line), or
        where no line names one, for the outlet its dateline opens with (联合早报讯 … （记者 蔡欣颖）).

        So does an editor of an article its own outlet wrote: one whose source line names the outlet its
        dateline opens with (来源：江南网 … 江南网杭州3月2日电 … 责编：李娜). An editor of an article taken from
        another paper works for the site that republishes it, which the source line does not name.
        """
        if link.organization is not None:
            return link
        base = link.title.base
        if base in self.w["staff_labels"]:
            k = self._own_outlet if self._own_outlet is not None else self._dateline_outlet
        elif base in self.w["editor_labels"]:
            k = self._own_outlet if self._own_outlet_writes else None
        else:
            return link
        return link if k is None else Link(link.title, k, link.start, "credit.own_outlet", end=link.end)

    def _label_before(self, name_start: int, depth: int) -> Title | None:
        """The credit label before a name (记者 王强, 责编：张明), or before the list the name ends (记者 王强 刘芳)."""
        end = self._back(name_start, SPACES, 2)
        if end > 0 and self.s[end - 1] in LABEL_ENDS:  # 责编：张明, 责任编辑／李静, 记者｜王强
            end = self._back(end - 1, SPACES, 2)
        title = self._title_before(end)
        if title is not None:
            return title if title.credit else None
        previous = self.name_ending_at.get(self._back(name_start, LIST_SEPARATORS, 3))
        if depth >= 6 or previous is None or previous == name_start:
            return None
        return self._label_before(previous, depth + 1)

    def _label_after(self, name_end: int) -> Title | None:
        """李明摄, 李明摄影: a photographer's label after the name, or after a slash where the label closes the
        credit (（記者 蔡宗明／攝影）: a Taiwanese credit's field, not 攝影 opening the next one)."""
        start = self._forward(name_end, SPACES, 2)
        slash = start < len(self.s) and self.s[start] in "/／"
        if slash:
            start = self._forward(start + 1, SPACES, 2)
        for label in self.w["credit_after"]:
            end = start + len(label)
            if self.s.startswith(label, start) and not self._covered(start, end):
                after = self._forward(end, SPACES, 2)
                if slash and after < len(self.s) and self.s[after] not in CLOSING_QUOTES + SENTENCE_ENDS:
                    return None  # 記者 蔡宗明／攝影 王強: the slash ends the name's field
                if label in self.w["credit"] and after < len(self.s) and self._opens_a_credit(after):
                    return None  # 撰文：黄明 摄影：陈志豪, 记者 刘洋 摄影 王强: 摄影 opens the next credit
                return Title(start, end, label, True)
        return None

    def _opens_a_credit(self, pos: int) -> bool:
        """Does a label's separator or a name stand at ``pos`` (摄影：陈志豪, 摄影 王强), so that the label
        before it labels what follows?"""
        k = self.owner[pos]
        return self.s[pos] in LABEL_ENDS or (k >= 0 and self.entities[k].type == "PERSON")

    def _outlet(self, pos: int) -> tuple[int | None, int, str]:
        """The outlet that opens a credit at ``pos``: 新华社记者, 新华社杭州3月2日电（记者, 经济日报／记者, 本报记者.

        Back from the credit over a dateline's places, dates, digits, brackets and 电/讯/发 to an
        organization, within the line; 本报 is the article's own outlet.
        """
        s, w = self.s, self.w
        stationed = w["stationed_re"].search(s[max(0, pos - 7) : pos])  # 新华社驻京记者
        i = pos - len(stationed.group()) if stationed and not self._named(pos - len(stationed.group()), pos) else pos
        for _ in range(40):
            if i == 0:
                break
            own = next((o for o in w["own_outlet"] if self._free_before(i, o)), None)
            if own is not None:
                k = self._own_outlet
                return (k, i - len(own), "credit.own_outlet") if k is not None else (None, pos, "credit")
            k = self.owner[i - 1]
            if k >= 0:
                e = self.entities[k]
                if e.type == "ORG":
                    return k, e.start, "credit.outlet"
                if e.type not in ("LOC", "DATE"):
                    break
                i = e.start
                continue
            word = next((d for d in w["dateline_words"] if s.startswith(d, i - len(d))), None)
            if word is None and s[i - 1] not in DATELINE_CHARS:
                break
            i -= len(word) if word else 1
            if word in w["channel_words"]:  # 人民网-广西频道: back over the channel's name, found as a place or not
                name = i
                while name > 0 and i - name < 6 and self.owner[name - 1] < 0 and s[name - 1] not in DATELINE_CHARS:
                    name -= 1
                i = name if name > 0 and s[name - 1] in DATELINE_CHARS else i
        return None, pos, "credit"

    def _outlet_after(self, pos: int) -> tuple[int | None, int]:
        """李明摄（新华社发）: the outlet in brackets after a photographer's credit, and where the brackets end."""
        m = self.w["open_bracket_re"].match(self.s, pos)
        if m is None or m.end() not in self.org_starting_at:
            return None, pos
        k = self.org_starting_at[m.end()]
        close = self.w["sent_by_re"].match(self.s, self.entities[k].end)
        return (k, close.end()) if close else (None, pos)

    @cached_property
    def _own_outlet(self) -> int | None:
        """The article's own outlet (本报): the one its source line names (来源：江南日报), else the paper
        its publication line names (《人民日报》（2024年3月1日 第01版）)."""
        source = next((k for k in self.orgs if self._after_source_label(k)), None)
        return source if source is not None else next((k for k in self.orgs if self._publication_line(k)), None)

    @cached_property
    def _dateline_outlet(self) -> int | None:
        """The outlet the article's first dateline opens with (联合早报讯, 江南网杭州3月2日电)."""
        return next((k for k in self.orgs if "outlets.dateline" in (self.entities[k].rule or "")), None)

    @cached_property
    def _own_outlet_writes(self) -> bool:
        """Does the article's own outlet also open its dateline (江南网杭州3月2日电), so that it wrote the article?"""
        k = self._own_outlet
        if k is None:
            return False
        name = self.entities[k].text_simplified
        return any(
            "outlets.dateline" in (e.rule or "") and e.text_simplified == name
            for e in (self.entities[j] for j in self.orgs)
        )

    def _after_source_label(self, k: int) -> bool:
        """Is the organization the value of a source line (来源：江南日报)?"""
        e = self.entities[k]
        return "outlets.source" in (e.rule or "") or bool(
            self.w["source_label_re"].search(self.s, max(0, e.start - 12), e.start)
        )

    def _publication_line(self, k: int) -> bool:
        """Is the organization the paper a publication line names (《人民日报》（2024年3月1日 第01版）)?"""
        e = self.entities[k]
        before = self.s[max(0, e.start - 3) : e.start].rstrip(SPACES)
        return before.endswith("《") and bool(self.w["publication_re"].match(self.s, e.end))

    # --- characters ---------------------------------------------------------------------------------

    def _covered(self, start: int, end: int) -> bool:
        """Does any entity hold a character of [start, end)?"""
        return any(self.owner[i] >= 0 for i in range(max(0, start), min(end, len(self.owner))))

    def _named(self, start: int, end: int) -> bool:
        """Does an ORG or PERSON entity hold a character of [start, end)? (places and dates may stand in a dateline)"""
        return any(
            self.owner[i] >= 0 and self.entities[self.owner[i]].type in ("ORG", "PERSON") for i in range(start, end)
        )

    def _free_before(self, pos: int, word: str) -> bool:
        """Is ``word`` written right before ``pos``, outside every entity?"""
        start = pos - len(word)
        return start >= 0 and self.s.startswith(word, start) and not self._covered(start, pos)

    def _back(self, pos: int, chars: str, limit: int) -> int:
        """Back over at most ``limit`` of ``chars`` before ``pos``."""
        while limit and pos > 0 and self.s[pos - 1] in chars:
            pos, limit = pos - 1, limit - 1
        return pos

    def _forward(self, pos: int, chars: str, limit: int) -> int:
        """Forward over at most ``limit`` of ``chars`` from ``pos``."""
        while limit and pos < len(self.s) and self.s[pos] in chars:
            pos, limit = pos + 1, limit - 1
        return pos
