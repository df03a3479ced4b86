#!/usr/bin/env bash
# For machines without a registry: builds drop-in equivalents of the public infrastructure images
# the compose file uses, from Debian's packages and Maven Central, and prints the environment that
# selects them (the compose file reads LINKWORK_*_IMAGE and falls back to the official images).
# With registry access none of this is needed.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=deploy/containers
kafka_version=4.1.2
keycloak_version=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml)

$here/base-images.sh

./mvnw -B -q -f $here/kafka/pom.xml dependency:copy-dependencies -DincludeScope=runtime \
  -DoutputDirectory=target/libs
./mvnw -B -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:${keycloak_version}:zip" \
  -Dmdep.stripVersion=true -DoutputDirectory=$here/keycloak/target
rm -rf $here/keycloak/target/keycloak
(cd $here/keycloak/target && unzip -q keycloak-quarkus-dist.zip && mv "keycloak-${keycloak_version}" keycloak \
  && mkdir -p keycloak/data/import && chmod -R g+rwX keycloak)

build() {
  local name=$1 version=$2
  docker build -q --build-arg VERSION="$version" -t "linkwork-local/$name:$version" "$here/$name" >/dev/null
  echo "linkwork-local/$name:$version"
}
build postgres 15 >/dev/null
build kafka "$kafka_version" >/dev/null
build keycloak "$keycloak_version" >/dev/null
build jre 17 >/dev/null

cat <<ENV
LINKWORK_POSTGRES_IMAGE=linkwork-local/postgres:15
LINKWORK_KAFKA_IMAGE=linkwork-local/kafka:${kafka_version}
LINKWORK_KEYCLOAK_IMAGE=linkwork-local/keycloak:${keycloak_version}
LINKWORK_JRE_IMAGE=linkwork-local/jre:17
ENV
