#!/bin/sh
# Trust the OS CAs plus, when LINKWORK_GATEWAY_EXTRA_CA names a readable PEM file, the CA that
# signed Keycloak's certificate (local CA in compose, cluster CA in Kubernetes). The run
# directory is writable (an emptyDir in Kubernetes, where the root filesystem is read-only).
set -eu
bundle=/run/linkwork-gateway/ca-certificates.crt
cat /etc/ssl/ca-certificates.dist.crt > "$bundle"
if [ -n "${LINKWORK_GATEWAY_EXTRA_CA:-}" ] && [ -r "$LINKWORK_GATEWAY_EXTRA_CA" ]; then
    cat "$LINKWORK_GATEWAY_EXTRA_CA" >> "$bundle"
fi
exec "$@"
