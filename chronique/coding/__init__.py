"""Event coding: turn an annotated Doc into PLOVER event dicts (rule coder; others can plug in)."""

from chronique.coding.protocol import CODER_VERSION, Coder, make_coder

__all__ = ["CODER_VERSION", "Coder", "make_coder"]
