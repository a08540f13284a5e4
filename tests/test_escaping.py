"""Text from a file, a contact or a learner reaches every page as text: never markup, Markdown or maths.

One test per place that turns data into HTML, Markdown or a plotly label. Pages are read with
Python's HTML parser (as a browser tokenises them) and Markdown with mistune (what Voilà's
templates use); the real renderers are driven in ``tests/browser/test_hostile_data.py``.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pandas as pd
import pytest

import ssi_kit
from ssi_kit import classroom, plans, relationships, show_table
from ssi_kit._html import NO_MATH, escape, literal, literal_block, paragraph
from ssi_kit.exercises import Outcome, Question, lesson02
from ssi_kit.plots import safe_text

PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "&lt;b&gt; already escaped",
    "$x^2$ {{ ssi }} \\(y\\)",
    "*x* [a](javascript:alert(1)) `c`",
]
HOSTILE = " ".join(PAYLOADS)


class _Page(HTMLParser):
    """The elements, attributes and text a browser would make of an HTML fragment."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[str] = []
        self.classes: list[str] = []
        self.parts: list[str] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += [name for name, _ in attrs]
        self.classes += [value or "" for name, value in attrs if name == "class"]

    def handle_data(self, data):
        self.parts.append(data)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _assert_inert(markup: str, shown: str, *, allowed: set[str]) -> _Page:
    """``markup`` holds only ``allowed`` elements, no event handler, ``shown`` as text, maths switched off."""
    page = _Page(markup)
    assert set(page.tags) <= allowed
    assert not [a for a in page.attributes if a.startswith("on")]
    assert shown in page.text
    assert any(NO_MATH in c for c in page.classes)
    return page


def _markdown(source: str) -> str:
    mistune = pytest.importorskip("mistune")
    return mistune.create_markdown(escape=False, plugins=["strikethrough", "table", "url"])(source)


_TABLE_TAGS = {"style", "table", "thead", "tbody", "tr", "th", "td"}


class TestHtmlHelpers:
    def test_literal_reads_the_same_in_html_and_markdown(self):
        """literal() text shows as typed whether the page reads it as HTML or as Markdown."""
        for payload in PAYLOADS:
            assert _Page(literal(payload)).text == payload
            assert _Page(_markdown(literal_block(payload))).text.strip() == payload

    def test_escape_and_paragraph(self):
        """escape() is safe in an attribute; paragraph() is escaped and skipped by MathJax."""
        assert escape('"><svg>') == "&quot;&gt;&lt;svg&gt;"
        _assert_inert(paragraph(HOSTILE), HOSTILE, allowed={"div", "p"})


class TestShowTable:
    @pytest.mark.parametrize("payload", PAYLOADS)
    def test_every_text_cell_is_text(self, payload):
        """A payload in any text column of a connections table shows as typed; nothing becomes an element."""
        frame = pd.DataFrame({c: [payload] for c in ("first_name", "last_name", "url", "email", "company",
                                                     "position")} | {"year": [payload]})
        page = _assert_inert(show_table(frame).to_html(), payload, allowed=_TABLE_TAGS)
        assert page.text.count(payload) == 7

    def test_headers_are_text(self):
        """Column names and the headers passed in ``columns`` show as typed."""
        frame = pd.DataFrame({HOSTILE: [1], "respuestas": [2]})
        page = _assert_inert(show_table(frame, columns={"respuestas": "<b>R</b> $x$"}).to_html(), HOSTILE,
                             allowed=_TABLE_TAGS)
        assert "<b>R</b> $x$" in page.text

    def test_multiindex_headers_are_text(self):
        """Every level of a pivot table's headers shows as typed."""
        frame = pd.DataFrame({"company": ["a"], "position": [HOSTILE], "n": [1]}).pivot_table(
            index="company", columns="position", values="n", aggfunc="sum")
        _assert_inert(show_table(frame).to_html(), HOSTILE, allowed=_TABLE_TAGS)

    def test_formatting_is_kept(self):
        """Escaping keeps the course's formatting: decimal commas, «—» for missing, dd/mm/yyyy."""
        frame = pd.DataFrame({"score": [12.5, None], "connected_on": [pd.Timestamp("2024-03-15"), pd.NaT],
                              "company": ["A & B", None]})
        text = _Page(show_table(frame).to_html()).text
        assert "12,5" in text and "—" in text and "15/03/2024" in text and "A & B" in text


