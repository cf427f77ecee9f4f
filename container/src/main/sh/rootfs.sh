#!/usr/bin/env bash
# Builds the root file system the serving image starts from, without a container registry (none is reachable from
# the build machines): a Java runtime made by jlink from the JDK of the build, the C libraries it and the bundled
# native libraries (XGBoost's OpenMP, SQLite) load, found with ldd on the build machine, a non-root user, /tmp and the
# folder a model is mounted at. Linux x86-64 only, as the image.
#   rootfs.sh OUT_DIR
set -euo pipefail
out=$1
rm -rf "$out"
mkdir -p "$out/opt" "$out/etc" "$out/tmp" "$out/models"
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
# The modules the command-line tool uses (checked with jdeps on its jars), and jdk.crypto.ec for TLS.
"$java_home/bin/jlink" --add-modules java.base,java.logging,java.management,java.naming,java.net.http,java.sql,java.xml,java.desktop,jdk.unsupported,jdk.crypto.ec,java.instrument,jdk.zipfs \
  --strip-debug --no-man-pages --no-header-files --compress=2 --output "$out/opt/java"
libs=$( (ldd "$out/opt/java/bin/java"; find "$out/opt/java/lib" -name '*.so' -exec ldd {} \; ) 2>/dev/null \
  | grep -o '/[^ ]*\.so[^ ]*' | grep -v "^$out" | sort -u)
for extra in libgomp.so.1 libstdc++.so.6 libgcc_s.so.1 libpthread.so.0 libdl.so.2 librt.so.1; do
  # awk reads to the end (no early exit): ldconfig would otherwise die of SIGPIPE and fail the pipeline.
  found=$(ldconfig -p | awk -v n="$extra" '$1 == n && /x86-64/ && !seen {print $NF; seen = 1}')
  [ -n "$found" ] && libs="$libs $found"
done
for lib in $libs; do
  mkdir -p "$out$(dirname "$lib")"
  cp -L "$lib" "$out$lib"
done
printf 'root:x:0:0:root:/root:/sbin/nologin\nautoml:x:10001:10001:automl:/tmp:/sbin/nologin\n' > "$out/etc/passwd"
printf 'root:x:0:\nautoml:x:10001:\n' > "$out/etc/group"
chmod 1777 "$out/tmp"
chmod 755 "$out/models"
echo "rootfs: $(du -sh "$out" | cut -f1) in $out"
