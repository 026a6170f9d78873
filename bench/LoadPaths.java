import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the request paths of the load benchmark, drawn from a running archive with a fixed seed: 500 searches
 * ({@code /api/search} with 1 to 4 terms, quoted phrases and publisher filters, taken from real titles and texts), the
 * same 500 searches as {@code /search} pages, 500 article pages ({@code /articles/{id}}) and the same 500 articles'
 * JSON records ({@code /api/articles/{id}}).
 *
 * <p>Usage: {@code java -cp CLASSPATH bench/LoadPaths.java BASE_URL OUT_FOLDER}.
 */
public class LoadPaths {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        Path out = Files.createDirectories(Path.of(args[1]));
        HttpClient http = HttpClient.newHttpClient();
        JsonMapper json = JsonMapper.builder().build();
        Random random = new Random(11);
        long total = get(http, json, base + "/api/articles?size=1").get("total").asLong();
        List<JsonNode> articles = new ArrayList<>();
        while (articles.size() < 1_000) {
            int page = 1 + random.nextInt((int) Math.min(100, Math.max(1, total / 100)));
            JsonNode hits = get(http, json, base + "/api/articles?size=100&sort=newest&page=" + page).get("hits");
            hits.forEach(articles::add);
        }
        List<String> searches = new ArrayList<>();
        List<String> pages = new ArrayList<>();
        for (JsonNode article : articles) {
            String title = article.get("title").asString();
            String snippetSource = title + article.path("publisher").asString("");
            String query = switch (random.nextInt(5)) {
                case 0, 1 -> window(title, 2, random);
                case 2 -> window(title, 2, random) + " " + window(title, 3, random);
                case 3 -> "\"" + window(title, 5, random) + "\"";
                default -> window(snippetSource, 2, random);
            };
            if (query == null || query.contains("null")) {
                continue;
            }
            String path = "/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
            if (random.nextInt(10) == 0 && !article.path("publisher").isNull()) {
                path += "&publisher=" + URLEncoder.encode(article.get("publisher").asString(), StandardCharsets.UTF_8);
            }
            if (searches.size() < 500) {
                searches.add(path);
            }
            if (pages.size() < 500) {
                pages.add("/articles/" + article.get("id").asString());
            }
        }
        Files.write(out.resolve("api-search-paths.txt"), searches);
        Files.write(out.resolve("search-page-paths.txt"),
                searches.stream().map(path -> path.replaceFirst("^/api/search", "/search")).toList());
        Files.write(out.resolve("article-paths.txt"), pages);
        Files.write(out.resolve("api-article-paths.txt"),
                pages.stream().map(path -> "/api" + path).toList());
        System.out.println("wrote " + searches.size() + " searches and " + pages.size() + " article pages to " + out);
    }

    private static JsonNode get(HttpClient http, JsonMapper json, String url) throws Exception {
        return json.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private static String window(String text, int length, Random random) {
        for (int attempt = 0; attempt < 30 && text.length() >= length; attempt++) {
            int start = random.nextInt(text.length() - length + 1);
            String window = text.substring(start, start + length);
            if (window.chars().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                return window;
            }
        }
        return null;
    }
}
