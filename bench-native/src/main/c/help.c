/*
 * Every command's --help, from its option table: moves and profiler show only their own
 * options; without a command, the commands, then the old spelling's whole text while it lasts.
 */
#include "help.h"

#include "option_table.h"

#include "core/help_text.h"
#include "moves/matrix.h"
#include "profiler/options.h"

#include <stdbool.h>
#include <string.h>

static void print_options(const struct options *opts, FILE *out)
{
	const struct option_desc *const *table = option_table(opts->command);
	int i;

	fprintf(out, "OPTIONS\n");
	for (i = 0; table[i] != NULL; i++) {
		const struct option_desc *opt = table[i];
		char head[48];

		snprintf(head, sizeof(head), "  --%s%s%s", opt->name, opt->arg ? " " : "", opt->arg ? opt->arg : "");
		fprintf(out, "%-22s", head);
		if (strlen(head) >= 22)
			fprintf(out, "\n%22s", "");
		if (opt->kind == OPT_PROFILER && opts->command == COMMAND_OLD_SPELLING) {
			char text[512];

			snprintf(text, sizeof(text), "%s%s", OLD_PROFILER_PREFIX, opt->help);
			help_wrap(out, text, 22, 100);
		} else {
			help_wrap(out, opt->help, 22, 100);
		}
	}
}

/* option: the command's option that names matrices (moves: --matrix; round-size: --scenarios). */
static void print_matrices(bool with_profiler, const char *option, FILE *out)
{
	int i;

	fprintf(out, "\nMATRICES (what %s runs before explicit options narrow it)\n", option);
	for (i = 0; i < matrix_count(); i++) {
		if (matrix_is_profiler(i) && !with_profiler)
			continue;
		fprintf(out, "  %-20s", matrix_info(i)->name);
		help_wrap(out, matrix_info(i)->help, 22, 100);
	}
}

static void print_measurement(FILE *out)
{
	fprintf(out,
		"\n"
		"MEASUREMENT\n"
		"  One op moves a watchpoint to the next of 64 addresses (8 bytes apart, aligned for bpLen);\n"
		"  a trapping op then stores to it (X: calls it; R: loads it) and drains the ring (reads the\n"
		"  new records, data_tail = data_head; in every strategy: an undrained ring fills after 170\n"
		"  samples per page and the kernel drops the rest). Each round times one batch of ops with one\n"
		"  CLOCK_MONOTONIC pair per thread; nsPerOp keeps every measured round. By default a round runs\n"
		"  the ops that take about --round-ms (50): each strategy's first warm-up round runs --min-ops\n"
		"  ops rounded up as every round is (at trapEvery 100: 1000 ops), and its time per op sizes\n"
		"  every later round (opsPerRound): a multiple of lcm(slots, trapEvery) with at least 10\n"
		"  trapping ops, the same for every thread (a trapEvery whose 10 traps cannot fit in\n"
		"  1000000000 ops is refused). --iterations N runs N ops in every round of every scenario\n"
		"  instead. A separate pass times each phase of the strategies that have phases (phasesNs),\n"
		"  so the breakdown never slows the rounds. After every batch, every count the kernel gave must\n"
		"  equal the ops that trapped, or the run stops: the samples in the rings, the counters read()\n"
		"  where every fd was read (modify; reopen without a ring; reopen in the phase pass, before\n"
		"  each close: read() costs ~4%% of a reopen, so reopen's rounds count by ring and signal),\n"
		"  and the SIGRTMIN+3 handler's count when notify=signal.\n"
		"  notify=sigtrap (Linux 5.13+) arms with attr.sigtrap, remove_on_exec and sig_data = the\n"
		"  armed address (its tag), no ring (pages 0) and no fcntl: reopen is close + perf_event_open,\n"
		"  modify also passes the new address's sig_data (Linux 5.17+). The SIGTRAP handler counts\n"
		"  the SIGTRAPs (si_code TRAP_PERF) per thread and checks each carries the tag of the address\n"
		"  its op armed; they must equal the trapping ops with no tag mismatch. A kernel that refuses\n"
		"  sigtrap (or sig_data by modify) leaves those scenarios out, each \"not run\" with why.\n");
}

