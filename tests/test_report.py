"""ssi_kit.report (module personal_plan): one standalone, offline, printable HTML file with the learner's plan."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

import ssi_kit
from ssi_kit import SSI, SSIInputError, SSITypeError
from ssi_kit.personal_plan import DEFAULT_CONNECTIONS, RECOMMENDED_ACTIONS, report

MY_SSI = SSI(12.5, 8, 5.25, 10)


@pytest.fixture(autouse=True)
def own_home(tmp_path, monkeypatch):
    """No test touches the learner's real ssi-kit folder."""
    monkeypatch.setenv("SSI_KIT_HOME", str(tmp_path / "home"))


@pytest.fixture(scope="module")
def connections():
    return ssi_kit.load_dataset("conexiones_ejemplo")


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _figure_count(text: str) -> int:
    return len(re.findall(r'class="plotly-graph-div"', text))


class TestContent:
    def test_writes_the_file_and_returns_its_path(self, tmp_path):
        """The returned path is the file written, ending in .html."""
        out = report(MY_SSI, dest=tmp_path / "plan.html")
        assert out == tmp_path / "plan.html" and out.is_file()

    def test_spanish_sections_and_weakest_pillar(self, tmp_path):
        """The page is Spanish and shows the SSI now, its weakest pillar, the plan, projection and pyramid."""
        text = _text(report(MY_SSI, dest=tmp_path / "plan.html"))
        assert '<html lang="es">' in text
        for heading in ("Tu SSI hoy", "Tu objetivo y tus acciones", "Tu proyección", "Tu pirámide de relación"):
            assert heading in text
        assert ssi_kit.pillar_label(MY_SSI.weakest, full=True) in text
        assert f"{MY_SSI.rounded_total} de 100" in text
        assert "Tu red y quién puede presentarte" not in text  # no export given

    def test_english_on_request(self, tmp_path):
        """With set_language("en") the same page is in English."""
        ssi_kit.set_language("en")
        text = _text(report(MY_SSI, dest=tmp_path / "plan.html"))
        assert '<html lang="en">' in text and "Your SSI today" in text and "Tu SSI hoy" not in text

    def test_plotly_js_embedded_exactly_once(self, tmp_path, connections):
        """One copy of plotly.js serves every chart; each chart is drawn from the page itself."""
        import plotly.offline

        text = _text(report(MY_SSI, connections=connections, dest=tmp_path / "plan.html"))
        marker = plotly.offline.get_plotlyjs()[:200]
        assert text.count(marker) == 1
        assert text.count("plotly.js v") <= 2  # the bundle's own banner, not several bundles
        assert _figure_count(text) == text.count("Plotly.newPlot(") == 3

    def test_nothing_loaded_from_a_server(self, tmp_path, connections):
        """No script, stylesheet, image or font comes from the web: no CDN, no MathJax, no web fonts."""
        text = _text(report(MY_SSI, connections=connections, dest=tmp_path / "plan.html"))
        assert not re.search(r"""<(script|link|img|iframe)[^>]*(src|href)\s*=\s*["']?(https?:)?//""", text, re.I)
        assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", text.split("<script", 1)[0], re.I)
        assert "cdn.plot.ly/plotly" not in text and "MathJax.js" not in text

    def test_print_css_for_a4(self, tmp_path):
        """Print CSS: A4 pages, and page breaks never cut a chart."""
        text = _text(report(MY_SSI, dest=tmp_path / "plan.html"))
        assert re.search(r"@page\s*{[^}]*size:\s*A4", text)
        assert re.search(r"\.figure\s*{[^}]*break-inside:\s*avoid", text)

    def test_default_plan_is_recommends_first_actions(self, tmp_path):
        """Without a plan, the page lists recommend()'s first actions."""
        text = _text(report(MY_SSI, dest=tmp_path / "plan.html"))
        first = ssi_kit.recommend(MY_SSI)["label"].head(RECOMMENDED_ACTIONS).tolist()
        assert all(label in text for label in first)

    def test_list_plan_and_best_plan(self, tmp_path):
        """A list of ids or a BestPlan gives that plan's actions and its projected end total."""
        text = _text(report(MY_SSI, actions=["publicar", "grupos"], dest=tmp_path / "a.html"))
        labels = ssi_kit.plan_actions(["publicar", "grupos"])["label"].tolist()
        assert all(label in text for label in labels)
        best = ssi_kit.best_plan(MY_SSI, 120)
        text = _text(report(MY_SSI, actions=best, dest=tmp_path / "b.html"))
        assert all(label in text for label in ssi_kit.plan_actions(list(best.actions))["label"])
        assert ssi_kit.simulation.format_number(best.total, 1) in text

    def test_pyramid_from_the_export_or_default(self, tmp_path, connections):
        """The pyramid uses the export's connection count when given, else the default example."""
        default = _text(report(MY_SSI, dest=tmp_path / "a.html"))
        assert ssi_kit.describe_pyramid(ssi_kit.pyramid(DEFAULT_CONNECTIONS)) in default
        small = connections.head(120)
        text = _text(report(MY_SSI, connections=small, dest=tmp_path / "b.html"))
        assert ssi_kit.describe_pyramid(ssi_kit.pyramid(len(small))) in text

    def test_network_summary_and_introducers(self, tmp_path, connections):
        """With an export: its summary, its top company, and names of contacts who could introduce you."""
        text = _text(report(MY_SSI, connections=connections, dest=tmp_path / "plan.html"))
        summary = ssi_kit.network_summary(connections)
        assert "Tu red y quién puede presentarte" in text
        assert summary.top_companies["company"].iloc[0] in text
        top = summary.top_companies["company"].iloc[0]
        someone = connections[connections["company"] == top].iloc[0]
        assert str(someone["first_name"]) in text

    def test_learner_data_escaped(self, tmp_path, connections):
        """Names and companies typed with HTML are shown as text, never run as markup."""
        evil = connections.head(30).copy()
        evil["company"] = "<script>alert('x')</script> & Co"
        evil.loc[evil.index[0], ["first_name", "position"]] = ["<img src=x onerror=alert(1)>", "CEO"]
        text = _text(report(MY_SSI, connections=evil, dest=tmp_path / "plan.html"))
        assert "<script>alert" not in text and "<img src=x" not in text
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; Co" in text
        assert "&lt;img src=x onerror=alert(1)&gt;" in text

    def test_profile_adds_industry_and_network(self, tmp_path):
        """A profile from LinkedIn's JSON adds the industry and network averages."""
        profile = ssi_kit.load_dataset("ssi_ejemplo")
        text = _text(report(profile, dest=tmp_path / "plan.html"))
        assert "SSI medio de tu sector" in text

    def test_inputs_never_modified(self, tmp_path, connections):
        """The export table is read, never changed."""
        before = connections.copy()
        report(MY_SSI, connections=connections, dest=tmp_path / "plan.html")
        assert connections.equals(before) and list(connections.columns) == list(before.columns)


