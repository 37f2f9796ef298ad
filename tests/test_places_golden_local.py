"""A small golden set of local-news paragraphs, written by the team for these tests (US local,
Indian and African regions; English and French), read end to end through the real pipeline
(marked ``model``). Each expected place gives its country and a box around the right namesake
(latitude, longitude ranges); the names that must not be places are listed too."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pytest

from chronique.knowledge.gazetteer import distance_km

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


Point = tuple[float, float]  # a gold point: a town's GeoNames point, a region's middle (atlas)
ACC_KM = 161.0


@dataclass(frozen=True)
class GoldenPoint:
    """A paragraph of round 4 with gold points: a place is right within ACC_KM of its point."""

    text: str
    places: dict[str, tuple[str, Point]]
    not_places: tuple[str, ...] = ()
    lang: str = "en"
    label: str = field(default="")


# Written before the round-4 rules (issue 17): homonyms settled by a state or region written after
# the town, regions whose point must lie near their middle, words that are no places (institutions,
# diseases, blocs) and seas. Points: towns at their GeoNames point, regions at the middle of their
# extent, seas and ranges at an atlas point of their middle.
GOLDEN_POINTS = [
    GoldenPoint("Alachua County deputies searched a home in Gainesville on Friday, and a man from High Springs "
                "was later charged, the sheriff's office said.",
                {"Alachua County": ("USA", (29.70, -82.36)), "Gainesville": ("USA", (29.65, -82.32)),
                 "High Springs": ("USA", (29.83, -82.60))}, label="US county in focus, homonym town"),
    GoldenPoint("South Carolina lawmakers met in Columbia on Tuesday while flooding closed roads in Charleston "
                "and Greenville.",
                {"South Carolina": ("USA", (33.9, -80.9)), "Columbia": ("USA", (34.00, -81.03)),
                 "Charleston": ("USA", (32.78, -79.93)), "Greenville": ("USA", (34.85, -82.39))},
                label="US state in focus, three homonyms"),
    GoldenPoint("Residents of Paradise fled as the wildfire swept through Butte County, and evacuees reached "
                "Chico and Oroville by nightfall.",
                {"Paradise": ("USA", (39.76, -121.62)), "Butte County": ("USA", (39.67, -121.60)),
                 "Chico": ("USA", (39.73, -121.84)), "Oroville": ("USA", (39.51, -121.56))},
                label="US county towns, homonym county"),
    GoldenPoint("Police in Aurangabad, Bihar, arrested two men after the clashes, while schools in Hamirpur, "
                "Himachal Pradesh, stayed shut because of the snow.",
                {"Aurangabad": ("IND", (24.75, 84.37)), "Bihar": ("IND", (25.6, 85.6)),
                 "Hamirpur": ("IND", (31.68, 76.52)), "Himachal Pradesh": ("IND", (31.8, 77.2))},
                label="Indian City, State homonyms"),
    GoldenPoint("Students marched in Bijapur, Chhattisgarh, and in Pratapgarh, Rajasthan, against the new "
                "exam rules.",
                {"Bijapur": ("IND", (18.80, 80.82)), "Chhattisgarh": ("IND", (21.3, 82.0)),
                 "Pratapgarh": ("IND", (24.03, 74.78)), "Rajasthan": ("IND", (26.6, 73.8))},
                label="Indian City, State homonyms 2"),
    GoldenPoint("The Brahmaputra flooded villages in Assam, and rescue teams reached Majuli and Dhemaji by boat.",
                {"Brahmaputra": ("IND", (26.5, 92.0)), "Assam": ("IND", (26.3, 92.8)),
                 "Majuli": ("IND", (26.95, 94.17)), "Dhemaji": ("IND", (27.48, 94.58))},
                label="Indian river, state, districts"),
    GoldenPoint("Health workers said the Ebola outbreak had reached Beni and Butembo in North Kivu, and Ebola "
                "vaccines were flown to Goma.",
                {"Beni": ("COD", (0.49, 29.47)), "Butembo": ("COD", (0.14, 29.29)),
                 "North Kivu": ("COD", (-0.8, 28.9)), "Goma": ("COD", (-1.68, 29.22))},
                not_places=("Ebola",), label="disease word, Congolese province"),
    GoldenPoint("Gunmen attacked villages in Zamfara State, near Gusau, and in Kaduna State, police in Kaduna said.",
                {"Zamfara State": ("NGA", (12.1, 6.2)), "Gusau": ("NGA", (12.17, 6.66)),
                 "Kaduna State": ("NGA", (10.4, 7.7)), "Kaduna": ("NGA", (10.52, 7.44))},
                label="Nigerian states and their capitals"),
    GoldenPoint("Fighting spread from Tigray into Amhara and Afar, and aid convoys waited in Mekelle and Gondar.",
                {"Tigray": ("ETH", (14.0, 38.8)), "Amhara": ("ETH", (11.6, 38.0)), "Afar": ("ETH", (11.8, 41.0)),
                 "Mekelle": ("ETH", (13.50, 39.48)), "Gondar": ("ETH", (12.60, 37.47))},
                label="Ethiopian regions"),
    GoldenPoint("Protesters gathered in Kisumu, Kenya, and in Kakamega County after the vote, while pirates "
                "seized a tanker in the Indian Ocean off Somalia.",
                {"Kisumu": ("KEN", (-0.10, 34.76)), "Kenya": ("KEN", (0.5, 37.9)),
                 "Kakamega County": ("KEN", (0.30, 34.75)), "Indian Ocean": ("", (-10.0, 75.0)),
                 "Somalia": ("SOM", (6.0, 47.0))},
                label="Kenyan town and county, ocean"),
    GoldenPoint("Trade between the Americas and Asia grew last year, and the West imposed new sanctions as ships "
                "crossed the Atlantic and the Black Sea.",
                {"Americas": ("", (10.0, -80.0)), "Asia": ("", (30.0, 90.0)), "Atlantic": ("", (20.0, -40.0)),
                 "Black Sea": ("", (43.0, 34.0))},
                not_places=("West",), label="areas, bloc, seas"),
    GoldenPoint("A fire broke out at City Hall in Paterson, and the Town Hall of Clifton was closed, Passaic "
                "County officials said.",
                {"Paterson": ("USA", (40.92, -74.17)), "Clifton": ("USA", (40.86, -74.16)),
                 "Passaic County": ("USA", (41.03, -74.30))},
                not_places=("City Hall", "Town Hall", "Town", "City"), label="institution words, county towns"),
    GoldenPoint("La police de Valence, dans la Drôme, et celle de Vienne, en Isère, ont ouvert une enquête après "
                "l'incendie de la Mairie de Villeurbanne.",
                {"Valence": ("FRA", (44.93, 4.89)), "Drôme": ("FRA", (44.68, 5.17)), "Vienne": ("FRA", (45.52, 4.87)),
                 "Isère": ("FRA", (45.26, 5.58)), "Villeurbanne": ("FRA", (45.77, 4.88))},
                not_places=("Mairie",), lang="fr", label="fr communes with département, institution"),
    GoldenPoint("Les manifestants se sont rassemblés devant la Préfecture à Bordeaux, puis à Libourne, en Gironde, "
                "tandis que l'Occident appelait au calme.",
                {"Bordeaux": ("FRA", (44.84, -0.58)), "Libourne": ("FRA", (44.92, -0.24)),
                 "Gironde": ("FRA", (44.83, -0.57))},
                not_places=("Préfecture", "Occident"), lang="fr", label="fr institution, bloc"),
    GoldenPoint("Des navires ont traversé la mer Noire puis l'océan Indien, et des alpinistes sont morts dans les "
                "Alpes, selon la préfecture de Haute-Savoie.",
                {"mer Noire": ("", (43.0, 34.0)), "océan Indien": ("", (-10.0, 75.0)), "Alpes": ("", (46.5, 10.0)),
                 "Haute-Savoie": ("FRA", (46.0, 6.4))},
                lang="fr", label="fr seas, range, département"),
    GoldenPoint("Les agriculteurs de Mysuru, au Karnataka, et ceux de Pune, dans le Maharashtra, ont bloqué les "
                "routes; la fièvre Ebola n'a pas touché l'Inde.",
                {"Mysuru": ("IND", (12.30, 76.64)), "Karnataka": ("IND", (15.0, 76.2)), "Pune": ("IND", (18.52, 73.86)),
                 "Maharashtra": ("IND", (19.4, 76.4)), "Inde": ("IND", (22.0, 79.0))},
                not_places=("Ebola",), lang="fr", label="fr Indian towns and states"),
]


# Round 5 (issue 17), written before that round's rules: names after motion verbs that the parser
# tags as persons or organisations ("reached Bukavu", "flew to Juba", "headed for Damaturu", "s'est
# rendu à Bunia"), provinces of African and Asian countries (Kenya's former provinces, Congolese,
# Pakistani, Burmese, Indonesian ones), a county and its towns settled together, continents and
# world-news places. Points: towns at their GeoNames point, continents at GeoNames' continent
# point, regions at the middle of their extent (atlas), seas at an atlas point of their middle.
GOLDEN_ROUND5 = [
    GoldenPoint("Aid trucks reached Bukavu on Sunday after crossing from Uvira, and the health minister flew to "
                "Kisangani to meet doctors.",
                {"Bukavu": ("COD", (-2.51, 28.84)), "Uvira": ("COD", (-3.40, 29.14)),
                 "Kisangani": ("COD", (0.52, 25.19))}, label="motion verbs, Congolese towns"),
    GoldenPoint("The president flew to Juba on Tuesday, and his deputy later arrived in Malakal with food aid.",
                {"Juba": ("SSD", (4.85, 31.58)), "Malakal": ("SSD", (9.53, 31.66))}, label="flew to, arrived in"),
    GoldenPoint("Refugees walked to Maiduguri, while others headed for Damaturu and Yola.",
                {"Maiduguri": ("NGA", (11.85, 13.16)), "Damaturu": ("NGA", (11.75, 11.96)),
                 "Yola": ("NGA", (9.21, 12.48))}, label="walked to, headed for"),
    GoldenPoint("Villagers fled to Beni after the attack; aid later reached Oicha and Mangina.",
                {"Beni": ("COD", (0.49, 29.47)), "Oicha": ("COD", (0.70, 29.52)), "Mangina": ("COD", (0.60, 29.31))},
                label="fled to, reached"),
    GoldenPoint("Rescue teams reached Dhemaji and Lakhimpur by boat, and the governor visited Jorhat.",
                {"Dhemaji": ("IND", (27.48, 94.58)), "Lakhimpur": ("IND", (27.24, 94.10)),
                 "Jorhat": ("IND", (26.76, 94.20))}, label="reached, Assam towns"),
    GoldenPoint("An Atlantic storm battered Galway, while Pacific typhoons hit Luzon and Okinawa.",
                {"Galway": ("IRL", (53.27, -9.05)), "Luzon": ("PHL", (16.0, 121.0)),
                 "Okinawa": ("JPN", (26.50, 127.90))},
                label="storms hit places, ocean modifiers"),
    GoldenPoint("Le ministre s'est rendu à Bunia mardi, puis a gagné Kalemie, au bord du lac Tanganyika.",
                {"Bunia": ("COD", (1.56, 30.25)), "Kalemie": ("COD", (-5.95, 29.19)),
                 "lac Tanganyika": ("", (-6.0, 29.5))}, lang="fr", label="fr s'est rendu à, a gagné, lake"),
    GoldenPoint("La ministre s'est rendue à Gao, puis est arrivée à Tombouctou dans la soirée.",
                {"Gao": ("MLI", (16.27, -0.04)), "Tombouctou": ("MLI", (16.77, -3.01))}, lang="fr",
                label="fr arrivée à"),
    GoldenPoint("Le président a atterri à Niamey avant de rejoindre Agadez, où il a rencontré des éleveurs.",
                {"Niamey": ("NER", (13.51, 2.11)), "Agadez": ("NER", (16.97, 7.99))}, lang="fr",
                label="fr atterri à, rejoindre"),
    GoldenPoint("Heavy rain in Nyanza province displaced hundreds of families near Kisumu, and Rift Valley province "
                "also reported floods.",
                {"Nyanza province": ("KEN", (-0.5, 34.6)), "Kisumu": ("KEN", (-0.10, 34.76)),
                 "Rift Valley province": ("KEN", (0.5, 36.0))}, label="Kenyan former provinces"),
    GoldenPoint("Local officials in Siaya County and Homa Bay said the floods in Nyanza had cut roads to Kisumu.",
                {"Siaya County": ("KEN", (0.06, 34.29)), "Homa Bay": ("KEN", (-0.53, 34.46)),
                 "Nyanza": ("KEN", (-0.5, 34.6)), "Kisumu": ("KEN", (-0.10, 34.76))},
                label="Kenyan counties and a former province"),
    GoldenPoint("Floods in Sindh and Khyber Pakhtunkhwa killed dozens, while fighting continued in Rakhine State "
                "and Kachin State.",
                {"Sindh": ("PAK", (26.0, 68.8)), "Khyber Pakhtunkhwa": ("PAK", (34.5, 72.0)),
                 "Rakhine": ("MMR", (19.8, 93.9)), "Kachin State": ("MMR", (26.0, 97.5))},
                label="Pakistani and Burmese provinces"),
    GoldenPoint("Militants attacked a checkpoint in Balochistan, and protests spread from Gilgit-Baltistan to "
                "Azad Kashmir.",
                {"Balochistan": ("PAK", (28.3, 65.1)), "Gilgit-Baltistan": ("PAK", (35.8, 74.9)),
                 "Azad Kashmir": ("PAK", (34.0, 73.8))}, label="Pakistani regions"),
    GoldenPoint("An earthquake struck Central Sulawesi, and aftershocks were felt in Palu and Donggala.",
                {"Central Sulawesi": ("IDN", (-1.4, 121.4)), "Palu": ("IDN", (-0.90, 119.87)),
                 "Donggala": ("IDN", (-0.68, 119.74))}, label="Indonesian province and towns"),
    GoldenPoint("Fighting spread to the Equateur and Kasai provinces, and troops moved into South Kivu.",
                {"Equateur": ("COD", (0.0, 19.8)), "Kasai": ("COD", (-5.3, 20.9)), "South Kivu": ("COD", (-3.0, 28.3))},
                label="Congolese provinces"),
    GoldenPoint("Des pluies torrentielles ont frappé le Kasaï-Central et la province de l'Équateur, selon les "
                "autorités de Kinshasa.",
                {"Kasaï-Central": ("COD", (-5.9, 22.4)), "Équateur": ("COD", (0.0, 19.8)),
                 "Kinshasa": ("COD", (-4.33, 15.31))}, lang="fr", label="fr Congolese provinces"),
    GoldenPoint("Waukegan police said the suspect was arrested in Zion, and Lake County prosecutors filed charges "
                "on Friday.",
                {"Waukegan": ("USA", (42.36, -87.84)), "Zion": ("USA", (42.45, -87.83)),
                 "Lake County": ("USA", (42.35, -88.0))}, label="US county and towns together"),
    GoldenPoint("Survivors of the shipwreck in the Mediterranean were taken to Lampedusa and Sicily, the coastguard "
                "said.",
                {"Mediterranean": ("", (35.0, 18.0)), "Lampedusa": ("ITA", (35.50, 12.60)),
                 "Sicily": ("ITA", (37.5, 14.0))},
                label="sea, island towns"),
    GoldenPoint("Les secours ont été acheminés vers Mamoudzou, à Mayotte, après le passage du cyclone.",
                {"Mamoudzou": ("MYT", (-12.78, 45.23)), "Mayotte": ("MYT", (-12.83, 45.17))}, lang="fr",
                label="fr overseas town and island"),
    GoldenPoint("Leaders from Africa and Europe met in Brussels, while ministers from Asia gathered in Lima.",
                {"Africa": ("", (7.19, 21.09)), "Europe": ("", (48.69, 9.14)), "Brussels": ("BEL", (50.85, 4.35)),
                 "Asia": ("", (29.84, 89.30)), "Lima": ("PER", (-12.04, -77.03))}, label="continents, capitals"),
]


def golden_figures(pipeline: Any, paragraphs: Sequence[GoldenPoint] = GOLDEN_POINTS) -> dict[str, float]:
    """The set's figures: recognised share, Acc@161 end to end and of those recognised."""
    gold = found = right = local = local_right = 0
    for golden in paragraphs:
        places = {p.text: p for p in pipeline.extract(golden.text, lang=golden.lang).places}
        for name, (country, point) in golden.places.items():
            gold += 1
            local += bool(country)
            place = places.get(name)
            if place is None:
                continue
            found += 1
            right += _near(place, country, point)
            local_right += bool(country) and _near(place, country, point)
    # areas and seas (no country) have no one point: their distance says little, so towns and
    # regions of one country are counted apart too
    return {"gold": gold, "recognised": found / gold, "acc161": right / gold, "acc161_recognised": right / found,
            "acc161_one_country": local_right / local}


