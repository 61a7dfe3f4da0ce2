/*
 * native.json as one document: who ran what (command, times), how each experiment measured,
 * the machine (env), the process's resources, and the results of the moves and of the
 * profiler, each written by its own block; then published (core/publish.c).
 */
#include "output.h"

#include "core/exit_status.h"
#include "core/json.h"
#include "core/publish.h"
#include "moves/output.h"
#include "profiler/output.h"

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

void iso_time(double seconds, char *buf, size_t size)
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

void output_write_env(struct json *j, const struct env *env)
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

int output_write_header(struct json *j, int argc, char **argv, double started_at, double finished_at)
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

int output_publish(char *document, size_t len, int built, const char *out)
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

static int write_document(FILE *f, const struct run_record *r)
{
	struct json j = { .f = f };
	int i;

	fputc('{', f);
	j.depth = 1;
	if (output_write_header(&j, r->opts->argc, r->opts->argv, r->started_at, r->finished_at) != 0)
		return -1;
	moves_write_settings(&j, r->matrix, r->settings);
	if (r->profiler != NULL)
		profiler_write_block(&j, r->profiler);
	output_write_env(&j, r->env);
	json_open(&j, "processResources", '{');
	json_str(&j, "when", "before the first and after the last measured group (whole process: /proc/self/fd, "
			    "/proc/self/maps)");
	json_int(&j, "fdsBefore", r->fds_before);
	json_int(&j, "fdsAfter", r->fds_after);
	json_int(&j, "mappingsBefore", r->mappings_before);
	json_int(&j, "mappingsAfter", r->mappings_after);
	json_close(&j, '}');
	json_open(&j, "results", '[');
	for (i = 0; i < r->count; i++)
		if (moves_write_result(&j, &r->scenarios[i], &r->results[i], r->settings) != 0)
			return -1;
	if (r->profiler != NULL)
		profiler_write_results(&j, r->profiler);
	json_close(&j, ']');
	fputs("\n}\n", f);
	return ferror(f) ? -1 : 0;
}

int output_build(int (*write)(FILE *f, const void *arg), const void *arg, const char *out)
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
	return output_publish(document, len, rc, out);
}

static int write_record(FILE *f, const void *record)
{
	return write_document(f, record);
}

int output_write(const struct run_record *record)
{
	return output_build(write_record, record, record->opts->out);
}
