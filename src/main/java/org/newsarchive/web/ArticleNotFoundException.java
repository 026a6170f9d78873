package org.newsarchive.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No article has the requested id: a 404, never a server error. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class ArticleNotFoundException extends RuntimeException {

    ArticleNotFoundException(String id) {
        super("no article with id " + id, null, false, false);
    }
}
