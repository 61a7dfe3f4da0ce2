/*
 * The trap-anatomy's output: a progress line per part on stderr, and native.json with the run's
 * environment and an "anatomy" block (per part: status, per-round trapping and plain ns per op,
 * traps expected/observed). Figures only: what each part means is in --help and README.
 */
#include "anatomy_output.h"

#include "../core/env.h"
#include "../core/json.h"
#include "../core/stats.h"
#include "../core/document.h"

#include <stdio.h>
#include <stdlib.h>

void anatomy_progress(const struct anatomy_plan *plan, const struct part_result *result)
{
	struct summary trap, plain;

	if (!result->measured) {
		fprintf(stderr, "perfbp-bench trap-anatomy:   %s not run: %s\n", result->part->name, result->reason);
		return;
	}
	if (summarize(result->trap_ns, (int)plan->rounds, &trap) != 0 ||
	    summarize(result->plain_ns, (int)plan->rounds, &plain) != 0)
		return;
	fprintf(stderr, "perfbp-bench trap-anatomy:   %s %.3f us/op trapping, %.3f us/op plain: %.3f us per trap "
		"(medians of %ld rounds), traps %lld/%lld\n", result->part->name, trap.median / 1e3, plain.median / 1e3,
		(trap.median - plain.median) / 1e3, plan->rounds, result->traps_observed, result->traps_expected);
}

static void write_part(struct json *j, const struct anatomy_plan *plan, const struct part_result *r)
{
	json_open(j, NULL, '{');
	json_str(j, "part", r->part->name);
	json_str(j, "kind", r->part->kind);
	json_str(j, "status", r->measured ? "ok" : "not run");
	if (!r->measured) {
		json_str(j, "reason", r->reason);
	} else {
		json_int(j, "opsPerRound", plan->ops);
		json_numbers(j, "trapNsPerOp", r->trap_ns, plan->rounds);
		json_numbers(j, "plainNsPerOp", r->plain_ns, plan->rounds);
		json_open(j, "traps", '{');
		json_int(j, "expected", r->traps_expected);
		json_int(j, "observed", r->traps_observed);
		json_close(j, '}');
	}
	json_close(j, '}');
}

int anatomy_write(int argc, char **argv, const struct env *env, const struct anatomy_plan *plan,
		  const struct part_result *results)
{
	char *document = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&document, &len);
	struct json j = { .f = mem };
	int i, rc;

	if (mem == NULL) {
		perror("perfbp-bench trap-anatomy: open_memstream");
		return 1;
	}
	fputc('{', mem);
	j.depth = 1;
	rc = document_write_header(&j, argc, argv, plan->started_at, plan->finished_at);
	json_open(&j, "anatomy", '{');
	json_int(&j, "rounds", plan->rounds);
	json_int(&j, "warmup", plan->warmup);
	json_int(&j, "opsPerRound", plan->ops);
	json_open(&j, "parts", '[');
	for (i = 0; i < plan->nr_parts; i++)
		write_part(&j, plan, &results[i]);
	json_close(&j, ']');
	json_close(&j, '}');
	document_write_env(&j, env);
	/* No move was measured: an empty results list keeps the document's shape for every reader. */
	json_open(&j, "results", '[');
	json_close(&j, ']');
	fputs("\n}\n", mem);
	if (ferror(mem))
		rc = -1;
	if (fclose(mem) != 0)
		rc = -1;
	return document_publish(document, len, rc, plan->out) == 0 ? 0 : 1;
}
