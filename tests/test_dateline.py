import pytest

from newsflow.tasks.enrich.dateline import Dateline, parse_dateline


@pytest.mark.parametrize(
    "opening, place, agency",
    [
        ("MOSCOW (AP) — Russian President Vladimir Putin", "Moscow", "AP"),
        ("GENEVA, Jan 13 (Reuters) - Talks between Iran", "Geneva", "Reuters"),
        ("NEW YORK, Nov. 3 (Reuters) - Stocks", "New York", "Reuters"),
        ("KYIV, Ukraine (AP) — Ukraine's", "Kyiv", "AP"),
        ("RIO DE JANEIRO (AP) — Brazil", "Rio de Janeiro", "AP"),
        ("PARIS, 12 janv. (AFP) - La France", "Paris", "AFP"),
        ("Frankfurt am Main (dpa) - Die Börse", "Frankfurt am Main", "dpa"),
        ("ZÜRICH (dpa) - Der Stadtrat", "Zürich", "dpa"),
        ("BEIJING (Xinhua) -- China", "Beijing", "Xinhua"),
        ("WASHINGTON — The Senate", "Washington", None),
        ("In a significant move (Reuters) - nothing", None, None),
        ("Iran (Iranian parliament) - no agency", None, None),
        ("Russian President Vladimir Putin will host", None, None),
    ],
)
def test_dateline(opening, place, agency):
    assert parse_dateline(opening) == Dateline(place, agency)
