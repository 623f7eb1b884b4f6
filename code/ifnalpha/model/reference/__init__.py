"""The published, fitted model of Kok et al. (2020), run live with libRoadRunner.

This package's face re-exports its three parts: :mod:`~ifnalpha.model.reference.loading` (the
file, dose units, libRoadRunner), :mod:`~ifnalpha.model.reference.readouts` (the readouts in the
book model's conventions) and :mod:`~ifnalpha.model.reference.protocols` (single doses, the
double treatment, peaks and re-stimulation ratios).

Kok F et al. *Mol Syst Biol* 2020;16:e8955 fitted an ODE model of interferon-alpha signalling to
time courses of Huh7.5 hepatoma cells up to 32 h (BioModels BIOMD0000000959). The curated SBML file
is data (``data/models/Kok2020_BIOMD0000000959.xml``, see the README there): this module loads it
unchanged, runs the paper's protocols and turns the 41 species into the readouts the book's own
model reports, so the two can be set side by side.

Units
-----
Time is in hours. Species are numbers in model units (the SBML compartment has volume 1, so amount
and concentration are the same number). IFN-alpha is a species in model units; the BioModels
curation notes map the doses 100, 1000 and 50000 units to 2.8, 28 and 1400 pM. All three points
lie on one line through the origin, ``units = (250/7) * pM`` (:data:`UNITS_PER_PM`, about 35.71),
so doses are converted with that single factor; doses between the three points are interpolated
and doses outside 2.8–1400 pM extrapolated along the same line. It is the curation's mapping, not
a physical constant.

Protocols
---------
:func:`simulate_reference` starts from the unstimulated steady state (the SBML initial values with
IFN set to 0) and puts a dose of IFN-alpha into the medium at 0 h. The model consumes IFN (the
reaction IFN + Rec -> aRecIFN), so the dose is not clamped: ``ifn_pM`` is the free IFN-alpha left.
:func:`double_treatment` runs the paper's double-treatment experiment: a pre-dose at 0 h and a
second dose (1400 pM by default) at 24 h. By default the second dose is *added* to the IFN still
in the medium, as when fresh IFN-alpha is pipetted into the well; ``mode="replace"`` sets IFN to
the second dose instead (a medium change). Only after a 1400 pM pre-dose, which leaves most of its
IFN in the medium, do the two differ noticeably.

Readouts (:data:`KOK_READOUTS`)
-------------------------------
Every column follows the conventions of the book's model (``ifnalpha.model``):

============== ================================================ ===================================
column         SBML expression                                  scale
============== ================================================ ===================================
ifn_pM         IFN                                              pM (divided by UNITS_PER_PM)
pstat1_total   pSTAT1pSTAT2c + pSTAT1pSTAT2n + ISGF3c +         fraction of total STAT1 protein
               ISGF3n + 2*(pSTAT1dimc + pSTAT1dimn)             at the same time (0–1)
pstat2_total   pSTAT1pSTAT2c + pSTAT1pSTAT2n + ISGF3c + ISGF3n  fraction of total STAT2 protein
isgf3          ISGF3c + ISGF3n                                  baseline total STAT1 (0 at rest)
aaf            pSTAT1dimc + pSTAT1dimn                          baseline total STAT1 (0 at rest)
stat1          all mature STAT1 protein (free, in dimers,       own baseline (1 at rest)
               in ISGF3); dimers count twice
stat2          all mature STAT2 protein                         own baseline
irf9           IRF9c + IRF9n + ISGF3c + ISGF3n                  own baseline
usp18          USP18                                            own baseline
socs1          SOCS1                                            own baseline
stat1_mrna …   STAT1mRNA, STAT2mRNA, IRF9mRNA, USP18mRNA,       own baseline
socs1_mrna     SOCS1mRNA                                        own baseline
============== ================================================ ===================================

Total phosphorylated STAT1 is defined as in the curation notes. Protein totals leave out the
translation delay chains (``STAT1_LC_1`` … ``SOCS1_LC_1``), which are nascent protein on its way to
the mature pool. "Baseline" is the unstimulated state (the SBML initial values with IFN = 0),
which the model holds to within 0.03 % over 32 h. Because IFN-alpha raises total STAT1 (about
twofold after 24 h at 2.8 pM), ``pstat1_total`` as a fraction falls further after a pre-dose than
the number of pSTAT1 molecules does; :func:`restimulation_ratio` therefore compares molecules by
default, as the paper's immunoblots do, and offers the fraction as an option.

Examples
--------
>>> from ifnalpha.model import reference
>>> result = reference.simulate_reference(28.0, hours=32.0)
>>> time_h, value = reference.peak(result.frame, "pstat1_total")
>>> round(time_h, 1)
2.1
>>> round(reference.restimulation_ratio(1400.0), 2)
0.09

"""

from ifnalpha.model.reference.loading import (
    ABSOLUTE_TOLERANCE,
    MODEL_FILE,
    POINTS_PER_HOUR,
    RELATIVE_TOLERANCE,
    UNITS_PER_PM,
    load_model,
    model_path,
    model_units_to_pM,
    pM_to_model_units,
)
from ifnalpha.model.reference.protocols import (
    SECOND_AT_H,
    SECOND_DOSE_PM,
    STUDY_DOSES_PM,
    STUDY_HOURS,
    double_treatment,
    peak,
    peak_table,
    restimulation_ratio,
    simulate_reference,
)
from ifnalpha.model.reference.readouts import (
    KOK_READOUTS,
    KokReadout,
    ReferenceResult,
    baseline,
    kok_readout_table,
)

__all__ = [
    "ABSOLUTE_TOLERANCE",
    "KOK_READOUTS",
    "MODEL_FILE",
    "POINTS_PER_HOUR",
    "RELATIVE_TOLERANCE",
    "SECOND_AT_H",
    "SECOND_DOSE_PM",
    "STUDY_DOSES_PM",
    "STUDY_HOURS",
    "UNITS_PER_PM",
    "KokReadout",
    "ReferenceResult",
    "baseline",
    "double_treatment",
    "kok_readout_table",
    "load_model",
    "model_path",
    "model_units_to_pM",
    "pM_to_model_units",
    "peak",
    "peak_table",
    "restimulation_ratio",
    "simulate_reference",
]
