import pandas as pd
import pytest

from ifnalpha import paths
from ifnalpha.evidence import catalog


def test_data_files_lists_bibliography_and_counts_csv_rows(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    (tmp_path / "references.bib").write_text("@article{x, title={t}}\n", encoding="utf-8")
    (tmp_path / "sub" / "t.csv").write_text("a,b\n1,2\n3,4\n", encoding="utf-8")
    monkeypatch.setenv("IFNALPHA_DATA", str(tmp_path))
    frame = catalog.data_files()
    assert list(frame["path"]) == ["references.bib", "sub/t.csv"]
    assert frame.loc[frame["path"] == "sub/t.csv", "rows"].item() == 2
    assert pd.isna(frame.loc[frame["path"] == "references.bib", "rows"].item())


def test_unknown_file_kind_is_named(tmp_path, monkeypatch):
    (tmp_path / "stray.exe").write_bytes(b"\0")
    monkeypatch.setenv("IFNALPHA_DATA", str(tmp_path))
    with pytest.raises(ValueError, match="stray.exe"):
        catalog.data_files()


def test_missing_data_dir_is_named(tmp_path, monkeypatch):
    monkeypatch.setenv("IFNALPHA_DATA", str(tmp_path / "nowhere"))
    with pytest.raises(FileNotFoundError, match="nowhere"):
        paths.data_dir()


def test_real_data_folder_has_the_bibliography():
    assert "references.bib" in set(catalog.data_files()["path"])
