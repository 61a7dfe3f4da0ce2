/* Per-round summaries (stats.c). */
#ifndef PERFBP_STATS_H
#define PERFBP_STATS_H

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

#endif
