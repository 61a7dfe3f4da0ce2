/*
 * Reference costs with no perf at all, to tell a watchpoint's trap apart from what any trap,
 * signal or syscall costs on this host:
 *
 *   int3         a breakpoint exception (#BP; brk on aarch64) -> SIGTRAP handler
 *   single-step  the trap flag set for one instruction: a debug exception (#DB), the vector a
 *                watchpoint raises -> SIGTRAP handler (x86 only: aarch64 has no user-space
 *                single-step, MDSCR_EL1.SS is the kernel's)
 *   tgkill       a signal sent to this thread -> handler (no exception)
 *   getppid      a trivial system call
 *
 * Each loop's plain twin runs the same instructions less the trap: a nop for int3, the same
 * pushf/popf without the flag for single-step, nothing for tgkill and getppid. A hypervisor that
 * intercepts debug exceptions shows as single-step costing far more than int3.
 */
#include "anatomy.h"

#include "../core/clock.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

enum { INT3, SINGLE_STEP, TGKILL, GETPPID };

struct reference {
	int config;
	pid_t pid, tid;
};

static void *prepare(const struct anatomy_part *part, char *why, int why_size)
{
	struct reference *r;

#if !defined(__x86_64__)
	if (part->config == SINGLE_STEP) {
		snprintf(why, (size_t)why_size, "not measured: %s has no user-space single-step (on aarch64 "
			 "MDSCR_EL1.SS is set by the kernel only, for ptrace)",
#if defined(__aarch64__)
			 "aarch64"
#else
			 "this architecture"
#endif
		);
		return NULL;
	}
#endif
#if !defined(__x86_64__) && !defined(__aarch64__)
	if (part->config == INT3) {
		snprintf(why, (size_t)why_size, "not measured: no breakpoint instruction is known for this architecture");
		return NULL;
	}
#endif
	r = calloc(1, sizeof(*r));
	if (r == NULL) {
		snprintf(why, (size_t)why_size, "out of memory");
		return NULL;
	}
	r->config = part->config;
	r->pid = getpid();
	r->tid = (pid_t)syscall(SYS_gettid);
	return r;
}

static void breakpoint_instruction(bool trapping)
{
#if defined(__x86_64__)
	if (trapping)
		__asm__ volatile("int3" ::: "memory");
	else
		__asm__ volatile("nop" ::: "memory");
#elif defined(__aarch64__)
	if (trapping)
		__asm__ volatile("brk #0" ::: "memory");
	else
		__asm__ volatile("nop" ::: "memory");
#else
	(void)trapping;
#endif
}

static void single_step(bool trapping)
{
#if defined(__x86_64__)
	if (trapping)
		__asm__ volatile("pushfq\n\torq $0x100, (%%rsp)\n\tpopfq\n\tnop" ::: "memory", "cc");
	else
		__asm__ volatile("pushfq\n\torq $0, (%%rsp)\n\tpopfq\n\tnop" ::: "memory", "cc");
#else
	(void)trapping;
#endif
}

static long long handled(int config, const struct handler_counts *c)
{
	switch (config) {
	case INT3:
		return c->breakpt;
	case SINGLE_STEP:
		return c->step;
	case TGKILL:
		return c->tgkill;
	default:
		return 0;
	}
}

static int run(void *state, bool trapping, long ops, struct loop_run *out, char *why, int why_size)
{
	struct reference *r = state;
	struct handler_counts before, after;
	uint64_t start;
	long i;

	(void)why;
	(void)why_size;
	handler_counts_read(&before);
	start = monotonic_ns();
	for (i = 0; i < ops; i++) {
		switch (r->config) {
		case INT3:
			breakpoint_instruction(trapping);
			break;
		case SINGLE_STEP:
			single_step(trapping);
			break;
		case TGKILL:
			if (trapping)
				syscall(SYS_tgkill, r->pid, r->tid, SIGUSR1);
			__asm__ volatile("" ::: "memory");
			break;
		default:
			if (trapping)
				syscall(SYS_getppid);
			__asm__ volatile("" ::: "memory");
		}
	}
	out->ns = (double)(monotonic_ns() - start);
	handler_counts_read(&after);
	/* getppid has no handler: its premise is only that it ran (nothing to count). */
	out->expected = trapping && r->config != GETPPID ? ops : 0;
	out->observed = handled(r->config, &after) - handled(r->config, &before);
	return 0;
}

static void finish(void *state)
{
	free(state);
}

const struct anatomy_part reference_parts[] = {
	{ "int3", "reference", INT3, prepare, run, finish },
	{ "single-step", "reference", SINGLE_STEP, prepare, run, finish },
	{ "tgkill", "reference", TGKILL, prepare, run, finish },
	{ "getppid", "reference", GETPPID, prepare, run, finish },
};
const int nr_reference_parts = sizeof(reference_parts) / sizeof(reference_parts[0]);
