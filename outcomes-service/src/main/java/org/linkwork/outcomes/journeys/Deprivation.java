package org.linkwork.outcomes.journeys;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The English Index of Multiple Deprivation 2019 decile of an LSOA (1 most deprived, 10 least), from the published
 * file of the Ministry of Housing, Communities and Local Government (32,844 LSOAs). The LSOA itself is never stored:
 * only its decile is.
 */
@ApplicationScoped
public class Deprivation {

    private static final String FILE = "/deprivation/imd2019-lsoa-decile.csv";

    private final Map<String, Integer> deciles = load();

    /** Null when the LSOA is not given or not in the index (not English, or not of the 2011 census). */
    public Integer decile(String lsoaCode) {
        return lsoaCode == null ? null : deciles.get(lsoaCode);
    }

    private static Map<String, Integer> load() {
        Map<String, Integer> deciles = new HashMap<>(40_000);
        try (var lines = new BufferedReader(new InputStreamReader(Deprivation.class.getResourceAsStream(FILE),
                StandardCharsets.US_ASCII))) {
            lines.lines().skip(1).forEach(line -> {
                int comma = line.indexOf(',');
                deciles.put(line.substring(0, comma), Integer.valueOf(line.substring(comma + 1).trim()));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(FILE, e);
        }
        return deciles;
    }
}
