#!/usr/bin/env bash
# The steps of the trackplan GitHub Action (action.yml), runnable anywhere: lint the plans with
# annotations and a SARIF file, optionally diff each plan against a base revision (Markdown for a
# pull-request comment) and verify captures. Inputs come as INPUT_* variables, as GitHub passes
# them; results go to $GITHUB_OUTPUT and $GITHUB_STEP_SUMMARY when set.
#
#   INPUT_PLANS         plan files, space-separated (required)
#   INPUT_FAIL_ON       lint's fail level: error (default), warning, info
#   INPUT_SARIF         where to write lint's SARIF (default trackplan.sarif; empty: none)
#   INPUT_DIFF_BASE     a git revision to diff each plan against (empty: no diff)
#   INPUT_CAPTURES      captures or exports to verify, space-separated (empty: no verify)
#   INPUT_VERIFY_ARGS   more options for verify (e.g. `--min-coverage 90% --require purchase`)
#   TRACKPLAN           the trackplan binary (default: trackplan on the PATH)
#
# Outputs: sarif (its path), diff (the path of the diff Markdown), verify (the path of the verify
# Markdown). Exit status: the highest of the steps' (1 a gate failed, 2 unreadable input).
set -uo pipefail
trackplan="${TRACKPLAN:-trackplan}"
plans="${INPUT_PLANS:?INPUT_PLANS names the plan files}"
fail_on="${INPUT_FAIL_ON:-error}"
sarif="${INPUT_SARIF-trackplan.sarif}"
summary="${GITHUB_STEP_SUMMARY:-/dev/null}"
output="${GITHUB_OUTPUT:-/dev/null}"
work="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/trackplan-action"
mkdir -p "$work"
status=0
worst() { [ "$1" -gt "$status" ] && status=$1; return 0; }

# shellcheck disable=SC2086
"$trackplan" lint $plans --format github --fail-on "$fail_on"; worst $?
if [ -n "$sarif" ]; then
  # shellcheck disable=SC2086
  "$trackplan" lint $plans --format sarif -o "$sarif" --fail-on "$fail_on" > /dev/null 2>&1 || true
  echo "sarif=$sarif" >> "$output"
fi

if [ -n "${INPUT_DIFF_BASE:-}" ]; then
  diff_file="$work/diff.md"
  : > "$diff_file"
  for plan in $plans; do
    if git cat-file -e "$INPUT_DIFF_BASE:$plan" 2>/dev/null; then
      "$trackplan" diff "$INPUT_DIFF_BASE:$plan" "$plan" --format markdown >> "$diff_file"; worst $?
    else
      echo "\`$plan\` is new: there is no version at \`$INPUT_DIFF_BASE\` to compare with." >> "$diff_file"
    fi
  done
  cat "$diff_file" >> "$summary"
  echo "diff=$diff_file" >> "$output"
fi

if [ -n "${INPUT_CAPTURES:-}" ]; then
  verify_file="$work/verify.md"
  : > "$verify_file"
  for plan in $plans; do
    # shellcheck disable=SC2086
    "$trackplan" verify "$plan" $INPUT_CAPTURES ${INPUT_VERIFY_ARGS:-} --format github; worst $?
    # shellcheck disable=SC2086
    "$trackplan" verify "$plan" $INPUT_CAPTURES ${INPUT_VERIFY_ARGS:-} --format markdown >> "$verify_file" || true
  done
  cat "$verify_file" >> "$summary"
  echo "verify=$verify_file" >> "$output"
fi
exit $status
