package dev.rearm.jmh.workload;

import dev.rearm.perf.event.BreakpointType;
import dev.rearm.perf.event.PerfException;
import dev.rearm.perf.linux.Binding;
import dev.rearm.perf.linux.LibC;
import dev.rearm.perf.scenario.Notify;
import dev.rearm.perf.signal.SigtrapCell;
import dev.rearm.perf.signal.TrapSignals;
import dev.rearm.perf.strategy.Strategy;
import dev.rearm.perf.strategy.WatchpointMover;
import dev.rearm.perf.strategy.WatchpointSpec;
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
 * fills after ~170 samples and the kernel then stops signalling. notify=sigtrap has no ring:
 * its trapping op first writes the tag it expects (a plain store into libperfbp's per-thread
 * cell, no native call), so the SIGTRAP handler can count a trap that names another address.
 *
 * <p>Both strategies pay the same bookkeeping in the timed op: one load of the moving
 * watchpoint's ring {@code data_head} (a plain memory read) before the move, so the bytes every
 * ring received are known even for the reopened rings that the move destroys (none with
 * notify=sigtrap). No system call is added to either strategy's op.
 *
 * <p>The premise is checked after every iteration (warm-up ones too), outside the timed loop, in
 * a {@link TrapLedger}:
 * <ul>
 *   <li>the rings: every trap writes one sample record, so the bytes the kernel wrote must be the
 *       trapping ops times the record size, exactly, for both strategies (not with notify=sigtrap,
 *       which maps no ring);</li>
 *   <li>modify's counters (its events live through the iteration) must rise by the trapping ops,
 *       exactly; a reopened event's counter dies with it, so reopen relies on its rings;</li>
 *   <li>notify=signal: the signals this thread received equal the trapping ops, exactly
 *       (notify=none: zero); notify=sigtrap: the TRAP_PERF SIGTRAPs this thread received equal
 *       the trapping ops, and every one carried the tag of the address armed at that op;</li>
 *   <li>liveness: a count of zero proves nothing about a watchpoint that a move disarmed or left
 *       behind, so every slot is then touched once at its previous address (no trap allowed) and
 *       once at its current address (exactly one trap), whatever trapEvery is. Execute
 *       watchpoints cannot be touched from Java, so this class refuses bpType=X.</li>
 * </ul>
 * A mismatch throws {@link PremiseViolation}, so JMH fails the benchmark instead of reporting it.
 * At the trial's end one line in JMH's output says how many liveness checks passed.
 */
@State(Scope.Thread)
public abstract class WatchpointState {
    /** perf_event_header + ip + addr: one trap's record (PerfEventAttr.breakpoint samples IP and ADDR). */
    static final int SAMPLE_RECORD_BYTES = 8 + 8 + 8;
    /** How long the iteration teardown waits for the last trap's signal to be delivered. */
    private static final long SIGNAL_WAIT_NANOS = 500_000_000L;

    private Scenario scenario;
    private AddressPlan plan;
    private WatchpointMover[] movers;
    private int[] line;
    private long[] headBeforeMove;
    private TrapSchedule schedule;
    private boolean reopens;
    private int slot;
    private int armedTid;
    /** False with notify=sigtrap: no ring to read or drain. */
    private boolean rings;
    /** This worker thread's sigtrap record (notify=sigtrap only), read and written as plain memory. */
    private SigtrapCell sigtraps;

    private long ops;
    private long trapsExpected;
    private long ringBytes;

    private long opsAtStart;
    private long trapsExpectedAtStart;
    private long countersAtStart;
    private long ringBytesAtStart;
    private long signalsAtStart;
    private long mismatchesAtStart;
    private long livenessChecks;
    private final TrapLedger ledger = new TrapLedger();

    /** The scenario this benchmark's {@code @Param} fields name. */
    protected abstract Scenario scenario();

    @Setup(Level.Trial)
    public void arm(BenchmarkParams params) {
        arm(params.getThreads());
    }

