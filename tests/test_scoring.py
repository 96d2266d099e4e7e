"""The shipped scorer (pipeline/scoring.py): exact spans, overlap matching, value comparison; one scorer for all."""

from pipeline import scoring
from pipeline.scoring import Counts, match, same_value, score


def test_exact_match_counts_per_type_and_overall():
    gold = [[(0, 2, "PERSON"), (3, 5, "LOC"), (6, 9, "ORG")], [(0, 3, "LOC")]]
    predicted = [[(0, 2, "PERSON"), (3, 6, "LOC"), (6, 9, "LOC")], [(0, 3, "LOC"), (5, 7, "PERSON")]]
    result = score(gold, predicted)
    assert result["PERSON"] == {"p": 0.5, "r": 1.0, "f1": 0.6667, "tp": 1, "fp": 1, "fn": 0}
    assert (result["LOC"]["tp"], result["LOC"]["fp"], result["LOC"]["fn"]) == (1, 2, 1)
    assert (result["ORG"]["tp"], result["ORG"]["fp"], result["ORG"]["fn"]) == (0, 0, 1)
    assert (result["overall"]["tp"], result["overall"]["fp"], result["overall"]["fn"]) == (2, 3, 2)
    assert result["overall"]["f1"] == round(2 * 0.4 * 0.5 / 0.9, 4)


def test_duplicates_count_once_and_other_labels_are_left_out():
    result = score([[(0, 2, "ORG"), (0, 2, "ORG"), (4, 6, "MISC")]], [[(0, 2, "ORG"), (4, 6, "MISC")]])
    assert result["ORG"]["tp"] == 1 and result["overall"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 1, "fp": 0, "fn": 0}


def test_overlap_matching_is_one_to_one_and_only_for_the_types_asked():
    gold = [(0, 10, "LOC"), (12, 15, "ORG")]
    predicted = [(0, 4, "LOC"), (4, 10, "LOC"), (12, 14, "ORG")]
    exact = match(gold, predicted)
    assert exact.pairs == [] and len(exact.missed) == 2 and len(exact.spurious) == 3
    loose = match(gold, predicted, overlap={"LOC"})
    assert loose.pairs == [((0, 10, "LOC"), (0, 4, "LOC"))]  # the gold place matches one prediction only
    assert loose.spurious == [(4, 10, "LOC"), (12, 14, "ORG")]  # ORG still needs the exact span
    assert loose.missed == [(12, 15, "ORG")]
    both = score([gold], [predicted], overlap=("LOC", "ORG"))
    assert both["overall"]["tp"] == 2 and both["overall"]["fp"] == 1 and both["overall"]["fn"] == 0


def test_an_exact_pair_is_taken_before_an_overlapping_one():
    matched = match([(0, 3, "LOC"), (3, 6, "LOC")], [(0, 6, "LOC"), (3, 6, "LOC")], overlap={"LOC"})
    assert ((3, 6, "LOC"), (3, 6, "LOC")) in matched.pairs
    assert ((0, 3, "LOC"), (0, 6, "LOC")) in matched.pairs and not matched.missed and not matched.spurious


def test_values_compare_as_numbers_for_amounts_and_as_text_for_dates():
    assert same_value("AMOUNT", "7500000", "7.5E+6")
    assert not same_value("AMOUNT", "7500000", "750")
    assert not same_value("AMOUNT", "7500000", None)
    assert not same_value("AMOUNT", "many", "7")
    assert same_value("DATE", "2024-12", "2024-12") and not same_value("DATE", "2024-12", "2024-12-01")


def test_make_eval_and_the_realnews_benchmark_use_this_scorer():
    from pipeline.training import evaluate, realnews

    assert evaluate.score is scoring.score
    assert evaluate.LABELS == scoring.LABELS
    assert "from pipeline.scoring import Counts" in open(realnews.__file__, encoding="utf-8").read()
    assert Counts(3, 1, 0).scores()["p"] == 0.75
