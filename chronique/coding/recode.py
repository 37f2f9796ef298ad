"""The recoding rules: once a trigger has its code, roles and modality, PLOVER's coding rules may
turn the act into another one (an act asked for is a REQUEST, a promise of aid is AGREE, a denial
is a REJECT…). Each rule is a small named function; ``RECODING_RULES`` runs them in order on one
``Reading``, each seeing what the ones before it changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from chronique.annotations.records import ActorMention
from chronique.coding.clauses import conditional_threat
from chronique.coding.mentions import party_key
from chronique.coding.modality import made_ready, obligation_verb
from chronique.coding.role_parse import Roles
from chronique.coding.roles import RoleFinder
from chronique.coding.verbal_attacks import CRITICISE_CODE, verbal_attack
from chronique.knowledge.cameo import CameoTable
from chronique.knowledge.lexicon import EventLexicon, Trigger

REQUEST_CODE = "100"
REJECT_CODE = "120"
THREATEN_CODE = "130"
MOBILIZE_KIND = "mobilize"  # the parallel branch of a use of force made ready
ASKED_SUBJECT = frozenset({"nsubj", "nsubjpass", "nsubj:pass"})
COOPERATIVE_QUADS = (1, 2)
CONFLICT_QUADS = (3, 4)


@dataclass
class Reading:
    """One trigger's act as the rules read it and change it: its CAMEO code and PLOVER type, mode
    and contexts, its modality and roles; the trigger, its head word, the word that reports it
    (``speech``) and who speaks (``speaker``) stay as found."""

    code: str
    event: str
    mode: str
    context: tuple[str, ...]
    modality: str
    roles: Roles
    head: Token
    trigger: Trigger
    speech: Token | None
    speaker: ActorMention | None
    stance: str | None = None  # the branch an announced act takes: intent, threaten, mobilize

    @property
    def told(self) -> str:
        """The modality of an act once recoded as the speaker's own: reported when someone tells it."""
        return "reported" if self.speech is not None else "asserted"


@dataclass(frozen=True)
class Recoder:
    """What the rules consult: the CAMEO/PLOVER table, the lexicon and the roles of the Doc."""

    table: CameoTable
    lexicon: EventLexicon
    finder: RoleFinder

    def recode(self, reading: Reading, code: str, fallback: tuple[str, str, tuple[str, ...]]) -> None:
        """Give ``reading`` a new code and the PLOVER type, mode and contexts the table has for it."""
        reading.code = code
        reading.event, reading.mode, reading.context = self.table.plover(code) or fallback


RecodingRule = Callable[[Recoder, Reading], None]


def requested_act_is_a_request(rc: Recoder, r: Reading) -> None:
    """"X said Y must withdraw": X asks Y for the act, a REQUEST from the speaker to whoever must
    act (the subject of the verb under the obligation modal, else the act's own parties), less the
    speaker; a party of the same country in another sector is another party."""
    if r.modality != "requested" or r.speaker is None:
        return
    verb = obligation_verb(r.head, rc.lexicon)
    subj = next((c for c in verb.children if c.dep_ in ASKED_SUBJECT), None) if verb is not None else None
    obliged = (rc.finder.resolve(subj) if subj is not None else []) or r.roles.sources or r.roles.targets
    asked = [a for a in obliged if _other_party(a, r.speaker)]
    if asked:
        rc.recode(r, rc.table.parallel_code("request", r.code) or REQUEST_CODE, ("REQUEST", "", ()))
        r.roles.sources, r.roles.targets = [r.speaker], asked
        r.modality = "asserted"


def declined_cooperation_is_a_rejection(rc: Recoder, r: Reading) -> None:
    """"will not accept / meet / help": declining a cooperative act is a REJECT."""
    if r.modality == "negated" and rc.table.quad(r.event) in COOPERATIVE_QUADS:
        rc.recode(r, rc.table.parallel_code("reject", r.code) or REJECT_CODE, ("REJECT", "", ()))
        r.modality = r.told


