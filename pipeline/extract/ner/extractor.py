"""PERSON, LOC, ORG from the project's character-level spaCy model (``models/xinwen_ner``).

The model reads the OpenCC-simplified text, one region (paragraph) at a time,
cut at sentence ends into pieces the size it was trained on. The jieba tokens
the pipeline already has are handed to the model's feature component, so the
text is not segmented twice. The shipped model is decoded by ``GreedyNer``
(``ner.greedy``): spaCy's entities, computed for all characters at once.

The model, trained on 1998 mainland text, sometimes runs an organization or
place into the title after it (民进党立委, 高雄市议员): a title word
(``people.json``) at the end of such a span is cut off, since it belongs to
the person named next, and what is left is a place if it ends in an
administrative suffix (市, 县) and holds no organization head. It also runs an
organization into the clause after it (自治区民政厅共安排福彩), which is cut
back to the head word, and reads the 协会 of 该协会 as a name, which is dropped.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline import data
from pipeline.config import Settings
from pipeline.errors import ModelError
from pipeline.extract.base import Context, Mention
from pipeline.extract.ner.greedy import GreedyNer
from pipeline.extract.ner.ops import OneBlasThread, use_openblas
from pipeline.segment import Segmenter, Token

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from pipeline.extract.ner.features import CharDoc, CharFeatures

LABELS = {"PERSON": "PERSON", "LOC": "LOC", "ORG": "ORG"}
_SENTENCE_END = re.compile(r"[。！？；!?;]")


def default_model_path() -> Path:
    """The model shipped with the package (``models/`` in a checkout, ``pipeline/models`` when installed)."""
    from importlib import resources

    return Path(str(resources.files("pipeline.models") / "xinwen_ner"))


def chunks(start: int, end: int, text: str, limit: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` after sentence ends into pieces of at most ``limit`` characters."""
    pieces = []
    while end - start > limit:
        cut = None
        for m in _SENTENCE_END.finditer(text, start, start + limit):
            cut = m.end()
        cut = cut or start + limit
        pieces.append((start, cut))
        start = cut
    if end > start:
        pieces.append((start, end))
    return pieces


MAX_TAIL = 4  # characters after an organization's last head word that _without_clause cuts off


