/* How many ops one round of a scenario runs when rounds are sized by time (round_ops.c). */
#ifndef PERFBP_ROUND_OPS_H
#define PERFBP_ROUND_OPS_H

/* A round's ops per thread: moves' --iterations and --min-ops, round-size's --sizes. */
#define MIN_ROUND_OPS 1L
#define MAX_ROUND_OPS 1000000000L

/* At least this many trapping ops in a round of a scenario that traps. */
#define ROUND_MIN_TRAPS 10

/* The fewest ops a round can run by the rules of round_ops_fit: a multiple of lcm(slots,
 * trapEvery) with at least ROUND_MIN_TRAPS trapping ops. May exceed MAX_ROUND_OPS. */
long round_ops_least(int slots, int trap_every);
/* 0 when round_ops_least fits under MAX_ROUND_OPS; else -1 after one line naming trapEvery and
 * slots, ending in "or " way_out (the other valid input of the command, e.g. --iterations). */
int round_ops_check_fits(int slots, int trap_every, const char *way_out);

/* ops rounded up so every round has the same traps per op and every slot the same share: a
 * multiple of lcm(slots, trapEvery) (trapEvery 0 counts as 1), and at least ROUND_MIN_TRAPS
 * trapping ops when trapEvery > 0; at most --iterations' largest value, rounded down alike.
 * Only for scenarios round_ops_check_fits accepted (otherwise: round_ops_least, above the cap). */
long round_ops_fit(long ops, int slots, int trap_every);

/* The ops that take about round_ms at per_op_ns each, never fewer than min_ops, fitted as above. */
long round_ops_for_time(long round_ms, long min_ops, double per_op_ns, int slots, int trap_every);

#endif
