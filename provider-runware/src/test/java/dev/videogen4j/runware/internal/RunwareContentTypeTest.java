package dev.videogen4j.runware.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** A video's content type comes from its URL's path extension, whatever the case, query or fragment. */
class RunwareContentTypeTest {
    @Test
    void extensionOfThePathDecides() {
        assertEquals("video/mp4", RunwareStatusMapper.contentType("https://vm.runware.ai/video/os/a1/ws/5/vi/x.mp4"));
        assertEquals("video/webm", RunwareStatusMapper.contentType("https://cdn.example/v.WEBM"));
        assertEquals("video/quicktime", RunwareStatusMapper.contentType("https://cdn.example/v.mov?sig=abc.mp4"));
        assertEquals("video/mp4", RunwareStatusMapper.contentType("https://cdn.example/v.Mp4#t=3"));
    }

    @Test
    void anythingElseIsUnknown() {
        assertNull(RunwareStatusMapper.contentType("https://cdn.example/v.mp4x"));
        assertNull(RunwareStatusMapper.contentType("https://cdn.example/video?format=.mp4"));
        assertNull(RunwareStatusMapper.contentType("mp4"));
        assertNull(RunwareStatusMapper.contentType(""));
    }
}
