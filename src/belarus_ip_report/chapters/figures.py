"""The chart style and the one way a chart leaves a notebook: saved and shown with alt text."""

from __future__ import annotations

import base64
import io
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import PIL.Image
from IPython.display import Image, display
from matplotlib.figure import Figure

from belarus_ip_report.chapters import rastercache
from belarus_ip_report.chapters.language import RU
from belarus_ip_report.foundation import paths, settings
from belarus_ip_report.foundation.atomic import write_bytes_atomically, write_text_atomically

#: Resolution of the figure shown in the notebook and embedded in the report.
SCREEN_DPI = 110
#: Resolution of the PNG file in figures/, for print.
PRINT_DPI = 300

# The style's colour cycle, named for charts that need a fixed colour per meaning. Read from
# the .mplstyle, so the palette is written in one place only.
BLUE, ORANGE, RED, GREY, PURPLE, BROWN = (
    matplotlib.rc_params_from_file(paths.CHART_STYLE, use_default_template=False)
    ["axes.prop_cycle"].by_key()["color"][:6]
)


def use_project_style() -> None:
    plt.style.use(paths.CHART_STYLE)


#: The word before a chart's source line, in each edition.
SOURCE_WORD = {"en": "Source:", "ru": "Источник:"}


def add_source_line(fig: Figure, text: str, lang: str = "en") -> None:
    """The source, bottom left under the axes, as every published chart carries it.

    The layout keeps a strip at the bottom free for it, sized to the figure's height.
    """
    wrapped = textwrap.fill(f"{SOURCE_WORD[lang]} {text}", width=int(fig.get_figwidth() * 17))
    lines = wrapped.count("\n") + 1
    strip = (0.16 * lines + 0.08) / fig.get_figheight()
    if fig.get_layout_engine() is None:
        fig.set_layout_engine("constrained")
    fig.get_layout_engine().set(rect=(0, strip, 1, 1 - strip))
    fig.text(0.01, 0.01, wrapped, ha="left", va="bottom", fontsize=7.5, color="#555555")


def freeze_layout(fig: Figure) -> None:
    """Run the layout engine once (it measures the text, nothing is drawn), then fix every axes
    at its position rounded to 1e-9, with no layout engine left.

    Constrained layout can place axes differently in the last bit from one process to the
    next (it iterates over objects in memory order); SVG clip-path ids hash those positions,
    so without this an identical chart gives a different file.

    Drawing is the costly part of a chart, and each chart is now drawn once for its SVG (and
    once more only when its rasters are not cached). `draw_without_rendering` would draw it
    once more just to run the layout; and with any layout engine set, even the placeholder
    that `set_layout_engine("none")` leaves, `savefig` draws it once more before the SVG. The
    outputs are byte-identical either way (the build's tests compare them to the committed
    ones); a forced build's CPU fell by about a fifth.
    """
    engine = fig.get_layout_engine()
    if engine is None:
        return
    engine.execute(fig)
    positions = [(axes, axes.get_position().bounds) for axes in fig.axes]
    # set_layout_engine("none") would keep a placeholder engine; None with the style's
    # automatic layouts switched off leaves no engine at all (public API).
    with matplotlib.rc_context({"figure.constrained_layout.use": False,
                                "figure.autolayout": False}):
        fig.set_layout_engine(None)
    for axes, bounds in positions:
        axes.set_position([round(value, 9) for value in bounds])


def rasters(fig: Figure, svg: bytes) -> dict[str, bytes]:
    """The print and screen PNGs; under the build, from its raster cache when the chart's
    drawing (`svg`) is one it has rasterised before (see `rastercache`)."""
    where = rastercache.folder()
    entry = rastercache.key(svg, matplotlib.__version__, PIL.__version__,
                            paths.CHART_STYLE.read_bytes(), f"{PRINT_DPI} {SCREEN_DPI}")
    if where is not None and (kept := rastercache.lookup(where, entry)) is not None:
        return kept
    print_image = raster(fig, PRINT_DPI)
    pngs = {"print": png_bytes(print_image, PRINT_DPI),
            "screen": png_bytes(screen_image(print_image), SCREEN_DPI)}
    if where is not None:
        rastercache.store(where, entry, pngs)
    return pngs


