/*
 * The watchpoint tool the profiler matrix runs the workloads under, built the way Witch's
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
 *   reopen: arm   = perf_event_open + fcntl x4 + mmap
 *           trap  = munmap + close (a full teardown)
 *           evict = munmap + close, then arm
 *   modify: the slots are opened once per round, disabled, before the timed part;
 *           arm   = ioctl(MODIFY_ATTRIBUTES) with bp_addr and disabled=0
 *           trap  = ioctl(DISABLE)
 *           evict = ioctl(MODIFY_ATTRIBUTES) (the kernel moves the live watchpoint)
 *
 * Signal safety: the handlers make system calls only (perf_event_open via syscall(2), fcntl,
 * ioctl, mmap, munmap, close, clock_gettime) and touch only the tool's preallocated state:
 * no malloc, no stdio, no locks. POSIX's list lacks mmap, munmap, ioctl and syscall, but on
 * Linux/glibc each is one system call taking no user-space lock; real tools make the same
 * calls here. errno is saved and restored. Both signals are blocked while either handler
 * runs, so the two never see each other's half-done work. A refused call is recorded
 * (call name, errno) and the tool stops arming; the round then fails with the kernel's reason.
 *
 * Strategy sampler runs the sampler and its handler (ring, address) and arms nothing: what
 * sampling alone costs, so the watchpoints' share of the overhead can be told apart.
 *
 * Ordering: the trap signal has the lower number, so when both are pending the trap is
 * handled first. A trap still unhandled when its slot is evicted is found in the ring then
 * (traps_at_replace) and its signal, arriving later, finds nothing (late_signals).
 */
#include "tool.h"

#include "../core/advice.h"
#include "../core/strategy.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/hw_breakpoint.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define TRAP_SIGNAL (SIGRTMIN + 4)
#define SAMPLER_SIGNAL (SIGRTMIN + 5)
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

/* One perf fd with its ring: the sampler, or a watchpoint slot. */
struct tool_event {
	struct perf_event_attr attr;
	int fd;
	void *ring;
	size_t ring_len;
	unsigned char *ring_data;
	uint64_t ring_mask;
};

struct tool_slot {
	struct tool_event event;
	bool armed;
	uintptr_t addr;
	uint64_t value; /* the watched word when it was armed */
};

struct tool {
	enum tool_strategy strategy;
	int nslots;
	struct tool_slot slots[MAX_SLOTS];
	struct tool_event sampler;
	_Atomic uintptr_t *recent;
	uint64_t rng;
	uint64_t since_full; /* k: samples since every slot became busy */
	pid_t tid;
	size_t page_size;
	uint64_t parked;     /* where modify's slots point while disabled: a word of the tool's own */
	struct tool_counts counts;
	struct tool_failure failure;
	bool failed;
};

/*
 * The handlers' way to their tool: signal handlers take no argument, so the round's tool is
 * published here (and NULL between rounds). With stray_signals, the only mutable globals here.
 */
static struct tool *volatile active_tool;
static volatile uint64_t stray_signals;
static struct sigaction previous_trap_action, previous_sampler_action;

static inline uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts); /* async-signal-safe; cannot fail for this clock */
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static inline uint64_t lap(struct tool *t, enum tool_phase phase, uint64_t since)
{
	uint64_t now = now_ns();

	t->counts.phase_ns[phase] += now - since;
	t->counts.phase_calls[phase]++;
	return now;
}

static inline uint64_t next_random(struct tool *t)
{
	uint64_t x = t->rng;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	t->rng = x;
	return x;
}

static void refuse(struct tool *t, const char *call, int err)
{
	if (!t->failed) {
		t->failed = true;
		t->failure.call = call;
		t->failure.err = err;
	}
}

/* Counts the records since the last read and hands the space back; returns the samples among them. */
static uint64_t ring_take(struct tool_event *e, uint64_t *other)
{
	struct perf_event_mmap_page *meta = e->ring;
	uint64_t head, tail, samples = 0;

	if (meta == NULL)
		return 0;
	head = __atomic_load_n(&meta->data_head, __ATOMIC_ACQUIRE);
	tail = meta->data_tail;
	while (tail < head) {
		const struct perf_event_header *header = (const void *)(e->ring_data + (tail & e->ring_mask));

		if (header->type == PERF_RECORD_SAMPLE)
			samples++;
		else
			(*other)++;
		if (header->size == 0) {
			(*other)++;
			break;
		}
		tail += header->size;
	}
	__atomic_store_n(&meta->data_tail, head, __ATOMIC_RELEASE);
	return samples;
}

