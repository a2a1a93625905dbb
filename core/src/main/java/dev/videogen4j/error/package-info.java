/**
 * The exceptions videogen4j throws: one unchecked root, {@link dev.videogen4j.error.VideoGenException}, and a
 * family beneath it that says what went wrong and whether trying again can help.
 *
 * <pre>{@code
 * try {
 *     client.generate(request);
 * } catch (InvalidRequestException e) {      // nothing was sent; e.violations() says what to fix
 * } catch (RateLimitedException e) {         // e.retryAfter() says when to come back
 * } catch (SubmissionUncertainException e) { // the provider may have accepted (and billed) the job
 * } catch (VideoGenException e) {            // everything else
 * }
 * }</pre>
 *
 * <p>No message, log line or {@code toString()} in this package ever contains an API key.
 */
package dev.videogen4j.error;
