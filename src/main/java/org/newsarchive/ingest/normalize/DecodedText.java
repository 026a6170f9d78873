package org.newsarchive.ingest.normalize;

import java.util.List;

/** The text of a source file with the charset it was decoded from and any repairs made. */
record DecodedText(String text, String charset, List<IngestProblem> warnings) {

    DecodedText {
        warnings = List.copyOf(warnings);
    }
}
