"""The spaCy component: add_pipe("xinwen") through the entry point, ents at the records' offsets, any tokenizer,
normalized values, the Document, overlaps, DocBin and displaCy round trips."""

import subprocess
import sys
from importlib.metadata import entry_points

import pytest
import spacy
from spacy import displacy
from spacy.tokens import Doc, DocBin

from pipeline import Settings
from pipeline.records import Document, Entity, Meta
from pipeline.spacy_component import PUBLISHED_AT_KEY, XinwenComponent, register_extensions

TEXT = "国务院总理李强5日在十四届全国人大三次会议上作政府工作报告，今年安排地方政府专项债券4.4万亿元。"
TEXTS = [
    TEXT,
    "香港特區政府運輸署今日公布，2024年全港共有約12,000宗交通意外，較去年減少3%。",
    "广西壮族自治区民政厅近日公布2024年全区社会组织优秀案例，32个案例上榜。",
]


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("zh")  # spaCy's character segmenter
    nlp.add_pipe("xinwen")
    return nlp


@pytest.fixture(scope="module")
def records(full_pipeline):
    return {text: full_pipeline.extract(text) for text in TEXTS}


def test_the_factory_is_registered_by_the_entry_point_without_importing_spacy_at_import_pipeline():
    (point,) = [p for p in entry_points(group="spacy_factories") if p.name == "xinwen"]
    assert point.value == "pipeline.spacy_component:make_xinwen"
    # A fresh interpreter: add_pipe finds the factory through the entry point alone; `import pipeline` loads no spaCy.
    code = (
        "import sys, pipeline; assert 'spacy' not in sys.modules\n"
        "import spacy; nlp = spacy.blank('zh'); nlp.add_pipe('xinwen', config={'ner': False})\n"
        "print([(e.text, e.label_) for e in nlp('李强5日在北京作报告。').ents])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "'DATE'" in out and "北京" in out


def test_ents_are_the_records_at_their_offsets_with_normalized_values(nlp, records):
    for text in TEXTS:
        doc = nlp(text)
        record = records[text]
        assert doc._.xinwen == record
        # the character tokenizer: every record is on token boundaries, and these records do not overlap
        assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == [
            (e.start, e.end, e.type) for e in record.entities
        ]
        for span, entity in zip(doc.ents, record.entities, strict=True):
            assert span.text == entity.text
            want = entity.normalized.model_dump(mode="json") if entity.normalized else None
            assert span._.normalized == want
    money = next(e for e in nlp(TEXT).ents if e.label_ == "AMOUNT" and "万亿" in e.text)
    assert money._.normalized["value"] == 4400000000000 and money._.normalized["currency"] == "CNY"
    assert {e.label_ for e in nlp(TEXT).ents} == {"ORG", "PERSON", "DATE", "AMOUNT"}


def test_nlp_pipe_gives_what_nlp_gives(nlp):
    one_by_one = [nlp(t) for t in TEXTS * 3]
    piped = list(nlp.pipe(TEXTS * 3, batch_size=4))
    for a, b in zip(one_by_one, piped, strict=True):
        assert [(e.start_char, e.end_char, e.label_, e._.normalized) for e in a.ents] == [
            (e.start_char, e.end_char, e.label_, e._.normalized) for e in b.ents
        ]
        assert a._.xinwen == b._.xinwen


def test_a_word_tokenizer_gets_entities_widened_to_whole_tokens(records):
    jieba_nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    jieba_nlp.add_pipe("xinwen")
    for text in TEXTS:
        doc = jieba_nlp(text)
        boundaries = {t.idx for t in doc} | {len(text)}
        record = records[text]
        assert doc._.xinwen == record
        assert doc.ents
        starts, ends = sorted(t.idx for t in doc), sorted({t.idx + len(t) for t in doc})
        widened = {
            (max(b for b in starts if b <= e.start), min(b for b in ends if b >= e.end), e.type)
            for e in record.entities
        }
        ents = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
        assert ents <= widened  # each entity is a record widened to whole tokens
        for start, end, kind in widened - ents:  # the others lost to an overlapping, longer one
            assert any(s < end and start < e and e - s >= end - start for s, e, _ in ents), (start, end, kind)
        assert all(e.start_char in boundaries and e.end_char in boundaries for e in doc.ents)


def test_records_off_token_boundaries_expand_to_the_tokens_they_touch(full_pipeline):
    nlp = spacy.blank("zh")
    nlp.tokenizer = ThreeCharacters(nlp.vocab)  # tokens of 3 characters: most records cut through one
    nlp.add_pipe("xinwen")
    doc = nlp(TEXT)
    record = full_pipeline.extract(TEXT)
    assert doc._.xinwen == record
    for ent in doc.ents:
        assert ent.start_char % 3 == 0 and (ent.end_char % 3 == 0 or ent.end_char == len(TEXT))
    li = next(e for e in record.entities if e.text == "李强")  # 5:7 lies across the tokens 3:6 and 6:9
    (span,) = [e for e in doc.ents if e.start_char <= li.start < e.end_char]
    assert (span.start_char, span.end_char) == (3, 9) and span.label_ == "PERSON"


class ThreeCharacters:
    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text):
        words = [text[i : i + 3] for i in range(0, len(text), 3)]
        return Doc(self.vocab, words=words, spaces=[False] * len(words))


