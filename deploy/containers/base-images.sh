#!/usr/bin/env bash
# Makes the public base images the Linkwork Dockerfiles start FROM, on a machine that cannot pull
# them (no registry reachable): debian:bookworm-slim from Debian's own packages with debootstrap,
# imported under the same name, so the Dockerfiles build unchanged. Where the image is already
# there, or can be pulled, nothing is made. Needs root, debootstrap and a running Docker engine.
set -euo pipefail

make_debian() {
  local image=$1 suite=$2
  if docker image inspect "$image" >/dev/null 2>&1; then
    return
  fi
  if timeout 60 docker pull -q "$image" >/dev/null 2>&1; then
    return
  fi
  # The Debian mirror this machine's apt already uses, so no host name is written here.
  local mirror
  mirror=$(apt-get indextargets --format '$(REPO_URI)' 'Label: Debian' 'Identifier: Packages' | sort -u | head -n 1)
  [ -n "$mirror" ] || { echo "base-images: no Debian mirror in this machine's apt sources" >&2; exit 1; }
  local root
  root=$(mktemp -d)
  trap 'rm -rf "$root"' RETURN
  echo "base-images: making $image from $mirror (debootstrap, about two minutes)" >&2
  debootstrap --variant=minbase "$suite" "$root" "$mirror" >/dev/null
  # As in Debian's slim images: no documentation, no apt lists, an apt source pointing at the mirror.
  rm -rf "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/var/cache/apt/*.bin
  echo "deb ${mirror} ${suite} main" > "$root/etc/apt/sources.list"
  tar -C "$root" -c . | docker import --change 'CMD ["bash"]' - "$image" >/dev/null
}

make_debian debian:bookworm-slim bookworm