class TestWriting:
    def test_existing_file_kept_without_overwrite(self, tmp_path):
        """An existing file is not replaced unless overwrite=True."""
        out = tmp_path / "plan.html"
        out.write_text("mío", encoding="utf-8")
        with pytest.raises(SSIInputError, match="Ya existe"):
            report(MY_SSI, dest=out)
        assert out.read_text(encoding="utf-8") == "mío"
        report(MY_SSI, dest=out, overwrite=True)
        assert "Tu SSI hoy" in _text(out)

    def test_no_temporary_file_left(self, tmp_path):
        """Written atomically: only the final file remains in the folder."""
        report(MY_SSI, dest=tmp_path / "plan.html")
        assert sorted(p.name for p in tmp_path.iterdir() if p.name != "home") == ["plan.html"]

    def test_failure_midway_keeps_the_old_file(self, tmp_path, monkeypatch):
        """A crash while renaming leaves the previous file whole and no temporary file behind."""
        out = tmp_path / "plan.html"
        out.write_text("anterior", encoding="utf-8")

        def broken(*args, **kwargs):
            raise OSError(5, "I/O error")

        monkeypatch.setattr(os, "replace", broken)
        with pytest.raises(SSIInputError, match="No pude guardar"):
            report(MY_SSI, dest=out, overwrite=True)
        assert out.read_text(encoding="utf-8") == "anterior"
        assert sorted(p.name for p in tmp_path.iterdir() if p.name != "home") == ["plan.html"]

    @pytest.mark.parametrize("dest", ["plan.txt", "", "   "])
    def test_bad_names(self, tmp_path, dest):
        """A name without .html, or empty, is refused with a message naming «dest»."""
        with pytest.raises(SSIInputError, match="«dest»"):
            report(MY_SSI, dest=str(tmp_path / dest) if dest.strip() else dest)

    def test_folder_or_missing_folder(self, tmp_path):
        """A folder, or a file in a folder that does not exist, gets a clear message."""
        folder = tmp_path / "carpeta.html"
        folder.mkdir()
        with pytest.raises(SSIInputError, match="es una carpeta"):
            report(MY_SSI, dest=folder)
        with pytest.raises(SSIInputError, match="No existe la carpeta"):
            report(MY_SSI, dest=tmp_path / "no" / "plan.html")

    @pytest.mark.parametrize("dest", [3, None, ["plan.html"]])
    def test_dest_of_wrong_type(self, dest):
        """A dest that is not a path is an SSITypeError with an example."""
        with pytest.raises(SSITypeError, match="«dest»"):
            report(MY_SSI, dest=dest)  # type: ignore[arg-type]


