/*
 * Every option row once, and each command's table of them: moves takes the scenario keys and
 * the matrices, profiler its tool's options, and the old spelling without a command takes
 * both, in the order it always listed them.
 */
#include "option_table.h"

#include "core/scenario.h"
#include "profiler/options.h"

#include <stddef.h>

#define MAX_ROUNDS 100000L
#define MAX_ROUND_MS 60000L

/* Every row once; the tables below pick theirs. */
static const struct option_desc opt_matrix = { "matrix", "LIST", OPT_MATRIX, 0, 0, 0,
	"named sets of scenarios to run, one or a comma-separated list run as their union (default "
	"headline); see MATRICES" };
static const struct option_desc opt_strategy = { "strategy", "LIST", OPT_AXIS, AXIS_STRATEGY, 0, 0,
	"how the watchpoint is moved: reopen (munmap, close, perf_event_open, fcntl x4 if signal, mmap), "
	"modify (ioctl PERF_EVENT_IOC_MODIFY_ATTRIBUTES), reopen-nobuf (reopen with no ring: read() of the "
	"counter, close, open, fcntl; with no ring the counter is its only trap count, so every timed op pays that "
	"read(); reported with pages 0), disable-modify-enable (ioctl DISABLE, MODIFY_ATTRIBUTES, ENABLE)" };
static const struct option_desc opt_tool_strategy = { "strategy", "LIST", OPT_AXIS, AXIS_STRATEGY, 0, 0,
	"how the tool arms its watchpoints: reopen (perf_event_open + fcntl x4 + mmap; disarm: munmap + close), "
	"modify (MODIFY_ATTRIBUTES; disarm: IOC_DISABLE); default both. The workload alone and under the sampler "
	"alone always run" };
static const struct option_desc opt_trap_every = { "trapEvery", "LIST", OPT_AXIS, AXIS_TRAP_EVERY, 0, 0,
	"the workload: 0 = no op traps, 1 = every op stores to the watched address (one trap), "
	"k = every k-th op does; whole numbers >= 0" };
static const struct option_desc opt_notify = { "notify", "LIST", OPT_AXIS, AXIS_NOTIFY, 0, 0,
	"none, or signal = O_ASYNC + F_SETSIG SIGRTMIN+3 + F_SETOWN_EX to the arming thread (one signal per trap), "
	"or sigtrap = attr.sigtrap (Linux 5.13+): a synchronous SIGTRAP to the trapping thread carrying the armed "
	"address's tag in si_perf_data; no ring (pages 0, --pages does not apply) and no fcntl" };
static const struct option_desc opt_pages = { "pages", "LIST", OPT_AXIS, AXIS_PAGES, 0, 0,
	"data pages of the mmap'ed ring, a power of two 1..512 (mmap length is (1+pages) x page size); "
	"not with --notify sigtrap, which maps no ring" };
static const struct option_desc opt_bp_type = { "bpType", "LIST", OPT_AXIS, AXIS_BP_TYPE, 0, 0,
	"watchpoint type: W, RW, X, or R where the CPU allows it (x86 does not)" };
static const struct option_desc opt_bp_len = { "bpLen", "LIST", OPT_AXIS, AXIS_BP_LEN, 0, 0,
	"watched bytes: 1, 2, 4 or 8 (X takes the arch's instruction length: 8 on x86)" };
static const struct option_desc opt_threads = { "threads", "LIST", OPT_AXIS, AXIS_THREADS, 0, 0,
	"threads each moving their own watchpoints at once, released by a barrier: 1..nproc" };
static const struct option_desc opt_slots = { "slots", "LIST", OPT_AXIS, AXIS_SLOTS, 0, 0,
	"watchpoints armed at once per thread, moved round-robin: 1..debug registers (x86: 4)" };
static const struct option_desc opt_iterations = { "iterations", "N", OPT_COUNT, COUNT_ITERATIONS, MIN_ROUND_OPS,
	MAX_ROUND_OPS, "fixed ops per round per thread, timed as one batch, the same for every scenario (the default "
	"sizes rounds by time instead: see --round-ms; not with --round-ms or --min-ops)" };
static const struct option_desc opt_round_ms = { "round-ms", "MS", OPT_COUNT, COUNT_ROUND_MS, 1, MAX_ROUND_MS,
	"size each scenario's rounds by time: every round runs the ops that take about MS milliseconds, calibrated "
	"per strategy in the first warm-up round (needs --warmup >= 1), rounded up to a multiple of lcm(slots, "
	"trapEvery) and to at least 10 trapping ops; 1..60000, default 50 when --iterations is not given" };
static const struct option_desc opt_min_ops = { "min-ops", "N", OPT_COUNT, COUNT_MIN_OPS, MIN_ROUND_OPS,
	MAX_ROUND_OPS, "time-sized rounds: the fewest ops a round runs (the calibration round runs this many, rounded up "
	"as --round-ms says: at trapEvery 100, 1000); default 200" };
static const struct option_desc opt_rounds = { "rounds", "N", OPT_COUNT, COUNT_ROUNDS, 1, MAX_ROUNDS,
	"measured rounds per scenario, strategies interleaved A B A B ... (default 10)" };
