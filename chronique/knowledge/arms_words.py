"""The words the arms-transfer stage reads a transfer's frame with (``data/<lang>/arms_words.yaml``,
each file with its provenance): prepositions that put a party on the giving or the receiving side,
passive auxiliaries, verbs that take, call for, ask for, negotiate, promise, sign, hand on or list a
delivery, the nouns that say a sentence is about civil flights, exercises or factories, and the
words around a company's name. Like the coder, the stage reads the words
of every supported language at once (quotes and names cross languages)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property

from chronique.knowledge.function_words import LANGUAGES
from chronique.knowledge.word_lists import load_word_lists

FILE_NAME = "arms_words.yaml"


@dataclass(frozen=True)
class ArmsWords:
    """One set of lower-case words per role (see the data files' comments for who reads each)."""

    to_words: frozenset[str] = frozenset()
    from_words: frozenset[str] = frozenset()
    buyer_source_words: frozenset[str] = frozenset()
    agent_words: frozenset[str] = frozenset()
    place_words: frozenset[str] = frozenset()
    passive_auxiliaries: frozenset[str] = frozenset()
    own_words: frozenset[str] = frozenset()
    restate_words: frozenset[str] = frozenset()
    works_words: frozenset[str] = frozenset()
    civil_words: frozenset[str] = frozenset()
    civil_craft: frozenset[str] = frozenset()
    mission_words: frozenset[str] = frozenset()
    base_words: frozenset[str] = frozenset()
    limb_words: frozenset[str] = frozenset()
    include_verbs: frozenset[str] = frozenset()
    licence_words: frozenset[str] = frozenset()
    taking_verbs: frozenset[str] = frozenset()
    arrival_verbs: frozenset[str] = frozenset()
    call_words: frozenset[str] = frozenset()
    force_words: frozenset[str] = frozenset()
    other_object_words: frozenset[str] = frozenset()
    idiom_phrases: frozenset[str] = frozenset()
    munition_words: frozenset[str] = frozenset()
    interdiction_words: frozenset[str] = frozenset()
    cooperation_words: frozenset[str] = frozenset()
    definite_determiners: frozenset[str] = frozenset()
    relative_pronouns: frozenset[str] = frozenset()
    dative_clitics: frozenset[str] = frozenset()
    contract_words: frozenset[str] = frozenset()
    promise_verbs: frozenset[str] = frozenset()
    announce_verbs: frozenset[str] = frozenset()
    receiving_prepositions: frozenset[str] = frozenset()
    giving_prepositions: frozenset[str] = frozenset()
    attribution_leads: frozenset[str] = frozenset()
    deal_words: frozenset[str] = frozenset()
    onward_verbs: frozenset[str] = frozenset()
    party_joiners: frozenset[str] = frozenset()
    request_words: frozenset[str] = frozenset()
    talk_words: frozenset[str] = frozenset()
    deal_partner_words: frozenset[str] = frozenset()
    deal_matter_verbs: frozenset[str] = frozenset()
    company_words: frozenset[str] = frozenset()
    company_suffixes: frozenset[str] = frozenset()
    approval_words: frozenset[str] = frozenset()
    possible_words: frozenset[str] = frozenset()
    conditional_wish_words: frozenset[str] = frozenset()
    cancel_words: frozenset[str] = frozenset()
    destination_verbs: frozenset[str] = frozenset()
    expected_verbs: frozenset[str] = frozenset()
    purpose_leads: frozenset[str] = frozenset()
    bound_phrases: frozenset[str] = frozenset()
    range_joiners: frozenset[str] = frozenset()
    condition_marks: frozenset[str] = frozenset()
    readiness_words: frozenset[str] = frozenset()
    accuse_words: frozenset[str] = frozenset()
    disarm_verbs: frozenset[str] = frozenset()
    own_possessives: frozenset[str] = frozenset()
    strike_verbs: frozenset[str] = frozenset()
    unit_words: frozenset[str] = frozenset()
    also_words: frozenset[str] = frozenset()
    aim_prepositions: frozenset[str] = frozenset()
    into_words: frozenset[str] = frozenset()
    delivery_verbs: frozenset[str] = frozenset()
    space_words: frozenset[str] = frozenset()
    space_craft: frozenset[str] = frozenset()
    plural_determiners: frozenset[str] = frozenset()
    target_verbs: frozenset[str] = frozenset()

    @cached_property
    def frame_words(self) -> frozenset[str]:
        """Every preposition with a part in a transfer frame."""
        return self.to_words | self.from_words | self.buyer_source_words | self.agent_words | self.place_words


@cache
def load_arms_words(languages: tuple[str, ...] = LANGUAGES) -> ArmsWords:
    """The packaged words of ``languages``, merged (read once per process: the record is immutable)."""
    return load_word_lists(ArmsWords, FILE_NAME, languages)


def arms_words() -> ArmsWords:
    """The words of every supported language."""
    return load_arms_words()
