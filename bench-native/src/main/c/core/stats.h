/* Per-round summaries (stats.c). */
#ifndef PERFBP_STATS_H
#define PERFBP_STATS_H

#include "json.h"

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
/* The summary as a JSON object under key, as every results entry of native.json carries it. */
void summary_write(struct json *j, const char *key, const struct summary *s);

#endif
