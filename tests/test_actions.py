"""Tests of the action catalog: reading it, its one set of rules, resolving ids into a plan."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ssi_kit
from ssi_kit import SSI, SSIInputError, SSITypeError
from ssi_kit._catalog import as_catalog, resolve_plan
from ssi_kit.actions import MINUTES_PER_WEEK, load_actions, plan_minutes
from ssi_kit.simulation import best_plan, simulate
from ssi_kit.widgets import simulator

from .strategies import any_values

PILLARS = list(ssi_kit.PILLARS)
HEADER = "id,pillar,label_es,label_en,minutes,effect\n"
START = SSI(6, 6, 5, 8)


@pytest.fixture
def write_csv(tmp_path: Path):
    def write(body: str, header: str = HEADER, name: str = "acciones.csv") -> Path:
        path = tmp_path / name
        path.write_text(header + body, encoding="utf-8")
        return path

    return write


def small_catalog(**changes) -> pd.DataFrame:
    frame = pd.DataFrame({"id": ["a", "b"], "pillar": ["brand", "people"], "minutes": [10, 20], "effect": [1.0, 1.0]})
    return frame.assign(**changes)


class TestLoadActions:
    def test_course_catalog_is_valid_and_covers_every_pillar(self):
        """The shipped catalog loads, has unique ids and several actions for each pillar."""
        actions = load_actions()
        assert actions.id.is_unique
        assert set(actions.pillar) == set(PILLARS)
        assert actions.groupby("pillar").size().min() >= 3
        assert (actions.minutes > 0).all() and (actions.effect > 0).all()

    def test_course_catalog_names_the_actions_of_the_course(self):
        """Every action the course lists per pillar is in the catalog."""
        ids = set(load_actions().id)
        course = {
            "perfil_completo", "muestras_trabajo", "recomendaciones", "publicar", "busqueda_avanzada",
            "presentaciones", "visitas_perfil", "grupos", "compartir_contenido", "uso_diario", "debates",
            "responder_mensajes", "tomadores_decision", "desvirtualizar",
        }
        assert course <= ids

    def test_sources_point_to_course_texts(self):
        """Each action says which course text it comes from."""
        assert load_actions().source.str.contains("que_es_el_ssi").all()

    def test_sources_separate_the_course_from_estimates(self):
        """Each row says what comes from the course (action, pillar) and what is ssi-kit's estimate."""
        sources = load_actions().source
        assert sources.str.contains("curso").all() and sources.str.contains("estimación de ssi-kit").all()

    def test_kinds(self):
        """Completing the profile and adding work samples are one-off; the rest are weekly habits."""
        kinds = load_actions().set_index("id").kind
        assert set(kinds[kinds == "once"].index) == {"perfil_completo", "muestras_trabajo"}
        assert set(kinds) == {"weekly", "once"}

    def test_labels_follow_the_language(self):
        """`label` is Spanish by default and English after set_language('en')."""
        spanish = load_actions()
        ssi_kit.set_language("en")
        english = load_actions()
        assert (spanish.label == spanish.label_es).all()
        assert (english.label == english.label_en).all()
        assert not (english.label == spanish.label).all()

    def test_is_the_acciones_dataset(self):
        """load_dataset('acciones') gives the same catalog."""
        pd.testing.assert_frame_equal(ssi_kit.load_dataset("acciones"), load_actions())

    def test_reached_from_ssi_kit_and_defined_once(self):
        """Lessons reach load_actions and plan_minutes as ssi_kit.x; they live in ssi_kit.actions only."""
        from ssi_kit import simulation

        assert ssi_kit.load_actions is load_actions and ssi_kit.plan_minutes is plan_minutes
        assert not hasattr(simulation, "load_actions") and not hasattr(simulation, "plan_minutes")

    def test_returns_a_copy(self):
        """Changing the returned frame does not change the next load (the cache is safe)."""
        actions = load_actions()
        actions.loc[0, "effect"] = 9.0
        assert load_actions().loc[0, "effect"] != 9.0

    def test_reports_every_bad_row_with_its_line(self, write_csv):
        """Unknown pillar, negative effort and missing label are all reported, by line number."""
        path = write_csv(
            "ok,brand,Bien,Good,10,0.5\n"
            "a,marketing,Uno,One,10,0.5\n"
            "b,people,Dos,Two,-5,0.5\n"
            "c,insights,,Three,10,0.5\n"
        )
        with pytest.raises(SSIInputError, match="3 problemas") as info:
            load_actions(path)
        message = str(info.value)
        assert "línea 3" in message and "'marketing'" in message
        assert "línea 4" in message and "'-5'" in message
        assert "línea 5" in message and "label_es" in message
        assert "línea 2" not in message

    def test_line_is_the_one_a_text_editor_shows(self, write_csv):
        """Blank lines and a description spanning two lines count: the bad row is named by its physical line."""
        path = write_csv('\nok,brand,"Bien,\ncon salto",Good,10,0.5\n\nmal,marketing,Uno,One,10,0.5\n')
        with pytest.raises(SSIInputError, match="línea 6: pilar desconocido 'marketing'"):
            load_actions(path)

    def test_names_the_file_as_given(self, write_csv, monkeypatch, tmp_path):
        """Messages name the file as the learner wrote it, lower case after «del», never «de el»."""
        write_csv("a,marketing,Uno,One,10,0.5\n", name="mis_acciones.csv")
        monkeypatch.chdir(tmp_path)
        with pytest.raises(SSIInputError) as info:
            load_actions("mis_acciones.csv")
        message = str(info.value)
        assert message.startswith("El catálogo del archivo «mis_acciones.csv» tiene 1 problema")
        assert "de el" not in message and str(tmp_path) not in message

    def test_rejects_repeated_ids(self, write_csv):
        """A repeated id names the line where it first appeared."""
        path = write_csv("x,brand,A,A,10,0.5\nx,people,B,B,10,0.5\n")
        with pytest.raises(SSIInputError, match=r"línea 3.*ya está en la línea 2"):
            load_actions(path)

    def test_rejects_effect_out_of_range(self, write_csv):
        """An effect above 10 points per week (or not a number) is a bad row."""
        path = write_csv("x,brand,A,A,10,30\ny,brand,B,B,10,mucho\n")
        with pytest.raises(SSIInputError, match=r"2 problemas:\n.*«effect» debe estar entre 0 y 10"):
            load_actions(path)

    def test_rejects_fractional_or_zero_minutes(self, write_csv):
        """Minutes must be whole and above 0."""
        path = write_csv("x,brand,A,A,0,0.5\ny,brand,B,B,7.5,0.5\n")
        with pytest.raises(SSIInputError, match="2 problemas"):
            load_actions(path)

    def test_accepts_spanish_pillar_labels_and_decimal_commas(self, write_csv):
        """Teachers may write «marca» and "0,5"; optional columns may be left out."""
        path = write_csv('x,marca,A,,10,"0,5"\n')
        actions = load_actions(path)
        assert actions.pillar.tolist() == ["brand"]
        assert actions.effect.tolist() == [0.5]
        assert actions.label_en.tolist() == ["A"]

    def test_kind_column_in_spanish_or_english(self, write_csv):
        """«kind» may be written once/weekly or «una vez»/«semanal»; empty or absent means weekly."""
        path = write_csv('a,marca,A,120,5,una vez\nb,marca,B,10,0.5,semanal\nc,marca,C,10,0.5,\n',
                         header="id,pillar,label_es,minutes,effect,kind\n")
        assert load_actions(path).kind.tolist() == ["once", "weekly", "weekly"]
        assert load_actions('id,pillar,label_es,minutes,effect\nx,marca,X,10,0.5\n').kind.tolist() == ["weekly"]

    def test_unknown_kind_is_listed(self, write_csv):
        """A kind that is neither once nor weekly is named with its line."""
        path = write_csv("a,marca,A,120,5,a veces\n", header="id,pillar,label_es,minutes,effect,kind\n")
        with pytest.raises(SSIInputError, match=r"línea 2: «kind» debe ser «weekly» \(semanal\) u «once»"):
            load_actions(path)

    def test_actions_for_a_pillar(self):
        """actions_for gives one pillar's actions, named in Spanish or English, with the kind in Spanish."""
        from ssi_kit.actions import actions_for

        table = actions_for("marca")
        catalog = load_actions()
        assert table.id.tolist() == catalog[catalog.pillar == "brand"].id.tolist()
        assert actions_for("brand").equals(table)
        assert set(table.kind) == {"una vez", "semanal"}
        with pytest.raises(SSIInputError, match="«pilar» debe ser uno de"):
            actions_for("ventas")

    def test_semicolons_of_a_spanish_spreadsheet(self, write_csv):
        """A CSV saved by a Spanish Excel (separated by «;», decimal comma) reads the same."""
        path = write_csv("x;marca;A;10;0,5\n", header="id;pillar;label_es;minutes;effect\n")
        assert load_actions(path).effect.tolist() == [0.5]

    def test_pasted_text_and_encodings(self, tmp_path):
        """The CSV's text pasted as a string works, and so do UTF-16 and Windows-1252 files."""
        text = "id,pillar,label_es,minutes,effect\nx,información,Compartir,20,0.6\n"
        assert load_actions(text).label.tolist() == ["Compartir"]
        for encoding in ("utf-16", "cp1252", "utf-8-sig"):
            path = tmp_path / f"{encoding}.csv"
            path.write_bytes(text.encode(encoding))
            assert load_actions(path).pillar.tolist() == ["insights"]

    def test_missing_columns(self, write_csv):
        """A CSV without the required columns lists what is missing."""
        path = write_csv("x,brand\n", header="id,pillar\n")
        with pytest.raises(SSIInputError, match="no tiene las columnas: label_es, minutes, effect"):
            load_actions(path)

    def test_repeated_columns(self, write_csv):
        """Two columns with one name are refused, not silently renamed."""
        with pytest.raises(SSIInputError, match="columnas repetidas: minutes"):
            load_actions(write_csv("x,brand,A,10,0.5,20\n", header="id,pillar,label_es,minutes,effect,Minutes\n"))

    def test_empty_catalog(self, write_csv):
        """A catalog with a header and no rows is rejected."""
        with pytest.raises(SSIInputError, match="no tiene ninguna acción"):
            load_actions(write_csv(""))

    @pytest.mark.parametrize("content", ["", "\n\n  \n"])
    def test_empty_file(self, tmp_path, content):
        """An empty file (or only blank lines) says so."""
        path = tmp_path / "vacio.csv"
        path.write_text(content)
        with pytest.raises(SSIInputError, match=r"El archivo «.*vacio.csv» está vacío"):
            load_actions(path)

    def test_ragged_row(self, write_csv):
        """A row with more values than the header (an unquoted decimal comma) is named by line."""
        with pytest.raises(SSIInputError, match="línea 2: tiene 7 valores y la cabecera 6") as info:
            load_actions(write_csv("x,brand,A,A,10,0,5\n"))
        assert "0.5" in info.value.hint

    def test_short_row(self, write_csv):
        """A row with fewer values than the header is a malformed row too."""
        with pytest.raises(SSIInputError, match="línea 3: tiene 4 valores"):
            load_actions(write_csv("x,brand,A,A,10,0.5\ny,brand,B,B\n"))

    def test_unclosed_quote(self, write_csv):
        """A quote never closed gets the shared reader's message with the line, not the CSV parser's."""
        with pytest.raises(SSIInputError, match=r"comilla sin cerrar.*en la línea 2"):
            load_actions(write_csv('x,brand,"A,A,10,0.5\ny,brand,B,B,10,0.5\n'))

    def test_text_after_a_closing_quote_is_kept(self, write_csv):
        """Text right after a closing quote is read as spreadsheets read it (one field), not refused."""
        catalog = load_actions(write_csv('x,brand,"A"B,A,10,0.5\n'))
        assert catalog["id"].tolist() == ["x"] and catalog["label_es"].tolist() == ["AB"]

    def test_missing_file(self, tmp_path):
        """A path that does not exist gets the shared «not found» message."""
        with pytest.raises(SSIInputError, match=r"No encuentro el archivo «.*nada.csv»"):
            load_actions(tmp_path / "nada.csv")

    @pytest.mark.parametrize("value", [42, 2.5, ["a.csv"], pd.DataFrame()])
    def test_wrong_type(self, value):
        """Something that is not a path or text is a type error."""
        with pytest.raises(SSITypeError, match="espera la ruta de un CSV"):
            load_actions(value)

    def test_long_list_of_problems_is_cut(self, write_csv):
        """A file with many bad rows lists the first twenty and says how many more."""
        path = write_csv("".join(f"a{i},marketing,A,A,10,0.5\n" for i in range(25)))
        with pytest.raises(SSIInputError, match="25 problemas") as info:
            load_actions(path)
        assert "… y 5 más." in str(info.value) and "línea 26" not in str(info.value)

    def test_messages_in_english(self, write_csv):
        """Errors follow the current language."""
        ssi_kit.set_language("en")
        with pytest.raises(SSIInputError, match="line 2: unknown pillar"):
            load_actions(write_csv("a,marketing,Uno,One,10,0.5\n"))


