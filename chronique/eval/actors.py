"""Actor-mention tasks: chronique's actors against gold named entities, and the seed example.

See ``chronique.eval.mentions`` for what the corpus scores measure and
``chronique.eval.actors_seed`` for the acceptance check on the canonical example.
"""

from __future__ import annotations

import time

from chronique.eval.actors_seed import SEED_TASK
from chronique.eval.gold import GoldDocument
from chronique.eval.gold.bio import read_bio
from chronique.eval.gold.hipe import read_hipe
from chronique.eval.mentions import MentionTally, details, extract_documents, headline, score_document
from chronique.eval.registry import EvalContext, EvalResult, EvalTask
from chronique.report import RunReport

EUROPEANA = "eval/dev/names/europeana-fr/enp_FR.bnf.bio"
HIPE = "eval/dev/names/hipe2020-fr/HIPE-2022-v2.1-hipe2020-dev-fr.tsv"

EUROPEANA_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
HIPE_LABELS = {"pers": "PER", "org": "ORG", "loc": "LOC"}  # "time" and "prod" are not scored

# Pseudo-documents cut from the unsegmented Europeana file (see chronique.eval.gold.bio).
EUROPEANA_DOC_CHARS = 1500


def _score(ctx: EvalContext, task: str, dataset: str, docs: list[GoldDocument], labels: dict[str, str],
           notes: str) -> EvalResult:
    if ctx.limit is not None:
        docs = docs[: ctx.limit]
    tally = MentionTally()
    report = RunReport()
    started = time.perf_counter()
    for doc, extraction in extract_documents(ctx, docs, dataset, report):
        score_document(tally, doc, extraction, labels)
    seconds = time.perf_counter() - started
    n = sum(tally.gold.values())
    text = details(tally, report, notes + f" Pipeline time: {seconds:.0f} s for {tally.documents} documents.")
    return EvalResult(task=task, dataset=dataset, n=n, metrics=headline(tally), details=text)


def run_europeana(ctx: EvalContext) -> EvalResult:
    docs = read_bio(ctx.shared / EUROPEANA, language="fr", max_chars=EUROPEANA_DOC_CHARS)
    notes = (
        "French newspapers of 1906 (BnF), OCR text with its errors, PER/LOC/ORG in IOB1. The file has no "
        f"sentence or document boundaries: it is cut into pseudo-documents of about {EUROPEANA_DOC_CHARS} "
        "characters at sentence ends, and spacing is rebuilt from the tokens, so offsets refer to that "
        "rebuilt text. Political actors of 1906 are mostly outside chronique's present-day knowledge; "
        "read these figures as coverage on noisy historical text, not as accuracy on news reports. "
        "`--limit N` scores the first N pseudo-documents."
    )
    return _score(ctx, "actors/europeana-fr", EUROPEANA, docs, EUROPEANA_LABELS, notes)


def run_hipe(ctx: EvalContext) -> EvalResult:
    docs = read_hipe(ctx.shared / HIPE)
    notes = (
        "CLEF HIPE 2020 French development set (Swiss and Luxembourgish newspapers, 1798–2018), coarse "
        "literal entities (NE-COARSE-LIT: pers, org, loc; time and prod not scored). A loc span whose "
        f"metonymic reading (NE-COARSE-METO) is org is scored as {METONYMY_NOTE}. Document text is rebuilt "
        "from the tokens with the NoSpaceAfter flag; line ends become spaces. Each document is given its "
        "publication date. `--limit N` scores the first N documents."
    )
    return _score(ctx, "actors/hipe2020-fr", HIPE, docs, HIPE_LABELS, notes)


METONYMY_NOTE = "LOC→ORG (\"la France a décidé\": a place standing for its government), part of the headline recall"

TASKS: tuple[EvalTask, ...] = (
    EvalTask("actors/europeana-fr", "Actor mentions vs PER/ORG/LOC of French 1906 OCR newspapers (Europeana)",
             (EUROPEANA,), run_europeana),
    EvalTask("actors/hipe2020-fr", "Actor mentions vs HIPE 2020 French coarse entities (dev)", (HIPE,), run_hipe),
    SEED_TASK,
)
