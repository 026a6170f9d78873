package org.newsarchive.analysis;

import java.util.Map;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/**
 * Lucene SPI factory of {@link RunEndUnigramFilter} (adds the last character of each CJK run after the bigrams), named {@value #NAME}, so that Solr schemas can build the
 * archive's chains. Takes no arguments.
 */
public final class RunEndUnigramFilterFactory extends TokenFilterFactory {

    public static final String NAME = "runEndUnigram";

    public RunEndUnigramFilterFactory(Map<String, String> args) {
        super(args);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("unknown parameters: " + args);
        }
    }

    /** For the service loader only. */
    public RunEndUnigramFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new RunEndUnigramFilter(input);
    }
}
