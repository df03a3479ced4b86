#!/usr/bin/env bash
# Checks the images prepare.sh leaves behind, without the compose suite: each service image runs
# non-root (uid 185), applies JAVA_OPTS_APPEND after its own JAVA_OPTS, loads its class-data
# archive, carries its health check and the POM's version label; the gateway runs as www-data (33);
# every Java image shares the one apt layer; each drop-in that is present starts (PostgreSQL ready,
# a Kafka KRaft node started, Keycloak and keytool run). Prints one line per check; exits 1 if any failed.
# Usage: deploy/containers/check-images.sh   (after prepare.sh)
set -uo pipefail
cd "$(dirname "$0")/../.."
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n 1)
keycloak_version=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml)
failures=0
containers=()
trap '[ ${#containers[@]} -eq 0 ] || docker rm -f "${containers[@]}" >/dev/null 2>&1' EXIT

check() {
  local what=$1; shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; failures=$((failures + 1)); fi
}
quiet() { "$@" >/dev/null 2>&1; }
equals() { [ "$1" = "$2" ] || { echo "     expected '$2', got '$1'" >&2; return 1; }; }
# The apt layer: the second layer of every Java image (the first is the base).
apt_layer() { docker image inspect -f '{{index .RootFS.Layers 1}}' "$1"; }
# Waits up to $2 seconds for a command to succeed.
within() {
  local seconds=$1; shift
  for _ in $(seq "$seconds"); do "$@" >/dev/null 2>&1 && return 0; sleep 1; done
  return 1
}

shared=$(apt_layer "ghcr.io/linkwork/referral-service:$version")
for service in referral-service activity-directory-service caseload-service outcomes-service; do
  image="ghcr.io/linkwork/$service:$version"
  check "$service runs as uid 185" equals "$(docker run --rm --entrypoint sh "$image" -c 'id -u')" 185
  # The image's own entrypoint, with -version so that java stops after reading its flags:
  # MaxRAMPercentage=50 from JAVA_OPTS_APPEND must win over the image's 70.
  flags=$(docker run --rm -e JAVA_OPTS_APPEND="-XX:MaxRAMPercentage=50 -XX:+PrintFlagsFinal -version" "$image" 2>&1)
  check "$service applies JAVA_OPTS_APPEND after JAVA_OPTS" grep -Eq 'MaxRAMPercentage += 50[.]0+ ' <<<"$flags"
  check "$service keeps JAVA_OPTS" grep -Eq 'ExitOnOutOfMemoryError += true ' <<<"$flags"
  # The class-data archive written in the image build must load in the image's own JVM (one from
  # another JVM build is refused: "created by a different version or build of HotSpot").
  check "$service's class-data archive is valid in its JRE" grep -q 'archive is valid' \
    <<<"$(docker run --rm -e JAVA_OPTS_APPEND=-XX:+PrintSharedArchiveAndExit "$image" 2>&1)"
  check "$service has its readiness health check" grep -q '/q/health/ready' \
    <<<"$(docker image inspect -f '{{json .Config.Healthcheck}}' "$image")"
  check "$service is labelled with version $version" equals \
    "$(docker image inspect -f '{{index .Config.Labels "org.opencontainers.image.version"}}' "$image")" "$version"
  check "$service shares the apt layer" equals "$(apt_layer "$image")" "$shared"
done

gateway="ghcr.io/linkwork/gateway:$version"
check "gateway runs as uid 33" equals "$(docker run --rm --entrypoint sh "$gateway" -c 'id -u')" 33
check "gateway is labelled with version $version" equals \
  "$(docker image inspect -f '{{index .Config.Labels "org.opencontainers.image.version"}}' "$gateway")" "$version"

present() { docker image inspect "$1" >/dev/null 2>&1; }

if present linkwork-local/jre:17; then
  check "jre shares the apt layer" equals "$(apt_layer linkwork-local/jre:17)" "$shared"
  check "jre runs keytool" quiet docker run --rm linkwork-local/jre:17 keytool -help
fi

if present "linkwork-local/keycloak:$keycloak_version"; then
  check "keycloak shares the apt layer" equals "$(apt_layer "linkwork-local/keycloak:$keycloak_version")" "$shared"
  check "keycloak runs kc.sh" grep -q "Keycloak $keycloak_version" \
    <<<"$(docker run --rm "linkwork-local/keycloak:$keycloak_version" --version 2>&1)"
fi

if present linkwork-local/postgres:15; then
  name=linkwork-check-postgres-$$
  containers+=("$name")
  docker run -d --name "$name" -e POSTGRES_PASSWORD=check linkwork-local/postgres:15 >/dev/null
  check "postgres accepts connections over TCP within 60 s" \
    within 60 docker exec "$name" pg_isready -h 127.0.0.1 -U postgres
fi

if present linkwork-local/kafka:4.1.2; then
  check "kafka shares the apt layer" equals "$(apt_layer linkwork-local/kafka:4.1.2)" "$shared"
  name=linkwork-check-kafka-$$
  containers+=("$name")
  docker run -d --name "$name" -e KAFKA_NODE_ID=1 -e KAFKA_PROCESS_ROLES=broker,controller \
    -e KAFKA_LISTENERS=PLAINTEXT://:9092,CONTROLLER://:9093 -e KAFKA_ADVERTISED_LISTENERS=PLAINTEXT://localhost:9092 \
    -e KAFKA_LISTENER_SECURITY_PROTOCOL_MAP=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT \
    -e KAFKA_CONTROLLER_LISTENER_NAMES=CONTROLLER -e KAFKA_CONTROLLER_QUORUM_VOTERS=1@localhost:9093 \
    -e KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR=1 -e KAFKA_LOG_DIRS=/var/lib/kafka/data linkwork-local/kafka:4.1.2 >/dev/null
  check "kafka starts a KRaft node within 120 s" \
    within 120 sh -c "docker logs $name 2>&1 | grep -q 'Kafka Server started'"
fi

[ "$failures" -eq 0 ] || { echo "$failures check(s) failed"; exit 1; }
echo "all checks passed"
