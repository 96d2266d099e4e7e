"""The fusion policy, case by case (see pipeline/extract/fuse.py)."""

import itertools

import pytest

from pipeline.extract.base import Mention
from pipeline.extract.fuse import fuse


def rule(s, e, t="ORG", conf=0.85, structured=False, name="orgs.suffix"):
    return Mention(s, e, t, "rule", name, conf, structured=structured)


def ner(s, e, t="ORG", conf=0.8):
    return Mention(s, e, t, "ner", "ner.xinwen_ner", conf)


def test_agreement_merges_into_rule_plus_ner_with_higher_confidence():
    (m,) = fuse([rule(0, 4), ner(0, 4)])
    assert m.extractor == "rule+ner"
    assert m.confidence > 0.85
    assert m.rule == "ner.xinwen_ner+orgs.suffix"


def test_structured_rule_beats_overlapping_model_span():
    (m,) = fuse([rule(2, 5, "PERSON", 0.9, structured=True, name="people.titled"), ner(0, 5, "ORG", 0.9)])
    assert (m.start, m.end, m.type, m.extractor) == (2, 5, "PERSON", "rule")


def test_model_beats_unstructured_person_rule():
    (m,) = fuse([rule(0, 3, "PERSON", 0.8, name="people.speaker"), ner(0, 2, "PERSON")])
    assert (m.start, m.end, m.extractor) == (0, 2, "ner")


def test_specific_org_by_suffix_keeps_its_place_prefix_over_model_split():
    chosen = fuse([rule(0, 11, "ORG", 0.85), ner(0, 3, "LOC"), ner(3, 11, "ORG")])
    assert [(m.start, m.end, m.type) for m in chosen] == [(0, 11, "ORG")]


def test_weak_rule_alone_is_dropped_but_confirms_the_model():
    assert fuse([rule(0, 2, "LOC", 0.6, name="places.jieba")]) == []
    (m,) = fuse([rule(0, 2, "LOC", 0.6, name="places.jieba"), ner(0, 2, "LOC")])
    assert m.extractor == "rule+ner"


def test_overlaps_resolve_deterministically_whatever_the_input_order():
    mentions = [ner(0, 4), ner(2, 6, "LOC"), rule(5, 9, "AMOUNT", 0.95, name="amounts.grammar"), ner(8, 12, "PERSON")]
    first = fuse(mentions)
    assert fuse(list(reversed(mentions))) == first
    spans = [(m.start, m.end) for m in first]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


def test_suffix_org_needs_the_model_to_see_a_name_when_the_model_ran():
    weak = rule(0, 6, "ORG", 0.7)  # one-character head such as 局
    assert fuse([weak], model_ran=True) == []
    assert fuse([weak], model_ran=False) == [weak]
    (m,) = fuse([weak, ner(0, 6, "ORG")], model_ran=True)
    assert (m.start, m.end, m.extractor) == (0, 6, "rule+ner")
    specific = rule(0, 9, "ORG", 0.85)  # 柳州市雨花敬老服务中心: the model split it (柳州市 + the rest) but saw it
    assert fuse([specific], model_ran=True) == []
    chosen = fuse([specific, ner(0, 3, "LOC"), ner(3, 9, "ORG")], model_ran=True)
    assert [(m.start, m.end, m.type) for m in chosen] == [(0, 9, "ORG")]
    listed = rule(0, 6, "ORG", 0.9, name="orgs.gazetteer")  # a public register stands alone
    assert fuse([listed], model_ran=True) == [listed]


def test_listed_place_beats_the_models_person_on_the_same_span():
    # 氹仔 (a Macau island, in the gazetteer) read by the model as a given name.
    chosen = fuse([rule(0, 2, "LOC", 0.75, name="places.gazetteer"), ner(0, 2, "PERSON", 0.9)], model_ran=True)
    assert [(m.start, m.end, m.type) for m in chosen] == [(0, 2, "LOC")]


