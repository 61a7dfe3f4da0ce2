#!/usr/bin/env bash
# Usage: scripts/in-emulated-guest.sh COMMAND [ARG...]
#
# Runs COMMAND, from this repository's root, inside a QEMU guest with a software-emulated CPU
# (TCG) and a Debian Linux 6.1 kernel, for machines whose own watchpoints never fire (a
# paravirtual VM: `.ci/watchpoint-fires` exits 1). QEMU's TCG emulates the x86 debug registers,
# so in the guest a store under an armed watchpoint traps, and every test and harness path that
# needs a trap runs for real, e.g.
#
#   scripts/in-emulated-guest.sh env REARM_REQUIRE_KERNEL=1 mvn -B -o test
#   scripts/in-emulated-guest.sh bench-native/target/native/perfbp-bench trap-anatomy --rounds 3
#
# What it proves is behaviour: premises, liveness checks, sigtrap tags, exit codes, leaks. Every
# figure measured in the guest is an emulator's, tens of times slower than any CPU and shaped by
# QEMU, not by the kernel: never compare or publish one. (The guest's kernel is 6.1, not this
# machine's.)
#
# The guest sees this machine's whole file system through virtio-9p (read-write, as root) and
# chroots into it, with its own /proc, /sys, /dev and an empty /tmp, so the repository, the JDK,
# Maven and ~/.m2 are the host's: build first (`mvn -DskipTests package`), and pass `-o` to Maven
# (the guest has no network). COMMAND's output goes to the console; its exit code is this
# script's. Needs root, qemu-system-x86 and busybox-static (installed with apt-get if missing),
# and downloads the kernel package once into ${REARM_GUEST_DIR:-/var/tmp/rearm-guest}. x86_64
# only. GUEST_TIMEOUT (seconds, default 3600) bounds the whole run; GUEST_CPUS (default 2) sets the
# guest's CPUs (1 avoids the emulator's cross-CPU code patching, which a JVM's JIT has crashed under).
set -euo pipefail

