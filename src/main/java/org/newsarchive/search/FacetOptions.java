package org.newsarchive.search;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * How many values of each facet dimension a search counts back, and in which order.
 *
 * @param size values per dimension, 1 to {@value #MAX_SIZE}, or {@link #ALL}
 * @param order most frequent first (ties by value), or by value ascending, which lists months in time order
 */
public record FacetOptions(int size, Order order) {

    /** Most values a request may ask for per dimension; {@link #ALL} is for the facet endpoint. */
    public static final int MAX_SIZE = 1000;
    /** Every value of the dimension. */
    public static final int ALL = Integer.MAX_VALUE;

    public static final FacetOptions DEFAULT = new FacetOptions(SearchService.FACET_VALUES, Order.COUNT);

    /** The order of a dimension's values. */
    public enum Order {
        COUNT,
        VALUE
    }

    public FacetOptions {
        Objects.requireNonNull(order, "order");
        if (size != ALL && (size < 1 || size > MAX_SIZE)) {
            throw new IllegalArgumentException("facet size must be from 1 to " + MAX_SIZE + ", was " + size);
        }
    }

    /** {@code values} of one dimension in this order, cut to this size. */
    public List<FacetCount> apply(List<FacetCount> values) {
        Comparator<FacetCount> comparator =
                order == Order.COUNT ? FacetCount.MOST_FREQUENT_FIRST : Comparator.comparing(FacetCount::value);
        return values.stream().sorted(comparator).limit(size).toList();
    }

    /** Every value, in {@code order}. */
    public static FacetOptions all(Order order) {
        return new FacetOptions(ALL, order);
    }
}
