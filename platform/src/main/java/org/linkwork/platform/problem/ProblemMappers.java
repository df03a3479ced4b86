package org.linkwork.platform.problem;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Every error a service answers is {@code application/problem+json}; expected failures name the
 * field at fault, unexpected ones never leak internals (the log has the incident id and stack).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        if (e.getConstraintViolations().stream().anyMatch(ProblemMappers::isReturnValue)) {
            return unexpected(e, uri);
        }
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(Problem.of(400, "Invalid request", detail).withErrors(errors), uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        String detail = "The request body is not valid JSON (line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr() + ")";
        return respond(Problem.of(400, "Malformed JSON", detail), uri);
    }

    @ServerExceptionMapper({ MismatchedInputException.class, JsonMappingException.class })
    public Response unreadableJson(JsonMappingException e, UriInfo uri) {
        if (e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse, uri);
        }
        String field = jsonPath(e);
        String message;
        if (e instanceof TextFieldDeserializer.RefusedText refused) {
            message = refused.reason();
            if (!refused.within().isEmpty()) {
                field = field.equals("body") ? refused.within()
                        : field + (refused.within().startsWith("[") ? "" : ".") + refused.within();
            }
        } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            message = oneOf(invalid.getTargetType());
        } else {
            message = "has the wrong type or format";
        }
        return respond(Problem.of(400, "Invalid request", field + ": " + message)
                .withErrors(List.of(new Problem.FieldError(field, message))), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, ResourceInfo resource) {
        if (e instanceof NotFoundException && e.getCause() != null && !(e.getCause() instanceof WebApplicationException)) {
            // A 404 with a cause is a query or path parameter that did not convert (JAX-RS rule); the caller erred.
            Optional<Problem.FieldError> error = UnconvertibleParameters.find(resource.getResourceMethod(), uri);
            if (error.isPresent()) {
                Problem.FieldError field = error.get();
                return respond(Problem.of(400, "Invalid request", field.field() + ": " + field.message())
                        .withErrors(List.of(field)), uri);
            }
        }
        // The JSON reader wraps syntax and binding errors; answer them as if thrown directly.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException parse) {
                return malformedJson(parse, uri);
            }
            if (cause instanceof JsonMappingException mapping) {
                return unreadableJson(mapping, uri);
            }
        }
        LOG.debugf(e, "Client error %d on %s", e.getResponse().getStatus(), uri.getPath());
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType statusType = Response.Status.fromStatusCode(status);
        String title = statusType != null ? statusType.getReasonPhrase() : "HTTP " + status;
        Response.ResponseBuilder builder = FhirOutcomes.response(
                Problem.of(status, title, e.getMessage()).withInstance(uri.getPath()), uri.getPath());
        original.getHeaders().forEach((name, values) -> {
            if (!"Content-Type".equalsIgnoreCase(name)) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (DatabaseOutage.causedBy(e)) {
            // One line, no stack: during an outage every request lands here.
            LOG.warnf("Database unreachable on %s: %s", uri.getPath(), e.getMessage());
            return Response.fromResponse(respond(DatabaseOutage.problem(), uri))
                    .header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS).build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error on %s, incident %s", uri.getPath(), incident);
        return respond(Problem.of(500, "Internal error",
                "The request could not be completed. Quote incident " + incident + " when reporting it."), uri);
    }

    /** The message for a value outside an enum, in a body or a parameter alike. */
    static String oneOf(Class<?> enumType) {
        return "must be one of " + Arrays.toString(enumType.getEnumConstants());
    }

    private static Response respond(Problem problem, UriInfo uri) {
        return FhirOutcomes.response(problem.instance() == null ? problem.withInstance(uri.getPath()) : problem,
                uri.getPath()).build();
    }

    private static boolean isReturnValue(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code create.request.patient.nhsNumber} becomes {@code patient.nhsNumber}: the method and
     * body parameter mean nothing to the caller, but a query or path parameter keeps its name.
     */
    static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR -> {
                }
                case PARAMETER -> parameter = node.getName();
                default -> {
                    // An element of a list or map: the index belongs to the node before it.
                    if (node.isInIterable()) {
                        Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                        field.append('[').append(position == null ? "" : position).append(']');
                    }
                    if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                        if (field.length() > 0) {
                            field.append('.');
                        }
                        field.append(node.getName());
                    }
                }
            }
        }
        return field.length() > 0 ? field.toString() : parameter != null ? parameter : path.toString();
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.length() > 0 ? field.toString() : "body";
    }
}
