"""What a learner pastes or drops as their SSI: the page's text (Spanish and English), four numbers, the JSON."""

from __future__ import annotations

import json

import pytest

from ssi_kit import SSI, SSIInputError, SSIProfile, SSITypeError, data_path
from ssi_kit.linkedin_ssi import read_ssi_input, read_ssi_page

# Invented page texts, as "select all, copy" gives them (LinkedIn's wording may change).
PAGE_ES = """Sales Navigator
Inicio   Cuentas   Contactos potenciales
Social Selling Index
Tu Social Selling Index (SSI) actual
36
de 100
El Social Selling Index (SSI) mide tu eficacia a la hora de establecer tu marca profesional, encontrar a \
las personas adecuadas, interactuar ofreciendo información y construir relaciones. Se actualiza a diario.
Más información
Los cuatro componentes de tu puntuación
Establecer tu marca profesional
12,45
Encontrar a las personas adecuadas
8,3
Interactuar ofreciendo información
5,2
Construir relaciones
9,8
Posición en el SSI del sector
Top\u00a045\u00a0%
Las personas del sector Desarrollo de software tienen un SSI medio de 24.
Posición en el SSI de la red
Top 60 %
Las personas de tu red tienen un SSI medio de 30,5.
Ayuda   Privacidad y condiciones
"""

PAGE_EN = """Social Selling Index
Your current Social Selling Index
36
out of 100
Social Selling Index (SSI) measures how effective you are at establishing your professional brand, finding the \
right people, engaging with insights, and building relationships. It is updated daily. Learn more
The four components of your score
Establish your professional brand
12.45
Find the right people
8.3
Engage with insights
5.2
Build relationships
9.8
Industry SSI rank
Top 45%
People in the Network Security industry have an average SSI of 24.
Network SSI rank
Top 60%
People in your network have an average SSI of 30.5.
"""


class TestReadSsiPage:
    @pytest.mark.parametrize("page", [PAGE_ES, PAGE_EN], ids=["es", "en"])
    def test_reads_pillars_total_and_groups(self, page):
        """Both interfaces: four pillars, the industry's and network's averages with their «Top %»."""
        profile = read_ssi_page(page)
        assert profile.member == SSI(12.45, 8.3, 5.2, 9.8)
        assert (profile.industry.overall, profile.industry.top_percent) == (24, 45)
        assert (profile.network.overall, profile.network.top_percent) == (30.5, 60)

    def test_industry_named_network_is_still_the_industry(self):
        """«People in the Network Security industry…» is the industry: «your network» is what names the network."""
        assert read_ssi_page(PAGE_EN).industry.overall == 24

    def test_labels_and_numbers_on_one_line(self):
        """«Establish your professional brand 12.45» on one line, in any order, with a colon or not."""
        text = ("Build relationships: 9.8\nFind the right people 8.3 / 25\n"
                "Establish your professional brand12.45\nEngage with insights — 5.2\n")
        assert read_ssi_page(text).member == SSI(12.45, 8.3, 5.2, 9.8)

    def test_numbers_before_labels(self):
        """A page laid out the other way (number, then its label) is read too."""
        text = "12,45\nEstablecer tu marca profesional\n8,3\nEncontrar a las personas adecuadas\n5,2\n" \
               "Interactuar ofreciendo información\n9,8\nConstruir relaciones\nPosición en el SSI del sector\n"
        assert read_ssi_page(text).member == SSI(12.45, 8.3, 5.2, 9.8)

    def test_case_accents_and_windows_line_ends(self):
        """Upper case, missing accents and CRLF line ends do not matter."""
        text = "ESTABLECER TU MARCA PROFESIONAL\r\n12,5\r\nencontrar a las personas adecuadas\r\n8\r\n" \
               "Interactuar ofreciendo informacion\r\n5,25\r\nConstruir relaciones\r\n10\r\n"
        profile = read_ssi_page(text)
        assert profile.member.total == 35.75 and profile.industry is None and profile.network is None

    def test_a_rank_without_its_average_is_left_out(self):
        """«Top 45 %» alone cannot make the industry's score: no industry, no error."""
        text = PAGE_ES.split("Las personas del sector")[0]
        assert read_ssi_page(text).industry is None

    def test_total_must_match(self):
        """A total far from the pillars' sum (a page copied in part, or two pages pasted) is refused."""
        with pytest.raises(SSIInputError, match="no coincide con la suma"):
            read_ssi_page(PAGE_ES.replace("36\nde 100", "52\nde 100"))

    def test_missing_pillar_is_named(self):
        """Three pillars: the message names the one missing."""
        with pytest.raises(SSIInputError, match=r"3 de los 4.*Construir relaciones"):
            read_ssi_page(PAGE_ES.replace("Construir relaciones\n9,8", ""))

    def test_pillar_out_of_range(self):
        """A pillar above 25 is our error, naming the pillar."""
        with pytest.raises(SSIInputError, match="marca"):
            read_ssi_page(PAGE_EN.replace("12.45", "30").replace("\n36\n", "\n53\n"))

    def test_nothing_recognised_quotes_only_a_few_characters(self):
        """Text without the pillars: the message quotes at most its first 15 characters."""
        text = "Mi correo es ana.ruiz@example.com y mi teléfono es 600 111 222"
        with pytest.raises(SSIInputError) as caught:
            read_ssi_page(text)
        message = str(caught.value)
        assert "Mi correo es an…" in message and "example.com" not in message and "600" not in message

    def test_english_messages(self):
        """In English the messages are English."""
        import ssi_kit

        ssi_kit.set_language("en")
        with pytest.raises(SSIInputError, match="four pillars"):
            read_ssi_page("nothing here")

    def test_not_text(self):
        """A number is a type error."""
        with pytest.raises(SSITypeError):
            read_ssi_page(36)


