package org.newsarchive.analysis;

import java.io.Reader;
import java.util.Map;
import org.apache.lucene.analysis.CharFilterFactory;

/**
 * Lucene SPI factory of {@link TraditionalToSimplifiedCharFilter}, named {@value #NAME}, so that Solr schemas (and
 * any {@code CustomAnalyzer}) can build the archive's chains. Takes no arguments.
 */
public final class TraditionalToSimplifiedCharFilterFactory extends CharFilterFactory {

    public static final String NAME = "traditionalToSimplified";

    public TraditionalToSimplifiedCharFilterFactory(Map<String, String> args) {
        super(args);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("unknown parameters: " + args);
        }
    }

    /** For the service loader only. */
    public TraditionalToSimplifiedCharFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public Reader create(Reader input) {
        return new TraditionalToSimplifiedCharFilter(input);
    }

    @Override
    public Reader normalize(Reader input) {
        return create(input);
    }
}
