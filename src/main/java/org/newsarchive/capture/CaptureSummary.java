package org.newsarchive.capture;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a capture run did, image by image: how many ended in each outcome, why those refused or failed did, and how
 * many needed nothing as they were captured before.
 *
 * @param outcomes images by the outcome of the capture their fetch ended on
 * @param reasons the reasons of the refused and failed ones, most frequent first
 * @param malformed image addresses that are not URLs, so nothing was fetched
 * @param alreadyCaptured images skipped as they already have a capture with a payload
 */
public record CaptureSummary(
        Map<CaptureOutcome, Integer> outcomes, Map<String, Integer> reasons, int malformed, int alreadyCaptured) {

    public CaptureSummary {
        outcomes = Map.copyOf(outcomes);
        reasons = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
    }

    public int count(CaptureOutcome outcome) {
        return outcomes.getOrDefault(outcome, 0);
    }

    /** Images fetched in the run, whatever came of them. */
    public int fetched() {
        return outcomes.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Counts a run's images as they finish. Thread-safe. */
    static final class Counter {

        private final Map<CaptureOutcome, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> reasons = new ConcurrentHashMap<>();
        private final AtomicInteger malformed = new AtomicInteger();
        private final AtomicInteger alreadyCaptured = new AtomicInteger();

        /** Counts an image by the capture its fetch ended on; an error page kept is a failure to get the image. */
        void add(Capture last) {
            if (last == null) {
                malformed.incrementAndGet();
                return;
            }
            int status = last.answer().status();
            boolean errorPage = last.hasPayload() && (status < 200 || status >= 300);
            CaptureOutcome outcome = errorPage ? CaptureOutcome.FAILED : last.outcome();
            String reason = errorPage ? "HTTP " + status : last.reason();
            outcomes.computeIfAbsent(outcome, counted -> new AtomicInteger()).incrementAndGet();
            if (reason != null) {
                reasons.computeIfAbsent(reason, counted -> new AtomicInteger()).incrementAndGet();
            }
        }

        void alreadyCaptured() {
            alreadyCaptured.incrementAndGet();
        }

        CaptureSummary summary() {
            Map<CaptureOutcome, Integer> counts = new EnumMap<>(CaptureOutcome.class);
            outcomes.forEach((outcome, count) -> counts.put(outcome, count.get()));
            Map<String, Integer> sorted = new LinkedHashMap<>();
            reasons.entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<String, AtomicInteger> e) ->
                                    -e.getValue().get())
                            .thenComparing(Map.Entry::getKey))
                    .forEach(e -> sorted.put(e.getKey(), e.getValue().get()));
            return new CaptureSummary(counts, sorted, malformed.get(), alreadyCaptured.get());
        }
    }
}
