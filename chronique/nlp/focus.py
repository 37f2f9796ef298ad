"""The country in focus: a bare sector noun the dictionary scan left uncoded ("les rebelles",
"l'armée", "the authorities"; data: focus_words.csv) takes the code of the same-sector group named
just before ("l'armée malienne … l'armée"), else of the country the story is located in: the
countries mentioned in its sentence and the ``WINDOW`` before it (a place after "au/en/à/in" counts
most), plus each country's share of the article. No clear winner: no code (a wrong code is worse
than none). Marked ``_focus``, lower score. A noun qualified as another party ("le gouvernement
tibétain en exil", "Kurdish rebels"; data: other_parties.csv) takes no focus.

A part of chronique.nlp.anaphora.IndirectActors, kept apart for size: it reads the same Doc state.
"""

from __future__ import annotations

from typing import TypeVar

from spacy.tokens import Doc, Span

from chronique.annotations.records import ActorMention
from chronique.knowledge.function_words import FunctionWords

T = TypeVar("T")
WINDOW = 3  # sentences before the noun's own
FOCUS_SCORE = 0.5
LOCATIVE_WEIGHT, COUNTRY_WEIGHT, PARTY_WEIGHT = 2.0, 1.0, 0.5  # a place locates; a party only takes part
EARLIER_WEIGHT = 0.5  # a mention in the sentences before counts half one in the mention's own
FOCUS_MARGIN = 1.5  # the winner must outweigh the runner-up by this factor
MODIFIER_DEPS = frozenset({"compound", "amod"})  # "police station", "military operations"


def longest_phrase(folded: list[str], start: int, max_tokens: int, table: dict[str, T]) -> tuple[int, T] | None:
    """(end token, value) of the longest phrase of ``table`` (folded words joined by spaces) that
    starts at token ``start``; None when none does."""
    key, found = "", None
    for j in range(start, min(len(folded), start + max_tokens)):
        key = f"{key} {folded[j]}" if key else folded[j]
        if key in table:
            found = (j + 1, table[key])
    return found


def overlaps(record: ActorMention, start: int, end: int) -> bool:
    first, last = record["_tokens"]
    return bool(first < end and start < last)


