package org.newsarchive.citation;

import java.util.Locale;
import java.util.Optional;

/**
 * The formats reference managers import: BibTeX (as biblatex writes an online source, which BibTeX reads as a
 * {@code misc}), RIS and CSL-JSON. Each names the publisher's original and the archived copy with the day it was
 * consulted. Stateless and thread-safe.
 */
public enum CitationFormat {
    BIBTEX("bibtex", "application/x-bibtex", "bib") {
        @Override
        public String write(Citation citation) {
            return BibTex.write(citation);
        }
    },
    RIS("ris", "application/x-research-info-systems", "ris") {
        @Override
        public String write(Citation citation) {
            return Ris.write(citation);
        }
    },
    CSL_JSON("csl-json", "application/vnd.citationstyles.csl+json", "json") {
        @Override
        public String write(Citation citation) {
            return CslJson.write(citation);
        }
    };

    private final String parameter;
    private final String mediaType;
    private final String extension;

    CitationFormat(String parameter, String mediaType, String extension) {
        this.parameter = parameter;
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The citation in this format, as text. */
    public abstract String write(Citation citation);

    /** The name a request gives: {@code bibtex}, {@code ris} or {@code csl-json}. */
    public String parameter() {
        return parameter;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The file name extension of a download. */
    public String extension() {
        return extension;
    }

    /** The format a request names, in any case. */
    public static Optional<CitationFormat> named(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (CitationFormat format : values()) {
            if (format.parameter.equals(wanted)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
