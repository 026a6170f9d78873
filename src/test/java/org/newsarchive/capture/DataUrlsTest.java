package org.newsarchive.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DataUrlsTest {

    @Test
    void base64IsDecoded() {
        assertThat(DataUrls.decode("data:image/gif;base64,R0lGODlh")).containsExactly('G', 'I', 'F', '8', '9', 'a');
        assertThat(DataUrls.decode("DATA:image/gif;BASE64,R0lG%4FDlh"))
                .as("percent-encoded base64")
                .containsExactly('G', 'I', 'F', '8', '9', 'a');
    }

    @Test
    void plainDataIsPercentDecoded() {
        assertThat(new String(DataUrls.decode("data:,a%20b+c"), StandardCharsets.ISO_8859_1))
                .isEqualTo("a b+c");
        assertThat(DataUrls.decode("data:image/svg+xml,%3Csvg%2F%3E"))
                .isEqualTo("<svg/>".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void whatIsNoDataUrlIsRefused() {
        assertThat(DataUrls.isDataUrl("https://example.org/a.png")).isFalse();
        assertThatThrownBy(() -> DataUrls.decode("data:image/png;base64")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DataUrls.decode("data:image/png;base64,%%%"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