static const struct option_desc opt_warmup = { "warmup", "N", OPT_COUNT, COUNT_WARMUP, 0, MAX_ROUNDS,
	"rounds run first and dropped (default 2)" };
static const struct option_desc opt_workload = { "workload", "LIST", OPT_PROFILER, PROFILER_OPT_WORKLOAD, 0, 0,
	"hash (updates to a 256 KiB hash table), stream (dst[i] = src[i] + pass over 2 x 8 MiB), "
	"chase (a pointer chase through a random cycle of 64 MiB of nodes, DRAM-bound); default all three" };
static const struct option_desc opt_rate = { "rate", "LIST", OPT_PROFILER, PROFILER_OPT_RATE, 0, 0,
	"the tool's samples per second of CPU time (task-clock sample period = 1e9/rate ns), "
	"1..100000; default 1000,5000,20000" };
static const struct option_desc opt_work = { "work", "MS", OPT_PROFILER, PROFILER_OPT_WORK, 0, 0,
	"each workload's fixed amount of work per round, as the accesses that take about MS "
	"milliseconds of CPU time without the tool here (calibrated once, then the same for every round); 1..60000, "
	"default 75" };
static const struct option_desc opt_out = { "out", "FILE", OPT_OUT, 0, 0, 0,
	"write native.json here, atomically (temp file + rename); default stdout" };
static const struct option_desc opt_dry_run = { "dry-run", NULL, OPT_FLAG, FLAG_DRY_RUN, 0, 0,
	"probe, validate and list the scenarios, run nothing" };
static const struct option_desc opt_help = { "help", NULL, OPT_FLAG, FLAG_HELP, 0, 0, "this text" };
static const struct option_desc opt_scenarios = { "scenarios", "LIST", OPT_MATRIX, 0, 0, 0,
	"the matrices whose scenarios to size (as moves' --matrix; default headline, at trapEvery 0 unless "
	"--trapEvery says otherwise); the scenario options below narrow them as in moves" };
static const struct option_desc opt_sizes = { "sizes", "A,B[,C]", OPT_SIZES, 0, MIN_ROUND_OPS, MAX_ROUND_OPS,
	"the round sizes compared, in ops per round per thread: at least two different sizes, each 1..1000000000 "
	"(--iterations' range) and a multiple of lcm(slots, trapEvery) with at least 10 trapping ops; default 2000,10000 (the -Pfull and default "
	"profiles' old sizes)" };
static const struct option_desc opt_size_rounds = { "rounds", "N", OPT_COUNT, COUNT_ROUNDS, 1, MAX_ROUNDS,
	"measured rounds per size (default 6); round r runs one batch of every size and strategy" };
static const struct option_desc opt_size_warmup = { "warmup", "N", OPT_COUNT, COUNT_WARMUP, 0, MAX_ROUNDS,
	"batches run and dropped before each measured one, per size and strategy (default 1)" };
static const struct option_desc opt_size_out = { "out", "FILE", OPT_OUT, 0, 0, 0,
	"write round-size.json here, atomically (temp file + rename); default round-size.json" };

static const struct option_desc *const moves_table[] = {
	&opt_matrix, &opt_strategy, &opt_trap_every, &opt_notify, &opt_pages, &opt_bp_type, &opt_bp_len,
	&opt_threads, &opt_slots, &opt_iterations, &opt_round_ms, &opt_min_ops, &opt_rounds, &opt_warmup, &opt_out,
	&opt_dry_run, &opt_help, NULL,
};

static const struct option_desc *const round_size_table[] = {
	&opt_scenarios, &opt_strategy, &opt_trap_every, &opt_notify, &opt_pages, &opt_bp_type, &opt_bp_len,
	&opt_threads, &opt_slots, &opt_sizes, &opt_size_rounds, &opt_size_warmup, &opt_size_out, &opt_dry_run,
	&opt_help, NULL,
};

static const struct option_desc *const profiler_table[] = {
	&opt_tool_strategy, &opt_workload, &opt_rate, &opt_work, &opt_rounds, &opt_warmup, &opt_out, &opt_dry_run,
	&opt_help, NULL,
};

/* The table before the commands, in its order (messages list it): both experiments' rows. */
static const struct option_desc *const old_spelling_table[] = {
	&opt_matrix, &opt_strategy, &opt_trap_every, &opt_notify, &opt_pages, &opt_bp_type, &opt_bp_len,
	&opt_threads, &opt_slots, &opt_iterations, &opt_round_ms, &opt_min_ops, &opt_rounds, &opt_warmup,
	&opt_workload, &opt_rate, &opt_work,
	&opt_out, &opt_dry_run, &opt_help, NULL,
};

const struct option_desc *const *option_table(enum command command)
{
	switch (command) {
	case COMMAND_MOVES:
		return moves_table;
	case COMMAND_PROFILER:
		return profiler_table;
	case COMMAND_ROUND_SIZE:
		return round_size_table;
	default:
		return old_spelling_table;
	}
}
