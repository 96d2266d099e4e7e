"""The entity tagger's BILUO decoding: the tag grammar, the Viterbi fallback, the spans it writes."""

import itertools

import numpy
import pytest
import spacy

from pipeline.extract.ner.tagger import BiluoDecoder, EntityTagger, log_softmax, tag_names

LABELS = ("LOC", "ORG", "PERSON")
TAGS = tag_names(LABELS)
DECODER = BiluoDecoder(len(LABELS))
ALLOWED, FIRST, LAST = DECODER.allowed, DECODER.first, DECODER.last


def index(*tags: str) -> list[int]:
    return [TAGS.index(t) for t in tags]


def is_valid(path: list[int]) -> bool:
    return bool(FIRST[path[0]] and LAST[path[-1]] and all(ALLOWED[a, b] for a, b in itertools.pairwise(path)))


@pytest.mark.parametrize(
    ("tags", "valid"),
    [
        (("O", "B-PERSON", "L-PERSON"), True),
        (("U-LOC", "B-ORG", "I-ORG", "L-ORG", "O"), True),
        (("O", "I-PERSON", "L-PERSON"), False),  # an inside tag with nothing open
        (("B-ORG", "L-LOC"), False),  # the type changes inside an entity
        (("B-ORG", "O"), False),  # an entity left open
        (("L-ORG",), False),
        (("B-PERSON",), False),  # open at the end
    ],
)
def test_the_biluo_grammar(tags, valid):
    assert is_valid(index(*tags)) is valid


def test_viterbi_finds_the_best_valid_sequence():
    """Against brute force over every sequence of three tags, on random scores."""
    rng = numpy.random.default_rng(7)
    valid = [p for n in (1, 2, 3) for p in itertools.product(range(len(TAGS)), repeat=n) if is_valid(list(p))]
    for _ in range(10):
        for log_probs in [log_softmax(rng.normal(size=(n, len(TAGS))) * 3) for n in (3, 1, 2)]:
            path = DECODER.best_valid(log_probs)
            best = max(
                (p for p in valid if len(p) == len(log_probs)),
                key=lambda p, lp=log_probs: sum(lp[i, t] for i, t in enumerate(p)),
            )
            assert path == list(best)


def make_tagger() -> EntityTagger:
    nlp = spacy.blank("zh")
    tagger = EntityTagger(nlp.vocab, model=None)  # decoding and annotation need no network
    for label in LABELS:
        tagger.add_label(label)
    return tagger


def test_a_valid_argmax_is_kept_and_an_invalid_one_repaired():
    scores = numpy.full((4, len(TAGS)), -5.0)
    for i, t in enumerate(index("B-PERSON", "L-PERSON", "O", "U-LOC")):
        scores[i, t] = 5.0
    assert DECODER([scores]) == [index("B-PERSON", "L-PERSON", "O", "U-LOC")]
    # A stray I-ORG after O: the best valid reading is found instead, never half an entity.
    scores[2] = -5.0
    scores[2, TAGS.index("I-ORG")] = 5.0
    scores[2, TAGS.index("O")] = 4.0
    assert DECODER([scores]) == [index("B-PERSON", "L-PERSON", "O", "U-LOC")]


def test_tags_become_entities():
    tagger = make_tagger()
    nlp = spacy.blank("zh")
    doc = spacy.tokens.Doc(nlp.vocab, words=list("李明在北京大学"), spaces=[False] * 7)
    tagger.set_annotations([doc], [index("B-PERSON", "L-PERSON", "O", "B-ORG", "I-ORG", "I-ORG", "L-ORG")])
    assert [(e.text, e.label_) for e in doc.ents] == [("李明", "PERSON"), ("北京大学", "ORG")]
    assert [t.ent_iob_ for t in doc][2] == "O"


def test_repairs_are_valid_and_leave_valid_sequences_alone():
    rng = numpy.random.default_rng(3)
    scores = [rng.normal(size=(rng.integers(1, 15), len(TAGS))) + numpy.eye(1, len(TAGS)) * 1.5 for _ in range(200)]
    paths = DECODER(scores)
    repaired = 0
    for x, path in zip(scores, paths, strict=True):
        best = x.argmax(axis=1).tolist()
        assert is_valid(path)
        if is_valid(best):
            assert path == best
        repaired += path != best
    assert repaired > 50  # the random scores did break the grammar often
