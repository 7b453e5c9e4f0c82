#!/bin/bash
# The same sweep as sweep-array.sbatch in 8 shards with GNU parallel: one job per machine at a
# time (-j 1), each using all its cores, in a folder every machine sees (WORKDIR). nodes.txt lists
# the machines, one ssh login per line (":" is this machine). A job that stopped is run again by
# running this script again (--resume continues each shard).
# SEEDS and HOURS make a smaller try-out; CELLPOST is the command to run.
set -euo pipefail
WORKDIR=${WORKDIR:-/shared/cellpost}
CELLPOST=${CELLPOST:-npx cellpost}
parallel --will-cite -j 1 --sshloginfile "${NODES:-nodes.txt}" --workdir "$WORKDIR" \
  $CELLPOST sweep --scenario immune-suppression \
  --vary cellTypes.tumour.release.0.perHour=0:500:50 \
  --vary labels.PDL1.blocked=0,0.5,0.9 \
  --seeds "${SEEDS:-1-20}" --hours "${HOURS:-24}" \
  --shard {}/8 --out shard-{}.csv --resume ::: $(seq 1 8)
cd "$WORKDIR"
$CELLPOST merge results.csv shard-*.csv
