/*
 * perfbp-bench: one experiment per command, as perf bench does it. This file is the table of
 * commands and nothing else: each command's folder owns its options, its --help, its defaults,
 * its plan and its output, over the shared helpers in core/.
 */
#include "anatomy/anatomy.h"
#include "moves/moves.h"
#include "profiler/profiler.h"
#include "roundsize/round_size_command.h"

#include "core/exit_status.h"
#include "core/help_text.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

struct command {
	const char *name;
	const char *summary;
	int (*fn)(int argc, char **argv); /* the whole command line: argv[1] is the command's name */
};

static const struct command commands[] = {
	{ "moves", "moving a watchpoint: reopen against modify over named matrices of scenarios (ring pages, trap "
		   "rate, shapes, threads, slots, notify)", cmd_moves },
	{ "profiler", "a watchpoint tool's overhead on workloads, arming by reopen or modify", cmd_profiler },
	{ "round-size", "whether a per-op figure moves with the ops per round (--sizes 2000,10000)", cmd_round_size },
	{ "trap-anatomy", "what one trap costs here, piece by piece (exception, sample, wakeup, signal, sigtrap) "
			  "beside reference exceptions (int3, single-step, tgkill)", cmd_trap_anatomy },
};

#define NR_COMMANDS ((int)(sizeof(commands) / sizeof(commands[0])))

static void usage(FILE *out)
{
	int i;

	fprintf(out,
		"usage: perfbp-bench <command> [options]\n"
		"       perfbp-bench <command> --help     a command's own options\n"
		"\n"
		"The native reference harness of rearm: moves hardware watchpoints by reopening them or with\n"
		"ioctl(PERF_EVENT_IOC_MODIFY_ATTRIBUTES), in C with nothing between the loop and the kernel,\n"
		"counts every trap (the run stops if a count is off), and writes native.json.\n"
		"\n"
		"COMMANDS\n");
	for (i = 0; i < NR_COMMANDS; i++) {
		fprintf(out, "  %-20s", commands[i].name);
		help_wrap(out, commands[i].summary, 22, 100);
	}
	help_exit_status(out);
}

static void command_names(FILE *out)
{
	int i;

	for (i = 0; i < NR_COMMANDS; i++)
		fprintf(out, "%s%s", i ? ", " : "", commands[i].name);
}

/* Options with no command before them: one line naming the command they belong to. */
static int refuse_no_command(int argc, char **argv)
{
	const char *command = "moves";
	int i;

	for (i = 1; i + 1 < argc; i++)
		if (strcmp(argv[i], "--matrix") == 0 && strstr(argv[i + 1], "profiler") != NULL)
			command = "profiler";
	fprintf(stderr, "perfbp-bench: %s: an option with no command before it; valid: perfbp-bench %s%s%s ... "
		"(the commands: ", argv[1], command, strcmp(command, "profiler") == 0 ? "" : " ",
		strcmp(command, "profiler") == 0 ? "" : argv[1]);
	command_names(stderr);
	fprintf(stderr, ")\n");
	return EXIT_USAGE;
}

int main(int argc, char **argv)
{
	int i;

	/*
	 * A harness started from a background shell job inherits SIGINT ignored. An explicit
	 * kill -INT must still stop a run, and the default action is right: the output is only
	 * renamed into place at the end, so a killed run writes nothing.
	 */
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);

	/* Nothing at all: say in one line what to type instead, and run nothing. */
	if (argc < 2) {
		fprintf(stderr, "perfbp-bench: no command given; usage: perfbp-bench <command> [options], valid commands: ");
		command_names(stderr);
		fprintf(stderr, " (perfbp-bench --help says what each does)\n");
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return fflush(stdout) == 0 ? 0 : EXIT_FAILED;
	}
	for (i = 0; i < NR_COMMANDS; i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].fn(argc, argv);
	if (argv[1][0] == '-')
		return refuse_no_command(argc, argv);
	fprintf(stderr, "perfbp-bench: unknown command '%s'; valid: ", argv[1]);
	command_names(stderr);
	fprintf(stderr, "\n");
	return EXIT_USAGE;
}
