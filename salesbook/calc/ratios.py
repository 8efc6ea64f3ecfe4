"""Financial ratios from the course: rentabiliteit, liquiditeit and solvabiliteit.

All ratios are returned as fractions (0.125, not 12.5) and all amounts are in euros. Use
:func:`salesbook.notation.format_percentage` to show a fraction as "12,5%".

The ``interpret_*`` helpers give a short Dutch verdict using the common rules of thumb from
Dutch textbooks (current ratio 1,5–2; quick ratio ≥ 1; solvabiliteit EV/TV ≥ 25–30%). These
norms are rules of thumb, not laws: what is healthy differs per sector.
"""

from __future__ import annotations

from salesbook.calc._checks import (
    require_finite,
    require_non_negative,
    require_positive,
    show_number,
)
from salesbook.exceptions import InvalidInputError
from salesbook.notation import format_money, format_number, format_percentage


def return_on_sales(operating_result: float, revenue: float) -> float:
    """Omzetrentabiliteit (winstmarge): bedrijfsresultaat / omzet.

    Formula: ``bedrijfsresultaat / omzet`` (× 100% when shown as a percentage).

    This is the course's "rentabiliteit" formula (seed: "Bedrijfsresultaat / bedrijfsomzet x
    100%"). Note that the seed's definition text speaks of the relation between profit and the
    *vermogen* (capital) used to earn it; that describes :func:`return_on_total_assets` and
    :func:`return_on_equity`. Dividing by revenue gives the omzetrentabiliteit or winstmarge:
    how many cents of operating result every euro of revenue brings in.

    Args:
        operating_result: bedrijfsresultaat in euros (may be negative: a loss).
        revenue: omzet in euros, > 0.

    Returns:
        The return on sales as a fraction (may be negative).

    Raises:
        InvalidInputError: when an input is not a finite number or the revenue is not > 0.
    """
    result = require_finite(operating_result, "Het bedrijfsresultaat")
    return result / require_positive(revenue, "De omzet")


def return_on_total_assets(ebit: float, total_assets: float) -> float:
    """Rentabiliteit van het totaal vermogen (RTV): EBIT / totaal vermogen.

    Formula: ``(winst vóór belasting + interestkosten) / totaal vermogen``. EBIT (earnings before
    interest and taxes) is the bedrijfsresultaat: the profit *before* the interest paid to
    lenders, because the total capital includes their money. Textbooks usually take the
    average total assets over the year; pass that average if you have it.

    Args:
        ebit: winst vóór aftrek van interest en belastingen (bedrijfsresultaat), in euros.
        total_assets: (gemiddeld) totaal vermogen in euros, > 0.

    Returns:
        RTV as a fraction (may be negative).

    Raises:
        InvalidInputError: when an input is not finite or the total assets are not > 0.
    """
    result = require_finite(ebit, "Het bedrijfsresultaat (EBIT)")
    return result / require_positive(total_assets, "Het totaal vermogen")


def return_on_equity(net_profit: float, equity: float) -> float:
    """Rentabiliteit van het eigen vermogen (REV): nettowinst / eigen vermogen.

    Formula: ``nettowinst / eigen vermogen``, with the net profit after interest and taxes
    (some textbooks use the profit before taxes: pass that if your book does). Usually the
    average equity over the year is used.

    Args:
        net_profit: nettowinst in euros (may be negative: a loss).
        equity: (gemiddeld) eigen vermogen in euros, > 0. With zero or negative equity the
            ratio has no meaning, so that raises an error.

    Returns:
        REV as a fraction (may be negative).

    Raises:
        InvalidInputError: when an input is not finite or the equity is not > 0.
    """
    profit = require_finite(net_profit, "De nettowinst")
    return profit / require_positive(equity, "Het eigen vermogen")


def current_ratio(current_assets: float, current_liabilities: float) -> float:
    """Current ratio: vlottende activa / kort vreemd vermogen.

    Args:
        current_assets: vlottende activa in euros, >= 0.
        current_liabilities: kort vreemd vermogen in euros, > 0.

    Returns:
        The current ratio (a plain ratio, e.g. 1.6).

    Raises:
        InvalidInputError: on negative assets or liabilities that are not > 0.
    """
    assets = require_non_negative(current_assets, "Het bedrag aan vlottende activa")
    return assets / require_positive(current_liabilities, "Het kort vreemd vermogen")


def quick_ratio(current_assets: float, inventory: float, current_liabilities: float) -> float:
    """Quick ratio (acid test): (vlottende activa − voorraden) / kort vreemd vermogen.

    Args:
        current_assets: vlottende activa in euros, including the inventory, >= 0.
        inventory: voorraden in euros, between 0 and the current assets.
        current_liabilities: kort vreemd vermogen in euros, > 0.

    Returns:
        The quick ratio.

    Raises:
        InvalidInputError: on negative amounts, an inventory larger than the current assets
            (the inventory is part of them), or liabilities that are not > 0.
    """
    assets = require_non_negative(current_assets, "Het bedrag aan vlottende activa")
    stock = require_non_negative(inventory, "De voorraad")
    if stock > assets:
        raise InvalidInputError(
            f"De voorraad ({format_money(stock)}) kan niet groter zijn dan de vlottende activa "
            f"({format_money(assets)}): de voorraad is een deel van de vlottende activa."
        )
    return (assets - stock) / require_positive(current_liabilities, "Het kort vreemd vermogen")


def working_capital(current_assets: float, current_liabilities: float) -> float:
    """Werkkapitaal: vlottende activa − kort vreemd vermogen, in euros (may be negative).

    Raises:
        InvalidInputError: when an amount is negative or not a finite number.
    """
    assets = require_non_negative(current_assets, "Het bedrag aan vlottende activa")
    return assets - require_non_negative(current_liabilities, "Het kort vreemd vermogen")


