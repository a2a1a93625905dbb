package dev.videogen4j.error;

/**
 * The provider refused the prompt or image on content-policy grounds. Never retried and never sent to a fallback provider.
 *
 * <pre>{@code
 * try { client.generate(request); }
 * catch (ContentPolicyException e) { askUserToRephrase(e.getMessage()); }
 * }</pre>
 */
public class ContentPolicyException extends ProviderException {
    private static final long serialVersionUID = 1L;

    public ContentPolicyException(Details details) {
        super(details);
    }
}
