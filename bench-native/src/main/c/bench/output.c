/*
 * native.json, in the shape DESIGN.md gives (keys may be added, never renamed), written
 * atomically: the whole document is built in memory, then written to a temp file in the
 * same directory, synced and renamed over --out. An interrupted or failed run never leaves
 * a partial file or damages an earlier one.
 */
#include "bench.h"
#include "json.h"
#include "profiler.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

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

static void write_env(struct json *j, const struct env *env)
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
	json_capability(j, "modifyAttributes", &env->modify);
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

static void write_settings(struct json *j, const struct run_record *r)
{
	json_open(j, "settings", '{');
	json_str(j, "matrix", r->matrix);
	json_int(j, "iterations", r->settings->iterations);
	json_int(j, "rounds", r->settings->rounds);
	json_int(j, "warmup", r->settings->warmup);
	json_int(j, "addresses", POOL_ADDRESSES);
	json_int(j, "addressStride", POOL_STRIDE);
	json_str(j, "timer", "one clock_gettime(CLOCK_MONOTONIC) pair per thread around each round's batch of "
			     "iterations ops; nsPerOp[r] = mean over threads of batch time / iterations");
	json_str(j, "threadsOne", "threads=1 runs on the main thread of a single-threaded process, like the original "
				  "tests; with threads=N the N workers are pthreads and the main thread waits");
	json_str(j, "ringDrain", "data_tail = data_head after every trapping op, in every strategy with a ring");
	json_str(j, "trapCount", "after every batch, every count the kernel gave must equal the ops that trapped: "
				 "samples read from the rings (observedBy ring), the fds' counters by read() where "
				 "every fd was read (modify; ring-less reopen; reopen in the phase pass, before each "
				 "close; see traps.counter), and the SIGRTMIN+3 handler's count when notify=signal. "
				 "Reopen's rounds do not read() each fd: that costs ~0.9 us per op on a VM");
	json_str(j, "leakCheck", "after every group, /proc/self holds no perf fd and no perf mapping");
	json_str(j, "phasePass", "one extra batch of iterations ops per strategy with phases, timed phase by phase "
				 "(mean ns per op); not part of nsPerOp; each phase includes about one clockReadNs. "
				 "phasesNs holds the move's own phases (their sum is the op at trapEvery=0); "
				 "phasePassExtrasNs.counterRead is the pass's read() of each fd's counter before close "
				 "(not done in reopen's rounds), phasePassExtrasNs.trap the trapping access and ring "
				 "drain (and signal) per op");
	json_close(j, '}');
}

static int write_result(struct json *j, const struct scenario *s, const struct scenario_result *r,
			const struct run_settings *rs)
{
	const struct strategy_desc *desc = strategy_desc(s->strategy);
	struct summary summary;
	int t, p;

	if (r->not_run[0] == '\0' && summarize(r->ns_per_op, (int)rs->rounds, &summary) != 0)
		return -1;
	json_open(j, NULL, '{');
	json_str(j, "strategy", desc->name);
	json_int(j, "trapEvery", s->trap_every);
	json_str(j, "notify", notify_name(s->notify));
	json_int(j, "pages", s->pages);
	json_str(j, "bpType", bp_kind_name(s->bp_type));
	json_int(j, "bpLen", s->bp_len);
	json_int(j, "threads", s->threads);
	json_int(j, "slots", s->slots);
	if (r->not_run[0] != '\0') {
		/* No figures: the analysis lists it as not measured, with the reason. */
		json_str(j, "status", "not run");
		json_str(j, "reason", r->not_run);
		json_close(j, '}');
		return 0;
	}
	json_str(j, "status", "ok");
	json_int(j, "iterations", rs->iterations);
	json_int(j, "rounds", rs->rounds);
	json_int(j, "warmup", rs->warmup);
	json_numbers(j, "nsPerOp", r->ns_per_op, rs->rounds);
	json_numbers(j, "aggregateNsPerOp", r->aggregate_ns_per_op, rs->rounds);
	json_open(j, "threadNsPerOp", '[');
	for (t = 0; t < s->threads; t++)
		json_numbers(j, NULL, r->thread_ns_per_op + (long)t * rs->rounds, rs->rounds);
	json_close(j, ']');
	json_open(j, "summary", '{');
	json_double(j, "median", summary.median, 3);
	json_double(j, "mean", summary.mean, 3);
	json_double(j, "stddev", summary.stddev, 3);
	json_double(j, "min", summary.min, 3);
	json_double(j, "max", summary.max, 3);
	json_double(j, "cv", summary.cv, 6);
	json_close(j, '}');
	json_open(j, "traps", '{');
	json_u64(j, "expected", r->traps_expected);
	json_u64(j, "observed", r->traps_observed);
	json_str(j, "observedBy", s->pages > 0 ? "ring" : "counter");
	if (s->notify == NOTIFY_SIGNAL)
		json_u64(j, "signals", r->signals);
	json_u64(j, "ops", r->ops);
	json_open(j, "counter", '{');
	json_u64(j, "ops", r->counter_ops);
	json_u64(j, "expected", r->counter_expected);
	json_u64(j, "observed", r->counter_observed);
	json_close(j, '}');
	json_close(j, '}');
	if (r->has_phases) {
		/* phasesNs: only the move's own phases, so they add up to the op the rounds time. */
		json_open(j, "phasesNs", '{');
		for (p = 0; p < NR_PHASES; p++)
			if ((desc->phases & (1u << p)) && p != PHASE_READ && p != PHASE_TRAP)
				json_double(j, phase_name(p), r->phase_ran[p] ? r->phase_ns[p] : 0.0, 1);
		json_close(j, '}');
		json_open(j, "phasePassExtrasNs", '{');
		if (desc->phases & (1u << PHASE_READ))
			json_double(j, "counterRead", r->phase_ran[PHASE_READ] ? r->phase_ns[PHASE_READ] : 0.0, 1);
		json_double(j, "trap", r->phase_ran[PHASE_TRAP] ? r->phase_ns[PHASE_TRAP] : 0.0, 1);
		json_close(j, '}');
		json_u64(j, "phaseOps", r->phase_ops);
	}
	json_close(j, '}');
	return 0;
}

