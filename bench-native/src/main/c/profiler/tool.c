/*
 * The watchpoint tool perfbp-bench profiler runs the workloads under, built the way Witch's
 * clients and Feather are: everything happens in two signal handlers on the workload's thread.
 *
 * Sampler. A task-clock software event (sample_period = 1e9/rate ns of the thread's CPU time,
 * exclude_kernel: a period that ends in the kernel gives no sample, as with a PMU event that
 * excludes the kernel) with a one-page ring, O_ASYNC + F_SETSIG SAMPLER_SIGNAL + F_SETOWN_EX
 * to the thread. This VM has no hardware PMU; on bare metal a memory-sampling PMU event
 * (Intel PEBS load/store events, AMD IBS op sampling) plays this role and hands the handler
 * the data address of the sampled access. Here the workload publishes the address of an
 * access it just made (workloads.c) and the handler reads that.
 *
 * At each sample: the address is aligned to its 8-byte word; if a slot already watches that
 * word the sample is skipped (a duplicate); else a free slot is armed there; when every slot
 * is busy, the k-th sample since they all became busy replaces one with probability
 * 1/(1+k), the victim drawn uniformly (reservoir-style, as Witch does: old watchpoints keep a
 * fair chance to trap while new samples still get in). k starts again when a trap frees a slot.
 *
 * Watchpoints. RW, 8 bytes, sample_period 1, a one-page ring (the trap's sample: IP, ADDR),
 * O_ASYNC + F_SETSIG TRAP_SIGNAL + F_SETOWN_EX. The trap handler finds its slot by si_fd,
 * reads the ring, disarms, and records whether the word now differs from when it was armed:
 * the access that trapped was a store that changed it (in the stream workload: a dead store,
 * the old value overwritten unread, DeadCraft's question), or a load (or a silent store).
 *
 * Every arm, move and disarm goes through core/strategy.c, the code perfbp-bench moves times,
 * so the tool's overhead and the headline figure measure the same operations:
 *
 *   reopen: arm   = perf_event_open + fcntl x4 + mmap            (watchpoint_arm_timed)
 *           trap  = munmap + close (a full teardown)             (watchpoint_disarm_timed)
 *           evict = munmap + close, then arm                     (the reopen strategy's move)
 *   modify: the slots are opened once per round, disabled, before the timed part;
 *           arm   = ioctl(MODIFY_ATTRIBUTES) with bp_addr and disabled=0  (the modify strategy's move)
 *           trap  = ioctl(DISABLE)                                       (watchpoint_disable)
 *           evict = ioctl(MODIFY_ATTRIBUTES) (the kernel moves the live watchpoint)
 *
 * Signal safety: the handlers make system calls only (perf_event_open via syscall(2), fcntl,
 * ioctl, mmap, munmap, close, clock_gettime) and touch only the tool's preallocated state:
 * no malloc, no stdio, no locks. POSIX's list lacks mmap, munmap, ioctl and syscall, but on
 * Linux/glibc each is one system call taking no user-space lock; real tools make the same
 * calls here. The one exception is a refusal: core/strategy.c formats the failure's detail
 * with snprintf (no lock, no allocation on glibc for a string, though POSIX does not list it),
 * and only when a call was refused. errno is saved and restored. Both signals are blocked while either handler
 * runs, so the two never see each other's half-done work. A refused call is recorded
 * (call name, errno) and the tool stops arming; the round then fails with the kernel's reason.
 *
 * Strategy sampler runs the sampler and its handler (ring, address) and arms nothing: what
 * sampling alone costs, so the watchpoints' share of the overhead can be told apart.
 *
 * Ordering: the trap signal has the lower number, so when both are pending the trap is
 * handled first. A trap still unhandled when its slot is evicted is found in the ring then
 * (traps_at_replace) and its signal, arriving later, finds nothing (late_signals).
 *
 * tool.c holds the two handlers and the slot policy; tool_round.c opens, times, settles and
 * closes a round; tool_state.h is what both see.
 */
