#!/usr/bin/env bash
# Makes the public base images the Linkwork Dockerfiles start FROM, on a machine that cannot pull
# them (no registry reachable): debian:bookworm-slim from Debian's own packages with debootstrap,
# imported under the same name, so the Dockerfiles build unchanged. Where the image is already
# there, or can be pulled, nothing is made. Needs root and a running Docker engine; debootstrap is
# installed with apt-get when missing.
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
  if ! command -v debootstrap >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "base-images: installing debootstrap" >&2
      apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
    else
      echo "base-images: $image can neither be pulled nor made: making it needs root and debootstrap (apt-get install debootstrap)" >&2
      exit 1
    fi
  fi
  local root
  root=$(mktemp -d)
  trap 'rm -rf "$root"' RETURN
  echo "base-images: making $image from $mirror (debootstrap, about two minutes)" >&2
  debootstrap --variant=minbase "$suite" "$root" "$mirror" >/dev/null
  # As in Debian's slim images: no documentation or translations, no apt lists, no downloaded
  # packages (debootstrap leaves its own, and docker-clean keeps later installs from leaving theirs),
  # an apt source pointing at the mirror.
  rm -rf "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/locale/* \
    "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb
  cat > "$root/etc/apt/apt.conf.d/docker-clean" <<'CLEAN'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
CLEAN
  echo "deb ${mirror} ${suite} main" > "$root/etc/apt/sources.list"
  tar -C "$root" -c . | docker import --change 'CMD ["bash"]' - "$image" >/dev/null
}

make_debian debian:bookworm-slim bookworm
