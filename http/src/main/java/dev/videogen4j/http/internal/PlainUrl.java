package dev.videogen4j.http.internal;

/**
 * A conservative scan for the common shape of a vendor's video URL: lower-case {@code http://} or {@code https://},
 * a DNS host name (its last label starting with a letter) or a dotted IPv4 address, an optional port, then only
 * characters {@link java.net.URI} accepts unescaped and well-formed {@code %XX} escapes, with at most one
 * {@code #}. Every string it accepts, {@code java.net.URI} parses as absolute http(s) with a host; anything else
 * (upper case, user info, IPv6, underscores, a trailing dot, spaces) is left to the full parse.
 *
 * <pre>{@code
 * PlainUrl.isPlainHttp("https://cdn.example.com/v/1.mp4?sig=a%2Fb");   // true
 * PlainUrl.isPlainHttp("https://cdn_1.example.com/v.mp4");             // false: ask java.net.URI
 * }</pre>
 */
final class PlainUrl {
    // Unescaped in a URI path, query or fragment (RFC 2396 as java.net.URI reads it): unreserved and reserved marks.
    private static final String MARKS = "-_.!~*'();:@&=+$,/?";

    private PlainUrl() {
    }

    static boolean isPlainHttp(String s) {
        int start = s.startsWith("https://") ? 8 : s.startsWith("http://") ? 7 : -1;
        if (start < 0) return false;
        int end = start;
        while (end < s.length() && "/?#:".indexOf(s.charAt(end)) < 0) end++;
        if (!host(s, start, end)) return false;
        int i = end;
        if (i < s.length() && s.charAt(i) == ':') {
            int digits = 0;
            for (i++; i < s.length() && isDigit(s.charAt(i)); i++) digits++;
            if (digits < 1 || digits > 5) return false;
            if (i < s.length() && "/?#".indexOf(s.charAt(i)) < 0) return false;
        }
        boolean fragment = false;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isAlnum(c) || MARKS.indexOf(c) >= 0) continue;
            if (c == '#' && !fragment) {
                fragment = true;
            } else if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                i += 2;
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean host(String s, int from, int to) {
        if (from >= to) return false;
        boolean numeric = true;
        int labels = 0;
        int lastStart = from;
        for (int label = from; label <= to; ) {
            int dot = s.indexOf('.', label);
            int labelEnd = dot < 0 || dot > to ? to : dot;
            if (labelEnd == label || labelEnd - label > 63) return false;
            if (s.charAt(label) == '-' || s.charAt(labelEnd - 1) == '-') return false;
            for (int k = label; k < labelEnd; k++) {
                char c = s.charAt(k);
                if (!isAlnum(c) && c != '-') return false;
                numeric &= isDigit(c);
            }
            if (numeric && (labelEnd - label > 3 || (s.charAt(label) == '0' && labelEnd - label > 1)
                    || Integer.parseInt(s, label, labelEnd, 10) > 255)) {
                return false;
            }
            labels++;
            lastStart = label;
            label = labelEnd + 1;
        }
        return numeric ? labels == 4 : isLetter(s.charAt(lastStart));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAlnum(char c) {
        return isDigit(c) || isLetter(c);
    }

    private static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
