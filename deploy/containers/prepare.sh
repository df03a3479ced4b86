#!/usr/bin/env bash
# Makes this machine ready to run the compose suite (deploy/compose): a Docker engine, Compose v2,
# the base image, the infrastructure images and the suite's own images. Idempotent: what is there
# is kept, and docker's cache makes unchanged layers free.
#
# Run from anywhere after `./mvnw package` has made each service's target/quarkus-app:
#   env $(deploy/containers/prepare.sh) docker compose -f deploy/compose/compose.yaml up -d
# Progress goes to stderr. stdout carries only NAME=value lines for compose's environment: one
# LINKWORK_*_IMAGE line for each drop-in infrastructure image used because its official image can
# neither be found nor pulled (nothing at all with registry access). On failure: exit 1 and one
# sentence on stderr naming what is missing.
#
# As root on Debian or Ubuntu it provisions what is missing: docker.io and a background dockerd
# (log /var/log/linkwork-dockerd.log), Debian 13's Compose v2 as a CLI plugin, debootstrap.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=deploy/containers

# Everything goes to stderr but the environment lines, written to fd 3 (the original stdout).
exec 3>&1 1>&2

started=$SECONDS
say() { echo "prepare: [$((SECONDS - started)) s] $*"; }
fail() { echo "prepare: $*"; exit 1; }
can_provision() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; }

engine() {
  docker info >/dev/null 2>&1 && return
  if can_provision; then
    if ! command -v dockerd >/dev/null 2>&1 || ! command -v docker >/dev/null 2>&1; then
      say "installing Debian's docker.io"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null
    fi
    if ! pgrep -x dockerd >/dev/null 2>&1; then
      say "starting dockerd (log: /var/log/linkwork-dockerd.log)"
      # Its own session, so it outlives this script and the test that called it; no descriptor of
      # this script kept open (a caller reading our output would otherwise wait for dockerd).
      setsid nohup dockerd >>/var/log/linkwork-dockerd.log 2>&1 </dev/null 3>&- &
    fi
    for _ in $(seq 60); do
      docker info >/dev/null 2>&1 && return
      sleep 1
    done
  fi
  fail "needs a running Docker engine (docker info failed): start one, or run this as root on Debian or Ubuntu to have docker.io installed and dockerd started"
}

compose_v2() { docker compose version 2>/dev/null | grep -Eq 'version v?2\.'; }

# Debian 12 has only Compose 1.29; Debian 13's docker-compose package is Compose v2 (a Go program
# needing glibc 2.34), so its binary is taken from that package through a private apt state on the
# Debian mirror this machine already uses (as .ci/run does for kustomize): the machine's sources and
# installed packages stay as they are.
compose() {
  compose_v2 && return
  if can_provision; then
    local mirror state
    mirror=$(apt-get indextargets --format '$(REPO_URI)' 'Label: Debian' 'Identifier: Packages' | sort -u | head -n 1)
    [ -n "$mirror" ] || fail "needs Docker Compose v2 (docker compose version failed) and this machine's apt sources name no Debian mirror to take it from"
    say "installing Debian 13's docker-compose as the Docker CLI plugin"
    state=$(mktemp -d)
    mkdir -p "$state/lists/partial" "$state/cache/archives/partial" "$state/deb"
    echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] ${mirror} trixie main" > "$state/sources.list"
    local private_apt=(-o Dir::Etc::sourcelist="$state/sources.list" -o Dir::Etc::sourceparts=- \
      -o Dir::State::Lists="$state/lists" -o Dir::Cache="$state/cache" -o APT::Sandbox::User=root)
    apt-get "${private_apt[@]}" update -qq
    (cd "$state/deb" && apt-get "${private_apt[@]}" download docker-compose >/dev/null)
    dpkg-deb -x "$state"/deb/docker-compose_*.deb "$state/root"
    install -D -m 0755 "$state/root/usr/libexec/docker/cli-plugins/docker-compose" \
      /usr/local/lib/docker/cli-plugins/docker-compose
    rm -rf "$state"
    compose_v2 && return
  fi
  fail "needs Docker Compose v2 (docker compose version does not print v2): install the docker-compose-plugin, or run this as root on Debian or Ubuntu to have it installed"
}

# The official image's name, read from the compose file's ${LINKWORK_..._IMAGE:-default}.
official() {
  sed -n "s/.*\${$1:-\([^}]*\)}.*/\1/p" deploy/compose/compose.yaml | head -n 1
}

available() {
  docker image inspect "$1" >/dev/null 2>&1 || timeout 600 docker pull -q "$1" >/dev/null 2>&1
}

# Before anything slow: the suite's images are made from the packaged services.
for service in referral-service activity-directory-service caseload-service outcomes-service; do
  [ -f "$service/target/quarkus-app/quarkus-run.jar" ] \
    || fail "needs $service/target/quarkus-app (run ./mvnw package -DskipTests first)"
done

engine
say "engine: $(docker version -f 'Docker {{.Server.Version}}')"
compose
say "compose: $(docker compose version)"
$here/base-images.sh

declare -A variables=([postgres]=LINKWORK_POSTGRES_IMAGE [kafka]=LINKWORK_KAFKA_IMAGE [keycloak]=LINKWORK_KEYCLOAK_IMAGE [jre]=LINKWORK_JRE_IMAGE)
drop_ins=()
for name in postgres kafka keycloak jre; do
  image=$(official "${variables[$name]}")
  [ -n "$image" ] || fail "deploy/compose/compose.yaml names no default for ${variables[$name]}"
  if available "$image"; then
    say "$image: official image present or pulled"
  else
    say "$image: neither present nor pullable, using a drop-in"
    drop_ins+=("$name")
  fi
done
if [ ${#drop_ins[@]} -gt 0 ]; then
  environment=$($here/build-infra-images.sh "${drop_ins[@]}")
  say "drop-ins ready"
fi

$here/build-images.sh | while read -r image; do say "built $image"; done

say "ready"
[ -z "${environment:-}" ] || echo "$environment" >&3
