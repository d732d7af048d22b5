#!/usr/bin/env python3
"""Runs a composite GitHub Action's steps the way a runner does, for tests.

usage: run_composite_action.py ACTION_DIR WORKSPACE INPUTS_JSON

- validates action.yml: name, description, inputs (each with a description), runs.using == composite, steps with
  either `run` (and `shell: bash`) or `uses`, outputs with `value`;
- evaluates `${{ ... }}` in each step's env and `if:` (inputs.*, github.*, runner.*, steps.*.outputs.*, `||`, `==`,
  `!=`, `&&`, always(), success(), failure()), like the runner's expression engine for the forms the action uses;
- runs `run` steps with bash -e in WORKSPACE, with GITHUB_OUTPUT, GITHUB_ENV, GITHUB_STEP_SUMMARY, GITHUB_ACTION_PATH
  and RUNNER_TEMP files, reads the outputs each step writes; `uses` steps are recorded and skipped (no network);
- prints one JSON line: {"steps": [{"name", "ran", "skipped_uses", "exit"}], "outputs": {...}, "summary": "..."}
  and exits with the first failing step's exit code (0 when all passed).
"""
import json, os, re, subprocess, sys, tempfile
import yaml

action_dir, workspace, inputs_json = sys.argv[1], sys.argv[2], sys.argv[3]
action = yaml.safe_load(open(os.path.join(action_dir, "action.yml")))
problems = []
for key in ("name", "description", "inputs", "runs"):
    if key not in action:
        problems.append(f"missing top-level key {key}")
runs = action.get("runs", {})
if runs.get("using") != "composite":
    problems.append("runs.using must be composite")
for name, spec in (action.get("inputs") or {}).items():
    if not isinstance(spec, dict) or "description" not in spec:
        problems.append(f"input {name} has no description")
for name, spec in (action.get("outputs") or {}).items():
    if "value" not in spec:
        problems.append(f"output {name} has no value (composite outputs need one)")
for i, step in enumerate(runs.get("steps") or []):
    if ("run" in step) == ("uses" in step):
        problems.append(f"step {i} needs exactly one of run/uses")
    if "run" in step and step.get("shell") != "bash":
        problems.append(f"step {i} ({step.get('name')}) needs shell: bash")
if problems:
    print(json.dumps({"invalid": problems}))
    sys.exit(90)

given = json.loads(inputs_json)
inputs = {name: str(given.get(name, (spec or {}).get("default", ""))) for name, spec in action["inputs"].items()}
temp = tempfile.mkdtemp(prefix="runner-")
summary_path = os.path.join(temp, "step_summary.md")
open(summary_path, "w").close()
github = {"action_path": os.path.abspath(action_dir), "action_ref": given.get("__action_ref", "v0.0.0-test"),
          "action_repository": given.get("__action_repository", ""), "server_url": "https://github.invalid",
          "workspace": workspace, "event_name": "workflow_dispatch"}
runner = {"os": "Linux", "arch": "X64", "temp": temp}
step_outputs = {}
job_env = {}
status = "success"

def value(expr):
    expr = expr.strip()
    if expr.startswith("'") and expr.endswith("'"):
        return expr[1:-1]
    if expr in ("always()", "success()", "failure()"):
        return {"always()": True, "success()": status == "success", "failure()": status == "failure"}[expr]
    parts = expr.split(".")
    if parts[0] == "inputs":
        return inputs.get(".".join(parts[1:]), "")
    if parts[0] == "github":
        return github.get(parts[1], "")
    if parts[0] == "runner":
        return runner.get(parts[1], "")
    if parts[0] == "env":
        return job_env.get(parts[1], os.environ.get(parts[1], ""))
    if parts[0] == "steps" and len(parts) == 4 and parts[2] == "outputs":
        return step_outputs.get(parts[1], {}).get(parts[3], "")
    raise SystemExit(f"unsupported expression: {expr}")

def evaluate(expr):
    expr = expr.strip()
    if "&&" in expr:
        return all(truthy(evaluate(p)) for p in expr.split("&&"))
    if "||" in expr:
        for p in expr.split("||"):
            v = evaluate(p)
            if truthy(v):
                return v
        return v
    for op in ("==", "!="):
        if op in expr:
            left, right = expr.split(op, 1)
            same = str(value(left)) == str(value(right))
            return same if op == "==" else not same
    return value(expr)

def truthy(v):
    return v not in ("", False, None, 0, "false")

def substitute(text):
    return re.sub(r"\$\{\{(.*?)\}\}", lambda m: str(evaluate(m.group(1))), str(text))

report = {"steps": [], "outputs": {}, "summary": ""}
first_failure = 0
for step in runs["steps"]:
    condition = step.get("if")
    if condition is not None:
        condition = condition.strip()
        if condition.startswith("${{"):
            condition = condition[3:-2]
        uses_status = any(f in condition for f in ("always()", "failure()", "success()"))
        run_it = truthy(evaluate(condition)) and (uses_status or status == "success")
    else:
        run_it = status == "success"
    entry = {"name": step.get("name"), "ran": False, "skipped_uses": None, "exit": None}
    report["steps"].append(entry)
    if not run_it:
        continue
    if "uses" in step:
        entry["skipped_uses"] = step["uses"]
        continue
    output_file = os.path.join(temp, f"output-{len(report['steps'])}")
    env_file = os.path.join(temp, f"env-{len(report['steps'])}")
    open(output_file, "w").close()
    open(env_file, "w").close()
    env = dict(os.environ)
    env.update(job_env)
    env.update({"GITHUB_OUTPUT": output_file, "GITHUB_ENV": env_file, "GITHUB_STEP_SUMMARY": summary_path,
                "GITHUB_ACTION_PATH": github["action_path"], "GITHUB_ACTIONS": "true", "RUNNER_TEMP": temp,
                "GITHUB_WORKSPACE": workspace, "CI": "true"})
    for key, raw in (step.get("env") or {}).items():
        env[key] = substitute(raw)
    result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]], cwd=workspace,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    sys.stderr.write(f"--- step: {step.get('name')} (exit {result.returncode})\n{result.stdout}")
    entry["ran"] = True
    entry["exit"] = result.returncode
    entry["stdout"] = result.stdout
    outputs = {}
    for line in open(output_file):
        if "=" in line:
            k, v = line.rstrip("\n").split("=", 1)
            outputs[k] = v
    if step.get("id"):
        step_outputs[step["id"]] = outputs
    for line in open(env_file):
        if "=" in line:
            k, v = line.rstrip("\n").split("=", 1)
            job_env[k] = v
    if result.returncode != 0:
        status = "failure"
        first_failure = first_failure or result.returncode
for name, spec in (action.get("outputs") or {}).items():
    report["outputs"][name] = substitute(spec["value"])
report["summary"] = open(summary_path).read()
print(json.dumps(report))
sys.exit(first_failure)
