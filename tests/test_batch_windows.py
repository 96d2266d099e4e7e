"""The batch runner extracts in windows (one NER run each): the same records and failures as one by one."""

import pytest

from pipeline import Settings
from pipeline.batch import WINDOW, WINDOW_BYTES, _windows, extract_all, extract_one, extract_window
from pipeline.records import Failure
from pipeline.sources import Item

ARTICLE = "新华社北京3月5日电 国务院总理李强5日作政府工作报告，今年安排地方政府专项债券4.4万亿元。"
PAGE = (
    "<html><head><title>運輸署公布交通意外數字</title></head><body><article><h1>運輸署公布交通意外數字</h1>"
    "<p>香港特區政府運輸署今日公布，2024年全港共有約12,000宗交通意外，較去年減少3%。運輸署署長表示，"
    "將繼續加強道路安全宣傳。</p></article></body></html>"
)


def items():
    return [
        Item(source="a.jsonl:1", id="t1", text=ARTICLE, published_at="2025-03-05T10:00+08:00"),
        Failure(source="a.jsonl:2", reason="not a JSON line"),  # a reading failure, kept in place
        Item(source="b.txt", id="b", raw=ARTICLE.encode("gbk")),
        Item(source="empty.txt", id="empty", raw=b""),
        Item(source="junk.txt", id="junk", raw=bytes(range(256)) * 4),
        Item(source="page.html", id="page", raw=PAGE.encode("utf-8"), html=True),
        Item(source="a.jsonl:3", id="t3", text="   "),
        Item(source="a.jsonl:4", id="t4", text="臺北市政府衛生局局長黃珊珊表示，新臺幣2億元預算。", region="tw"),
    ]


@pytest.mark.parametrize("fixture", ["rules_pipeline", "full_pipeline"])
def test_a_window_gives_what_one_by_one_gives(fixture, request):
    pipe = request.getfixturevalue(fixture)
    window = items()
    one_by_one = [item if isinstance(item, Failure) else extract_one(pipe, item, None) for item in window]
    batched = extract_window(pipe, window, None)
    assert batched == one_by_one
    kinds = [type(r).__name__ for r in batched]
    assert kinds.count("Document") == 4 and kinds.count("Failure") == 4
    assert [r.source for r in batched] == [i.source for i in window]
    forced = extract_window(pipe, window, "2024-01-01")  # the run's --published-at wins, as one by one
    assert forced == [i if isinstance(i, Failure) else extract_one(pipe, i, "2024-01-01") for i in window]


def test_extract_all_keeps_input_order_in_this_process_and_in_workers(rules_pipeline):
    window = items() * 3  # more than one window
    expected = [item if isinstance(item, Failure) else extract_one(rules_pipeline, item, None) for item in window]
    for workers in (1, 2):
        results = extract_all(iter(window), Settings(ner=False), workers=workers)
        assert list(results) == expected, workers


def test_windows_close_at_their_size_or_their_bytes():
    small = [Item(source=f"s{i}", id=str(i), text="好") for i in range(WINDOW * 2 + 3)]
    assert [len(w) for w in _windows(small, WINDOW)] == [WINDOW, WINDOW, 3]
    big = [Item(source=f"b{i}", id=str(i), raw=b"x" * (WINDOW_BYTES // 2 + 1)) for i in range(5)]
    assert [len(w) for w in _windows(big, WINDOW)] == [2, 2, 1]
    assert list(_windows([], WINDOW)) == []