static int write_document(FILE *f, const struct run_record *r)
{
	struct json j = { .f = f };
	char when[32];
	int i;

	fputc('{', f);
	j.depth = 1;
	json_str(&j, "harness", "native");
	{
		char *line = NULL;
		size_t len = 0;
		FILE *mem = open_memstream(&line, &len);

		if (mem == NULL)
			return -1;
		command_line(r->opts->argc, r->opts->argv, mem);
		if (fclose(mem) != 0) {
			free(line);
			return -1;
		}
		json_str(&j, "command", line);
		free(line);
	}
	json_open(&j, "argv", '[');
	for (i = 0; i < r->opts->argc; i++)
		json_str(&j, NULL, r->opts->argv[i]);
	json_close(&j, ']');
	iso_time(r->started_at, when, sizeof(when));
	json_str(&j, "startedAt", when);
	iso_time(r->finished_at, when, sizeof(when));
	json_str(&j, "finishedAt", when);
	json_double(&j, "elapsedSeconds", r->finished_at - r->started_at, 3);
	write_settings(&j, r);
	if (r->profiler != NULL)
		profiler_write_block(&j, r->profiler);
	write_env(&j, r->env);
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
		if (write_result(&j, &r->scenarios[i], &r->results[i], r->settings) != 0)
			return -1;
	if (r->profiler != NULL)
		profiler_write_results(&j, r->profiler);
	json_close(&j, ']');
	fputs("\n}\n", f);
	return ferror(f) ? -1 : 0;
}

static int write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

static int sync_directory_of(const char *path)
{
	char dir[4096];
	const char *slash = strrchr(path, '/');
	int fd, rc;

	if (slash == NULL)
		snprintf(dir, sizeof(dir), ".");
	else if (slash == path)
		snprintf(dir, sizeof(dir), "/");
	else
		snprintf(dir, sizeof(dir), "%.*s", (int)(slash - path), path);
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	rc = fsync(fd);
	if (close(fd) != 0)
		rc = -1;
	return rc;
}

/* Signals that would kill us between mkstemp and rename are held until the file is in place. */
static int atomic_write(const char *path, const char *data, size_t len)
{
	char tmp[4096 + 16];
	sigset_t block, previous;
	mode_t mask;
	int fd, rc = -1, err = 0;

	if (snprintf(tmp, sizeof(tmp), "%s.tmp.XXXXXX", path) >= (int)sizeof(tmp)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if (sigemptyset(&block) != 0 || sigaddset(&block, SIGINT) != 0 || sigaddset(&block, SIGTERM) != 0 ||
	    sigaddset(&block, SIGHUP) != 0 || sigprocmask(SIG_BLOCK, &block, &previous) != 0)
		return -1;
	mask = umask(0);
	umask(mask);
	fd = mkstemp(tmp);
	if (fd < 0) {
		err = errno;
		goto restore;
	}
	if (fchmod(fd, 0666 & ~mask) != 0 || write_all(fd, data, len) != 0 || fsync(fd) != 0) {
		err = errno;
		(void)close(fd);
		goto remove_tmp;
	}
	if (close(fd) != 0 || rename(tmp, path) != 0) {
		err = errno;
		goto remove_tmp;
	}
	if (sync_directory_of(path) != 0)
		err = errno; /* the file is complete and in place; only its durability is in doubt */
	rc = err ? -1 : 0;
	goto restore;
remove_tmp:
	if (unlink(tmp) != 0)
		perror("perfbp-bench: removing the temp file");
restore:
	if (sigprocmask(SIG_SETMASK, &previous, NULL) != 0 && rc == 0) {
		err = errno;
		rc = -1;
	}
	errno = err;
	return rc;
}

int output_write(const struct run_record *record)
{
	char *document = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&document, &len);
	int rc;

	if (mem == NULL) {
		perror("perfbp-bench: open_memstream");
		return -1;
	}
	rc = write_document(mem, record);
	if (fclose(mem) != 0)
		rc = -1;
	if (rc != 0) {
		fprintf(stderr, "perfbp-bench: building native.json: out of memory\n");
		free(document);
		return -1;
	}
	if (record->opts->out == NULL) {
		rc = fwrite(document, 1, len, stdout) == len && fflush(stdout) == 0 ? 0 : -1;
		if (rc != 0)
			perror("perfbp-bench: writing native.json to stdout");
	} else {
		rc = atomic_write(record->opts->out, document, len);
		if (rc != 0)
			fprintf(stderr, "perfbp-bench: writing %s: %s\n", record->opts->out, strerror(errno));
	}
	free(document);
	return rc;
}
