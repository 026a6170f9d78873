package org.newsarchive.representation;

/** The addresses of an article in the archive, in one place for pages, API, feeds and exports. */
public final class Links {

    private Links() {}

    /** The reading page. */
    public static String page(String baseUrl, String id) {
        return baseUrl + "/articles/" + id;
    }

    /** The original file's download. */
    public static String original(String baseUrl, String id) {
        return baseUrl + "/api/articles/" + id + "/original";
    }

    /** The JSON record. */
    public static String record(String baseUrl, String id) {
        return baseUrl + "/api/articles/" + id;
    }
}
