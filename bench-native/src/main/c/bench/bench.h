/*
 * perfbp-bench: the native reference harness.
 *
 * Measures moving a hardware watchpoint the old way (reopen: munmap, close, perf_event_open,
 * fcntl x4, mmap) and the new way (ioctl PERF_EVENT_IOC_MODIFY_ATTRIBUTES) with nothing between
 * the loop and the kernel, in the scenario vocabulary of DESIGN.md, and writes native.json.
 *
 * One file per concern:
 *   options.c   the options table, parsing, --help          matrix.c    named matrices -> scenarios
 *   env.c       what this machine supports (probed)         advice.c    errno -> what the user should do
 *   strategy.c  arming a watchpoint and the strategies      workload.c  addresses, the trapping access, the timed loop
 *   threads.c   threads, slots, rounds, premise checks      stats.c     per-round summaries
 *   output.c    native.json and its atomic write            signal.c    the SIGRTMIN+3 trap counter
 *   memlock.c   whether a scenario's rings fit the locked-memory limit
 *   resources.c the process's open fds and mappings, for the leak checks
 *   main.c      the order of it all
 *   profiler*.c --matrix profiler: a watchpoint tool's overhead on real workloads (profiler.h)
 */
#ifndef PERFBP_BENCH_H
#define PERFBP_BENCH_H

#include <linux/perf_event.h>
#include <stdbool.h>
#include <stddef.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>
#include <sys/utsname.h>

#ifndef PERF_EVENT_IOC_MODIFY_ATTRIBUTES
#define PERF_EVENT_IOC_MODIFY_ATTRIBUTES _IOW('$', 11, struct perf_event_attr *)
#endif

#define PERFBP_BENCH_VERSION "0.1.0"

/* Exit codes: documented in --help, relied on by the Maven pipeline and the tests. */
#define EXIT_FAILED 1 /* a premise failed (traps miscounted) or the system failed us (memory, I/O) */
#define EXIT_USAGE 2  /* bad input: one line names the option and its valid values */
#define EXIT_KERNEL 3 /* the kernel refused: the message says why and what to do */

#define MAX_VALUES 64	/* values one option (or one matrix axis) can list */
#define MAX_SLOTS 32	/* more than any arch has debug registers (x86: 4, arm64: up to 16) */
#define MAX_PAGES 512	/* the vocabulary's largest ring */
#define MAX_SCENARIOS 4096

/* ---- the scenario vocabulary (DESIGN.md "One vocabulary for a scenario") ---- */

enum strategy_id {
	STRATEGY_REOPEN,
	STRATEGY_MODIFY,
	STRATEGY_REOPEN_NOBUF,
	STRATEGY_DISABLE_MODIFY_ENABLE,
	NR_STRATEGIES
};

enum notify_mode { NOTIFY_NONE, NOTIFY_SIGNAL, NR_NOTIFY };

/* The four watchpoint types by index; bp_type_bits() gives the HW_BREAKPOINT_* value. */
enum bp_kind { BP_R, BP_W, BP_RW, BP_X, NR_BP_KINDS };

#define NR_BP_LENGTHS 4 /* 1, 2, 4, 8 */

struct scenario {
	enum strategy_id strategy;
	int trap_every;	    /* 0 never, 1 every op, k every k-th op */
	enum notify_mode notify;
	int pages;	    /* ring data pages; 0 for a strategy that maps no ring */
	enum bp_kind bp_type;
	int bp_len;
	int threads;
	int slots;
};

/* The keys of a scenario, in the order options, matrices and the JSON list them. */
enum axis {
	AXIS_STRATEGY,
	AXIS_TRAP_EVERY,
	AXIS_NOTIFY,
	AXIS_PAGES,
	AXIS_BP_TYPE,
	AXIS_BP_LEN,
	AXIS_THREADS,
	AXIS_SLOTS,
	NR_AXES
};

struct value_list {
	int count;
	int values[MAX_VALUES];
};

const char *strategy_name(enum strategy_id id);
const char *notify_name(enum notify_mode mode);
const char *bp_kind_name(enum bp_kind kind);
int bp_kind_bits(enum bp_kind kind);
int bp_length_index(int len); /* 0..3 for 1, 2, 4, 8; -1 otherwise */
void scenario_describe(const struct scenario *s, char *buf, size_t size);

/* ---- options.c ---- */

/* The --matrix profiler options (profiler.c parses them); count 0 / 0 = the matrix's defaults. */
struct profiler_options {
	struct value_list workloads;
	struct value_list rates;
	long work_ms;
};

struct options {
	unsigned matrices;		 /* bit per matrix table entry chosen (--matrix a,b) */
	const char *matrix_text;	 /* --matrix as given, for native.json */
	struct value_list axis[NR_AXES]; /* explicit values; count 0 = take the matrix's */
	struct profiler_options profiler;
	long iterations;
	long rounds;
	long warmup;
	const char *out;		 /* NULL = stdout */
	bool dry_run;
	bool help;
	int argc;
	char **argv;
};

