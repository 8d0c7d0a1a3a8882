#!/usr/bin/env bash
# The read benchmark (not a timed test): generates N rows once per codec (deflate, zstd) under
# target/bench-data and prints (a) plain GenericDatumReader decode on one thread, (b) decompression
# only on all cores, (c) the full pipeline on all cores, with rows/s, c/a, c/b and peak heap.
# Usage: scripts/benchmark-read.sh [--rows N] [--codec deflate|zstd|both] [--only-pipeline] [--warmup W] [--rounds M]
# (round 0 runs with the JIT cold, then W warm-up rounds (default 2) and M measured rounds (default 5);
# every round is printed, then per codec the median of the measured rounds' ratios)
# Heap: HEAP=1g scripts/benchmark-read.sh --rows 100000000 --codec deflate --only-pipeline --warmup 0 --rounds 0
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -pl billing-kernel -am test-compile -DskipTests
mvn -B -ntp -q -pl billing-kernel dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
# this tree's upstream modules first (build-classpath alone resolves them to ~/.m2)
cp="billing-kernel/target/test-classes:billing-kernel/target/classes:billing-core/target/classes:billing-api/target/classes:$(cat billing-kernel/target/bench-classpath.txt)"
exec java -Xmx"${HEAP:-2g}" -cp "$cp" io.aurabilling.dataset.bench.ReadBenchmark --dir target/bench-data "$@"