def solvency(equity: float, total_assets: float) -> float:
    """Solvabiliteit: eigen vermogen / totaal vermogen (EV/TV). The course default.

    Other textbooks use EV/VV (:func:`solvency_equity_to_debt`) or TV/VV
    (:func:`solvency_assets_to_debt`); the seed uses EV/TV.

    Args:
        equity: eigen vermogen in euros; may be negative (technically insolvent) but cannot
            exceed the total assets (that would mean negative debt).
        total_assets: totaal vermogen (= balanstotaal) in euros, > 0.

    Returns:
        The solvency as a fraction (e.g. 0.35 for 35%).

    Raises:
        InvalidInputError: on total assets not > 0 or equity above the total assets.
    """
    own = require_finite(equity, "Het eigen vermogen")
    total = require_positive(total_assets, "Het totaal vermogen")
    if own > total:
        raise InvalidInputError(
            f"Het eigen vermogen ({format_money(own)}) kan niet groter zijn dan het totaal "
            f"vermogen ({format_money(total)}): totaal vermogen = eigen + vreemd vermogen."
        )
    return own / total


def solvency_equity_to_debt(equity: float, debt: float) -> float:
    """Solvabiliteit als eigen vermogen / vreemd vermogen (EV/VV), a textbook variant.

    Args:
        equity: eigen vermogen in euros (may be negative).
        debt: vreemd vermogen (kort + lang) in euros, > 0.

    Returns:
        EV/VV as a plain ratio.

    Raises:
        InvalidInputError: when the debt is not > 0 (without debt the ratio is infinite).
    """
    own = require_finite(equity, "Het eigen vermogen")
    return own / require_positive(debt, "Het vreemd vermogen")


def solvency_assets_to_debt(total_assets: float, debt: float) -> float:
    """Solvabiliteit als totaal vermogen / vreemd vermogen (TV/VV), a textbook variant.

    Args:
        total_assets: totaal vermogen in euros, >= 0.
        debt: vreemd vermogen in euros, > 0.

    Returns:
        TV/VV as a plain ratio; below 1 means the debts exceed the assets.

    Raises:
        InvalidInputError: when the debt is not > 0 or the total assets are negative.
    """
    total = require_non_negative(total_assets, "Het totaal vermogen")
    return total / require_positive(debt, "Het vreemd vermogen")


def interpret_current_ratio(ratio: float) -> str:
    """Dutch verdict on a current ratio, against the rule of thumb 1,5–2.

    Below 1 the short-term debts exceed the current assets; 1–1,5 is tight; 1,5–2 (both
    included) is the usual norm; above 2 money may be tied up needlessly.
    """
    value = require_non_negative(ratio, "De current ratio")
    shown = format_number(value)
    if value < 1:
        return (
            f"Current ratio {shown}: onvoldoende. De vlottende activa dekken de kortlopende "
            "schulden niet (norm: 1,5 tot 2)."
        )
    if value < 1.5:
        return f"Current ratio {shown}: krap. Net onder de vuistregel van 1,5 tot 2."
    if value <= 2:
        return f"Current ratio {shown}: goed. Binnen de vuistregel van 1,5 tot 2."
    return (
        f"Current ratio {shown}: ruim. Boven de vuistregel van 1,5 tot 2; er zit mogelijk "
        "onnodig veel geld vast in vlottende activa."
    )


def interpret_quick_ratio(ratio: float) -> str:
    """Dutch verdict on a quick ratio, against the rule of thumb ≥ 1 (1 counts as enough)."""
    value = require_non_negative(ratio, "De quick ratio")
    shown = format_number(value)
    if value < 1:
        return (
            f"Quick ratio {shown}: onvoldoende. Zonder de voorraad te verkopen kunnen de "
            "kortlopende schulden niet worden betaald (vuistregel: minstens 1)."
        )
    return f"Quick ratio {shown}: voldoende. Voldoet aan de vuistregel van minstens 1."


def interpret_solvency(ratio: float) -> str:
    """Dutch verdict on solvabiliteit EV/TV, against the rule of thumb of 25–30%.

    Negative: technically insolvent; below 25%: weak; 25% up to 30%: acceptable; 30% or more:
    healthy.
    """
    value = require_finite(ratio, "De solvabiliteit")
    if value > 1:
        raise InvalidInputError(
            "De solvabiliteit (EV/TV) kan niet groter zijn dan 1 (100%), maar is "
            f"{show_number(value)}. "
            "Geef een breuk, dus 0,35 in plaats van 35."
        )
    shown = format_percentage(value)
    if value < 0:
        return (
            f"Solvabiliteit {shown}: technisch insolvent. Het eigen vermogen is negatief; "
            "de schulden zijn groter dan de bezittingen."
        )
    if value < 0.25:
        return f"Solvabiliteit {shown}: zwak. Onder de vuistregel van 25 tot 30%."
    if value < 0.30:
        return f"Solvabiliteit {shown}: redelijk. Binnen de vuistregel van 25 tot 30%."
    return f"Solvabiliteit {shown}: gezond. Minstens 30% eigen vermogen."


def interpret_working_capital(amount: float) -> str:
    """Dutch verdict on the werkkapitaal: positive is healthy, negative is a warning sign."""
    value = require_finite(amount, "Het werkkapitaal")
    shown = format_money(value)
    if value < 0:
        return (
            f"Werkkapitaal {shown}: negatief. De kortlopende schulden zijn groter dan de "
            "vlottende activa; dat is een waarschuwingssignaal voor de liquiditeit."
        )
    return (
        f"Werkkapitaal {shown}: niet negatief. De vlottende activa dekken de kortlopende schulden."
    )
