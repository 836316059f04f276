package com.orbitcrm.platform.web;

import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.InvalidInputException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.databind.JsonNode;

/**
 * The one check every JSON body of the API passes before a controller reads it: text that is not text
 * ({@link InputText}) and numbers no field can hold (infinite, or with more than
 * {@value #MAX_DIGITS} digits either side of the point) are a 400 naming the field — wherever they are,
 * so no controller's reading of a field can meet them.
 */
@ControllerAdvice
class JsonBodyCheck extends RequestBodyAdviceAdapter {

  static final int MAX_DIGITS = 40;

  @Override
  public boolean supports(MethodParameter parameter, Type targetType,
                          Class<? extends HttpMessageConverter<?>> converterType) {
    return targetType instanceof Class<?> c && JsonNode.class.isAssignableFrom(c);
  }

  @Override
  public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                              Class<? extends HttpMessageConverter<?>> converterType) {
    if (body instanceof JsonNode node) {
      var violations = new ArrayList<FieldViolation>();
      check(node, "", violations);
      if (!violations.isEmpty()) {
        throw new InvalidInputException(violations);
      }
    }
    return body;
  }

  private static void check(JsonNode node, String path, List<FieldViolation> violations) {
    String field = path.isEmpty() ? "body" : path;
    if (node.isString()) {
      InputText.problem(node.asString()).ifPresent(p -> violations.add(new FieldViolation(field, p)));
    } else if (node.isNumber()) {
      if (!fits(node)) {
        violations.add(new FieldViolation(field, "is a number out of range"));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        check(node.get(i), path + "[" + i + "]", violations);
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        InputText.problem(e.getKey()).ifPresent(p -> violations.add(new FieldViolation("body", "A field's name " + p)));
        check(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), violations);
      }
    }
  }

  private static boolean fits(JsonNode number) {
    if (number.isFloatingPointNumber() && !number.isBigDecimal()) {
      double d = number.doubleValue();
      if (!Double.isFinite(d)) {
        return false;
      }
    }
    if (number.isBigInteger()) {
      return number.bigIntegerValue().abs().toString().length() <= MAX_DIGITS;
    }
    try {
      BigDecimal v = number.decimalValue().stripTrailingZeros();
      return v.precision() - v.scale() <= MAX_DIGITS && v.scale() <= MAX_DIGITS;
    } catch (ArithmeticException | NumberFormatException e) {
      return false;
    }
  }
}
