"""dashboard.html: one self-contained page whose charts render (Vega-Lite → PNG without a browser, and
in headless Chromium when it is installed)."""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile

import pytest
from PIL import Image
from test_report_frames import sample_facts

from ledger.analyse import reconcile
from ledger.report.dashboard import dashboard_chart, write_dashboard

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# the flags that start Chromium headless on a machine without a network (see the project's CI notes)
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars", "--virtual-time-budget=8000", "--window-size=1100,1400")
BAR_BLUE = (0x4C, 0x78, 0xA8)  # Vega's first category colour: the timeline's bars


def _coloured(png: bytes, colour: tuple[int, int, int], tolerance: int = 12) -> int:
    """Pixels of ``png`` within ``tolerance`` of ``colour``."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    raw, (r, g, b) = image.tobytes(), colour
    return sum(1 for i in range(0, len(raw), 3)
               if abs(raw[i] - r) <= tolerance and abs(raw[i + 1] - g) <= tolerance and abs(raw[i + 2] - b) <= tolerance)


@pytest.fixture(scope="module")
def facts():
    return sample_facts()


@pytest.fixture(scope="module")
def page(tmp_path_factory, facts):
    path = tmp_path_factory.mktemp("dashboard") / "dashboard.html"
    write_dashboard(path, facts, reconcile(facts))
    return path


def test_page_is_self_contained(page):
    html = page.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=|cdn\.jsdelivr", html)
    assert "vegaEmbed" in html and "United Kingdom" in html     # the library and the data are inline


def test_filters_by_donor_recipient_aid_type_and_dates(facts):
    spec = dashboard_chart(facts, reconcile(facts)).to_dict()
    names = {p["name"] for p in spec.get("params", [])}
    assert {"donor", "recipient", "aid_type", "dates"} <= names


def test_charts_render_to_png(facts):
    import vl_convert

    png = vl_convert.vegalite_to_png(dashboard_chart(facts, reconcile(facts)).to_dict())
    assert Image.open(io.BytesIO(png)).size[0] >= 900
    assert _coloured(png, BAR_BLUE) > 500                         # bars are drawn, not just axes


def test_page_draws_its_charts_in_chromium(page):
    if not CHROMIUM:
        pytest.skip("Chromium is not installed (Debian package chromium)")
    with tempfile.TemporaryDirectory() as profile:
        shot = page.parent / "shot.png"
        subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--screenshot={shot}",
                        page.as_uri()], check=True, capture_output=True, timeout=120)
    assert _coloured(shot.read_bytes(), BAR_BLUE) > 500
