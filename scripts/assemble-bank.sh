#!/usr/bin/env bash
# Assembles quizzes/jim-halpert.ron from the header and the question parts (used once, when
# the bank was written in parts; kept for the record of how it was built).
set -euo pipefail
out=${OUT:-quizzes/jim-halpert.ron}
{ cat "$1"; shift; for part in "$@"; do sed 's/^/        /' "$part"; echo; done; printf '    ],\n)\n'; } > "$out"
