"""Dirty input: never crash, never lose data, never mislead (each case a test)."""

from decimal import Decimal

import pytest

from pipeline import Pipeline, Settings
from pipeline.errors import InputError, XinwenError

ARTICLE = "自治区民政厅近日公布，2024年全区社会组织投入资金4亿多元。"


def check(doc):
    for e in doc.entities:
        assert doc.text[e.start : e.end] == e.text
    return doc


def texts(doc, type_=None):
    return [e.text for e in doc.entities if type_ in (None, e.type)]


def test_fullwidth_amounts_and_dates_keep_original_offsets(rules_pipeline):
    doc = check(rules_pipeline.extract("２０２５年３月，该公司获得投资１２０万ＵＳＤ。"))
    date = next(e for e in doc.entities if e.type == "DATE")
    amount = next(e for e in doc.entities if e.type == "AMOUNT")
    assert (date.text, date.normalized.value) == ("２０２５年３月", "2025-03")
    assert (amount.text, amount.normalized.value, amount.normalized.currency) == ("１２０万ＵＳＤ", 1200000, "USD")


def test_mixed_scripts(rules_pipeline):
    doc = check(rules_pipeline.extract("廣西標準化協會和广西汉达社会工作服务中心签约。"))
    assert doc.script == "mixed"
    assert set(texts(doc, "ORG")) == {"廣西標準化協會", "广西汉达社会工作服务中心"}


def test_html_fragments_and_entities_stay_outside_entities(rules_pipeline):
    doc = check(rules_pipeline.extract("<p>去年&nbsp;广西标准化协会发布标准<b>259项</b>。&amp;</p>"))
    assert "广西标准化协会" in texts(doc, "ORG")
    assert "259项" in texts(doc, "AMOUNT")


@pytest.mark.parametrize("junk", ["\u200b", "\u200d", "\x07", "\ufeff", "\u202e"])
def test_control_and_zero_width_characters(rules_pipeline, junk):
    doc = check(rules_pipeline.extract(f"局长吕{junk}海波表示，去年共安排资金750余万元。"))
    assert "750余万元" in texts(doc, "AMOUNT")


INVISIBLE = ["\u200b", "\u200d", "\u00ad", "\u2060", "\ufeff", "\u202e", "\x07", "\x1b\u200b"]
INSIDE = [
    # (text with {j} where the invisible characters go, type, visible text, normalized value)
    ("局长张{j}三丰表示，去年共安排资金。", "PERSON", "张三丰", None),
    ("局長張{j}三豐表示，去年共安排資金。", "PERSON", "张三丰", None),
    ("国务院{j}办公厅近日印发通知。", "ORG", "国务院办公厅", None),
    ("國務院{j}辦公廳近日印發通知。", "ORG", "国务院办公厅", None),
    ("该项目共投入资金1{j}000万元。", "AMOUNT", "1000万元", 10_000_000),
    ("該項目共投入資金1{j}000萬元。", "AMOUNT", "1000万元", 10_000_000),
    ("会议于2025年{j}3月15日召开。", "DATE", "2025年3月15日", "2025-03-15"),
    ("會議於2025年3{j}月15日召開。", "DATE", "2025年3月15日", "2025-03-15"),
]


@pytest.mark.parametrize("junk", INVISIBLE)
@pytest.mark.parametrize(("template", "type_", "visible", "value"), INSIDE)
def test_invisible_characters_inside_names_do_not_split_them(rules_pipeline, junk, template, type_, visible, value):
    text = template.format(j=junk)
    doc = check(rules_pipeline.extract(text, published_at="2025-02-27T09:51+08:00"))
    found = [e for e in doc.entities if e.type == type_ and e.text_simplified == visible]
    assert len(found) == 1, [(e.type, e.text) for e in doc.entities]
    entity = found[0]
    # The offsets index the original text, so the entity's text carries the invisible character.
    assert junk in entity.text
    assert entity.text.replace(junk, "") == text[entity.start : entity.end].replace(junk, "")
    assert len(entity.text) == len(visible) + len(junk)
    if value is not None:
        assert entity.normalized.value == value


def test_invisible_characters_at_the_edges_stay_outside_entities(rules_pipeline):
    text = "局长\u200b张三丰\u200b表示，\ufeff国务院办公厅\u2060去年安排资金1000万元\u200b。"
    doc = check(rules_pipeline.extract(text))
    assert {e.text for e in doc.entities} >= {"张三丰", "国务院办公厅", "1000万元"}


