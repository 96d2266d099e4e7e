import pytest

from pipeline.errors import InputError
from pipeline.read import decode, normalize_newlines

SIMPLIFIED = "自治区民政厅近日公布2024年全区社会组织优秀案例，32个案例上榜。"
TRADITIONAL = "河池市女企業家協會會長黃方芳說，協會在11個縣對8000多名婦女開展培訓。"


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        (SIMPLIFIED, "utf-8", "utf-8"),
        (SIMPLIFIED, "utf-8-sig", "utf-8-bom"),
        (SIMPLIFIED, "gbk", "gb18030"),
        (SIMPLIFIED, "gb18030", "gb18030"),
        (TRADITIONAL, "big5", "big5"),
        (TRADITIONAL, "utf-16", "utf-16"),
        (SIMPLIFIED, "utf-16-le", "utf-16-le"),
        (TRADITIONAL, "utf-16-be", "utf-16-be"),
    ],
)
def test_decodes_and_records_encoding(text, codec, expected):
    result = decode(text.encode(codec), "a.txt")
    assert result.text == text
    assert result.encoding == expected


def test_reference_article_in_big5_and_utf16(tmp_path):
    from conftest import REFERENCE

    text = REFERENCE.read_text(encoding="utf-8")
    for codec in ("big5", "utf-16-le", "gb18030"):
        assert decode(text.encode(codec, errors="strict")).text == text


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty"),
        (b" \n\t\r\n", "empty"),
        (bytes(range(256)) * 8, "cannot be decoded"),
        ("中文".encode() + b"\x00abc", "NUL"),
    ],
)
def test_bad_bytes_raise_input_error_naming_the_source(raw, reason):
    with pytest.raises(InputError) as info:
        decode(raw, "bad.txt")
    assert str(info.value).startswith("bad.txt: ")
    assert reason in str(info.value)


def test_newlines_are_normalised_keeping_one_character_per_break():
    assert normalize_newlines("甲\r\n乙\r丙\n丁") == "甲\n乙\n丙\n丁"
    assert decode("甲\r\n乙".encode()).text == "甲\n乙"


def test_truncated_utf8_keeps_the_text_and_says_so():
    raw = (SIMPLIFIED * 3).encode("utf-8")[:-1]  # cut inside the last character
    result = decode(raw, "cut.txt")
    assert result.text.startswith(SIMPLIFIED * 2)
    assert result.text.endswith("\ufffd")
    assert result.encoding == "utf-8 (1 invalid byte sequence replaced by U+FFFD)"


def test_utf8_file_with_stray_gbk_bytes_is_not_misread_as_gbk():
    raw = (SIMPLIFIED * 3).encode("utf-8") + "错".encode("gbk") + SIMPLIFIED.encode("utf-8")
    result = decode(raw, "mixed.txt")
    assert result.text.startswith(SIMPLIFIED * 3)
    assert result.encoding.startswith("utf-8 (")


def test_bom_that_lies_about_the_encoding_does_not_lose_the_text():
    raw = b"\xef\xbb\xbf" + (SIMPLIFIED * 2).encode("gbk")
    result = decode(raw, "liar.txt")
    assert result.text == SIMPLIFIED * 2
    assert result.encoding == "gb18030"
