"""A small golden set of local-news paragraphs, written by the team for these tests (US local,
Indian and African regions; English and French), read end to end through the real pipeline
(marked ``model``). Each expected place gives its country and a box around the right namesake
(latitude, longitude ranges); the names that must not be places are listed too."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

pytestmark = pytest.mark.model

Box = tuple[float, float, float, float]  # lat min, lat max, lon min, lon max


@dataclass(frozen=True)
class Golden:
    text: str
    places: dict[str, tuple[str, Box]]
    not_places: tuple[str, ...] = ()
    lang: str = "en"
    label: str = field(default="")


GOLDEN = [
    Golden("Bergen County prosecutors said a man from Allendale was charged after the crash. Maywood "
           "police closed the road for two hours, and the Bergen Record first reported the arrest.",
           {"Bergen County": ("USA", (40.7, 41.2, -74.3, -73.8)), "Allendale": ("USA", (40.9, 41.2, -74.3, -73.9)),
            "Maywood": ("USA", (40.8, 41.0, -74.2, -73.9))}, label="US county towns"),
    Golden("Broward County deputies returned to the school a year after the Parkland shooting, the "
           "sheriff told reporters in Fort Lauderdale.",
           {"Broward County": ("USA", (25.9, 26.5, -80.6, -80.0)), "Parkland": ("USA", (26.2, 26.5, -80.4, -80.1)),
            "Fort Lauderdale": ("USA", (26.0, 26.3, -80.3, -80.0))}, label="US town as modifier"),
    Golden("West Virginia teachers marched in Charleston on Tuesday. The Charleston Gazette said lawmakers "
           "would meet again on Friday.",
           {"West Virginia": ("USA", (37.0, 40.7, -82.7, -77.7)), "Charleston": ("USA", (38.2, 38.5, -81.8, -81.4))},
           label="US state in focus, newspaper title"),
    Golden("Farmers in Tamil Nadu and Karnataka are again at odds over the waters of the Cauvery. Police in "
           "Mandya district said protesters blocked the highway to Bengaluru.",
           {"Tamil Nadu": ("IND", (8.0, 13.6, 76.0, 80.4)), "Karnataka": ("IND", (11.5, 18.5, 74.0, 78.6)),
            "Cauvery": ("IND", (10.0, 13.0, 75.5, 80.0)), "Bengaluru": ("IND", (12.8, 13.2, 77.4, 77.8))},
           label="Indian states and river"),
    Golden("Fishermen in Kerala stayed ashore as the monsoon hit, while the Godavari rose above the danger "
           "mark in Andhra Pradesh.",
           {"Kerala": ("IND", (8.0, 12.9, 74.8, 77.5)), "Godavari": ("IND", (16.0, 21.0, 73.0, 82.5)),
            "Andhra Pradesh": ("IND", (12.5, 19.5, 76.5, 84.8))}, label="Indian state, river"),
    Golden("Herders and farmers clashed in Plateau State and in Benue State, killing twelve people, police in "
           "Jos said. Troops were also sent to North Kivu, near Goma.",
           {"Plateau State": ("NGA", (8.0, 10.5, 8.3, 10.5)), "Benue State": ("NGA", (6.4, 8.2, 7.5, 10.0)),
            "Jos": ("NGA", (9.7, 10.1, 8.7, 9.1)), "North Kivu": ("COD", (-2.5, 1.5, 27.0, 30.0)),
            "Goma": ("COD", (-1.8, -1.5, 29.0, 29.4))}, label="African states and provinces"),
    Golden("Troops massed along the Syrian-Turkish border, while NASA said its rover on Mars was safe.",
           {"Syrian": ("SYR", (32.0, 37.5, 35.5, 42.5)), "Turkish": ("TUR", (36.0, 42.0, 26.0, 45.0))},
           not_places=("Mars",), label="border adjectives, planet"),
    Golden("Doctors in Kenema said cases of Lassa fever rose again this month, the Sierra Leone Telegraph "
           "reported, and health workers were sent to Kailahun district.",
           {"Kenema": ("SLE", (7.6, 8.1, -11.4, -10.9)), "Kailahun": ("SLE", (7.6, 8.7, -11.0, -10.2))},
           not_places=("Lassa",), label="disease named after a place, West African district"),
    Golden("Des affrontements ont éclaté dans le Nord-Kivu, près de Goma, et des renforts sont arrivés à la "
           "frontière rwandaise.",
           {"Nord-Kivu": ("COD", (-2.5, 1.5, 27.0, 30.0)), "Goma": ("COD", (-1.8, -1.5, 29.0, 29.4)),
            "rwandaise": ("RWA", (-3.0, -1.0, 28.8, 31.0))}, lang="fr", label="fr African province, border"),
    Golden("La police de Maywood, dans le comté de Bergen, a ouvert une enquête, selon le Journal de Montréal.",
           {"Maywood": ("USA", (40.8, 41.0, -74.2, -73.9)), "Bergen": ("USA", (40.7, 41.2, -74.3, -73.8))},
           not_places=("Montréal",), lang="fr", label="fr county of, newspaper title"),
    Golden("Les agriculteurs du Karnataka manifestent contre le partage des eaux de la Kaveri avec le Tamil Nadu.",
           {"Karnataka": ("IND", (11.5, 18.5, 74.0, 78.6)), "Kaveri": ("IND", (10.0, 13.0, 75.5, 80.0)),
            "Tamil Nadu": ("IND", (8.0, 13.6, 76.0, 80.4))}, lang="fr", label="fr Indian states, river"),
]


@pytest.mark.parametrize("golden", GOLDEN, ids=[g.label for g in GOLDEN])
def test_golden_local_paragraph(pipeline: Any, golden: Golden) -> None:
    found = {p.text: p for p in pipeline.extract(golden.text, lang=golden.lang).places}
    for name, (country, (lat0, lat1, lon0, lon1)) in golden.places.items():
        assert name in found, f"{name} not found among {sorted(found)}"
        place = found[name]
        assert place.country_code == country, f"{name}: {place.country_code} {place.name}"
        assert place.lat is not None and place.lon is not None
        assert lat0 <= place.lat <= lat1 and lon0 <= place.lon <= lon1, f"{name}: {place.name} {place.lat} {place.lon}"
    for name in golden.not_places:
        assert name not in found, f"{name} is no place here"
