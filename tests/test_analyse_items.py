"""Analyse stage: item phrases normalised and grouped into equipment systems and categories."""
from __future__ import annotations

import pandas as pd
import pytest
from test_report_frames import UA, UK, US, fact

from ledger.analyse.items import ITEM_COLUMNS, classify, item_counts, item_name
from ledger.store.schema import FACT_DTYPES, typed_frame

CATEGORIES = {"air defence", "artillery", "armour", "ammunition", "vehicles", "aircraft", "drones", "other"}


@pytest.mark.parametrize("phrase, expected", [
    ("HIMARS", "HIMARS"),
    ("new HIMARS", "HIMARS"),
    ("the additional Patriot batteries", "Patriot batteries"),
    ("Bradley\ninfantry fighting vehicles", "Bradley infantry fighting vehicles"),   # one line
    ("more trucks", "trucks"),
    ("point, believed that's how", "point"),                                         # cut at the comma
    ("Republican voted", None),                                                      # a verb
    ("mouth", None),                                                                 # a body part
    ("people's\nheads", None),
    ("more really quickly", None),                                                   # an adverb
    ("", None),
])
def test_item_name(phrase, expected):
    assert item_name(phrase) == expected


@pytest.mark.parametrize("item, unit, system, category", [
    ("HIMARS", "himars", "HIMARS", "artillery"),
    ("additional High Mobility Artillery Rocket Systems", "system", "HIMARS", "artillery"),
    ("Patriot missile battery", "battery", "Patriot", "air defence"),
    ("Bradley infantry fighting vehicles", "vehicle", "Bradley", "armour"),
    ("the Leopard 2 tanks", "tank", "Leopard 2", "armour"),
    ("155mm artillery rounds", "round", "155mm rounds", "ammunition"),
    ("rounds of 155 mm ammunition", "round", "155mm rounds", "ammunition"),
    ("Switchblade drones", "drone", "Switchblade", "drones"),
    ("Humvees", "humvee", "Humvee", "vehicles"),
    ("Mi-17 helicopters", "helicopter", "Mi-17", "aircraft"),
    ("armored vehicles", "vehicle", "armoured vehicles", "armour"),
    (None, "tank", "tanks", "armour"),                 # no item phrase: the counted noun
])
def test_systems_and_categories(item, unit, system, category):
    assert classify(item, unit) == (system, category)
    assert category in CATEGORIES


@pytest.mark.parametrize("item, unit", [("doses", "dose"), ("Republican voted", "vote"), ("mouth", "mouth"),
                                        ("questions", "question")])
def test_no_equipment(item, unit):
    assert classify(item, unit) is None


def test_item_counts_group_spellings_of_one_system():
    rows = [fact(f"c{i}", "count", "component", donor, UA, None, n, None, None, "2022-12-09", str(n), unit=unit,
                 item=item) for i, (donor, n, item, unit) in enumerate([
                     (US, 16, "HIMARS", "himars"), (US, 4, "new HIMARS", "himars"), (US, 2, "the HIMARS", "himars"),
                     (UK, 14, "Challenger 2 tanks", "tank"), (US, 3, "Republican voted", "vote")])]
    table = item_counts(typed_frame(rows, FACT_DTYPES))
    assert tuple(table.columns) == ITEM_COLUMNS
    got = {(r.system, r.donor): (r.category, r.count, r.items) for r in table.itertuples()}
    assert got == {("HIMARS", US): ("artillery", 22, "HIMARS"), ("Challenger 2", UK): ("armour", 14, "Challenger 2 tanks")}
    assert table.attrs["n_not_equipment"] == 1


def test_item_counts_of_nothing_keep_their_columns():
    table = item_counts(typed_frame([], FACT_DTYPES))
    assert tuple(table.columns) == ITEM_COLUMNS and len(table) == 0 and isinstance(table, pd.DataFrame)