def test_relations_clusters_and_regions_index_the_original_text(rules_pipeline):
    text = "广西标准化\u200b协会近日成立。该\u200b协会会长吕\u200b海波表示，将加强监管。\n\n\u200b会长吕\u200b海波说。"
    doc = check(rules_pipeline.extract(text))
    names = [i for i, e in enumerate(doc.entities) if e.type == "PERSON"]
    assert [doc.entities[i].text for i in names] == ["吕\u200b海波", "吕\u200b海波"]
    relation = next(r for r in doc.relations if r.person == names[0])
    assert text[relation.evidence[0] : relation.evidence[1]] == "该\u200b协会会长吕\u200b海波"
    assert relation.title == "会长"
    assert doc.entities[relation.organization].text == "广西标准化\u200b协会"
    person = next(c for c in doc.clusters if c.type == "PERSON")
    assert (person.canonical, person.mentions) == ("吕海波", names)  # one person, compared by the visible form
    assert [text[s:e] for c in doc.clusters for s, e in c.references] == ["该\u200b协会"]
    assert [text[r.start : r.end] for r in doc.meta.regions] == [
        "广西标准化\u200b协会近日成立。该\u200b协会会长吕\u200b海波表示，将加强监管。",
        "会长吕\u200b海波说。",
    ]


def test_only_invisible_characters_is_empty(rules_pipeline):
    with pytest.raises(InputError, match="only invisible"):
        rules_pipeline.extract("\u200b\ufeff\x07\u200d", source="ghost")


def test_whitespace_controls_still_separate_words(rules_pipeline):
    """A form feed is a break, not an invisible joiner: 张三 and 李四 stay two names (张三李四 would be none)."""
    doc = check(rules_pipeline.extract("记者张三\x0c李四\n报道"))
    assert texts(doc, "PERSON") == ["张三", "李四"]


def test_huge_numbers_stay_exact(rules_pipeline):
    doc = check(rules_pipeline.extract("账面金额123456789012345678901234567890.123456789元。"))
    amount = doc.entities[0].normalized
    assert amount.value == Decimal("123456789012345678901234567890.123456789")
    assert amount.value_text == "123456789012345678901234567890.123456789"


def test_digit_runs_too_long_for_an_amount_are_not_amounts(rules_pipeline):
    doc = check(rules_pipeline.extract("编号" + "9" * 5000 + "元"))
    assert texts(doc, "AMOUNT") == []


def test_deeply_nested_quotes_and_brackets(rules_pipeline):
    text = "（" * 3000 + "“" * 3000 + ARTICLE + "”" * 3000 + "）" * 3000
    doc = check(rules_pipeline.extract(text))
    assert "4亿多元" in texts(doc, "AMOUNT")


def test_long_line_without_punctuation(full_pipeline):
    text = ("广西标准化协会组织专家审定团体标准" * 2000)[:30000]
    doc = check(full_pipeline.extract(text))
    assert len(doc.entities) > 100


def test_crlf_and_lone_cr(rules_pipeline):
    doc = check(rules_pipeline.extract_bytes(("标题\r\n\r\n" + ARTICLE + "\r" + ARTICLE).encode(), source="crlf"))
    assert "\r" not in doc.text
    assert texts(doc, "AMOUNT") == ["4亿多元", "4亿多元"]


def test_too_large_document_is_refused_clearly():
    pipe = Pipeline(Settings(ner=False, max_chars=1000))
    with pytest.raises(InputError, match="too large"):
        pipe.extract("中" * 1001, source="big")
    with pytest.raises(InputError, match="too large"):
        pipe.extract_bytes(b"x" * 4001, source="big")


@pytest.mark.parametrize("bad", [None, 123, b"bytes", ["list"]])
def test_wrong_types_raise_input_error(rules_pipeline, bad):
    with pytest.raises(InputError):
        rules_pipeline.extract(bad)


@pytest.mark.parametrize("bad", [123, "2025-13-45", "yesterday"])
def test_bad_publication_dates_raise_input_error(rules_pipeline, bad):
    with pytest.raises(InputError):
        rules_pipeline.extract(ARTICLE, published_at=bad)


def test_all_errors_are_xinwen_errors():
    assert issubclass(InputError, XinwenError)


def test_amounts_stay_linear_in_one_long_paragraph():
    """Ordinals and amounts interleaved in one span: checking each amount against every earlier
    ordinal made a 20 MB article quadratic (16x the time for 4x the text); linear is about 4x."""
    import gc
    import time

    from pipeline.extract.amounts import AmountExtractor
    from pipeline.extract.base import Context

    extractor = AmountExtractor()

    def seconds(n: int) -> float:
        text = "第1名获奖100元，" * n
        ctx = Context(text, text, text, [], [(0, len(text))])
        best = float("inf")
        gc.disable()  # the collector's passes over a growing heap are not the grammar's time
        try:
            for _ in range(3):
                started = time.perf_counter()
                found = extractor.find(ctx)
                best = min(best, time.perf_counter() - started)
        finally:
            gc.enable()
        assert len(found) == 2 * n
        return best

    seconds(100)  # compile the grammar outside the timing
    assert seconds(12_000) < 8 * seconds(3_000)
