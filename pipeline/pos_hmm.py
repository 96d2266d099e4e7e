"""jieba's POS HMM (the step that tags runs of characters its dictionary cannot join), made cheaper.

jieba's ``posseg.viterbi`` scores every (previous state, state) pair of the
states a character allows: about a hundred Python tuples per character, a
seventh of xinwen's whole time (``make bench``). Most of those pairs have no
transition at all (a state has about 20 successors of 256), so their score is
minus infinity and can never win. ``PosHmm`` visits only the transitions that
exist: for each live state that has successors (largest first), the states of
the next character it leads to, found by one set intersection. It remembers
what a set of live states leads to (those states, with their transitions and
successors, and the states expected next), which recurs from run to run.

The output must be jieba's, to the bit: the scores are summed in jieba's order,
ties go to the larger state as in jieba's ``max`` over ``(score, state)``
tuples (each state's predecessors are tried largest first and only a better
score replaces the best), and when no predecessor has a transition, the state
gets minus infinity from the largest predecessor, as in jieba.
``tests/test_segment.py`` checks the two against each other on corpus text.
"""

from __future__ import annotations

from collections.abc import Iterator

State = tuple[str, str]
MIN_FLOAT = -3.14e100  # jieba's score of an emission it never saw
MIN_INF = float("-inf")
LIVE_SETS = 1_000
"""Sets of live states whose successors are remembered (about 8 KB each; a thousand were seen in 400
bench articles); the table is emptied when full."""

Leads = tuple[list[tuple[State, dict[State, float], frozenset[State]]], frozenset[State], State]


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
        """The live states that have successors (largest first, with their transitions and successors),
        the states expected next, and the largest predecessor (jieba's pick when no transition exists)."""
        prev_states = sorted((x for x in live if self.successors[x]), reverse=True)
        expected = frozenset().union(*(self.successors[x] for x in prev_states))
        leads = ([(x, self.trans[x], self.successors[x]) for x in prev_states], expected, prev_states[0])
        if len(self._leads) >= LIVE_SETS:
            self._leads.clear()
        self._leads[live] = leads
        return leads

    def tags(self, obs: str) -> list[State]:
        """The best state of each character of ``obs`` (jieba's ``viterbi(...)[1]``)."""
        emit = self.emit
        first = obs[0]
        live = self.char_states.get(first, self.all_states)
        score = {y: self.start[y] + emit[y].get(first, MIN_FLOAT) for y in live}
        back: list[dict[State, State]] = [{}]  # back[i]: the best previous state of each state at i
        for char in obs[1:]:
            prevs, expected, fallback = self._leads.get(live) or self._lead(live)
            # jieba: the states the character allows among those expected, else all expected.
            live = self.char_states.get(char, self.all_states) & expected or expected
            # Predecessors outside, successors inside: each state still sees its predecessors largest
            # first, and takes one only for a strictly better score, as jieba's ``max`` does.
            new_score = dict.fromkeys(live, MIN_INF)
            new_back = dict.fromkeys(live, fallback)
            e = {y: emit[y].get(char, MIN_FLOAT) for y in live}
            for y0, nexts, successors in prevs:
                before = score[y0]
                for y in live & successors:
                    value = before + nexts[y] + e[y]
                    if value > new_score[y]:
                        new_score[y] = value
                        new_back[y] = y0
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
