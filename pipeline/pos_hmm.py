"""jieba's POS HMM (the step that tags runs of characters its dictionary cannot join), made cheaper.

jieba's ``posseg.viterbi`` scores every (previous state, state) pair of the
states a character allows: about a hundred Python tuples per character, a
seventh of xinwen's whole time (``make bench``). Most of those pairs have no
transition at all (a state has about 20 successors of 256), so their score is
minus infinity and can never win. ``PosHmm`` visits only the transitions that
exist: for a set of live states it remembers, for each state expected next,
its live predecessors with the transition's score (largest predecessor
first), and that set recurs from run to run.

The output must be jieba's, to the bit: the scores are summed in jieba's order,
ties go to the larger state as in jieba's ``max`` over ``(score, state)``
tuples (predecessors are tried largest first and only a better score replaces
the best), and when no predecessor has a transition, the state gets minus
infinity from the largest predecessor, as in jieba. ``tests/test_segment.py``
checks the two against each other on corpus text.
"""

from __future__ import annotations

from collections.abc import Iterator

State = tuple[str, str]
MIN_FLOAT = -3.14e100  # jieba's score of an emission it never saw
MIN_INF = float("-inf")
LIVE_SETS = 1_000
"""Sets of live states whose successors are remembered (about 8 KB each; a thousand were seen in 400
bench articles); the table is emptied when full."""

Leads = tuple[
    list[tuple[State, dict[State, float]]], frozenset[State], State, dict[State, list[tuple[State, float]]]
]


class PosHmm:
    def __init__(
        self,
        char_states: dict[str, tuple[State, ...]],
        start: dict[State, float],
        trans: dict[State, dict[State, float]],
        emit: dict[State, dict[str, float]],
    ) -> None:
        self.start = start
        self.trans = trans
        self.emit = emit
        self.all_states = frozenset(trans)
        self.char_states = {char: frozenset(states) for char, states in char_states.items()}
        self.successors = {state: frozenset(nexts) for state, nexts in trans.items()}
        self._leads: dict[frozenset[State], Leads] = {}

    def _lead(self, live: frozenset[State]) -> Leads:
        """The live states that have successors (largest first, with their transitions), the states
        expected next, the largest predecessor (jieba's pick when no transition exists), and an empty
        table of each expected state's predecessors, which ``_preds`` fills as states are reached."""
        prev_states = sorted((x for x in live if self.successors[x]), reverse=True)
        expected = frozenset().union(*(self.successors[x] for x in prev_states))
        leads = ([(x, self.trans[x]) for x in prev_states], expected, prev_states[0], {})
        if len(self._leads) >= LIVE_SETS:
            self._leads.clear()
        self._leads[live] = leads
        return leads

    @staticmethod
    def _preds(
        prevs: list[tuple[State, dict[State, float]]], y: State, table: dict[State, list[tuple[State, float]]]
    ) -> list[tuple[State, float]]:
        """The states of ``prevs`` with a transition to ``y`` and its score, in the order of ``prevs``
        (remembered in ``table``: a set of live states recurs, and so do the states it reaches)."""
        preds = table[y] = [(x, nexts[y]) for x, nexts in prevs if y in nexts]
        return preds

    def tags(self, obs: str) -> list[State]:
        """The best state of each character of ``obs`` (jieba's ``viterbi(...)[1]``)."""
        emit = self.emit
        first = obs[0]
        live = self.char_states.get(first, self.all_states)
        score = {y: self.start[y] + emit[y].get(first, MIN_FLOAT) for y in live}
        back: list[dict[State, State]] = [{}]  # back[i]: the best previous state of each state at i
        for char in obs[1:]:
            prevs, expected, fallback, table = self._leads.get(live) or self._lead(live)
            # jieba: the states the character allows among those expected, else all expected.
            live = self.char_states.get(char, self.all_states) & expected or expected
            new_score: dict[State, float] = {}
            new_back: dict[State, State] = {}
            for y in live:
                e = emit[y].get(char, MIN_FLOAT)
                best, best_prev = MIN_INF, fallback
                for y0, t in table.get(y) or self._preds(prevs, y, table):
                    value = score[y0] + t + e
                    if value > best:
                        best, best_prev = value, y0
                new_score[y] = best
                new_back[y] = best_prev
            score = new_score
            back.append(new_back)
        _, state = max((value, y) for y, value in score.items())
        route = [state] * len(obs)
        for i in range(len(obs) - 1, 0, -1):
            state = back[i][state]
            route[i - 1] = state
        return route

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
