"""The rule coder's version follows its rules: a change to the rule code or data without a new
CODER_VERSION fails here, with the value to record."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

from chronique.coding.version import (
    CODER_VERSION,
    LANGUAGE_FOLDERS,
    RULE_DATA,
    RULE_MODULES,
    RULES_FINGERPRINT,
    rules_fingerprint,
)


def test_the_recorded_fingerprint_is_the_rules_of_this_version() -> None:
    found = rules_fingerprint()
    assert found == RULES_FINGERPRINT, (
        f"The rule coder's code or data changed (fingerprint {found}; {RULES_FINGERPRINT} was recorded for "
        f"{CODER_VERSION!r}). Stored events must say which rules made them: in chronique/coding/version.py "
        f"raise the number of CODER_VERSION (e.g. 'rules.v2' -> 'rules.v3') and set "
        f"RULES_FINGERPRINT = {found!r}."
    )


def _copy_rules(to: Path) -> Path:
    """The files the fingerprint reads, copied into a package folder of their own."""
    package = Path(str(resources.files("chronique")))
    for name in RULE_MODULES:
        (to / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(package / name, to / name)
    data = package / "knowledge" / "data"
    (to / "knowledge" / "data").mkdir(parents=True, exist_ok=True)
    for name in RULE_DATA:
        shutil.copy(data / name, to / "knowledge" / "data" / name)
    for folder in LANGUAGE_FOLDERS:
        if (data / folder).is_dir():
            shutil.copytree(data / folder, to / "knowledge" / "data" / folder)
    return to


def test_a_changed_rule_changes_the_fingerprint_and_a_comment_does_not(tmp_path: Path) -> None:
    root = _copy_rules(tmp_path / "chronique")
    before = rules_fingerprint(root)  # type: ignore[arg-type]
    assert before == rules_fingerprint()
    rules = root / "coding" / "rules.py"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n    # a note on the rules\n\n", encoding="utf-8")
    assert rules_fingerprint(root) == before  # type: ignore[arg-type]
    rules.write_text(rules.read_text(encoding="utf-8").replace("REQUESTED_WEIGHT = 0.6", "REQUESTED_WEIGHT = 0.5"),
                     encoding="utf-8")
    assert rules_fingerprint(root) != before  # type: ignore[arg-type]


def test_a_changed_lexicon_changes_the_fingerprint(tmp_path: Path) -> None:
    root = _copy_rules(tmp_path / "chronique")
    before = rules_fingerprint(root)  # type: ignore[arg-type]
    lexicon = root / "knowledge" / "data" / "events_en.yaml"
    lexicon.write_text(lexicon.read_text(encoding="utf-8") + "\n# only a comment\n", encoding="utf-8")
    assert rules_fingerprint(root) == before  # type: ignore[arg-type]
    changed = lexicon.read_text(encoding="utf-8").replace("conditional: [could,", "conditional: [would, could,")
    lexicon.write_text(changed, encoding="utf-8")
    assert rules_fingerprint(root) != before  # type: ignore[arg-type]


def test_every_rule_module_is_named() -> None:
    """A new module the rule coder imports must join RULE_MODULES, or its changes would go unseen."""
    import ast

    package = Path(str(resources.files("chronique")))
    listed = set(RULE_MODULES)
    source = ast.parse((package / "coding" / "rules.py").read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(source) if isinstance(node, ast.ImportFrom) and node.module}
    for module in sorted(m for m in imported if m.startswith("chronique.coding.") and m != "chronique.coding.version"):
        assert module.removeprefix("chronique.").replace(".", "/") + ".py" in listed, module
