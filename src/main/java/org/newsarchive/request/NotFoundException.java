package org.newsarchive.request;

/** The archive holds nothing under the requested address (an article id, a publisher, a tag): a 404 page. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what, null, false, false);
    }
}