class CountryInFocus:
    """The focus rule; IndirectActors provides the document state declared here."""

    doc: Doc
    folded: list[str]
    sentence: list[int]
    focus_words: dict[str, str]
    focus_first_words: frozenset[str]
    other_parties: frozenset[str]
    max_tokens: int
    country_codes: frozenset[str]
    capitals: list[tuple[int, str]]
    parsed: bool
    words: FunctionWords  # every language's: locative words and articles

    def _closed_noun_phrase(self, end: int) -> bool:
        raise NotImplementedError

    def _head(self, span: Span) -> int:
        raise NotImplementedError

    def focus(self, records: list[ActorMention]) -> list[ActorMention]:
        if not self.focus_words:
            return []
        by_sentence, article = self._weighed(records)
        out: list[ActorMention] = []
        i = 0
        while i < len(self.doc):
            match = self._focus_word(i)
            if match is None or not self._bare(i, match[0], records):
                i += 1
                continue
            end, sector = match
            found = self._same_sector(records, i, sector) or self._country_in_focus(
                by_sentence, article, self.sentence[i])
            if found is not None:
                out.append(self._focused(i, end, sector, found, records))
            i = end
        return out

    def sentence_focus(self, records: list[ActorMention]) -> list[str | None]:
        """The country in focus of each sentence (None where no country clearly leads): the coder's
        recipient for an act located in the story ("ils ont détruit des mausolées")."""
        by_sentence, article = self._weighed(records)
        count = self.sentence[-1] + 1 if self.sentence else 0
        return [self._country_in_focus(by_sentence, article, here) for here in range(count)]

    def _weighed(self, records: list[ActorMention]) -> tuple[dict[int, list[tuple[str, float]]], dict[str, float]]:
        """The evidence by sentence, and each country's weight over the whole article."""
        by_sentence: dict[int, list[tuple[str, float]]] = {}
        article: dict[str, float] = {}
        for _, sentence, code, weight in self._evidence(records):
            by_sentence.setdefault(sentence, []).append((code, weight))
            article[code] = article.get(code, 0.0) + weight
        return by_sentence, article

    def _focus_word(self, start: int) -> tuple[int, str] | None:
        if self.folded[start] not in self.focus_first_words:
            return None
        return longest_phrase(self.folded, start, self.max_tokens, self.focus_words)

    def _bare(self, start: int, end: int, records: list[ActorMention]) -> bool:
        """A sector noun with nothing that says whose it is: no country or name attached, not inside
        a name ("la Police nationale"), not a modifier ("police station"), not another party's."""
        doc = self.doc
        if any(r.get("code") and overlaps(r, start, end) for r in records):
            return False
        if doc[start].text[:1].isupper() and not doc[start].is_sent_start and start > 0:
            return False
        if self.parsed and doc[start:end].root.dep_ in MODIFIER_DEPS:  # the phrase's head, not its adjective
            return False
        if self._other_party(start, end):
            return False
        return self._closed_noun_phrase(end)

    def _other_party(self, start: int, end: int) -> bool:
        """ "le gouvernement tibétain en exil", "les forces étrangères", "Kurdish rebels"."""
        if start > 0 and self.folded[start - 1] in self.other_parties:
            return True
        key = ""
        for j in range(end, min(len(self.doc), end + 3)):
            key = f"{key} {self.folded[j]}" if key else self.folded[j]
            if key in self.other_parties:
                return True
        return False

    def _evidence(self, records: list[ActorMention]) -> list[tuple[int, int, str, float]]:
        """(token, sentence, country code, weight) of each mention that ties the story to a country."""
        out = []
        for r in records:
            code = r.get("code")
            if not code or code not in self.country_codes or r.get("_focus"):
                continue
            start = r["_tokens"][0]
            if r.get("kind") == "country" and not r.get("_anaphora") and not r.get("_demonym"):
                weight = LOCATIVE_WEIGHT if self._locative(start) else COUNTRY_WEIGHT  # "au Mali", "le Mali"
            else:
                weight = PARTY_WEIGHT
            out.append((start, self.sentence[start], code, weight))
        for start, code in self.capitals:
            if code in self.country_codes:
                weight = LOCATIVE_WEIGHT if self._locative(start) else COUNTRY_WEIGHT
                out.append((start, self.sentence[start], code, weight))
        return out

    def _locative(self, start: int) -> bool:
        k = start - 1
        if k > 0 and self.folded[k] in self.words.definite_articles:
            k -= 1
        return k >= 0 and self.folded[k] in self.words.locative_words

    def _same_sector(self, records: list[ActorMention], at: int, sector: str) -> str | None:
        """ "l'armée malienne … l'armée": the same sector coded shortly before, if only one country."""
        first = self.sentence[at] - WINDOW
        codes = {r["code"] for r in records if r.get("code") in self.country_codes and r.get("sector") == sector
                 and r.get("kind") == "group" and not r.get("_focus")
                 and r["_tokens"][0] < at and self.sentence[r["_tokens"][0]] >= first}
        return codes.pop() if len(codes) == 1 else None

    def _country_in_focus(self, by_sentence: dict[int, list[tuple[str, float]]], article: dict[str, float],
                          here: int) -> str | None:
        total = sum(article.values())
        if not total:
            return None
        scores = {code: weight / total for code, weight in article.items()}
        for sentence in range(here - WINDOW, here + 1):
            for code, weight in by_sentence.get(sentence, ()):
                scores[code] += weight * (1.0 if sentence == here else EARLIER_WEIGHT)
        ranked = sorted(scores.items(), key=lambda cw: -cw[1])
        best, runner_up = ranked[0][1], (ranked[1][1] if len(ranked) > 1 else 0.0)
        return ranked[0][0] if best >= FOCUS_MARGIN * runner_up else None

    def _focused(self, start: int, end: int, sector: str, code: str, records: list[ActorMention]) -> ActorMention:
        span = self.doc[start:end]
        name = next((r.get("name") for r in records if r.get("code") == code and r.get("kind") == "country"), code)
        return {"text": span.text, "start": span.start_char, "end": span.end_char, "name": name or code,
                "code": code, "sector": sector, "kind": "group", "wikidata": None, "score": FOCUS_SCORE,
                "_tokens": [start, end], "_head": self._head(span), "_focus": True}
