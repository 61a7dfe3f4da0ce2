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
    private final int processes;

    private GroupedSample(List<double[]> groups, int processes) {
        this.groups = groups;
        this.processes = processes;
    }

    /**
     * Groups that are each a process of their own (JMH forks: iterations within a fork).
     *
     * @throws IllegalArgumentException when there is no value at all, or a value is not finite
     */
    public static GroupedSample of(List<double[]> groups) {
        List<double[]> copy = checked(groups);
        return new GroupedSample(copy, copy.size());
    }

    private static List<double[]> checked(List<double[]> groups) {
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
        return List.copyOf(copy);
    }

    /**
     * One value per group, all from one process: the native harness's rounds today. The groups'
     * spread is within-process variation only, so intervals built on it say so
     * ({@link Estimate#fewProcesses()}) and carry no verdict.
     */
    public static GroupedSample ofSingles(double[] values) {
        List<double[]> groups = new ArrayList<>();
        for (double value : values) {
            groups.add(new double[] {value});
        }
        return new GroupedSample(checked(groups), 1);
    }

    /** How many processes the groups come from (1 for rounds of one process, the group count for forks). */
    public int processes() {
        return processes;
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

    /**
     * The variance of {@link #grandMean()} from the spread of the group means: n/(n-1) * sum of
     * w_i^2 (m_i - grand mean)^2, w_i the group's share of the values. With equal groups it is
     * s^2/n (s the standard deviation of the group means); with unequal ones it weights each
     * group as the grand mean does, so an interval built on it covers as often. NaN with one group.
     */
    public double varianceOfGrandMean() {
        int n = groups.size();
        if (n < 2) {
            return Double.NaN;
        }
        double grand = grandMean();
        double total = valueCount();
        double sum = 0;
        for (double[] group : groups) {
            double weight = group.length / total;
            double deviation = new DescriptiveStatistics(group).getMean() - grand;
            sum += weight * weight * deviation * deviation;
        }
        return sum * n / (n - 1);
    }

    /**
     * Kish's effective number of groups, 1 / sum of w_i^2 (w_i a group's share of the values): n for
     * equal groups, fewer when a few large groups carry the grand mean. Degrees of freedom for
     * {@link #varianceOfGrandMean()} are this less 1.
     */
    public double effectiveGroups() {
        double total = valueCount();
        double sum = 0;
        for (double[] group : groups) {
            sum += (group.length / total) * (group.length / total);
        }
        return 1 / sum;
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
        return new GroupedSample(checked(scaled), processes);
    }
}
