"""Word segmentation and POS tags with a private jieba tokenizer.

jieba's module-level singleton is shared, mutable state configured at import;
we own a ``jieba.Tokenizer`` instead, keep its dictionary cache in the user's
cache directory and silence its start-up chatter, so that importing or using
xinwen never prints to stderr.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from math import log
from pathlib import Path
from typing import NamedTuple

from pipeline.pos_hmm import PosHmm


class Token(NamedTuple):
    """One jieba word with code-point offsets into the analysed (simplified) text.

    A named tuple rather than a frozen dataclass: as immutable, and several times cheaper to make,
    which counts at one token per word of every text.
    """

    text: str
    pos: str
    start: int
    end: int


LONGEST_WORD = 12
"""The longest dictionary word ``Lexicon`` records (the NER model's dictionary features read no longer one)."""


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The longest dictionary words at each character of a segmented text, found with the segmentation.

    ``starts[i]`` is the length of the longest word of jieba's dictionary (2 to ``LONGEST_WORD``
    characters) that starts at character ``i``, 0 for none; ``ends[i]`` that of the longest ending
    at it. They are what the NER model's dictionary features read (``ner/features.py``
    ``lexicon_matches``); the dictionary step already looks up every word starting at each
    character, so recording the longest there spares the model a second scan of the text.
    """

    starts: bytearray
    ends: bytearray


def cache_dir() -> Path:
    """Where jieba's dictionary cache lives: ``$XDG_CACHE_HOME/xinwen``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = Path(base) / "xinwen"
    path.mkdir(parents=True, exist_ok=True)
    return path


@contextlib.contextmanager
def _quiet_jieba() -> Iterator[None]:
    """jieba logs 'Building prefix dict…' at DEBUG on its own handler; mute it while loading."""
    logger = logging.getLogger("jieba")
    previous = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(previous)


HMM_MEMO = 20_000
"""Runs of unknown characters whose HMM tagging is remembered (names recur within and across articles)."""
SHORT_TEXT = 8
SHORT_MEMO = 50_000
"""Texts of at most ``SHORT_TEXT`` characters whose segmentation is remembered, up to ``SHORT_MEMO`` of them."""


def best_route(
    sentence: str,
    freq: dict[str, int],
    logtotal: float,
    *,
    lexicon: Lexicon | None = None,
    offset: int = 0,
    open_starts: list[int] | None = None,
) -> list[int]:
    """jieba's best split of a block of Han characters (and Latin letters, digits): the end of the word
    starting at each character.

    jieba builds the graph of dictionary words as a dict of lists, then scores it
    with a generator of tuples per character; this is the same dynamic program in
    one backward pass, with the same sums in the same order and the same tie-break
    (of equal scores, the longer word), so the split is jieba's bit for bit.

    With a ``lexicon`` (the block being at ``offset`` of the lexicon's text), the longest words
    found are recorded in it, and ``open_starts`` gets the starts (in the text) whose scan reached
    the block's end still on a prefix: a word from there may go on past the block.
    """
    n = len(sentence)
    score = [0.0] * (n + 1)
    ends = [0] * n
    get = freq.get
    record = lexicon is not None
    longest_from, longest_to = (lexicon.starts, lexicon.ends) if lexicon is not None else (None, None)
    for k in range(n - 1, -1, -1):
        best: float | None = None
        end = k + 1
        i = k
        while i < n:
            count = get(sentence[k : i + 1])
            if count is None:  # no word starts with this: jieba's FREQ holds every prefix
                break
            i += 1
            if count:
                total = log(count) - logtotal + score[i]
                if best is None or total >= best:
                    best, end = total, i
                if record and 1 < i - k <= LONGEST_WORD:
                    # k goes down: a later word ending at i is longer than an earlier one.
                    longest_from[offset + k] = longest_to[offset + i - 1] = i - k
        if i == n and open_starts is not None and n - k < LONGEST_WORD:
            open_starts.append(offset + k)
        if best is None:  # no word: the character alone, with jieba's count of 1
            best = log(1) - logtotal + score[k + 1]
        score[k] = best
        ends[k] = end
    return ends


