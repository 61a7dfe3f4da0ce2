/*
 * What every command's document opens with (who ran what, when, on which machine) and how a
 * document built in memory is published: atomically, or not at all (core/publish.c).
 */
#include "document.h"

#include "advice.h"
#include "exit_status.h"
#include "publish.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void json_capability(struct json *j, const char *key, const struct capability *c)
{
	json_open(j, key, '{');
	json_bool(j, "supported", c->supported);
	json_str(j, "reason", c->reason);
	json_close(j, '}');
}

static void iso_time(double seconds, char *buf, size_t size)
{
	time_t t = (time_t)seconds;
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL || strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(buf, size, "unknown");
}

/* The command line as a shell would take it back. */
static void command_line(int argc, char **argv, FILE *f)
{
	int i;

	for (i = 0; i < argc; i++) {
		const char *a = argv[i];
		bool plain = a[0] != '\0' && strspn(a, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
						      "0123456789-_=.,/:+@%") == strlen(a);

		if (i > 0)
			fputc(' ', f);
		if (plain) {
			fputs(a, f);
			continue;
		}
		fputc('\'', f);
		for (; *a; a++)
			if (*a == '\'')
				fputs("'\\''", f);
			else
				fputc(*a, f);
		fputc('\'', f);
	}
}

void document_write_env(struct json *j, const struct env *env)
{
	int t, l;

	json_open(j, "env", '{');
	json_str(j, "kernel", env->uts.release);
	json_str(j, "kernelVersion", env->uts.version);
	json_str(j, "arch", env->uts.machine);
	json_str(j, "cpu", env->cpu);
	json_bool(j, "hypervisor", env->hypervisor);
	json_int(j, "nproc", env->nproc);
	json_int(j, "pageSize", env->page_size);
	json_known(j, "paranoid", env->paranoid);
	json_known(j, "mlockKb", env->mlock_kb);
	json_str(j, "clocksource", env->clocksource);
	json_double(j, "clockReadNs", env->clock_read_ns, 1);
	json_capability(j, "breakpointPmu", &env->breakpoint_pmu);
	json_open(j, "debugRegisters", '{');
	json_bool(j, "supported", env->debug_registers.supported);
	json_str(j, "reason", env->debug_registers.reason);
	json_int(j, "count", env->debug_register_count);
	json_close(j, '}');
	json_capability(j, "watchpointTraps", &env->traps);
	json_capability(j, "modifyAttributes", &env->modify);
	json_capability(j, "sigtrap", &env->sigtrap);
	json_capability(j, "sigDataModify", &env->sig_data_modify);
	json_open(j, "signal", '{');
	json_int(j, "number", env->signo);
	json_str(j, "name", "SIGRTMIN+3");
	json_close(j, '}');
	json_open(j, "lockedMemory", '{');
	json_bool(j, "exempt", env->locked.exempt);
	if (env->locked.exempt) {
		json_str(j, "reason", env->locked.exempt_because);
	} else {
		json_int(j, "limitKb", env->locked.limit_kb);
		json_int(j, "perfKb", env->locked.perf_kb);
		json_int(j, "rlimitKb", env->locked.rlimit_kb);
	}
	json_int(j, "onlineCpus", env->locked.online_cpus);
	json_close(j, '}');
	json_open(j, "shapes", '[');
	for (t = 0; t < NR_BP_KINDS; t++)
		for (l = 0; l < NR_BP_LENGTHS; l++) {
			const struct shape_support *shape = &env->shapes[t][l];

			json_open(j, NULL, '{');
			json_str(j, "bpType", bp_kind_name(t));
			json_int(j, "bpLen", 1 << l);
			json_bool(j, "supported", shape->supported);
			json_str(j, "reason", shape->supported ? "opened" : errno_name(shape->err));
			json_close(j, '}');
		}
	json_close(j, ']');
	json_str(j, "compiler", "gcc " __VERSION__);
	json_str(j, "harnessVersion", PERFBP_BENCH_VERSION);
	json_close(j, '}');
}

int document_write_header(struct json *j, int argc, char **argv, double started_at, double finished_at)
{
	char when[32];
	char *line = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&line, &len);
	int i;

	json_str(j, "harness", "native");
	if (mem == NULL)
		return -1;
	command_line(argc, argv, mem);
	if (fclose(mem) != 0) {
		free(line);
		return -1;
	}
	json_str(j, "command", line);
	free(line);
	json_open(j, "argv", '[');
	for (i = 0; i < argc; i++)
		json_str(j, NULL, argv[i]);
	json_close(j, ']');
	iso_time(started_at, when, sizeof(when));
	json_str(j, "startedAt", when);
	iso_time(finished_at, when, sizeof(when));
	json_str(j, "finishedAt", when);
	json_double(j, "elapsedSeconds", finished_at - started_at, 3);
	return 0;
}

int document_publish(char *document, size_t len, int built, const char *out)
{
	int rc = built;

	if (rc != 0) {
		fprintf(stderr, "perfbp-bench: building native.json: out of memory\n");
		free(document);
		return -1;
	}
	rc = publish_document(out, document, len);
	free(document);
	return rc;
}

int document_build(int (*write)(FILE *f, const void *arg), const void *arg, const char *out)
{
	char *document = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&document, &len);
	int rc;

	if (mem == NULL) {
		perror("perfbp-bench: open_memstream");
		return -1;
	}
	rc = write(mem, arg);
	if (fclose(mem) != 0)
		rc = -1;
	return document_publish(document, len, rc, out);
}

void document_write_resources(struct json *j, const struct process_resources *r)
{
	json_open(j, "processResources", '{');
	json_str(j, "when", "before the first and after the last measured group (whole process: /proc/self/fd, "
			   "/proc/self/maps)");
	json_int(j, "fdsBefore", r->fds_before);
	json_int(j, "fdsAfter", r->fds_after);
	json_int(j, "mappingsBefore", r->mappings_before);
	json_int(j, "mappingsAfter", r->mappings_after);
	json_close(j, '}');
}
