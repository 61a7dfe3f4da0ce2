package dev.rearm.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rearm.perf.probe.LockedMemory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the pipeline needs from env.json (the probe's report): what this machine refuses, and
 * why, so the plan can leave those scenarios out (each with its reason) and measure the rest.
 *
 * @param refused       capability name (breakpointPmu, debugRegisters, modifyAttributes,
 *                      signalDelivery, watchpointTraps, sigtrap, sigDataModify) -> the probe's
 *                      reason, for each one this machine lacks
 * @param refusedShapes "bpType/bpLen" -> the kernel's refusal
 * @param lockedMemory  the ring-buffer memory limit; null when the probe did not report it
 */
public record EnvFacts(int nproc, int debugRegisters, int pageSize, Map<String, String> refused,
                       Map<String, String> refusedShapes, LockedMemory lockedMemory) {
    static final String BREAKPOINTS = "breakpointPmu";
    static final String REGISTERS = "debugRegisters";
    static final String MODIFY = "modifyAttributes";
    static final String SIGNALS = "signalDelivery";
    /** A store under an armed watchpoint is counted (some VMs open watchpoints that never fire). */
    static final String TRAPS = "watchpointTraps";
    /** attr.sigtrap (Linux 5.13+): notify=sigtrap. */
    static final String SIGTRAP = "sigtrap";
    /** sig_data rewritten by the modify ioctl (Linux 5.17+): notify=sigtrap with strategy=modify. */
    static final String SIG_DATA_MODIFY = "sigDataModify";

    public EnvFacts {
        refused = Map.copyOf(refused);
        refusedShapes = Map.copyOf(refusedShapes);
    }

    public static EnvFacts read(Path envJson) {
        try {
            return of(new ObjectMapper().readTree(envJson.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the probe's " + envJson + ": " + e.getMessage(), e);
        }
    }

    static EnvFacts of(JsonNode env) {
        Map<String, String> refused = new LinkedHashMap<>();
        for (String capability : new String[] {BREAKPOINTS, REGISTERS, MODIFY, SIGNALS}) {
            JsonNode node = env.path(capability);
            if (!node.path("supported").asBoolean(false)) {
                refused.put(capability, probeReason(node));
            }
        }
        // Probes before this capability wrote no such key: their machines were only ever run
        // where traps fired (a run whose traps do not fire fails its premise), so absent = supported.
        JsonNode traps = env.path(TRAPS);
        if (traps.isObject() && !traps.path("supported").asBoolean(true)) {
            refused.put(TRAPS, probeReason(traps));
        }
        // Unlike the traps, an env.json without these comes from a probe that never tried
        // attr.sigtrap: nothing says it works, so it is refused with that reason.
        for (String capability : new String[] {SIGTRAP, SIG_DATA_MODIFY}) {
            JsonNode node = env.path(capability);
            if (!node.isObject()) {
                refused.put(capability, "env.json has no '" + capability + "' (a probe from before notify=sigtrap "
                        + "did not try it)");
            } else if (!node.path("supported").asBoolean(false)) {
                refused.put(capability, probeReason(node));
            }
        }
        Map<String, String> shapes = new LinkedHashMap<>();
        for (JsonNode shape : env.path("shapes")) {
            if (!shape.path("supported").asBoolean(false)) {
                shapes.put(shapeKey(shape.path("bpType").asText(), shape.path("bpLen").asInt()),
                        shape.path("reason").asText("refused"));
            }
        }
        return new EnvFacts(Math.max(1, env.path("nproc").asInt(1)), env.path(REGISTERS).path("count").asInt(0),
                env.path("pageSize").asInt(4096), refused, shapes, lockedMemory(env.path("lockedMemory")));
    }

    /** A refused capability's reason as the probe wrote it. */
    private static String probeReason(JsonNode capability) {
        return capability.path("reason").asText("not reported by the probe");
    }

    private static LockedMemory lockedMemory(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        return new LockedMemory(node.path("exempt").asBoolean(false), node.path("reason").asText(""),
                node.path("limitKb").isNumber() ? node.path("limitKb").asLong() : null,
                node.path("perfKb").isNumber() ? node.path("perfKb").asLong() : null,
                node.path("rlimitKb").isNumber() ? node.path("rlimitKb").asLong() : null,
                node.path("onlineCpus").asInt(0));
    }

    /** A machine that supports everything, with the given shape refusals (for plans and tests). */
    static EnvFacts capable(int nproc, int debugRegisters, Map<String, String> refusedShapes) {
        return new EnvFacts(nproc, debugRegisters, 4096, Map.of(), refusedShapes, null);
    }

    /** Null when a watchpoint can be armed here, else why not (nothing that moves one can run). */
    public String watchpointRefusal() {
        String pmu = refused.get(BREAKPOINTS);
        if (pmu != null) {
            return pmu;
        }
        return debugRegisters < 1 ? "no usable debug register: " + refused.getOrDefault(REGISTERS, "none found") : null;
    }

    /** Null when the modify ioctl works here, else the probe's reason. */
    public String modifyRefusal() {
        return refused.get(MODIFY);
    }

    /** Null when a trap's signal arrives here, else the probe's reason. */
    public String signalRefusal() {
        return refused.get(SIGNALS);
    }

    /** Null when a store under an armed watchpoint is counted here, else the probe's reason. */
    public String trapRefusal() {
        return refused.get(TRAPS);
    }

    /** Null when notify=sigtrap works here (attr.sigtrap, and a trap shown delivering it), else the probe's reason. */
    public String sigtrapRefusal() {
        return refused.get(SIGTRAP);
    }

    /** Null when the modify ioctl rewrites a sigtrap watchpoint's sig_data here, else the probe's reason. */
    public String sigDataModifyRefusal() {
        return refused.get(SIG_DATA_MODIFY);
    }

    /** Null when the rings of one scenario fit the locked-memory limit, else "needs N KiB locked, limit is M KiB (...)". */
    public String ringRefusal(int pages, int slots, int threads) {
        return lockedMemory == null ? null : lockedMemory.refusal(LockedMemory.neededKb(pages, slots, threads, pageSize));
    }

    /** Null when this CPU accepts the shape (or the probe did not try it), else the kernel's refusal. */
    public String shapeRefusal(String bpType, int bpLen) {
        return refusedShapes.get(shapeKey(bpType, bpLen));
    }

    private static String shapeKey(String bpType, int bpLen) {
        return bpType + "/" + bpLen;
    }
}
