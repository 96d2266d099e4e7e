"""A built wheel carries the code, the language data and the NER model, and works outside the checkout."""

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_works_outside_the_checkout(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path / "dist"), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = (tmp_path / "dist").glob("xinwen-*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        assert "pipeline/models/xinwen_ner/config.cfg" in names
        assert "pipeline/data/zh/amounts.json" in names
        archive.extractall(site)
    code = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "import pipeline\n"
        "assert pipeline.__file__.startswith(sys.argv[1]), pipeline.__file__\n"
        "doc = pipeline.Pipeline().extract('王小明在上海参观了复旦大学。')\n"
        "assert any(e.extractor != 'rule' for e in doc.entities), doc.entities\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(site)], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
