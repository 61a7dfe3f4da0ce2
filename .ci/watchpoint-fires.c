/*
 * Does a hardware watchpoint fire on this machine? Opens a 1-byte write watchpoint on a
 * variable of its own, stores to it three times and reads the count. Shares nothing with the
 * suite's code, so .ci/run can decide from it, not from the code under test, whether every
 * kernel test must run (REARM_REQUIRE_KERNEL=1).
 * Exit 0: it fires (count 3). Exit 1: it opens but never fires (or not once per store).
 * Exit 2: it cannot be opened. bench-native builds it too: the kernel tests' gate asks the same binary.
 */
#include <errno.h>
#include <linux/hw_breakpoint.h>
#include <linux/perf_event.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static volatile char watched;

int main(void)
{
	struct perf_event_attr attr;
	memset(&attr, 0, sizeof(attr));
	attr.type = PERF_TYPE_BREAKPOINT;
	attr.size = sizeof(attr);
	attr.bp_type = HW_BREAKPOINT_W;
	attr.bp_addr = (uintptr_t)&watched;
	attr.bp_len = HW_BREAKPOINT_LEN_1;
	attr.sample_period = 1;
	attr.exclude_kernel = 1;
	attr.exclude_hv = 1;
	int fd = (int)syscall(SYS_perf_event_open, &attr, 0, -1, -1, 0);
	if (fd < 0) {
		printf("a 1-byte W watchpoint cannot be opened: %s\n", strerror(errno));
		return 2;
	}
	for (int i = 1; i <= 3; i++)
		watched = (char)i;
	long long count = -1;
	if (read(fd, &count, sizeof(count)) != (ssize_t)sizeof(count))
		count = -1;
	close(fd);
	if (count != 3) {
		printf("a 1-byte W watchpoint opens, but 3 stores under it were counted %lld times: %s\n", count,
		       count > 0 ? "they fire, but not once per store" : "watchpoints never fire here");
		return 1;
	}
	printf("a 1-byte W watchpoint opens and fires (3 stores, 3 counted)\n");
	return 0;
}
