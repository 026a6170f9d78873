package org.newsarchive.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files an ingest reads: article files under the given roots, never through symbolic links out of them. */
class SourceFilesTest {

    @TempDir
    Path work;

    @Test
    void symbolicLinksOutOfTheRootAreNotFollowed() throws Exception {
        Path root = Files.createDirectories(work.resolve("root"));
        Path outside = Files.createDirectories(work.resolve("outside"));
        Files.writeString(outside.resolve("secret.md"), "不应被读取");
        Files.writeString(root.resolve("article.md"), "正文");
        Files.createSymbolicLink(root.resolve("linked-folder"), outside);
        Files.createSymbolicLink(root.resolve("linked-file.md"), outside.resolve("secret.md"));

        List<String> found = SourceFiles.find(List.of(root)).stream()
                .map(SourceFiles.SourceFile::relativePath)
                .toList();

        assertThat(found).containsExactly("article.md");
    }

    @Test
    void onlyArticleFileTypesInAStableOrder() throws Exception {
        for (String name : List.of("b.md", "a.html", "c.txt", "d.htm", "e.markdown", "image.png", "notes.docx")) {
            Files.writeString(work.resolve(name), "x");
        }

        assertThat(SourceFiles.find(List.of(work)).stream().map(SourceFiles.SourceFile::relativePath))
                .containsExactly("a.html", "b.md", "c.txt", "d.htm", "e.markdown");
    }
}
