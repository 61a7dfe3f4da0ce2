/*
 * perfbp-refuse: run a command on a kernel that refuses what rearm needs, for real.
 *
 * A seccomp filter makes the kernel itself answer perf_event_open and/or
 * ioctl(PERF_EVENT_IOC_MODIFY_ATTRIBUTES) with a chosen errno, the way a container's seccomp
 * profile or a pre-4.17 kernel would. The command (and everything it starts) inherits the
 * filter, so the probe, the tests, the harness and the JVM meet a real refusal, not a mock.
 *
 *   perfbp-refuse [--open ERRNO] [--modify ERRNO] [--leak-mappings] -- COMMAND [ARGS...]
 *
 * --leak-mappings makes munmap return 0 and do nothing: every mapping the command drops stays (a
 * ring keeps its perf event alive with it), so a leak check can be seen to catch a real leak
 * (HarnessLeakSoakTest). close is left alone: a probe that opens every debug register and closes
 * them again would otherwise leave none for the run.
 */
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/perf_event.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__x86_64__)
#define AUDIT_ARCH_THIS AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define AUDIT_ARCH_THIS AUDIT_ARCH_AARCH64
#else
#error "perfbp-refuse knows the seccomp arch of x86_64 and aarch64 only"
#endif

#define EXIT_USAGE 2
/* --modify LIE: the ioctl returns 0 and does nothing (SECCOMP_RET_ERRNO with errno 0 skips the
 * call and returns 0): a kernel that lies, for the premise tests. */
#define LIE (-1)

struct errno_name {
	const char *name;
	int value;
};

static const struct errno_name errno_names[] = {
	{ "EPERM", EPERM },	{ "EACCES", EACCES },	  { "ENOENT", ENOENT },
	{ "ENODEV", ENODEV },	{ "ENOSYS", ENOSYS },	  { "ENOTTY", ENOTTY },
	{ "EINVAL", EINVAL },	{ "ENOSPC", ENOSPC },	  { "EOPNOTSUPP", EOPNOTSUPP },
};

static void usage(FILE *out)
{
	fprintf(out,
		"usage: perfbp-refuse [--open ERRNO] [--modify ERRNO] [--leak-mappings] -- COMMAND [ARGS...]\n"
		"Runs COMMAND under a seccomp filter that makes the kernel refuse:\n"
		"  --open ERRNO    every perf_event_open (EPERM: paranoid/no CAP_PERFMON, ENOSYS: blocked\n"
		"                  by a container profile, ENOENT/ENODEV: no breakpoint PMU)\n"
		"  --modify ERRNO  ioctl(PERF_EVENT_IOC_MODIFY_ATTRIBUTES) (ENOTTY: a kernel before 4.17)\n"
		"ERRNO is one of EPERM EACCES ENOENT ENODEV ENOSYS ENOTTY EINVAL ENOSPC EOPNOTSUPP.\n"
		"--modify LIE makes the ioctl return 0 without doing anything: the watchpoint stays where it was.\n"
		"--leak-mappings makes munmap return 0 without doing anything: every mapping stays.\n");
}

static int parse_errno(const char *option, const char *value)
{
	size_t i;

	if (value != NULL && strcmp(option, "--modify") == 0 && strcmp(value, "LIE") == 0)
		return LIE;
	for (i = 0; i < sizeof(errno_names) / sizeof(errno_names[0]); i++)
		if (value != NULL && strcmp(value, errno_names[i].name) == 0)
			return errno_names[i].value;
	fprintf(stderr, "perfbp-refuse: %s '%s' is not one of EPERM EACCES ENOENT ENODEV ENOSYS ENOTTY "
		"EINVAL ENOSPC EOPNOTSUPP\n", option, value == NULL ? "" : value);
	exit(EXIT_USAGE);
}

static int install_filter(int open_errno, int modify_errno, int leak)
{
	/* SECCOMP_RET_ERRNO with errno 0 skips the call and returns 0, as --modify LIE does. */
	const unsigned int unmap = leak ? SECCOMP_RET_ERRNO : SECCOMP_RET_ALLOW;
	/* The ioctl request is compared on its low 32 bits: that is all an _IOW code uses. */
	struct sock_filter filter[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_THIS, 1, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_munmap, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, unmap),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_perf_event_open, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, open_errno ? SECCOMP_RET_ERRNO | (unsigned)open_errno : SECCOMP_RET_ALLOW),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_ioctl, 0, 3),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[1])),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)PERF_EVENT_IOC_MODIFY_ATTRIBUTES, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, modify_errno == LIE ? SECCOMP_RET_ERRNO
					  : modify_errno ? SECCOMP_RET_ERRNO | (unsigned)modify_errno : SECCOMP_RET_ALLOW),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog program = {
		.len = sizeof(filter) / sizeof(filter[0]),
		.filter = filter,
	};

	/* Without no_new_privs an unprivileged process may not install a filter. */
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
		return -1;
	return (int)syscall(__NR_seccomp, SECCOMP_SET_MODE_FILTER, 0, &program);
}

int main(int argc, char **argv)
{
	int open_errno = 0;
	int modify_errno = 0;
	int leak = 0;
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		} else if (strcmp(argv[i], "--open") == 0) {
			open_errno = parse_errno("--open", i + 1 < argc ? argv[++i] : NULL);
		} else if (strcmp(argv[i], "--modify") == 0) {
			modify_errno = parse_errno("--modify", i + 1 < argc ? argv[++i] : NULL);
		} else if (strcmp(argv[i], "--leak-mappings") == 0) {
			leak = 1;
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			return 0;
		} else {
			fprintf(stderr, "perfbp-refuse: unknown option '%s' (valid: --open ERRNO, --modify ERRNO, --leak-mappings, --help, -- COMMAND)\n",
				argv[i]);
			return EXIT_USAGE;
		}
	}
	if (i >= argc) {
		fprintf(stderr, "perfbp-refuse: no COMMAND after '--'\n");
		return EXIT_USAGE;
	}
	if (open_errno == 0 && modify_errno == 0 && !leak) {
		fprintf(stderr, "perfbp-refuse: name at least one refusal (--open ERRNO, --modify ERRNO or --leak-mappings)\n");
		return EXIT_USAGE;
	}
	if (install_filter(open_errno, modify_errno, leak) != 0) {
		fprintf(stderr, "perfbp-refuse: cannot install the seccomp filter: %s\n", strerror(errno));
		return 1;
	}
	execvp(argv[i], &argv[i]);
	fprintf(stderr, "perfbp-refuse: cannot run '%s': %s\n", argv[i], strerror(errno));
	return 127;
}