static void print_moves_output(FILE *out)
{
	fprintf(out,
		"\n"
		"OUTPUT\n"
		"  native.json: {\"harness\":\"native\", \"env\":{...}, \"command\":..., \"settings\":{...},\n"
		"  \"results\":[{strategy, trapEvery, notify, pages, bpType, bpLen, threads, slots, nsPerOp:[per\n"
		"  round], opsPerRound, aggregateNsPerOp, threadNsPerOp, summary, traps:{expected, observed,\n"
		"  observedBy, signals, tagMismatches, ops, counter:{ops, expected, observed}}, phasesNs:{munmap,\n"
		"  close, open, fcntl, mmap}, phasePassExtrasNs:{counterRead, trap}, phaseOps}]}. observedBy is\n"
		"  ring, counter or sigtrap; signals with notify=signal or sigtrap, tagMismatches with sigtrap.\n"
		"  A scenario this machine cannot run has status \"not run\" and a reason instead of figures;\n"
		"  env.sigtrap and env.sigDataModify say whether the kernel takes sigtrap. Progress goes to\n"
		"  stderr.\n");
}

static void print_exit_status(FILE *out)
{
	fprintf(out,
		"\n"
		"EXIT STATUS\n"
		"  0 results written; 1 a premise failed (a trap count was off) or the system failed (memory,\n"
		"  I/O), nothing written; 2 bad input (one line names the option and the valid values), nothing\n"
		"  run; 3 the kernel refused (the message says why and what to do), or round-size found no\n"
		"  scenario it can run here, nothing written. A moves or round-size run that stops ends\n"
		"  stderr with \"perfbp-bench: stopped at <where>: <what failed> (<scenario, thread,\n"
		"  round>); nothing written\".\n");
}

static void help_moves(const struct options *opts, FILE *out)
{
	fprintf(out,
		"usage: perfbp-bench moves [--matrix LIST] [SCENARIO OPTIONS] [--round-ms MS [--min-ops N] |\n"
		"                          --iterations N] [--rounds N] [--warmup N] [--out FILE] [--dry-run] [--help]\n"
		"\n"
		"Moves hardware watchpoints by reopening them or with ioctl(PERF_EVENT_IOC_MODIFY_ATTRIBUTES),\n"
		"in C with nothing between the loop and the kernel, counts every trap (the run stops if a\n"
		"count is off), and writes native.json.\n"
		"\n"
		"Scenario options take one value or a comma-separated list (--pages 1,8,64); each replaces\n"
		"that key's values in the matrix, so explicit options narrow or override it.\n"
		"\n");
	print_options(opts, out);
	print_matrices(false, "--matrix", out);
	print_measurement(out);
	print_moves_output(out);
	print_exit_status(out);
}

static void help_profiler(const struct options *opts, FILE *out)
{
	fprintf(out,
		"usage: perfbp-bench profiler [--strategy LIST] [--workload LIST] [--rate LIST] [--work MS]\n"
		"                             [--rounds N] [--warmup N] [--out FILE] [--dry-run] [--help]\n"
		"\n"
		"A watchpoint tool's overhead on workloads: each workload alone, under the tool's sampler\n"
		"alone, and under the tool arming watchpoints by reopen or by modify, at each rate; writes\n"
		"native.json.\n"
		"\n");
	print_options(opts, out);
	fputc('\n', out);
	profiler_help(out, "HOW IT MEASURES");
	fprintf(out,
		"\n"
		"OUTPUT\n"
		"  native.json: {\"harness\":\"native\", \"env\":{...}, \"command\":..., \"settings\":{...},\n"
		"  \"profiler\":{...}, \"results\":[one entry per workload and run, as above]}. Progress goes to\n"
		"  stderr.\n");
	print_exit_status(out);
}

