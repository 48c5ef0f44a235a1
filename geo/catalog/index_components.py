"""The components of the energy-poverty index and the ways to combine them, in the user's words.

Each component follows an indicator of the TNO/CBS Monitor Energiearmoede and
says where the buurt data only allows an approximation; its default weight is
the weight the app starts with (see :class:`geo.params.IndexSettings`).
The computation is in :mod:`geo.metrics.index`.

The texts are message ids (English), translated when shown: read them through
:meth:`Component.display_label` and friends, :func:`normalisation` /
:func:`normalisation_name` and :func:`missing_rule` / :func:`missing_rule_name`.

Examples
--------
>>> COMPONENTS["energy_quality"].column
'pct_label_efg_all'
>>> sorted(NORMALISATIONS)
['minmax', 'rank', 'zscore']
>>> from geo.i18n import language
>>> with language("nl"):
...     COMPONENTS["lihelek"].display_label(), normalisation_name("rank"), missing_rule_name("exclude")
('Energiearm (LIHELEK)', 'Rang', 'Uitsluiten')
>>> with language("en"):
...     COMPONENTS["lihelek"].display_label(), normalisation_name("rank")
('Energy poor (LIHELEK)', 'Rank')
"""

from __future__ import annotations

from dataclasses import dataclass

from geo.i18n import N_, _

# Normalisation: key -> what it does (a help text); NORMALISATION_NAMES: key -> short name (an option's label).
NORMALISATIONS = {
    "minmax": N_("Min-max: (x - min) / (max - min) over the buurten of the municipality"),
    "rank": N_("Rank: percentile rank among the buurten of the municipality (robust to outliers)"),
    "zscore": N_("Z-score: standard normal CDF of (x - mean) / sd (keeps distances, bounded)"),
}
NORMALISATION_NAMES = {"minmax": N_("Min-max"), "rank": N_("Rank"), "zscore": N_("Z-score")}
# Missing-value rule: key -> what it does; MISSING_RULE_NAMES: key -> short name.
MISSING_RULES = {
    "reweight": N_("Use the components the buurt has and re-normalise the weights over them "
                   "(no index when less than half of the weight has data)"),
    "median": N_("Count a missing component at the median of that component over the buurten"),
    "exclude": N_("No index for a buurt with any missing component"),
}
MISSING_RULE_NAMES = {"reweight": N_("Re-weight"), "median": N_("Median of the buurten"), "exclude": N_("Exclude")}


def normalisation(key: str) -> str:
    """What a normalisation does, in the language in force."""
    return _(NORMALISATIONS[key])


def normalisation_name(key: str) -> str:
    """The short name of a normalisation, in the language in force."""
    return _(NORMALISATION_NAMES[key])


def missing_rule(key: str) -> str:
    """What a missing-value rule does, in the language in force."""
    return _(MISSING_RULES[key])


def missing_rule_name(key: str) -> str:
    """The short name of a missing-value rule, in the language in force."""
    return _(MISSING_RULE_NAMES[key])


@dataclass(frozen=True)
class Component:
    """One index component: the buurt column it reads, the Monitor indicator it stands for, its default weight."""

    key: str
    column: str
    label: str  # message id; short, it labels a slider
    monitor_indicator: str  # message id
    approximation: str  # message id
    default_weight: float

    def display_label(self) -> str:
        """The short label in the language in force."""
        return _(self.label)

    def display_indicator(self) -> str:
        """The Monitor indicator it stands for, in the language in force."""
        return _(self.monitor_indicator)

    def display_approximation(self) -> str:
        """How the buurt data approximate the indicator, in the language in force."""
        return _(self.approximation)


_MODEL = N_("Estimated per buurt with the within-buurt household model (income fitted on the buurt's published "
            "income shares, joined to the estimated stock cells; see Data & method, Monitor indicators).")
_MODEL_PART = N_("Estimated per buurt with the within-buurt household model (income fitted on the buurt's "
                 "published income shares, joined to the estimated stock cells; see Data & method, Monitor "
                 "indicators). Part of LIHELEK, so weight 0 by default.")
COMPONENTS: dict[str, Component] = {
    c.key: c
    for c in [
        Component("lihelek", "pct_lihelek_households", N_("Energy poor (LIHELEK)"),
                  N_("LIHELEK: low income and high energy costs, or low income and low energy quality"), _MODEL, 1.0),
        Component("heq", "pct_heq_households", N_("High energy quote (HEQ)"),
                  N_("HEQ: energy bill / disposable income at or above the threshold"), _MODEL, 0.5),
        Component("lekwi", "pct_lekwi_households", N_("Low quality, cannot invest (LEKWI)"),
                  N_("LEKWI: label E-G and a tenant or a low-income owner"), _MODEL, 0.5),
        Component("lihe", "pct_lihe_households", N_("Low income, high costs (LIHE)"),
                  N_("LIHE: low income and an energy bill above the threshold"), _MODEL_PART, 0.0),
        Component("lilek", "pct_lilek_households", N_("Low income, low quality (LILEK)"),
                  N_("LILEK: low income and label E-G"), _MODEL_PART, 0.0),
        Component(
            "low_income", "pct_low_income", N_("Low income (proxy)"),
            N_("Low income (<= 130% of the low-income threshold)"),
            N_("Approximation: CBS publishes per buurt the share below 100% of the low-income threshold, not 130%."),
            0.0,
        ),
        Component(
            "energy_quote", "pct_high_quote_households", N_("High energy quote (buurt model)"),
            N_("High energy quote (HEQ: share of households whose energy bill / disposable income is at or above "
               "the threshold)"),
            N_("Modelled: measured average use x prices as the bill; incomes lognormal around gross income per "
               "inhabitant x household size, spread calibrated to the buurt's low-income share. Gross income "
               "understates the quote."),
            0.0,
        ),
        Component(
            "energy_quality", "pct_label_efg_all", N_("Low energy quality (proxy)"),
            N_("Low energy quality of the dwelling (LEK)"),
            N_("Estimate: share of dwellings with label E, F or G, unlabelled dwellings imputed; the stock per buurt "
               "is estimated from VIVET dwellings raked to the buurt's CBS tenure, type and build-period shares."),
            0.0,
        ),
        Component(
            "investment_capacity", "pct_rent", N_("Cannot invest (proxy)"),
            N_("Little capacity to invest (LEKWI: tenants and low-income owners)"),
            N_("Approximation: share of rented dwellings (social + private); low-income owners are not separable "
               "per buurt."),
            0.0,
        ),
        Component(
            "social_assistance", "pct_social_assistance", N_("Social assistance"),
            N_("(context) persons on social assistance"),
            N_("Context indicator, not part of the Monitor; weight 0 by default."),
            0.0,
        ),
    ]
}
