"""A title of office standing alone takes up its holder: "le président", "the prime minister".

News names a leader once ("Emmanuel Macron", "Kenya's president William Ruto") and then by title
alone ("le président a critiqué…"); the dictionary scan codes a title only beside a country ("le
président russe"), so the bare title was no party and its act was lost or given to a nearby name. A
bare title (a definite article before it; no name, country or complement after it: "le président du
club" names someone else; nor an adjective: "le président français") takes the most recent person
named with the same role (the knowledge base's dated roles) in its sentence or the five before; where
holders of several countries alternate there, the one of the country the title's sentence names
nearest the title, else of its country in focus;
failing that, for the titles the data marks ``fallback`` (head of state or government, foreign or
defence minister, never a chancellor, who heads a government in some countries only), the government
of the country the article names most before the title's sentence, a subject counting twice (none on
a tie). Data: title_holders.csv. The mention keeps the title's own words and offsets; it is marked
as inferred the way nlp/anaphora.py marks its own: ``_anaphora`` with ``_antecedent`` (the holder's
characters), or ``_focus`` for the article's government. The actors stage adds them after reading the sentences'
countries in focus, which an inferred title must not sway.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc

from chronique.annotations.records import ActorMention
from chronique.knowledge.actors import fold
from chronique.knowledge.datafiles import read_data_csv, split_forms
from chronique.knowledge.function_words import words_of

TITLE_SCORE = 0.6  # an inferred mention ranks below a name
HOLDER_WINDOW = 5  # sentences back where a holder is still the one the title takes up
MAX_TITLE_TOKENS = 4


@dataclass(frozen=True)
class Title:
    role: str
    fallback: bool


@functools.cache
def load_titles() -> dict[str, dict[str, Title]]:
    """Folded title → its role, by language."""
    titles: dict[str, dict[str, Title]] = {}
    for row in read_data_csv("title_holders.csv"):
        for form in split_forms(row["forms"]):
            titles.setdefault(row["lang"], {})[fold(form)] = Title(row["role"], row["fallback"] == "yes")
    return titles


def _longest(folded: list[str], start: int, table: dict[str, Title]) -> tuple[int, Title] | None:
    found, key = None, ""
    for end in range(start, min(len(folded), start + MAX_TITLE_TOKENS)):
        key = f"{key} {folded[end]}" if key else folded[end]
        if key in table:
            found = (end + 1, table[key])
    return found


def _covered(records: list[ActorMention], start: int, end: int) -> bool:
    return any(r["_tokens"][0] < end and start < r["_tokens"][1] for r in records)


def _closed(doc: Doc, end: int, complements: frozenset[str]) -> bool:
    """Nothing after the title says whose it is: no name ("le président Macron"), no complement
    ("the president of the club"), no hyphenated word ("président-directeur")."""
    if end >= len(doc):
        return True
    nxt = doc[end]
    if not doc[end - 1].whitespace_ and (nxt.is_alpha or nxt.text == "-"):
        return False
    if nxt.is_alpha and nxt.text[:1].isupper() and not nxt.is_sent_start:
        return False
    if nxt.pos_ == "ADJ":  # "le président français", "la chancelière allemande": a country's, said there
        return False
    after = doc[end + 1] if end + 1 < len(doc) else None
    if nxt.text == "," and after is not None and after.text[:1].isupper():  # "le président américain, Donald Trump"
        return False
    return fold(nxt.text) not in complements


def _sentences_between(doc: Doc, start: int, end: int) -> int:
    return sum(1 for t in doc[start:end] if t.is_sent_start)


def _main_country(doc: Doc, records: list[ActorMention], country_codes: frozenset[str], before: int) -> str | None:
    """The country the article has named most before token ``before``'s sentence, a subject
    counting twice (the country the story makes act); None on a tie."""
    counts: Counter[str] = Counter()
    parsed = doc.has_annotation("DEP")
    for r in records:
        if r.get("code") not in country_codes or r["_tokens"][1] > before:
            continue
        head = doc[int(r.get("_head", r["_tokens"][0]))]
        if head.dep_ == "conj":  # "Mali and France signed": both are subjects
            head = head.head
        subject = parsed and head.dep_.startswith("nsubj")
        counts[str(r["code"])] += 2 if subject else 1
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None  # no country leads the article: no guess
    return ranked[0][0]


def title_holders(doc: Doc, folded: list[str], lang: str, records: list[ActorMention],
                  country_codes: frozenset[str], focus: list[str | None] | None = None) -> list[ActorMention]:
    """The mentions the bare titles of ``doc`` take up (see the module's note); ``focus`` the
    country in focus of each sentence (chronique.nlp.focus), which picks among holders of several
    countries."""
    table = load_titles().get(lang, {})
    if not table:
        return []
    words = words_of(lang)
    articles, complements = words.definite_articles, words.noun_complements
    people = sorted((r for r in records if r.get("kind") == "person" and r.get("code") and r.get("_role")),
                    key=lambda r: r["_tokens"][0])
    out: list[ActorMention] = []
    for i in range(1, len(doc)):
        if folded[i - 1] not in articles:
            continue
        match = _longest(folded, i, table)
        if match is None:
            continue
        end, title = match
        if _covered(records, i - 1, end) or not _closed(doc, end, complements):
            continue
        first = doc[i].sent.start
        holders = [p for p in reversed(people) if p["_tokens"][1] <= i - 1 and p.get("_role") == title.role
                   and _sentences_between(doc, p["_tokens"][0], first) <= HOLDER_WINDOW]
        holder = _holder_of(doc, holders, records, i, focus)
        if holder is not None:
            out.append(_mention(doc, i, end, str(holder["code"]), holder.get("sector") or "GOV", "person",
                                str(holder.get("name") or ""), [holder["start"], holder["end"]]))
            continue
        if not title.fallback:
            continue
        main = _main_country(doc, records, country_codes, first)
        if main is not None:
            out.append(_mention(doc, i, end, main, "GOV", "group", main, None))
    return out


def _holder_of(doc: Doc, holders: list[ActorMention], records: list[ActorMention], at: int,
               focus: list[str | None] | None) -> ActorMention | None:
    """Of the recent holders of a title's role (most recent first), the one it takes up. When they
    hold it in different countries ("Macron… Scholz… le président"), the title's own sentence says
    which: the country named nearest the title there (a country, its people or bodies, not the
    holders themselves), else the sentence's country in focus; else the most recent holder."""
    countries = {str(h["code"]) for h in holders}
    if len(countries) < 2:
        return holders[0] if holders else None
    sent = doc[at].sent
    near = [r for r in records if str(r.get("code")) in countries and r.get("kind") != "person"
            and sent.start <= r["_tokens"][0] < sent.end]
    if near:
        nearest = min(near, key=lambda r: abs(r["_tokens"][0] - at))
        return next(h for h in holders if h["code"] == nearest.get("code"))
    here = _sentences_between(doc, 1, sent.start + 1)  # the sentence's number, as chronique.nlp.focus counts
    country = focus[here] if focus and 0 <= here < len(focus) else None
    if country in countries:
        return next(h for h in holders if h["code"] == country)
    return holders[0]


def _mention(doc: Doc, start: int, end: int, code: str, sector: str, kind: str, name: str,
             antecedent: list[int] | None) -> ActorMention:
    span = doc[start:end]
    mention: ActorMention = {"text": span.text, "start": span.start_char, "end": span.end_char, "name": name or code,
            "code": code, "sector": sector, "kind": kind, "wikidata": None, "score": TITLE_SCORE,
            "_tokens": [start, end], "_head": int(span.root.i) if doc.has_annotation("DEP") else end - 1}
    if antecedent is None:
        mention["_focus"] = True
    else:
        mention["_anaphora"], mention["_antecedent"] = True, antecedent
    return mention
