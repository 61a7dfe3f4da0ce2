package dev.rearm.analysis.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * Measurements in two levels, as benchmarks produce them: groups (JMH forks, native rounds) that
 * each hold one or more values (JMH iterations; a native round holds one figure). Values are ns/op.
 * The variance between groups is usually the larger one, so the statistics resample groups first.
 */
public final class GroupedSample {
    private final List<double[]> groups;

    private GroupedSample(List<double[]> groups) {
        this.groups = groups;
    }

    /** @throws IllegalArgumentException when there is no value at all, or a value is not finite */
    public static GroupedSample of(List<double[]> groups) {
        List<double[]> copy = new ArrayList<>();
        for (double[] group : groups) {
            for (double value : group) {
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException("a measurement is not a finite number: " + value);
                }
            }
            if (group.length > 0) {
                copy.add(group.clone());
            }
        }
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("no measurements");
        }
        return new GroupedSample(List.copyOf(copy));
    }

    /** One value per group: the native harness's rounds. */
    public static GroupedSample ofSingles(double[] values) {
        List<double[]> groups = new ArrayList<>();
        for (double value : values) {
            groups.add(new double[] {value});
        }
        return of(groups);
    }

    public int groupCount() {
        return groups.size();
    }

    public double[] group(int index) {
        return groups.get(index);
    }

    public int valueCount() {
        int count = 0;
        for (double[] group : groups) {
            count += group.length;
        }
        return count;
    }

    /** True when every group holds a single value (then groups and values are the same units). */
    public boolean isFlat() {
        return valueCount() == groupCount();
    }

    public double[] allValues() {
        double[] values = new double[valueCount()];
        int at = 0;
        for (double[] group : groups) {
            System.arraycopy(group, 0, values, at, group.length);
            at += group.length;
        }
        return values;
    }

    public double[] groupMeans() {
        double[] means = new double[groups.size()];
        for (int i = 0; i < means.length; i++) {
            means[i] = new DescriptiveStatistics(groups.get(i)).getMean();
        }
        return means;
    }

    /** The mean of all values: the point estimate every ratio in the report is built from. */
    public double grandMean() {
        double sum = 0;
        for (double[] group : groups) {
            for (double value : group) {
                sum += value;
            }
        }
        return sum / valueCount();
    }

    /** The same measurements scaled, e.g. to convert units. */
    public GroupedSample scaled(double factor) {
        List<double[]> scaled = new ArrayList<>();
        for (double[] group : groups) {
            double[] copy = group.clone();
            for (int i = 0; i < copy.length; i++) {
                copy[i] *= factor;
            }
            scaled.add(copy);
        }
        return of(scaled);
    }
}