class TestReprs:
    def test_network_summary(self):
        """The summary of a network names its top company as text."""
        contacts = pd.DataFrame({"first_name": ["Ana"], "last_name": ["Ruiz"], "company": [HOSTILE],
                                 "position": ["CEO"], "connected_on": [pd.Timestamp("2024-01-01")]})
        _assert_inert(ssi_kit.network_summary(contacts)._repr_html_(), HOSTILE, allowed={"div", "p"})

    def test_responsiveness(self):
        """The responsiveness sentence is a paragraph MathJax skips."""
        result = ssi_kit.responsiveness_from_counts(20, 15)
        _assert_inert(result._repr_html_(), result.describe(), allowed={"div", "p"})

    def test_saved_plan_name(self, tmp_path):
        """A plan's name is the learner's text: its Markdown shows it as typed."""
        plan = plans.save_plan(["publicar"], start="2025-01-06", ssi=ssi_kit.SSI(6, 6, 5, 8), name=HOSTILE,
                               path=tmp_path / "planes.sqlite")
        _assert_inert(_markdown(plan._repr_markdown_()), HOSTILE, allowed={"p", "span"})

    def test_best_plan_ids(self):
        """Action ids from a catalog file show as typed in the best plan's Markdown."""
        catalog = pd.DataFrame({"id": ["<b>x</b>_$y$"], "pillar": ["brand"], "minutes": [10], "effect": [0.5]})
        best = ssi_kit.best_plan(ssi_kit.SSI(6, 6, 5, 8), 60, catalog=catalog)
        _assert_inert(_markdown(best._repr_markdown_()), "<b>x</b>_$y$", allowed={"p", "span"})

    def test_class_summary(self):
        """The class's one-line summary is literal text MathJax skips."""
        clase = classroom.read_class("alias;marca;personas;informacion;relaciones\nana;12;8;5;10\n")
        _assert_inert(_markdown(clase._repr_markdown_()), clase.summary(), allowed={"p", "span"})


class TestExerciseFeedback:
    def test_verdict_quoting_the_answer(self):
        """A verdict that quotes the learner's answer shows it as typed: no element, link, emphasis or maths."""
        answer = "<img src=x onerror=alert(1)> $x$ *y*"  # short: the verdict quotes 40 characters
        outcome = lesson02.q1.check([answer])
        assert outcome.status == "incorrect" and answer in outcome.message
        _assert_inert(_markdown(outcome._repr_markdown_()), answer, allowed={"p", "span", "b"})

    def test_hint_keeps_its_code(self):
        """A hint's `code` still shows as code, its other text literal."""
        markup = _markdown(Outcome("hint", "Run `ssi_kit.x(1)` now, *not* $later$.")._repr_markdown_())
        page = _assert_inert(markup, "Run ssi_kit.x(1) now, *not* $later$.", allowed={"p", "span", "b", "code"})
        assert page.tags.count("code") == 1

    def test_quiz_verdict_widget(self):
        """The quiz's verdict (an HTML widget) shows a question's explanation as text."""
        from ssi_kit.widgets import quiz

        question = Question("¿?", "?", ("a", "b"), ("a", "b"), 0, HOSTILE, HOSTILE,
                            wrong_es=("", HOSTILE), wrong_en=("", HOSTILE))
        widget = quiz([question])
        for index in (question.answer, 1 - question.answer):  # the explanation, then a wrong option's message
            widget.choices[0].index = index
            widget.check()
            _assert_inert(widget.verdicts[0].value, HOSTILE, allowed={"span", "b"})


class TestWidgets:
    def test_tracker_table_and_message(self, tmp_path, monkeypatch):
        """The tracker's table shows a hostile name and next step as text."""
        from ssi_kit.widgets import relationship_tracker

        monkeypatch.setenv("SSI_KIT_HOME", str(tmp_path))
        widget = relationship_tracker()
        widget.name.value, widget.next_step.value = "<img src=x onerror=alert(1)>", HOSTILE
        widget.add()
        page = _Page(widget.table.value)
        assert set(page.tags) <= {"b", "table", "thead", "tbody", "tr", "th", "td"}
        assert "<img src=x onerror=alert(1)>" in page.text and HOSTILE in page.text
        assert "img" not in _Page(widget.message.value).tags

    def test_action_labels_with_maths_stay_text(self):
        """A catalog label with «$» becomes escaped HTML MathJax skips; a plain label stays plain text."""
        from ssi_kit.widgets import simulator

        catalog = pd.DataFrame({"id": ["a", "b"], "pillar": ["brand", "brand"], "minutes": [10, 10],
                                "effect": [0.5, 0.5], "label": ["$\\href{javascript:alert(1)}{x}$ <b>", "Plain"]})
        widget = simulator(ssi_kit.SSI(6, 6, 5, 8), catalog=catalog)
        maths, plain = widget.checkboxes["a"], widget.checkboxes["b"]
        assert maths.description_allow_html
        _assert_inert(maths.description, "$\\href{javascript:alert(1)}{x}$ <b>", allowed={"span"})
        assert not plain.description_allow_html and plain.description.startswith("Plain (")


