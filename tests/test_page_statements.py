"""What the pages' prose says about the model, checked against the numbers the pages glue.

Each test names the page and quotes the statement it checks. The numbers are those of
:mod:`ifnalpha.book.model_pages`, the module that gathers what each page glues, so a change of
the model that turns a statement false fails here, with the statement in the message, before
the page can say something the model no longer does.
"""

from __future__ import annotations

import pytest

from ifnalpha.book import model_pages


@pytest.fixture(scope="module")
def dose_time():
    return model_pages.dose_time_page().values


@pytest.fixture(scope="module")
def dose_response():
    return model_pages.dose_response_page().values


@pytest.fixture(scope="module")
def acute_chronic():
    return model_pages.acute_chronic_page().values


@pytest.fixture(scope="module")
def perturbations():
    return model_pages.perturbations_page().values


@pytest.fixture(scope="module")
def regimens():
    return model_pages.regimens_page().values


# --- chapters/ibc/ifna-biology -------------------------------------------------------------


def test_ifitm1_is_higher_at_the_end_than_after_the_first_day_at_every_dose(dose_time):
    assert dose_time["first-day-excess"] <= 1e-9, (
        "ifna-biology: 'at every dose IFITM1 is higher at the end than after the first day'")


def test_half_maximal_doses_are_two_to_three_orders_of_magnitude_apart(dose_response):
    assert 100 <= dose_response["dr-ratio"] <= 1000, (
        "ifna-biology: the antiviral and antiproliferative half-maximal doses are 'two to three "
        f"orders of magnitude apart', ratio {dose_response['dr-ratio']:.0f}")
    assert dose_response["dr-antiviral-ec50"] < dose_response["dr-antiproliferative-ec50"]


def test_between_them_a_cell_is_antiviral_but_not_antiproliferative(dose_response):
    assert dose_response["best-window"] > 0.8, (
        "ifna-biology: between the two half-maximal doses there are doses at which a cell is "
        "largely antiviral (> 0.8) but not antiproliferative (< 0.05)")


# --- chapters/ibc/isgs-in-ibc --------------------------------------------------------------


def test_pstat1_peaks_within_the_first_hour(acute_chronic):
    assert acute_chronic["pstat1-peak-h"] < 1, (
        "isgs-in-ibc: 'phosphorylated STAT1 peaks within the first hour'")


def test_pstat1_falls_back_in_the_chronic_window(acute_chronic):
    assert acute_chronic["ac-pstat1-chronic"] < 0.5, (
        "isgs-in-ibc: pSTAT1 'falls back' to a fraction of its peak in the chronic window")


def test_the_first_wave_raised_stat1_stat2_and_irf9(acute_chronic):
    assert acute_chronic["lowest-rise-stat1-stat2-irf9"] > 1, (
        "isgs-in-ibc: 'the first, phosphorylated wave raised STAT1, STAT2 and IRF9'")


def test_u_isgf3_keeps_ifitm1_raised_and_the_tunable_gene_peaks_early(acute_chronic):
    assert acute_chronic["ac-u-isgf3-chronic"] > 1 and acute_chronic["ac-ifitm1-chronic"] > 1
    assert acute_chronic["ac-tunable-peak"] > acute_chronic["ac-tunable-chronic"] > 1, (
        "isgs-in-ibc: the tunable gene, 'after an early peak', 'also stays raised'")


def test_after_washout_the_tunable_gene_falls_below_ifitm1(acute_chronic):
    assert acute_chronic["ac-washout-tunable"] < acute_chronic["ac-washout-ifitm1"], (
        "isgs-in-ibc: washed out, 'the tunable gene is back' while IFITM1 'is still' raised")


def test_a_late_jak_inhibitor_acts_the_same_way_but_less_completely(acute_chronic):
    jak_t, jak_i = acute_chronic["ac-jak-tunable"], acute_chronic["ac-jak-ifitm1"]
    end_t, end_i = acute_chronic["ac-end-tunable"], acute_chronic["ac-end-ifitm1"]
    assert jak_t < end_t, "isgs-in-ibc: the JAK inhibitor lowers the tunable gene"
    assert jak_i > 1 and jak_t > 1, "isgs-in-ibc: 'less completely' than a washout"
    assert 1 - jak_t / end_t > 1 - jak_i / end_i, (
        "isgs-in-ibc: the inhibitor 'acts in the same direction': the tunable gene loses a "
        "larger share than IFITM1")


