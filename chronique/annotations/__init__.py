"""What the stages write on a spaCy Doc (plain-data extensions) and the queries over it that both
the stages and the event coder need: the event's place and date. Below ``nlp`` and ``coding``."""