static bool ring_pending(const struct tool_event *e)
{
	const struct perf_event_mmap_page *meta = e->ring;

	return meta != NULL && __atomic_load_n(&meta->data_head, __ATOMIC_ACQUIRE) != meta->data_tail;
}

/* perf_event_open, fcntl x4 (signals to this thread), mmap of a one-page ring. Signal-safe. */
static int event_open(struct tool *t, struct tool_event *e, int signo, bool timed)
{
	struct f_owner_ex owner = { .type = F_OWNER_TID, .pid = t->tid };
	uint64_t at = timed ? now_ns() : 0;
	size_t len = 2 * t->page_size;
	long fd;
	int flags;
	void *ring;

	fd = syscall(__NR_perf_event_open, &e->attr, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);
	if (fd < 0) {
		refuse(t, "perf_event_open", errno);
		return -1;
	}
	e->fd = (int)fd;
	if (timed)
		at = lap(t, TOOL_PHASE_OPEN, at);
	flags = fcntl(e->fd, F_GETFL);
	if (flags < 0 || fcntl(e->fd, F_SETFL, flags | O_ASYNC | O_NONBLOCK) != 0 || fcntl(e->fd, F_SETSIG, signo) != 0 ||
	    fcntl(e->fd, F_SETOWN_EX, &owner) != 0) {
		refuse(t, "fcntl (O_ASYNC, F_SETSIG, F_SETOWN_EX)", errno);
		goto close_fd;
	}
	if (timed)
		at = lap(t, TOOL_PHASE_FCNTL, at);
	ring = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, e->fd, 0);
	if (ring == MAP_FAILED) {
		refuse(t, "mmap", errno);
		goto close_fd;
	}
	e->ring = ring;
	e->ring_len = len;
	e->ring_data = (unsigned char *)ring + t->page_size;
	e->ring_mask = t->page_size - 1;
	if (timed)
		lap(t, TOOL_PHASE_MMAP, at);
	return 0;
close_fd:
	(void)close(e->fd);
	e->fd = -1;
	return -1;
}

static int event_close(struct tool *t, struct tool_event *e, bool timed)
{
	uint64_t at = timed ? now_ns() : 0;
	int rc = 0;

	if (e->ring != NULL) {
		if (munmap(e->ring, e->ring_len) != 0) {
			refuse(t, "munmap", errno);
			rc = -1;
		}
		e->ring = NULL;
		if (timed)
			at = lap(t, TOOL_PHASE_MUNMAP, at);
	}
	if (e->fd >= 0) {
		/* Linux frees the fd even when close reports an error: never close it twice. */
		if (close(e->fd) != 0 && rc == 0) {
			refuse(t, "close", errno);
			rc = -1;
		}
		e->fd = -1;
		if (timed)
			lap(t, TOOL_PHASE_CLOSE, at);
	}
	return rc;
}

static uint64_t slot_take_traps(struct tool *t, struct tool_slot *s)
{
	uint64_t at = now_ns();
	uint64_t samples = ring_take(&s->event, &t->counts.watch_other);

	lap(t, TOOL_PHASE_DRAIN, at);
	return samples;
}

/* Points slot s at addr: a fresh event (reopen, or a slot not open) or the ioctl (modify). */
static int slot_point(struct tool *t, struct tool_slot *s, uintptr_t addr)
{
	s->event.attr.bp_addr = addr;
	s->event.attr.disabled = 0;
	if (s->event.fd < 0)
		return event_open(t, &s->event, TRAP_SIGNAL, true);
	{
		uint64_t at = now_ns();

		if (ioctl(s->event.fd, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, &s->event.attr) != 0) {
			refuse(t, "ioctl(PERF_EVENT_IOC_MODIFY_ATTRIBUTES)", errno);
			return -1;
		}
		lap(t, TOOL_PHASE_MODIFY, at);
	}
	return 0;
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
	if (t->strategy == TOOL_REOPEN && event_close(t, &s->event, true) != 0)
		return;
	slot_arm(t, s, addr);
}

