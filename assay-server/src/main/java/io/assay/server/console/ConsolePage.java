package io.assay.server.console;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of console pages: {@link ConsoleAdvice} gives its pages the menu and who is logged in, and turns
 * its errors into the console's problem page (a sentence, never a stack trace). Put it beside {@code @Controller}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ConsolePage {
}
