/* perfbp-bench round-size: does a per-op figure move with the round size? (round_size.h) */
#ifndef PERFBP_ROUND_SIZE_COMMAND_H
#define PERFBP_ROUND_SIZE_COMMAND_H

/* argv: the whole command line (argv[1] is "round-size"); returns the exit status. */
int cmd_round_size(int argc, char **argv);

#endif
