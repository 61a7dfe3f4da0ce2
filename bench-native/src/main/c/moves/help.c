/* The prose of perfbp-bench moves --help: how a move is measured and what native.json holds. */
#include "help.h"

void moves_help_measurement(FILE *out)
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

void moves_help_output(FILE *out)
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