class NerExtractor:
    name = "ner"

    def __init__(
        self,
        model_path: Path | None = None,
        batch_size: int = Settings.model_fields["ner_batch_size"].default,
        max_chunk: int = 300,
        segmenter: Segmenter | None = None,
    ) -> None:
        self.model_path = model_path
        # The pipeline's segmenter: the model's dictionary features read its jieba
        # dictionary instead of loading a second one.
        self.segmenter = segmenter
        self.batch_size = batch_size
        self.max_chunk = max_chunk
        self._nlp = None
        self._confidence: dict[str, float] = {}
        self._one_blas_thread: OneBlasThread | None = None
        self._greedy: GreedyNer | None = None
        self._char_docs: CharFeatures | None = None

    def _load(self) -> None:
        path = self.model_path or default_model_path()
        if not (path / "config.cfg").is_file():
            raise ModelError(f"NER model not found at {path} (run `make train`, or disable NER)")
        import spacy

        # Registers the model's tokenizer, features and entity tagger with spaCy.
        from pipeline.extract.ner import features as char_features
        from pipeline.extract.ner import tagger  # noqa: F401

        try:
            self._nlp = spacy.load(path)
        except (OSError, ValueError) as exc:
            raise ModelError(f"cannot load the NER model at {path}: {exc}") from exc
        if self.segmenter is not None and "features" in self._nlp.pipe_names:
            self._nlp.get_pipe("features").segmenter = self.segmenter
        use_openblas(self._nlp)
        ner = self._nlp.get_pipe("ner") if "ner" in self._nlp.pipe_names else None
        self._greedy = GreedyNer(ner) if GreedyNer.supports(ner) else None
        # The model's features and encoder read from arrays (``CharDoc``) when both are the project's own.
        features = self._nlp.get_pipe("features") if "features" in self._nlp.pipe_names else None
        arrays = self._greedy is not None and self._greedy.reads_arrays and self._nlp.pipe_names == ["features", "ner"]
        self._char_docs = features if arrays and isinstance(features, char_features.CharFeatures) else None
        self._one_blas_thread = OneBlasThread()
        self._confidence = self._measured_precision(path)

    @staticmethod
    def _measured_precision(path: Path) -> dict[str, float]:
        """Confidence of a model entity = the model's precision for its type on the dev split."""
        try:
            per_type = json.loads((path / "meta.json").read_text())["performance"]["ents_per_type"]
            return {label: round(float(scores["p"]), 3) for label, scores in per_type.items()}
        except (OSError, KeyError, TypeError, ValueError):
            return {}

    def find(self, ctx: Context) -> list[Mention]:
        if self._nlp is None:
            self._load()
        pieces = [p for s, e in ctx.spans for p in chunks(s, e, ctx.simplified, self.max_chunk)]
        docs = self._docs(ctx, pieces)  # a generator: memory stays flat however long the article
        mentions = []
        with self._one_blas_thread():
            for (start, _), entities in zip(pieces, self._entities(docs), strict=True):
                for ent_start, ent_end, ent_label in entities:
                    label = LABELS.get(ent_label)
                    if label:
                        s, e = start + ent_start, start + ent_end
                        if label == "ORG":
                            e = self._without_clause(ctx, s, e)
                        if label in ("ORG", "LOC"):
                            e, label = self._without_title(ctx.simplified, s, e, label)
                        if label == "ORG" and (
                            self._refers_back(ctx.simplified, s, e)
                            or ctx.simplified.endswith(self._words["projects"], s, e)
                        ):
                            continue  # 该协会 refers back; …生产项目 is a project, not a body
                        if label == "LOC" and ctx.simplified[s:e] in self._words["currencies"]:
                            continue  # 澳门元, 新台币: a currency named after its place
                        confidence = self._confidence.get(label, 0.8)
                        mentions.append(Mention(s, e, label, "ner", "ner.xinwen_ner", confidence))
        return mentions

    def _entities(self, docs: Iterator[Doc]) -> Iterator[list[tuple[int, int, str]]]:
        """The model's entities of each doc, as character offsets and label.

        A transition-based ``ner`` is decoded by ``GreedyNer`` (the same entities, a fraction of
        spaCy's time); any other head (the tagger variant) by spaCy.
        """
        if self._greedy is None:
            for doc in self._nlp.pipe(docs, batch_size=self.batch_size):
                yield [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]
            return
        if self._char_docs is not None:
            # Character docs: token offsets are character offsets. The batch is bounded in characters
            # (the encoder's memory grows with them), so many short texts share one model run.
            for batch in _by_chars(docs, max(self.batch_size // 4, 2) * self.max_chunk):
                yield from self._greedy(batch)
            return
        from spacy.util import minibatch

        featured = self._nlp.pipe(docs, batch_size=self.batch_size, disable=["ner"])
        # In quarters, as spaCy's parser runs a batch: the encoder's peak memory grows with it.
        for batch in minibatch(featured, max(self.batch_size // 4, 2)):
            for doc, entities in zip(batch, self._greedy(batch), strict=True):
                yield [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), label) for s, e, label in entities]

    @cached_property
    def _words(self) -> dict:
        """The word lists the checks below read, loaded once."""
        orgs = data.table("zh/orgs.json")
        return {
            "titles": data.suffix_table(data.table("zh/people.json")["titles"]),
            "heads": tuple(orgs["head_words"]),
            "head_set": frozenset(orgs["head_words"]),
            "clause_pos": frozenset(orgs["clause_pos"]),
            "trades": frozenset(orgs["company_trades"]),
            "demonstratives": tuple(data.table("zh/regions.json")["demonstratives"]),
            "projects": tuple(orgs["project_words"]),
            "currencies": frozenset(data.table("zh/amounts.json")["currencies"]),
        }

    def _without_title(self, simplified: str, start: int, end: int, label: str) -> tuple[int, str]:
        """民进党立委 -> 民进党 (ORG), 高雄市议员 -> 高雄市 (LOC): the end and type once a trailing title is cut."""
        w = self._words
        text = simplified[start:end]
        title = next((t for t in data.endings(text, w["titles"]) if len(text) - len(t) >= 2), None)
        if title is None:
            return end, label
        rest = text[: -len(title)]
        if rest[-1] in data.place_suffix_chars() and not rest.endswith(w["heads"]):
            label = "LOC"
        return end - len(title), label

    def _without_clause(self, ctx: Context, start: int, end: int) -> int:
        """自治区民政厅共安排福彩 -> 自治区民政厅: where the model runs an organization into the clause after it.

        A span that does not end in a head word (厅, 协会, 中学) is cut after the first word ending
        in one, or being a company's trade word after a name (``company_trades``: 小米科技 + 发布新一代电动汽车),
        that a verb, adverb or preposition follows (``orgs.json`` ``clause_pos``), or else
        after the last word ending in one when at most ``MAX_TAIL`` characters follow it
        (霞浦县医院新院 -> 霞浦县医院, 龙高股份二股东 -> 龙高股份: a short word glued on; a longer tail
        is a name of its own, 铁道部十四局三处丽华服装厂); a span ending in a head word is left
        alone (北京大学附属中学).
        """
        w = self._words
        if ctx.simplified[start:end].endswith(w["heads"]):
            return end
        tokens = ctx.tokens
        i = bisect.bisect_left(tokens, start, key=lambda t: t.start)
        last_head = end
        while i + 1 < len(tokens) and tokens[i + 1].end <= end:
            word, following = tokens[i], tokens[i + 1]
            if word.text.endswith(w["heads"]) and word.end - start >= 2:
                if following.pos in w["clause_pos"]:
                    return word.end
                last_head = word.end
            elif word.text in w["trades"] and word.start > start and following.pos in w["clause_pos"]:
                return word.end  # 小米科技 + 发布/v …: a company's trade word ends its name as a head does
            i += 1
        return last_head if end - last_head <= MAX_TAIL else end

    def _refers_back(self, simplified: str, start: int, end: int) -> bool:
        """该协会: a bare head word after a demonstrative refers back to a name, it is none.

        (A bare head word alone stays: MSRA and People's Daily tag 市委 and 党中央 as organizations;
        dropping every bare one cost 0.4 point of People's Daily dev ORG F1.)
        """
        w = self._words
        return simplified[start:end] in w["head_set"] and simplified.endswith(w["demonstratives"], 0, start)

    def _docs(self, ctx: Context, pieces: list[tuple[int, int]]) -> Iterator[Doc]:
        """Character docs of the pieces, each carrying the pipeline's words (clipped at the piece edges)."""
        from pipeline.extract.ner.features import TOKENS_KEY

        tokens = ctx.tokens
        t = 0
        for start, end in pieces:
            doc = None if self._char_docs else self._nlp.make_doc(ctx.simplified[start:end])
            while t < len(tokens) and tokens[t].end <= start:
                t += 1
            k = t
            while k < len(tokens) and tokens[k].start < end:
                k += 1
            if doc is None:  # the arrays clip the words themselves
                piece = ctx.simplified[start:end]
                yield self._char_docs.char_doc(self._nlp.vocab, piece, tokens[t:k], start, ctx.lexicon)
                continue
            if start == 0 and (k == 0 or tokens[k - 1].end <= end):
                local = tokens[t:k]  # the text's first piece, no word cut: its words as they are
            else:
                local = []
                for tok in tokens[t:k]:
                    # A word cut by a piece boundary is clipped, so the model never segments again.
                    s, e = max(tok.start, start), min(tok.end, end)
                    local.append(Token(ctx.simplified[s:e], tok.pos, s - start, e - start))
            doc.user_data[TOKENS_KEY] = local
            yield doc

    def __getstate__(self) -> dict[str, object]:
        return {
            **self.__dict__,
            "_nlp": None,
            "_confidence": {},
            "_one_blas_thread": None,
            "_greedy": None,
            "_char_docs": None,
        }


def _by_chars(docs: Iterator[CharDoc], limit: int) -> Iterator[list[CharDoc]]:
    """Consecutive docs in lists of about ``limit`` characters (at least one doc each)."""
    batch: list[CharDoc] = []
    chars = 0
    for doc in docs:
        batch.append(doc)
        chars += len(doc)
        if chars >= limit:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch
