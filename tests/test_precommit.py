"""The published pre-commit hooks, run by pre-commit itself against this working tree."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUREAUCRATIC = (ROOT / "examples" / "press-release.txt").read_text(encoding="utf-8")
CONVERSATIONAL = (ROOT / "examples" / "conversational.txt").read_text(encoding="utf-8")


def git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_try_repo_blocks_a_bureaucratic_draft_and_passes_a_conversational_one(tmp_path):
    pre_commit = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
    repo = tmp_path / "posts"
    repo.mkdir()
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "t@example.org")
    git(repo, "config", "user.name", "t")
    (repo / "bad.txt").write_text(BUREAUCRATIC, encoding="utf-8")
    (repo / "good.md").write_text(CONVERSATIONAL, encoding="utf-8")
    git(repo, "add", ".")

    def try_repo(*files):
        return subprocess.run(
            [pre_commit, "try-repo", str(ROOT), "kanclint", "--files", *files],
            cwd=repo, capture_output=True, text=True, timeout=900,
        )

    bad = try_repo("bad.txt")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout and "Пост лучше доработать" in bad.stdout
    good = try_repo("good.md")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout


def test_readme_hook_example_matches_the_published_hooks():
    """The README's hooks run the same commands as .pre-commit-hooks.yaml and need no tag."""
    import yaml

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("# .pre-commit-config.yaml", 1)[1].split("\n", 1)[1].split("```", 1)[0]
    config = yaml.safe_load(block)
    published = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    (repo,) = config["repos"]
    assert repo["repo"] == "local" and "rev" not in repo
    for hook in repo["hooks"]:
        assert hook["entry"] == published[hook["id"]]["entry"]
        assert hook["types_or"] == published[hook["id"]]["types_or"]