def test_listed_place_removes_an_overlapping_model_person():
    chosen = fuse([rule(0, 3, "LOC", 0.75, name="places.gazetteer"), ner(1, 4, "PERSON", 0.9)], model_ran=True)
    assert [(m.start, m.end, m.type) for m in chosen] == [(0, 3, "LOC")]


def test_listed_organization_decides_the_type_of_its_exact_span():
    # 香港海关: the model says LOC, the register says ORG; a longer model ORG elsewhere is untouched.
    chosen = fuse(
        [rule(0, 4, "ORG", 0.9, name="orgs.gazetteer"), ner(0, 4, "LOC", 0.9), ner(5, 9, "ORG", 0.9)], model_ran=True
    )
    assert [(m.start, m.end, m.type) for m in chosen] == [(0, 4, "ORG"), (5, 9, "ORG")]


def test_listed_place_removes_the_models_fragment_of_it_only():
    # 臺中: the model reads 臺 alone as Taiwan; two adjacent listed names are not one span.
    listed = [rule(0, 2, "LOC", 0.75, name="places.gazetteer"), rule(2, 4, "LOC", 0.75, name="places.gazetteer")]
    chosen = fuse([*listed, ner(0, 1, "LOC", 0.9)], model_ran=True)
    assert [(m.start, m.end, m.type) for m in chosen] == [(0, 2, "LOC"), (2, 4, "LOC")]
    chosen = fuse([*listed, ner(0, 4, "LOC", 0.9)], model_ran=True)
    assert [(m.start, m.end, m.type) for m in chosen] == [(0, 4, "LOC")]


def test_unlisted_place_rule_still_loses_to_the_models_person():
    chosen = fuse([rule(0, 2, "LOC", 0.75, name="places.jieba"), ner(0, 2, "PERSON", 0.9)], model_ran=True)
    assert [(m.start, m.end, m.type) for m in chosen] == [(0, 2, "PERSON")]


def test_listed_places_in_region_text_through_the_model(full_pipeline):
    doc = full_pipeline.extract("氹仔新建公共房屋將於下半年落成，沙田及大埔亦有新屋苑。", region="mo")
    locs = [e.text for e in doc.entities if e.type == "LOC"]
    assert {"氹仔", "沙田", "大埔"} <= set(locs)
    assert not [e for e in doc.entities if e.type == "PERSON"]


def test_model_span_loses_a_trailing_title(full_pipeline):
    doc = full_pipeline.extract("民進黨立委林雅婷指出，高雄市議員黃美玲亦表示關注。", region="tw")
    found = {(e.text, e.type) for e in doc.entities}
    assert ("民進黨", "ORG") in found and ("高雄市", "LOC") in found
    assert not any(e.text.endswith(("立委", "議員")) for e in doc.entities)


@pytest.mark.parametrize("text", ["立法委員王美惠今天質詢部長。", "行政长官李家超今日出席活动。"])
def test_the_start_of_a_title_is_no_organization(full_pipeline, text):
    # 立法 of 立法委員, 行政 of 行政长官: the model's organization ending on no head word where a title begins
    doc = full_pipeline.extract(text)
    assert [e.type for e in doc.entities if e.type != "DATE"] == ["PERSON"]


def test_a_place_directly_before_an_organization_joins_it():
    # 广西 + 梧州分局 as the model reads it, with nothing between: one organization.
    chosen = fuse([ner(0, 2, "LOC"), ner(2, 6, "ORG"), ner(7, 9, "LOC")])
    assert [(m.start, m.end, m.type) for m in chosen] == [(0, 6, "ORG"), (7, 9, "LOC")]
    # a chain of places (美国 + 旧金山市 + …中学) joins too; a gap keeps them apart (香港《明報》)
    chosen = fuse([ner(0, 2, "LOC"), ner(2, 5, "LOC"), ner(5, 9, "ORG"), ner(10, 12, "LOC"), ner(13, 15, "ORG")])
    assert [(m.start, m.end, m.type) for m in chosen] == [(0, 9, "ORG"), (10, 12, "LOC"), (13, 15, "ORG")]


