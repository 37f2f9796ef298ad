"""French trigger families (data/events_fr.yaml v3): each family matches, and its look-alikes do not.

Lemma sequences are written by hand, the way fr_core_news_md lemmatises them; no model is needed.
"""

from __future__ import annotations

import pytest
from lexicon_helpers import coded_words

from chronique.knowledge.cameo import load_cameo_table
from chronique.knowledge.lexicon import EMBED_KINDS, load_event_lexicon, parse_event_lexicon

LEX = load_event_lexicon("fr")
TABLE = load_cameo_table()
VERBS = frozenset({
    "défiler", "réfuter", "quitter", "pilonner", "rappeler", "retirer", "fermer", "annuler", "lancer",
    "envoyer", "condamner", "capituler", "ratifier", "signer", "arrêter", "renoncer", "intimer", "déposer",
    "revendiquer", "échanger", "bloquer", "miner", "abattre", "démentir", "accuser", "expulser", "se",
    "transférer", "capturer", "libérer", "rejeter", "attribuer", "mettre", "tirer",
})


def _codes(lemmas: str) -> list[tuple[str, str]]:
    return coded_words(LEX, lemmas, VERBS)


@pytest.mark.parametrize(("lemmas", "words", "event"), [
    # demonstrating, gathering in protest
    ("des millier de personne défiler dans le rue", "défiler", "PROTEST"),
    ("un rassemblement contre le gouvernement", "rassemblement", "PROTEST"),
    # denying
    ("le ministère réfuter ce information", "réfuter", "REJECT"),
    ("le armée publier un démenti", "démenti", "REJECT"),
    # withdrawing, leaving power, surrendering
    ("le président quitter le pouvoir", "quitter pouvoir", "RETREAT"),
    ("le garnison capituler", "capituler", "RETREAT"),
    ("le pays renoncer à son programme", "renoncer", "CONCEDE"),
    ("il arrêter son programme nucléaire", "arrêter programme", "CONCEDE"),
    # shelling, killing, hostage-taking
    ("le armée pilonner le quartier", "pilonner", "ASSAULT"),
    ("un tir de obus toucher le école", "tir obus", "ASSAULT"),
    ("le prise de otage durer trois jour", "prise otage", "ASSAULT"),
    ("le groupe revendiquer le attentat", "revendiquer attentat", "ASSAULT"),
    # handing over control, capturing a town (people captured stay an abduction)
    ("le armée transférer le contrôle de le province", "transférer contrôle", "RETREAT"),
    ("le rebelle capturer le ville", "capturer ville", "COERCE"),
    ("le rebelle capturer trois soldat", "capturer", "ASSAULT"),
    # blocking: a decision is refused, roads are obstructed, supply lines are blockaded, funds are cut
    ("Moscou bloquer le résolution", "bloquer résolution", "REJECT"),
    ("le Congrès bloquer le texte", "bloquer", "REJECT"),
    ("le manifestant bloquer le route", "bloquer route", "PROTEST"),
    ("le rebelle bloquer le voie de approvisionnement", "bloquer voie", "COERCE"),
    ("le Congrès bloquer le fonds", "bloquer fonds", "SANCTION"),
    # freeing a town is retaking it; freeing people is a release
    ("le armée libérer le ville", "libérer ville", "COERCE"),
    ("le rebelle libérer trois otage", "libérer", "RETREAT"),
    # banning, recalling diplomats or staff, closing missions, expelling
    ("un interdiction de manifester", "interdiction", "COERCE"),
    ("Washington rappeler le personnel de son ambassade", "rappeler personnel", "SANCTION"),
    ("Paris retirer son ambassadeur", "retirer ambassadeur", "SANCTION"),
    ("Londres fermer son ambassade", "fermer ambassade", "SANCTION"),
    ("le expulsion de quatre diplomate", "expulsion diplomate", "SANCTION"),
    # cancelling a summit or a visit
    ("Washington annuler le sommet prévu", "annuler sommet", "REJECT"),
    # legal action and investigation
    ("le juge lancer un enquête", "lancer enquête", "ACCUSE"),
    ("le famille déposer plainte contre le police", "déposer plainte", "ACCUSE"),
    ("le armée rejeter le faute sur le rebelle", "rejeter faute", "ACCUSE"),  # blame, not a refusal
    ("Paris attribuer le attaque à Moscou", "attribuer attaque", "ACCUSE"),
    # a sentence is a conviction, SANCTION 'convict' (PLOVER manual; branch frclass: was COERCE, which the
    # events stage adds beside it for a term served, chronique.coding.court_sentences)
    ("il être condamner à dix an de prison", "condamner à an", "SANCTION"),
    # custody beats the warning "mettre en garde"; rockets fired
    ("il être mettre en garde à vue", "mettre en garde vue", "COERCE"),
    ("Moscou mettre en garde Washington", "mettre en garde", "THREATEN"),
    ("le milice tirer des roquette sur le ville", "tirer roquette", "ASSAULT"),
    # deploying, drills, mining
    ("Moscou envoyer des renfort", "envoyer renfort", "MOBILIZE"),
    ("un exercice militaire près de le frontière", "exercice militaire", "MOBILIZE"),
    ("un exercice conjoint", "exercice conjoint", "COOPERATE"),  # a joint drill is cooperation
    # agreements and money handed over
    ("le parlement ratifier le traité", "ratifier", "SUPPORT"),
    ("le président signer un chèque de un million", "signer chèque", "AID"),
    # orders, releases
    ("Washington intimer le ordre à Londres", "intimer ordre", "REQUEST"),
    ("le deux pays échanger des prisonnier", "échanger prisonnier", "RETREAT"),
])
def test_family_matches_with_its_type(lemmas: str, words: str, event: str) -> None:
    assert (words, event) in _codes(lemmas)


