"""Names readers see in the Russian edition, read from the data's `_ru` companion columns: a
treaty's short name (`wipo_treaties.short_name_ru`) and a country's name
(`treaty_parties.party_ru`). The model's frames carry the English short name; these map it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from belarus_ip_report.chapters.peers import COMPARED

if TYPE_CHECKING:
    from belarus_ip_report.chapters.wipo_treaties.model import WipoTreaties


def treaty_names(m: WipoTreaties, lang: str) -> dict[str, str]:
    """English short name -> the short name in `lang`, for every treaty the model holds."""
    column = "short_name_ru" if lang == "ru" else "short_name"
    return dict(zip(m.treaties["short_name"], m.treaties[column], strict=True))


def peer_names(m: WipoTreaties, lang: str) -> dict[str, str]:
    """A peer's label ('Russia') -> its name in `lang` ('Российская Федерация', WIPO Lex's
    Russian name from the dated rows)."""
    if lang != "ru":
        return {peer.label: peer.label for peer in COMPARED}
    russian = dict(zip(m.parties["party"], m.parties["party_ru"], strict=True))
    return {peer.label: russian[peer.wipo_name] for peer in COMPARED}