def svg_bytes(fig: Figure) -> bytes:
    """Render without a date, so the bytes depend only on the chart."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def raster(fig: Figure, dpi: int) -> PIL.Image.Image:
    """Draw the figure once at `dpi` into an RGB image (the background is opaque white)."""
    screen_dpi = fig.dpi
    fig.set_dpi(dpi)
    try:
        fig.canvas.draw()
        image = PIL.Image.frombuffer("RGBA", fig.canvas.get_width_height(physical=True),
                                     fig.canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
        return image.convert("RGB")
    finally:
        fig.set_dpi(screen_dpi)


def png_bytes(image: PIL.Image.Image, dpi: int) -> bytes:
    """PNG without a date or software version, so the bytes depend only on the pixels."""
    buffer = io.BytesIO()
    image.save(buffer, format="png", dpi=(dpi, dpi))
    return buffer.getvalue()


def screen_image(print_image: PIL.Image.Image) -> PIL.Image.Image:
    """The print raster scaled down to screen resolution (one drawing serves both), in 256
    colours: a chart has few, and the report stays a quarter of the size."""
    scale = SCREEN_DPI / PRINT_DPI
    size = (round(print_image.width * scale), round(print_image.height * scale))
    smaller = print_image.resize(size, PIL.Image.LANCZOS, reducing_gap=2.0)
    return smaller.quantize(256, method=PIL.Image.Quantize.FASTOCTREE)


@dataclass(frozen=True)
class Chart:
    """A chart as the export needs it: the drawing, and its title, alt text, source line and
    data as values (never read back out of the drawing)."""

    stem: str
    figure: Figure
    title: str
    alt: str
    source: str
    data: pd.DataFrame | None = None


def titled(fig: Figure, ax: plt.Axes, title: str, source: str,
           lang: str = "en") -> tuple[str, str]:
    """Draw `title` over `ax` and the source line under the figure; return both, for the
    `Chart` that carries them to the export."""
    ax.set_title(title)
    add_source_line(fig, source, lang)
    return title, source


def show(chart: Callable[..., Chart], *model: object) -> None:
    """Draw a chart function's chart from its model in each language, save it and show it: the
    English is shown and saved in figures/ (with its data as CSV), the Russian saved in
    figures/ru/ and carried to the export in the English output's metadata."""
    translated = {}
    if "ru" in settings.editions():
        russian = chart(*model, lang="ru")
        pngs = save(russian, paths.FIGURES / "ru")
        translated["ru"] = {**_words(russian), "alt": russian.alt,
                            "png": base64.b64encode(pngs["screen"]).decode("ascii")}
    publish(chart(*model, lang="en"), translated)


def save(chart: Chart, folder: Path) -> dict[str, bytes]:
    """Write `<stem>.svg` and the print `<stem>.png` into `folder`, close the figure, and
    return its rasters (print and screen)."""
    freeze_layout(chart.figure)
    svg = svg_bytes(chart.figure)
    write_bytes_atomically(folder / f"{chart.stem}.svg", svg)
    pngs = rasters(chart.figure, svg)
    write_bytes_atomically(folder / f"{chart.stem}.png", pngs["print"])
    # Closed, so that the inline backend does not show it a second time.
    plt.close(chart.figure)
    return pngs


def _words(chart: Chart) -> dict[str, str]:
    """The title and source line the export sets beside the image, each in one line."""
    return {"title": " ".join(chart.title.split()), "source": " ".join(chart.source.split())}


def publish(chart: Chart, translated: dict[str, dict[str, str]]) -> None:
    """Save `figures/<stem>.svg` and `.png` (and the data as `.csv`), then show it with alt text
    and, in its metadata, the words of the other editions (`translated`)."""
    if not chart.alt.strip():
        raise ValueError(f"figure {chart.stem}: alt text is required")
    pngs = save(chart, paths.FIGURES)
    if chart.data is not None:
        write_text_atomically(paths.FIGURES / f"{chart.stem}.csv",
                              chart.data.to_csv(index=False, lineterminator="\n"))
    # The report builds each figure's numbered caption, source line and "data behind this
    # chart" from this metadata, so that none of it lives only inside the image.
    metadata = {"figure_name": chart.stem, **_words(chart)}
    if translated:
        metadata["translation"] = translated
    display(Image(data=pngs["screen"], format="png", alt=chart.alt, metadata=metadata))


#: Publishers named in chart source lines, as the Russian edition names them: the bodies' own
#: Russian names (WIPO's and the WTO's Russian usage). A name not listed is a proper name and
#: stays as its publisher writes it.
PUBLISHERS_RU = {
    "WIPO": "ВОИС",
    "World Intellectual Property Organization": "ВОИС",
    "WTO": "ВТО",
    "World Trade Organization": "ВТО",
    "Ministry of Foreign Affairs of Belarus": "МИД Беларуси",
    "Ministry of Foreign Affairs of the Republic of Belarus": "МИД Беларуси",
    "National Center of Intellectual Property of the Republic of Belarus": "НЦИС Беларуси",
    "Rospatent": "Роспатент",
    "BelTA": "БелТА",
    "Kingdom of Belgium": "Королевство Бельгия",
    "United States Patent and Trademark Office": "Ведомство по патентам и товарным знакам США",
}


def source_text(frame: pd.DataFrame, sources: pd.DataFrame, *, most: int = 3,
                lang: str = "en") -> str:
    """The source line of a chart, built from the source ids of the rows it draws and the
    `sources` table (which the notebook loads, so that the build knows it reads it).

    Names the publishers cited most often by those rows and counts the rest, so that the line
    follows the data when rows are added or corrected.
    """
    from belarus_ip_report.curated.columns import SOURCE_SEPARATOR

    sources = sources.set_index("source_id")
    ids = [i for value in frame["source_ids"].dropna()
           for i in str(value).split(SOURCE_SEPARATOR)]
    names = [_short_publisher(sources.at[i, "publisher"]) for i in ids]
    if lang == "ru":
        names = [PUBLISHERS_RU.get(name, name) for name in names]
    publishers = pd.Series(names)
    publishers = publishers.value_counts(sort=False).sort_values(ascending=False, kind="stable")
    named = list(publishers.index[:most])
    rest = len(publishers) - len(named)
    if lang == "ru":
        more = f" и еще {RU.count(rest, 'publisher')}" if rest > 0 else ""
        return f"{'; '.join(named)}{more}; см. раздел «Источники»."
    more = f" and {rest} other publisher{'s' if rest > 1 else ''}" if rest > 0 else ""
    return f"{'; '.join(named)}{more}; see References."


def _short_publisher(name: str) -> str:
    return name.split(" (")[0]
