package org.newsarchive.capture.link;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the archive knows of an article's original URL now, from all its checks. An original becomes {@code gone}
 * only when checks at least {@code goneAfter} apart all found it gone, as link-rot bots decide, so that one outage
 * or one bad day of a site does not mark it; until then its status stays what it was before ({@code unchecked}
 * after a first check). The latest check's status code and time are given either way.
 *
 * @param status what became of the original
 * @param httpStatus the status of the latest check's last answer, null when never checked or no answer came
 * @param checkedAt when the latest check was made, null when never
 * @param goneSince when the first of the checks that found it gone was made, null unless gone
 * @param finalUrl where the latest check's redirects ended, null when never checked
 */
public record Original(
        OriginalStatus status, Integer httpStatus, Instant checkedAt, Instant goneSince, String finalUrl) {

    public static final Original UNCHECKED = new Original(OriginalStatus.UNCHECKED, null, null, null, null);

    /** The original's state from its checks, oldest first. */
    public static Original of(List<LinkCheck> checks, Duration goneAfter) {
        if (checks.isEmpty()) {
            return UNCHECKED;
        }
        LinkCheck latest = checks.get(checks.size() - 1);
        Integer status = latest.httpStatus() == 0 ? null : latest.httpStatus();
        if (latest.found() != OriginalStatus.GONE) {
            return new Original(latest.found(), status, latest.checkedAt(), null, latest.finalUrl());
        }
        int first = checks.size() - 1;
        while (first > 0 && checks.get(first - 1).found() == OriginalStatus.GONE) {
            first--;
        }
        Instant since = checks.get(first).checkedAt();
        if (Duration.between(since, latest.checkedAt()).compareTo(goneAfter) >= 0) {
            return new Original(OriginalStatus.GONE, status, latest.checkedAt(), since, latest.finalUrl());
        }
        OriginalStatus before =
                first == 0 ? OriginalStatus.UNCHECKED : checks.get(first - 1).found();
        return new Original(before, status, latest.checkedAt(), null, latest.finalUrl());
    }
}
