#!/usr/bin/env bash
# For machines without a registry: builds drop-in equivalents of the public infrastructure images
# the compose file uses, from Debian's packages and Maven Central, and prints the environment that
# selects them (the compose file reads LINKWORK_*_IMAGE and falls back to the official images).
# With registry access none of this is needed.
# Usage: deploy/containers/build-infra-images.sh [postgres] [kafka] [keycloak] [jre]   (default: all four)
# A drop-in whose tag exists and was built from the same inputs (its directory, its version, the base
# image) is kept as it is: its label org.linkwork.inputs records them. Progress on stderr, the
# NAME=value lines on stdout.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=deploy/containers
kafka_version=4.1.2
keycloak_version=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml)
[ -n "$keycloak_version" ] || { echo "build-infra-images: no keycloak.version in pom.xml" >&2; exit 1; }
[ $# -gt 0 ] || set -- postgres kafka keycloak jre

declare -A versions=([postgres]=15 [kafka]=$kafka_version [keycloak]=$keycloak_version [jre]=17)
declare -A variables=([postgres]=LINKWORK_POSTGRES_IMAGE [kafka]=LINKWORK_KAFKA_IMAGE [keycloak]=LINKWORK_KEYCLOAK_IMAGE [jre]=LINKWORK_JRE_IMAGE)

$here/base-images.sh >&2
base=$(docker image inspect -f '{{.Id}}' debian:bookworm-slim)

# What an image is made of, as one hash: every file of its directory but the fetched target/
# (the Kafka jars follow from kafka/pom.xml, the Keycloak zip from the version), its version, its base.
inputs() {
  local name=$1
  { (cd "$here/$name" && find . -path ./target -prune -o -type f -print | LC_ALL=C sort | xargs sha256sum)
    echo "${versions[$name]} $base"; } | sha256sum | cut -d' ' -f1
}

fetch() {
  case $1 in
    kafka)
      ./mvnw -B -q -f $here/kafka/pom.xml dependency:copy-dependencies -DincludeScope=runtime \
        -DoutputDirectory=target/libs >&2 ;;
    keycloak)
      ./mvnw -B -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:${keycloak_version}:zip" \
        -Dmdep.stripVersion=true -DoutputDirectory=$here/keycloak/target >&2
      rm -rf $here/keycloak/target/keycloak
      # unzip where installed, else the JDK's jar tool (which drops the scripts' execute bits).
      (cd $here/keycloak/target && { if command -v unzip >/dev/null 2>&1; then unzip -q keycloak-quarkus-dist.zip; else jar xf keycloak-quarkus-dist.zip; fi; } \
        && mv "keycloak-${keycloak_version}" keycloak && chmod +x keycloak/bin/*.sh \
        && mkdir -p keycloak/data/import && chmod -R g+rwX keycloak) ;;
  esac
}

for name in "$@"; do
  [ -n "${versions[$name]:-}" ] || { echo "build-infra-images: no drop-in named $name (postgres, kafka, keycloak, jre)" >&2; exit 1; }
  image="linkwork-local/$name:${versions[$name]}"
  wanted=$(inputs "$name")
  built=$(docker image inspect -f '{{index .Config.Labels "org.linkwork.inputs"}}' "$image" 2>/dev/null || true)
  if [ "$built" = "$wanted" ]; then
    echo "build-infra-images: $image is up to date" >&2
  else
    echo "build-infra-images: building $image" >&2
    fetch "$name"
    $here/docker-build.sh --build-arg VERSION="${versions[$name]}" --label org.linkwork.inputs="$wanted" \
      -t "$image" "$here/$name"
  fi
  echo "${variables[$name]}=$image"
done
