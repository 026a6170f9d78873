package org.newsarchive.web.browse;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.newsarchive.request.SearchParameters;
import org.newsarchive.search.FacetCount;
import org.newsarchive.search.SortOrder;

/**
 * Article counts per month, one row of twelve bars per year, newest year first. Bar heights are relative to the
 * busiest month of the whole archive, so years compare at a glance.
 *
 * @param peak the largest monthly count
 */
public record Timeline(List<Year> years, long peak) {

    /** One year: its total and its twelve months. */
    public record Year(int year, long total, List<Month> months) {}

    /**
     * One month's bar.
     *
     * @param height the bar's height as a share of the tallest bar, 0 to 1
     * @param href the month's articles, oldest first
     */
    public record Month(YearMonth month, long count, double height, String href) {}

    static Timeline of(List<FacetCount> yearMonths) {
        Map<YearMonth, Long> counts = new TreeMap<>();
        for (FacetCount value : yearMonths) {
            try {
                counts.merge(YearMonth.parse(value.value()), value.count(), Long::sum);
            } catch (DateTimeParseException notAMonth) {
                // Facet values are written by the index as yyyy-MM; anything else is not a month to draw.
            }
        }
        long peak = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Year> years = new ArrayList<>();
        counts.keySet().stream()
                .map(YearMonth::getYear)
                .distinct()
                .sorted(Comparator.reverseOrder())
                .forEach(year -> {
                    List<Month> months = new ArrayList<>();
                    long total = 0;
                    for (int month = 1; month <= 12; month++) {
                        YearMonth yearMonth = YearMonth.of(year, month);
                        long count = counts.getOrDefault(yearMonth, 0L);
                        total += count;
                        months.add(new Month(
                                yearMonth,
                                count,
                                peak == 0 ? 0 : (double) count / peak,
                                SearchParameters.none()
                                        .withFilter("year_month", yearMonth.toString())
                                        .withSort(SortOrder.OLDEST)
                                        .href()));
                    }
                    years.add(new Year(year, total, months));
                });
        return new Timeline(years, peak);
    }
}