class TestCatalogRules:
    """One set of rules, whether the catalog comes from a file or a DataFrame (catalog= or actions=)."""

    def test_text_minutes_in_an_actions_table(self):
        """An actions table with minutes "20 min" gets our message, naming the row, not numpy's."""
        rows = load_actions().query("id == 'publicar'").assign(minutes="20 min")
        with pytest.raises(SSIInputError, match=r"fila 3: «minutes» debe ser un número entero .*'20 min'"):
            simulate(START, rows)

    def test_missing_pillar_after_convert_dtypes(self):
        """A catalog with nullable dtypes and a pd.NA pillar says the pillar is missing."""
        catalog = load_actions().convert_dtypes()
        catalog.loc[2, "pillar"] = pd.NA
        with pytest.raises(SSIInputError, match="fila 2: falta el pilar"):
            simulate(START, ["publicar"], catalog=catalog)

    def test_nullable_dtypes_are_fine(self):
        """A valid catalog after convert_dtypes() projects exactly like the original."""
        catalog = load_actions()
        pd.testing.assert_frame_equal(
            simulate(START, ["publicar"], catalog=catalog.convert_dtypes()), simulate(START, ["publicar"]))

    def test_every_bad_row_of_a_table_is_reported(self):
        """All bad rows of a DataFrame catalog are listed, by their index label."""
        catalog = small_catalog(effect=[30.0, -1.0], pillar=["brand", "ventas"])
        with pytest.raises(SSIInputError, match="3 problemas") as info:
            as_catalog(catalog)
        message = str(info.value)
        assert "fila 0: «effect»" in message and "fila 1: pilar desconocido 'ventas'" in message

    def test_repeated_id_in_a_table(self):
        """A repeated id in a DataFrame is refused like in a file."""
        with pytest.raises(SSIInputError, match="fila 1: el id 'a' ya está en la fila 0"):
            as_catalog(small_catalog(id=["a", "a"]))

    def test_missing_and_repeated_columns_in_a_table(self):
        """Missing columns are named; two columns with one name are refused."""
        with pytest.raises(SSIInputError, match="no tiene las columnas: pillar, minutes, effect"):
            simulate(START, pd.DataFrame({"id": ["x"]}))
        doubled = pd.concat([small_catalog(), small_catalog()[["minutes"]]], axis=1)
        with pytest.raises(SSIInputError, match="columnas repetidas: minutes"):
            as_catalog(doubled)

    @pytest.mark.parametrize("minutes", [7.5, 0, -3, "diez", MINUTES_PER_WEEK + 1, 10**400, float("nan"), True])
    def test_simulator_and_best_plan_accept_the_same_minutes(self, minutes):
        """Whole minutes above 0 per action: simulate, best_plan and the simulator refuse the same values."""
        catalog = small_catalog(minutes=[minutes, 20]).astype({"minutes": object})
        for call in (
            lambda: simulate(START, ["a"], catalog=catalog),
            lambda: best_plan(START, 60, catalog=catalog),
            lambda: simulator(START, catalog=catalog),
        ):
            with pytest.raises(SSIInputError, match="fila 0: «minutes» debe ser un número entero de minutos"):
                call()

    def test_whole_minutes_as_floats_or_text_are_fine(self):
        """20.0 and "20" are whole minutes, in a table as in a file."""
        assert as_catalog(small_catalog(minutes=[20.0, "20"])).minutes.tolist() == [20, 20]

    def test_labels_default_to_the_id(self):
        """A small table without labels gets the id as its label in both languages."""
        catalog = as_catalog(small_catalog())
        assert catalog.label.tolist() == ["a", "b"] and catalog.label_en.tolist() == ["a", "b"]
        assert list(catalog.columns) == list(load_actions().columns)

    def test_catalog_as_pasted_text(self):
        """catalog= takes a CSV's text too."""
        text = "id,pillar,label_es,minutes,effect\nx,brand,Publicar,30,0.75\n"
        assert plan_minutes(["x"], catalog=text) == 30

    @pytest.mark.parametrize("catalog", [3, ["publicar"], {"id": "x"}])
    def test_catalog_of_wrong_type(self, catalog):
        """A catalog that is not a table, a path or text is a type error."""
        with pytest.raises(SSITypeError, match="«catalog» debe ser un DataFrame"):
            simulate(START, ["publicar"], catalog=catalog)

    @given(st.lists(st.tuples(any_values, any_values, any_values, any_values), min_size=1, max_size=4))
    def test_any_table_gets_our_errors_only(self, rows):
        """Whatever the cells hold, checking a catalog raises only SSIInputError/SSITypeError."""
        frame = pd.DataFrame(rows, columns=["id", "pillar", "minutes", "effect"], dtype=object)
        try:
            as_catalog(frame)
        except (SSIInputError, SSITypeError):
            pass