# --- chapters/ifna2b/antitumour-mechanism --------------------------------------------------


def test_without_ifnar1_nothing_moves(perturbations):
    assert perturbations["ifnar1-largest-change"] < 1e-6
    assert perturbations["ifnar1-pstat1-auc"] == 0, (
        "antitumour-mechanism: 'Without IFNAR1 ... every readout stays at rest'")


def test_an_early_jak_inhibitor_costs_both_gene_classes_about_the_same_share(perturbations):
    assert abs(perturbations["jak-kept-tunable"] - perturbations["jak-kept-ifitm1"]) < 0.1, (
        "antitumour-mechanism: 'the inhibitor costs both gene classes about the same share'")
    assert perturbations["pt-jak-auc"] < 1


@pytest.mark.parametrize("brake", ["usp18", "socs1"])
def test_knocking_down_a_brake_lengthens_pstat1_and_roughly_doubles_the_tunable_gene(
        perturbations, brake):
    assert perturbations[f"pt-{brake}-auc"] > 1, (
        f"antitumour-mechanism: knocking down {brake.upper()} 'lengthens phosphorylation'")
    assert 1.5 < perturbations[f"{brake}-tunable-vs-wt"] < 3, (
        f"antitumour-mechanism: knocking down {brake.upper()} 'roughly doubles the tunable gene'")


def test_more_irf9_favours_ifitm1_over_the_tunable_gene(perturbations):
    assert perturbations["irf9-ifitm1-vs-wt"] > perturbations["irf9-tunable-vs-wt"], (
        "antitumour-mechanism: raising IRF9 'favours the gene that both complexes read'")


def test_cells_without_isgf3_reach_little_of_the_tunable_gene(perturbations):
    assert perturbations["pt-dead-tunable-max"] < perturbations["dead-tunable-quarter"], (
        "antitumour-mechanism: phospho-dead or missing STATs keep ISGF3 from forming, so the "
        "tunable gene reaches at most a small part of its induction")


def test_phospho_dead_stat2_makes_no_brakes_and_more_pstat1(perturbations):
    assert perturbations["y690f-brakes-change"] < 1e-6, (
        "antitumour-mechanism: with STAT2-Y690F 'the cell also fails to make the USP18 and "
        "SOCS1 that ISGF3 induces'")
    assert perturbations["pt-y690f-auc"] > 1, "antitumour-mechanism: 'pSTAT1 accumulates'"
    assert perturbations["pt-y690f-irf1"] > perturbations["pt-wt-irf1"]


def test_a_stat1_null_cell_starts_lower_and_is_raised_a_little(perturbations):
    rest, raised = perturbations["pt-null-ifitm1-rest"], perturbations["pt-null-ifitm1"]
    assert rest < 1, "antitumour-mechanism: a STAT1-null cell 'starts with less IFITM1'"
    assert raised > rest, "antitumour-mechanism: IFN-α2b 'raises it only a little'"


# --- chapters/ifna2b/current-challenges ----------------------------------------------------


def test_weekly_peg_keeps_the_tunable_gene_higher_than_high_dose(regimens):
    assert regimens["rg-peg-tunable-min"] > regimens["rg-hdi-tunable-min"], (
        "current-challenges: weekly PEG-IFN-α2b keeps the tunable ISG higher in the last week")


def test_under_high_dose_ifitm1_stays_above_the_tunable_gene(regimens):
    assert regimens["rg-hdi-ifitm1-min"] > regimens["rg-hdi-tunable-min"], (
        "current-challenges: under the high-dose regimen IFITM1 stays above the tunable gene")


def test_neither_regimen_reaches_an_antiproliferative_state(regimens):
    assert regimens["rg-antiproliferative-max"] < 0.01, (
        "current-challenges: neither regimen reaches an antiproliferative state")
    assert max(regimens["rg-hdi-peak"], regimens["rg-peg-peak"]) < \
        regimens["antiproliferative-ec50"], (
            "current-challenges: 'both peaks stay below the model's antiproliferative "
            "half-maximal dose'")


# --- every page ----------------------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(model_pages.MODEL_PAGES))
def test_every_model_page_glues_its_caption_and_texts(key):
    page = model_pages.MODEL_PAGES[key]()
    assert page.figure_key == key
    assert page.texts[f"cap-{key.removeprefix('fig-')}"] == page.figure.caption
    assert all(isinstance(t, str) and t for t in page.texts.values()), page.texts