static void help_round_size(const struct options *opts, FILE *out)
{
	fprintf(out,
		"usage: perfbp-bench round-size [--scenarios LIST] [SCENARIO OPTIONS] [--sizes A,B[,C]]\n"
		"                               [--rounds N] [--warmup N] [--out FILE] [--dry-run] [--help]\n"
		"\n"
		"Does a per-op figure move with the round size? Runs the scenarios of moves (default: the\n"
		"headline's reopen and modify at trapEvery 0) at every size of --sizes, interleaved: round r\n"
		"runs, for each size in turn, one batch of every strategy, each after --warmup dropped\n"
		"batches of its own. Every batch is armed, counted and proven live by moves' own runner, so\n"
		"a miscounted trap stops the run as in moves. Writes round-size.json.\n"
		"\n");
	print_options(opts, out);
	print_matrices(false, "--scenarios", out);
	fprintf(out,
		"\n"
		"OUTPUT\n"
		"  round-size.json: {\"schema\":\"rearm.round-size/1\", \"env\":{...}, \"settings\":{sizes, rounds,\n"
		"  warmup, order}, \"results\":[{strategy, trapEvery, notify, pages, bpType, bpLen, threads, slots,\n"
		"  bySize:[{opsPerRound, nsPerOp:[per round]}], liveness:{checks}}]}. Progress goes to stderr.\n");
	print_exit_status(out);
}

/* Without a command: the commands, then the old spelling's whole text while it lasts. */
static void help_commands(const struct options *opts, FILE *out)
{
	fprintf(out,
		"usage: perfbp-bench <command> [options]\n"
		"       perfbp-bench <command> --help     a command's own options\n"
		"\n"
		"The native reference harness of rearm: moves hardware watchpoints by reopening them or with\n"
		"ioctl(PERF_EVENT_IOC_MODIFY_ATTRIBUTES), in C with nothing between the loop and the kernel,\n"
		"counts every trap (the run stops if a count is off), and writes native.json.\n"
		"\n"
		"COMMANDS\n"
		"  moves               moving a watchpoint: reopen against modify over named matrices of\n"
		"                      scenarios (ring pages, trap rate, shapes, threads, slots, notify)\n"
		"  profiler            a watchpoint tool's overhead on workloads, arming by reopen or modify\n"
		"  round-size          whether a per-op figure moves with the ops per round (--sizes 2000,10000)\n"
		"  trap-anatomy        what one trap costs here, piece by piece (exception, sample, wakeup,\n"
		"                      signal, sigtrap) beside reference exceptions (int3, single-step, tgkill)\n"
		"\n"
		"OLD SPELLING (until the next release)\n"
		"  perfbp-bench [--matrix LIST] [options] runs as `perfbp-bench moves`, and --matrix profiler\n"
		"  as `perfbp-bench profiler` (one stderr line names the new spelling); it takes every option\n"
		"  below, at least one (with none, perfbp-bench prints its usage and exits 2). Scenario\n"
		"  options take one value or a comma-separated list (--pages 1,8,64); each replaces that\n"
		"  key's values in the matrix, so explicit options narrow or override it.\n"
		"\n");
	print_options(opts, out);
	print_matrices(true, "--matrix", out);
	print_measurement(out);
	fputc('\n', out);
	profiler_help(out, "PROFILER (--matrix profiler)");
	fprintf(out, "\n  --iterations does not apply to --matrix profiler.\n");
	print_moves_output(out);
	print_exit_status(out);
}

void options_help(const struct options *opts, FILE *out)
{
	switch (opts->command) {
	case COMMAND_MOVES:
		help_moves(opts, out);
		break;
	case COMMAND_PROFILER:
		help_profiler(opts, out);
		break;
	case COMMAND_ROUND_SIZE:
		help_round_size(opts, out);
		break;
	default:
		help_commands(opts, out);
		break;
	}
}
