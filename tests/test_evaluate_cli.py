"""`xinwen evaluate GOLD --format F`: each format read right (UTF-16 offsets too), scores that agree with an
independent scorer, overlap matching, value accuracy, the errors file, one-line errors."""

import json
import subprocess
import sys

import pytest
from conftest import ROOT

from pipeline.annotations import Utf16, read_gold
from pipeline.training.evaluate import read_annotated

MSRA = ROOT.parent / "shared" / "corpora" / "msra_ner" / "msra_test_bio.txt"


def evaluate(*args, cwd=None):
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "evaluate", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
    )
    return result.returncode, result.stdout, result.stderr


def table(stdout):
    """The printed rows: type -> (precision, recall, F1)."""
    rows = {}
    for line in stdout.splitlines():
        parts = line.split()
        if len(parts) == 7 and parts[0] in ("PERSON", "LOC", "ORG", "AMOUNT", "DATE", "overall"):
            rows[parts[0]] = tuple(float(x) for x in parts[1:4])
    return rows


# An independent scorer, written from the definitions (conlleval / seqeval's default mode), not from xinwen's:
# chunks are read off the tag sequences, and a chunk is right when the predicted sequence has the same one.


def chunks(tags):
    found, begin, prev, prev_type = [], 0, "O", ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, kind = ("O", "") if tag == "O" else tag.split("-", 1)
        ends = (
            prev in ("E", "S")
            or (prev in ("B", "I") and prefix in ("B", "S", "O"))
            or (prev != "O" and prev_type != kind)
        )
        if ends and prev != "O":
            found.append((begin, i, prev_type))
        starts = (
            prefix in ("B", "S")
            or (prev in ("E", "S", "O") and prefix in ("I", "E"))
            or (prefix != "O" and prev_type != kind)
        )
        if starts:
            begin = i
        prev, prev_type = prefix, kind
    return found


def independent_scores(gold_tags, predicted_tags):
    per_type = {}
    for gold, predicted in zip(gold_tags, predicted_tags, strict=True):
        g, p = set(chunks(gold)), set(chunks(predicted))
        for kind in {c[2] for c in g | p}:
            counts = per_type.setdefault(kind, [0, 0, 0])
            counts[0] += len({c for c in g & p if c[2] == kind})
            counts[1] += len({c for c in p if c[2] == kind})
            counts[2] += len({c for c in g if c[2] == kind})

    def prf(tp, n_pred, n_gold):
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    total = [sum(c[i] for c in per_type.values()) for i in range(3)]
    return {**{k: prf(*c) for k, c in per_type.items()}, "overall": prf(*total)}


def tags_of(text, entities, names):
    """BIO tags of predicted entities (longest first where they overlap), in the gold file's type names."""
    tags = ["O"] * len(text)
    for e in sorted(entities, key=lambda e: (e.start - e.end, e.start)):
        if e.type in names and all(t == "O" for t in tags[e.start : e.end]):
            tags[e.start : e.end] = [f"B-{names[e.type]}"] + [f"I-{names[e.type]}"] * (e.end - e.start - 1)
    return tags


def read_tag_file(path):
    sentences, chars, tags = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if chars:
                sentences.append(("".join(chars), tags))
            chars, tags = [], []
            continue
        char, tag = line.split()
        chars.append(char)
        tags.append(tag)
    if chars:
        sentences.append(("".join(chars), tags))
    return sentences