static void on_sample(int signo, siginfo_t *info, void *context)
{
	int saved_errno = errno;
	struct tool *t = active_tool;
	uint64_t start = now_ns();
	uintptr_t addr;
	int i, free_slot = -1;

	(void)signo;
	(void)context;
	if (t == NULL || info->si_fd != t->sampler.fd) {
		stray_signals++;
		goto out;
	}
	t->counts.samples++;
	t->counts.sampler_records += ring_take(&t->sampler, &t->counts.sampler_other);
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

static void on_trap(int signo, siginfo_t *info, void *context)
{
	int saved_errno = errno;
	struct tool *t = active_tool;
	uint64_t start = now_ns(), traps, at;
	struct tool_slot *s = NULL;
	int i;

	(void)signo;
	(void)context;
	if (t == NULL) {
		stray_signals++;
		goto out;
	}
	t->counts.trap_signals++;
	for (i = 0; i < t->nslots && s == NULL; i++)
		if (t->slots[i].event.fd >= 0 && t->slots[i].event.fd == info->si_fd)
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
		if (t->strategy == TOOL_REOPEN) {
			(void)event_close(t, &s->event, true);
		} else {
			at = now_ns();
			if (ioctl(s->event.fd, PERF_EVENT_IOC_DISABLE, 0) != 0)
				refuse(t, "ioctl(PERF_EVENT_IOC_DISABLE)", errno);
			else
				lap(t, TOOL_PHASE_DISABLE, at);
		}
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
	stray_signals = 0;
	if (install(TRAP_SIGNAL, on_trap, &previous_trap_action) != 0)
		return -1;
	return install(SAMPLER_SIGNAL, on_sample, &previous_sampler_action);
}

void tool_signals_restore(void)
{
	(void)sigaction(TRAP_SIGNAL, &previous_trap_action, NULL);
	(void)sigaction(SAMPLER_SIGNAL, &previous_sampler_action, NULL);
}

uint64_t tool_stray_signals(void)
{
	return stray_signals;
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
	int i;

	memset(&t->sampler.attr, 0, sizeof(t->sampler.attr));
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
		struct perf_event_attr *a = &t->slots[i].event.attr;

		memset(a, 0, sizeof(*a));
		a->type = PERF_TYPE_BREAKPOINT;
		a->size = sizeof(*a);
		a->sample_period = 1;
		a->sample_type = PERF_SAMPLE_IP | PERF_SAMPLE_ADDR;
		a->wakeup_events = 1;
		a->exclude_kernel = 1;
		a->exclude_hv = 1;
		a->bp_type = HW_BREAKPOINT_RW;
		a->bp_len = HW_BREAKPOINT_LEN_8;
		a->bp_addr = (uintptr_t)&t->parked;
		a->disabled = 1;
		t->slots[i].event.fd = -1;
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
		pending = ring_pending(&t->sampler);
		for (i = 0; i < t->nslots; i++)
			pending = pending || ring_pending(&t->slots[i].event);
		(void)sigprocmask(SIG_SETMASK, &previous, NULL);
		if (!pending || now_ns() > deadline)
			return;
		(void)nanosleep(&pause, NULL); /* EINTR is what we wait for */
	}
}

