/*
 * The small JSON writer native.json is built with (json.c): every block writes through it,
 * so entries are indented and separated alike.
 */
#ifndef PERFBP_JSON_H
#define PERFBP_JSON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define JSON_MAX_DEPTH 8


struct json {
	FILE *f;
	int depth;
	bool has_items[JSON_MAX_DEPTH];
	bool inline_array; /* numbers on one line */
};

/* key is NULL for an array element. */
void json_open(struct json *j, const char *key, char bracket);
void json_close(struct json *j, char bracket);
void json_str(struct json *j, const char *key, const char *value);
void json_int(struct json *j, const char *key, long long value);
void json_u64(struct json *j, const char *key, uint64_t value);
/* A fact the machine would not tell (UNKNOWN_NUMBER) is null, not a number. */
void json_known(struct json *j, const char *key, long value);
void json_double(struct json *j, const char *key, double value, int decimals);
void json_bool(struct json *j, const char *key, bool value);
/* An array of numbers on one line, 3 decimals. */
void json_numbers(struct json *j, const char *key, const double *values, long n);

#endif
