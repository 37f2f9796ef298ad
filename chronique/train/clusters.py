"""Fitting the trigger vector centroids (chronique.coding.vector_clusters) deterministically.

k-means over the French model's vector table (every row a word class the model knows, no labels
involved), with a fixed seed and one initialisation: the same model gives the same centroids.
"""

from __future__ import annotations

import numpy as np
from sklearn.cluster import KMeans

from chronique.nlp.models import load_model

K = 128  # clusters: coarse enough to share weight across near-synonyms, fine enough to tell acts apart


def fit_clusters(lang: str = "fr", k: int = K) -> np.ndarray | None:
    """The (k × dimensions) centroids of ``lang``'s model vectors; None when it has no vectors."""
    table = np.asarray(load_model(lang).vocab.vectors.data, dtype=np.float32)
    if table.size == 0 or len(table) < k:
        return None
    norms = np.linalg.norm(table, axis=1, keepdims=True)
    unit = table / np.where(norms == 0, 1.0, norms)
    model = KMeans(n_clusters=k, n_init=1, random_state=0, max_iter=100).fit(unit)
    return np.asarray(model.cluster_centers_, dtype=np.float32)
