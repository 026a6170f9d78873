package org.newsarchive.search;

/** A facet value and how many articles have it. */
public record FacetCount(String value, long count) {}
