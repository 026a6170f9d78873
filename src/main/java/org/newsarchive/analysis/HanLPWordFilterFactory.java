package org.newsarchive.analysis;

import java.util.Map;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/**
 * Lucene SPI factory of {@link HanLPWordFilter} (segments CJK runs into words with HanLP), named {@value #NAME}, so that Solr schemas can build the
 * archive's chains. Takes no arguments.
 */
public final class HanLPWordFilterFactory extends TokenFilterFactory {

    public static final String NAME = "hanlpWords";

    public HanLPWordFilterFactory(Map<String, String> args) {
        super(args);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("unknown parameters: " + args);
        }
    }

    /** For the service loader only. */
    public HanLPWordFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new HanLPWordFilter(input);
    }
}
