"""Fictitious households: « DUBOIS Hélène », her family, her address in a real town of the
Pas-de-Calais, her monthly resources."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from desktop_app.demo import names
from desktop_app.demo.context import DemoContext
from desktop_app.demo.places import TERRITORIES, TERRITORY_WEIGHTS, pick_street_address, pick_town
from desktop_app.domain.model import Household, Member, MemberRole

#: Telephone numbers reserved by the ARCEP for works of fiction (06 39 98 xx xx).
FICTION_MOBILE = "063998"


def build_household(ctx: DemoContext, first_year: int) -> Household:
    """One household; `first_year` (year of its first measure) goes into its FSL reference."""
    rng = ctx.rng
    household_id = ctx.new_id("h")
    territory = rng.choices(TERRITORIES, TERRITORY_WEIGHTS)[0]
    town = pick_town(rng, territory)
    female = rng.random() < 0.68
    family = names.surname(rng)
    first = names.first_name(rng, female)
    name = names.household_name(family, first)
    members = [Member(name, MemberRole.DEMANDEUR, _born(ctx, 19, 78))]
    couple = rng.random() < 0.33
    if couple:
        partner_family = family if rng.random() < 0.6 else names.surname(rng)
        partner = names.household_name(partner_family, names.first_name(rng, not female))
        members.append(Member(partner, MemberRole.CONJOINT, _born(ctx, 20, 75)))
    children = rng.choices((0, 1, 2, 3, 4), (40, 24, 20, 11, 5))[0]
    for _ in range(children):
        child = names.household_name(family, names.first_name(rng, rng.random() < 0.5))
        members.append(Member(child, MemberRole.ENFANT, _born(ctx, 0, 19)))
    if rng.random() < 0.04:
        members.append(Member(names.household_name(names.surname(rng), names.first_name(rng, True)),
                              MemberRole.AUTRE, _born(ctx, 55, 85)))
    base = rng.randint(52_000, 130_000) if not couple else rng.randint(90_000, 220_000)
    cents = base + children * rng.randint(12_000, 28_000)
    number = int(household_id[1:])
    return Household(
        id=household_id, name=name, reference=f"FSL-{first_year}-{number:05d}",
        address=pick_street_address(rng), postcode=town.postcode, city=town.name,
        territory=territory,
        phone=f"{FICTION_MOBILE}{rng.randrange(10_000):04d}" if rng.random() < 0.85 else None,
        monthly_resources=Decimal(cents).scaleb(-2), members=members)


def _born(ctx: DemoContext, youngest: int, oldest: int) -> date:
    """A birth date making the person between `youngest` and `oldest` years old today."""
    age_days = ctx.rng.randint(youngest * 365 + 1, oldest * 365 + 300)
    return ctx.today - timedelta(days=age_days)
