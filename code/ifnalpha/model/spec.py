"""The signalling model written as data: species, intermediate quantities, reactions, readouts.

Everything the solver, the SBML export and the model-reference page need comes from the tables
below. Rate laws are plain arithmetic over species, parameters (``data/model/
parameters.csv``), derived constants (computed in :mod:`ifnalpha.model` from the parameters)
and perturbation factors. Units: time in hours; IFN-α in pM; STAT1, STAT2, IRF9 and their
complexes in multiples of the baseline total STAT1 (written S1₀); receptors as a fraction of the
baseline receptor number; mRNAs, SOCS1, USP18 and the antiviral effector relative to the
unstimulated steady state; the antiproliferative signal from 0 to 1.

The model is educational and qualitative, not clinical guidance.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True)
class Species:
    """One state variable of the model."""

    id: str
    unit: str
    meaning: str


@dataclass(frozen=True)
class Reaction:
    """One reaction: stoichiometry (species → signed coefficient) and a rate law."""

    id: str
    stoichiometry: dict[str, int]
    rate: str
    meaning: str
    source: str = ""
    modifiers: tuple[str, ...] = field(default=())


S10 = "S1₀ (baseline total STAT1)"

SPECIES: tuple[Species, ...] = (
    Species("receptor", "fraction of baseline receptors",
            "free IFNAR1/IFNAR2 with their constitutively bound TYK2 and JAK1"),
    Species("receptor_active", "fraction of baseline receptors",
            "active IFN·IFNAR1·IFNAR2·JAK1·TYK2 signalling complex"),
    Species("ustat1", S10, "free unphosphorylated STAT1 (U-STAT1)"),
    Species("ustat2", S10, "free unphosphorylated STAT2 (U-STAT2)"),
    Species("irf9_free", S10, "free IRF9"),
    Species("ustat2_irf9", S10, "unphosphorylated STAT2–IRF9 complex"),
    Species("u_isgf3", S10, "U-ISGF3: U-STAT1·U-STAT2·IRF9"),
    Species("pstat1_pstat2", S10, "pSTAT1–pSTAT2 heterodimer without IRF9"),
    Species("isgf3", S10, "ISGF3: pSTAT1·pSTAT2·IRF9"),
    Species("aaf", S10, "AAF: pSTAT1 homodimer (binds GAS elements)"),
    Species("pstat2_irf9", S10, "pSTAT2–IRF9, an ISGF3-like complex without STAT1"),
    Species("stat1_mrna", "relative to baseline", "STAT1 mRNA"),
    Species("stat2_mrna", "relative to baseline", "STAT2 mRNA"),
    Species("irf9_mrna", "relative to baseline", "IRF9 mRNA"),
    Species("socs1_mrna", "relative to baseline", "SOCS1 mRNA"),
    Species("usp18_mrna", "relative to baseline", "USP18 mRNA"),
    Species("socs1_protein", "relative to baseline", "SOCS1 protein"),
    Species("usp18_precursor_1", "relative to baseline",
            "USP18 translation intermediate, first step of the delay chain of Kok et al. 2020"),
    Species("usp18_precursor_2", "relative to baseline",
            "USP18 translation intermediate, second step of the delay chain"),
    Species("usp18_protein", "relative to baseline", "USP18 protein"),
    Species("ifitm1_mrna", "relative to baseline",
            "IFITM1 mRNA: a 'robust' ISG, driven by ISGF3 and U-ISGF3"),
    Species("tunable_mrna", "relative to baseline",
            "mRNA of an ISGF3-only ('tunable') ISG"),
    Species("irf1_mrna", "relative to baseline", "IRF1 mRNA: a GAS gene driven by AAF"),
    Species("antiviral_effector", "relative to baseline",
            "antiviral ISG proteins (MX1, OAS, IFITM1 …), made from robust-ISG mRNA"),
    Species("antiproliferative_signal", "0–1",
            "slowly integrated signal of many active receptor complexes that commits a cell "
            "to arrest"),
)

STATE_NAMES: tuple[str, ...] = tuple(s.id for s in SPECIES)

#: Intermediate quantities, computed in this order before the rates.
ASSIGNMENTS: tuple[tuple[str, str, str], ...] = (
    ("usp18_factor", "(1 + usp18_block) / (1 + usp18_block * usp18_protein)",
     "USP18 disrupts IFNAR2–JAK1: relative receptor assembly and JAK activity (1 at rest)"),
    ("socs1_factor", "(1 + socs1_block) / (1 + socs1_block * socs1_protein)",
     "SOCS1 inhibits JAK1/TYK2: relative receptor activation and JAK activity (1 at rest)"),
    ("kinase", "receptor_active * jak_activity * socs1_factor * usp18_factor",
     "JAK1/TYK2 activity of the active receptor complexes"),
    ("phos_stat1_stat2", "k_phos * kinase * stat1_phosphorylatable * stat2_phosphorylatable",
     "rate constant of STAT1 + STAT2 phosphorylation at the receptor"),
    ("isre_p", "isgf3 + w_pstat2_irf9 * pstat2_irf9",
     "phosphorylated ISRE binders: ISGF3 and pSTAT2–IRF9"),
    ("isre_u", "w_u_isgf3 * (u_isgf3 + w_ustat2_irf9 * ustat2_irf9)",
     "unphosphorylated ISRE binders: U-ISGF3 and U-STAT2–IRF9, in ISGF3 equivalents"),
    ("occ_tunable", "isre_p / (k_isre + isre_p)",
     "occupancy of ISGF3-only ('tunable') ISREs"),
    ("occ_robust", "(isre_p + isre_u) / (k_isre + isre_p + isre_u)",
     "occupancy of ISREs that U-ISGF3 also reads ('robust' ISGs)"),
    ("occ_gas", "aaf / (k_gas + aaf)", "occupancy of GAS elements by AAF"),
    ("ap_signal", "receptor_active * jak_activity * isgf3 / (ap_gate_k + isgf3)",
     "active receptor complexes with working JAKs, counted while they keep ISGF3 formed"),
    ("ap_drive", "ap_signal ** ap_n / (ap_k ** ap_n + ap_signal ** ap_n)",
     "antiproliferative drive: needs many active complexes (Levin et al. 2011, 2014)"),
)

#: Reactions. Protein synthesis is proportional to mRNA (relative) times a derived rate that
#: balances degradation at rest; only free monomers are degraded, as in Kok et al. 2020.
REACTIONS: tuple[Reaction, ...] = (
    # --- receptor --------------------------------------------------------------------------
    Reaction("receptor_synthesis", {"receptor": 1}, "k_receptor * ifnar1_present",
             "IFNAR1/IFNAR2 reach the membrane", "assumption"),
    Reaction("receptor_turnover", {"receptor": -1}, "k_receptor * receptor",
             "constitutive receptor turnover", "assumption"),
    Reaction("receptor_activation", {"receptor": -1, "receptor_active": 1},
             "k_on * ifn_pM * receptor * usp18_factor * socs1_factor",
             "IFN-α binds IFNAR1/IFNAR2; JAK1 and TYK2 come together (USP18 opposes it)",
             "review A Fig. 1a; review B JAK-STAT section [29, 30]; Kok et al. 2020"),
    Reaction("receptor_dissociation", {"receptor_active": -1, "receptor": 1},
             "k_off * receptor_active", "ligand leaves the ternary complex",
             "Lavoie et al. 2011 (K_D)"),
    Reaction("receptor_internalisation", {"receptor_active": -1},
             "k_internalisation * receptor_active",
             "ligand-induced endocytosis and degradation of the active complex",
             "review B (IFNAR1 degradation); assumption (rate)"),
    # --- STAT phosphorylation at the receptor ------------------------------------------------
    Reaction("heterodimer_phosphorylation",
             {"ustat1": -1, "ustat2": -1, "pstat1_pstat2": 1},
             "phos_stat1_stat2 * ustat1 * ustat2",
             "JAK1/TYK2 phosphorylate STAT1 (Y701) and STAT2 (Y690): pSTAT1–pSTAT2",
             "review A Fig. 1a; review B Fig. 3; Kok et al. 2020"),
    Reaction("isgf3_phosphorylation",
             {"ustat1": -1, "ustat2_irf9": -1, "isgf3": 1},
             "phos_stat1_stat2 * ustat1 * ustat2_irf9",
             "pre-formed STAT2–IRF9 docks, STAT1 joins, both are phosphorylated: ISGF3",
             "review A Fig. 1a; Maier et al. 2022 (pre-formed STAT2–IRF9)"),
    Reaction("u_isgf3_phosphorylation", {"u_isgf3": -1, "isgf3": 1},
             "k_phos_u_isgf3 * kinase * stat1_phosphorylatable * stat2_phosphorylatable"
             " * u_isgf3",
             "U-ISGF3 reaching an active receptor is phosphorylated into ISGF3", "assumption"),
    Reaction("aaf_phosphorylation", {"ustat1": -2, "aaf": 1},
             "k_phos_aaf * kinase * stat1_phosphorylatable * ustat1 ** 2",
             "two STAT1 are phosphorylated and pair: AAF (pSTAT1 homodimer)",
             "review A Fig. 1a; Kok et al. 2020"),
    Reaction("stat2_irf9_phosphorylation", {"ustat2_irf9": -1, "pstat2_irf9": 1},
             "k_phos_stat2_irf9 * kinase * stat2_phosphorylatable * ustat2_irf9",
             "STAT2–IRF9 phosphorylated without STAT1", "review A [19]; assumption (rate)"),
    Reaction("isgf3_assembly", {"pstat1_pstat2": -1, "irf9_free": -1, "isgf3": 1},
             "k_isgf3_assembly * pstat1_pstat2 * irf9_free",
             "pSTAT1–pSTAT2 binds IRF9", "Kok et al. 2020; assumption (rate)"),
    # --- dephosphorylation (the nuclear phosphatase: the dominant off-switch) ----------------
    Reaction("heterodimer_dephosphorylation",
             {"pstat1_pstat2": -1, "ustat1": 1, "ustat2": 1},
             "k_dephos_heterodimer * pstat1_pstat2", "pSTAT1–pSTAT2 is dephosphorylated",
             "Kok et al. 2020; Yamada et al. 2003"),
    Reaction("isgf3_dephosphorylation", {"isgf3": -1, "ustat1": 1, "ustat2_irf9": 1},
             "k_dephos_isgf3 * isgf3",
             "ISGF3 is dephosphorylated; STAT2–IRF9 stays together",
             "Kok et al. 2020; Yamada et al. 2003"),
    Reaction("aaf_dephosphorylation", {"aaf": -1, "ustat1": 2}, "k_dephos_aaf * aaf",
             "AAF is dephosphorylated", "Kok et al. 2020"),
    Reaction("stat2_irf9_dephosphorylation", {"pstat2_irf9": -1, "ustat2_irf9": 1},
             "k_dephos_isgf3 * pstat2_irf9", "pSTAT2–IRF9 is dephosphorylated",
             "assumption (as ISGF3)"),
    # --- unphosphorylated complexes ---------------------------------------------------------
    Reaction("stat2_irf9_binding", {"ustat2": -1, "irf9_free": -1, "ustat2_irf9": 1},
             "k_assoc * ustat2 * irf9_free", "U-STAT2 binds IRF9 (constitutive complex)",
             "Maier et al. 2022; review A Fig. 1b"),
    Reaction("stat2_irf9_unbinding", {"ustat2_irf9": -1, "ustat2": 1, "irf9_free": 1},
             "k_assoc * kd_stat2_irf9 * ustat2_irf9", "U-STAT2–IRF9 dissociates",
             "assumption"),
    Reaction("u_isgf3_binding", {"ustat1": -1, "ustat2_irf9": -1, "u_isgf3": 1},
             "k_assoc * ustat1 * ustat2_irf9", "U-STAT1 joins STAT2–IRF9: U-ISGF3",
             "Cheon et al. 2013; review A Fig. 1b"),
    Reaction("u_isgf3_unbinding", {"u_isgf3": -1, "ustat1": 1, "ustat2_irf9": 1},
             "k_assoc * kd_u_isgf3 * u_isgf3", "U-ISGF3 dissociates",
             "assumption (weak: U-ISGF3 forms only when its parts are raised)"),
    # --- STAT1, STAT2, IRF9 protein turnover (positive feedback: they are ISGs) ---------------
    Reaction("stat1_synthesis", {"ustat1": 1},
             "ksyn_stat1 * (stat1_mrna + stat1_extra)", "STAT1 translation (+ transgene)",
             "review A Table 2 (positive feedback)"),
    Reaction("stat1_degradation", {"ustat1": -1}, "k_deg_stat1 * ustat1",
             "free STAT1 is degraded", "assumption (Cheon & Stark 2009: U-STAT1 lasts days)"),
    Reaction("stat2_synthesis", {"ustat2": 1},
             "ksyn_stat2 * (stat2_mrna + stat2_extra)", "STAT2 translation (+ transgene)",
             "review A Table 1"),
    Reaction("stat2_degradation", {"ustat2": -1}, "k_deg_stat2 * ustat2",
             "free STAT2 is degraded", "Kok et al. 2020"),
    Reaction("irf9_synthesis", {"irf9_free": 1},
             "ksyn_irf9 * (irf9_mrna + irf9_extra)", "IRF9 translation (+ transgene)",
             "review A Table 2 (positive feedback)"),
    Reaction("irf9_degradation", {"irf9_free": -1}, "k_deg_irf9 * irf9_free",
             "free IRF9 is degraded", "Kok et al. 2020"),
    # --- transcription (mRNAs relative to rest) ----------------------------------------------
    Reaction("stat1_transcription", {"stat1_mrna": 1},
             "k_deg_stat1_mrna * stat1_gene * (1 + fmax_stat1 * occ_robust)"
             " / (1 + fmax_stat1 * occ_robust_rest)",
             "STAT1 is read from ISREs by ISGF3 and U-ISGF3", "review A Table 1; Kok et al. 2020"),
    Reaction("stat1_mrna_decay", {"stat1_mrna": -1}, "k_deg_stat1_mrna * stat1_mrna",
             "STAT1 mRNA decay", "Kok et al. 2020"),
    Reaction("stat2_transcription", {"stat2_mrna": 1},
             "k_deg_stat2_mrna * (1 + fmax_stat2 * occ_tunable)",
             "STAT2 is read from ISREs by ISGF3", "review A Table 1; Kok et al. 2020"),
    Reaction("stat2_mrna_decay", {"stat2_mrna": -1}, "k_deg_stat2_mrna * stat2_mrna",
             "STAT2 mRNA decay", "Kok et al. 2020"),
    Reaction("irf9_transcription", {"irf9_mrna": 1},
             "k_deg_irf9_mrna * (1 + fmax_irf9 * occ_tunable)",
             "IRF9 is read from ISREs by ISGF3", "review A Table 1; Kok et al. 2020"),
    Reaction("irf9_mrna_decay", {"irf9_mrna": -1}, "k_deg_irf9_mrna * irf9_mrna",
             "IRF9 mRNA decay", "Kok et al. 2020"),
    Reaction("socs1_transcription", {"socs1_mrna": 1},
             "k_deg_socs1_mrna * socs1_expression * (1 + fmax_socs1 * occ_tunable)",
             "SOCS1 is read from ISREs by ISGF3 (negative feedback)",
             "review A Tables 1–2; Kok et al. 2020"),
    Reaction("socs1_mrna_decay", {"socs1_mrna": -1}, "k_deg_socs1_mrna * socs1_mrna",
             "SOCS1 mRNA decay", "Kok et al. 2020"),
    Reaction("usp18_transcription", {"usp18_mrna": 1},
             "k_deg_usp18_mrna * usp18_expression * (1 + fmax_usp18 * occ_tunable)",
             "USP18 is read from ISREs by ISGF3 (negative feedback)",
             "review A Tables 1–2; Kok et al. 2020"),
    Reaction("usp18_mrna_decay", {"usp18_mrna": -1}, "k_deg_usp18_mrna * usp18_mrna",
             "USP18 mRNA decay", "Kok et al. 2020"),
    Reaction("ifitm1_transcription", {"ifitm1_mrna": 1},
             "k_deg_isg_mrna * (1 + fmax_ifitm1 * occ_robust)"
             " / (1 + fmax_ifitm1 * occ_robust_rest)",
             "IFITM1 is read by ISGF3 and U-ISGF3", "review A Table 1; Cheon et al. 2013"),
    Reaction("ifitm1_mrna_decay", {"ifitm1_mrna": -1}, "k_deg_isg_mrna * ifitm1_mrna",
             "IFITM1 mRNA decay", "assumption"),
    Reaction("tunable_transcription", {"tunable_mrna": 1},
             "k_deg_isg_mrna * (1 + fmax_tunable * occ_tunable)",
             "an ISGF3-only ISG", "review A Table 1; Cheon et al. 2013"),
    Reaction("tunable_mrna_decay", {"tunable_mrna": -1}, "k_deg_isg_mrna * tunable_mrna",
             "tunable ISG mRNA decay", "assumption"),
    Reaction("irf1_transcription", {"irf1_mrna": 1},
             "k_deg_irf1_mrna * (1 + fmax_irf1 * occ_gas)", "IRF1 is read from GAS by AAF",
             "review A Table 1"),
    Reaction("irf1_mrna_decay", {"irf1_mrna": -1}, "k_deg_irf1_mrna * irf1_mrna",
             "IRF1 mRNA decay", "assumption"),
    # --- feedback proteins --------------------------------------------------------------------
    Reaction("socs1_translation", {"socs1_protein": 1}, "k_deg_socs1 * socs1_mrna",
             "SOCS1 translation", "Kok et al. 2020"),
    Reaction("socs1_degradation", {"socs1_protein": -1}, "k_deg_socs1 * socs1_protein",
             "SOCS1 protein degradation", "Kok et al. 2020"),
    Reaction("usp18_translation", {"usp18_precursor_1": 1}, "k_usp18_delay * usp18_mrna",
             "USP18 translation starts", "Kok et al. 2020 (delay chain)"),
    Reaction("usp18_delay_1", {"usp18_precursor_1": -1}, "k_usp18_delay * usp18_precursor_1",
             "USP18 delay step 1 ends", "Kok et al. 2020 (delay chain)"),
    Reaction("usp18_delay_2_start", {"usp18_precursor_2": 1},
             "k_usp18_delay * usp18_precursor_1", "USP18 delay step 2 begins",
             "Kok et al. 2020 (delay chain)"),
    Reaction("usp18_delay_2", {"usp18_precursor_2": -1}, "k_usp18_delay * usp18_precursor_2",
             "USP18 delay step 2 ends", "Kok et al. 2020 (delay chain)"),
    Reaction("usp18_appearance", {"usp18_protein": 1}, "k_deg_usp18 * usp18_precursor_2",
             "mature USP18 appears", "Kok et al. 2020 (delay chain)"),
    Reaction("usp18_degradation", {"usp18_protein": -1}, "k_deg_usp18 * usp18_protein",
             "USP18 protein degradation", "Kok et al. 2020"),
    # --- cell-level states --------------------------------------------------------------------
    Reaction("antiviral_synthesis", {"antiviral_effector": 1},
             "k_antiviral * ifitm1_mrna", "antiviral ISG proteins are made",
             "review A (antiviral state needs hours) [32]; assumption (rate)"),
    Reaction("antiviral_decay", {"antiviral_effector": -1},
             "k_antiviral * antiviral_effector", "antiviral ISG proteins decay", "assumption"),
    Reaction("antiproliferative_rise", {"antiproliferative_signal": 1},
             "k_antiproliferative * ap_drive",
             "sustained strong signalling accumulates towards arrest",
             "review A [32]; Levin et al. 2011, 2014"),
    Reaction("antiproliferative_decay", {"antiproliferative_signal": -1},
             "k_antiproliferative * antiproliferative_signal",
             "the arrest signal relaxes without drive", "assumption"),
)

#: Constants that are not in the parameter table: derived from it or set by perturbations.
DERIVED: tuple[tuple[str, str, str], ...] = (
    ("k_on", "/(pM·h)", "receptor_koff_per_h / receptor_kd_pM"),
    ("k_off", "/h", "receptor_koff_per_h"),
    ("ksyn_stat1", "S1₀/h", "k_deg_stat1 × free U-STAT1 at rest"),
    ("ksyn_stat2", "S1₀/h", "k_deg_stat2 × free U-STAT2 at rest"),
    ("ksyn_irf9", "S1₀/h", "k_deg_irf9 × free IRF9 at rest"),
    ("occ_robust_rest", "1", "occupancy of robust ISREs at rest (normalises transcription)"),
    ("u_isgf3_rest", "S1₀", "U-ISGF3 at rest (normalises the u_isgf3 readout)"),
    ("stat2_irf9_rest", "S1₀", "U-STAT2–IRF9 at rest (normalises the stat2_irf9 readout)"),
)

PERTURBATION_FACTORS: tuple[tuple[str, str], ...] = (
    ("jak_activity", "1 − jak_inhibition"),
    ("usp18_expression", "1 − usp18_knockdown"),
    ("socs1_expression", "1 − socs1_knockdown"),
    ("stat1_gene", "0 if stat1_null else 1"),
    ("ifnar1_present", "0 if ifnar1_null else 1"),
    ("stat1_phosphorylatable", "0 if stat1_y701f else 1"),
    ("stat2_phosphorylatable", "0 if stat2_y690f else 1"),
    ("stat1_extra", "stat1_overexpression − 1 (transgene, in units of resting synthesis)"),
    ("stat2_extra", "stat2_overexpression − 1"),
    ("irf9_extra", "irf9_overexpression − 1"),
)


# --- readouts ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Readout:
    """One readout of the model: a column of ``SimulationResult.frame``, declared once.

    The integrator's readout function, the SBML export (assignment rules) and every table or
    figure label are made from these declarations.

    Attributes
    ----------
    name : str
        Column name.
    expression : str
        How it is computed, in the language of :mod:`ifnalpha.model.expressions`, over species,
        constants, intermediate quantities (:data:`ASSIGNMENTS`), the shared terms
        (:data:`READOUT_TERMS`) and the input ``ifn_pM``.
    unit : str
        Its unit ("relative to rest" for everything that is 1 in the resting cell).
    label : str
        Short human label for axes and tables (without the unit).
    meaning : str
        One sentence: what it is, and why its unit if it is not relative to rest.
    gene : str
        HGNC symbol of the gene it represents ("" for complexes, states and generic readouts).
    kind : {"input", "fraction", "complex", "protein", "mRNA", "activity", "state"}
        What sort of quantity it is.
    relative_to_rest : bool
        True if it is 1 in the unstimulated, unperturbed cell (the model's contract).
    """

    name: str
    expression: str
    unit: str
    label: str
    meaning: str
    gene: str
    kind: Literal["input", "fraction", "complex", "protein", "mRNA", "activity", "state"]
    relative_to_rest: bool


#: Terms several readouts share (name, expression, meaning), computed in this order.
READOUT_TERMS: tuple[tuple[str, str, str], ...] = (
    ("stat1_amount", "ustat1 + u_isgf3 + pstat1_pstat2 + isgf3 + 2 * aaf",
     "all STAT1 protein (S1₀); AAF holds two"),
    ("stat2_amount", "ustat2 + ustat2_irf9 + u_isgf3 + pstat1_pstat2 + isgf3 + pstat2_irf9",
     "all STAT2 protein (S1₀)"),
    ("irf9_amount", "irf9_free + ustat2_irf9 + u_isgf3 + isgf3 + pstat2_irf9",
     "all IRF9 protein (S1₀)"),
    ("antiviral_excess", "max(antiviral_effector - 1, 0)",
     "antiviral effector above its resting level"),
)

REST = "relative to rest"
_NOT_REST = "0 at rest, so not relative to rest"

#: The readouts, in the column order of ``SimulationResult.frame``.
READOUTS: tuple[Readout, ...] = (
    Readout("ifn_pM", "ifn_pM", "pM", "IFN-α",
            "IFN-α concentration (the input, not a state of the cell)", "", "input", False),
    Readout("pstat1_total", "fraction(pstat1_pstat2 + isgf3 + 2 * aaf, stat1_amount)",
            "fraction of STAT1", "pSTAT1",
            "phosphorylated STAT1, free or in complexes, as a fraction of all STAT1 (0–1)",
            "STAT1", "fraction", False),
    Readout("pstat2_total", "fraction(pstat1_pstat2 + isgf3 + pstat2_irf9, stat2_amount)",
            "fraction of STAT2", "pSTAT2",
            "phosphorylated STAT2, free or in complexes, as a fraction of all STAT2 (0–1)",
            "STAT2", "fraction", False),
    Readout("isgf3", "isgf3", S10, "ISGF3",
            f"ISGF3 (pSTAT1·pSTAT2·IRF9) in units of resting total STAT1; {_NOT_REST}",
            "", "complex", False),
    Readout("u_isgf3", "u_isgf3 / u_isgf3_rest", REST, "U-ISGF3",
            "U-ISGF3 (U-STAT1·U-STAT2·IRF9)", "", "complex", True),
    Readout("aaf", "aaf", S10, "AAF (pSTAT1 dimer)",
            f"AAF, the pSTAT1 homodimer that binds GAS, in units of resting total STAT1; "
            f"{_NOT_REST}", "", "complex", False),
    Readout("socs1", "socs1_protein", REST, "SOCS1 protein", "SOCS1 protein", "SOCS1",
            "protein", True),
    Readout("usp18", "usp18_protein", REST, "USP18 protein", "USP18 protein", "USP18",
            "protein", True),
    Readout("stat1", "stat1_amount", REST, "STAT1 protein",
            "total STAT1 protein (resting total STAT1 is the unit S1₀)", "STAT1", "protein", True),
    Readout("stat2", "stat2_amount / stat2_total_rest", REST, "STAT2 protein",
            "total STAT2 protein", "STAT2", "protein", True),
    Readout("irf9", "irf9_amount / irf9_total_rest", REST, "IRF9 protein",
            "total IRF9 protein", "IRF9", "protein", True),
    Readout("ifitm1", "ifitm1_mrna", REST, "IFITM1 (robust ISG)",
            "IFITM1 mRNA (robust ISG: ISGF3 and U-ISGF3)", "IFITM1", "mRNA", True),
    Readout("tunable_isg", "tunable_mrna", REST, "tunable ISG (ISGF3 only)",
            "mRNA of an ISGF3-only ('tunable') ISG", "", "mRNA", True),
    Readout("irf1", "irf1_mrna", REST, "IRF1 (GAS gene)", "IRF1 mRNA (GAS gene)", "IRF1",
            "mRNA", True),
    Readout("antiviral",
            "antiviral_excess ** antiviral_n / (antiviral_k ** antiviral_n"
            " + antiviral_excess ** antiviral_n)", "0–1", "antiviral state",
            f"antiviral state of the cell; {_NOT_REST}", "", "state", False),
    Readout("antiproliferative",
            "antiproliferative_signal ** ap_readout_n / (ap_readout_k ** ap_readout_n"
            " + antiproliferative_signal ** ap_readout_n)", "0–1", "antiproliferative state",
            f"antiproliferative state of the cell; {_NOT_REST}", "", "state", False),
    Readout("receptor_active", "receptor_active", "fraction of resting receptors",
            "active receptors", f"active IFN·IFNAR1·IFNAR2 complexes; {_NOT_REST}", "",
            "complex", False),
    Readout("receptor_total", "receptor + receptor_active", REST, "surface receptors",
            "all IFNAR1/IFNAR2 at the surface, free or active", "", "protein", True),
    Readout("stat2_irf9", "(ustat2_irf9 + pstat2_irf9) / stat2_irf9_rest", REST, "STAT2–IRF9",
            "STAT2–IRF9 (unphosphorylated and phosphorylated)", "", "complex", True),
    Readout("isre_phospho", "isre_p", "S1₀ (ISGF3 equivalents)", "ISRE activity, phosphorylated",
            "ISRE activity of phosphorylated complexes (ISGF3 and pSTAT2–IRF9); in ISGF3 "
            f"equivalents to compare with isre_unphospho; {_NOT_REST}", "", "activity", False),
    Readout("isre_unphospho", "isre_u", "S1₀ (ISGF3 equivalents)",
            "ISRE activity, unphosphorylated",
            "ISRE activity of unphosphorylated complexes (robust ISGs only: U-ISGF3 and "
            "U-STAT2–IRF9); in ISGF3 equivalents, like isre_phospho, so that the two add up",
            "", "activity", False),
    Readout("stat1_mrna", "stat1_mrna", REST, "STAT1 mRNA", "STAT1 mRNA", "STAT1", "mRNA", True),
    Readout("stat2_mrna", "stat2_mrna", REST, "STAT2 mRNA", "STAT2 mRNA", "STAT2", "mRNA", True),
    Readout("irf9_mrna", "irf9_mrna", REST, "IRF9 mRNA", "IRF9 mRNA", "IRF9", "mRNA", True),
    Readout("socs1_mrna", "socs1_mrna", REST, "SOCS1 mRNA", "SOCS1 mRNA", "SOCS1", "mRNA", True),
    Readout("usp18_mrna", "usp18_mrna", REST, "USP18 mRNA", "USP18 mRNA", "USP18", "mRNA", True),
)
