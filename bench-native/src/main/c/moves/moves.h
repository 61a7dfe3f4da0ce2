/*
 * perfbp-bench moves: moving a watchpoint by reopen against modify (and the other strategies)
 * over named matrices of scenarios (core/matrix.c), run by core/'s runner and written to
 * native.json.
 *
 *   command.c  parse, probe, plan, dry run or run, write     options.c  its options and --help
 *   help.c     the prose of its --help                        output.c   its native.json
 */
#ifndef PERFBP_MOVES_H
#define PERFBP_MOVES_H

/* argv: the whole command line (argv[1] is "moves"); returns the exit status. */
int cmd_moves(int argc, char **argv);

#endif
