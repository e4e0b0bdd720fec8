#!/usr/bin/env bash
# Builds Strata's container image from what `mvn -B -q package -DskipTests` leaves in app/target:
# the launcher strata, strata.jar, and the training run (CdsTrainingRun) that writes the image's
# class-data-sharing archive with the image's JDK. By default nothing is pulled: the base image is
# a Debian bookworm root filesystem with OpenJDK 17's headless JRE, made by debootstrap from the
# Debian mirror this machine's apt already uses and imported into Docker as strata-base:local. That
# base is kept between runs and made again only when missing (or with --rebuild-base); making it
# needs root and debootstrap.
#
# usage: app/docker/build-image.sh [--tag IMAGE] [--base IMAGE | --rebuild-base]
#   --tag           the image to build (default strata:local)
#   --base          build FROM this image instead, e.g. eclipse-temurin:17-jre (Docker pulls it)
#   --rebuild-base  make strata-base:local anew even if it exists
# Prints timings on stderr and, last on stdout, the tag it built. Exit codes: 0 built, 2 usage
# (or app/target lacks one of those files), 3 this machine cannot build the base (no docker daemon,
# not root, no debootstrap, no bookworm mirror in apt's sources; the message says which), 1 anything
# else.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
target="$here/../target"
training="test-classes/dev/strata/app/launcher"
tag="strata:local"
base="strata-base:local"
own_base=true
rebuild_base=false
while (($#)); do
  case "$1" in
    --tag) tag="$2"; shift 2 ;;
    --base) base="$2"; own_base=false; shift 2 ;;
    --rebuild-base) rebuild_base=true; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

for needed in strata strata.jar "$training/CdsTrainingRun.class"; do
  [[ -f "$target/$needed" ]] || { echo "no $target/$needed: run mvn -B -q package -DskipTests first" >&2; exit 2; }
done
cannot() { echo "$*" >&2; exit 3; }
scratch=()
trap 'rm -rf "${scratch[@]}"' EXIT
docker info > /dev/null 2>&1 || cannot "no Docker daemon answers (docker info failed)"

# The first URI apt fetches the bookworm suite from, in deb822 (.sources) or one-line (.list) form.
debian_mirror() {
  local files=()
  [[ -f /etc/apt/sources.list ]] && files+=(/etc/apt/sources.list)
  for f in /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [[ -f "$f" ]] && files+=("$f")
  done
  ((${#files[@]})) || return 1
  awk '
    /^[[:space:]]*#/ { next }
    /^deb[[:space:]]/ {
      for (i = 2; i <= NF; i++) if ($i !~ /^\[/ && $i !~ /\]$/) break
      if ($(i + 1) == "bookworm") { print $i; exit }
      next
    }
    /^[[:space:]]*$/ { if (uri != "" && suite) { print uri; exit } uri = ""; suite = 0; next }
    /^URIs:/ { uri = $2 }
    /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == "bookworm") suite = 1 }
    END { if (uri != "" && suite) print uri }
  ' "${files[@]}" | head -n 1
}

build_base() {
  local mirror dir
  ((EUID == 0)) || cannot "building the base image $base needs root (debootstrap)"
  command -v debootstrap > /dev/null || cannot "building the base image $base needs debootstrap"
  mirror="$(debian_mirror)" || true
  [[ -n "$mirror" ]] || cannot "no Debian bookworm mirror in apt's sources"
  dir="$(mktemp -d /tmp/strata-base.XXXXXX)"
  scratch+=("$dir" "$dir.log")
  echo "debootstrap bookworm from $mirror" >&2
  debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$dir" "$mirror" \
    > "$dir.log" 2>&1 || { tail -20 "$dir.log" >&2; exit 1; }
  # what a runtime never reads: package caches and lists, documentation, manuals, locales
  rm -rf "$dir"/var/cache/apt/* "$dir"/var/lib/apt/lists/* "$dir"/usr/share/doc/* \
    "$dir"/usr/share/man/* "$dir"/usr/share/info/* "$dir"/usr/share/locale/*
  tar -C "$dir" -c . | docker import -c 'CMD ["bash"]' - "$base" > /dev/null
}

start=$SECONDS
if ! $own_base; then
  echo "base $base given" >&2
elif $rebuild_base || ! docker image inspect "$base" > /dev/null 2>&1; then
  build_base
  echo "base $base built in $((SECONDS - start)) s" >&2
else
  echo "base $base reused" >&2
fi

context="$(mktemp -d /tmp/strata-image.XXXXXX)"
scratch+=("$context")
# the files of app/target that the Dockerfile reads, where they are in app/target
mkdir -p "$context/$training"
cp "$here/Dockerfile" "$target/strata" "$target/strata.jar" "$context/"
cp "$target/$training"/CdsTrainingRun*.class "$context/$training/"
image_start=$SECONDS
if ! output="$(docker build --build-arg "BASE_IMAGE=$base" -t "$tag" "$context" 2>&1)"; then
  echo "$output" >&2
  exit 1
fi
# the training stage's untagged image (a builder that keeps stage images keeps one per build)
docker image prune --force --filter label=dev.strata.image-stage=training > /dev/null
echo "image $tag built in $((SECONDS - image_start)) s ($((SECONDS - start)) s in all)" >&2
echo "$tag"
