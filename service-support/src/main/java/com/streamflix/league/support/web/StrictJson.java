package com.streamflix.league.support.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.util.List;

/**
 * Request bodies are read strictly: an unknown field, a key given twice, a number written as a string, anything after
 * the body, a null for a number, a fractional number where an integer is expected, a control character (NUL and the
 * like, which PostgreSQL text refuses) in a string, or a string, nesting or number past {@link #LIMITS} is a 400, not
 * silently dropped or stored in an event the read model could never project. Only the HTTP layer's copy of the
 * ObjectMapper is made strict; Axon's event serializer keeps the lenient one, so old services can read events that
 * gained fields.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson implements WebMvcConfigurer {
    /**
     * Far above any real request (our longest text field is 2,000 characters, our deepest body 3 levels, our largest
     * number a long: 19 digits) and far below what costs memory or stack: a hostile body is refused at the parser.
     */
    static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxStringLength(10_000).maxNestingDepth(32).maxNumberLength(20).build();

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter json) {
                ObjectMapper strict = json.getObjectMapper().copy()
                        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                        .registerModule(new SimpleModule("plain-text").addDeserializer(String.class, new PlainText()));
                // {"amount":1,"amount":1000000} must not be read as either; "5" is not a number
                strict.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
                for (LogicalType numberOrFlag : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
                    strict.coercionConfigFor(numberOrFlag).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
                }
                strict.getFactory().setStreamReadConstraints(LIMITS);
                json.setObjectMapper(strict);
            }
        }
    }

    /** Strings without control characters other than tab and line breaks. */
    static final class PlainText extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.chars().anyMatch(PlainText::forbidden)) {
                throw JsonMappingException.from(parser, "control characters are not allowed");
            }
            return value;
        }

        private static boolean forbidden(int c) {
            return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
        }
    }
}
