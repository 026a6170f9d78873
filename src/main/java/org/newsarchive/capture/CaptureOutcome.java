package org.newsarchive.capture;

/** What one capture got. */
public enum CaptureOutcome {
    /** An answer was recorded with its whole body (of any status: a 404 page is captured too). */
    CAPTURED,
    /** An answer whose body is the same as an earlier capture of the URL, recorded as a WARC revisit. */
    UNCHANGED,
    /** The archive would not fetch (an address or scheme it never contacts) or cut the body at its size limit. */
    REFUSED,
    /** No answer came: no such host, a refused connection, a timeout, a TLS failure. */
    FAILED
}