class TestArguments:
    def test_bad_ssi(self, tmp_path):
        """Something that is not an SSI is refused before anything is written."""
        with pytest.raises(SSITypeError, match="profile_or_ssi"):
            report(42, dest=tmp_path / "plan.html")  # type: ignore[arg-type]
        assert not (tmp_path / "plan.html").exists()

    def test_ssi_as_text(self, tmp_path):
        """The SSI can be typed as a learner writes it."""
        text = _text(report("12,5; 8; 5,25; 10", dest=tmp_path / "plan.html"))
        assert f"{MY_SSI.rounded_total} de 100" in text

    def test_unknown_action(self, tmp_path):
        """An unknown action id gives the catalog's error, and no file."""
        with pytest.raises(SSIInputError):
            report(MY_SSI, actions=["no_existe"], dest=tmp_path / "plan.html")
        assert not (tmp_path / "plan.html").exists()

    @pytest.mark.parametrize("plan", [3, 2.5, object()])
    def test_plan_of_wrong_type(self, tmp_path, plan):
        """A plan that is neither a BestPlan nor a list of ids is an SSITypeError."""
        with pytest.raises(SSITypeError, match="«actions»"):
            report(MY_SSI, actions=plan, dest=tmp_path / "plan.html")

    def test_connections_of_wrong_type(self, tmp_path):
        """Connections must be read_connections' table."""
        with pytest.raises(SSITypeError, match="«connections»"):
            report(MY_SSI, connections="Connections.csv", dest=tmp_path / "plan.html")  # type: ignore[arg-type]

    def test_overwrite_must_be_a_flag(self, tmp_path):
        """overwrite is True or False, nothing else."""
        with pytest.raises(SSITypeError, match="overwrite"):
            report(MY_SSI, dest=tmp_path / "plan.html", overwrite="sí")  # type: ignore[arg-type]


def test_top_level_name():
    """ssi_kit.report is the function, whatever was imported before."""
    import ssi_kit.personal_plan

    assert ssi_kit.report is ssi_kit.personal_plan.report