def own_side_denial_is_a_rejection(rc: Recoder, r: Reading) -> None:
    """"X's ministry said none of its planes struck": a speaker who says their own side did not
    commit a conflict act denies it, a REJECT by the speaker (fr-wikinews scheme, rule 4)."""
    if r.modality != "negated" or rc.table.quad(r.event) not in CONFLICT_QUADS or r.speech is None:
        return
    speaker = r.speaker
    if speaker is None or not speaker.get("code"):
        return
    if any(party_key(s) == party_key(speaker) for s in r.roles.sources):
        rc.recode(r, REJECT_CODE, ("REJECT", "", ()))
        r.roles.sources, r.modality = [speaker], "asserted"


def unarmed_attack_is_criticism(rc: Recoder, r: Reading) -> None:
    """"the Legislature's attacks on X": a body with no force of its own attacks with words
    (chronique.coding.verbal_attacks)."""
    if verbal_attack(r.event, r.code, r.roles.sources):
        rc.recode(r, CRITICISE_CODE, ("ACCUSE", "", ()))


def announced_act_takes_a_stance(rc: Recoder, r: Reading) -> None:
    """The CAMEO branch an act announced for later takes (PLOVER: a promise is AGREE): a cooperative
    act in the future or conditional is an intent; a conflictual material act announced as future
    is a threat, unless force is being made ready ("prepared to attack"): a mobilisation. Requests,
    refusals and acts already embedded keep their own code."""
    ready = made_ready(r.head, rc.lexicon)
    r.stance = None
    if r.trigger.embeds is not None or r.modality not in ("future", "conditional"):
        return
    quad = rc.table.quad(r.event)
    if quad in COOPERATIVE_QUADS and r.event != "AGREE":
        r.stance = "intent"
    elif quad == 4 and r.modality == "future":
        r.stance = MOBILIZE_KIND if ready and rc.table.parallel_code(MOBILIZE_KIND, r.code) else "threaten"


def conditional_act_is_a_threat(rc: Recoder, r: Reading) -> None:
    """"will withdraw unless …", "sanctionnerait X si …": an act tied to a condition is a threat,
    and the threat itself is made now."""
    conflict = rc.table.quad(r.event) in CONFLICT_QUADS
    if (r.modality == "future" or (r.modality == "conditional" and conflict)) and conditional_threat(
            r.head, rc.lexicon, conflict):
        r.modality, r.stance = r.told, "threaten"


def stance_takes_its_branch(rc: Recoder, r: Reading) -> None:
    """The act takes the code of its stance's branch (a threat with no branch of its own is a plain
    THREATEN); an announced withdrawal is a CONCEDE, not an AGREE (PLOVER manual)."""
    parallel = rc.table.parallel_code(r.stance, r.code) if r.stance is not None else None
    if r.stance == "threaten" and parallel is None:
        parallel = THREATEN_CODE
    if parallel is None:
        return
    announced_retreat = r.stance == "intent" and r.event == "RETREAT"
    rc.recode(r, parallel, (r.event, r.mode, r.context))
    if announced_retreat:
        r.event, r.mode = "CONCEDE", ""


def speaker_own_act_is_asserted(rc: Recoder, r: Reading) -> None:
    """A speaker who tells of their own act states it: asserted, not reported."""
    if r.modality == "reported" and r.speaker is not None and any(
            party_key(s) == party_key(r.speaker) for s in r.roles.sources):
        r.modality = "asserted"


RECODING_RULES: tuple[RecodingRule, ...] = (
    unarmed_attack_is_criticism,
    requested_act_is_a_request,
    declined_cooperation_is_a_rejection,
    own_side_denial_is_a_rejection,
    announced_act_takes_a_stance,
    conditional_act_is_a_threat,
    stance_takes_its_branch,
    speaker_own_act_is_asserted,
)


def apply_rules(recoder: Recoder, reading: Reading, rules: tuple[RecodingRule, ...] = RECODING_RULES) -> Reading:
    """Run ``rules`` in order on ``reading`` (changed in place, and returned)."""
    for rule in rules:
        rule(recoder, reading)
    return reading


def _other_party(actor: ActorMention, other: ActorMention) -> bool:
    if party_key(actor) != party_key(other):
        return True
    sectors = (actor.get("sector"), other.get("sector"))
    return any(sectors) and sectors[0] != sectors[1]
