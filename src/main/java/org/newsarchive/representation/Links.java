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

    /** The JSON list of the article's versions. */
    public static String versions(String baseUrl, String id) {
        return record(baseUrl, id) + "/versions";
    }

    /** The JSON record of one version. */
    public static String version(String baseUrl, String id, int number) {
        return versions(baseUrl, id) + "/" + number;
    }

    /** The original file of one version. */
    public static String versionOriginal(String baseUrl, String id, int number) {
        return version(baseUrl, id, number) + "/original";
    }

    /** The reading page of one version. */
    public static String versionPage(String baseUrl, String id, int number) {
        return page(baseUrl, id) + "?version=" + number;
    }

    /** The page comparing two versions. */
    public static String diff(String baseUrl, String id, int from, int to) {
        return page(baseUrl, id) + "/diff?from=" + from + "&to=" + to;
    }
}
