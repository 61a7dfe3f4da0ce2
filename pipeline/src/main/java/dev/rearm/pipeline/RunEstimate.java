package dev.rearm.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole run's steps (probe, each native matrix, each JMH invocation, analysis) with the
 * seconds each should take, printed at the start and, as each step starts, as "step k/n …,
 * elapsed …, about … left". The JMH side is close (its iterations are timed); the native side
 * rests on per-op costs measured on one VM (see {@link NativeCostModel}): always an estimate.
 * It corrects itself as it goes: once steps of a kind (native, JMH) have run, the rest of that
 * kind are scaled by how long those took against their estimate. Kept in run.json so the
 * report step, another JVM, continues the count.
 */
final class RunEstimate {
    /** The analysis (bootstrap, charts, report) of the published -Pfull run took 4 s. */
    static final double ANALYSIS_SECONDS = 4;
    static final String ANALYSIS = "analysis";

    record Step(String name, double seconds) {
    }

    /** Below this many estimated seconds a kind's finished steps say too little to scale the rest by. */
    private static final double MIN_SECONDS_TO_SCALE = 1;

    private final List<Step> steps;
    /** Step name -> the seconds it took, for the steps that have run. */
    private final Map<String, Double> took = new HashMap<>();

    RunEstimate(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /** A step has run: the rest of its kind are scaled by how far off its estimate was. */
    void finished(String stepName, Duration duration) {
        took.put(stepName, duration.toMillis() / 1000.0);
    }

    double totalSeconds() {
        return steps.stream().mapToDouble(Step::seconds).sum();
    }

    /** The line printed once the plan is known. */
    String planLine() {
        return "[rearm] this run: " + steps.size() + " steps, about " + duration(totalSeconds()) + " in all (an estimate "
                + "from the profile's plan: native scenarios x rounds x their target time (or their ops x a per-op cost), "
                + "JMH parameter combinations x forks x iterations x their time)";
    }

    /** "[rearm] step 3/9 JMH suite (1/7): elapsed 2m10s, about 6m00s left (estimate)"; null for a step not planned. */
    String progressLine(String stepName, Duration elapsed) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).name().equals(stepName)) {
                double left = steps.subList(i, steps.size()).stream()
                        .mapToDouble(step -> step.seconds() * scale(kind(step.name()))).sum();
                return "[rearm] step " + (i + 1) + "/" + steps.size() + " " + stepName + ": elapsed "
                        + duration(elapsed.toMillis() / 1000.0) + ", about " + duration(left) + " left (estimate)";
            }
        }
        return null;
    }

    /** Actual over estimated seconds of the finished steps of {@code kind}; 1 until they say enough. */
    private double scale(String kind) {
        double estimated = 0;
        double actual = 0;
        for (Step step : steps) {
            Double seconds = took.get(step.name());
            if (seconds != null && kind(step.name()).equals(kind)) {
                estimated += step.seconds();
                actual += seconds;
            }
        }
        return estimated < MIN_SECONDS_TO_SCALE ? 1 : actual / estimated;
    }

    /** "JMH", "native", "probe", "analysis": steps of one kind share a cost model, and its error. */
    private static String kind(String stepName) {
        int space = stepName.indexOf(' ');
        return space < 0 ? stepName : stepName.substring(0, space);
    }

    void writeTo(ObjectNode section) {
        section.put("seconds", Math.round(totalSeconds()));
        ArrayNode list = section.putArray("steps");
        for (Step step : steps) {
            ObjectNode item = list.addObject();
            item.put("name", step.name());
            item.put("seconds", Math.round(step.seconds() * 10) / 10.0);
        }
    }

    /** The estimate run.json holds, with what its steps took (empty for a run recorded before estimates). */
    static RunEstimate readFrom(JsonNode runJson) {
        List<Step> steps = new ArrayList<>();
        for (JsonNode step : runJson.path("estimate").path("steps")) {
            steps.add(new Step(step.path("name").asText(), step.path("seconds").asDouble(0)));
        }
        RunEstimate estimate = new RunEstimate(steps);
        for (JsonNode step : runJson.path("steps")) {
            if (step.path("seconds").isNumber()) {
                estimate.took.put(step.path("name").asText(), step.path("seconds").asDouble());
            }
        }
        return estimate;
    }

    /** 42s, 6m05s, 1h02m: the harness's own progress format. */
    static String duration(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format("%dm%02ds", s / 60, s % 60);
        }
        return String.format("%dh%02dm", s / 3600, s / 60 % 60);
    }
}