/* Everything closed, every last record counted. Signals blocked by the caller. */
static void teardown(struct tool *t)
{
	int i;

	for (i = 0; i < t->nslots; i++) {
		struct tool_slot *s = &t->slots[i];

		t->counts.traps_at_end += ring_take(&s->event, &t->counts.watch_other);
		if (s->armed)
			t->counts.armed_at_end++;
		s->armed = false;
		(void)event_close(t, &s->event, false);
	}
	if (t->sampler.fd >= 0) {
		uint64_t count = 0;

		t->counts.sampler_records += ring_take(&t->sampler, &t->counts.sampler_other);
		if (read(t->sampler.fd, &count, sizeof(count)) == (ssize_t)sizeof(count))
			t->counts.sampled_cpu_ns = count;
		else
			refuse(t, "read (the sampler's task-clock count)", errno);
	}
	(void)event_close(t, &t->sampler, false);
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
	uint64_t wall0, cpu0, strays_before = stray_signals;
	sigset_t previous;
	int i, rc = 0;

	memset(t, 0, sizeof(*t));
	t->strategy = strategy;
	t->nslots = strategy == TOOL_SAMPLER ? 0 : slots;
	t->recent = recent;
	t->rng = seed | 1;
	t->tid = (pid_t)syscall(SYS_gettid);
	t->page_size = (size_t)sysconf(_SC_PAGESIZE);
	atomic_store_explicit(recent, 0, memory_order_relaxed);

	if (strategy == TOOL_NONE) {
		wall0 = now_ns();
		cpu0 = thread_cpu_ns();
		workload_step(w, accesses, recent);
		*cpu_ns = thread_cpu_ns() - cpu0;
		*wall_ns = now_ns() - wall0;
		*counts = t->counts;
		counts->stray_signals = stray_signals - strays_before;
		return 0;
	}

	init_attrs(t, rate);
	/* Untimed set-up: the sampler (disabled), and for modify every slot, opened once, disabled. */
	if (event_open(t, &t->sampler, SAMPLER_SIGNAL, false) != 0)
		goto failed;
	for (i = 0; strategy == TOOL_MODIFY && i < slots; i++)
		if (event_open(t, &t->slots[i].event, TRAP_SIGNAL, false) != 0)
			goto failed;
	memset(t->counts.phase_ns, 0, sizeof(t->counts.phase_ns));
	memset(t->counts.phase_calls, 0, sizeof(t->counts.phase_calls));
	active_tool = t;

	wall0 = now_ns();
	cpu0 = thread_cpu_ns();
	if (ioctl(t->sampler.fd, PERF_EVENT_IOC_ENABLE, 0) != 0) {
		refuse(t, "ioctl(PERF_EVENT_IOC_ENABLE) on the sampler", errno);
	} else {
		workload_step(w, accesses, recent);
		if (ioctl(t->sampler.fd, PERF_EVENT_IOC_DISABLE, 0) != 0)
			refuse(t, "ioctl(PERF_EVENT_IOC_DISABLE) on the sampler", errno);
	}
	*cpu_ns = thread_cpu_ns() - cpu0;
	*wall_ns = now_ns() - wall0;

	settle(t);
	if (block_tool_signals(&previous) != 0) {
		refuse(t, "sigprocmask", errno);
	} else {
		teardown(t);
		(void)sigprocmask(SIG_SETMASK, &previous, NULL); /* a signal still queued is counted now */
	}
	active_tool = NULL;
	*counts = t->counts;
	counts->stray_signals = stray_signals - strays_before;
	if (t->failed)
		goto failed_closed;
	return rc;

failed:
	active_tool = NULL;
	if (block_tool_signals(&previous) == 0) {
		teardown(t);
		(void)sigprocmask(SIG_SETMASK, &previous, NULL);
	}
	*counts = t->counts;
failed_closed:
	*failure = t->failure;
	return -1;
}

void tool_probe_hardware_pmu(struct capability *pmu)
{
	struct perf_event_attr attr;
	long fd;

	memset(&attr, 0, sizeof(attr));
	attr.type = PERF_TYPE_HARDWARE;
	attr.size = sizeof(attr);
	attr.config = PERF_COUNT_HW_CPU_CYCLES;
	attr.disabled = 1;
	attr.exclude_kernel = 1;
	attr.exclude_hv = 1;
	fd = syscall(__NR_perf_event_open, &attr, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);
	if (fd >= 0) {
		(void)close((int)fd);
		pmu->supported = true;
		snprintf(pmu->reason, sizeof(pmu->reason),
			 "a cycles event opened; the sampler still uses task-clock so runs compare across machines");
		return;
	}
	pmu->supported = false;
	snprintf(pmu->reason, sizeof(pmu->reason),
		 "perf_event_open(PERF_TYPE_HARDWARE, cycles) failed with %s: no hardware PMU here (as in most VMs)",
		 errno_name(errno));
}
