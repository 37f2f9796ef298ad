"""Event-trigger lexicons per language (``data/events_<lang>.yaml``), matched on lemmas.

A trigger is one token (its lemma or its lower-cased form) or a short sequence of them, with the
CAMEO code it signals and coding hints. Everything a coder knows about words lives in the YAML:
triggers, reported-speech verbs, modal and negation words, context cues.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from chronique.errors import KnowledgeError
from chronique.knowledge.function_words import FunctionWords, load_function_words

# What an embedding trigger does with the act it governs ("demander d'aider" → a request of aid).
# "content": the governed act is only alleged, denied or called off ("accuser X d'être à l'origine
# de l'attaque" is an accusation, not an attack): absorbed, the outer code unchanged. Factive verbs
# ("condamner l'attaque") presuppose the act and do not take it.
EMBED_KINDS = ("request", "reject", "intent", "threaten", "content")
# "place": fires when a place is its object or oblique ("prendre une ville", "entrer dans X");
# "object": only when its direct object is the place ("returned the Golan Heights", not "returned to Geneva").
TARGET_KINDS = ("any", "place", "object")
MAX_GAP = 3  # tokens allowed between the words of a multi-word trigger, unless the entry says otherwise
# An entry's own gap is bounded: a wider window would join words of unrelated clauses.
GAP_LIMIT = 10


@dataclass(frozen=True)
class Trigger:
    words: tuple[str, ...]
    cameo: str
    event: str | None = None  # PLOVER override where the manual departs from the crosswalk
    mode: str | None = None
    context: tuple[str, ...] = ()
    pos: frozenset[str] = frozenset()  # allowed POS of the first word; empty = any
    inverse: bool = False  # the grammatical subject is the recipient ("recevoir", "accueillir")
    embeds: str | None = None  # one of EMBED_KINDS
    target: str = "any"  # one of TARGET_KINDS
    negative: bool = False  # fires only under negation, which it consumes ("ne pas voir la nécessité")
    embedded_only: bool = False  # only refines an embedding trigger ("demande d'armes")
    weak: bool = False  # needs its actor from the parse; no nearest-mention fallback
    gap: int = MAX_GAP  # tokens allowed between consecutive words of a multi-word trigger


@dataclass(frozen=True)
class TriggerMatch:
    trigger: Trigger
    tokens: tuple[int, ...]  # doc token indices of the matched words, the first is the head


@dataclass
class EventLexicon:
    lang: str
    version: str
    source: str
    triggers: list[Trigger]
    speech: frozenset[str] = frozenset()
    future: frozenset[str] = frozenset()
    conditional: frozenset[str] = frozenset()
    obligation: frozenset[str] = frozenset()  # modals that make the act a requested one ("must")
    threat_markers: frozenset[str] = frozenset()  # "unless": an announced act becomes a threat
    condition: frozenset[str] = frozenset()  # "if", "si": a conflict act under a condition is a threat
    announce: frozenset[str] = frozenset()  # "announce", "ordonner": an act announced is the speaker's own
    readiness: frozenset[str] = frozenset()  # "prepare", "s'apprêter": force made ready is a mobilisation
    imprisonment: frozenset[str] = frozenset()  # "prison": a conviction to a term served is also an arrest
    sentencing: frozenset[str] = frozenset()  # "condamner": a court's sentence, or a condemnation in words
    courts: frozenset[str] = frozenset()  # "tribunal": a sentencing verb whose subject or agent is one convicts
    terms: frozenset[str] = frozenset()  # "peine", "mois": a sentencing verb that gives a term convicts
    suspended: frozenset[str] = frozenset()  # "sursis": a suspended term is served by nobody
    negation: frozenset[str] = frozenset()
    pronouns: frozenset[str] = frozenset()
    cues: dict[str, frozenset[str]] = field(default_factory=dict)
    # prepositions, clitics, auxiliaries the coder reads roles and modality with (data/<lang>/)
    words: FunctionWords = field(default_factory=load_function_words)
    _index: dict[str, list[Trigger]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for trig in self.triggers:
            self._index.setdefault(trig.words[0], []).append(trig)

    def match(self, lemmas: Sequence[str], forms: Sequence[str], pos: Sequence[str],
              offset: int = 0) -> list[TriggerMatch]:
        """Every trigger matched in a token sequence (one sentence); linear in its length.

        ``lemmas``/``forms``/``pos`` are parallel lists; ``offset`` is the doc index of the first
        token. At one head the longest pattern wins.
        """
        found: list[TriggerMatch] = []
        n = len(lemmas)
        for i in range(n):
            candidates = self._index.get(lemmas[i], []) + (
                self._index.get(forms[i], []) if forms[i] != lemmas[i] else [])
            best: TriggerMatch | None = None
            for trig in candidates:
                if trig.pos and pos[i] not in trig.pos:
                    continue
                tokens = [i]
                for word in trig.words[1:]:
                    nxt = next((j for j in range(tokens[-1] + 1, min(n, tokens[-1] + 2 + trig.gap))
                                if word in (lemmas[j], forms[j])), None)
                    if nxt is None:
                        break
                    tokens.append(nxt)
                if len(tokens) == len(trig.words) and (best is None or len(tokens) > len(best.tokens)):
                    best = TriggerMatch(trig, tuple(t + offset for t in tokens))
            if best is not None:
                found.append(best)
        return found

    def cue_contexts(self, lemmas: Sequence[str]) -> list[str]:
        """The contexts whose cue words appear among ``lemmas``, in lexicon order."""
        present = set(lemmas)
        return [ctx for ctx, words in self.cues.items() if present & words]


def _strings(values: list[Any], what: str, where: str, record: int | None = None) -> list[str]:
    """Words as written: YAML reads a bare on/off/no/yes as a boolean, which must be quoted."""
    wrong = [v for v in values if not isinstance(v, str | int) or isinstance(v, bool)]
    if wrong:
        raise KnowledgeError(f"expected {what} as strings (quote on, off, no, yes), found {wrong!r}",
                             where=where, record=record)
    return [str(v).lower() for v in values]


def _words(value: Any, what: str = "words", where: str = "<memory>") -> frozenset[str]:
    return frozenset(_strings(list(value or ()), what, where))


def _trigger(item: Any, where: str, record: int) -> Trigger:
    if not isinstance(item, dict) or "match" not in item or "cameo" not in item:
        raise KnowledgeError(f"expected a mapping with 'match' and 'cameo', found {item!r}",
                             where=where, record=record)
    match = item["match"]
    words = tuple(_strings(match if isinstance(match, list) else [match], "trigger words", where, record))
    cameo = str(item["cameo"])
    embeds, target = item.get("embeds"), item.get("target", "any")
    if not cameo.isdigit() or (embeds is not None and embeds not in EMBED_KINDS) or target not in TARGET_KINDS:
        raise KnowledgeError(
            f"expected a numeric cameo, embeds in {EMBED_KINDS}, target in {TARGET_KINDS}; found "
            f"cameo={cameo!r} embeds={embeds!r} target={target!r}", where=where, record=record)
    ctx = item.get("context") or ()
    return Trigger(
        words=words, cameo=cameo, event=item.get("event"), mode=item.get("mode"),
        context=tuple([ctx] if isinstance(ctx, str) else ctx), pos=frozenset(item.get("pos") or ()),
        inverse=bool(item.get("inverse")), embeds=embeds, target=target,
        negative=bool(item.get("negative")), embedded_only=bool(item.get("embedded_only")),
        weak=bool(item.get("weak")), gap=_gap(item.get("gap", MAX_GAP), where, record),
    )


def _gap(value: Any, where: str, record: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= GAP_LIMIT:
        raise KnowledgeError(f"expected 'gap' as an integer from 0 to {GAP_LIMIT}, found {value!r}",
                             where=where, record=record)
    return value


def parse_event_lexicon(data: Any, where: str) -> EventLexicon:
    """An EventLexicon from the parsed YAML mapping; errors name the file and the record."""
    if not isinstance(data, dict) or not isinstance(data.get("triggers"), list):
        raise KnowledgeError("expected a mapping with a 'triggers' list", where=where)
    if not data.get("source"):
        raise KnowledgeError("expected a 'source' (provenance) field", where=where)
    triggers = [_trigger(item, where, i) for i, item in enumerate(data["triggers"], start=1)]
    def words(key: str) -> frozenset[str]:
        return _words(data.get(key), f"'{key}' words", where)

    cues = {str(k): _words(v, f"'cues: {k}' words", where) for k, v in (data.get("cues") or {}).items()}
    return EventLexicon(
        lang=str(data.get("language", "")), version=str(data.get("version", "")), source=str(data["source"]),
        triggers=triggers, speech=words("speech"), future=words("future"), conditional=words("conditional"),
        obligation=words("obligation"), threat_markers=words("threat_markers"), condition=words("condition"),
        negation=words("negation"), pronouns=words("pronouns"), announce=words("announce"),
        readiness=words("readiness"), imprisonment=words("imprisonment"), suspended=words("suspended"), cues=cues,
        sentencing=words("sentencing"), courts=words("courts"), terms=words("terms"),
    )


def load_event_lexicon(lang: str) -> EventLexicon:
    """The packaged lexicon of ``lang`` (``fr`` or ``en``)."""
    name = f"events_{lang}.yaml"
    try:
        text = resources.files("chronique.knowledge").joinpath("data", name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise KnowledgeError(f"expected an event lexicon for {lang!r}, found no {name}", where=name) from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"expected valid YAML: {exc}", where=name) from exc
    return parse_event_lexicon(data, name)
