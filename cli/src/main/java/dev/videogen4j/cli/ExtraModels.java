package dev.videogen4j.cli;

import dev.videogen4j.Workflow;
import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.emulator.ProviderEmulatorBuilder;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.ModelCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The models of a user's catalog file (the file {@code VIDEOGEN4J_MODELS_FILE} gives a client) that the emulator
 * serves too, so a model added without code also runs offline: each fal entry becomes an extra fal endpoint of the
 * emulator (prompt required, {@code image_url} too for an image-to-video-only entry, other fields accepted as fal
 * does, billed at the entry's flat price per second or the emulator's placeholder). The emulator keeps its own rules
 * for the endpoints it already knows. Runware entries are not served: the emulator plays only the Runware models it
 * transcribed, and answers others as Runware answers an unknown model.
 *
 * <pre>{@code
 * ExtraModels extra = ExtraModels.read(Path.of("my-models.json"));
 * extra.applyTo(ProviderEmulator.builder());   // serves fal-ai/ltx-2/text-to-video/fast, say
 * }</pre>
 *
 * @param file the catalog file they were read from
 * @param fal  the file's fal entries
 * @param others how many entries of other providers the emulator does not serve
 */
record ExtraModels(Path file, List<ModelCapabilities> fal, int others) {
    static final String FAL = "fal";

    ExtraModels {
        fal = List.copyOf(fal);
    }

    /** Reads a catalog file; a missing or malformed file is a {@link ConfigurationException} naming it. */
    static ExtraModels read(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read the models file " + file + ": " + e.getMessage(), e);
        }
        List<ModelCapabilities> all = ModelCatalog.parse(json, file.toString());
        List<ModelCapabilities> fal = all.stream().filter(m -> FAL.equals(m.providerId())).toList();
        return new ExtraModels(file, fal, all.size() - fal.size());
    }

    /** Has the emulator serve every fal entry. */
    ProviderEmulatorBuilder applyTo(ProviderEmulatorBuilder builder) {
        for (ModelCapabilities m : fal) {
            builder.extraFalEndpoint(m.id(), m.workflows().equals(Set.of(Workflow.IMAGE_TO_VIDEO)), m.pricing().perSecond());
        }
        return builder;
    }

    /** One line for the emulator's banner: what it serves from the file, and what not. */
    String describe() {
        String served = fal.isEmpty() ? "no fal model" : String.join(", ", fal.stream().map(ModelCapabilities::id).toList());
        return served + " (from " + file + ")" + (others == 0 ? ""
                : "; " + others + " entr" + (others == 1 ? "y" : "ies") + " of other providers not served: "
                + "the emulator adds models for fal only");
    }
}
