package dev.videogen4j.testing;

/**
 * A second plugin claiming the id {@code alpha}. Deliberately NOT in core's test {@code META-INF/services}: tests
 * put it on a class path of their own (see {@link PluginClassLoaders}) to prove a duplicate id fails discovery.
 */
public class DuplicateAlphaProviderFactory extends AlphaProviderFactory {
}
