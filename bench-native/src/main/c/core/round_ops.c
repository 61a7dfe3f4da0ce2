/*
 * Time-sized rounds: a strategy's first warm-up round runs the floor (--min-ops), and its
 * per-op time sets every later round's ops, so a 512-page reopen (~1 ms/op) and a modify
 * (~2 us/op) both run rounds of about --round-ms. The count is rounded so that a round's traps
 * per op, and each slot's share of the moves, are the same in every round of the scenario: a
 * figure per op must not depend on where the round happened to stop.
 */
#include "round_ops.h"

#include <math.h>
#include <stdio.h>

static long gcd(long a, long b)
{
	while (b != 0) {
		long r = a % b;

		a = b;
		b = r;
	}
	return a;
}

/* lcm(slots, trapEvery), trapEvery 0 counting as 1: every round is a multiple of it. */
static long round_ops_step(int slots, int trap_every)
{
	long every = trap_every > 0 ? trap_every : 1;

	return (long)slots / gcd(slots, every) * every;
}

long round_ops_least(int slots, int trap_every)
{
	long step = round_ops_step(slots, trap_every);
	long traps = trap_every > 0 ? ROUND_MIN_TRAPS * (long)trap_every : 1;

	return (traps + step - 1) / step * step;
}

int round_ops_check_fits(int slots, int trap_every, const char *way_out)
{
	long least = round_ops_least(slots, trap_every);

	if (least <= MAX_ROUND_OPS)
		return 0;
	/* Clamping such a round down would break one rule or the other: refuse, as for any bad input. */
	fprintf(stderr, "perfbp-bench: --trapEvery %d with slots %d: a round needs at least %d trapping ops in a multiple "
		"of lcm(slots, trapEvery) = %ld ops, so at least %ld ops, above the largest round (%ld); valid: a "
		"trapEvery whose %d traps fit in %ld ops, or %s\n", trap_every, slots, ROUND_MIN_TRAPS,
		round_ops_step(slots, trap_every), least, MAX_ROUND_OPS, ROUND_MIN_TRAPS, MAX_ROUND_OPS, way_out);
	return -1;
}

long round_ops_fit(long ops, int slots, int trap_every)
{
	long step = round_ops_step(slots, trap_every);
	long least = round_ops_least(slots, trap_every);

	if (ops < least)
		ops = least;
	ops = (ops + step - 1) / step * step;
	/* least <= MAX_ROUND_OPS (round_ops_check_fits) and a multiple of step, so this stays >= least. */
	if (ops > MAX_ROUND_OPS && least <= MAX_ROUND_OPS)
		ops = MAX_ROUND_OPS / step * step;
	return ops;
}

long round_ops_for_time(long round_ms, long min_ops, double per_op_ns, int slots, int trap_every)
{
	/* A clock that did not move (or a per-op time below 1 ns) cannot size anything: count 1 ns. */
	double wanted = ceil((double)round_ms * 1e6 / (per_op_ns < 1 ? 1 : per_op_ns));
	long ops = wanted > (double)MAX_ROUND_OPS ? MAX_ROUND_OPS : (long)wanted;

	return round_ops_fit(ops < min_ops ? min_ops : ops, slots, trap_every);
}
