package org.linkwork.platform.problem;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * A coded value is read by its name only: Jackson would otherwise take {@code 1} or {@code "1"} as the enum's
 * second constant, so a client's stray number would be stored as a code it never meant.
 */
@Singleton
public class StrictEnums implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    }
}
