package io.assay.server.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two filter chains. The machine interfaces keep their own authentication and get neither sessions nor CSRF checks:
 * {@code /v1/}, {@code /h/}, {@code /m/}, {@code /c/} (API keys, {@link io.assay.server.security.ApiKeyFilter}),
 * {@code /taxii2/} (participant tokens) and the actuator (health and metrics, as before). Everything else is the
 * console: form log-in, a session, CSRF tokens on every change, and roles (viewer, reviewer, admin).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleProperties.class)
public class ConsoleSecurity {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @Order(1)
    SecurityFilterChain machineInterfaces(HttpSecurity http) throws Exception {
        http.securityMatcher("/v1/**", "/h/**", "/m/**", "/c/**", "/taxii2", "/taxii2/**", "/actuator/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(r -> r.disable())
                .securityContext(c -> c.disable())
                .anonymous(a -> a.disable())
                .headers(h -> h.disable());
        return http.build();
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @Order(2)
    SecurityFilterChain console(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/console.css", "/console.js", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/users/**", "/settings/incident", "/settings/elections/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/reviews/**", "/banks/**").hasRole("REVIEWER")
                        .anyRequest().hasRole("VIEWER"))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                + "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'")));
        return http.build();
    }
}