    /** The trial setup for {@code jmhThreads} worker threads (JMH's -t). */
    final void arm(int jmhThreads) {
        scenario = scenario();
        if (scenario.threads() != jmhThreads) {
            throw new Scenario.BadScenarioException("threads=" + scenario.threads() + " but JMH runs "
                    + jmhThreads + " thread(s): pass both, e.g. -t " + scenario.threads() + " -p threads="
                    + scenario.threads() + " (mvn verify runs threads 1..nproc this way)");
        }
        if (scenario.bpType() == BreakpointType.X) {
            throw new Scenario.BadScenarioException("bpType=X: an execute watchpoint's liveness cannot be checked from "
                    + "Java (it would have to run code at the watched address); the native harness measures X, running "
                    + "watched code; JMH takes bpType W or RW");
        }
        plan = new AddressPlan(scenario.slots());
        movers = new WatchpointMover[scenario.slots()];
        line = new int[scenario.slots()];
        headBeforeMove = new long[scenario.slots()];
        schedule = new TrapSchedule(scenario.trapEvery());
        reopens = scenario.strategy() == Strategy.REOPEN;
        rings = scenario.notification().takesRing();
        sigtraps = scenario.notification() == Notify.SIGTRAP ? SigtrapCell.ofThisThread() : null;
        // Which binding makes the perf calls, in JMH's output beside the figures (JNA costs ~250 ns more a call).
        System.out.println("# rearm: perf calls through " + Binding.selected().binding().key());
        armedTid = LibC.gettid();
        try {
            for (int s = 0; s < movers.length; s++) {
                movers[s] = arm(scenario.specAt(plan.address(AddressPlan.index(s, 0))));
            }
        } catch (PerfException e) {
            disarm();
            throw new UnsupportedScenarioException(scenario, e);
        }
    }

    /** Arms one slot with the scenario's strategy; tests put a mover that lies in its place. */
    WatchpointMover arm(WatchpointSpec spec) {
        return scenario.strategy().arm(spec);
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
        ringBytesAtStart = ringBytes + unreadRingBytes();
        countersAtStart = reopens ? 0 : countersNow();
        signalsAtStart = signalsNow();
        mismatchesAtStart = sigtraps == null ? 0 : sigtraps.mismatches();
    }

    /** One op: move the next slot's watchpoint; on a trapping op, store to it and drain its ring. */
    public final void moveOnce() {
        int s = slot;
        WatchpointMover mover = movers[s];
        if (rings) {
            long head = mover.event().ring().dataHead();
            ringBytes += head - headBeforeMove[s];
            // A reopened ring starts empty; modify's ring goes on from where it was.
            headBeforeMove[s] = reopens ? 0 : head;
        }
        int next = line[s] + 1;
        if (next == AddressPlan.LINES_PER_SLOT) {
            next = 0;
        }
        line[s] = next;
        int index = AddressPlan.index(s, next);
        long address = plan.address(index);
        mover.moveTo(address);
        boolean trap = schedule.next();
        if (trap) {
            if (sigtraps != null) {
                sigtraps.expect(SigtrapCell.tagOf(address));
            }
            plan.store(index, (byte) ops);
            if (rings) {
                mover.event().ring().discard();
            }
            trapsExpected++;
        }
        ops++;
        slot = s + 1 == movers.length ? 0 : s + 1;
    }

    @TearDown(Level.Iteration)
    public void checkPremise() {
        long opsDone = ops - opsAtStart;
        long expected = trapsExpected - trapsExpectedAtStart;
        ledger.clear();
        if (rings) {
            ledger.expect("the rings", expected * SAMPLE_RECORD_BYTES, ringBytes + unreadRingBytes() - ringBytesAtStart,
                    "bytes of " + SAMPLE_RECORD_BYTES + "-byte trap samples");
        }
        if (!reopens) {
            ledger.expect("the kernel's counters", expected, countersNow() - countersAtStart, "traps");
        }
        long expectedSignals = scenario.notification() == Notify.NONE ? 0 : expected;
        ledger.expect(signalSource(), expectedSignals, awaitSignals(signalsAtStart, expectedSignals), "signals");
        expectTagsMatched("sigtrap tags: traps whose si_perf_data was not the address armed at that op",
                mismatchesAtStart);
        checkLiveness();
        ledger.verify(scenario + ", after " + opsDone + " ops");
        livenessChecks += movers.length;
    }

