package org.newsarchive.capture.fetch;

/** One header of an HTTP message, as sent or received. */
public record HeaderLine(String name, String value) {}
