/*
 * A kernel refusal turned into what the user should do: the same explanations the Java side
 * gives (dev.rearm.perf.event.PerfErrorAdvice), so both harnesses say the same thing.
 */
#include "advice.h"

#include <linux/perf_event.h>
#include <stdbool.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct errno_entry {
	int err;
	const char *name;
};

static const struct errno_entry errno_table[] = {
	{ EPERM, "EPERM" },	  { ENOENT, "ENOENT" },	    { EINTR, "EINTR" },	  { EBADF, "EBADF" },
	{ ENOMEM, "ENOMEM" },	  { EACCES, "EACCES" },	    { EFAULT, "EFAULT" }, { EBUSY, "EBUSY" },
	{ ENODEV, "ENODEV" },	  { EINVAL, "EINVAL" },	    { EMFILE, "EMFILE" }, { ENFILE, "ENFILE" },
	{ ENOTTY, "ENOTTY" },	  { ENOSPC, "ENOSPC" },	    { E2BIG, "E2BIG" },	  { ENOSYS, "ENOSYS" },
	{ EOPNOTSUPP, "EOPNOTSUPP" }, { EAGAIN, "EAGAIN" }, { ESRCH, "ESRCH" },
};

const char *errno_name(int err)
{
	size_t i;

	for (i = 0; i < sizeof(errno_table) / sizeof(errno_table[0]); i++)
		if (errno_table[i].err == err)
			return errno_table[i].name;
	return strerror(err);
}

/* A sysctl's first line, or "unknown"; read with read(2) to EOF, not sized by st_size (0 for /proc). */
static void read_sysctl(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "r");

	snprintf(buf, size, "unknown");
	if (f == NULL)
		return;
	if (fgets(buf, (int)size, f) == NULL)
		snprintf(buf, size, "unknown");
	buf[strcspn(buf, "\n")] = '\0';
	if (fclose(f) != 0)
		snprintf(buf, size, "unknown");
}

static bool call_is(const struct perf_failure *f, const char *prefix)
{
	return strncmp(f->call, prefix, strlen(prefix)) == 0;
}

static void print_mmap_advice(FILE *out, int err)
{
	char mlock_kb[32];

	switch (err) {
	case EPERM:
	case ENOMEM:
		read_sysctl("/proc/sys/kernel/perf_event_mlock_kb", mlock_kb, sizeof(mlock_kb));
		fprintf(out, "the ring buffer does not fit the locked-memory limit (perf_event_mlock_kb is %s KiB per "
			"user, beyond that RLIMIT_MEMLOCK applies; root or CAP_IPC_LOCK is exempt); use fewer pages, "
			"slots or threads, or raise the limit", mlock_kb);
		break;
	case EINVAL:
		fprintf(out, "the ring's data pages must be a power of two (mmap length = (1 + pages) x page size)");
		break;
	default:
		fprintf(out, "unexpected error from the kernel");
	}
}

/* At paranoid <= 2 the sysctl allows this, so something else refuses: say what. */
static void print_permission_advice(FILE *out)
{
	char paranoid[32], *end;
	long level;

	read_sysctl("/proc/sys/kernel/perf_event_paranoid", paranoid, sizeof(paranoid));
	level = strtol(paranoid, &end, 10);
	if (end != paranoid && *end == '\0' && level <= 2) {
		fprintf(out, "the kernel does not let this process open perf events although perf_event_paranoid is %s, "
			"which allows watching one's own user-space memory: something else refuses, most often a "
			"container's seccomp profile (Docker's default answers EPERM) or a security module (SELinux, "
			"AppArmor, lockdown); allow perf_event_open there, or run outside it, as root or with CAP_PERFMON",
			paranoid);
		return;
	}
	fprintf(out, "the kernel does not let this user open perf events; perf_event_paranoid is %s (2 or lower lets "
		"a user watch its own user-space memory; 3 or more, as some distributions patch it, needs CAP_PERFMON "
		"or root). Lower it with 'sysctl kernel.perf_event_paranoid=2', run as root, or grant CAP_PERFMON; in "
		"a container, the seccomp profile may also block perf_event_open", paranoid);
}

void advice_print(FILE *out, const struct perf_failure *f)
{
	bool open = call_is(f, "perf_event_open");
	bool modify = call_is(f, "ioctl(PERF_EVENT_IOC_MODIFY_ATTRIBUTES)");

	fprintf(out, "perfbp-bench: %s failed with %s%s%s%s: ", f->call, errno_name(f->err), f->detail[0] ? " (" : "",
		f->detail, f->detail[0] ? ")" : "");
	if (call_is(f, "mmap")) {
		print_mmap_advice(out, f->err);
		fputc('\n', out);
		return;
	}
	switch (f->err) {
	case EACCES:
	case EPERM:
		print_permission_advice(out);
		break;
	case ENOENT:
	case ENODEV:
		fprintf(out, "%s", open ? "this kernel has no hardware breakpoint PMU (no "
					  "/sys/bus/event_source/devices/breakpoint): typical of containers and of VMs "
					  "that do not expose debug registers; run on bare metal or a VM with "
					  "debug-register support"
					: "the event or mapping is gone");
		break;
	case EOPNOTSUPP:
		fprintf(out, "%s", open ? "the breakpoint PMU refuses this event (no hardware breakpoint support here: "
					  "typical of containers and some VMs)"
					: "the kernel cannot modify this kind of event in place: "
					  "PERF_EVENT_IOC_MODIFY_ATTRIBUTES works on breakpoint events only");
		break;
	case ENOSPC:
		fprintf(out, "every debug register is in use (x86 has 4, shared by all watchpoints of this thread and "
			"by debuggers attached to it); close a watchpoint or run with fewer slots");
		break;
	case E2BIG:
		fprintf(out, "the kernel does not accept perf_event_attr.size %zu with non-zero fields it does not "
			"know; the kernel is older than the header perfbp-bench was built with",
			sizeof(struct perf_event_attr));
		break;
	case ENOTTY:
		fprintf(out, "%s", modify ? "this kernel does not know PERF_EVENT_IOC_MODIFY_ATTRIBUTES: it needs Linux "
					    "4.17 or newer (commit 32ff77e8cc); only the reopen strategy can run here "
					    "(--strategy reopen,reopen-nobuf)"
					  : "the fd is not a perf event");
		break;
	case EINVAL:
		if (modify)
			fprintf(out, "the kernel accepts a modify that changes only bp_addr, bp_type, bp_len and "
				"disabled, to a breakpoint this CPU supports; some other field differs from the "
				"event's attr, or the new address/length/type is refused (the watchpoint stays armed "
				"where it was)");
		else if (open)
			fprintf(out, "this CPU refuses the breakpoint's length, alignment or type (x86: bp_len 1, 2, "
				"4 or 8, the address aligned to bp_len, no read-only R watchpoints; X uses "
				"sizeof(long))");
		else
			fprintf(out, "invalid argument");
		break;
	case ENOMEM:
	case EMFILE:
	case ENFILE:
		fprintf(out, "out of memory or file descriptors (ulimit -n; fewer threads or slots)");
		break;
	case ENOSYS:
		fprintf(out, "perf_event_open is not implemented or is blocked by a seccomp filter (containers)");
		break;
	default:
		fprintf(out, "unexpected error from the kernel");
	}
	fputc('\n', out);
}