@pytest.mark.parametrize(("lemmas", "words", "event"), [
    ("le pays condamner le décision", "condamner", "ACCUSE"),  # condemning, not sentencing
    ("le police arrêter trois homme", "arrêter", "COERCE"),  # an arrest, not a halted programme
    ("le armée retirer son troupe", "retirer", "RETREAT"),  # troops, not an ambassador
    ("le gouvernement annuler le décret", "annuler", "SANCTION"),  # no meeting was called off
])
def test_bare_word_keeps_its_own_reading(lemmas: str, words: str, event: str) -> None:
    found = _codes(lemmas)
    assert (words, event) in found and len(found) == 1


@pytest.mark.parametrize("lemmas", [
    "le expulsion de migrant",  # a deportation, not a diplomatic expulsion
    "le capture de le image",  # no territory taken
    "un essai clinique",  # a test, not a weapons test
    "il plaider le cause du pays",  # advocacy, not a request
])
def test_look_alikes_trigger_nothing(lemmas: str) -> None:
    assert _codes(lemmas) == []


def test_place_and_weak_flags_guard_ambiguous_verbs() -> None:
    by_words = {t.words: t for t in LEX.triggers}
    assert by_words[("miner",)].target == "place"  # "miner la confiance" takes no place
    assert by_words[("contrôler",)].target == "place"
    assert by_words[("se", "rendre")].target == "place"  # a visit, not a surrender
    assert by_words[("geler",)].weak  # "un front gelé" has no actor to fall back on
    assert by_words[("dominer",)].target == "place"  # "dominer le scrutin" takes no place
    assert by_words[("combattre",)].weak  # "combattre la corruption" attacks no one
    assert by_words[("opposer",)].weak  # the parser reads "l'opposant" as this verb


def test_supporting_a_claim_is_no_act_of_support() -> None:
    [claim] = LEX.match(["Moscou", "soutenir", "que", "son", "troupe"], ["moscou", "soutient", "que", "ses", "troupes"],
                        ["PROPN", "VERB", "SCONJ", "DET", "NOUN"])
    assert claim.trigger.words == ("soutenir", "que") and claim.trigger.embedded_only
    [support] = LEX.match(["Paris", "soutenir", "Kiev"], ["paris", "soutient", "kiev"], ["PROPN", "VERB", "PROPN"])
    assert support.trigger.words == ("soutenir",) and not support.trigger.embedded_only


def test_content_embedding_is_only_on_non_factive_verbs() -> None:
    embeds = {" ".join(t.words): t.embeds for t in LEX.triggers}
    assert "content" in EMBED_KINDS
    for word in ("accuser", "démentir", "nier", "réfuter", "annulation", "annuler sommet"):
        assert embeds[word] == "content", word
    for word in ("condamner", "dénoncer", "déplorer", "enquête"):  # they presuppose the act
        assert embeds[word] is None, word


def test_older_lexicons_without_the_new_kind_still_parse() -> None:
    lex = parse_event_lexicon({"source": "test", "triggers": [
        {"match": "nier", "cameo": "120", "embeds": "content"},
        {"match": "refuser", "cameo": "120", "embeds": "reject"},
    ]}, "test")
    assert [t.embeds for t in lex.triggers] == ["content", "reject"]


def test_every_french_trigger_is_unique_and_coded() -> None:
    seen = [t.words for t in LEX.triggers]
    assert len(seen) == len(set(seen))
    assert all(TABLE.lookup(t.cameo) is not None for t in LEX.triggers)
