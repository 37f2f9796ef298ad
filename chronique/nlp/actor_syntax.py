"""Where a dictionary hit stands in its sentence, as the actors stage asks it: the country a role or
sector word belongs to, a place standing for its government (metonymy), a place name inside a
longer proper name, a plural role word."""

from __future__ import annotations

from spacy.tokens import Doc

from chronique.knowledge.actors import ADJECTIVE, ActorKnowledge
from chronique.knowledge.function_words import FunctionWords
from chronique.nlp.fuzzy_actors import Hit

SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "csubj", "obl:agent", "agent"})
OBJECT_DEPS = frozenset({"obl:arg", "obl", "iobj", "obj", "dobj", "pobj", "dative"})
DATE_ENTITIES = frozenset({"DATE", "TIME"})  # a capitalised weekday or month after a name is no part of it
MODIFIER_POS_NOT = frozenset({"DET", "ADP", "CCONJ", "VERB", "AUX"})  # never the modifier between noun and adjective


class ActorSyntax:
    """The syntax tests of one document."""

    def __init__(self, doc: Doc, kb: ActorKnowledge, lang: str, folded: list[str], words: FunctionWords) -> None:
        self.doc, self.kb, self.lang, self.folded, self.words = doc, kb, lang, folded, words
        self.parsed = doc.has_annotation("DEP")

    def attached(self, head: Hit, countries: list[Hit]) -> Hit | None:
        """The country a role or sector word belongs to: an adjacent adjective ("forces russes",
        "Russian forces", one modifier between at most), "de/of" + a name, or "X's"."""
        found: list[tuple[int, Hit]] = []
        for c in countries:
            distance = self._distance(head, c)
            if distance is not None:
                found.append((distance, c))
        if not found:
            return None
        prefer_after = self.lang == "fr"
        return min(found, key=lambda dc: (dc[0], (dc[1].start < head.start) == prefer_after))[1]

    def _distance(self, head: Hit, c: Hit) -> int | None:
        """Tokens between ``head`` and the country ``c`` when ``c`` may belong to it, else None."""
        if c.what == ADJECTIVE:
            if c.start >= head.end and self.gap_ok(head.end, c.start):
                return c.start - head.end
            if c.end <= head.start and self.gap_ok(c.end, head.start):
                return head.start - c.end
            return None
        if c.start > head.end and c.start - head.end <= 2 \
                and all(self.folded[k] in self.words.name_connectors for k in range(head.end, c.start)):
            return c.start - head.end  # "le président de la Russie"
        if c.end < head.start and head.start - c.end == 1 and self.doc[c.end].lower_ in ("'s", "'"):
            return 1  # "Russia's army"
        if c.end == head.start and self.lang == "en":  # a noun adjunct: "Gondor troops"
            return 0
        return None

    def gap_ok(self, start: int, end: int) -> bool:
        """At most one lower-case modifier between a noun and its adjective ("forces spéciales russes")."""
        if end - start > 1:
            return False
        for k in range(start, end):
            token = self.doc[k]
            if not (token.is_alpha and token.is_lower) or self.folded[k] in self.words.name_connectors \
                    or token.pos_ in MODIFIER_POS_NOT:
                return False
        return True

    def plural(self, hit: Hit) -> bool:
        number = self.doc[hit.start].morph.get("Number", [])
        if number:
            return "Plur" in number
        last = self.folded[hit.end - 1]
        return last.endswith("s") and not last.endswith("ss")

    def metonymic(self, start: int, end: int) -> bool:
        """A country or capital standing for its government: subject or agent of a verb, the party
        a verb addresses ("demander à Moscou", "fournir à la Biélorussie"), or "à X de + verb"."""
        doc, marks = self.doc, self.words
        before = self.folded[start - 1] if start > 0 else ""
        if start > 1 and before in marks.definite_articles:
            before = self.folded[start - 2]
        after = self.folded[end] if end < len(doc) else ""
        if before in marks.addressee_marks and after in marks.complement_marks and end + 1 < len(doc) \
                and doc[end + 1].is_alpha:
            return not self.parsed or doc[end + 1].pos_ in ("VERB", "AUX")
        if not self.parsed:
            return False
        root = doc[start:end].root
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        if root.dep_ in SUBJECT_DEPS or (root.dep_ == "pobj" and root.head.dep_ == "agent"):
            return True
        if root.dep_ in OBJECT_DEPS:
            verb = root.head.head if root.dep_ == "pobj" else root.head
            return verb.lemma_.lower() in self.kb.addressee_verbs.get(self.lang, frozenset())
        return False

    def inside_bigger_name(self, hit: Hit) -> bool:
        """ "Air France", "Jordan Peterson": a one-word place name inside a longer proper name."""
        if hit.end - hit.start != 1:
            return False
        doc = self.doc
        nxt = doc[hit.end] if hit.end < len(doc) else None
        prev = doc[hit.start - 1] if hit.start > 0 else None
        if nxt is not None and nxt.ent_type_ in DATE_ENTITIES:  # "Israel Friday reimposed …"
            nxt = None
        if nxt is not None and nxt.is_alpha and nxt.text[:1].isupper() and not nxt.is_sent_start:
            return True
        return bool(prev is not None and prev.is_alpha and prev.text[:1].isupper() and not prev.is_sent_start
                    and not prev.is_stop and (hit.start - 1) > 0 and not doc[hit.start - 2].is_punct)
