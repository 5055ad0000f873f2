"""Fixed lists for the reasons a measure ends and the territories; what an ASLL
is about (`asll_content`: « accès » or « maintien », unknown for the existing ones); the
AML agreement in principle prolonged by e-mail (`agreement_extensions`); the AML failure
claim (`claim_*` columns of `measures`); alerts marked « traitée » (`treated_alerts`).

Measures get `exit_reason` (a code of `model.ExitReason`); `close_reason` stays, now the
text of « autre » or a detail. Households keep `territory`, now a code of
`model.Territory`, and get `territory_other`. Texts typed before are recognised as
`reference_lists.recognise_exit` / `recognise_territory` did when this revision was written:
a known label or synonym gives its code (the text is then dropped), any other text gives
« autre » with the text kept. A migration must give the same result whenever it runs, so the
labels, the synonyms and the normalisation are frozen here (copies, not imports: the domain's
lists may grow later); `tests/store/test_migrations.py` checks the copy against the domain.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

#: AML failure claim (item 5), columns of `measures`; amounts as the `Money` text type.
_CLAIM_COLUMNS: tuple[tuple[str, sa.types.TypeEngine[Any]], ...] = (
    ("claim_departure_on", sa.Date()), ("claim_unpaid_rent", sa.String(length=32)),
    ("claim_damage", sa.String(length=32)), ("claim_eviction", sa.String(length=32)),
    ("claim_invoices", sa.Text()), ("claim_sent_on", sa.Date()),
    ("claim_decision", sa.String(length=10)), ("claim_decided_on", sa.Date()),
    ("claim_granted", sa.String(length=32)),
)
_MEASURES = sa.table("measures", sa.column("id", sa.String), sa.column("close_reason", sa.Text),
                     sa.column("exit_reason", sa.String))
_HOUSEHOLDS = sa.table("households", sa.column("id", sa.String),
                       sa.column("territory", sa.String), sa.column("territory_other", sa.Text))

# Frozen copy of `domain/reference_lists.py` as of this revision: code → French label, then
# code → synonyms (texts recognised besides the label and the code itself).
EXIT_LABELS: dict[str, str] = {
    "bail_glisse": "Bail glissé au ménage",
    "relogement_social": "Relogement dans le parc social",
    "relogement_prive": "Relogement dans le parc privé",
    "maintien_logement": "Maintien dans le logement",
    "objectifs_atteints": "Objectifs atteints",
    "arret_portes_closes": "Arrêt après portes closes",
    "arret_indisponibilite": "Arrêt après une indisponibilité de plus d'un trimestre",
    "refus_abandon": "Refus ou abandon du ménage",
    "depart_departement": "Départ hors du département",
    "deces": "Décès",
    "orientation": "Orientation vers un autre dispositif",
    "expulsion": "Expulsion",
    "autre": "Autre motif",
}
EXIT_SYNONYMS: dict[str, tuple[str, ...]] = {
    "bail_glisse": ("Glissement du bail", "Bail glissé", "Bail glissé au ménage",
                    "Glissement de bail"),
    "relogement_social": ("Relogement dans le parc social", "Relogement parc social",
                          "Sortie vers un logement social", "Relogement social"),
    "relogement_prive": ("Relogement dans le parc privé", "Relogement parc privé",
                         "Sortie vers un logement privé", "Relogement privé"),
    "maintien_logement": ("Maintien dans le logement", "Maintien dans le logement assuré",
                          "Maintien à domicile"),
    "objectifs_atteints": ("Objectifs atteints", "Objectifs atteints avant terme",
                           "Autonomie dans la gestion du logement"),
    "arret_portes_closes": ("Portes closes répétées : arrêt de la mesure",
                            "Portes closes répétées", "Arrêt après portes closes",
                            "CET non signé : portes closes", "Portes closes"),
    "arret_indisponibilite": ("Indisponibilité du ménage", "Arrêt après indisponibilité"),
    "refus_abandon": ("Refus de poursuivre l'accompagnement",
                      "CET non signé : refus du ménage", "Refus du ménage",
                      "Abandon", "Refus", "Refus ou abandon"),
    "depart_departement": ("Déménagement hors du département",
                           "Départ hors département", "Départ hors du département"),
    "deces": ("Décès", "Décès du demandeur"),
    "orientation": ("Orientation vers un autre dispositif",
                    "Orientation vers une structure adaptée",
                    "Entrée en structure d'hébergement"),
    "expulsion": ("Expulsion", "Expulsion locative"),
    "autre": ("Autre", "Autre motif"),
}
TERRITORY_LABELS: dict[str, str] = {
    "arrageois": "Arrageois",
    "artois": "Artois",
    "audomarois": "Audomarois",
    "boulonnais": "Boulonnais",
    "calaisis": "Calaisis",
    "henin_carvin": "Hénin-Carvin",
    "lens_lievin": "Lens-Liévin",
    "montreuillois_ternois": "Montreuillois-Ternois",
    "autre": "Autre territoire",
}
TERRITORY_SYNONYMS: dict[str, tuple[str, ...]] = {
    "henin_carvin": ("Hénin Carvin", "Hénin-Beaumont Carvin"),
    "lens_lievin": ("Lens Liévin", "Lens-Liévin"),
    "montreuillois_ternois": ("Montreuillois Ternois", "Montreuillois et Ternois"),
    "autre": ("Autre", "Autre territoire"),
}
OTHER = "autre"


def plain(text: str) -> str:
    """Lower case, no accents, letters and digits separated by single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.findall(r"[0-9a-z]+", letters.replace("œ", "oe")))


