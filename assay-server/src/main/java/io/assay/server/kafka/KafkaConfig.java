package io.assay.server.kafka;

import io.assay.core.scan.Verdict;
import io.assay.server.scan.ScanService;
import io.micrometer.core.instrument.MeterRegistry;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server's Kafka link, on when {@code assay.kafka.bootstrap} is set: every verdict {@link ScanService} stores is
 * published to {@code assay.kafka.verdict-topic}. The hook wraps the scan service bean (a proxy around its two
 * public scan methods) rather than editing it: whatever a scan returns has been stored, and is then published.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AssayKafkaProperties.class)
@ConditionalOnProperty(prefix = "assay.kafka", name = "bootstrap")
public class KafkaConfig {

    @Bean(destroyMethod = "close")
    KafkaVerdictPublisher kafkaVerdictPublisher(AssayKafkaProperties props, JsonMapper json, MeterRegistry meters) {
        return new KafkaVerdictPublisher(props, json, meters);
    }

    @Bean
    static BeanPostProcessor publishStoredVerdicts(ObjectProvider<KafkaVerdictPublisher> publisher) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof ScanService)) {
                    return bean;
                }
                ProxyFactory proxy = new ProxyFactory(bean);
                proxy.setProxyTargetClass(true);
                proxy.addAdvice((MethodInterceptor) call -> {
                    Object result = call.proceed();
                    String method = call.getMethod().getName();
                    if (result instanceof Verdict v && (method.equals("scan") || method.equals("scanFile"))) {
                        publisher.getObject().publish(v);
                    }
                    return result;
                });
                return proxy.getProxy(bean.getClass().getClassLoader());
            }
        };
    }
}
