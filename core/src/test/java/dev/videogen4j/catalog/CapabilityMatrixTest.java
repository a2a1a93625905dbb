package dev.videogen4j.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.CapabilityMatrix;
import dev.videogen4j.OutputFormat;
import dev.videogen4j.VideoClient;
import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.error.Violation;
import dev.videogen4j.internal.ModelResolver;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.ModelCatalog;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.testing.Requests;
import dev.videogen4j.testing.ScriptedProvider;
import dev.videogen4j.testing.TestClients;
import dev.videogen4j.testing.VirtualScheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Looking models up across providers, and overriding the bundled catalog (the README table is the CLI's: MatrixMarkdownTest). */
class CapabilityMatrixTest {
    private static final CapabilityMatrix MATRIX = CapabilityMatrix.of(ScriptedProvider.catalog());

    @TempDir
    Path dir;

    private static List<String> ids(List<ModelCapabilities> models) {
        return models.stream().map(m -> m.providerId() + "/" + m.id()).collect(Collectors.toList());
    }

    @Test
    void aFamilyNamesTheSameModelOnEveryProviderInMatrixOrder() {
        assertEquals(List.of("acme/acme-kling-2.5", "zeta/zeta-kling-v2.5-turbo"),
                ids(MATRIX.candidates(Requests.t2v(), List.of())));
        assertEquals(List.of("zeta/zeta-kling-v2.5-turbo"), ids(MATRIX.candidates(Requests.t2v(), List.of("zeta"))));
    }

    @Test
    void aNativeIdNamesExactlyOneModel() {
        var request = Requests.t2v().toBuilder().model("zeta-kling-v2.5-turbo").build();
        assertEquals(List.of("zeta/zeta-kling-v2.5-turbo"), ids(MATRIX.candidates(request, List.of())));
        assertEquals(List.of(), ids(MATRIX.candidates(request, List.of("acme"))));
    }

    @Test
    void candidatesMustDoTheWorkflow() {
        assertEquals(List.of("acme/acme-seedance-lite"),
                ids(MATRIX.candidates(Requests.i2v().toBuilder().model("seedance-1-lite").build(), List.of())));
        assertEquals(List.of(), MATRIX.candidates(Requests.t2v().toBuilder().model("seedance-1-lite").build(), List.of()));
    }

    @Test
    void eligibleKeepsOnlyTheModelsThatAcceptTheRequestAsWritten() {
        assertEquals(List.of("zeta/zeta-kling-v2.5-turbo"),
                ids(MATRIX.eligible(Requests.t2v().toBuilder().aspectRatio("1:1").build())));
        assertEquals(List.of("acme/acme-kling-2.5"),
                ids(MATRIX.eligible(Requests.t2v().toBuilder().negativePrompt("blur").build())));
        assertEquals(List.of(), MATRIX.eligible(Requests.t2v().toBuilder().outputFormat(OutputFormat.MOV).build()));
    }

    @Test
    void resolveExplainsAWorkflowTheNamedModelDoesNotDo() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> ModelResolver.resolve(MATRIX, Requests.t2v().toBuilder().model("seedance-1-lite").build(), List.of(), true));
        assertEquals(new Violation("model", "acme-seedance-lite", "acme/acme-seedance-lite does i2v, not t2v"),
                e.violations().get(0));
    }

    @Test
    void resolveWithoutRequiringValidityReturnsTheCandidatesAsTheyAre() {
        var tooLong = Requests.t2v().toBuilder().durationSeconds(7).build();
        assertEquals(2, ModelResolver.resolve(MATRIX, tooLong, List.of(), false).size());
        assertThrows(InvalidRequestException.class, () -> ModelResolver.resolve(MATRIX, tooLong, List.of(), true));
    }

    @Test
    void modelsAreFoundByProviderAndId() {
        assertEquals(List.of("acme/acme-kling-2.5", "acme/acme-seedance-lite"), ids(MATRIX.models("acme")));
        assertEquals("kling-2.5-turbo", MATRIX.model("zeta", "zeta-kling-v2.5-turbo").orElseThrow().family());
        assertTrue(MATRIX.model("zeta", "acme-kling-2.5").isEmpty());
    }

    @Test
    void overridesReplaceRowsOfTheSameProviderAndIdAndAddNewOnes() {
        List<ModelCapabilities> file = ModelCatalog.parse("{\"provider\": \"acme\", \"models\": ["
                + "{\"id\": \"acme-kling-2.5\", \"family\": \"kling-2.5-turbo\", \"workflows\": [\"t2v\"], \"durations\": [5, 10, 15]},"
                + "{\"id\": \"acme-new\", \"family\": \"new-family\", \"workflows\": [\"t2v\"]}]}", "mine.json");

        CapabilityMatrix m = MATRIX.withOverrides(file);

        assertEquals(List.of(5, 10, 15), m.model("acme", "acme-kling-2.5").orElseThrow().durations());
        assertEquals(List.of("acme/acme-kling-2.5", "acme/acme-seedance-lite", "zeta/zeta-kling-v2.5-turbo",
                "alpha/alpha-1", "beta/beta-1", "acme/acme-new"), ids(m.models()));
        assertEquals(List.of(5, 10), MATRIX.model("acme", "acme-kling-2.5").orElseThrow().durations(), "unchanged");
    }

    private Path modelsFile() throws IOException {
        return Files.writeString(dir.resolve("models.json"), "{\"provider\": \"acme\", \"models\": [{\"id\": \"acme-kling-2.5\","
                + " \"family\": \"kling-2.5-turbo\", \"workflows\": [\"t2v\"], \"durations\": [5, 10, 15],"
                + " \"pricing\": {\"perSecond\": 0.06, \"source\": \"our contract\"}}]}");
    }

    @Test
    void aModelsFileGivenToTheBuilderLetsANewDurationThrough() throws IOException {
        VirtualScheduler scheduler = new VirtualScheduler(MutableClock.start());
        ScriptedProvider acme = ScriptedProvider.of("acme", scheduler.clock());
        VideoClient client = TestClients.virtual(scheduler, acme).modelsFile(modelsFile()).build();

        client.submit(Requests.t2v().toBuilder().durationSeconds(15).build());

        assertEquals(1, acme.count(Operation.SUBMIT));
        assertEquals(List.of(5, 10, 15), acme.calls(Operation.SUBMIT).get(0).context().model().durations());
        assertEquals("our contract", client.capabilities().model("acme", "acme-kling-2.5").orElseThrow().pricing().source());
    }

    @Test
    void aModelsFileNamedInTheEnvironmentIsReadToo() throws IOException {
        VirtualScheduler scheduler = new VirtualScheduler(MutableClock.start());
        ScriptedProvider acme = ScriptedProvider.of("acme", scheduler.clock());
        VideoClient client = TestClients.virtual(scheduler, Map.of("VIDEOGEN4J_MODELS_FILE", modelsFile().toString()), acme)
                .build();

        assertEquals(List.of(5, 10, 15), client.capabilities().model("acme", "acme-kling-2.5").orElseThrow().durations());
        assertEquals(2, client.capabilities().models("acme").size(), "the other bundled model stays");
    }

    @Test
    void anUnreadableOrMalformedModelsFileFailsTheBuildNamingTheFile() throws IOException {
        VirtualScheduler scheduler = new VirtualScheduler(MutableClock.start());
        Path missing = dir.resolve("nope.json");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> TestClients.virtual(scheduler, ScriptedProvider.of("acme")).modelsFile(missing).build());
        assertTrue(e.getMessage().startsWith("Cannot read the models file " + missing + " (VIDEOGEN4J_MODELS_FILE): "),
                e.getMessage());

        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"provider\": \"acme\", \"models\": [{\"id\": \"x\"}]}");
        ConfigurationException bad = assertThrows(ConfigurationException.class,
                () -> TestClients.virtual(scheduler, ScriptedProvider.of("acme")).modelsFile(broken).build());
        assertEquals("Model catalog " + broken + ", model 'x': missing \"family\"", bad.getMessage());
    }
}
