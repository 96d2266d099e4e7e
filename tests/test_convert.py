import pytest

from pipeline.convert import Converter
from pipeline.errors import ConversionError


def test_traditional_becomes_simplified_character_for_character():
    aligned = Converter().convert("廣西標準化協會組織專家審定團體標準")
    assert aligned.simplified == "广西标准化协会组织专家审定团体标准"
    assert len(aligned.simplified) == len(aligned.original)
    assert aligned.script == "traditional"


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("广西标准化协会组织专家", "simplified"),
        ("廣西標準化協會組織專家", "traditional"),
        ("2025 ABC", "unknown"),
        ("廣西標準化協會 和 广西标准化协会组织专家", "mixed"),
    ],
)
def test_script_detection(text, script):
    assert Converter().convert(text).script == script


def test_fullwidth_digits_fold_for_rules_only():
    aligned = Converter().convert("２０２５年收入ＵＳＤ１００，")
    assert aligned.folded == "2025年收入USD100，"
    assert aligned.simplified == "２０２５年收入ＵＳＤ１００，"


@pytest.mark.parametrize("config", ["tw2sp", "s2twp", "t2s.json", "nonsense"])
def test_phrase_configurations_are_refused(config):
    with pytest.raises(ConversionError):
        Converter(config)


def test_length_change_fails_loudly():
    converter = Converter()

    class Stretching:
        def convert(self, text):
            return text + "!"

    converter._load()
    converter._t2s = Stretching()
    with pytest.raises(ConversionError, match="changed the length"):
        converter.convert("中文")


def test_rare_simplified_forms_of_opencc_are_folded_for_the_analysis():
    aligned = Converter("t2s").convert("錢鍾書研究")
    assert aligned.simplified == "钱钟书研究"  # OpenCC alone writes 钱锺书, a form the corpora never use
    assert aligned.original == "錢鍾書研究" and len(aligned.simplified) == len(aligned.original)