/* Fills opts from argv; prints one line and returns -1 on bad input. */
int options_parse(int argc, char **argv, struct options *opts);
void options_help(FILE *out);
/* Bad --out (no such directory, not writable): one line, -1. */
int options_check_out(const struct options *opts);

/* ---- env.c ---- */

struct capability {
	bool supported;
	char reason[256];
};

struct shape_support {
	bool supported;
	int err; /* errno of the refusal, 0 when supported */
};

#define UNKNOWN_NUMBER LONG_MIN

/* The locked memory perf rings may take here (see memlock.c); KiB figures as the kernel rounds them. */
struct locked_memory {
	bool exempt;		 /* the kernel does not check (why in exempt_because) */
	char exempt_because[48];
	long online_cpus;	 /* perf_event_mlock_kb counts once per online CPU */
	long perf_kb;		 /* perf_event_mlock_kb x online CPUs, per user */
	long rlimit_kb;		 /* RLIMIT_MEMLOCK (soft), per process, beyond that */
	long limit_kb;		 /* the two together: what one process of this user can lock */
};

struct env {
	struct utsname uts;
	char cpu[128];
	bool hypervisor;
	long page_size;
	int nproc;		/* CPUs this process may run on */
	long paranoid;		/* UNKNOWN_NUMBER when the sysctl cannot be read */
	long mlock_kb;
	char clocksource[32];
	double clock_read_ns;	/* one clock_gettime(CLOCK_MONOTONIC), measured */
	struct capability breakpoint_pmu;
	int breakpoint_errno;	/* why the first watchpoint was refused, 0 if it was not */
	struct capability debug_registers;
	int debug_register_count;
	struct capability modify;
	int modify_errno;	/* 0 when the ioctl works */
	struct shape_support shapes[NR_BP_KINDS][NR_BP_LENGTHS];
	int signo;		/* SIGRTMIN+3 */
	struct locked_memory locked;
};

/* Probes this machine. Never fails: a refusal is recorded with its reason. */
void env_probe(struct env *env);

/* ---- memlock.c ---- */

void memlock_probe(struct env *env);
/* KiB of locked memory the scenario's rings take at once. */
long memlock_needed_kb(const struct env *env, const struct scenario *s);
/* False, with "needs N KiB locked, limit is M KiB (...)" in reason, when the rings cannot fit. */
bool memlock_fits(const struct env *env, const struct scenario *s, char *reason, size_t size);
/* Moves the scenarios that fit to the front (order kept); returns how many fit. */
int memlock_partition(struct scenario *scenarios, int n, const struct env *env);

/* ---- resources.c ---- */

/* Every open fd and every mapping of this process now (/proc/self/fd, /proc/self/maps); -1 if /proc fails. */
int process_resources(int *fds, int *mappings);

/* ---- advice.c ---- */

/* What went wrong in a perf call, kept until main can explain it. */
struct perf_failure {
	const char *call; /* "perf_event_open", "mmap", "ioctl(PERF_EVENT_IOC_MODIFY_ATTRIBUTES)" ... */
	int err;
	char detail[160];
};

const char *errno_name(int err);
/* One paragraph: "<call> failed with <ERRNO> (<detail>): <what to do>". */
void advice_print(FILE *out, const struct perf_failure *failure);

/* ---- matrix.c ---- */

struct matrix_info {
	const char *name;
	const char *help;
};

int matrix_count(void);
const struct matrix_info *matrix_info(int index);
int matrix_find(const char *name); /* -1 when unknown */
const char *matrix_names(void);	   /* "headline, pages, ..." for messages */

/* Parses "headline" or "headline,pages" into a set of matrices; -1 after one line on error. */
int matrix_parse(const char *text, unsigned *set);
/* Whether the set holds the profiler matrix (not part of "all": it is its own experiment). */
bool matrix_has_profiler(unsigned set);
/* Whether it holds any matrix of watchpoint moves (the scenarios above). */
bool matrix_has_moves(unsigned set);

/*
 * Expands the chosen matrices (their union, each scenario once), with the explicit options overriding its axes, into scenarios
 * this machine can run. Returns the count, or -1 after printing one line (EXIT_USAGE) or
 * -2 after printing the kernel's refusal (EXIT_KERNEL).
 */
int matrix_expand(const struct options *opts, const struct env *env, struct scenario *out, int max);

/* Scenarios that differ only in strategy: their rounds interleave (A B A B ...). */
struct group {
	int first;	/* index of the first member in the scenario list */
	int count;
	int members[NR_STRATEGIES];
};

