#!/usr/bin/env bash
# The rows that need a GPU, run on a GPU machine that has PyTorch but no network and no copy of the data.
#
#   tools/gpu_rows.sh bundle      here (PyPI and LATENT_IMBALANCE_DATA reachable): writes .gpu/ with the wheels of the
#                                 pure-Python dependencies such a machine lacks and MNIST's idx files, gzipped (11 MB)
#   tools/gpu_rows.sh run         there, from the repository root with .gpu/ in it (carried with the tree): installs the wheels into a
#                                 temporary folder, unpacks MNIST, and runs the MNIST table at the thesis's settings
#                                 (profile `thesis`, seed 0) until BUDGET seconds are spent, the autoencoder rows first
#                                 (the rows without one already ran); every finished row is written at once, and
#                                 the results folder is packed into $OUT/results.tgz (or ./gpu-results.tgz)
#
# Settings (environment): BUDGET (seconds, default 480), JOBS (rows side by side, default 4: more processes
# time-share the GPU and slow the autoencoders), SEEDS (default 0), PROFILE (default thesis), DEVICE (default cuda).
# A row is resumed only from the committed results file: the cache (autoencoders, epoch checkpoints) lives in /tmp
# and is gone with the machine, so a row must finish within one call.
set -euo pipefail
cd "$(dirname "$0")/.."
B=.gpu
case "${1:-}" in
bundle)
  : "${LATENT_IMBALANCE_DATA:?set LATENT_IMBALANCE_DATA to the folder that holds MNIST/raw/}"
  rm -rf "$B"; mkdir -p "$B/whl" "$B/mnist"
  # the GPU machine's Python (3.12 here) and platform; its PyTorch, NumPy, pandas, SciPy and scikit-learn are used as found
  python3 -m pip download -q --no-deps --only-binary=:all: --python-version "${GPU_PYTHON:-3.12}" --implementation cp \
    --platform manylinux2014_x86_64 -d "$B/whl" imbalanced-learn sklearn-compat
  for f in "$LATENT_IMBALANCE_DATA"/MNIST/raw/*-ubyte; do gzip -c "$f" > "$B/mnist/$(basename "$f").gz"; done
  du -sh "$B"; ls "$B/whl" ;;
run)
  [ -d "$B/whl" ] && [ -d "$B/mnist" ] || { echo "no $B/ here: run 'tools/gpu_rows.sh bundle' on a machine with the data first" >&2; exit 2; }
  site=$(mktemp -d); python3 -m pip install -q --no-deps --target "$site" "$B"/whl/*.whl
  export PYTHONPATH="$site:$PWD"
  data=$(mktemp -d); mkdir -p "$data/MNIST/raw"
  for f in "$B"/mnist/*.gz; do gunzip -c "$f" > "$data/MNIST/raw/$(basename "$f" .gz)"; done
  export LATENT_IMBALANCE_DATA="$data" LATENT_IMBALANCE_CACHE="$(mktemp -d)"
  res=$(mktemp -d); cp -r results/mnist-thesis-mnist-"${PROFILE:-thesis}"* "$res"/ 2>/dev/null || true
  python3 -c "import torch; print('torch', torch.__version__, 'cuda', torch.cuda.is_available())"
  # every method with an autoencoder, from the method table; those on the denoising autoencoder (most rows share it) first
  AE_ROWS=$(python3 -c "from latent_imbalance.methods import METHODS; ms = [k for k, m in METHODS.items() if m.ae]; print(' '.join(sorted(ms, key=lambda k: METHODS[k].ae[0] != 'denoising')))")
  # shellcheck disable=SC2086
  timeout -s INT "${BUDGET:-480}" python3 -c "import sys; from latent_imbalance.cli import main; sys.argv[0] = 'latent-imbalance'; main()" \
    run --dataset mnist --profile "${PROFILE:-thesis}" --seeds ${SEEDS:-0} --jobs "${JOBS:-4}" --device "${DEVICE:-cuda}" \
    --methods $AE_ROWS --results "$res" || echo "stopped after ${BUDGET:-480} s (finished rows are in the results file)"
  tar czf "${OUT:-.}/$( [ -n "${OUT:-}" ] && echo results.tgz || echo gpu-results.tgz)" --exclude='.*.claim' --exclude='.*.lock' -C "$res" .
  echo "rows: $(($(wc -l < "$res"/mnist-thesis-mnist-"${PROFILE:-thesis}".csv) - 1))" ;;
*) sed -n 2,16p "$0"; exit 2 ;;
esac
