package dev.rearm.perf.hostile;

import dev.rearm.perf.event.RingBuffer;
import dev.rearm.perf.memory.WatchedMemory;
import dev.rearm.perf.strategy.Strategy;
import dev.rearm.perf.strategy.WatchpointMover;
import dev.rearm.perf.strategy.WatchpointSpec;
import dev.rearm.perf.testsupport.ProcessResources;

/**
 * A child JVM's main: {@code MoveSoak STRATEGY MOVES} arms the headline watchpoint (signal per
 * trap, 1-page ring), moves it MOVES times (every {@value #TRAP_EVERY}th move traps), closes it,
 * and prints this process's fd count and its perf fds and perf mappings before, while armed, and
 * after, as {@code key=value} words on one line starting with {@code soak}. The total mapping
 * count is not printed: the JVM's arenas, code cache and GC reserve move it on their own. A first
 * round of the same length (at most {@value #WARMUP_MOVES} moves) loads and compiles the loop
 * beforehand, so the JVM itself opens nothing new during the counted round.
 */
public final class MoveSoak {
    private static final int TRAP_EVERY = 1000;
    private static final int WARMUP_MOVES = 20_000;
    private static final int SPAN = 512;

    private MoveSoak() {
    }

    public static void main(String[] args) {
        Strategy strategy = Strategy.parse(args[0]);
        int moves = Integer.parseInt(args[1]);
        WatchedMemory memory = new WatchedMemory(SPAN);
        soak(strategy, memory, Math.min(moves, WARMUP_MOVES));
        ProcessResources before = ProcessResources.now();
        long started = System.nanoTime();

        Round round = soak(strategy, memory, moves);

        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        ProcessResources after = ProcessResources.now();
        System.out.printf("soak strategy=%s moves=%d seconds=%d fdsBefore=%d fdsArmed=%d fdsAfter=%d "
                        + "perfFdsBefore=%d perfFdsArmed=%d perfFdsAfter=%d "
                        + "perfMapsBefore=%d perfMapsArmed=%d perfMapsAfter=%d trapsExpected=%d trapsCounted=%d%n",
                strategy.key(), moves, seconds, before.fds(), round.armed.fds(), after.fds(),
                before.perfFds(), round.armed.perfFds(), after.perfFds(),
                before.perfMappings(), round.armed.perfMappings(), after.perfMappings(),
                round.trapsExpected, round.trapsCounted);
        if (before.fds() != after.fds()) {
            System.out.println("difference: " + before.fdDifferenceTo(after));
        }
    }

    private record Round(ProcessResources armed, long trapsExpected, long trapsCounted) {
    }

    private static Round soak(Strategy strategy, WatchedMemory memory, int moves) {
        long expected = 0;
        try (WatchpointMover mover = strategy.arm(WatchpointSpec.headline(memory.address(0)))) {
            for (int i = 1; i <= moves; i++) {
                int offset = i % SPAN;
                mover.moveTo(memory.address(offset));
                if (i % TRAP_EVERY == 0) {
                    memory.store(offset, (byte) i);
                    expected++;
                    RingBuffer ring = mover.event().ring();
                    ring.discard();
                }
            }
            return new Round(ProcessResources.now(), expected, mover.trapsCounted());
        }
    }
}
