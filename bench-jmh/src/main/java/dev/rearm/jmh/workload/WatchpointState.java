package dev.rearm.jmh.workload;

import dev.rearm.perf.event.PerfException;
import dev.rearm.perf.linux.Binding;
import dev.rearm.perf.linux.LibC;
import dev.rearm.perf.scenario.Notify;
import dev.rearm.perf.signal.TrapSignals;
import dev.rearm.perf.strategy.Strategy;
import dev.rearm.perf.strategy.WatchpointMover;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The watchpoints one JMH worker thread moves, and the proof that the kernel saw what we claim.
 *
 * <p>Each benchmark declares a subclass holding the scenario keys as {@code @Param}s. Scope is
 * Thread: the trial setup runs on the worker thread itself, so the watchpoints (opened with
 * pid 0) belong to the thread that moves them and stores to them, and signals go to it.
 *
 * <p>One op ({@link #moveOnce()}) moves the next slot's watchpoint to that slot's next address;
 * every trapEvery-th op then stores one byte there from Java (a plain store into off-heap
 * memory) and drains the ring, as a real tool keeps it drained: an undrained read-write ring
 * fills after ~170 samples and the kernel then stops signalling.
 *
 * <p>The premise is checked after every iteration (warm-up ones too), outside the timed loop:
 * <ul>
 *   <li>the kernel's counters: modify's events live through the iteration, so their counts must
 *       rise by the trapping ops, exactly. A reopened event dies at the next move, so its
 *       counter is read before the close on one op in {@value #REOPEN_SAMPLE_EVERY} (a fixed
 *       sample: reading every fd would add a read() syscall to every timed reopen);</li>
 *   <li>the rings: every trap writes one sample record, so the bytes the kernel wrote (the
 *       rings' data_head, a plain memory load, read for reopen before each close) must be the
 *       trapping ops times the record size, exactly, for both strategies;</li>
 *   <li>notify=signal: the signals this thread received equal the trapping ops, exactly
 *       (notify=none: zero).</li>
 * </ul>
 * A mismatch throws {@link PremiseViolation}, so JMH fails the benchmark instead of reporting it.
 */
@State(Scope.Thread)
public abstract class WatchpointState {
    /** A prime, so the sampled reopens drift across every trapEvery pattern and address cycle. */
    static final int REOPEN_SAMPLE_EVERY = 61;
    /** perf_event_header + ip + addr: one trap's record (PerfEventAttr.breakpoint samples IP and ADDR). */
    static final int SAMPLE_RECORD_BYTES = 8 + 8 + 8;
    /** How long the iteration teardown waits for the last trap's signal to be delivered. */
    private static final long SIGNAL_WAIT_NANOS = 500_000_000L;

    private Scenario scenario;
    private AddressPlan plan;
    private WatchpointMover[] movers;
    private int[] line;
    private boolean[] lastMoveTrapped;
    private TrapSchedule schedule;
    private boolean reopens;
    private int untilSample;
    private int slot;
    private int armedTid;

    private long ops;
    private long trapsExpected;
    private long sampledCount;
    private long sampledTraps;
    private long sampledTrapsExpected;
    private long closedRingBytes;

    private long opsAtStart;
    private long trapsExpectedAtStart;
    private long countersAtStart;
    private long liveRingBytesAtStart;
    private long signalsAtStart;

    /** The scenario this benchmark's {@code @Param} fields name. */
    protected abstract Scenario scenario();

    @Setup(Level.Trial)
    public void arm(BenchmarkParams params) {
        scenario = scenario();
        if (scenario.threads() != params.getThreads()) {
            throw new Scenario.BadScenarioException("threads=" + scenario.threads() + " but JMH runs "
                    + params.getThreads() + " thread(s): pass both, e.g. -t " + scenario.threads() + " -p threads="
                    + scenario.threads() + " (mvn verify runs threads 1..nproc this way)");
        }
        plan = new AddressPlan(scenario.slots());
        movers = new WatchpointMover[scenario.slots()];
        line = new int[scenario.slots()];
        lastMoveTrapped = new boolean[scenario.slots()];
        schedule = new TrapSchedule(scenario.trapEvery());
        reopens = scenario.strategy() == Strategy.REOPEN;
        // Which binding makes the perf calls, in JMH's output beside the figures (JNA costs ~250 ns more a call).
        System.out.println("# rearm: perf calls through " + Binding.selected().binding().key());
        untilSample = REOPEN_SAMPLE_EVERY;
        armedTid = LibC.gettid();
        try {
            for (int s = 0; s < movers.length; s++) {
                movers[s] = scenario.strategy().arm(scenario.specAt(plan.address(AddressPlan.index(s, 0))));
            }
        } catch (PerfException e) {
            disarm();
            throw new UnsupportedScenarioException(scenario, e);
        }
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        if (LibC.gettid() != armedTid) {
            // The watchpoints trap only for the thread that opened them (pid 0).
            throw new IllegalStateException("JMH ran this iteration on another thread than the one that armed "
                    + "the watchpoints; use JMH's default platform-thread executor");
        }
        opsAtStart = ops;
        trapsExpectedAtStart = trapsExpected;
        sampledCount = 0;
        sampledTraps = 0;
        sampledTrapsExpected = 0;
        closedRingBytes = 0;
        liveRingBytesAtStart = liveRingBytes();
        countersAtStart = reopens ? 0 : countersNow();
        signalsAtStart = TrapSignals.threadCount();
    }

    /** One op: move the next slot's watchpoint; on a trapping op, store to it and drain its ring. */
    public final void moveOnce() {
        int s = slot;
        WatchpointMover mover = movers[s];
        if (reopens) {
            beforeReopen(s, mover);
        }
        int next = line[s] + 1;
        if (next == AddressPlan.LINES_PER_SLOT) {
            next = 0;
        }
        line[s] = next;
        int index = AddressPlan.index(s, next);
        mover.moveTo(plan.address(index));
        boolean trap = schedule.next();
        if (trap) {
            plan.store(index, (byte) ops);
            mover.event().ring().discard();
            trapsExpected++;
        }
        lastMoveTrapped[s] = trap;
        ops++;
        slot = s + 1 == movers.length ? 0 : s + 1;
    }

    /** Reopen: take what the event about to be closed recorded, before the move destroys it. */
    private void beforeReopen(int s, WatchpointMover mover) {
        closedRingBytes += mover.event().ring().dataHead();
        if (--untilSample == 0) {
            untilSample = REOPEN_SAMPLE_EVERY;
            sampleEventCount(s, mover);
        }
    }

    /** Reopen: an event has seen exactly the store of the op that armed it, if that op trapped. */
    private void sampleEventCount(int s, WatchpointMover mover) {
        sampledCount++;
        sampledTraps += mover.event().readCount();
        sampledTrapsExpected += lastMoveTrapped[s] ? 1 : 0;
    }

    @TearDown(Level.Iteration)
    public void checkPremise() {
        long opsDone = ops - opsAtStart;
        long expected = trapsExpected - trapsExpectedAtStart;
        if (reopens) {
            for (int s = 0; s < movers.length; s++) {
                sampleEventCount(s, movers[s]);
            }
            if (sampledTraps != sampledTrapsExpected) {
                fail("the counters of " + sampledCount + " sampled reopened events show " + sampledTraps
                        + " traps where their ops made " + sampledTrapsExpected, opsDone);
            }
        } else {
            long counted = countersNow() - countersAtStart;
            if (counted != expected) {
                fail("the kernel counted " + counted + " traps where " + expected + " ops stored to a watched address",
                        opsDone);
            }
        }
        long ringBytes = closedRingBytes + liveRingBytes() - liveRingBytesAtStart;
        if (ringBytes != expected * SAMPLE_RECORD_BYTES) {
            fail("the rings received " + ringBytes + " bytes where " + expected + " trap samples of "
                    + SAMPLE_RECORD_BYTES + " bytes were expected", opsDone);
        }
        long expectedSignals = scenario.notification() == Notify.SIGNAL ? expected : 0;
        long signals = awaitSignals(expectedSignals);
        if (signals != expectedSignals) {
            fail("this thread received " + signals + " trap signals where " + expectedSignals + " were expected"
                    + (scenario.notification() == Notify.SIGNAL ? " (one per trapping op)" : " (notify=none)"), opsDone);
        }
    }

    private long awaitSignals(long expected) {
        long deadline = System.nanoTime() + SIGNAL_WAIT_NANOS;
        long received = TrapSignals.threadCount() - signalsAtStart;
        while (received < expected && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            received = TrapSignals.threadCount() - signalsAtStart;
        }
        return received;
    }

    /** Bytes the kernel has written into the rings of the events armed now (data_head only grows). */
    private long liveRingBytes() {
        long total = 0;
        for (WatchpointMover mover : movers) {
            total += mover.event().ring().dataHead();
        }
        return total;
    }

    private long countersNow() {
        long total = 0;
        for (WatchpointMover mover : movers) {
            total += mover.trapsCounted();
        }
        return total;
    }

    private void fail(String what, long opsDone) {
        throw new PremiseViolation(scenario + ": premise failed after " + opsDone + " ops: " + what);
    }

    @TearDown(Level.Trial)
    public void disarm() {
        if (movers == null) {
            return;
        }
        for (WatchpointMover mover : movers) {
            if (mover != null) {
                mover.close();
            }
        }
        movers = null;
    }
}