int group_scenarios(const struct scenario *scenarios, int n, struct group *groups);

/* ---- signal.c ---- */

int trap_signal_install(int signo);
uint64_t trap_signal_thread_count(void);
uint64_t trap_signal_total(void);

/* ---- strategy.c ---- */

/* Phases a move can be timed by (the separate phase pass), in JSON key order. */
enum phase {
	PHASE_MUNMAP,
	PHASE_READ,	/* the harness's own per-fd counter read (the premise), before close */
	PHASE_CLOSE,
	PHASE_OPEN,
	PHASE_FCNTL,
	PHASE_MMAP,
	PHASE_DISABLE,
	PHASE_MODIFY,
	PHASE_ENABLE,
	PHASE_TRAP,	/* the trapping access and the ring drain, on ops that trap */
	NR_PHASES
};

const char *phase_name(enum phase phase);

/* Laps of a stopwatch inside one op; a NULL clock costs one predictable branch per phase. */
struct phase_clock {
	uint64_t last;
	uint64_t ns[NR_PHASES];
	bool ran[NR_PHASES];
};

static inline void phase_lap(struct phase_clock *clock, enum phase phase);

/* What every (re)open of a watchpoint needs besides its attr. */
struct arm_context {
	pid_t tid;	  /* signals go to this thread (F_SETOWN_EX, F_OWNER_TID) */
	int signo;	  /* 0: notify=none, no fcntl */
	int pages;	  /* ring data pages, 0: no ring */
	size_t page_size;
	bool read_per_fd; /* reopen reads each fd's counter before closing it (see threads.c) */
};

/*
 * One watchpoint and how many traps the kernel reported for it since it was armed: samples
 * found in its rings (every strategy with a ring) and, where every fd's counter was read
 * (modify; reopen with read_per_fd), the counter.
 */
struct watchpoint {
	struct perf_event_attr attr;
	int fd;
	void *ring;
	size_t ring_len;
	unsigned char *ring_data;  /* the data pages after the metadata page */
	uint64_t ring_mask;	   /* data size - 1 (a power of two) */
	bool trapped;		   /* this fd took a trapping op: its ring page is hot */
	uint64_t samples;	   /* PERF_RECORD_SAMPLEs consumed from its rings */
	uint64_t other_records;	   /* anything else there (LOST, THROTTLE): a trap may be unrecorded */
	uint64_t counted;	   /* counter values read from fds already closed */
	bool counter_complete;	   /* no fd was closed without its counter being read */
};

/* What the kernel reported for a set of watchpoints at the end of a batch. */
struct trap_counts {
	uint64_t samples;
	uint64_t other_records;
	uint64_t counter;
	bool counter_complete;
};

/* Reads every record the kernel wrote since the last call and hands the space back
 * (data_tail = data_head): one load and one store when a single sample is waiting. */
static inline void ring_consume(struct watchpoint *wp)
{
	struct perf_event_mmap_page *meta = wp->ring;
	uint64_t head = __atomic_load_n(&meta->data_head, __ATOMIC_ACQUIRE);
	uint64_t tail = meta->data_tail;

	while (tail < head) {
		/* Records are 8-byte aligned and the data size a multiple of 8: a header never wraps. */
		const struct perf_event_header *header = (const void *)(wp->ring_data + (tail & wp->ring_mask));

		if (header->type == PERF_RECORD_SAMPLE)
			wp->samples++;
		else
			wp->other_records++;
		if (header->size == 0) {
			wp->other_records++;
			break;
		}
		tail += header->size;
	}
	__atomic_store_n(&meta->data_tail, head, __ATOMIC_RELEASE);
}

typedef int (*move_fn)(struct watchpoint *wp, const struct arm_context *ctx, uintptr_t addr,
		       struct phase_clock *clock, struct perf_failure *failure);

struct strategy_desc {
	const char *name;
	const char *help;
	bool maps_ring;	   /* false: the ring (pages) is not part of the strategy */
	bool needs_modify; /* needs PERF_EVENT_IOC_MODIFY_ATTRIBUTES (kernel 4.17+) */
	unsigned phases;   /* bit per enum phase reported in phasesNs; 0: no phase pass */
	move_fn move;
};

const struct strategy_desc *strategy_desc(enum strategy_id id);
void watchpoint_init(struct watchpoint *wp, enum bp_kind kind, int len, uintptr_t addr);
int watchpoint_arm(struct watchpoint *wp, const struct arm_context *ctx, struct perf_failure *failure);
/* Adds what the kernel reported for wp since arming (the open fd's ring and counter included). */
int watchpoint_traps(struct watchpoint *wp, struct trap_counts *counts, struct perf_failure *failure);
/* Perf fds and perf mappings the process holds now (0 and 0 between groups). -1 if /proc fails. */
int perf_resources_held(int *fds, int *mappings);
/* munmap and close whatever is open; safe on a watchpoint that never armed. */
int watchpoint_disarm(struct watchpoint *wp, struct perf_failure *failure);

