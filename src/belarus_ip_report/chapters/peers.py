"""Belarus's peers, declared once for every chapter that compares: its partners in the Eurasian
Economic Union and its neighbours, each with the name WIPO Lex and the WTO give it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Peer:
    label: str
    wipo_name: str
    wto_name: str


BELARUS = Peer("Belarus", "Belarus", "Belarus")

#: EAEU partners first, then the other neighbours, then two post-Soviet states of the region.
PEERS = (
    Peer("Russia", "Russian Federation", "Russian Federation"),
    Peer("Kazakhstan", "Kazakhstan", "Kazakhstan"),
    Peer("Armenia", "Armenia", "Armenia"),
    Peer("Kyrgyzstan", "Kyrgyzstan", "Kyrgyz Republic"),
    Peer("Ukraine", "Ukraine", "Ukraine"),
    Peer("Poland", "Poland", "Poland"),
    Peer("Lithuania", "Lithuania", "Lithuania"),
    Peer("Latvia", "Latvia", "Latvia"),
    Peer("Moldova", "Republic of Moldova", "Moldova, Republic of"),
    Peer("Uzbekistan", "Uzbekistan", "Uzbekistan"),
)

#: Belarus first, then its peers: the rows of every comparison table.
COMPARED = (BELARUS, *PEERS)
