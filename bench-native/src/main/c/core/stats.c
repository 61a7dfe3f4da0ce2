/*
 * A plain summary of the per-round figures, for the progress lines and for readers of
 * native.json. The analysis does the real statistics (confidence intervals, ratios) from
 * nsPerOp itself; nothing here is meant to replace that.
 */
#include "stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int summarize(const double *values, int n, struct summary *out)
{
	double *sorted;
	double sum = 0, squares = 0;
	int i;

	memset(out, 0, sizeof(*out));
	if (n <= 0)
		return 0;
	sorted = malloc((size_t)n * sizeof(double));
	if (sorted == NULL)
		return -1;
	memcpy(sorted, values, (size_t)n * sizeof(double));
	qsort(sorted, (size_t)n, sizeof(double), compare_doubles);
	for (i = 0; i < n; i++)
		sum += sorted[i];
	out->mean = sum / n;
	for (i = 0; i < n; i++)
		squares += (sorted[i] - out->mean) * (sorted[i] - out->mean);
	out->stddev = n > 1 ? sqrt(squares / (n - 1)) : 0;
	out->median = n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	out->min = sorted[0];
	out->max = sorted[n - 1];
	out->cv = out->mean > 0 ? out->stddev / out->mean : 0;
	free(sorted);
	return 0;
}

void summary_write(struct json *j, const char *key, const struct summary *s)
{
	json_open(j, key, '{');
	json_double(j, "median", s->median, 3);
	json_double(j, "mean", s->mean, 3);
	json_double(j, "stddev", s->stddev, 3);
	json_double(j, "min", s->min, 3);
	json_double(j, "max", s->max, 3);
	json_double(j, "cv", s->cv, 6);
	json_close(j, '}');
}
