"""The records the stages write on the Doc and the coder passes between its modules, as TypedDicts.

They stay plain dicts (Docs must pickle for n_process>1 and Ray, and ``convert.py`` turns them into
schema records), but mypy now checks every key. Public keys have the shape of the schema record
of the same name; keys starting with "_" are working notes that never leave the Doc
(``convert._public`` drops them). ``total=False``: most writers fill only some notes.
"""

from __future__ import annotations

from typing import TypedDict


class ActorMention(TypedDict, total=False):
    """One actor mention (``doc._.ch_actors``), or a party the coder builds like one.

    Public: ``text``, ``start``/``end`` (characters in the Doc), ``name`` (the knowledge entry's),
    ``code`` (CAMEO country or organisation code), ``sector`` (GOV, MIL, …), ``kind`` (country,
    organisation, person, group, entity), ``wikidata``, ``score`` (how sure the stage is).
    A party known only by its country (``coding.clauses.country_party``) has no ``text``,
    ``start`` or ``end``: it is read through ``.get``.

    Notes: ``_tokens`` [first, end) token span; ``_head`` its head token; ``_role`` a person's office;
    ``_code`` the raw CAMEO actor code; ``_metonymy`` a country or capital standing for its
    government (``_metonymy_span`` the capital's characters); ``_demonym`` read from an adjective or
    people noun; ``_anaphora`` a description resolved to ``_antecedent`` (its characters);
    ``_apposition`` a title in apposition to a name; ``_against`` the mention is what a protest is
    against; ``_focus`` a bare sector noun given the country in focus; ``_unlisted`` a party no
    knowledge entry lists (``_absorbed`` the characters of the country words its name took in);
    ``_pronoun`` a pronoun party standing for the mention at ``_antecedent``; ``_person_focus`` a
    person no knowledge entry lists, given the country in focus (chronique.coding.unlisted_people);
    ``_unresolved`` a pronoun party no antecedent was found for (chronique.coding.pronouns).
    """

    text: str | None
    start: int
    end: int
    name: str | None
    code: str | None
    sector: str | None
    kind: str
    wikidata: str | None
    score: float
    _tokens: list[int]
    _head: int
    _role: str | None
    _code: str
    _metonymy: bool
    _metonymy_span: list[int]
    _demonym: bool
    _anaphora: bool
    _antecedent: list[int]
    _apposition: bool
    _against: bool
    _focus: bool
    _unlisted: bool
    _absorbed: list[list[int]]
    _pronoun: bool
    _person_focus: bool
    _unresolved: bool


class PlaceMention(TypedDict, total=False):
    """One toponym (``doc._.ch_places``): the schema ``Place`` keys (``role`` is "place" or
    "metonymy") plus ``_tokens`` (token span), ``_score`` (the resolver's), ``_resolution`` (the
    gazetteer entry's level: country, region, city…) and ``_fuzzy`` (matched a misspelling)."""

    text: str
    start: int
    end: int
    name: str | None
    country_code: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    feature_class: str | None
    role: str
    _tokens: list[int]
    _score: float
    _resolution: int | None
    _fuzzy: bool


class TimeRecord(TypedDict, total=False):
    """One time expression (``doc._.ch_times``): the schema ``TimeMention`` keys plus the notes the
    coder reads: ``_precision`` (day, month, year, …), ``_anchor`` (published, absolute, none),
    ``_mod`` (TimeML mod), ``_sentence`` (its sentence's number), ``_invalid`` (why a date-looking
    phrase has no value), ``_weekday`` and ``_tense`` (a bare weekday to re-resolve), ``_alone``
    (cached: the expression is its whole line)."""

    text: str
    start: int
    end: int
    value: str | None
    type: str
    _precision: str
    _anchor: str
    _mod: str | None
    _sentence: int
    _invalid: str
    _weekday: int
    _tense: str | None
    _alone: bool


