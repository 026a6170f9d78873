import archive.client.ApiClient;
import archive.client.ApiException;
import archive.client.api.ArticlesApi;
import archive.client.api.ExportApi;
import archive.client.api.SearchApi;
import archive.client.model.ArticleRecord;
import archive.client.model.Hit;
import archive.client.model.ProblemDocument;
import archive.client.model.SearchResponse;
import archive.client.model.SegmentDocument;
import archive.client.model.VersionDiffDocument;
import archive.client.model.VersionList;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A script author's program, written against the client that openapi-generator makes from the archive's OpenAPI
 * description, used as generated: search, walk every article with the cursor, read one, export, read a problem, and
 * follow an article's versions: find a rewritten line, list the versions, read the first and compare it with the last.
 * Prints what it found as name=value lines for the test to check. Argument: the archive's address.
 */
public class ClientScript {

    public static void main(String[] args) throws Exception {
        ApiClient client = new ApiClient();
        client.updateBaseUri(args[0]);
        SearchApi search = new SearchApi(client);

        SearchResponse found = search.search(SearchApi.APISearchRequest.newBuilder()
                .q("美国")
                .size(3)
                .build());
        System.out.println("search.total=" + found.getTotal());
        System.out.println("search.hits=" + found.getHits().size());
        System.out.println("search.fallback=" + found.getFallback());

        Hit withText = search.search(SearchApi.APISearchRequest.newBuilder()
                        .q("美国")
                        .size(1)
                        .fields("text")
                        .build())
                .getHits()
                .get(0);
        System.out.println("fields.text=" + !withText.getText().isBlank());
        System.out.println("fields.title=" + withText.getTitle());

        Set<String> walked = new HashSet<>();
        long total = -1;
        String cursor = "*";
        int pages = 0;
        while (cursor != null) {
            SearchResponse page = search.listArticles(SearchApi.APIListArticlesRequest.newBuilder()
                    .size(40)
                    .cursor(cursor)
                    .build());
            total = page.getTotal();
            for (Hit hit : page.getHits()) {
                if (!walked.add(hit.getId())) {
                    throw new IllegalStateException("the cursor gave " + hit.getId() + " twice");
                }
            }
            cursor = page.getNextCursor();
            pages++;
        }
        System.out.println("walk.total=" + total);
        System.out.println("walk.seen=" + walked.size());
        System.out.println("walk.pages=" + pages);

        String id = found.getHits().get(0).getId();
        ArticleRecord article = new ArticlesApi(client).article(ArticlesApi.APIArticleRequest.newBuilder()
                .id(id)
                .build());
        System.out.println("article.id=" + article.getId());
        System.out.println("article.title=" + article.getTitle());
        System.out.println("article.copies=" + article.getCopies().size());

        ArticlesApi articles = new ArticlesApi(client);
        ArticlesApi.APIArticleRequest read =
                ArticlesApi.APIArticleRequest.newBuilder().id(id).build();
        String etag = articles.articleWithHttpInfo(read).getHeaders().get("etag").get(0);
        try {
            articles.article(read, Map.of("If-None-Match", etag));
            System.out.println("conditional.status=200");
        } catch (ApiException notModified) {
            System.out.println("conditional.status=" + notModified.getCode());
        }

        File exported = new ExportApi(client).export(ExportApi.APIExportRequest.newBuilder()
                .q("美国")
                .format("jsonl")
                .fields("id,title")
                .build());
        List<String> lines = Files.readAllLines(exported.toPath(), StandardCharsets.UTF_8);
        System.out.println("export.lines=" + lines.size());
        System.out.println("export.first=" + lines.get(0));

        try {
            search.search(SearchApi.APISearchRequest.newBuilder().size(500).build());
            System.out.println("problem=none");
        } catch (ApiException refused) {
            ProblemDocument problem =
                    client.getObjectMapper().readValue(refused.getResponseBody(), ProblemDocument.class);
            System.out.println("problem.status=" + refused.getCode());
            System.out.println("problem.parameter=" + problem.getParameter());
        }
    
        SearchResponse rewritten = search.search(SearchApi.APISearchRequest.newBuilder()
                .q("较晚的副本")
                .build());
        System.out.println("versions.found=" + rewritten.getTotal());
        String edited = rewritten.getHits().get(0).getId();
        VersionList versions = articles.versions(
                ArticlesApi.APIVersionsRequest.newBuilder().id(edited).build());
        System.out.println("versions.count=" + versions.getVersions().size());
        System.out.println("versions.current=" + versions.getCurrent());
        System.out.println("versions.change=" + versions.getVersions().get(1).getChange());
        ArticleRecord first = articles.version(ArticlesApi.APIVersionRequest.newBuilder()
                .id(edited)
                .version("1")
                .build());
        System.out.println("version.number=" + first.getVersion());
        System.out.println("version.count=" + first.getVersionCount());
        VersionDiffDocument diff = articles.diff(ArticlesApi.APIDiffRequest.newBuilder()
                .id(edited)
                .from("1")
                .to("2")
                .build());
        System.out.println("diff.from=" + diff.getFrom());
        System.out.println("diff.to=" + diff.getTo());
        // Both copies were read from one folder, so which is the earlier depends on when each was read.
        StringBuilder changed = new StringBuilder();
        diff.getParagraphs().forEach(paragraph -> {
            for (SegmentDocument segment : paragraph.getSegments()) {
                if (!"kept".equals(segment.getKind().toString())) {
                    changed.append(segment.getKind()).append(':').append(segment.getText()).append(' ');
                }
            }
        });
        System.out.println("diff.changed=" + changed);
    }
}
