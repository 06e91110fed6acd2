"""The chart style and the one way a chart leaves a notebook: saved and shown with alt text."""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import Image, display
from matplotlib.figure import Figure

from . import paths
from .tables import write_bytes_atomically, write_text_atomically

#: Resolution of the figure shown in the notebook and embedded in the report.
SCREEN_DPI = 110
#: Resolution of the PNG file in figures/, for print.
PRINT_DPI = 300

# Named colours of the style's cycle, for charts that need a fixed colour per meaning.
BLUE, ORANGE, RED, GREY, PURPLE, BROWN = (
    "#3f90da", "#ffa90e", "#bd1f01", "#94a4a2", "#832db6", "#a96b59",
)


def use_project_style() -> None:
    plt.style.use(paths.CHART_STYLE)


def add_source_line(fig: Figure, text: str) -> None:
    """The source, bottom left under the axes, as every published chart carries it."""
    fig.text(0.01, 0.005, f"Source: {text}", ha="left", va="bottom", fontsize=7.5,
             color="#555555", wrap=True)


def figure_bytes(fig: Figure, fmt: str, dpi: int) -> bytes:
    """Render without a date or software version, so the bytes depend only on the chart."""
    metadata = {"Date": None} if fmt == "svg" else {"Software": None}
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, dpi=dpi, metadata=metadata)
    return buffer.getvalue()


def publish(fig: Figure, name: str, alt: str, data: pd.DataFrame | None = None) -> None:
    """Save `figures/<name>.svg` and `.png` (and the data as `.csv`), then show it with alt text.

    The figure is closed afterwards so the inline backend does not show it a second time.
    """
    if not alt.strip():
        raise ValueError(f"figure {name}: alt text is required")
    write_bytes_atomically(paths.FIGURES / f"{name}.svg", figure_bytes(fig, "svg", PRINT_DPI))
    write_bytes_atomically(paths.FIGURES / f"{name}.png", figure_bytes(fig, "png", PRINT_DPI))
    if data is not None:
        write_text_atomically(paths.FIGURES / f"{name}.csv",
                              data.to_csv(index=False, lineterminator="\n"))
    screen = figure_bytes(fig, "png", SCREEN_DPI)
    plt.close(fig)
    display(Image(data=screen, format="png", alt=alt, metadata={"figure_name": name}))