#include "tool_state.h"

#include <errno.h>
#include <string.h>

struct tool *volatile tool_active;
volatile uint64_t tool_strays;

static inline uint64_t next_random(struct tool *t)
{
	uint64_t x = t->rng;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	t->rng = x;
	return x;
}

void tool_refuse(struct tool *t, const char *call, int err)
{
	if (!t->failed) {
		t->failed = true;
		t->failure.call = call;
		t->failure.err = err;
	}
}

/* The records the kernel wrote since the last read, the space handed back: the samples among them. */
uint64_t tool_ring_take(struct watchpoint *e, uint64_t *other)
{
	uint64_t samples = e->samples, others = e->other_records;

	if (e->ring == NULL)
		return 0;
	ring_consume(e);
	*other += e->other_records - others;
	return e->samples - samples;
}

/* A core/strategy.c call's laps, kept under the tool's own phase names. */
static void take_laps(struct tool *t, const struct phase_clock *clock)
{
	static const struct {
		enum phase phase;
		enum tool_phase tool_phase;
	} names[] = {
		{ PHASE_OPEN, TOOL_PHASE_OPEN },     { PHASE_FCNTL, TOOL_PHASE_FCNTL },	   { PHASE_MMAP, TOOL_PHASE_MMAP },
		{ PHASE_MUNMAP, TOOL_PHASE_MUNMAP }, { PHASE_CLOSE, TOOL_PHASE_CLOSE },	   { PHASE_MODIFY, TOOL_PHASE_MODIFY },
		{ PHASE_DISABLE, TOOL_PHASE_DISABLE },
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (clock->ran[names[i].phase]) {
			t->counts.phase_ns[names[i].tool_phase] += clock->ns[names[i].phase];
			t->counts.phase_calls[names[i].tool_phase]++;
		}
}

static void start_laps(struct phase_clock *clock)
{
	memset(clock, 0, sizeof(*clock));
	clock->last = now_ns();
}

/* Ends a core call: its laps counted, its refusal kept (the first one) for the round to report. */
static int end_call(struct tool *t, const struct phase_clock *clock, int rc, const struct perf_failure *failure)
{
	take_laps(t, clock);
	if (rc != 0)
		tool_refuse(t, failure->call, failure->err);
	return rc;
}

static uint64_t slot_take_traps(struct tool *t, struct tool_slot *s)
{
	uint64_t at = now_ns();
	uint64_t samples = tool_ring_take(&s->wp, &t->counts.watch_other);

	lap(t, TOOL_PHASE_DRAIN, at);
	return samples;
}

/*
 * Points slot s at addr by the moves' own strategies: a closed slot is armed (perf_event_open,
 * fcntl x4, mmap), an open one moved by modify (MODIFY_ATTRIBUTES, disabled=0 re-enabling a
 * slot its trap disabled) or, under reopen, by reopen (munmap, close, open, fcntl x4, mmap).
 */
static int slot_point(struct tool *t, struct tool_slot *s, uintptr_t addr)
{
	struct perf_failure failure;
	struct phase_clock clock;
	int rc;

	s->wp.attr.disabled = 0;
	start_laps(&clock);
	if (s->wp.fd < 0) {
		watchpoint_aim(&s->wp, addr);
		rc = watchpoint_arm_timed(&s->wp, &t->slot_ctx, &clock, &failure);
	} else {
		rc = strategy_desc(t->strategy == TOOL_REOPEN ? STRATEGY_REOPEN : STRATEGY_MODIFY)
			     ->move(&s->wp, &t->slot_ctx, addr, &clock, &failure);
	}
	return end_call(t, &clock, rc, &failure);
}

/* reopen's trap: munmap + close; modify's: ioctl(DISABLE), the slot stays open for its next arm. */
static int slot_disarm(struct tool *t, struct tool_slot *s)
{
	struct perf_failure failure;
	struct phase_clock clock;

	start_laps(&clock);
	if (t->strategy == TOOL_REOPEN)
		return end_call(t, &clock, watchpoint_disarm_timed(&s->wp, &clock, &failure), &failure);
	return end_call(t, &clock, watchpoint_disable(&s->wp, &clock, &failure), &failure);
}

static void slot_arm(struct tool *t, struct tool_slot *s, uintptr_t addr)
{
	/* Read before arming: once armed, this read would trap. */
	s->value = *(volatile const uint64_t *)addr;
	s->addr = addr;
	if (slot_point(t, s, addr) == 0)
		s->armed = true;
}

static void slot_evict(struct tool *t, struct tool_slot *s, uintptr_t addr)
{
	uint64_t traps = slot_take_traps(t, s);

	if (traps > 0) {
		t->counts.traps_at_replace += traps;
		t->counts.evicted_trapped++;
	}
	s->armed = false;
	slot_arm(t, s, addr);
}

void tool_on_sample(int signo, siginfo_t *info, void *context)
{
	int saved_errno = errno;
	struct tool *t = tool_active;
	uint64_t start = now_ns();
	uintptr_t addr;
	int i, free_slot = -1;

	(void)signo;
	(void)context;
	if (t == NULL || info->si_fd != t->sampler.fd) {
		tool_strays++;
		goto out;
	}
	t->counts.samples++;
	t->counts.sampler_records += tool_ring_take(&t->sampler, &t->counts.sampler_other);
	if (t->failed) {
		t->counts.skipped_failed++;
		goto done;
	}
	addr = atomic_load_explicit(t->recent, memory_order_relaxed) & ~(uintptr_t)7;
	if (t->strategy == TOOL_SAMPLER) {
		t->counts.sampler_only++;
		goto done;
	}
	if (addr == 0) {
		t->counts.skipped_no_address++;
		goto done;
	}
	for (i = 0; i < t->nslots; i++) {
		if (t->slots[i].armed && t->slots[i].addr == addr) {
			t->counts.skipped_duplicate++;
			goto done;
		}
		if (!t->slots[i].armed && free_slot < 0)
			free_slot = i;
	}
	if (free_slot >= 0) {
		t->counts.armed_free++;
		slot_arm(t, &t->slots[free_slot], addr);
		goto done;
	}
	t->since_full++;
	if (next_random(t) % (t->since_full + 1) != 0) {
		t->counts.skipped_reservoir++;
		goto done;
	}
	t->counts.replaced++;
	slot_evict(t, &t->slots[next_random(t) % (uint64_t)t->nslots], addr);
done:
	t->counts.sampler_handler_ns += now_ns() - start;
out:
	errno = saved_errno;
}

void tool_on_trap(int signo, siginfo_t *info, void *context)
{
	int saved_errno = errno;
	struct tool *t = tool_active;
	uint64_t start = now_ns(), traps;
	struct tool_slot *s = NULL;
	int i;

	(void)signo;
	(void)context;
	if (t == NULL) {
		tool_strays++;
		goto out;
	}
	t->counts.trap_signals++;
	for (i = 0; i < t->nslots && s == NULL; i++)
		if (t->slots[i].wp.fd >= 0 && t->slots[i].wp.fd == info->si_fd)
			s = &t->slots[i];
	traps = s != NULL ? slot_take_traps(t, s) : 0;
	if (traps == 0) {
		t->counts.late_signals++;
		goto done;
	}
	t->counts.traps_handled += traps;
	if (s->armed) {
		s->armed = false;
		t->counts.disarmed_on_trap++;
		t->since_full = 0;
		(void)slot_disarm(t, s);
		/* Disarmed now, so this read cannot trap. */
		if (*(volatile const uint64_t *)s->addr != s->value)
			t->counts.value_changed++;
		else
			t->counts.value_unchanged++;
	}
done:
	t->counts.trap_handler_ns += now_ns() - start;
out:
	errno = saved_errno;
}
