"""The book's colours: one palette that every figure reads.

A colour means one thing across the book: each model readout has its own colour, the same in
every model figure; the two arms or groups of a claim figure are blue and vermillion, and the
doses of the model comparison run from light blue to vermillion (Okabe & Ito's colour-blind-safe
set). In the diagrams each kind of node has a pale fill of its own (its shape says the same), a
regulator's action has an Okabe–Ito colour, and the model's state is a ramp from white to
blue. Every curve is also named in a legend, and curves that share a colour in one panel differ
in line style, so no figure depends on hue alone.

Examples
--------
>>> from ifnalpha.book import palette
>>> palette.readout_colour("ifitm1")
'#c0504d'
>>> palette.dose_colour(28.0)
'#0072B2'
"""

from __future__ import annotations

from ifnalpha import checks

__all__ = [
    "ACTION_COLOURS",
    "ACUTE_SHADE",
    "CHRONIC_SHADE",
    "DIAGRAM_FRAME",
    "DIAGRAM_GROUP",
    "DIAGRAM_INK",
    "DIAGRAM_TEXT",
    "NODE_FILLS",
    "NOT_MODELLED",
    "STATE_RAMP",
    "DOSE_COLOURS",
    "GROUP_COLOURS",
    "INPUT",
    "NEUTRAL",
    "READOUT_COLOURS",
    "REFERENCE_LINE",
    "dose_colour",
    "readout_colour",
    "state_colour",
]

#: Each model readout's colour (readouts not listed are drawn in :data:`INPUT`).
READOUT_COLOURS: dict[str, str] = {
    "pstat1_total": "#1f4e79",
    "pstat2_total": "#6a9fd4",
    "isgf3": "#1f4e79",
    "u_isgf3": "#c0504d",
    "aaf": "#7f7f7f",
    "ifitm1": "#c0504d",
    "tunable_isg": "#1f4e79",
    "irf1": "#7f7f7f",
    "usp18": "#9b59b6",
    "socs1": "#e67e22",
    "stat1": "#2e8b57",
    "irf9": "#b8860b",
    "antiviral": "#2e8b57",
    "antiproliferative": "#8b0000",
}

#: The two arms or groups of a figure, in order (Okabe–Ito blue and vermillion).
GROUP_COLOURS: tuple[str, str] = ("#0072B2", "#D55E00")

#: The doses of the model comparison (pM): light to dark blue, then vermillion; no IFN in grey.
DOSE_COLOURS: dict[float, str] = {2.8: "#56B4E9", 28.0: "#0072B2", 1400.0: "#D55E00",
                                  0.0: "#999999"}

#: Neutral grey: stems of dot plots, untreated cells.
NEUTRAL = "#999999"
#: The IFN-α input itself (exposure curves, the time an inhibitor is added).
INPUT = "black"
#: Reference lines (e.g. the resting level, fold 1).
REFERENCE_LINE = "0.6"
#: Shading of the acute and of the chronic window of exposure.
ACUTE_SHADE = "#fde9d9"
CHRONIC_SHADE = "#e1eaf4"


# --- diagrams (ifnalpha.book.diagrams) ----------------------------------------------------

#: Lines and arrows of a diagram, and the text of its labels.
DIAGRAM_INK = "#333333"
DIAGRAM_TEXT = "#111111"
#: The frame of a legend or a small-multiple panel, and the dashed box of a compartment.
DIAGRAM_FRAME = "#999999"
DIAGRAM_GROUP = ("#AAAAAA", "#555555")  # box, label

#: Pale fill of each kind of node (``ifnalpha.evidence.diagrams.NODE_KINDS``).
NODE_FILLS: dict[str, str] = {
    "protein": "#DCEAF7",
    "complex": "#D5ECD4",
    "gene": "#FFF1C1",
    "dna_element": "#F9D9C4",
    "small_molecule": "#E9E1F5",
    "nucleic_acid": "#FBE3EC",
    "cell": "#EFEFEF",
    "phenotype": "#FFFFFF",
    "pathway": "#EDEDED",
    "regulator_group": "#FFFFFF",
    "process": "#FFFFFF",
    "source_sink": "#FFFFFF",
}

#: Colours of review B's table actions (Okabe–Ito palette, distinct for colour-blind readers).
ACTION_COLOURS: dict[str, str] = {
    "Functional activation": "#009E73",
    "Functional repression": "#D55E00",
    "Regulation of gene expression": "#0072B2",
    "Protein degradation": "#CC79A7",
    "Formation of a complex": "#E69F00",
}

#: The model's state on a diagram: white (lowest over the run) to blue (highest), RGB.
STATE_RAMP: tuple[tuple[int, int, int], tuple[int, int, int]] = ((255, 255, 255), (66, 146, 198))
#: A node of a diagram that the model does not represent.
NOT_MODELLED = "#D9D9D9"


def state_colour(scaled: float) -> str:
    """Return the colour of a model state scaled to 0–1 on :data:`STATE_RAMP` (clipped).

    Examples
    --------
    >>> state_colour(0.0), state_colour(1.0)
    ('#FFFFFF', '#4292C6')
    """
    s = min(max(checks.number("scaled", scaled), 0.0), 1.0)
    start, end = STATE_RAMP
    return "#" + "".join(f"{round(a + (b - a) * s):02X}" for a, b in zip(start, end, strict=True))


def readout_colour(name: str) -> str:
    """Return the colour of a model readout (:data:`INPUT` for one without its own colour).

    Examples
    --------
    >>> readout_colour("antiviral")
    '#2e8b57'
    """
    return READOUT_COLOURS.get(checks.string("name", name), INPUT)


def dose_colour(dose_pM: float) -> str:
    """Return the colour of a comparison dose (:data:`INPUT` for a dose without its own colour).

    Examples
    --------
    >>> dose_colour(5.0)
    'black'
    """
    return DOSE_COLOURS.get(checks.number("dose_pM", dose_pM, minimum=0), INPUT)
