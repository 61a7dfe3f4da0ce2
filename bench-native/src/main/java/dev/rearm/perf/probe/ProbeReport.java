package dev.rearm.perf.probe;

import java.util.List;

/**
 * What this machine supports, as the probe found it. Serialized as-is to {@code env.json}; keys
 * may be added, never renamed (the analysis and other tools read them).
 */
public record ProbeReport(
        String kernel,
        String arch,
        String cpu,
        boolean hypervisor,
        int nproc,
        int pageSize,
        Integer paranoid,
        Long mlockKb,
        Long memlockRlimitKb,
        String user,
        String jvm,
        String jna,
        String probedAt,
        Capability breakpointPmu,
        DebugRegisters debugRegisters,
        Capability watchpointTraps,
        Capability modifyAttributes,
        Capability signalDelivery,
        KernelFeature sigtrap,
        KernelFeature sigDataModify,
        List<ShapeSupport> shapes,
        LockedMemory lockedMemory) {

    /** True when everything the headline scenario needs works here. */
    public boolean headlineRunnable() {
        return breakpointPmu.supported() && debugRegisters.supported() && watchpointTraps.supported()
                && modifyAttributes.supported() && signalDelivery.supported();
    }
}
