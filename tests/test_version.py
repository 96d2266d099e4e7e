"""`xinwen --version` / `-V` and `python -m pipeline`: what users try first."""

import subprocess
import sys
from importlib.metadata import version

import pipeline
from pipeline.cli import version as cli_version


def run(*args, module="pipeline", stdin=None):
    result = subprocess.run(
        [sys.executable, "-m", module, *args], input=stdin, capture_output=True, text=True, check=False
    )
    return result.returncode, result.stdout, result.stderr


def test_version_is_the_package_metadata_and_pipeline_version():
    assert version("xinwen") == pipeline.__version__ == cli_version()  # pyproject.toml and the package agree
    for flag in ("--version", "-V"):
        code, out, err = run(flag)
        assert code == 0, err
        assert out == f"xinwen {version('xinwen')}\n"
    code, out, _ = run("--version", module="pipeline.cli")
    assert code == 0 and out.startswith("xinwen ")


def test_python_dash_m_pipeline_is_the_xinwen_command():
    text = "自治区民政厅近日公布2024年全区社会组织优秀案例，32个案例上榜。"
    args = ("extract", "-", "-o", "-", "--no-ner", "--quiet")
    code, as_module, err = run(*args, stdin=text)
    assert code == 0, err
    code, as_cli, err = run(*args, module="pipeline.cli", stdin=text)
    assert code == 0, err
    assert as_module == as_cli and '"type":"DATE"' in as_module.replace(" ", "")
    code, _, err = run()
    assert code == 2 and "usage: xinwen" in err
