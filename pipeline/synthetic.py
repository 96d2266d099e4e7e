"""A synthetic news archive of our own making, for ``make bench``.

Speed depends on what text looks like (length, script, how dense the names and
numbers are), so the archive imitates wire copy: a headline, a dateline, and
sentences from templates filled with names, organizations, money, counts and
dates, at lognormal lengths around 1,100 characters; every other article is
converted to Traditional (Taiwan and Hong Kong variants). Seeded, so every run
measures the same archive. It is never used to measure accuracy.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from pipeline import data


class _Filler:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.w = data.table("bench/synthetic.json")

    def pick(self, key: str) -> str:
        return self.rng.choice(self.w[key])

    def person(self) -> str:
        given = "".join(self.rng.choice(self.w["given"]) for _ in range(self.rng.choice((1, 2, 2))))
        return self.rng.choice(self.w["surnames"]) + given

    def org(self) -> str:
        where = self.rng.choice((f"{self.pick('provinces')}省", f"{self.pick('cities')}市"))
        return where + self.pick("org_fields") + self.pick("org_kinds")

    def number(self, unit_key: str) -> str:
        value = self.rng.choice((self.rng.randint(2, 999), round(self.rng.uniform(1, 99), 1)))
        return f"{self.pick('qualifiers')}{value}{self.pick(unit_key)}"

    def day(self) -> str:
        if self.rng.random() < 0.4:
            return self.pick("relative_dates")
        return f"{self.rng.randint(2019, 2025)}年{self.rng.randint(1, 12)}月{self.rng.randint(1, 28)}日"

    def slots(self) -> dict[str, object]:
        return {
            "person": _Lazy(self.person),
            "title": _Lazy(lambda: self.pick("titles")),
            "org": _Lazy(self.org),
            "company": _Lazy(lambda: self.pick("cities") + self.pick("company_stems") + self.pick("company_kinds")),
            "association": _Lazy(lambda: self.pick("cities") + "市" + self.pick("association_kinds")),
            "province": _Lazy(lambda: self.pick("provinces")),
            "city": _Lazy(lambda: self.pick("cities")),
            "district": _Lazy(lambda: self.pick("districts")),
            "field": _Lazy(lambda: self.pick("org_fields")),
            "level": _Lazy(lambda: self.pick("levels")),
            "topic": _Lazy(lambda: self.pick("topics")),
            "money": _Lazy(lambda: self.number("money_units")),
            "count": _Lazy(lambda: self.number("count_units")),
            "pct": _Lazy(lambda: f"{round(self.rng.uniform(0.5, 35), 1)}%"),
            "date": _Lazy(self.day),
            "year": _Lazy(lambda: str(self.rng.randint(2026, 2035))),
        }


class _Lazy:
    """A slot that draws a new value each time it is formatted (two {person} are two people)."""

    def __init__(self, draw: object) -> None:
        self.draw = draw

    def __format__(self, spec: str) -> str:
        return self.draw()  # type: ignore[operator]


def articles(count: int, seed: int = 20251129) -> Iterator[dict[str, str]]:
    """JSONL-ready records: id, text, published_at, region hint for the Traditional ones."""
    import opencc

    rng = random.Random(seed)
    fill = _Filler(rng)
    converters = {"tw": opencc.OpenCC("s2twp"), "hk": opencc.OpenCC("s2hk")}
    for i in range(count):
        slots = fill.slots()
        published = date(2024, 1, 1) + timedelta(days=rng.randrange(730))
        target = int(min(max(rng.lognormvariate(7.0, 0.5), 250), 8000))
        parts = [
            f"{fill.pick('cities')}{fill.pick('topics')}工作取得新进展",
            f"新华社{fill.pick('cities')}{published.month}月{published.day}日电（记者{fill.person()}）",
        ]
        length = sum(map(len, parts))
        while length < target:
            paragraph = "".join(rng.choice(fill.w["templates"]).format(**slots) for _ in range(rng.randint(2, 4)))
            parts.append(paragraph)
            length += len(paragraph)
        text = "\n".join(parts)
        record = {"id": f"syn{i:06d}", "published_at": f"{published.isoformat()}T10:00+08:00"}
        if i % 2:
            region = "tw" if i % 4 == 1 else "hk"
            text = converters[region].convert(text)
        record["text"] = text
        yield record


def write_archive(path: Path, count: int) -> tuple[int, int]:
    """Writes ``count`` articles as JSONL; returns (articles, characters)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    chars = 0
    with path.open("w", encoding="utf-8") as out:
        for record in articles(count):
            chars += len(record["text"])
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return count, chars
