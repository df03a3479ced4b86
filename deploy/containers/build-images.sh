#!/usr/bin/env bash
# Builds the suite's images, tagged with the POM's version: the four services (from their
# target/quarkus-app, so run ./mvnw package first) and the gateway. Where the public bases cannot
# be pulled, base-images.sh makes them first. The tags built on stdout; a failed build's output on stderr.
# Usage: deploy/containers/build-images.sh [registry/group]
set -euo pipefail
cd "$(dirname "$0")/../.."
prefix=${1:-ghcr.io/linkwork}
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n 1)
[ -n "$version" ] || { echo "build-images: no version in pom.xml" >&2; exit 1; }

deploy/containers/base-images.sh

declare -A ports=([referral-service]=8081 [activity-directory-service]=8082 [caseload-service]=8083 [outcomes-service]=8084)
for service in referral-service activity-directory-service caseload-service outcomes-service; do
  app="$service/target/quarkus-app"
  [ -f "$app/quarkus-run.jar" ] || { echo "build-images: $app is missing: run ./mvnw package -DskipTests first" >&2; exit 1; }
  deploy/containers/docker-build.sh -f deploy/containers/service/Dockerfile --build-arg SERVICE="$service" \
    --build-arg PORT="${ports[$service]}" --build-arg VERSION="$version" -t "$prefix/$service:$version" "$app"
  echo "$prefix/$service:$version"
done
deploy/containers/docker-build.sh -f deploy/compose/gateway/Dockerfile --label org.opencontainers.image.version="$version" \
  -t "$prefix/gateway:$version" deploy
echo "$prefix/gateway:$version"
