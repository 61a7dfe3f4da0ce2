/*
 * Time-sized rounds: a strategy's first warm-up round runs the floor (--min-ops), and its
 * per-op time sets every later round's ops, so a 512-page reopen (~1 ms/op) and a modify
 * (~2 us/op) both run rounds of about --round-ms. The count is rounded so that a round's traps
 * per op, and each slot's share of the moves, are the same in every round of the scenario: a
 * figure per op must not depend on where the round happened to stop.
 */
#include "round_ops.h"

#include "../option_table.h"

#include <math.h>

static long gcd(long a, long b)
{
	while (b != 0) {
		long r = a % b;

		a = b;
		b = r;
	}
	return a;
}

long round_ops_fit(long ops, int slots, int trap_every)
{
	long every = trap_every > 0 ? trap_every : 1;
	long step = (long)slots / gcd(slots, every) * every;

	if (trap_every > 0 && ops < ROUND_MIN_TRAPS * every)
		ops = ROUND_MIN_TRAPS * every;
	ops = (ops + step - 1) / step * step;
	if (ops > MAX_ROUND_OPS)
		ops = MAX_ROUND_OPS / step * step;
	return ops < step ? step : ops;
}

long round_ops_for_time(long round_ms, long min_ops, double per_op_ns, int slots, int trap_every)
{
	/* A clock that did not move (or a per-op time below 1 ns) cannot size anything: count 1 ns. */
	double wanted = ceil((double)round_ms * 1e6 / (per_op_ns < 1 ? 1 : per_op_ns));
	long ops = wanted > (double)MAX_ROUND_OPS ? MAX_ROUND_OPS : (long)wanted;

	return round_ops_fit(ops < min_ops ? min_ops : ops, slots, trap_every);
}
