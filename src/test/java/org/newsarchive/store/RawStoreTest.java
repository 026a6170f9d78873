package org.newsarchive.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawStoreTest {

    @TempDir
    Path dataDir;

    @Test
    void storesBytesUnderTheirHashAndReadsThemBackExactly() {
        RawStore store = new RawStore(dataDir);
        byte[] bytes = "原文 bytes\u0000\u00ff".getBytes(StandardCharsets.UTF_8);

        String sha = store.put(bytes);

        assertThat(sha).isEqualTo(java.util.HexFormat.of().formatHex(sha256(bytes)));
        assertThat(store.read(sha)).hasValue(bytes);
        assertThat(store.put(bytes)).isEqualTo(sha);
    }

    @Test
    void journalRecordsEverySourcePath() {
        RawStore store = new RawStore(dataDir);
        String sha = store.put(new byte[] {1, 2, 3});
        Instant when = Instant.parse("2026-01-02T03:04:05Z");

        store.recordSource(sha, "a/one.md", when);
        store.recordSource(sha, "b/copy.md", when);

        assertThat(new RawStore(dataDir).sources())
                .containsExactly(
                        new RawStore.SourceEntry(sha, "a/one.md", when),
                        new RawStore.SourceEntry(sha, "b/copy.md", when));
    }

    @Test
    void unknownOrMalformedKeysReadNothing() {
        RawStore store = new RawStore(dataDir);

        assertThat(store.read("0".repeat(64))).isEmpty();
        assertThat(store.read("../../etc/passwd")).isEmpty();
        assertThatThrownBy(() -> store.recordSource("not-a-hash", "x", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sha256");
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