def _index(labels: dict[str, str], synonyms: dict[str, tuple[str, ...]]) -> dict[str, str]:
    index: dict[str, str] = {}
    for code, label in labels.items():
        index[plain(label)] = code
        index[plain(code)] = code
    for code, words in synonyms.items():
        for word in words:
            index[plain(word)] = code
    return index


_EXITS = _index(EXIT_LABELS, EXIT_SYNONYMS)
_TERRITORIES = _index(TERRITORY_LABELS, TERRITORY_SYNONYMS)


def _recognise(index: dict[str, str], text: str | None) -> tuple[str | None, str | None]:
    """(code, text kept): a recognised text gives its code and no text, any other « autre »
    and the text, no text (None, None)."""
    if text is None or not text.strip():
        return None, None
    found = index.get(plain(text))
    if found is None or found == OTHER:
        return OTHER, text.strip()
    return found, None


def recognise_exit(text: str | None) -> tuple[str | None, str | None]:
    return _recognise(_EXITS, text)


def recognise_territory(text: str | None) -> tuple[str | None, str | None]:
    return _recognise(_TERRITORIES, text)


def upgrade() -> None:
    with op.batch_alter_table("measures", schema=None) as batch_op:
        batch_op.add_column(sa.Column("exit_reason", sa.String(length=24), nullable=True))
        batch_op.add_column(sa.Column("asll_content", sa.String(length=10), nullable=True))
        for name, kind in _CLAIM_COLUMNS:
            batch_op.add_column(sa.Column(name, kind, nullable=True))
    with op.batch_alter_table("households", schema=None) as batch_op:
        batch_op.add_column(sa.Column("territory_other", sa.Text(), nullable=True))
    op.create_table(
        "agreement_extensions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("measure_id", sa.String(length=64), nullable=False),
        sa.Column("sent_on", sa.Date(), nullable=False),
        sa.Column("new_end", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["measure_id"], ["measures.id"],
                                name=op.f("fk_agreement_extensions_measure_id_measures"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_extensions")),
    )
    with op.batch_alter_table("agreement_extensions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agreement_extensions_measure_id"), ["measure_id"],
                              unique=False)
    op.create_table(
        "treated_alerts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("measure_id", sa.String(length=64), nullable=True),
        sa.Column("household_id", sa.String(length=64), nullable=True),
        sa.Column("worker_id", sa.String(length=64), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("profile", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_treated_alerts")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_treated_alerts_fingerprint")),
    )
    with op.batch_alter_table("treated_alerts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_treated_alerts_household_id"), ["household_id"],
                              unique=False)
    _recode_texts()


def _recode_texts() -> None:
    connection = op.get_bind()
    measures = connection.execute(sa.select(_MEASURES.c.id, _MEASURES.c.close_reason).where(
        _MEASURES.c.close_reason.is_not(None))).all()
    for measure_id, text in measures:
        reason, kept = recognise_exit(text)
        connection.execute(_MEASURES.update().where(_MEASURES.c.id == measure_id).values(
            exit_reason=reason, close_reason=kept))
    households = connection.execute(sa.select(_HOUSEHOLDS.c.id, _HOUSEHOLDS.c.territory).where(
        _HOUSEHOLDS.c.territory.is_not(None))).all()
    for household_id, text in households:
        territory, kept = recognise_territory(text)
        connection.execute(_HOUSEHOLDS.update().where(_HOUSEHOLDS.c.id == household_id).values(
            territory=territory, territory_other=kept))


def _restore_texts() -> None:
    """Back to one free text: the kept text, else the French label of the code."""
    connection = op.get_bind()
    for measure_id, code, text in connection.execute(sa.select(
            _MEASURES.c.id, _MEASURES.c.exit_reason, _MEASURES.c.close_reason).where(
            _MEASURES.c.exit_reason.is_not(None))).all():
        restored = text or EXIT_LABELS.get(code, code)
        connection.execute(_MEASURES.update().where(_MEASURES.c.id == measure_id).values(
            close_reason=restored))
    for household_id, code, text in connection.execute(sa.select(
            _HOUSEHOLDS.c.id, _HOUSEHOLDS.c.territory, _HOUSEHOLDS.c.territory_other).where(
            _HOUSEHOLDS.c.territory.is_not(None))).all():
        restored = text or TERRITORY_LABELS.get(code, code)
        connection.execute(_HOUSEHOLDS.update().where(_HOUSEHOLDS.c.id == household_id).values(
            territory=restored))


def downgrade() -> None:
    op.drop_table("treated_alerts")
    op.drop_table("agreement_extensions")
    _restore_texts()
    # ALTER TABLE … DROP COLUMN (SQLite 3.35+): a batch copy of the table would drop it,
    # which the foreign keys pointing at households and measures refuse.
    op.drop_column("households", "territory_other")
    op.drop_column("measures", "exit_reason")
    op.drop_column("measures", "asll_content")
    for name, _ in _CLAIM_COLUMNS:
        op.drop_column("measures", name)