def _near(place: Any, country: str, point: Point) -> bool:
    return (place.lat is not None and place.lon is not None and (place.country_code or "") == country
            and distance_km(place.lat, place.lon, *point) <= ACC_KM)


# Paragraphs still short of their gold (round 4), each with what fails: they stay in the set and
# in its figures, and turn into failures (strict) once they pass.
OPEN = {
    "Kenyan town and county, ocean": "the Indian Ocean's point lies 1,200 km from the gold point",
    "areas, bloc, seas": "the Americas' and the Atlantic's points lie far from the gold points",
    "fr seas, range, département": "the Indian Ocean's point lies 1,200 km from the gold point",
    # round 5
    "Kenyan former provinces": "the span of 'Rift Valley province' leaves the kind word out",
}


@pytest.mark.parametrize("golden", [pytest.param(g, marks=pytest.mark.xfail(reason=OPEN[g.label], strict=True))
                                    if g.label in OPEN else g for g in [*GOLDEN_POINTS, *GOLDEN_ROUND5]],
                         ids=[g.label for g in [*GOLDEN_POINTS, *GOLDEN_ROUND5]])
def test_golden_point_paragraph(pipeline: Any, golden: GoldenPoint) -> None:
    found = {p.text: p for p in pipeline.extract(golden.text, lang=golden.lang).places}
    for name, (country, point) in golden.places.items():
        assert name in found, f"{name} not found among {sorted(found)}"
        place = found[name]
        assert _near(place, country, point), f"{name}: {place.name} {place.country_code} {place.lat} {place.lon}"
    for name in golden.not_places:
        assert name not in found, f"{name} is no place here"
