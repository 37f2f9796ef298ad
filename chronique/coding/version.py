"""The rule coder's version, written into every event it codes (``Event.coder``), so that a stored
event says which rules made it.

The version goes with a fingerprint of what decides the rule coder's output: its code (the modules
of ``RULE_MODULES``) and its data (``RULE_DATA``). ``tests/test_coder_version.py`` recomputes the
fingerprint and fails when the rules changed but the version did not. To bump: raise the number in
``CODER_VERSION`` and set ``RULES_FINGERPRINT`` to the new value, which that test's message prints.
"""

from __future__ import annotations

import hashlib
import re
from importlib import resources
from importlib.resources.abc import Traversable

CODER_VERSION = "chronique 0.1 rules.v18"
# rules.v5: place words of the gazetteer candidates (issue 17), typed records (issue 11);
# rules.v6: an agentless passive guesses no doer from its content clause (issue 13); the arms, number,
# casualty and trained-coder word lists moved into the language folders, one loader for all (same outputs);
# rules.v7: the relevance gate's words in the language folders (topic_words.yaml), with off-topic words:
# an article whose off-topic sentences rival its political ones gives no events; page furniture names
# no party of an event (issue 13);
# rules.v8: place nouns of people and offices before "of" ("the mayor of", "le maire de") (issue 17);
# rules.v9: pronoun parties agree with their antecedent or stay uncoded, unlisted bodies take their own
# phrase's country and head-noun sector, two unlisted bodies of one country are two parties (issues 12, 13);
# rules.v10: the arms word lists of round 5 (munitions of a system, idioms, third-party calls) (issue 19)
# rules.v11: the arms word lists of round 6 (requests, talks, deal partners, company names, approvals) and
# the weapon cue words "gun", "cannon" (issue 19)
# rules.v12: sentences that tell no act (habit, count, poll, definition, act on oneself, question, the
# writer's aside, a headline cut short) give no event; acts under "if"/"whether" are conditional; those
# and negated acts rank under the default confidence floor (issues 12, 13)
# rules.v13: verb classes for recall (court findings, legal action, searches, force, returned property,
# consultations, declared support, warnings; EN and FR), the subject of a trigger's small clause, and the
# unnamed doer of an agentless passive (unknown attacker; the place's police or courts) (issue 12)
# rules.v14: unlisted people take the country in focus; part of another person's name is no known party;
# national bodies named by acronym (FBI, DGSE, ANC); two known people of one government are two parties,
# a person and their own state one side; "auprès de" names the addressee (issues 12, 13)
# rules.v15: the US State Department and Department of Defense are national bodies of the US government
# (the approver of an arms sale speaks for its state); the arms stage's word lists gain wishes, announcements,
# possible deals and counting nouns (knowledge data, arms branch round 7) (issue 19)
# rules.v15 (lead branch): headline grammar: a headline's bare participle is a passive whose doer is unsaid, "X to
# VERB" is future; one record for the act a headline and its lead both tell (issue 13), merged after
# the confidence floor, the screen and the event check (in nlp/events.py), so a copy they drop never
# replaces one they keep
# rules.v15 (verify branch): the event check drops events of sentences that tell no act of the report's own: quoted
# words, first or second person, a modal of ability, duty or wish (coding/event_check.py; issues 12, 13)
# rules.v15 (parties2 branch): a recipient the parse names by a common noun for people ("un homme", "son
# prédécesseur", "the attacker") takes the country in focus (UNK for an attacker); the two sides of a coordinated
# subject of a symmetric act are each other's recipient, no proximity guess; an act noun under a verb of
# undergoing ("faces criticism from X", "fait face à une offensive") has the verb's subject as recipient; a person
# named again by surname takes the code of the article's first, coded mention of them; a first-person party is
# the speaker of its sentence ("« Nous … », a déclaré X") (issues 12, 13)
# rules.v16 (arms branch, round 8): conditional wishes, a wish with no giver, own forces sent on a mission, cancelled
# and suspended deals, pronoun parties, a recipient named in the next sentence, ranges give no count (issue 19)
# rules.v16 (parties3 branch): headlines re-read as clauses (a French present-tense verb the parser hung on a noun,
# a topic before a colon), a title standing alone takes its holder or the government of the country named most,
# strikes told with "to be" (issues 12, 13)
# rules.v16 (acts branch): the event check also drops acts not told as done (coding/no_act.py): a future act
# outside the first sentence or one a verb of wish or pledge governs, a relative clause describing a named
# party; it keeps a quoted "we"/"nous" act told as done whose speaker resolves to the doer's party;
# figurative attacks and battles join the sense rules (knowledge/data/senses.yaml) (issues 12, 13)
# (merge of the three: senses.yaml now counts in RULE_DATA, as the sense rules decide which events are written; the
# intention class reads a future from the verb, not from a date after publication, which dropped the canonical
# example's REQUEST of Kiev when run without --published)
# rules.v17 (headline branch): the headline mend runs right after the parser, before every stage
# (nlp/headline_stage.py); a headline verb tagged as a noun or adjective ("Russia bombs Kyiv", "l'armée
# bombarde") is read as a verb (nlp/headline_verbs.py); in an article, an event told in an off-topic
# sentence gives no event whatever its parties; "defence"/"offensive" are weak political words, more
# sport and weather words are off-topic (issue 13); nlp/relevance.py and the headline modules join RULE_MODULES
# rules.v17 (arms branch, round 9): an accused state gives, disarmament, own forces sent to strike or offered with
# units, purchases in an "if" clause, readiness offers, an owner's own weapons arriving abroad, "Lynx" as the KF41,
# plural pronouns for coordinated states, a recipient carried by "also", a munition set off into a place (issue 19)
# rules.v17 (branch plv, issue 12): a word of a longer trigger that reads another act codes none of its own
# ("lifted its ban"); an act noun an authority orders is its act ("ordered the arrest of X"), the "of"
# complement of a coercion noun undergoes it; a country recipient read from the place an act is aimed at
# keeps that place's words; a bare force word an act moving force moves is no recipient (coding/own_forces.py);
# English easings, permissions and deadlines in the lexicon
# rules.v17 (recall branch): an act noun whose phrase names no doer has an unknown one, not the nearest mention
# (the place, the victims); a dated attack noun by an unknown doer is read, not guessed, and passes the default
# floor (coding/unnamed_doer.py; benchmarks/train_misses.py counts the causes) (issues 12, 13)
# (split of nlp/actors.py into actor_scan, actor_syntax, actor_candidates, now listed in RULE_MODULES with
# actors.py: same outputs, no bump)
# rules.v17 (coref branch): an event whose pronoun party stays unresolved is not kept; impersonal subjects ("il
# faut", "il y a", "it seems that") name no one; a bare title whose role two countries' holders share takes the
# one of the country its sentence names, else of its country in focus (issues 12, 13)
# rules.v18 (mainrel branch, issue 13): burning oneself ("set himself on fire", "immolate") is a protest act;
# the relevance gate reads criminal-justice words (sheriff, indict, inmate; weak: crime, detective, bail)
# rules.v18 (enprec branch, issues 12, 13): an act whose clause a word of failure, avoidance, refusal,
# inability or pressure governs is not carried out (coding/unrealised.py); a word of accusation qualifying a
# noun is a hedge ("the alleged killer", coding/hedges.py); what an act is about is no recipient ("answers
# from X about Y", coding/topic_phrases.py); a generic attack by a body with no force of its own is a criticism
# (coding/verbal_attacks.py); letters sent, "hail from" and contract fights in the sense rules; the "of" of an
# English judging noun is who is judged ("criticism of X"); "sought to control" is an attempt, no request; a
# bill signed is no agreement (senses)
# rules.v18 (frclass branch, issue 12): French classes by the scheme and the argument frame: a court sentence is
# SANCTION 'convict' and a prison term served adds its COERCE 'arrest'; a condemnation a court pronounces or
# that gives a term is a conviction too (coding/court_sentences.py, run by the events stage); a call to strike
# or to violence is a threat, "appeler" a request only with its "à" complement; expelling from a place is
# COERCE; an offensive resumed attacks; a bill or candidacy withdrawn concedes; apologies and pardons concede;
# a signed decree is no agreement, a union mobilisation a protest (senses.yaml); general triggers the lexicon
# lacked (police nouns, killings, stones thrown, coups, alliances, ties broken, "s'en prendre à")
RULES_FINGERPRINT = "3bd57b669a40b46e"

