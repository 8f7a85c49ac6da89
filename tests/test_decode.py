import codecs

import pytest

from newsflow.tasks.extract.decode import decode_bytes

FRENCH = "Le métro de Lyon sera gratuit pour les moins de 18 ans, a annoncé la métropole jeudi. « C'est une première », dit-elle.\n"
GERMAN = "Der Zürcher Stadtrat beschließt den Ausbau der Velowege; Gegner kritisieren den Wegfall von Parkplätzen.\n"
RUSSIAN = "Москва готовится принять президента Ирана на этой неделе, сообщили в Кремле в понедельник.\n"


@pytest.mark.parametrize(
    "data, text, encoding",
    [
        (FRENCH.encode("utf-8"), FRENCH, "utf-8"),
        (codecs.BOM_UTF8 + FRENCH.encode("utf-8"), FRENCH, "utf-8"),
        (FRENCH.encode("utf-16"), FRENCH, "utf-16-le"),
        (codecs.BOM_UTF16_BE + FRENCH.encode("utf-16-be"), FRENCH, "utf-16-be"),
        (FRENCH.encode("utf-32"), FRENCH, "utf-32-le"),
        (GERMAN.encode("latin-1"), GERMAN, "cp1252"),
        (FRENCH.encode("cp1252"), FRENCH, "cp1252"),
        (RUSSIAN.encode("cp1251") * 3, RUSSIAN * 3, "cp1251"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "utf32-bom", "latin1", "cp1252", "cp1251"],
)
def test_decodes_text_encodings(data, text, encoding):
    decoded = decode_bytes(data)
    assert decoded.problem is None
    assert decoded.text == text
    assert codecs.lookup(decoded.encoding).name == codecs.lookup(encoding).name


def test_declared_html_charset_is_used_when_utf8_fails():
    html = '<html><head><meta charset="iso-8859-15"></head><body><p>Prix: 20 €, très cher</p></body></html>'
    decoded = decode_bytes(html.encode("iso-8859-15"), "text/html")
    assert "20 €" in decoded.text and decoded.encoding == "iso8859-15"


@pytest.mark.parametrize(
    "data, problem, detail",
    [
        (b"", "empty", "0 bytes, no visible content"),
        (b" \n\t\r\n", "empty", "5 bytes, no visible content"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary", "starts with the signature b'\\x89PNG'"),
        (b"%PDF-1.7 ...", "binary", "starts with the signature b'%PDF'"),
        (bytes(range(32)) * 40, "binary", "NUL bytes and no text encoding fits"),
    ],
    ids=["empty", "whitespace", "png", "pdf", "control-bytes"],
)
def test_unusable_bytes_are_problems_not_exceptions(data, problem, detail):
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.problem, decoded.detail) == (None, problem, detail)