def part_bio(tmp_path):
    """The first 300 MSRA test sentences; without the corpora, the hand-made region sets as BIO."""
    path = tmp_path / "part.bio"
    if MSRA.is_file():
        blocks = MSRA.read_text(encoding="utf-8").split("\n\n")[:300]
        path.write_text("\n\n".join(blocks).strip() + "\n", encoding="utf-8")
        return path
    lines = []
    for ann in sorted((ROOT / "corpus" / "eval").glob("*.ann")):
        for text, spans in read_annotated(ann)[1]:
            tags = ["O"] * len(text)
            for s, e, kind, _ in spans:
                tags[s:e] = [f"B-{kind}"] + [f"I-{kind}"] * (e - s - 1)
            lines += [f"{c}\t{t}" for c, t in zip(text, tags, strict=True) if not c.isspace()] + [""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_bio_scores_agree_with_an_independent_scorer(tmp_path, full_pipeline):
    path = part_bio(tmp_path)
    code, out, err = evaluate(path, "--format", "bio", "--json", tmp_path / "scores.json", cwd=tmp_path)
    assert code == 0, err
    assert any(line.startswith("overall") for line in out.splitlines())
    printed = table(out)
    sentences = read_tag_file(path)
    used = {t.split("-", 1)[1] for _, tags in sentences for t in tags if t != "O"}
    # MSRA writes PER; the region sets' BIO (used without the corpora) writes PERSON
    person = "PERSON" if "PERSON" in used else "PER"
    names = {"PERSON": person, "LOC": "LOC", "ORG": "ORG", "AMOUNT": "AMOUNT", "DATE": "DATE"}
    names = {k: v for k, v in names.items() if v in used}
    predicted = [tags_of(text, full_pipeline.extract(text).entities, names) for text, _ in sentences]
    reference = independent_scores([tags for _, tags in sentences], predicted)
    for xinwen_type, tag_type in [*names.items(), ("overall", "overall")]:
        for got, want in zip(printed[xinwen_type], reference[tag_type], strict=True):
            assert abs(got - want) <= 0.01, (xinwen_type, printed[xinwen_type], reference[tag_type])
    assert reference["overall"][2] > 0.5  # the pipeline found something to agree on
    scores = json.loads((tmp_path / "scores.json").read_text())
    assert abs(scores["overall"]["f1"] - printed["overall"][2]) < 0.001
    errors = (tmp_path / "part.bio.errors.txt").read_text(encoding="utf-8")
    assert "missed" in errors and "spurious" in errors


def test_bioes_bmes_and_token_lines_are_read(tmp_path):
    path = tmp_path / "g.bioes"
    rows = "李 B-PER|强 E-PER|在 O|京 S-LOC|召 O|开 O||国 B-ORG|务 M-ORG|院 E-ORG|北京 S-LOC|人 O|　 O|中 B-ORG"
    rows += "|心 I-ORG"
    lines = [r.replace(" ", "\t", 1) if r.startswith("　") else r for r in rows.split("|")]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    first, second = read_gold(path, "bio")
    assert first.text == "李强在京召开" and [(e.start, e.end, e.type) for e in first.entities] == [
        (0, 2, "PERSON"),
        (3, 4, "LOC"),
    ]
    assert second.text == "国务院北京人　中心"
    assert [(e.start, e.end, e.type) for e in second.entities] == [(0, 3, "ORG"), (3, 5, "LOC"), (7, 9, "ORG")]


def test_label_studio_offsets_are_utf16_code_units(tmp_path):
    text = "😀李强在北京吃𠮷野家，花了30元。"
    units = Utf16(text)
    li, beijing, money = text.index("李强"), text.index("北京"), text.index("30元")
    assert units.to_utf16(beijing) == beijing + 1 and units.to_utf16(money) == money + 2

    def region(start, end, kind):
        return {
            "from_name": "label",
            "to_name": "text",
            "type": "labels",
            "value": {
                "start": units.to_utf16(start),
                "end": units.to_utf16(end),
                "text": text[start:end],
                "labels": [kind],
            },
        }

    tasks = [
        {
            "id": 7,
            "data": {"text": text},
            "annotations": [
                {"was_cancelled": True, "result": []},
                {
                    "result": [
                        region(li, li + 2, "PERSON"),
                        region(beijing, beijing + 2, "LOC"),
                        region(money, money + 3, "AMOUNT"),
                    ]
                },
            ],
        },
        {"id": 8, "data": {"text": "没有标注的任务"}, "annotations": []},
    ]
    # JavaScript's view of the same offsets: UTF-16 code units of the text
    encoded = text.encode("utf-16-le")
    for r in tasks[0]["annotations"][1]["result"]:
        v = r["value"]
        assert encoded[2 * v["start"] : 2 * v["end"]].decode("utf-16-le") == v["text"]
    path = tmp_path / "export.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    (gold,) = read_gold(path, "label-studio")  # the cancelled annotation and the unannotated task are skipped
    assert [(e.start, e.end, e.type) for e in gold.entities] == [
        (li, li + 2, "PERSON"),
        (beijing, beijing + 2, "LOC"),
        (money, money + 3, "AMOUNT"),
    ]
    tasks[0]["annotations"][1]["result"][1]["value"]["start"] = beijing  # a code-point offset by mistake
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    code, _, err = evaluate(path, "--format", "label-studio", "--no-ner", cwd=tmp_path)
    assert code == 2 and "value.text" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_doccano_overlap_on_loc_and_the_errors_file(tmp_path, rules_pipeline):
    text = "李强昨天在北京市海淀区考察。"
    found = rules_pipeline.extract(text).entities
    spans = [[e.start, e.end, e.type] for e in found]
    assert any(s[2] == "LOC" for s in spans)
    loc = next(s for s in spans if s[2] == "LOC")
    wider = [[loc[0] - 1, loc[1], "LOC"] if s == loc else s for s in spans]  # the gold's place is one longer
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"text": text, "label": wider}, ensure_ascii=False) + "\n", encoding="utf-8")
    code, out, err = evaluate(path, "--format", "doccano", "--no-ner", "--errors", tmp_path / "e.txt", cwd=tmp_path)
    assert code == 0, err
    assert table(out)["LOC"][2] < 1.0 and table(out)["overall"][2] < 1.0
    errors = (tmp_path / "e.txt").read_text(encoding="utf-8")
    assert f"missed    LOC     [{loc[0] - 1}:{loc[1]}] {text[loc[0] - 1 : loc[1]]}" in errors
    assert f"spurious  LOC     [{loc[0]}:{loc[1]}] {text[loc[0] : loc[1]]}" in errors
    code, out, err = evaluate(path, "--format", "doccano", "--no-ner", "--overlap", "LOC", cwd=tmp_path)
    assert code == 0, err
    assert table(out)["LOC"] == (1.0, 1.0, 1.0) and table(out)["overall"][2] == 1.0
    assert "overlap for LOC" in out


