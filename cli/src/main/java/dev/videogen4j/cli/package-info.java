/**
 * The {@code videogen4j} command line: {@code providers}, {@code models}, {@code quote}, {@code generate},
 * {@code compare} and {@code emulator}. Uses the real vendors when their API keys are set and the built-in
 * emulator otherwise. An application, not an API: everything but {@link dev.videogen4j.cli.Main},
 * {@link dev.videogen4j.cli.VideoGen4jCommand} and {@link dev.videogen4j.cli.CliRuntime} may change freely.
 */
package dev.videogen4j.cli;
