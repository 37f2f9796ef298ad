"""An "attack" by a body that bears no arms is words: "the Legislature's attacks on Rep. X", "the
party attacked the minister", "les attaques du Sénat contre le ministre". A legislature, a court, a
party, the press, a company, a union, a school or an NGO has no force of its own to use; when every
doer of a generic use of force (CAMEO 180/190, the words "attack", "assault", "fight") is such a
body, the act is a criticism (CAMEO 111, ACCUSE). A specific use of force (a bombing, a shooting,
CAMEO 18x/19x subtypes) keeps its reading whoever is said to do it, and so does an attack by a
government, police, army, armed group, or an unnamed or unlisted doer.
"""

from __future__ import annotations

from collections.abc import Sequence

from chronique.annotations.records import ActorMention

# PLOVER sectors of bodies without force of their own: legislature, judiciary, media, business,
# education, non-governmental organisations, parties, labour
UNARMED_SECTORS = frozenset({"LEG", "JUD", "MED", "BUS", "EDU", "NGO", "PTY", "LAB"})
GENERIC_FORCE_CODES = frozenset({"180", "190"})
CRITICISE_CODE = "111"


def verbal_attack(event: str, code: str, sources: Sequence[ActorMention]) -> bool:
    """A generic assault whose every doer is a body without force of its own."""
    return (event == "ASSAULT" and code in GENERIC_FORCE_CODES and bool(sources)
            and all(str(a.get("sector") or "") in UNARMED_SECTORS for a in sources))