def _scan(text: str, starts: list[int], freq: dict[str, int], lexicon: Lexicon) -> None:
    """The longest words (2 to ``LONGEST_WORD`` characters) from each of ``starts``, recorded in ``lexicon``
    unless it holds a longer one: the scans ``best_route`` cannot make, from the characters outside
    the blocks (γ of γ射线) and past a block's end."""
    get = freq.get
    for i in starts:
        for j in range(i + 2, min(len(text), i + LONGEST_WORD) + 1):
            count = get(text[i:j])
            if count is None:
                break
            if count:
                length = j - i
                lexicon.starts[i] = max(lexicon.starts[i], length)
                lexicon.ends[j - 1] = max(lexicon.ends[j - 1], length)


# jieba.posseg's block patterns (``re_han_internal`` and the like), compiled once with this module.
_HAN_INTERNAL = r"([\u4E00-\u9FD5a-zA-Z0-9+#&\._]+)"
_HAN_DETAIL = r"([\u4E00-\u9FD5]+)"
_SKIP_DETAIL = r"([\.0-9]+|[a-zA-Z0-9]+)"
_SKIP_INTERNAL = r"(\r\n|\s)"
_NUM = r"[\.0-9]+"
_ENG = r"[a-zA-Z0-9]+"


def _fast_posseg(base: type, hmm: PosHmm) -> type:
    """jieba's POS tokenizer with its dictionary and HMM steps done faster, with the same output.

    The dictionary step is ``best_route``. The HMM step, which tags the runs of
    characters the dictionary cannot join (mostly names), is ``PosHmm``, memoised:
    on MSRA test text, one pass, a third of the runs had been seen before. The
    tagging of a run depends on the run only, so the memo cannot change it.

    ``tokens`` is jieba's ``lcut`` (with the HMM) written as one loop that makes the
    ``Token`` objects directly: jieba's chain of generators and its ``pair`` object per
    word cost about as much as the dictionary step itself. ``lcut`` still works, through
    the same steps.
    """
    import re

    from jieba.posseg import pair

    han_internal, han_detail, skip_detail = re.compile(_HAN_INTERNAL), re.compile(_HAN_DETAIL), re.compile(_SKIP_DETAIL)
    skip_internal, num, eng = re.compile(_SKIP_INTERNAL), re.compile(_NUM), re.compile(_ENG)

    class FastPosseg(base):
        def __init__(self, tokenizer: object) -> None:
            super().__init__(tokenizer)
            self._hmm = lru_cache(maxsize=HMM_MEMO)(lambda run: tuple(hmm.words(run)))

        def _POSTokenizer__cut_DAG(self, sentence: str) -> Iterator[object]:  # jieba's private dictionary step
            return iter([pair(word, flag) for word, flag in self._words(sentence, log(self.tokenizer.total))])

        def tokens(self, text: str, lexicon: Lexicon | None = None) -> list[Token]:
            """jieba's words of ``text`` (``lcut(text)``, HMM on) as tokens with offsets; with a ``lexicon``
            (of ``text``'s length, zeros), its longest dictionary words recorded in it as well.

            jieba splits the text into blocks of Han characters, Latin letters, digits and
            ``+#&._``, which the dictionary step cuts, and the rest. In the rest, every character
            is a word tagged ``x``, but for ``\\r\\n``, one word: jieba also tests the rest for
            digits and Latin letters (``m``, ``eng``), which by construction it cannot hold.
            """
            self.makesure_userdict_loaded()  # as jieba does before every cut
            logtotal = log(self.tokenizer.total)
            tokens: list[Token] = []
            append = tokens.append
            offset = 0
            # With a lexicon: the scans the dictionary step left open at a block's end, and the rest's characters.
            rescan: list[int] | None = None if lexicon is None else []
            for i, block in enumerate(han_internal.split(text)):
                if i % 2:  # the split's captured blocks alternate with the rest
                    for word, flag in self._words(block, logtotal, lexicon, offset, rescan):
                        end = offset + len(word)
                        append(Token(word, flag, offset, end))
                        offset = end
                else:
                    if rescan is not None:
                        rescan.extend(range(offset, offset + len(block)))
                    pieces = skip_internal.split(block) if "\r\n" in block else (block,)
                    for j, piece in enumerate(pieces):
                        if j % 2:  # "\r\n" or one whitespace character
                            append(Token(piece, "x", offset, offset + len(piece)))
                            offset += len(piece)
                        else:
                            for char in piece:
                                append(Token(char, "x", offset, offset + 1))
                                offset += 1
            if lexicon is not None and rescan:
                _scan(text, rescan, self.tokenizer.FREQ, lexicon)
            return tokens

        def _words(
            self,
            block: str,
            logtotal: float,
            lexicon: Lexicon | None = None,
            offset: int = 0,
            open_starts: list[int] | None = None,
        ) -> list[tuple[str, str]]:
            """jieba's ``__cut_DAG``: the block's words by ``best_route``, with the stretches of single
            characters between them handed to ``_run`` (a lexicon as ``best_route`` takes it)."""
            freq, tags = self.tokenizer.FREQ, self.word_tag_tab
            ends = best_route(block, freq, logtotal, lexicon=lexicon, offset=offset, open_starts=open_starts)
            words: list[tuple[str, str]] = []
            x, n = 0, len(block)
            while x < n:
                y = ends[x]
                single = x  # a stretch of single characters, which jieba hands to the HMM as one run
                while y - x == 1 and x < n:
                    x = y
                    y = ends[x] if x < n else x
                if x > single:
                    words.extend(self._run(block[single:x], freq, tags))
                if x < n:
                    word = block[x:y]
                    words.append((word, tags.get(word, "x")))
                    x = y
            return words

        def _run(self, run: str, freq: dict[str, int], tags: dict[str, str]) -> Iterable[tuple[str, str]]:
            """jieba's handling of single characters between words: tagged alone, or by the HMM."""
            if len(run) == 1:
                return ((run, tags.get(run, "x")),)
            if not freq.get(run):
                return self._detail(run)
            return [(ch, tags.get(ch, "x")) for ch in run]

        def _detail(self, run: str) -> list[tuple[str, str]]:
            """jieba's ``__cut_detail``: Han characters tagged by the HMM; numbers ``m``, Latin ``eng``,
            anything else ``x``."""
            words: list[tuple[str, str]] = []
            for i, block in enumerate(han_detail.split(run)):
                if i % 2:
                    words.extend(self._hmm(block))
                else:
                    for x in skip_detail.split(block):
                        if x:
                            words.append((x, "m" if num.match(x) else "eng" if eng.match(x) else "x"))
            return words

    return FastPosseg