def test_a_dateline_place_after_its_outlet_stays_a_place():
    outlet = rule(0, 3, "ORG", 0.95, structured=True, name="outlets.dateline")
    chosen = fuse([ner(3, 5, "LOC"), rule(5, 8, "ORG", 0.95, structured=True, name="outlets.dateline"), outlet])
    assert [(m.start, m.end, m.type) for m in chosen] == [(0, 3, "ORG"), (3, 5, "LOC"), (5, 8, "ORG")]


def test_suffix_name_running_on_before_the_models_name_defers_to_the_model():
    # 马赛战胜南非队 (战胜 tagged n): the rule's name ends where the model's 南非队 ends and begins before it.
    chosen = fuse([rule(0, 7, "ORG", 0.85), ner(0, 2, "LOC"), ner(4, 7, "ORG")], model_ran=True)
    assert [(m.start, m.end, m.type) for m in chosen] == [(0, 2, "LOC"), (4, 7, "ORG")]
    # 荣获郑州市技术监督局 (荣获 tagged nr): the model's 郑州市技术监督局 stands
    chosen = fuse([rule(0, 10, "ORG", 0.85), ner(2, 10, "ORG")], model_ran=True)
    assert [(m.start, m.end, m.type) for m in chosen] == [(2, 10, "ORG")]
    # a name built on a listed one (0.9) is the grammar's own: 衛福部 + 花蓮醫院 against the model's 福部花蓮醫院
    chosen = fuse([rule(0, 7, "ORG", 0.9), ner(1, 7, "ORG")], model_ran=True)
    assert [(m.start, m.end, m.type) for m in chosen] == [(0, 7, "ORG")]


def test_suffix_name_stands_where_the_models_part_of_it_is_a_bare_head_word():
    text = "自治区民政厅社会组织管理局局长"
    suffix = rule(0, 13, "ORG", 0.85)
    chosen = fuse([suffix, ner(10, 13, "ORG")], model_ran=True, text=text)
    assert [(m.start, m.end) for m in chosen] == [(0, 13)]
    text = "荣获郑州市技术监督局"  # the model's part is a name, not a head word: it stands
    chosen = fuse([rule(0, 10, "ORG", 0.85), ner(2, 10, "ORG")], model_ran=True, text=text)
    assert [(m.start, m.end) for m in chosen] == [(2, 10)]


def test_suffix_name_beginning_with_a_found_place_stands_without_the_model():
    # a weak name the model does not end with stays out (韩国人所: 韩国 + 人所)
    chosen = fuse([rule(0, 4, "ORG", 0.7), ner(0, 2, "LOC")], model_ran=True)
    assert [(m.start, m.end, m.type) for m in chosen] == [(0, 2, "LOC")]
    # 花莲门诺医院: a specific name after a listed place stands although the model saw nothing there
    chosen = fuse([rule(0, 6, "ORG", 0.85), rule(0, 2, "LOC", 0.75, name="places.gazetteer")], model_ran=True)
    assert [(m.start, m.end, m.type) for m in chosen] == [(0, 6, "ORG")]


def test_a_suffix_name_built_on_a_listed_name_stands_without_the_model():
    # 中粮 (listed) + 生物质能源有限公司: the model saw nothing there
    listed = rule(0, 2, "ORG", 0.9, name="registers.gazetteer")
    chosen = fuse([listed, rule(0, 11, "ORG", 0.85)], model_ran=True)
    assert [(m.start, m.end, m.type) for m in chosen] == [(0, 11, "ORG")]
    # without the listed name it needs the model to see something
    assert fuse([rule(0, 11, "ORG", 0.85)], model_ran=True) == []


