package dev.rearm.perf.probe;

/** Whether the CPU accepts a watchpoint of this bpType and bpLen (opened once, then closed). */
public record ShapeSupport(String bpType, int bpLen, boolean supported, String reason) {
}
