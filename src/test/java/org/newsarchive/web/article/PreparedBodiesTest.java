package org.newsarchive.web.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PreparedBodiesTest {

    @Test
    void aBodyIsPreparedOnceWhileKept() {
        PreparedBodies bodies = new PreparedBodies(100);
        AtomicInteger prepared = new AtomicInteger();

        bodies.get("a", () -> "body " + prepared.incrementAndGet());
        String again = bodies.get("a", () -> "body " + prepared.incrementAndGet());

        assertThat(again).isEqualTo("body 1");
        assertThat(prepared).hasValue(1);
    }

    @Test
    void theLeastRecentlyReadBodiesGoFirstWhenTheLengthBoundIsPassed() {
        PreparedBodies bodies = new PreparedBodies(10);
        bodies.get("a", () -> "aaaa");
        bodies.get("b", () -> "bbbb");
        bodies.get("a", () -> "never");
        bodies.get("c", () -> "cccc");

        assertThat(bodies.get("a", () -> "again")).isEqualTo("aaaa");
        assertThat(bodies.get("b", () -> "prepared anew")).isEqualTo("prepared anew");
    }

    @Test
    void aBodyLongerThanTheBoundIsReturnedButNotKept() {
        PreparedBodies bodies = new PreparedBodies(3);
        assertThat(bodies.get("a", () -> "long body")).isEqualTo("long body");
        assertThat(bodies.get("a", () -> "other")).isEqualTo("other");
    }
}
