#!/usr/bin/env bash
# Builds the suite's images, tagged with the POM's version: the four services (from their
# target/quarkus-app, so run ./mvnw package first) and the gateway. Where the public bases cannot
# be pulled, base-images.sh makes them first. Usage: deploy/containers/build-images.sh [registry/group]
set -euo pipefail
cd "$(dirname "$0")/../.."
prefix=${1:-ghcr.io/linkwork}
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n 1)
[ -n "$version" ] || { echo "build-images: no version in pom.xml" >&2; exit 1; }

deploy/containers/base-images.sh

declare -A ports=([referral-service]=8081 [activity-directory-service]=8082 [caseload-service]=8083 [outcomes-service]=8084)
for service in "${!ports[@]}"; do
  app="$service/target/quarkus-app"
  [ -f "$app/quarkus-run.jar" ] || { echo "build-images: $app is missing: run ./mvnw package -DskipTests first" >&2; exit 1; }
  docker build -q -f deploy/containers/service/Dockerfile --build-arg SERVICE="$service" \
    --build-arg PORT="${ports[$service]}" --build-arg VERSION="$version" -t "$prefix/$service:$version" "$app" >/dev/null
  echo "$prefix/$service:$version"
done
docker build -q -f deploy/compose/gateway/Dockerfile --label org.opencontainers.image.version="$version" \
  -t "$prefix/gateway:$version" deploy >/dev/null
echo "$prefix/gateway:$version"