class TestReadSsiInput:
    def test_page_text(self):
        """The page's text goes to the page reader."""
        assert read_ssi_input(PAGE_ES).network.overall == 30.5

    @pytest.mark.parametrize("typed", ["12,5; 8; 5,25; 10", " 12.5 8 5.25 10 ", "12.5, 8, 5.25, 10"])
    def test_four_numbers(self, typed):
        """The four pillars typed, as SSI.parse reads them."""
        profile = read_ssi_input(typed)
        assert profile.member.total == 35.75 and profile.industry is None

    def test_json_text_bytes_and_upload(self):
        """The page's JSON pasted, as bytes (with a BOM), as a dict, or dropped in a FileUpload."""
        raw = data_path("ssi_ejemplo.json").read_bytes()
        expected = read_ssi_input(json.loads(raw))
        assert read_ssi_input(raw.decode()) == expected
        assert read_ssi_input(b"\xef\xbb\xbf" + raw) == expected
        upload = ({"name": "ssi.json", "type": "application/json", "size": len(raw), "content": memoryview(raw),
                   "last_modified": 0},)
        assert read_ssi_input(upload) == expected
        assert read_ssi_input(upload[0]) == expected
        assert read_ssi_input(str(data_path("ssi_ejemplo.json"))) == expected

    def test_page_text_uploaded_as_utf16(self):
        """A text file saved by Notepad in UTF-16 is decoded."""
        assert read_ssi_input(PAGE_EN.encode("utf-16")).member.brand == 12.45

    def test_ssi_objects_pass_through(self):
        """An SSI becomes a profile; a profile comes back as it is."""
        ssi = SSI(1, 2, 3, 4)
        assert read_ssi_input(ssi) == SSIProfile(member=ssi)
        profile = SSIProfile(member=ssi)
        assert read_ssi_input(profile) is profile

    @pytest.mark.parametrize("bad", ["", "   \n ", "12; 8; 5", "hola", "{", "9" * 5000])
    def test_nothing_usable_is_our_error(self, bad):
        """Empty, three numbers, words, broken JSON, a flood of digits: our error."""
        with pytest.raises(SSIInputError):
            read_ssi_input(bad)

    def test_too_long(self):
        """More than 1 MB is not an SSI."""
        with pytest.raises(SSIInputError, match="demasiado largo"):
            read_ssi_input(b"x" * (2**20 + 1))

    def test_several_files(self):
        """Two files dropped at once: upload one."""
        entry = {"name": "a.json", "content": b"{}"}
        with pytest.raises(SSIInputError, match="2 archivos"):
            read_ssi_input((entry, entry))

    @pytest.mark.parametrize("bad", [36, None, 3.5, object(), ["12", "8"]])
    def test_wrong_types(self, bad):
        """Numbers, None, lists of text: a type error."""
        with pytest.raises(SSITypeError):
            read_ssi_input(bad)
