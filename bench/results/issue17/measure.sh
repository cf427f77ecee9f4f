#!/usr/bin/env bash
# Time and size of report.html: the demo, the largest public datasets per task, and a 50,000-row demo.
cd "$(dirname "$0")"
JAR=../../target/automl.jar  # from bench/results/issue17, after mvn install
run() {  # name, then the command's arguments
  name=$1; shift
  start=$(date +%s.%N)
  java -jar $JAR "$@" > log-$name.txt 2>&1
  end=$(date +%s.%N)
  echo "$name: command $(echo "$end - $start" | bc) s; $(grep -E '^report report.html written' log-$name.txt); $(grep -E '^held-out importance:' log-$name.txt); $(grep -E '^scored' log-$name.txt | cut -c1-60)"
}
rm -rf out-*
run demo demo --out out-demo
run mammography run --config mammography.yaml
run pendigits run --config pendigits.yaml
run kin8nm run --config kin8nm.yaml
run demo50k demo --out out-demo50k --rows 50000 --budget 60
ls -la out-*/report.html
