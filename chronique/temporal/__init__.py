"""Temporal expressions: recognise them in text and normalise them to TIMEX3 values.

``tag_text(text, lang, published)`` is the whole job on a plain string; the grammars are data
(``chronique/knowledge/data/time_<lang>.yaml``).
"""

from chronique.temporal.grammar import Grammar, grammar_from_dict, load_grammar
from chronique.temporal.normalise import Timex
from chronique.temporal.tagger import tag_text

__all__ = ["Grammar", "Timex", "grammar_from_dict", "load_grammar", "tag_text"]