def test_overlapping_records_keep_the_longest_then_the_earliest():
    nlp = spacy.blank("zh")
    component = XinwenComponent("xinwen", Settings(ner=False))
    text = "北京市海淀区人民政府今日开会"

    def entity(start, end, kind):
        return Entity(
            type=kind,
            text=text[start:end],
            text_simplified=text[start:end],
            start=start,
            end=end,
            extractor="rule",
            confidence=0.9,
        )

    entities = [
        entity(0, 3, "LOC"),
        entity(0, 10, "ORG"),
        entity(3, 6, "LOC"),
        entity(10, 12, "DATE"),
        entity(11, 14, "ORG"),
    ]
    record = Document(
        id="x", source="t", encoding="utf-8", script="simplified", text=text, meta=Meta(), entities=entities
    )
    doc = component._set(nlp.make_doc(text), record)
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == [(0, 10, "ORG"), (11, 14, "ORG")]
    assert doc._.xinwen == record  # the records set aside stay in the Document


def test_docbin_round_trip_keeps_ents_values_and_the_document(nlp):
    docs = list(nlp.pipe(TEXTS))
    data = DocBin(docs=docs, store_user_data=True).to_bytes()
    register_extensions()
    restored = list(DocBin(store_user_data=True).from_bytes(data).get_docs(spacy.blank("zh").vocab))
    for before, after in zip(docs, restored, strict=True):
        assert after.text == before.text
        assert [(e.start_char, e.end_char, e.label_) for e in after.ents] == [
            (e.start_char, e.end_char, e.label_) for e in before.ents
        ]
        assert [e._.normalized for e in after.ents] == [e._.normalized for e in before.ents]
        assert isinstance(after._.xinwen, Document) and after._.xinwen == before._.xinwen


def test_displacy_renders_the_entities(nlp):
    doc = nlp(TEXT)
    html = displacy.render(doc, style="ent", page=False)
    for ent in doc.ents:
        assert ent.text in html
    assert html.count("<mark") == len(doc.ents) and "AMOUNT" in html and "PERSON" in html


def test_empty_docs_crlf_and_per_document_publication_time(nlp):
    empty = nlp("   ")
    assert empty.ents == () and empty._.xinwen is None
    crlf = "新华社北京1月5日电\r\n国务院新闻办公室5日举行发布会，李强出席。"
    doc = nlp(crlf)
    for ent in doc.ents:
        assert crlf[ent.start_char : ent.end_char] == ent.text
    assert "李强" in [e.text for e in doc.ents]
    dated = nlp.make_doc("今年安排地方政府专项债券4.4万亿元。")
    dated.user_data[PUBLISHED_AT_KEY] = "2025-03-05"
    dated = nlp.get_pipe("xinwen")(dated)
    (year,) = [e for e in dated.ents if e.text == "今年"]
    assert year._.normalized["value"] == "2025"


def test_config_reaches_the_pipeline():
    nlp = spacy.blank("zh")
    component = nlp.add_pipe("xinwen", config={"ner": False, "region": "hk", "published_at": "2025-02-27"})
    assert component.pipeline.settings.ner is False and component.pipeline.settings.region == "hk"
    doc = nlp("今年政府預算案公布。")
    assert doc._.xinwen.meta.region == "hk" and doc._.xinwen.meta.published_at.startswith("2025-02-27")
    (year,) = [e for e in doc.ents if e.text == "今年"]
    assert year._.normalized["value"] == "2025"


def test_a_coarse_word_tokenizer_such_as_pkuseg_works_too(records):
    """pkuseg needs a model downloaded at run time; a tokenizer that cuts coarse words the same way stands in."""
    nlp = spacy.blank("zh")
    words = ["国务院总理", "李强", "5日", "在", "十四届全国人大三次会议上", "作", "政府工作报告", "，", "今年", "安排"]
    words += ["地方政府专项债券", "4.4万亿元", "。"]
    assert "".join(words) == TEXT
    nlp.tokenizer = lambda text: Doc(nlp.vocab, words=words, spaces=[False] * len(words))
    nlp.add_pipe("xinwen")
    doc = nlp(TEXT)
    assert doc._.xinwen == records[TEXT]
    assert ("李强", "PERSON") in [(e.text, e.label_) for e in doc.ents]
    records_found = doc._.xinwen.entities
    assert all(any(e.start_char <= r.start and r.end <= e.end_char for r in records_found) for e in doc.ents)
