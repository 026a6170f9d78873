package org.newsarchive.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.ingest.normalize.ArticleNormalizer;
import org.newsarchive.lucene.LuceneIndexWriter;
import org.newsarchive.store.RawStore;
import tools.jackson.databind.json.JsonMapper;

class IngestServiceTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path input;

    private LuceneIndexWriter index;

    @BeforeEach
    void openIndex() {
        index = new LuceneIndexWriter(
                dataDir.resolve("index"),
                new ChineseAnalysis(),
                JsonMapper.builder().build());
    }

    @AfterEach
    void closeIndex() throws Exception {
        index.close();
    }

    private IngestService service(long maxBytes) {
        return new IngestService(new ArticleNormalizer(), new RawStore(dataDir), index, maxBytes, 2, Clock.systemUTC());
    }

    @Test
    void badFilesFailAloneAndEveryFilesBytesAreKept() throws Exception {
        Files.createDirectories(input.resolve("nested"));
        Files.copy(Path.of("seeds/000_1a9ccc52b8d05a66.txt"), input.resolve("nested/good.txt"));
        Files.write(input.resolve("empty.md"), new byte[0]);
        Files.write(input.resolve("binary.html"), new byte[] {0, 1, 2, 3});
        Files.writeString(input.resolve("ignored.jpg"), "not an article");

        IngestReport report = service(10 << 20).ingest(List.of(input), false, IngestProgress.NONE);

        assertThat(report.files())
                .extracting(FileOutcome::path, FileOutcome::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("binary.html", FileOutcome.Status.FAILED),
                        org.assertj.core.groups.Tuple.tuple("empty.md", FileOutcome.Status.FAILED),
                        org.assertj.core.groups.Tuple.tuple("nested/good.txt", FileOutcome.Status.INGESTED));
        assertThat(report.files().get(0).problems()).singleElement().hasToString("error: binary file, not text");
        assertThat(index.reader().count()).isEqualTo(1);
        RawStore raw = new RawStore(dataDir);
        assertThat(raw.sources())
                .extracting(RawStore.SourceEntry::path)
                .containsExactlyInAnyOrder("binary.html", "empty.md", "nested/good.txt");
        for (RawStore.SourceEntry entry : raw.sources()) {
            assertThat(raw.read(entry.sha256())).hasValue(Files.readAllBytes(input.resolve(entry.path())));
        }
    }

    @Test
    void reingestingIsUnchangedAndACopyUnderAnotherPathKeepsOneArticle() throws Exception {
        Files.copy(Path.of("seeds/003_4984534a3bff97df.txt"), input.resolve("a.md"));
        service(10 << 20).ingest(List.of(input), false, IngestProgress.NONE);
        Files.copy(Path.of("seeds/003_4984534a3bff97df.txt"), input.resolve("b.md"));

        IngestReport again = service(10 << 20).ingest(List.of(input), false, IngestProgress.NONE);

        assertThat(again.files()).extracting(FileOutcome::status).containsOnly(FileOutcome.Status.UNCHANGED);
        assertThat(index.reader().count()).isEqualTo(1);
    }

    @Test
    void oversizedFilesAreRefusedButKept() throws Exception {
        byte[] big = "大".repeat(200).getBytes(StandardCharsets.UTF_8);
        Files.write(input.resolve("big.md"), big);

        IngestReport report = service(100).ingest(List.of(input), false, IngestProgress.NONE);

        assertThat(report.files()).singleElement().satisfies(file -> {
            assertThat(file.status()).isEqualTo(FileOutcome.Status.FAILED);
            assertThat(file.problems().get(0).message()).contains("over the limit of 100 bytes");
        });
        assertThat(new RawStore(dataDir).sources()).hasSize(1);
    }

    @Test
    void reindexRebuildsEveryArticleFromTheRawStore() throws Exception {
        Files.copy(Path.of("seeds/000_1a9ccc52b8d05a66.txt"), input.resolve("a.md"));
        Files.copy(Path.of("seeds/004_ab59611138e6fcfc.txt"), input.resolve("b.md"));
        IngestReport first = service(10 << 20).ingest(List.of(input), false, IngestProgress.NONE);

        IngestReport rebuilt = service(10 << 20).reindex(IngestProgress.NONE);

        assertThat(rebuilt.files())
                .extracting(FileOutcome::id)
                .containsExactlyInAnyOrderElementsOf(
                        first.files().stream().map(FileOutcome::id).toList());
        assertThat(index.reader().count()).isEqualTo(2);
    }

    @Test
    void dryRunWritesNothing() throws Exception {
        Files.copy(Path.of("seeds/001_8bf697e77c316bad.txt"), input.resolve("one.md"));

        IngestReport report = service(10 << 20).ingest(List.of(input), true, IngestProgress.NONE);

        assertThat(report.count(FileOutcome.Status.INGESTED)).isEqualTo(1);
        assertThat(report.summary()).startsWith("1 file: 1 ingested, 0 unchanged, 0 failed;");
        assertThat(index.reader().count()).isZero();
        assertThat(new RawStore(dataDir).sources()).isEmpty();
    }
}
