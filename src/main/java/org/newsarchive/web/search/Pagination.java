package org.newsarchive.web.search;

import java.util.ArrayList;
import java.util.List;
import org.newsarchive.search.SearchResults;
import org.newsarchive.search.SearchService;

/**
 * The page links under a result list: first, last, and a window around the current page, with gaps as zero.
 *
 * @param pages page numbers to link, in order; 0 marks a gap
 * @param capped true when more results exist than the paging depth lets a reader reach
 */
public record Pagination(int current, int last, List<Integer> pages, boolean capped) {

    private static final int WINDOW = 2;

    public static Pagination of(SearchResults results) {
        long reachable = Math.min(results.total(), SearchService.MAX_DEPTH);
        int last = (int) Math.max(1, (reachable + results.size() - 1) / results.size());
        int current = Math.min(results.page(), last);
        int low = Math.max(2, current - WINDOW);
        int high = Math.min(last - 1, current + WINDOW);
        List<Integer> pages = new ArrayList<>();
        pages.add(1);
        if (low > 2) {
            pages.add(0);
        }
        for (int page = low; page <= high; page++) {
            pages.add(page);
        }
        if (high < last - 1) {
            pages.add(0);
        }
        if (last > 1) {
            pages.add(last);
        }
        return new Pagination(current, last, pages, results.total() > SearchService.MAX_DEPTH || results.pageCapped());
    }

    public boolean hasPrevious() {
        return current > 1;
    }

    public boolean hasNext() {
        return current < last;
    }
}
