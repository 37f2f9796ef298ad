"""`chronique train`: fit the trained event coder's weights from training data.

Exit codes: 0 weights written; 2 usage error; 3 a training file is missing, empty or malformed
(the message names the file and line).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from chronique.errors import ChroniqueError
from chronique.options import PipelineOptions

# the event-coder options `extract` and `eval` share
CoderOption = Annotated[str, typer.Option("--coder", help="Event coder: rules (the default: the rules alone) or "
                                          "trained (the rules propose, a trained model decides).")]
WeightsOption = Annotated[Path | None, typer.Option(
    "--weights", help="The trained coder's weights file (default: the packaged one, from `chronique train`).")]
DEFAULT_CODER = PipelineOptions.coder
# the rules' confidence under which `chronique train` codes nothing (docs/accuracy.md: on train and
# the judged look pages, the rules' readings under 0.5 were seldom or never right)
MIN_CONFIDENCE = 0.5


def train_command(
    data: Annotated[Path | None, typer.Option(
        help="Folder of training sets laid out as ../shared/eval/train/events (default: that folder).")] = None,
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="Where to write the weights (default: the packaged weights file).")] = None,
    folds: Annotated[int, typer.Option(min=2, max=20, help="Cross-validation folds (by article).")] = 5,
    c: Annotated[float, typer.Option("--c", min=1e-4, help="Inverse L2 regularisation strength.")] = 1.0,
    model_alone: Annotated[bool, typer.Option(
        "--model-alone", help="Also cross-validate the model without the rules' class (5 more fits).")] = False,
    min_confidence: Annotated[float, typer.Option(
        "--min-confidence", min=0.0, max=1.0,
        help="Never code a reading the rules rate below this confidence (0: off).")] = MIN_CONFIDENCE,
    keep: Annotated[float | None, typer.Option(
        "--keep", min=0.0, max=1.0, help="Fix the threshold (a reading is coded when P(no event) is below it) "
        "instead of choosing it on the folds, e.g. one chosen on judged pages.")] = None,
    prefer_model: Annotated[bool, typer.Option(
        "--prefer-model", help="Per act, code the model's likeliest reading, not the rules' own one first.")] = False,
    rule_candidates_only: Annotated[bool, typer.Option(
        "--rule-candidates-only", help="Offer the model the rules' candidates only (no open candidates, "
        "no trigger vector clusters), as trained.v1 did.")] = False,
) -> None:
    """Train the event coder (the rules propose, a linear model decides) and record its scores."""
    from chronique.coding.linear import default_weights_path
    from chronique.eval.runner import default_shared
    from chronique.train.fit import FitOptions
    from chronique.train.run import train

    folder = data or default_shared() / "eval" / "train" / "events"
    target = out or default_weights_path()
    err = Console(file=sys.stderr)
    if not folder.is_dir():
        typer.echo(f"error: expected a folder of training sets, found nothing at {folder}", err=True)
        raise typer.Exit(3)
    command = "chronique train" + (f" --folds {folds}" if folds != 5 else "") + (f" --c {c}" if c != 1.0 else "") \
        + (" --model-alone" if model_alone else "") + (" --rule-candidates-only" if rule_candidates_only else "") \
        + (f" --min-confidence {min_confidence}" if min_confidence != MIN_CONFIDENCE else "") \
        + (" --prefer-model" if prefer_model else "") + (f" --keep {keep}" if keep is not None else "")

    def progress(name: str, n: int, total: int) -> None:
        err.print(f"{name}: {n}/{total}", highlight=False)

    try:
        options = FitOptions(c=c, folds=folds, min_confidence=min_confidence, prefer_own=not prefer_model,
                             fixed_keep=keep)
        report = train(folder, target, options, command, progress, model_alone=model_alone,
                       open_candidates=not rule_candidates_only)
    except ChroniqueError as error:
        typer.echo(f"error [{error.code}]: {error.describe()}", err=True)
        raise typer.Exit(error.exit_code) from error
    for variant, scores in report.scores.items():
        shown = ", ".join(f"{k} {v:.3f}" for k, v in scores.items() if k.endswith(("/f1", "pair_macro_f1", "keep")))
        err.print(f"cross-validated on train, {variant}: {shown}", highlight=False)
    typer.echo(f"wrote {target} ({report.examples} labelled candidates, data {report.data_version})")


def register(app: typer.Typer) -> None:
    app.command(name="train")(train_command)