def test_the_models_name_that_cuts_a_listed_one_gives_way():
    # 澳門特區政府經濟 (model, LOC) against 經濟財政司 (listed, 6-11): the model's name ends inside the listed one
    kept = fuse([ner(0, 8, "LOC"), rule(6, 11, "ORG", 0.9, name="orgs.gazetteer")], model_ran=True)
    assert [(m.start, m.end, m.type) for m in kept] == [(6, 11, "ORG")]


def test_the_models_name_around_a_listed_one_stands():
    # 中国银行业协会 (model) holds the listed 中国银行 whole: no cut
    kept = fuse([ner(0, 7, "ORG"), rule(0, 4, "ORG", 0.9, name="orgs.gazetteer")], model_ran=True)
    assert (0, 7, "ORG") in [(m.start, m.end, m.type) for m in kept]


def test_a_suffix_name_over_a_conjunction_or_an_attachment_stands_against_the_models_part():
    # 文化广电和 + 旅游局, 医学院附属 + 中山医院: the model read the last field or the attached body only
    for text, cut in [("湖北省宜昌市文化广电和旅游局", 11), ("复旦大学上海医学院附属中山医院", 11)]:
        chosen = fuse([rule(0, len(text), "ORG", 0.85), ner(cut, len(text), "ORG")], model_ran=True, text=text)
        assert [(m.start, m.end) for m in chosen] == [(0, len(text))]


def test_a_listed_place_hint_stands_where_the_model_reads_it_as_an_organization():
    # 上海 of 北京、上海、广州: jieba knows the place (a hint, places.py), the model reads an organization
    hint = rule(3, 5, "LOC", 0.6, name="places.gazetteer")
    (m,) = fuse([hint, ner(3, 5, "ORG", 0.9)], model_ran=True)
    assert (m.start, m.end, m.type) == (3, 5, "LOC")
    # alone, a hint is no place
    assert fuse([hint], model_ran=True) == []


@pytest.mark.parametrize(
    ("text", "facility", "model", "kept"),
    [
        ("日本东京巨蛋登场，", (2, 6), (2, 8), [(2, 6)]),  # the model ran on past the head into a verb
        ("西安东站站房完工。", (0, 4), (0, 6), [(0, 4)]),
        ("北京南站广场开放。", (0, 4), (0, 6), [(0, 6)]),  # a longer facility of its own: the model's stands
    ],
)
def test_a_model_place_running_on_past_a_facilitys_head(text, facility, model, kept):
    chosen = fuse([rule(*facility, "LOC", 0.85, name="places.facility"), ner(*model, "LOC", 0.9)], text=text)
    assert [(m.start, m.end) for m in chosen if m.type == "LOC"] == kept


def test_a_listed_body_and_the_unit_the_model_read_apart_are_one_name():
    text = "中国光大银行沈阳分行"  # the model: 中国光大银行 + 沈阳分行
    listed = rule(0, 6, "ORG", 0.9, name="registers.gazetteer")
    mentions = [rule(0, 10, "ORG", 0.85), listed, ner(0, 6, "ORG"), ner(6, 10, "ORG")]
    chosen = fuse(mentions, model_ran=True, text=text)
    assert [(m.start, m.end) for m in chosen] == [(0, 10)]
    # with no organization in front the model's edge stands (荣获 + 郑州市技术监督局)
    chosen = fuse([rule(0, 10, "ORG", 0.85), ner(6, 10, "ORG")], model_ran=True, text=text)
    assert [(m.start, m.end) for m in chosen] == [(6, 10)]
    # the model's own organization in front (湖北美术学院 + 中国画系): the school and its department
    chosen = fuse(
        [rule(0, 10, "ORG", 0.85), ner(0, 6, "ORG"), ner(6, 10, "ORG")], model_ran=True, text="湖北美术学院中国画系"
    )
    assert [(m.start, m.end) for m in chosen] == [(0, 10)]
