"""Who holds which position where, and which mentions name the same organization or person.

Positions come from the shapes news uses: ``[ORG] TITLE PERSON`` (自治区民政厅
社会组织管理局局长吕海波), several positions joined by 、 (省委书记、省人大常委会
主任张某某), an organization named by reference (服务中心负责人陈某: the nearest
earlier organization ending in 服务中心; 该协会理事长谢某: the nearest earlier
协会), and credit lines (reporters, editors). A title only links the name right
after it: in 委员张三、李四 only 张三 is linked, and 会长说 links nobody.

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
from functools import cached_property

from pipeline import data
from pipeline.data import alternation
from pipeline.records import Cluster, Entity, Relation

CREDIT_TITLES = {
    "author": ("记者", "記者"),
    "reporter": ("记者", "記者"),
    "editor": ("责编", "責編"),
    "photographer": ("摄影", "攝影"),
}


class Linker:
    @cached_property
    def _words(self) -> dict:
        w = dict(data.table("zh/regions.json"))
        w["titles"] = sorted(data.table("zh/people.json")["titles"], key=len, reverse=True)
        w["heads"] = sorted(data.table("zh/orgs.json")["head_words"], key=len, reverse=True)
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
        w = self._words
        org_ending_at = {e.end: i for i, e in enumerate(entities) if e.type == "ORG"}
        relations: list[Relation] = []
        roles = {(s, e): role for s, e, role in credited}
        traditional = text != simplified
        for p, person in enumerate(entities):
            if person.type != "PERSON":
                continue
            role = roles.get((person.start, person.end)) or next(
                (r for r in ("reporter", "photographer") if f"people.{r}" in (person.rule or "")), None
            )
            if role in CREDIT_TITLES:
                relations.append(
                    Relation(
                        type="position",
                        person=p,
                        title=CREDIT_TITLES[role][traditional],
                        organization=None,
                        evidence=(person.start, person.end),
                    )
                )
                continue
            end = person.start
            while True:
                title = next((t for t in w["titles"] if simplified.startswith(t, end - len(t))), None)
                if title is None:
                    break
                title_start = end - len(title)
                org, org_start = self._organization(simplified, entities, by_head, org_ending_at, title_start)
                start = org_start if org is not None else title_start
                relations.append(
                    Relation(
                        type="position",
                        person=p,
                        title=text[title_start:end],
                        organization=org,
                        evidence=(start, person.end),
                    )
                )
                if start == 0 or simplified[start - 1] != "、":
                    break
                end = start - 1  # 省委书记、省人大常委会主任张某某: one more position before the 、
        return relations

    def _orgs_by_head(self, entities: list[Entity]) -> dict[str, tuple[list[int], list[int]]]:
        """For each head word, the organizations ending in it: (their end offsets, their indices), in text order."""
        table: dict[str, tuple[list[int], list[int]]] = {}
        for i in (i for i, e in enumerate(entities) if e.type == "ORG"):
            for head in self._words["heads"]:
                if len(head) >= 2 and entities[i].text_simplified.endswith(head):
                    ends, indices = table.setdefault(head, ([], []))
                    ends.append(entities[i].end)
                    indices.append(i)
        return table

    def _organization(
        self,
        simplified: str,
        entities: list[Entity],
        by_head: dict[str, tuple[list[int], list[int]]],
        org_ending_at: dict[int, int],
        end: int,
    ) -> tuple[int | None, int]:
        """The organization written right before a title: an entity, 该+type word, or a bare type word."""
        if end in org_ending_at:
            i = org_ending_at[end]
            return i, entities[i].start
        w = self._words
        for head in w["heads"]:
            if len(head) < 2 or not simplified.startswith(head, end - len(head)):
                continue
            start = end - len(head)
            for demonstrative in w["demonstratives"]:
                if simplified.startswith(demonstrative, start - len(demonstrative)):
                    start -= len(demonstrative)
                    break
            ends, indices = by_head.get(head, ([], []))
            k = bisect.bisect_right(ends, start)  # the nearest earlier organization of that type
            if k:
                return indices[k - 1], start
            return None, end
        return None, end

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
        heads = [h for h in w["heads"] if len(h) >= 2]
        group_of = {i: n for n, g in enumerate(groups) if g["type"] == "ORG" for i in g["mentions"]}
        inside = bytearray(len(simplified))
        for e in entities:
            inside[e.start : e.end] = b"\x01" * (e.end - e.start)
        demonstratives = alternation(w["demonstratives"])
        head_alt = alternation(heads)
        # After a demonstrative, or opening a clause (not after a quote mark: “爱心”基金会 is another name).
        pattern = re.compile(rf"(?:{demonstratives}|(?<=[，。；：、！？,.;:!?\s])|^)(?:{head_alt})", re.MULTILINE)
        found: dict[int, list[tuple[int, int]]] = {}
        for m in pattern.finditer(simplified):
            if any(inside[m.start() : m.end()]):
                continue
            head = next((h for h in heads if m.group().endswith(h)), "")
            if not m.group().startswith(tuple(w["demonstratives"])) and len(head) < 3:
                continue  # a bare 协会 is too vague; a bare 服务中心 or 该协会 is a reference
            ends, indices = by_head.get(head, ([], []))
            k = bisect.bisect_right(ends, m.start())
            if k:
                found.setdefault(group_of[indices[k - 1]], []).append((m.start(), m.end()))
        return found

    def _region(self, entities: list[Entity]) -> str | None:
        """The province most named in the article (by LOC and ORG mentions starting with its name)."""
        provinces = self._words["provinces"]
        counts: Counter[str] = Counter()
        for e in entities:
            if e.type in ("LOC", "ORG"):
                for short in provinces:
                    if e.text_simplified.startswith(short):
                        counts[short] += 1
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
