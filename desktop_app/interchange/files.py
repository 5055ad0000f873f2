"""Reading and writing interchange files: UTF-8 JSON, written atomically and privately."""

from __future__ import annotations

import json
from pathlib import Path

from desktop_app.domain.model import Caseload
from desktop_app.interchange.errors import FILE, InvalidFileError, Problem
from desktop_app.interchange.parse import parse_caseload
from desktop_app.interchange.quoting import NonFinite, json_int
from desktop_app.interchange.serialize import caseload_to_json
from desktop_app.private_files import write_text

_SYNTAX = {  # the messages of `json.JSONDecodeError`, in French
    "Expecting value": "une valeur est attendue (texte entre guillemets, nombre, true, false, "
                       "null, objet {…} ou liste […])",
    "Expecting ',' delimiter": "une virgule est attendue entre deux éléments",
    "Expecting ':' delimiter": "deux-points « : » attendus après le nom de la clé",
    "Expecting property name enclosed in double quotes":
        "un nom de clé entre guillemets doubles est attendu (une virgule en trop avant « } » ?)",
    "Unterminated string starting at": "texte entre guillemets jamais fermé",
    "Invalid control character at": "retour à la ligne ou tabulation dans un texte : écrivez "
                                    "\\n ou \\t",
    "Invalid \\escape": "barre oblique inverse « \\ » invalide : doublez-la (\\\\)",
    "Invalid \\uXXXX escape": "séquence \\uXXXX invalide",
    "Extra data": "texte en trop après la fin du document",
}

NESTED = ("listes [ ] ou objets { } imbriqués sur des milliers de niveaux : ce n'est pas un "
          "fichier d'échange de Suivi FSL (il en a au plus quatre), vérifiez le fichier choisi")


def read_file(path: Path | str) -> Caseload:
    """The caseload of an interchange file; `InvalidFileError` if it is not UTF-8 JSON or does
    not validate (`OSError` if it cannot be read at all). A UTF-8 byte order mark is allowed."""
    data = Path(path).read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InvalidFileError([Problem(FILE, f"le fichier n'est pas en UTF-8 (caractère "
                                        f"illisible ligne {line}) : réenregistrez-le en UTF-8 "
                                        "depuis votre tableur ou éditeur")]) from None
    del data  # a department-scale file is ~200 MB: keep one copy at a time
    try:
        document = json.loads(text, parse_constant=NonFinite, parse_int=json_int)
    except json.JSONDecodeError as error:
        reason = _SYNTAX.get(error.msg, f"erreur de syntaxe JSON ({error.msg})")
        raise InvalidFileError([Problem(FILE, f"JSON mal formé ligne {error.lineno}, colonne "
                                        f"{error.colno} : {reason}")]) from None
    except RecursionError:  # thousands of [ or { one inside the other
        raise InvalidFileError([Problem(FILE, NESTED)]) from None
    del text
    return parse_caseload(document)


def write_file(caseload: Caseload, path: Path | str) -> None:
    """Writes the canonical document (`caseload_to_json`) as UTF-8, indented by one space,
    atomically and privately (`private_files`): a crash or a full disk never leaves a
    half-written export in place of the old one."""
    text = json.dumps(caseload_to_json(caseload), ensure_ascii=False, indent=1) + "\n"
    write_text(path, text)