class TestResolvePlan:
    def test_ids_rows_and_single_id_are_the_same_plan(self):
        """A list of ids, the matching catalog rows and a single id string give the same plan."""
        catalog = load_actions()
        by_ids = resolve_plan(["publicar"])
        for other in (resolve_plan(catalog[catalog.id == "publicar"]), resolve_plan("publicar")):
            assert other.ids == by_ids.ids and other.minutes.tolist() == by_ids.minutes.tolist()
            assert other.rate.tolist() == by_ids.rate.tolist()

    def test_repeated_ids_count_once_in_order(self):
        """Listing an action twice keeps it once, in the order first given."""
        assert resolve_plan(["grupos", "publicar", "grupos"]).ids == ("grupos", "publicar")

    def test_unknown_action_suggests_a_close_id(self):
        """A typo in an id says which ids exist and suggests the closest."""
        with pytest.raises(SSIInputError, match=r"'publicr'.*¿Querías decir 'publicar'"):
            resolve_plan(["publicr"])

    @pytest.mark.parametrize("item", [3, None, 10**5000, ["publicar"]], ids=["int", "None", "huge", "list"])
    def test_ids_that_are_not_text(self, item):
        """A number (even a huge one) or a list among the ids gets our message."""
        with pytest.raises(SSIInputError, match="No hay ninguna acción con id"):
            resolve_plan(["publicar", item])

    @pytest.mark.parametrize("actions", [3, {"publicar": 1}, np.array("publicar"), b"publicar"])
    def test_actions_of_wrong_type(self, actions):
        """A number, a dict, a 0-d array or bytes where the list of actions goes is a type error."""
        with pytest.raises(SSITypeError, match="«actions» debe ser una lista de ids"):
            resolve_plan(actions)

    def test_empty_table_of_actions_is_no_action(self):
        """Filtering the catalog down to no row means doing nothing."""
        catalog = load_actions()
        assert resolve_plan(catalog[catalog.pillar == "nada"]).ids == ()


class TestPlanMinutes:
    def test_sums_the_weekly_effort(self):
        """The minutes of a plan are the sum of its actions' minutes."""
        catalog = load_actions().set_index("id")
        assert plan_minutes(["publicar", "grupos"]) == catalog.minutes["publicar"] + catalog.minutes["grupos"]
        assert plan_minutes([]) == 0 and plan_minutes(None) == 0
