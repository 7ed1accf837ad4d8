"""The runtime computes the score with a dot product: the fitting libraries stay in benchmarks."""

import subprocess
import sys


def test_linting_imports_no_fitting_library():
    code = (
        "import sys, kanclint\n"
        "kanclint.lint('Министерство провело совещание. А вы были у нас?')\n"
        "bad = sorted(m for m in ('sklearn', 'scipy', 'statsmodels') if m in sys.modules)\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
