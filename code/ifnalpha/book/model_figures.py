"""Every figure of the signalling model, in one place (a face over the modules that draw them).

========================================  ===========================================
figure                                    module
========================================  ===========================================
:func:`time_course`                       :mod:`ifnalpha.book.time_figures`
:func:`acute_vs_chronic`                  :mod:`ifnalpha.book.time_figures`
:func:`perturbation_time_course`          :mod:`ifnalpha.book.time_figures`
:func:`dose_time_heatmap`                 :mod:`ifnalpha.book.dose_figures`
:func:`cell_states_by_dose`               :mod:`ifnalpha.book.dose_figures`
:func:`dose_irf9_map`                     :mod:`ifnalpha.book.dose_figures`
:func:`perturbation_comparison`           :mod:`ifnalpha.book.condition_figures`
:func:`regimen_comparison`                :mod:`ifnalpha.book.condition_figures`
========================================  ===========================================

Every function computes its numbers with :mod:`ifnalpha.model.analyses` (nothing is
hard-coded), draws into a new figure or into one it is given (explorers redraw in place), and
returns a :class:`~ifnalpha.book.figure.BookFigure`: the figure, its title, a caption and alt
text built from the simulated numbers, and :meth:`~ifnalpha.book.figure.BookFigure.summary`,
the key numbers as plain Python floats and strings for printing next to the figure.

The model behind these figures is educational and qualitative, not clinical guidance.

Examples
--------
>>> from ifnalpha.book import model_figures as figures
>>> bf = figures.time_course(ifn=100.0, hours=24)
>>> bf.title
'Response to 100 pM IFN-α over 24 h'
>>> isinstance(bf.summary()["pstat1_peak_fraction"], float)
True
"""

from ifnalpha.book.condition_figures import perturbation_comparison, regimen_comparison
from ifnalpha.book.dose_figures import cell_states_by_dose, dose_irf9_map, dose_time_heatmap
from ifnalpha.book.time_figures import acute_vs_chronic, perturbation_time_course, time_course

__all__ = [
    "acute_vs_chronic",
    "cell_states_by_dose",
    "dose_irf9_map",
    "dose_time_heatmap",
    "perturbation_comparison",
    "perturbation_time_course",
    "regimen_comparison",
    "time_course",
]
