package dev.videogen4j.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.videogen4j.JobId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The storable job handle: it must survive a round trip whatever the provider's ids contain. */
class JobIdTest {
    private static final String EXPECTED = "(expected vg1:<provider>:<model>:<job id>, as written by JobId.toString())";

    @ParameterizedTest(name = "{0} | {1} | {2}")
    @CsvSource(delimiter = '|', value = {
            "runware | klingai:6@0                                  | 9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f",
            "fal     | fal-ai/kling-video/v2.5-turbo/pro/image-to-video | 764cabcf-4c59-42f7-95e1-eace013eddab",
            "acme    | model with spaces                            | job:with:colons@and/slashes",
            "acme    | ünïcödé-模型                                  | 工作 ✓ 🎬",
            "acme    | plus+and%percent                             | %20 already+encoded%2F",
            "my-provider | a?b=c&d#e                                | ' quoted \" '",
    })
    void anyIdsSurviveTheRoundTrip(String provider, String model, String nativeId) {
        JobId id = JobId.of(provider, model, nativeId);
        JobId back = JobId.parse(id.toString());
        assertEquals(id, back);
        assertEquals(provider, back.providerId());
        assertEquals(model, back.model());
        assertEquals(nativeId, back.nativeJobId());
        assertEquals(id.hashCode(), back.hashCode());
    }

    @Test
    void theStringFormIsPrefixedAndUrlEncoded() {
        assertEquals("vg1:fal:fal-ai%2Fkling-video%2Fv2.5-turbo:764cabcf",
                JobId.of("fal", "fal-ai/kling-video/v2.5-turbo", "764cabcf").toString());
        assertEquals("vg1:runware:klingai%3A6%400:a+b", JobId.of("runware", "klingai:6@0", "a b").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "764cabcf", "vg1:", "vg1:fal:model", "vg1:fal::job", "vg1::model:job",
            "vg2:fal:model:job", "vg1:fal:model:job:extra", "VG1:fal:model:job"})
    void textThatIsNotAJobIdSaysWhatWasExpected(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JobId.parse(text));
        assertEquals("Not a videogen4j job id: '" + text + "' " + EXPECTED, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"vg1:fal:model:%zz", "vg1:fal:model:%", "vg1:fal:model:+", "vg1:%20:model:job"})
    void badlyEncodedOrBlankPartsSayWhatWasExpectedToo(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JobId.parse(text));
        assertEquals("Not a videogen4j job id: '" + text + "' " + EXPECTED, e.getMessage());
    }

    @Test
    void partsMustBeGiven() {
        assertEquals("providerId == null", assertThrows(NullPointerException.class, () -> JobId.of(null, "m", "j")).getMessage());
        assertEquals("nativeJobId is blank", assertThrows(IllegalArgumentException.class, () -> JobId.of("p", "m", " ")).getMessage());
        assertEquals("text == null", assertThrows(NullPointerException.class, () -> JobId.parse(null)).getMessage());
    }

    @Test
    void equalityIsByAllThreeParts() {
        assertEquals(JobId.of("a", "m", "j"), JobId.of("a", "m", "j"));
        assertNotEquals(JobId.of("a", "m", "j"), JobId.of("b", "m", "j"));
        assertNotEquals(JobId.of("a", "m", "j"), JobId.of("a", "n", "j"));
        assertNotEquals(JobId.of("a", "m", "j"), JobId.of("a", "m", "k"));
    }
}
