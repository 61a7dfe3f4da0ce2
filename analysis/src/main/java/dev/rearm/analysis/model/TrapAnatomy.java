package dev.rearm.analysis.model;

import dev.rearm.analysis.load.AnatomyPart;
import dev.rearm.analysis.stats.Estimate;
import dev.rearm.analysis.stats.MeanInterval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one trap costs here, part by part, from {@code perfbp-bench trap-anatomy}: each part's ns
 * per trap (trapping loop less plain loop, per round) with its 95% t interval, and the pieces
 * derived from two parts (Welch intervals): the debug exception beyond a breakpoint exception,
 * the sample, the wakeup, the O_ASYNC signal, and sigtrap beyond a counting watchpoint.
 */
public final class TrapAnatomy {
    public static final double LEVEL = Estimate.LEVEL;
    /** Beyond this many ns a #DB over a #BP is no longer "about the same": bare metal shows well under it. */
    static final double INTERCEPT_SIGN_NS = 2_000;

    /** One part's cost, or why it has none. */
    public record PartCost(String name, String kind, Estimate nsPerTrap, String notRunReason) {
        public boolean measured() {
            return notRunReason == null;
        }
    }

    /** A piece of the trap: {@code minuend} less {@code subtrahend}. */
    public record Piece(String key, String meaning, String minuend, String subtrahend, Estimate ns) {
    }

    private static final List<Piece> PIECES = List.of(
            new Piece("debugExceptionExtra", "a debug exception (#DB) beyond a breakpoint exception (#BP)",
                    "single-step", "int3", null),
            new Piece("sample", "the sample (overflow handling and the ring write)", "ring", "count", null),
            new Piece("wakeup", "the wakeup per sample (irq_work)", "ring-wakeup", "ring", null),
            new Piece("signal", "the O_ASYNC signal", "ring-signal", "ring-wakeup", null),
            new Piece("sigtrapBeyondCount", "attr.sigtrap's synchronous SIGTRAP beyond a counting watchpoint",
                    "sigtrap", "count", null));

    private final Map<String, PartCost> parts;
    private final List<Piece> pieces;

    private TrapAnatomy(Map<String, PartCost> parts, List<Piece> pieces) {
        this.parts = parts;
        this.pieces = pieces;
    }

    public static TrapAnatomy of(List<AnatomyPart> recorded) {
        Map<String, PartCost> parts = new LinkedHashMap<>();
        Map<String, AnatomyPart> measured = new LinkedHashMap<>();
        for (AnatomyPart part : recorded) {
            if (part.measured()) {
                measured.put(part.name(), part);
                parts.put(part.name(), new PartCost(part.name(), part.kind(),
                        MeanInterval.of(part.nsPerTrap(), LEVEL, part.processes()), null));
            } else {
                parts.put(part.name(), new PartCost(part.name(), part.kind(), null, part.notRunReason()));
            }
        }
        List<Piece> pieces = new ArrayList<>();
        for (Piece piece : PIECES) {
            AnatomyPart a = measured.get(piece.minuend());
            AnatomyPart b = measured.get(piece.subtrahend());
            if (a != null && b != null) {
                pieces.add(new Piece(piece.key(), piece.meaning(), piece.minuend(), piece.subtrahend(),
                        MeanInterval.difference(a.nsPerTrap(), b.nsPerTrap(), LEVEL,
                                Math.min(a.processes(), b.processes()))));
            }
        }
        return new TrapAnatomy(parts, pieces);
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    public List<PartCost> parts() {
        return List.copyOf(parts.values());
    }

    public Optional<PartCost> part(String name) {
        return Optional.ofNullable(parts.get(name)).filter(PartCost::measured);
    }

    public List<Piece> pieces() {
        return pieces;
    }

    public Optional<Piece> piece(String key) {
        return pieces.stream().filter(p -> p.key().equals(key)).findFirst();
    }

    /**
     * The trap cost with what a hypervisor adds to a debug exception taken out: the headline's
     * trap (ring-signal) less the #DB-over-#BP piece. A what-if computed from measured parts,
     * not a measurement; empty without both.
     */
    public Optional<Double> trapWithoutDebugInterceptNs() {
        Optional<PartCost> trap = part("ring-signal");
        Optional<Piece> extra = piece("debugExceptionExtra");
        if (trap.isEmpty() || extra.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Math.max(0, trap.get().nsPerTrap().point() - Math.max(0, extra.get().ns().point())));
    }

    /** This host's trap: the anatomy's headline configuration (ring-signal) where it ran, else the cost model's. */
    public double hostTrapNs(CostModel model) {
        return part("ring-signal").map(p -> p.nsPerTrap().point()).orElse(model.commonTrapNs());
    }

    /** One plain sentence on why a trap costs what it does here (the claim check's ~4x row cites it). */
    public Optional<String> why() {
        Optional<Piece> extra = piece("debugExceptionExtra");
        Optional<Piece> wakeup = piece("wakeup");
        if (extra.isEmpty() && wakeup.isEmpty()) {
            return Optional.empty();
        }
        List<String> clauses = new ArrayList<>();
        extra.ifPresent(p -> clauses.add("a #DB costs " + us(p.ns()) + " more than a #BP on this host"
                + interceptSign(p.ns())));
        wakeup.ifPresent(p -> clauses.add("the per-sample wakeup adds " + us(p.ns())));
        return Optional.of(String.join("; ", clauses));
    }

    /**
     * What the #DB-over-#BP interval says about the hypervisor. Only an interval that can carry a
     * verdict (3 or more groups, each its own process, with a spread) may say either way: rounds of
     * one process (every native.json so far) or fewer than 3 rounds leave it open.
     */
    private static String interceptSign(Estimate extra) {
        if (extra.fewGroups()) {
            return " (from fewer than " + Estimate.FEW_GROUPS + " rounds: too few to tell whether the hypervisor "
                    + "intercepts debug exceptions)";
        }
        if (!extra.judgeable()) {
            return " (rounds of one process: whether this is a sign that the hypervisor intercepts debug exceptions "
                    + "needs several processes)";
        }
        return extra.low() > INTERCEPT_SIGN_NS ? ", a sign that the hypervisor intercepts debug exceptions"
                : ", about what bare metal shows";
    }

    /** "X.X µs [lo, hi]" from an estimate in ns. */
    public static String us(Estimate ns) {
        return String.format("%.1f µs [%.1f, %.1f]", ns.point() / 1e3, ns.low() / 1e3, ns.high() / 1e3);
    }
}
