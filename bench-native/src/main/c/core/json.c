/*
 * The small JSON writer native.json is built with: every block (the moves' results, the
 * profiler's) writes through it, so entries are indented and separated alike.
 */
#include "json.h"

#include "unknown_number.h"

#include <math.h>

static void json_string_value(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

/* Separator, newline and indent before the next member or element, then its key if any. */
static void json_next(struct json *j, const char *key)
{
	bool had_items = j->has_items[j->depth];

	j->has_items[j->depth] = true;
	if (had_items)
		fputs(j->inline_array ? ", " : ",", j->f);
	if (!j->inline_array)
		fprintf(j->f, "\n%*s", 2 * j->depth, "");
	if (key != NULL) {
		json_string_value(j->f, key);
		fputs(": ", j->f);
	}
}

void json_open(struct json *j, const char *key, char bracket)
{
	json_next(j, key);
	fputc(bracket, j->f);
	j->depth++;
	j->has_items[j->depth] = false;
}

void json_close(struct json *j, char bracket)
{
	bool had_items = j->has_items[j->depth];

	j->depth--;
	if (had_items && !j->inline_array)
		fprintf(j->f, "\n%*s", 2 * j->depth, "");
	fputc(bracket, j->f);
}

void json_str(struct json *j, const char *key, const char *value)
{
	json_next(j, key);
	json_string_value(j->f, value);
}

void json_int(struct json *j, const char *key, long long value)
{
	json_next(j, key);
	fprintf(j->f, "%lld", value);
}

void json_u64(struct json *j, const char *key, uint64_t value)
{
	json_next(j, key);
	fprintf(j->f, "%llu", (unsigned long long)value);
}

void json_known(struct json *j, const char *key, long value)
{
	json_next(j, key);
	if (value == UNKNOWN_NUMBER)
		fputs("null", j->f);
	else
		fprintf(j->f, "%ld", value);
}

void json_double(struct json *j, const char *key, double value, int decimals)
{
	json_next(j, key);
	if (isfinite(value))
		fprintf(j->f, "%.*f", decimals, value);
	else
		fputs("null", j->f);
}

void json_bool(struct json *j, const char *key, bool value)
{
	json_next(j, key);
	fputs(value ? "true" : "false", j->f);
}

void json_numbers(struct json *j, const char *key, const double *values, long n)
{
	long i;

	json_open(j, key, '[');
	j->inline_array = true;
	for (i = 0; i < n; i++)
		json_double(j, NULL, values[i], 3);
	j->inline_array = false;
	j->depth--;
	fputc(']', j->f);
}
