package dev.videogen4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.internal.Json;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model added by a user's catalog file (a fal endpoint the bundle does not know) generates without code from the
 * command line, against the emulator given the same file: {@code videogen4j emulator --models-file}, and the
 * built-in emulator of {@code compare --emulator} when {@code VIDEOGEN4J_MODELS_FILE} names it.
 * (provider-fal's FalUserCatalogModelTest runs the same entry against a plain MockWebServer.)
 */
class ExtraModelsCliTest {
    static final String ENDPOINT = "fal-ai/ltx-2/text-to-video/fast";
    static final String CATALOG = "{\"provider\": \"fal\", \"models\": [{\"id\": \"" + ENDPOINT + "\", \"family\": \"ltx-2-fast\","
            + " \"workflows\": [\"t2v\"], \"durations\": [6, 8, 10], \"resolutions\": [\"1080p\", \"1440p\"],"
            + " \"audio\": \"on-by-default\", \"frameImages\": [],"
            + " \"pricing\": {\"perSecond\": 0.04, \"source\": \"my reading of fal's page\", \"asOf\": \"2026-11-20\"},"
            + " \"source\": \"https://fal.ai/models/" + ENDPOINT + "\", \"checked\": \"2026-11-20\","
            + " \"wire\": {\"prompt\": \"prompt\", \"durationSeconds\": \"duration\", \"resolution\": \"resolution\","
            + " \"generateAudio\": \"generate_audio\", \"webhookUrl\": {\"to\": \"fal_webhook\", \"as\": \"query\"}}}]}";

    @TempDir
    Path dir;

    private Path catalog() throws Exception {
        return Files.writeString(dir.resolve("my-models.json"), CATALOG);
    }

    /** Runs {@code generate} for the user's model against the emulator the {@code emulator} command is serving. */
    private List<Object> generateWhileServing(String... emulatorArgs) throws Exception {
        Path models = catalog();
        CliRun server = new CliRun();
        List<Object> seen = new ArrayList<>();
        server.whileServing = emu -> {
            CliRun client = new CliRun(server);
            client.env.put("FAL_KEY", emu.falApiKey());
            client.env.put("VIDEOGEN4J_FAL_BASE_URL", emu.falQueueBaseUrl());
            client.env.put("VIDEOGEN4J_MODELS_FILE", models.toString());
            seen.add(client.run("generate", "--model", "ltx-2-fast", "--prompt", "A fox in the snow", "--duration", "8",
                    "--resolution", "1080p"));
            seen.add(client.out() + client.err());
            seen.add(emu.stats().requests("fal.submit"));
        };
        List<String> args = new ArrayList<>(List.of("emulator"));
        args.addAll(List.of(emulatorArgs).stream().map(a -> a.replace("FILE", models.toString())).toList());
        assertEquals(0, server.run(args.toArray(String[]::new)), server.err());
        seen.add(server.out());
        return seen;
    }

    @Test
    void theEmulatorCommandServesTheUsersModelAndGenerateRunsItWithoutCode() throws Exception {
        List<Object> seen = generateWhileServing("--models-file", "FILE");
        assertEquals(0, seen.get(0), seen.get(1).toString());
        String generated = seen.get(1).toString();
        assertTrue(generated.contains("model     " + ENDPOINT), generated);
        assertTrue(generated.contains("cost      $0.32 estimated"), "8 s at the entry's $0.04/s; " + generated);
        assertEquals(1L, ((Number) seen.get(2)).longValue(), "one job submitted to the emulator");
        assertTrue(seen.get(3).toString().contains("  extra models: " + ENDPOINT + " (from "), seen.get(3).toString());
    }

    @Test
    void withoutTheOptionTheEmulatorDoesNotKnowTheEndpoint() throws Exception {
        List<Object> seen = generateWhileServing();
        assertNotEquals(0, seen.get(0), "fal answers an endpoint it does not serve with 404; " + seen.get(1));
        assertTrue(seen.get(1).toString().contains("404"), seen.get(1).toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void compareOnTheBuiltInEmulatorServesTheModelsFileTheClientReads() throws Exception {
        CliRun cli = new CliRun();
        cli.env.put("VIDEOGEN4J_MODELS_FILE", catalog().toString());
        assertEquals(0, cli.run("compare", "--emulator", "--model", "ltx-2-fast", "--prompt", "A fox in the snow",
                "--duration", "8", "--resolution", "1080p", "--json"), cli.err() + cli.out());

        List<Map<String, Object>> rows = (List<Map<String, Object>>) Json.parse(cli.out());
        assertEquals(1, rows.size(), cli.out());
        Map<String, Object> row = rows.get(0);
        assertEquals(List.of("fal", ENDPOINT, "succeeded", "estimated"),
                List.of(row.get("provider"), row.get("model"), row.get("outcome"), row.get("costSource")));
        assertEquals(0, new BigDecimal("0.32").compareTo((BigDecimal) row.get("cost")), row.toString());
        assertTrue(cli.err().contains("It also serves " + ENDPOINT + " (from "), cli.err());
    }

    @Test
    void anUnreadableModelsFileIsNamed() {
        CliRun cli = new CliRun();
        assertEquals(2, cli.run("emulator", "--models-file", dir.resolve("missing.json").toString()), cli.err());
        assertTrue(cli.err().contains("Cannot read the models file " + dir.resolve("missing.json")), cli.err());
    }
}
