package dev.videogen4j.hardening;

import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Which static fields of a module's classes reach a text holding a secret (through collections, arrays and our objects). */
final class StaticFields {
    private static final int DEPTH = 6;

    private StaticFields() {
    }

    /** "Class.field" for every static field of the classes beside {@code anchor} from which {@code secret} is reachable. */
    static List<String> holding(String secret, Class<?> anchor) {
        List<String> found = new ArrayList<>();
        for (String name : classNames(anchor)) {
            Class<?> c;
            try {
                c = Class.forName(name, false, anchor.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            Field[] fields;
            try {
                fields = c.getDeclaredFields();
            } catch (LinkageError e) {
                continue;
            }
            for (Field f : fields) {
                if (!Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) continue;
                try {
                    f.setAccessible(true);
                    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
                    if (reaches(f.get(null), secret, seen, 0)) found.add(name + "." + f.getName());
                } catch (ReflectiveOperationException | RuntimeException | LinkageError ignored) {
                    // a field we cannot read holds nothing we could check
                }
            }
        }
        return found;
    }

    private static boolean reaches(Object v, String secret, Set<Object> seen, int depth) {
        if (v == null || depth > DEPTH || !seen.add(v)) return false;
        if (v instanceof CharSequence) return v.toString().contains(secret);
        if (v instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                if (reaches(e.getKey(), secret, seen, depth + 1) || reaches(e.getValue(), secret, seen, depth + 1)) return true;
            }
            return false;
        }
        if (v instanceof Collection) {
            for (Object o : (Collection<?>) v) if (reaches(o, secret, seen, depth + 1)) return true;
            return false;
        }
        if (v.getClass().isArray()) {
            if (v.getClass().getComponentType().isPrimitive()) return false;
            for (int i = 0; i < Array.getLength(v); i++) if (reaches(Array.get(v, i), secret, seen, depth + 1)) return true;
            return false;
        }
        if (!v.getClass().getName().startsWith("dev.videogen4j")) return false;
        for (Class<?> c = v.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) continue;
                try {
                    f.setAccessible(true);
                    if (reaches(f.get(v), secret, seen, depth + 1)) return true;
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // not readable: not checked
                }
            }
        }
        return false;
    }

    private static List<String> classNames(Class<?> anchor) {
        List<String> names = new ArrayList<>();
        try {
            Path where = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(where)) {
                try (Stream<Path> files = Files.walk(where)) {
                    files.filter(p -> p.toString().endsWith(".class")).forEach(p -> names.add(name(where.relativize(p).toString())));
                }
            } else {
                try (JarFile jar = new JarFile(where.toFile())) {
                    jar.stream().filter(e -> e.getName().endsWith(".class")).forEach(e -> names.add(name(e.getName())));
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list the classes beside " + anchor, e);
        }
        if (names.size() < 20) throw new IllegalStateException("found only " + names + " beside " + anchor);
        return names;
    }

    private static String name(String file) {
        return file.replace('\\', '/').replace(".class", "").replace('/', '.');
    }
}
