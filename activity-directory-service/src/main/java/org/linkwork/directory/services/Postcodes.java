package org.linkwork.directory.services;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Postcode to coordinates without an online service: the centroid of the postcode's district
 * (outcode), from the ONS-derived file shipped in the jar. A district is a few kilometres across,
 * which is precise enough to rank activities by distance from where a patient lives.
 */
@ApplicationScoped
public class Postcodes {

    static final String RESOURCE = "/geo/outcode-centroids.csv";

    /** A full UK postcode (with or without its space) or just its outcode, e.g. {@code LS6 1AA}, {@code LS61AA}, {@code LS6}. */
    private static final Pattern POSTCODE = Pattern.compile("^([A-Z]{1,2}[0-9][A-Z0-9]?)(\\s*[0-9][A-Z]{2})?$");

    public record Coordinates(double latitude, double longitude) {
    }

    private final Map<String, Coordinates> centroids = load();

    /** Whether the text is shaped like a UK postcode or outcode. */
    public static boolean isPostcode(String text) {
        return text != null && POSTCODE.matcher(normalise(text)).matches();
    }

    /** The district centroid of a postcode, empty when it is malformed or its district is unknown. */
    public Optional<Coordinates> locate(String postcode) {
        if (!isPostcode(postcode)) {
            return Optional.empty();
        }
        var matcher = POSTCODE.matcher(normalise(postcode));
        matcher.matches();
        return Optional.ofNullable(centroids.get(matcher.group(1)));
    }

    private static String normalise(String text) {
        return text.trim().toUpperCase(Locale.ROOT);
    }

    private static Map<String, Coordinates> load() {
        Map<String, Coordinates> result = new HashMap<>();
        try (InputStream in = Postcodes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                // The first three columns never contain quotes: outcode, latitude, longitude.
                String[] fields = line.split(",", 4);
                result.put(fields[0], new Coordinates(Double.parseDouble(fields[1]), Double.parseDouble(fields[2])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(result);
    }
}
