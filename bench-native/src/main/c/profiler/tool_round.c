/*
 * One round under the tool (see tool.c for the tool itself): the handlers installed once per
 * run, the events opened before the timed part, the workload timed with the sampler enabled,
 * the signals still in flight settled, and everything closed and counted.
 */
#include "tool_state.h"

#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#define SETTLE_NS 200000000ull /* bounds the wait for signals still in flight after the workload */

static const char *const tool_phase_names[NR_TOOL_PHASES] = {
	[TOOL_PHASE_OPEN] = "open",	[TOOL_PHASE_FCNTL] = "fcntl",	  [TOOL_PHASE_MMAP] = "mmap",
	[TOOL_PHASE_MUNMAP] = "munmap", [TOOL_PHASE_CLOSE] = "close",	  [TOOL_PHASE_MODIFY] = "modify",
	[TOOL_PHASE_DISABLE] = "disable", [TOOL_PHASE_DRAIN] = "ringRead",
};

static const char *const tool_strategy_names[NR_TOOL_STRATEGIES] = {
	[TOOL_NONE] = "none",
	[TOOL_SAMPLER] = "sampler",
	[TOOL_REOPEN] = "reopen",
	[TOOL_MODIFY] = "modify",
};

const char *tool_phase_name(enum tool_phase phase)
{
	return tool_phase_names[phase];
}

const char *tool_strategy_name(enum tool_strategy strategy)
{
	return tool_strategy_names[strategy];
}

static struct sigaction previous_trap_action, previous_sampler_action;

static int install(int signo, void (*handler)(int, siginfo_t *, void *), struct sigaction *previous)
{
	struct sigaction action;

	memset(&action, 0, sizeof(action));
	action.sa_sigaction = handler;
	action.sa_flags = SA_SIGINFO | SA_RESTART;
	if (sigemptyset(&action.sa_mask) != 0 || sigaddset(&action.sa_mask, TRAP_SIGNAL) != 0 ||
	    sigaddset(&action.sa_mask, SAMPLER_SIGNAL) != 0)
		return -1;
	return sigaction(signo, &action, previous);
}

int tool_signals_install(void)
{
	tool_strays = 0;
	if (install(TRAP_SIGNAL, tool_on_trap, &previous_trap_action) != 0)
		return -1;
	return install(SAMPLER_SIGNAL, tool_on_sample, &previous_sampler_action);
}

void tool_signals_restore(void)
{
	(void)sigaction(TRAP_SIGNAL, &previous_trap_action, NULL);
	(void)sigaction(SAMPLER_SIGNAL, &previous_sampler_action, NULL);
}

uint64_t tool_tool_strays(void)
{
	return tool_strays;
}

static int block_tool_signals(sigset_t *previous)
{
	sigset_t set;

	if (sigemptyset(&set) != 0 || sigaddset(&set, TRAP_SIGNAL) != 0 || sigaddset(&set, SAMPLER_SIGNAL) != 0)
		return -1;
	return sigprocmask(SIG_BLOCK, &set, previous);
}

static void init_attrs(struct tool *t, int rate)
{
	pid_t tid = (pid_t)syscall(SYS_gettid);
	size_t page_size = (size_t)sysconf(_SC_PAGESIZE);
	int i;

	/* Both kinds of event: a one-page ring, signals to this thread, each kind its own signal. */
	t->sampler_ctx = (struct arm_context){ .tid = tid, .signo = SAMPLER_SIGNAL, .pages = 1, .page_size = page_size };
	t->slot_ctx = (struct arm_context){ .tid = tid, .signo = TRAP_SIGNAL, .pages = 1, .page_size = page_size };
	memset(&t->sampler, 0, sizeof(t->sampler));
	t->sampler.attr.type = PERF_TYPE_SOFTWARE;
	t->sampler.attr.size = sizeof(t->sampler.attr);
	t->sampler.attr.config = PERF_COUNT_SW_TASK_CLOCK;
	t->sampler.attr.sample_period = 1000000000ull / (uint64_t)rate;
	t->sampler.attr.sample_type = PERF_SAMPLE_IP;
	t->sampler.attr.wakeup_events = 1;
	t->sampler.attr.disabled = 1;
	t->sampler.attr.exclude_kernel = 1;
	t->sampler.attr.exclude_hv = 1;
	t->sampler.fd = -1;
	for (i = 0; i < t->nslots; i++) {
		/* The moves' watchpoint (the Java side's attr), RW over the 8-byte word, parked disabled. */
		watchpoint_init(&t->slots[i].wp, BP_RW, 8, (uintptr_t)&t->parked);
		t->slots[i].wp.attr.disabled = 1;
		t->slots[i].armed = false;
	}
}

