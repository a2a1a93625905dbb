package dev.videogen4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.videogen4j.VideoClient;
import dev.videogen4j.spi.SharedResources;
import dev.videogen4j.testing.ScriptedProvider;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the providers of a client family share (the HTTP adapters' pool), and when it is released. */
class SharedResourcesTest {
    private final ScriptedProvider acme = ScriptedProvider.of("acme");

    @Test
    void clientsFromNewBuilderHandTheirProvidersOneSetReleasedWhenTheLastCloses() {
        List<String> released = new ArrayList<>();
        VideoClient parent = VideoClient.builder().providerFactory(acme.factory()).routing("single:acme").build();
        SharedResources shared = parent.sharedResources();
        assertSame(shared, acme.config().shared(), "the provider was handed the client's set");
        String pool = shared.get("pool", String.class, () -> "pool-1", released::add);

        VideoClient child = parent.newBuilder().routing("single:acme").build();
        assertSame(shared, child.sharedResources());
        assertSame(shared, acme.config().shared(), "the child's provider got the same set");
        assertSame(pool, child.sharedResources().get("pool", String.class, () -> "pool-2", released::add));

        parent.close();
        assertEquals(List.of(), released, "the child still uses it");
        assertSame(pool, shared.get("pool", String.class, () -> "pool-3", released::add));
        child.close();
        assertEquals(List.of("pool-1"), released);
        assertThrows(IllegalStateException.class, () -> shared.get("pool", String.class, () -> "late", released::add));
    }

    @Test
    void anIndependentClientSharesNothing() {
        try (VideoClient a = VideoClient.builder().providerFactory(acme.factory()).routing("single:acme").build();
             VideoClient b = VideoClient.builder().providerFactory(acme.factory()).routing("single:acme").build()) {
            assertNotSame(a.sharedResources(), b.sharedResources());
        }
    }

    @Test
    void releasesRunNewestFirstOnceAndAWrongTypeIsRefused() {
        List<String> released = new ArrayList<>();
        SharedResources s = new SharedResources();
        s.get("a", String.class, () -> "a", released::add);
        s.get("b", String.class, () -> "b", x -> {
            released.add(x);
            throw new IllegalStateException("a failing release does not keep the others");
        });
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.get("a", Integer.class, () -> 1, x -> { }));
        assertEquals("a holds a java.lang.String, not a java.lang.Integer", e.getMessage());
        s.close();
        s.close();
        assertEquals(List.of("b", "a"), released);
    }
}