# Modules (under ``chronique``) whose code decides which events the rule coder writes.
RULE_MODULES: tuple[str, ...] = (
    "coding/allegation.py", "coding/clauses.py", "coding/embedding.py", "coding/fallback.py",
    "coding/mentions.py", "coding/modality.py", "coding/noun_roles.py", "coding/role_parse.py",
    "coding/recode.py", "coding/roles.py", "coding/rules.py", "coding/unlisted.py", "coding/pronouns.py",
    "coding/unnamed_doer.py",
    "coding/unlisted_people.py", "coding/headline.py", "coding/lead_merge.py",
    "coding/people_recipients.py", "coding/coordinated.py", "knowledge/group_nouns.py",
    "coding/undergone.py", "knowledge/undergo_words.py", "coding/namesakes.py",
    "coding/quoted_speaker.py", "coding/own_forces.py",
    "annotations/furniture.py", "annotations/places.py", "annotations/times.py",
    "knowledge/cameo.py", "knowledge/function_words.py", "knowledge/lexicon.py", "knowledge/party_words.py",
    "knowledge/pronoun_words.py", "coding/told_acts.py", "knowledge/act_words.py",
    "coding/event_check.py", "nlp/headline_parse.py", "nlp/title_holders.py", "coding/no_act.py",
    "knowledge/no_act_words.py", "nlp/headline_verbs.py", "nlp/headline_stage.py", "nlp/relevance.py",
    "nlp/actors.py", "nlp/actor_scan.py", "nlp/actor_syntax.py",
    "nlp/actor_candidates.py", "coding/impersonal.py", "coding/pronoun_parties.py",
    "coding/unrealised.py", "knowledge/unrealised_words.py", "coding/hedges.py", "coding/topic_phrases.py",
    "knowledge/topic_case_words.py", "coding/verbal_attacks.py", "coding/court_sentences.py",
)
# Data files (under ``chronique/knowledge/data``) the rule coder reads; every file of a language
# folder (``fr/``, ``en/``: the function-word lists) counts too.
RULE_DATA: tuple[str, ...] = ("events_en.yaml", "events_fr.yaml", "cameo_plover.csv", "plover.yaml",
                              "sector_words.csv", "group_nouns.csv",
                              "undergo_words.csv", "title_holders.csv", "senses.yaml")