LISTED_PLACE_FREQ = 300  # as userdict.txt counts the new areas (前海, 雄安新区)


def _listed_places() -> list[str]:
    """The places of ``places.json`` ``gazetteer`` (districts of Hong Kong, Macau, Taiwan, Singapore and
    Malaysia, and the region groupings): words for jieba, which otherwise cuts many of them across their
    edges (来往将 + 军澳, 淡 + 滨尼和义顺, 大湾 + 区内), where the gazetteer, matched on whole words, cannot
    find them."""
    from pipeline import data  # imported here: pipeline.data imports this module

    table = data.table("zh/places.json")["gazetteer"]
    return [name for key, names in table.items() if not key.startswith("_") for name in names]


class Segmenter:
    """Splits simplified text into POS-tagged words with offsets.

    The dictionary is loaded on the first call, not at construction, so that a
    ``Pipeline`` can be built cheaply and pickled to worker processes. jieba's own
    dictionary predates much of today's news vocabulary; ``data/zh/userdict.txt`` adds
    the heads of social organizations (服务中心, 商会), common words of business and
    technology news it lacks (营收, 商超, 光伏, 网红, Taiwan's 季增 and 奈米: otherwise guessed as names,
    商超营/nr), the abbreviated fields of local government departments (住建, 人社, 工信: 市/住/建委 otherwise), listed
    companies' short names its dictionary tags as verbs or adverbs (建行/v, 招行/v, 长实/d; not 奔驰, a verb
    too), and the State Council's national-level new areas and the cooperation zones (雄安新区, 前海, 横琴); the
    gazetteer's places that jieba lacks are added as words too (``_listed_places``).
    """

    def __init__(self, user_dict: Path | None = None) -> None:
        self._user_dict = user_dict
        self._pos = None
        self._words_alone: dict[str, tuple[Token, ...]] = {}

    def _load(self):  # noqa: ANN202 - jieba ships no type hints
        import jieba  # imported here: jieba configures its logger at import time
        import jieba.posseg

        with _quiet_jieba():
            tokenizer = jieba.Tokenizer()
            tokenizer.tmp_dir = str(cache_dir())
            tokenizer.initialize()
            user_dict = self._user_dict or resources.files("pipeline") / "data" / "zh" / "userdict.txt"
            tokenizer.load_userdict(str(user_dict))
            for name in _listed_places():
                if not tokenizer.FREQ.get(name):
                    tokenizer.add_word(name, LISTED_PLACE_FREQ, "ns")
            hmm = PosHmm(jieba.posseg.char_state_tab_P, jieba.posseg.start_P, jieba.posseg.trans_P, jieba.posseg.emit_P)
            return _fast_posseg(jieba.posseg.POSTokenizer, hmm)(tokenizer)

    def segment(self, text: str) -> list[Token]:
        """Tokens covering ``text`` end to end (whitespace included, tagged ``x``). A short text (a word the
        extractors check alone, 中国, 湖景) is segmented once per process: the checks ask for the same ones often."""
        if len(text) <= SHORT_TEXT:
            if (known := self._words_alone.get(text)) is None:
                known = tuple(self._segment(text))
                if len(self._words_alone) < SHORT_MEMO:
                    self._words_alone[text] = known
            return list(known)
        return self._segment(text)

    def _segment(self, text: str) -> list[Token]:
        if self._pos is None:
            self._pos = self._load()
        tokens = self._pos.tokens(text)  # jieba logs only while loading, which ``_load`` silences
        offset = tokens[-1].end if tokens else 0
        if offset != len(text):  # jieba must cover every character; anything else is a bug
            raise AssertionError(f"jieba covered {offset} of {len(text)} characters")
        return tokens

    def analyse(self, text: str) -> tuple[list[Token], Lexicon]:
        """``segment(text)``, and the longest dictionary words at each character (``Lexicon``)."""
        if self._pos is None:
            self._pos = self._load()
        lexicon = Lexicon(bytearray(len(text)), bytearray(len(text)))
        tokens = self._pos.tokens(text, lexicon)
        offset = tokens[-1].end if tokens else 0
        if offset != len(text):  # jieba must cover every character; anything else is a bug
            raise AssertionError(f"jieba covered {offset} of {len(text)} characters")
        return tokens, lexicon

    def lexicon(self) -> tuple[dict[str, int], dict[str, str]]:
        """jieba's word frequencies (every prefix of a word is a key, with 0 if it is no word) and POS tags."""
        if self._pos is None:
            self._pos = self._load()
        self._pos.makesure_userdict_loaded()  # merges the user dictionary's tags
        return self._pos.tokenizer.FREQ, self._pos.word_tag_tab

    def __getstate__(self) -> dict[str, object]:
        # The loaded dictionary is large and process-local; workers reload it lazily.
        return {"_user_dict": self._user_dict, "_pos": None, "_words_alone": {}}