class WeaponRecord(TypedDict, total=False):
    """One weapon mention (``doc._.ch_weapons``): the schema ``WeaponMention`` keys plus
    ``_tokens`` (its token span, when the characters align with tokens)."""

    text: str
    start: int
    end: int
    designation: str | None
    category: str | None
    origin: str | None
    _tokens: list[int]


class FurnitureRecord(TypedDict, total=False):
    """One page-furniture span (``doc._.ch_furniture``: a byline, credit, caption, the dateline):
    ``start``/``end`` in characters and ``kind``, what it is."""

    start: int
    end: int
    kind: str


class RelevanceRecord(TypedDict):
    """The article's relevance (``doc._.ch_relevance``): its political and off-topic sentences among
    those long enough to count, the political share (the score), and the decision: ``relevant``
    False when the article has no political or security content; ``gated`` whether the gate judged
    it at all (a text of too few sentences is coded as given)."""

    political: int
    off_topic: int
    sentences: int
    score: float
    relevant: bool
    gated: bool


class EventParty(TypedDict, total=False):
    """An event's actor or recipient: the schema ``EventActor`` keys (``entity_text`` the mention's
    text, ``identifier_id`` its Wikidata id, ``start``/``end`` None for a party known only by its
    country)."""

    code: str | None
    sector: str | None
    entity_text: str | None
    identifier_id: str | None
    start: int | None
    end: int | None
    _unlisted: bool  # a party no knowledge entry lists: told apart from others of its country by name
    _person_focus: bool  # a person no knowledge entry lists, coded with the context's country
    _unresolved: bool  # a pronoun no antecedent was found for: the text does not say who


class TextInfo(TypedDict):
    """Where an event's sentence is: its number (1-based) and characters."""

    sequence: int
    start: int
    end: int


class EventRecord(TypedDict, total=False):
    """One coded event (``doc._.ch_events``): the schema ``Event`` keys plus the coder's notes:
    ``_clause`` [first, end) tokens of the trigger's clause, ``_trigger`` the trigger's characters,
    ``_lemma`` its words, and, on the alternative readings the trained coder scores, ``_own_actor``
    and ``_own_recipient`` (whether the rules themselves chose that party); on the trained coder's
    open candidates (a trigger the lexicon does not list), ``_open`` and ``_first`` (the reading with
    the nearest party alone)."""

    id: str
    date: str | None
    date_precision: str | None
    actor: EventParty | None
    recipient: EventParty | None
    event: str
    mode: str
    context: list[str]
    quad_code: int | None
    cameo: str | None
    event_loc: dict[str, object] | None
    event_text: str
    text_info: TextInfo
    modality: str
    speaker: str | None
    confidence: float
    coder: str
    sources: list[str]
    _clause: list[int]
    _trigger: list[int]
    _lemma: str
    _own_actor: bool
    _own_recipient: bool
    _open: bool
    _first: bool


class Evidence(TypedDict):
    """The characters a transfer is read from."""

    start: int
    end: int


class TransferRecord(TypedDict, total=False):
    """One arms-transfer reading (``doc._.ch_transfers``): the schema ``Transfer`` keys
    (``evidence_spans``: every supporting sentence's character offsets; ``reported_by``: the
    source the text names) plus
    ``_origin`` (the weapon's country of make, to tell a domestic purchase) and ``_partial`` (a
    reading missing a party, merged into the full record it restates or dropped), ``_trigger`` (the token index of the
    verb the reading hangs on, so coordination and onward readings find their clause); ``event_index``
    the index in ``ch_events`` of the event it was read from (``convert.py`` makes it the event id)."""

    supplier: str | None
    recipient: str | None
    weapon: str | None
    category: str | None
    status: str | None
    date: str | None
    event_id: str | None
    evidence: Evidence | None
    evidence_spans: list[dict[str, int]]
    reported_by: str | None
    quantity: int | None
    weapon_text: str | None
    event_index: int
    _origin: str | None
    _partial: bool
    _trigger: int | None
