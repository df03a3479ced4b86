package org.linkwork.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Delays between what one service did and another service seeing it, taken from the services' own timestamps
 * (one machine, one clock), which Gatling's request timings cannot show. Printed after the run, with the first and
 * last third of the run apart: a backlog that grows shows as a later third slower than the first.
 */
final class PipelineLatencies {

    private record Sample(long at, long millis) {
    }

    private final Map<String, ConcurrentLinkedQueue<Sample>> samples = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    void record(String what, long millis) {
        samples.computeIfAbsent(what, k -> new ConcurrentLinkedQueue<>()).add(new Sample(System.currentTimeMillis(), millis));
    }

    void failed(String what) {
        failures.merge(what, 1, Integer::sum);
    }

    void print() {
        System.out.println("---- Pipeline latencies (ms, from the services' timestamps) ----");
        samples.forEach((what, queue) -> {
            List<Sample> all = new ArrayList<>(queue);
            all.sort(Comparator.comparingLong(Sample::at));
            int third = all.size() / 3;
            System.out.printf("> %-40s count=%d p50=%d p90=%d p99=%d max=%d | first third p50=%d p99=%d | last third p50=%d p99=%d%n",
                    what, all.size(), centile(all, 50), centile(all, 90), centile(all, 99), centile(all, 100),
                    centile(all.subList(0, third), 50), centile(all.subList(0, third), 99),
                    centile(all.subList(all.size() - third, all.size()), 50),
                    centile(all.subList(all.size() - third, all.size()), 99));
        });
        failures.forEach((what, count) -> System.out.printf("> NOT COMPLETED %-30s %d%n", what, count));
    }

    /** Nearest-rank centile; -1 when there is no sample. */
    private static long centile(List<Sample> of, int centile) {
        if (of.isEmpty()) {
            return -1;
        }
        long[] sorted = of.stream().mapToLong(Sample::millis).sorted().toArray();
        int rank = (int) Math.ceil(centile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
