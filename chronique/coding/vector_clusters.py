"""Trigger meaning beyond its lemma: the parser's word vector, as the id of its nearest centroid.

A linear model over lemma strings learns nothing about a trigger it never saw. The French model's
word vectors place "bombarder" near "pilonner"; the centroids (k-means, fitted deterministically by
`chronique train` and stored in the weights file) turn a vector into a cluster id the model can
weigh as a string feature. Languages whose model has no static vectors get no cluster feature.
"""

from __future__ import annotations

import numpy as np
from spacy.tokens import Token


class Clusters:
    """Unit-length centroids (k × dimensions); a token's cluster is the most cosine-similar one."""

    def __init__(self, centroids: np.ndarray) -> None:
        norms = np.linalg.norm(centroids, axis=1, keepdims=True)
        self.centroids = centroids / np.where(norms == 0, 1.0, norms)

    def of(self, tok: Token) -> int | None:
        vectors = tok.vocab.vectors
        if vectors.size == 0 or vectors.shape[1] != self.centroids.shape[1]:
            return None  # no static vectors (the small English model), or another model's
        key = tok.vocab.strings[tok.lemma_.lower()]
        if key in vectors:  # the lemma's vector: all forms of a verb share it
            vec = np.asarray(vectors[key], dtype=np.float32)
        elif tok.has_vector:
            vec = np.asarray(tok.vector, dtype=np.float32)
        else:
            return None
        norm = float(np.linalg.norm(vec))
        return None if norm == 0 else int(np.argmax(self.centroids @ (vec / norm)))