    /**
     * Touches every slot at the address it left (must not trap) and at the one it watches now
     * (must trap once), then absorbs what those two stores caused (a ring sample, a signal) so
     * the next iteration starts level.
     */
    private void checkLiveness() {
        long stale = 0;
        long live = 0;
        long signalsBefore = signalsNow();
        long mismatchesBefore = sigtraps == null ? 0 : sigtraps.mismatches();
        for (int s = 0; s < movers.length; s++) {
            int previous = line[s] == 0 ? AddressPlan.LINES_PER_SLOT - 1 : line[s] - 1;
            if (sigtraps != null) {
                // Both stores expect the current address's tag: a trap at the previous one is a mismatch too.
                sigtraps.expect(SigtrapCell.tagOf(plan.address(AddressPlan.index(s, line[s]))));
            }
            long before = movers[s].trapsCounted();
            plan.store(AddressPlan.index(s, previous), (byte) 1);
            long afterPrevious = movers[s].trapsCounted();
            plan.store(AddressPlan.index(s, line[s]), (byte) 1);
            stale += afterPrevious - before;
            live += movers[s].trapsCounted() - afterPrevious;
            if (rings) {
                movers[s].event().ring().discard();
            }
        }
        ledger.expect("liveness: one store at each slot's previous address", 0, stale, "traps");
        ledger.expect("liveness: one store at each slot's current address", movers.length, live, "traps");
        long expectedSignals = scenario.notification() == Notify.NONE ? 0 : live + stale;
        ledger.expect("liveness: the trap signals of those stores", expectedSignals,
                awaitSignals(signalsBefore, expectedSignals), "signals");
        expectTagsMatched("liveness: sigtrap tags other than each slot's current address", mismatchesBefore);
        // The liveness stores' ring samples need no bookkeeping: startIteration takes the rings as they are.
    }

    /** notify=sigtrap: no trap since {@code mismatchesSince} carried a tag other than the one expected. */
    private void expectTagsMatched(String source, long mismatchesSince) {
        if (sigtraps != null) {
            ledger.expect(source, 0, sigtraps.mismatches() - mismatchesSince, "traps");
        }
    }

    private String signalSource() {
        return sigtraps != null ? "this thread's TRAP_PERF SIGTRAPs" : "this thread's trap signals";
    }

    /** This thread's count of the signals its notify mode sends (notify=none: the real-time ones, expected 0). */
    private long signalsNow() {
        return sigtraps != null ? sigtraps.traps() : TrapSignals.threadCount();
    }

    /** The liveness checks passed in this trial, in JMH's output beside the figures. */
    private void reportLiveness() {
        if (livenessChecks > 0) {
            System.out.println("# rearm: liveness checks passed: " + livenessChecks + " (every slot, after every "
                    + "iteration: no trap at its previous address, one at its current address)");
        }
    }

    private long awaitSignals(long since, long expected) {
        long deadline = System.nanoTime() + SIGNAL_WAIT_NANOS;
        long received = signalsNow() - since;
        while (received < expected && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            received = signalsNow() - since;
        }
        return received;
    }

    /** Bytes the armed rings received since their slot last moved (data_head only grows). */
    private long unreadRingBytes() {
        if (!rings) {
            return 0;
        }
        long total = 0;
        for (int s = 0; s < movers.length; s++) {
            total += movers[s].event().ring().dataHead() - headBeforeMove[s];
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

    @TearDown(Level.Trial)
    public void disarm() {
        if (movers == null) {
            return;
        }
        reportLiveness();
        for (WatchpointMover mover : movers) {
            if (mover != null) {
                mover.close();
            }
        }
        movers = null;
    }
}
