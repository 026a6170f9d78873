package org.newsarchive.api;

import java.util.List;
import org.newsarchive.search.FacetCount;

/**
 * Every value of one facet over the whole archive.
 *
 * @param values most frequent first
 */
record FacetValues(String name, List<FacetCount> values) {}