LANGUAGE_FOLDERS: tuple[str, ...] = ("en", "fr")

# Lines that only hold a comment, and trailing blanks, change nothing the coder does.
_COMMENT_LINE = re.compile(r"^\s*#")


def _canonical(text: str) -> str:
    lines = (line.rstrip() for line in text.splitlines())
    return "\n".join(line for line in lines if line and not _COMMENT_LINE.match(line))


def rules_fingerprint(root: Traversable | None = None) -> str:
    """SHA-256 (first 16 hex digits) over the rule modules and data files of the package at ``root``
    (the installed ``chronique`` by default), in a fixed order."""
    root = root if root is not None else resources.files("chronique")
    data = root.joinpath("knowledge", "data")
    parts: list[tuple[str, str]] = [(name, root.joinpath(*name.split("/")).read_text(encoding="utf-8"))
                                    for name in RULE_MODULES]
    parts += [(name, data.joinpath(name).read_text(encoding="utf-8")) for name in RULE_DATA]
    for folder in LANGUAGE_FOLDERS:
        directory = data.joinpath(folder)
        if directory.is_dir():
            parts += [(f"{folder}/{item.name}", item.read_text(encoding="utf-8"))
                      for item in sorted(directory.iterdir(), key=lambda f: f.name) if item.is_file()]
    digest = hashlib.sha256()
    for name, text in parts:
        digest.update(f"{name}\n{_canonical(text)}\n\0".encode())
    return digest.hexdigest()[:16]
