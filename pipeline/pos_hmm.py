"""jieba's POS HMM (the step that tags runs of characters its dictionary cannot join), made cheaper.

jieba's ``posseg.viterbi`` scores every (previous state, state) pair of the
states a character allows in Python: about a hundred tuples per character.
``PosHmm`` does the same Viterbi step with numpy, one character at a time:
the states are numbered, the transitions are one dense matrix (minus infinity
where jieba has none), and for each character the scores of every live
predecessor into every allowed state are one array sum, whose best per state
is one ``argmax``. What a set of live states leads to (those with successors,
and the states expected next) is remembered, as are the emission scores of
each character seen; both tables are bounded.

The output must be jieba's, to the bit: the scores are float64 sums in
jieba's order (score, plus transition, plus emission); the states are
numbered largest first, so that ``argmax``, which keeps the first of equal
scores, gives the larger state, as jieba's ``max`` over ``(score, state)``
tuples does; and a state no predecessor has a transition into gets minus
infinity from the largest predecessor, as in jieba.
``tests/test_segment.py`` checks the two against each other on corpus text.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy

State = tuple[str, str]
MIN_FLOAT = -3.14e100  # jieba's score of an emission it never saw
LIVE_SETS = 4_000
"""Sets of live states whose predecessors and expected successors are remembered (a few hundred bytes
each; about two thousand occur in a pass over the bench articles); the table is emptied when full."""
EMISSION_ROWS = 8_000
"""Characters whose emission scores (one float per state, 2 KB) are remembered; emptied when full."""


class PosHmm:
    def __init__(
        self,
        char_states: dict[str, tuple[State, ...]],
        start: dict[State, float],
        trans: dict[State, dict[State, float]],
        emit: dict[State, dict[str, float]],
    ) -> None:
        self.states = sorted(trans, reverse=True)  # number 0 is the largest state: argmax's pick of a tie
        number = {state: i for i, state in enumerate(self.states)}
        n = len(self.states)
        self.trans = numpy.full((n, n), -numpy.inf)
        for state, nexts in trans.items():
            for following, score in nexts.items():
                self.trans[number[state], number[following]] = score
        self._leads_to = numpy.isfinite(self.trans)
        self._has_successors = self._leads_to.any(axis=1)
        self.start = numpy.array([start[state] for state in self.states])
        self.emit = emit
        self._all_states = numpy.ones(n, dtype=bool)
        self.char_states: dict[str, numpy.ndarray] = {}
        for char, states in char_states.items():
            allowed = numpy.zeros(n, dtype=bool)
            allowed[[number[state] for state in states]] = True
            self.char_states[char] = allowed
        self._leads: dict[bytes, tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]] = {}
        self._emissions: dict[str, numpy.ndarray] = {}

    def _emission(self, char: str) -> numpy.ndarray:
        """Each state's emission score of ``char`` (jieba's ``emit_p[state].get(char, MIN_FLOAT)``)."""
        row = self._emissions.get(char)
        if row is None:
            if len(self._emissions) >= EMISSION_ROWS:
                self._emissions.clear()
            row = numpy.array([self.emit[state].get(char, MIN_FLOAT) for state in self.states])
            self._emissions[char] = row
        return row

    def _lead(self, live: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]:
        """Of the live states (numbers, ascending): which have successors (a mask of ``live``), those states,
        and the states any of them leads to (a mask of all states)."""
        key = live.tobytes()
        lead = self._leads.get(key)
        if lead is None:
            keep = self._has_successors[live]
            previous = live[keep]
            lead = (keep, previous, self._leads_to[previous].any(axis=0))
            if len(self._leads) >= LIVE_SETS:
                self._leads.clear()
            self._leads[key] = lead
        return lead

    def tags(self, obs: str) -> list[State]:
        """The best state of each character of ``obs`` (jieba's ``viterbi(...)[1]``)."""
        live = numpy.flatnonzero(self.char_states.get(obs[0], self._all_states))
        score = self.start[live] + self._emission(obs[0])[live]
        # For each character after the first: its live states and the best predecessor of each.
        back: list[tuple[numpy.ndarray, numpy.ndarray]] = []
        for char in obs[1:]:
            keep, previous, expected = self._lead(live)
            # jieba: the states the character allows among those expected, else all expected.
            allowed = self.char_states.get(char, self._all_states) & expected
            live = numpy.flatnonzero(allowed if allowed.any() else expected)
            # Rows: predecessors, largest first; columns: the live states. No transition is minus infinity,
            # and a column of minus infinities takes its first row, the largest predecessor, as jieba does.
            scores = score[keep][:, None] + self.trans[numpy.ix_(previous, live)] + self._emission(char)[live]
            best = scores.argmax(axis=0)
            score = scores[best, numpy.arange(len(live))]
            back.append((live, previous[best]))
        state = int(live[score.argmax()])
        route = [state] * len(obs)
        for i in range(len(obs) - 1, 0, -1):
            states, predecessors = back[i - 1]
            state = int(predecessors[numpy.searchsorted(states, state)])
            route[i - 1] = state
        return [self.states[state] for state in route]

    def words(self, sentence: str) -> Iterator[tuple[str, str]]:
        """(word, POS) pairs of a run of characters, grouped from the B/M/E/S states as jieba groups them."""
        route = self.tags(sentence)
        begin = nexti = 0
        for i, (position, pos) in enumerate(route):
            if position == "B":
                begin = i
            elif position == "E":
                yield sentence[begin : i + 1], pos
                nexti = i + 1
            elif position == "S":
                yield sentence[i], pos
                nexti = i + 1
        if nexti < len(sentence):
            yield sentence[nexti:], route[nexti][1]
