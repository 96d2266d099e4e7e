"""The highlighted views: HTML structure parsed (not string-matched), and a real browser rendering it."""

import json
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import REFERENCE

from pipeline.show import bracketed, document_page, report_page

ARTEFACTS = Path(__file__).resolve().parent.parent / "build" / "test-artefacts"


class Marks(HTMLParser):
    """Collects <mark class="ent"> elements with their attributes and visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[dict] = []
        self.urls: list[str] = []
        self._depth = 0  # inside a mark: 1; inside its tooltip span: 2

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("src", "href"):
            if a.get(key):
                self.urls.append(a[key])
        if tag == "mark" and "ent" in a.get("class", ""):
            self.marks.append({**a, "text": ""})
            self._depth = 1
        elif tag == "span" and self._depth == 1:
            self._depth = 2

    def handle_endtag(self, tag):
        if tag == "span" and self._depth == 2:
            self._depth = 1
        elif tag == "mark":
            self._depth = 0

    def handle_data(self, data):
        if self._depth == 1:
            self.marks[-1]["text"] += data


@pytest.fixture(scope="module")
def reference_doc(full_pipeline):
    return full_pipeline.extract_bytes(REFERENCE.read_bytes(), source="ref")


def test_every_entity_highlighted_once_at_its_place(reference_doc):
    page = document_page(reference_doc)
    page.encode("utf-8")
    parser = Marks()
    parser.feed(page)
    assert len(parser.marks) == len(reference_doc.entities)
    for mark, e in zip(parser.marks, reference_doc.entities, strict=True):
        assert mark["text"] == e.text
        assert (int(mark["data-start"]), int(mark["data-end"]), mark["data-type"]) == (e.start, e.end, e.type)
        assert mark["data-simplified"] == e.text_simplified
    money = next(m for m in parser.marks if m["text"] == "750余萬元")
    assert money["data-value"] == "7500000 元 CNY more_than (money)"
    assert parser.urls == []
    assert '<meta charset="utf-8">' in page


def test_a_persons_marker_lists_their_positions(reference_doc):
    page = document_page(reference_doc)
    parser = Marks()
    parser.feed(page)
    held = {int(m["data-index"]): m["data-positions"] for m in parser.marks if "data-positions" in m}
    names = {reference_doc.entities[i].text: positions for i, positions in held.items()}
    assert names["呂海波"] == "局長 @ 自治區民政廳社會組織管理局"
    assert names["許藎文"] == "責編"  # a credit with no outlet: the title alone
    assert set(held) == {r.person for r in reference_doc.relations}  # the marker of the mention linked
    assert all("data-positions" not in m for m in parser.marks if m["data-type"] != "PERSON")
    tip = page.split('data-positions="局長 @ 自治區民政廳社會組織管理局"', 1)[1].split("</mark>", 1)[0]
    assert "局長 @ 自治區民政廳社會組織管理局" in tip.split('<span class="tip">', 1)[1]  # seen on hover
    assert page.count('<tr data-person="') == len(reference_doc.relations)  # the positions table, with rules


def test_bracketed_markup_for_pipes(rules_pipeline):
    doc = rules_pipeline.extract("自治区民政厅去年安排资金750余万元。", published_at="2025-02-27")
    assert bracketed(doc) == "[ORG 自治区民政厅][DATE 去年]安排资金[AMOUNT 750余万元]。"


def test_report_counts_and_failures(rules_pipeline):
    from pipeline.records import Failure

    docs = [rules_pipeline.extract_bytes(p.read_bytes(), source=p.name) for p in sorted(REFERENCE.parent.glob("*.txt"))]
    page = report_page(docs, [Failure(source="bad.txt", reason="empty (no text after decoding)")])
    assert f"{len(docs)} documents, 1 failed" in page
    assert "bad.txt" in page and "<svg" in page
    parser = Marks()
    parser.feed(page)
    assert parser.urls == []


def test_cli_show_and_report(tmp_path):
    out = tmp_path / "show.html"
    run = [sys.executable, "-m", "pipeline.cli"]
    subprocess.run([*run, "show", str(REFERENCE), "--no-ner", "--html", str(out)], check=True)
    assert out.read_text(encoding="utf-8").count('<mark class="ent') > 20
    extracted = tmp_path / "x.jsonl"
    subprocess.run([*run, "extract", str(REFERENCE), "--no-ner", "-o", str(extracted), "--quiet"], check=True)
    report = tmp_path / "report.html"
    subprocess.run([*run, "report", str(extracted), "--html", str(report)], check=True, capture_output=True)
    assert "1 documents, 0 failed" in report.read_text(encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"not": "a document"}) + "\n")
    result = subprocess.run([*run, "report", str(bad), "--html", str(report)], capture_output=True, text=True)
    assert result.returncode == 2 and "bad.jsonl:1: not a Document record" in result.stderr


def test_real_browser_renders_the_highlights(tmp_path, reference_doc):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium, "Debian's chromium is required for this test (.ci/run installs it)"
    page = tmp_path / "show.html"
    page.write_text(document_page(reference_doc), encoding="utf-8")
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    dom = subprocess.run([chromium, *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120)
    parser = Marks()
    parser.feed(dom.stdout)
    assert len(parser.marks) == len(reference_doc.entities)
    assert parser.marks[0]["text"] == reference_doc.entities[0].text
    assert any(m.get("data-positions") == "局長 @ 自治區民政廳社會組織管理局" for m in parser.marks)
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTEFACTS / "show-phone.png"
    subprocess.run(
        [chromium, *flags, "--window-size=420,900", f"--screenshot={shot}", page.as_uri()],
        capture_output=True,
        timeout=120,
    )
    assert shot.stat().st_size > 10_000
