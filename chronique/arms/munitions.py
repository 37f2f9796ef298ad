"""Munitions named by the system they are fired from: "HIMARS ammunition", "Patriot rounds",
"des obus pour les canons Caesar" (not "RM-70 rocket launchers"). Aid packages list them beside
whole systems; what is handed over is the munition, not the launcher or the gun, so the mention
counts as a munition."""

from __future__ import annotations

from spacy.tokens import Doc

from chronique.annotations.records import WeaponRecord
from chronique.knowledge.arms_words import arms_words

MUNITION = "munition"
FOR_REACH = 4  # "obus de 155 mm pour les canons Caesar": the munition word a few words before "pour"


def fired_from(doc: Doc, weapon: WeaponRecord) -> bool:
    """The designation names the system a munition word is for: right before that word
    ("HIMARS ammunition"), or after "for/pour" that follows it ("shells for the Caesar guns")."""
    tokens = weapon.get("_tokens")
    if not weapon.get("designation") or not tokens:
        return False
    words = arms_words()
    start, end = int(tokens[0]), int(tokens[1])
    if end < len(doc) and doc[end].lower_ in words.munition_words:
        # unless the munition word only qualifies the noun after it ("RM-70 rocket launchers")
        return not (doc[end].dep_ == "compound" and doc[end].head.i > end)
    i = start - 1
    while i >= 0 and doc[i].pos_ in ("DET", "PRON", "NOUN") and doc[i].lower_ not in words.to_words:
        i -= 1  # "pour les canons Caesar", "for its M109 howitzers": back over determiner and noun
    if i < 0 or doc[i].lower_ not in words.to_words:
        return False
    sent_start = doc[start].sent.start
    return any(doc[j].lower_ in words.munition_words for j in range(max(sent_start, i - FOR_REACH), i))


def as_munitions(doc: Doc, weapons: list[WeaponRecord]) -> list[WeaponRecord]:
    """The weapons, with a designation that names a munition's system read as that munition."""
    return [{**w, "designation": None, "category": MUNITION} if fired_from(doc, w) else w for w in weapons]