def _strings(fig) -> str:
    """Every string of a figure, as JSON without plotly's own escaping."""
    return json.dumps(fig.to_plotly_json(), default=str, ensure_ascii=False)


_PLOT_PAYLOAD = "<img src=x onerror=alert(1)> $x$ %{y}"


class TestPlots:
    def test_safe_text(self):
        """safe_text leaves plotly no tag, no hover-template field and no maths to read."""
        assert safe_text(_PLOT_PAYLOAD) == "&lt;img src=x onerror=alert(1)&gt; &#36;x&#36; &#37;{y}"
        assert safe_text("&lt;") == "&amp;lt;"

    def _assert_neutral(self, fig) -> None:
        strings = _strings(fig)
        assert "<img" not in strings and "$x$" not in strings and "%{y}" not in strings.replace("%{y}:", "")
        assert "&lt;img src=x onerror=alert(1)&gt; &#36;x&#36; &#37;{y}" in strings

    def test_top_companies_and_positions(self):
        """Companies and positions on the bars' axis are escaped."""
        contacts = pd.DataFrame({"first_name": ["A"], "last_name": ["B"], "company": [_PLOT_PAYLOAD],
                                 "position": [_PLOT_PAYLOAD], "connected_on": [pd.Timestamp("2024-01-01")]})
        self._assert_neutral(ssi_kit.plot_top_companies(contacts))
        self._assert_neutral(ssi_kit.plot_top_positions(contacts))

    def test_network_names(self):
        """People's names in the network drawing and its title are escaped."""
        graph = ssi_kit.read_network([("Yo", "Ana"), ("Ana", _PLOT_PAYLOAD)])
        self._assert_neutral(ssi_kit.plot_network(graph, "Yo", target=_PLOT_PAYLOAD))

    def test_class_aliases(self):
        """Students' aliases in the progress and leaderboard figures are escaped."""
        clase = classroom.read_class(
            "fecha;alias;marca;personas;informacion;relaciones\n"
            f"2025-03-01;{_PLOT_PAYLOAD};10;8;5;10\n2025-03-08;{_PLOT_PAYLOAD};11;8;5;10\n")
        panel = ssi_kit.plots.class_dashboard(clase, leaderboard=True)
        self._assert_neutral(panel["progress"])
        self._assert_neutral(panel["leaderboard"])

    def test_plan_names(self):
        """Names of compared plans (legend) are escaped."""
        self._assert_neutral(ssi_kit.plot_plans({_PLOT_PAYLOAD: ssi_kit.simulate(ssi_kit.SSI(6, 6, 5, 8), [])}))

    def test_funnel_labels(self):
        """Labels of a stage-count table passed to the funnel are escaped."""
        counts = relationships.stage_counts(relationships.new_tracker()).assign(label=_PLOT_PAYLOAD)
        self._assert_neutral(ssi_kit.plots.plot_funnel(counts))


class TestOfflinePages:
    def test_class_dashboard_page(self, tmp_path):
        """The exported dashboard holds no element made from an alias."""
        clase = classroom.read_class(
            "fecha;alias;marca;personas;informacion;relaciones\n"
            "2025-03-01;<script>alert(1)</script>;10;8;5;10\n2025-03-08;<script>alert(1)</script>;11;8;5;10\n")
        out = ssi_kit.plots.export_dashboard(ssi_kit.plots.class_dashboard(clase, leaderboard=True),
                                             tmp_path / "panel.html", title="<b>Mi clase</b>")
        page = out.read_text(encoding="utf-8")
        assert "<script>alert" not in page and "<b>Mi clase" not in page