if [ $# -lt 1 ]; then
  echo "usage: $0 COMMAND [ARG...]  (runs COMMAND in this repository inside an emulated guest)" >&2
  exit 2
fi
if [ "$(id -u)" != 0 ]; then
  echo "in-emulated-guest: needs root (the guest mounts this machine's file system and chroots into it)" >&2
  exit 2
fi
if [ "$(uname -m)" != x86_64 ]; then
  echo "in-emulated-guest: x86_64 only (this machine is $(uname -m))" >&2
  exit 2
fi

repo=$(cd "$(dirname "$0")/.." && pwd)
case $repo in
  /tmp|/tmp/*)
    echo "in-emulated-guest: the repository is under /tmp ($repo), which the guest replaces with an empty" \
      "tmpfs; clone it elsewhere (e.g. /var/tmp or your home)" >&2
    exit 2 ;;
esac
dir=${REARM_GUEST_DIR:-/var/tmp/rearm-guest}
kernel_pkg=linux-image-6.1.0-47-amd64-unsigned
release=6.1.0-47-amd64
mkdir -p "$dir"

need=()
command -v qemu-system-x86_64 >/dev/null || need+=(qemu-system-x86)
[ -x /bin/busybox ] || need+=(busybox-static)
# A fresh machine may have no package lists yet: fetch them once, only when something is missing.
lists_fresh=0
apt_lists() {
  if [ "$lists_fresh" = 0 ]; then
    echo "in-emulated-guest: apt-get update" >&2
    apt-get update -qq >&2
    lists_fresh=1
  fi
}
if [ ${#need[@]} -gt 0 ]; then
  apt_lists
  echo "in-emulated-guest: installing ${need[*]}" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi

if [ ! -f "$dir/kernel/boot/vmlinuz-$release" ]; then
  apt_lists
  echo "in-emulated-guest: downloading $kernel_pkg" >&2
  (cd "$dir" && apt-get download "$kernel_pkg" >&2 && dpkg-deb -x "$kernel_pkg"_*.deb kernel)
fi

# The initramfs: busybox, the virtio and 9p modules (in dependency order), and an init that
# mounts the host, chroots into it and runs the command file.
root=$dir/initramfs
rm -rf "$root"
mkdir -p "$root"/{bin,proc,sys,dev,mnt,modules}
cp /bin/busybox "$root/bin/"
for applet in sh mount mkdir insmod cat chroot poweroff sync ifconfig; do ln -s busybox "$root/bin/$applet"; done
modules=(drivers/virtio/virtio drivers/virtio/virtio_ring drivers/virtio/virtio_pci_modern_dev
  drivers/virtio/virtio_pci_legacy_dev drivers/virtio/virtio_pci fs/netfs/netfs fs/fscache/fscache
  net/9p/9pnet net/9p/9pnet_virtio fs/9p/9p)
for m in "${modules[@]}"; do cp "$dir/kernel/lib/modules/$release/kernel/$m.ko" "$root/modules/"; done
cat > "$root/init" <<'EOF'
#!/bin/sh
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
for m in virtio virtio_ring virtio_pci_modern_dev virtio_pci_legacy_dev virtio_pci netfs fscache 9pnet 9pnet_virtio 9p; do
  insmod /modules/$m.ko
done
# JMH's forks talk to their parent over the loopback interface.
ifconfig lo 127.0.0.1 up
# Debian's kernel defaults to perf_event_paranoid 3 (no perf for users at all); the machines the
# suite runs on have the upstream 2, under which the tests that switch to nobody have something to check.
echo 2 > /proc/sys/kernel/perf_event_paranoid
rc=125
if mount -t 9p -o trans=virtio,version=9p2000.L,msize=512000 host /mnt; then
  mount -t proc proc /mnt/proc
  mount -t sysfs sysfs /mnt/sys
  mount -t devtmpfs devtmpfs /mnt/dev
  mkdir -p /mnt/dev/pts && mount -t devpts devpts /mnt/dev/pts
  mount -t tmpfs tmpfs /mnt/tmp
  chroot /mnt /bin/bash "$(cat /command-file)"
  rc=$?
else
  echo "in-emulated-guest: the guest could not mount the host's file system (virtio-9p)"
fi
echo "in-emulated-guest: exit $rc"
sync
poweroff -f
EOF
chmod +x "$root/init"

# The command file lives on the host (the guest reads it through 9p), outside /tmp.
command_file=$(mktemp "$dir/command.XXXXXX")
{
  echo "cd $(printf '%q' "$repo") || exit 125"
  printf '%q ' "$@"
  echo
} > "$command_file"
echo "$command_file" > "$root/command-file"
(cd "$root" && find . | busybox cpio -o -H newc 2>/dev/null | gzip -1) > "$dir/initramfs.gz"

echo "in-emulated-guest: booting Linux $release under QEMU TCG (emulated: figures measured here mean nothing)" >&2
log=$(mktemp "$dir/console.XXXXXX")
set +e
timeout "${GUEST_TIMEOUT:-3600}" qemu-system-x86_64 -accel tcg -cpu max -smp "${GUEST_CPUS:-2}" -m 8192 -nographic -no-reboot \
  -kernel "$dir/kernel/boot/vmlinuz-$release" -initrd "$dir/initramfs.gz" \
  -append "console=ttyS0 quiet panic=-1 rdinit=/init" \
  -virtfs "local,path=/,mount_tag=host,security_model=passthrough,multidevs=remap,id=host" | tee "$log"
qemu=${PIPESTATUS[0]}
set -e
rm -f "$command_file"
rc=$(sed -n 's/.*in-emulated-guest: exit \([0-9]*\).*/\1/p' "$log" | tail -1)
if [ -z "$rc" ]; then
  echo "in-emulated-guest: the guest ended without the command's exit code (qemu exit $qemu; console in $log)" >&2
  exit 125
fi
rm -f "$log"
exit "$rc"
