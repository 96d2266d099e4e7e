"""The compacted view and its offset map (pipeline/visible.py)."""

import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.visible import invisible_pattern, is_invisible, visible


def test_text_without_invisible_characters_is_its_own_view():
    text = "广西标准化协会\n\t2025年 1,000万元"
    view = visible(text)
    assert view.text is text
    assert not view.compacted
    assert view.span(3, 7) == (3, 7)


@pytest.mark.parametrize("ch", ["\u200b", "\u200c", "\u200d", "\u00ad", "\u2060", "\ufeff", "\u202e", "\x00", "\x07"])
def test_format_and_control_characters_are_invisible(ch):
    assert is_invisible(ch)
    assert visible(f"张{ch}三").text == "张三"


@pytest.mark.parametrize("ch", ["\n", "\t", "\x0b", "\x0c", "\x1c", "\x85", " ", "\u3000", "\u2028", "张", "，"])
def test_whitespace_controls_and_ordinary_characters_stay(ch):
    assert not is_invisible(ch)
    assert visible(f"张{ch}三").text == f"张{ch}三"


def test_pattern_matches_exactly_the_invisible_characters():
    pattern = invisible_pattern()
    every = "".join(chr(cp) for cp in range(sys.maxunicode + 1) if not 0xD800 <= cp <= 0xDFFF)
    found = "".join(m.group() for m in pattern.finditer(every))
    assert found == "".join(ch for ch in every if is_invisible(ch))
    assert all(unicodedata.category(ch) in ("Cf", "Cc") for ch in found)


def test_spans_map_back_around_runs_of_invisible_characters():
    original = "\u200b\u200b张\u200b\u200d三丰\ufeff。\x07"
    view = visible(original)
    assert view.text == "张三丰。"
    assert view.span(0, 3) == (2, 7)  # 张…丰 keeps the inner characters, not the leading or trailing ones
    assert original[slice(*view.span(0, 3))] == "张\u200b\u200d三丰"
    assert view.span(3, 4) == (8, 9)
    assert view.span(4, 4) == (len(original), len(original))  # the end of the text maps to the end


PIECES = st.sampled_from(["张", "三", "，", "\n", "1", "\u200b", "\u200d\u200d", "\x07", "\ufeff", "\t"])


@given(st.lists(PIECES, max_size=40).map("".join))
def test_every_visible_character_maps_to_itself(original):
    view = visible(original)
    kept = [i for i, ch in enumerate(original) if not is_invisible(ch)]
    assert view.text == "".join(original[i] for i in kept)
    for c, o in enumerate(kept):
        assert view.start(c) == o
        assert view.end(c + 1) == o + 1


@pytest.mark.parametrize(
    ("text", "seen"),
    [
        ("成立于1958 年", "成立于1958年"),
        ("于 2024 年 3 月 5 日上午9 点20 分", "于 2024年3月5日上午9点20分"),  # 于 is no qualifier
        ("收入 1 兆 20 億元，逾 1,200 億元", "收入 1兆20億元，逾1,200億元"),
        ("历时 2 小时，近 40名", "历时 2小时，近40名"),
        ("刑期 8 個月", "刑期 8個月"),
        ("共 30 人，3 天后", "共30人，3天后"),
    ],
)
def test_spaces_inside_a_number_expression_are_left_out(text, seen):
    view = visible(text)
    assert view.text == seen
    assert [text[view.start(i)] for i in range(len(seen))] == list(seen)


@pytest.mark.parametrize(
    "text",
    [
        "2025年 1,000万元",
        "21日 14:30 来源",
        "2019-07-11 08:25",
        "团押52嫌 5584万",
        "第3版 头条",
        "G20 峰会",
        "2024 台北国际书展",  # 台 is a unit (3台) and begins words
        "iPhone 15 美国版",
        "2024 本报讯",
    ],
)
def test_spaces_between_expressions_stay(text):
    assert visible(text).text == text


def test_a_spaced_date_and_amount_keep_their_spaces_in_the_records(full_pipeline):
    doc = full_pipeline.extract("该厂 2024 年 3 月 5 日投产，投资 1.5 亿元。", published_at="2024-03-06")
    found = {e.type: (e.text, e.normalized.value) for e in doc.entities if e.type in ("DATE", "AMOUNT")}
    assert found == {"DATE": ("2024 年 3 月 5 日", "2024-03-05"), "AMOUNT": ("1.5 亿元", 150000000)}
