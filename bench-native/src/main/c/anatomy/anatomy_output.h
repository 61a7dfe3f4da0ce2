/* The trap-anatomy's plan, its results, and how they are printed and written. */
#ifndef PERFBP_ANATOMY_OUTPUT_H
#define PERFBP_ANATOMY_OUTPUT_H

#include "anatomy.h"

#include "../core/env.h"

#define MAX_PARTS 16

struct anatomy_plan {
	const struct anatomy_part *parts[MAX_PARTS];
	int nr_parts;
	long rounds, warmup, ops;
	const char *out;
	double started_at, finished_at; /* seconds since the epoch */
};

struct part_result {
	const struct anatomy_part *part;
	bool measured;
	char reason[256]; /* why not, when not measured */
	double *trap_ns, *plain_ns; /* per measured round, ns per op */
	long long traps_expected, traps_observed;
};

/* One stderr line: the part's median trapping and plain figures and their difference. */
void anatomy_progress(const struct anatomy_plan *plan, const struct part_result *result);
/* native.json with the "anatomy" block, to --out atomically or to stdout; 0 on success. */
int anatomy_write(int argc, char **argv, const struct env *env, const struct anatomy_plan *plan,
		  const struct part_result *results);

#endif