/* ---- workload.c ---- */

#define POOL_ADDRESSES 64 /* addresses cycled over: 64 x 8 bytes = 8 cache lines */
#define POOL_STRIDE 8	  /* aligned for every bpLen up to 8 */

struct address_pool {
	enum bp_kind kind;
	int len;
	unsigned char *data; /* loads and stores land here */
	unsigned char *code; /* X: a page of 'return' instructions, one per address */
	size_t code_len;
};

int pool_create(struct address_pool *pool, enum bp_kind kind, int len, size_t page_size);
void pool_destroy(struct address_pool *pool);
uintptr_t pool_address(const struct address_pool *pool, unsigned long index);
/* Whether this arch can build the X pool (and so run X watchpoints). */
bool pool_supports_execute(void);

struct batch_plan {
	const struct strategy_desc *strategy;
	const struct arm_context *ctx;
	const struct address_pool *pool;
	struct watchpoint *wps;
	int slots;
	long iterations;
	int trap_every;
};

struct batch_timing {
	uint64_t start_ns;
	uint64_t end_ns;
	uint64_t traps_expected;
};

/* Arms plan->slots watchpoints at the pool's first addresses. -1 with failure set. */
int workload_arm(const struct batch_plan *plan, struct perf_failure *failure);
/* The timed loop: iterations ops, one clock pair around all of them (clock == NULL), or
 * phase by phase (clock != NULL, the separate phase pass). -1 with failure set. */
int workload_run(const struct batch_plan *plan, struct phase_clock *clock, struct batch_timing *timing,
		 struct perf_failure *failure);

uint64_t monotonic_ns(void);

/* ---- threads.c ---- */

struct run_settings {
	long iterations;
	long rounds;
	long warmup;
};

/* What one scenario (one strategy of a group) measured. */
struct scenario_result {
	double *ns_per_op;	   /* [rounds]: mean over threads of each thread's ns/op */
	double *aggregate_ns_per_op; /* [rounds]: round wall time / (threads x iterations) */
	double *thread_ns_per_op;  /* [threads][rounds] */
	uint64_t ops;
	uint64_t traps_expected;
	uint64_t traps_observed;   /* ring samples (strategies with a ring), else the counters */
	uint64_t signals;
	uint64_t counter_ops;	   /* ops whose traps read() of every fd's counter covered */
	uint64_t counter_expected;
	uint64_t counter_observed;
	bool has_phases;
	uint64_t phase_ops;
	double phase_ns[NR_PHASES]; /* mean ns per op in each phase, over the phase pass */
	bool phase_ran[NR_PHASES];
	char not_run[384];	   /* non-empty: the scenario was not run, and why */
};

/* Why a group stopped: the kernel refused, or a premise failed. */
struct run_error {
	bool kernel;		     /* true: failure holds the refusal (EXIT_KERNEL) */
	struct perf_failure failure;
	char message[512];	     /* otherwise: what went wrong (EXIT_FAILED) */
};

int scenario_result_alloc(struct scenario_result *r, const struct scenario *s, const struct run_settings *rs);
void scenario_result_free(struct scenario_result *r);

/* Runs one group's rounds (strategies interleaved) and phase passes; fills results[member]. */
int threads_run_group(const struct scenario *scenarios, const struct group *group, const struct run_settings *rs,
		      const struct env *env, struct scenario_result *results, struct run_error *error);

/* ---- stats.c ---- */

struct summary {
	double median;
	double mean;
	double stddev;
	double min;
	double max;
	double cv; /* stddev / mean */
};

/* -1 when out of memory. */
int summarize(const double *values, int n, struct summary *out);

/* ---- output.c ---- */

struct profiler_results;

struct run_record {
	const struct options *opts;
	const struct env *env;
	const struct run_settings *settings;
	const struct scenario *scenarios;
	const struct scenario_result *results;
	int count;
	const char *matrix;
	const struct profiler_results *profiler; /* NULL when --matrix has no profiler */
	double started_at;   /* seconds since the epoch */
	double finished_at;
	int fds_before, fds_after;	   /* the whole process's, around the measured groups */
	int mappings_before, mappings_after;
};

/* Writes native.json to opts->out atomically (temp file + rename), or to stdout. -1 on failure. */
int output_write(const struct run_record *record);

/* ---- inline ---- */

static inline void phase_lap(struct phase_clock *clock, enum phase phase)
{
	uint64_t now;

	if (clock == NULL)
		return;
	now = monotonic_ns();
	clock->ns[phase] += now - clock->last;
	clock->ran[phase] = true;
	clock->last = now;
}

#endif