def test_xinwen_records_as_gold_give_value_accuracy(tmp_path, rules_pipeline):
    texts = ["2024年全区社会组织共有750余万元捐款，约400人参与。", "今年上半年，该会收到善款3亿元。"]
    docs = [rules_pipeline.extract(t, published_at="2025-02-27T09:51+08:00") for t in texts]
    records = [json.loads(d.model_dump_json()) for d in docs]
    amounts = [e for r in records for e in r["entities"] if e["type"] == "AMOUNT"]
    assert len(amounts) >= 3
    right = amounts[0]["normalized"]["value_text"]
    amounts[0]["normalized"]["value_text"] = "1"  # the gold says otherwise: one wrong value
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    code, out, err = evaluate(path, "--format", "jsonl", "--no-ner", cwd=tmp_path)
    assert code == 0, err
    assert table(out)["overall"] == (1.0, 1.0, 1.0)
    n = len(amounts)
    assert f"values AMOUNT: {n - 1}/{n} right" in out
    dates = [e for r in records for e in r["entities"] if e["type"] == "DATE" and e["normalized"]["value"]]
    assert f"values DATE: {len(dates)}/{len(dates)} right" in out
    errors = (tmp_path / "gold.jsonl.errors.txt").read_text(encoding="utf-8")
    assert f"gold 1, found {right}" in errors


@pytest.mark.parametrize(
    ("content", "fmt", "message"),
    [
        ("李 B-PER\n强 X-PER\n", "bio", "not a BIO/BIOES tag"),
        ('{"text": "李强", "label": [[0, 9, "PERSON"]]}\n', "doccano", "outside the text"),
        ('{"text": "李强"\n', "doccano", "not a JSON line"),
        ('{"tasks": 1}', "label-studio", 'without "data.text"'),
    ],
)
def test_malformed_gold_is_one_line_and_exit_2(tmp_path, content, fmt, message):
    path = tmp_path / "bad"
    path.write_text(content, encoding="utf-8")
    code, _, err = evaluate(path, "--format", fmt, "--no-ner", cwd=tmp_path)
    assert code == 2 and message in err and "Traceback" not in err
    assert err.startswith(f"xinwen: {path}")


def test_types_restrict_the_scoring(tmp_path):
    path = tmp_path / "g.jsonl"
    gold = {"text": "李强在北京。", "label": [[0, 2, "PER"], [3, 5, "LOC"]]}
    path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    code, out, err = evaluate(path, "--format", "doccano", "--no-ner", "--types", "PERSON", cwd=tmp_path)
    assert code == 0, err
    assert set(table(out)) == {"PERSON", "overall"}
    code, _, err = evaluate(path, "--format", "doccano", "--no-ner", "--types", "GPE", cwd=tmp_path)
    assert code == 2 and "unknown type 'GPE'" in err


def test_the_cli_gives_make_evals_figures_on_a_region_set(tmp_path):
    """The same scorer as `make eval`: a hand-made region set as doccano lines (values as a 4th element)."""
    from pipeline.training.evaluate import region_scores

    source = ROOT / "corpus" / "eval" / "mainland.ann"
    headers, sentences = read_annotated(source)
    (tmp_path / "set").mkdir()
    (tmp_path / "set" / "mainland.ann").write_bytes(source.read_bytes())
    reference = region_scores(tmp_path / "set")["pipeline/region_mainland"]
    path = tmp_path / "mainland.jsonl"
    where = {k: headers[k] for k in ("published_at", "region")}
    lines = [{"text": text, "label": [[s, e, t, v] for s, e, t, v in spans], **where} for text, spans in sentences]
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    code, _, err = evaluate(path, "--format", "doccano", "--json", tmp_path / "s.json", cwd=tmp_path)
    assert code == 0, err
    scores = json.loads((tmp_path / "s.json").read_text())
    for kind in ("overall", "PERSON", "LOC", "ORG", "AMOUNT", "DATE"):
        assert scores[kind] == reference[kind], kind
    right = sum(v["right"] for v in scores["values"].values())
    compared = sum(v["compared"] for v in scores["values"].values())
    assert (right, compared) == (reference["meta"]["values_right"], reference["meta"]["values_total"])
