/* The parts every command's document shares, and its atomic publication (document.c). */
#ifndef PERFBP_DOCUMENT_H
#define PERFBP_DOCUMENT_H

#include "env.h"
#include "json.h"

#include <stddef.h>
#include <stdio.h>

/* The whole process's fds and mappings, around the measured part of a run. */
struct process_resources {
	int fds_before, fds_after;
	int mappings_before, mappings_after;
};

/* What every document opens with: harness, command, argv, startedAt, finishedAt, elapsedSeconds. */
int document_write_header(struct json *j, int argc, char **argv, double started_at, double finished_at);
/* The "env" block: the machine as env.c probed it. */
void document_write_env(struct json *j, const struct env *env);
/* Builds a document in memory with write (0, or -1 on failure) and publishes it to out (NULL:
 * stdout) atomically; -1 after one line on failure. */
int document_build(int (*write)(FILE *f, const void *arg), const void *arg, const char *out);
/* Publishes a document built in memory (built: 0 when building it succeeded); frees it. */
int document_publish(char *document, size_t len, int built, const char *out);
/* The "processResources" block. */
void document_write_resources(struct json *j, const struct process_resources *r);

#endif