/* Waits (bounded) until no ring holds a record whose signal has not been handled yet. */
static void settle(struct tool *t)
{
	uint64_t deadline = now_ns() + SETTLE_NS;
	struct timespec pause = { 0, 50000 };

	for (;;) {
		sigset_t previous;
		bool pending = false;
		int i;

		if (block_tool_signals(&previous) != 0)
			return;
		pending = watchpoint_ring_pending(&t->sampler);
		for (i = 0; i < t->nslots; i++)
			pending = pending || watchpoint_ring_pending(&t->slots[i].wp);
		(void)sigprocmask(SIG_SETMASK, &previous, NULL);
		if (!pending || now_ns() > deadline)
			return;
		(void)nanosleep(&pause, NULL); /* EINTR is what we wait for */
	}
}

/* Everything closed, every last record counted. Signals blocked by the caller. */
static void teardown(struct tool *t)
{
	struct perf_failure failure;
	int i;

	for (i = 0; i < t->nslots; i++) {
		struct tool_slot *s = &t->slots[i];

		t->counts.traps_at_end += tool_ring_take(&s->wp, &t->counts.watch_other);
		if (s->armed)
			t->counts.armed_at_end++;
		s->armed = false;
		if (watchpoint_disarm(&s->wp, &failure) != 0)
			tool_refuse(t, failure.call, failure.err);
	}
	if (t->sampler.fd >= 0) {
		uint64_t count = 0;

		t->counts.sampler_records += tool_ring_take(&t->sampler, &t->counts.sampler_other);
		if (watchpoint_count(&t->sampler, &count, &failure) == 0)
			t->counts.sampled_cpu_ns = count;
		else
			tool_refuse(t, "read (the sampler's task-clock count)", failure.err);
	}
	if (watchpoint_disarm(&t->sampler, &failure) != 0)
		tool_refuse(t, failure.call, failure.err);
}

static uint64_t thread_cpu_ns(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
		return 0;
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

int tool_round(enum tool_strategy strategy, int rate, int slots, struct workload_state *w, uint64_t accesses,
	       _Atomic uintptr_t *recent, uint64_t seed, uint64_t *wall_ns, uint64_t *cpu_ns,
	       struct tool_counts *counts, struct tool_failure *failure)
{
	static struct tool tool; /* large (slots with attrs) and handler-visible: not on the stack */
	struct tool *t = &tool;
	uint64_t wall0, cpu0, strays_before = tool_strays;
	struct perf_failure setup_failure;
	sigset_t previous;
	int i, rc = 0;

	memset(t, 0, sizeof(*t));
	t->strategy = strategy;
	t->nslots = strategy == TOOL_SAMPLER ? 0 : slots;
	t->recent = recent;
	t->rng = seed | 1;
	atomic_store_explicit(recent, 0, memory_order_relaxed);

	if (strategy == TOOL_NONE) {
		wall0 = now_ns();
		cpu0 = thread_cpu_ns();
		workload_step(w, accesses, recent);
		*cpu_ns = thread_cpu_ns() - cpu0;
		*wall_ns = now_ns() - wall0;
		*counts = t->counts;
		counts->stray_signals = tool_strays - strays_before;
		return 0;
	}

	init_attrs(t, rate);
	/* Untimed set-up: the sampler (disabled), and for modify every slot, opened once, disabled. */
	if (watchpoint_arm(&t->sampler, &t->sampler_ctx, &setup_failure) != 0) {
		tool_refuse(t, setup_failure.call, setup_failure.err);
		goto failed;
	}
	for (i = 0; strategy == TOOL_MODIFY && i < slots; i++)
		if (watchpoint_arm(&t->slots[i].wp, &t->slot_ctx, &setup_failure) != 0) {
			tool_refuse(t, setup_failure.call, setup_failure.err);
			goto failed;
		}
	memset(t->counts.phase_ns, 0, sizeof(t->counts.phase_ns));
	memset(t->counts.phase_calls, 0, sizeof(t->counts.phase_calls));
	tool_active = t;

	wall0 = now_ns();
	cpu0 = thread_cpu_ns();
	if (ioctl(t->sampler.fd, PERF_EVENT_IOC_ENABLE, 0) != 0) {
		tool_refuse(t, "ioctl(PERF_EVENT_IOC_ENABLE) on the sampler", errno);
	} else {
		workload_step(w, accesses, recent);
		if (ioctl(t->sampler.fd, PERF_EVENT_IOC_DISABLE, 0) != 0)
			tool_refuse(t, "ioctl(PERF_EVENT_IOC_DISABLE) on the sampler", errno);
	}
	*cpu_ns = thread_cpu_ns() - cpu0;
	*wall_ns = now_ns() - wall0;

	settle(t);
	if (block_tool_signals(&previous) != 0) {
		tool_refuse(t, "sigprocmask", errno);
	} else {
		teardown(t);
		(void)sigprocmask(SIG_SETMASK, &previous, NULL); /* a signal still queued is counted now */
	}
	tool_active = NULL;
	*counts = t->counts;
	counts->stray_signals = tool_strays - strays_before;
	if (t->failed)
		goto failed_closed;
	return rc;

failed:
	tool_active = NULL;
	if (block_tool_signals(&previous) == 0) {
		teardown(t);
		(void)sigprocmask(SIG_SETMASK, &previous, NULL);
	}
	*counts = t->counts;
failed_closed:
	*failure = t->failure;
	return -1;
}
