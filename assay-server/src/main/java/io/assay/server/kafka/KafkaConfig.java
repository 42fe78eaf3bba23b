package io.assay.server.kafka;

import io.assay.core.scan.Verdict;
import io.assay.server.bank.BankService;
import io.assay.server.bank.EntryRecord;
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
 * published to {@code assay.kafka.verdict-topic}, and with {@code assay.kafka.signals-topic} every bank entry added
 * or retracted to that topic. The hooks wrap the scan and bank service beans (proxies around their public scan, add
 * and retract methods) rather than editing them: what those methods return has been stored, and is then published.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AssayKafkaProperties.class)
@ConditionalOnProperty(prefix = "assay.kafka", name = "bootstrap")
public class KafkaConfig {

    @Bean(destroyMethod = "close")
    KafkaVerdictPublisher kafkaVerdictPublisher(AssayKafkaProperties props, JsonMapper json, MeterRegistry meters) {
        return new KafkaVerdictPublisher(props, json, meters);
    }

    /** {@code assay.kafka.publish-banks-at-start}: every live entry of every bank, once, when the server is ready. */
    @Bean
    org.springframework.context.ApplicationListener<org.springframework.boot.context.event.ApplicationReadyEvent> backfillSignals(
            AssayKafkaProperties props, BankService banks, KafkaVerdictPublisher publisher) {
        return event -> {
            if (props.signalsTopic() != null && props.publishBanksAtStart()) {
                for (var bank : banks.banks()) {
                    banks.entries(bank.name(), false, Integer.MAX_VALUE).forEach(publisher::publishEntry);
                }
            }
        };
    }

    @Bean
    static BeanPostProcessor publishStoredVerdicts(ObjectProvider<KafkaVerdictPublisher> publisher) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof ScanService) && !(bean instanceof BankService)) {
                    return bean;
                }
                ProxyFactory proxy = new ProxyFactory(bean);
                proxy.setProxyTargetClass(true);
                proxy.addAdvice((MethodInterceptor) call -> {
                    Object result = call.proceed();
                    String method = call.getMethod().getName();
                    if (result instanceof Verdict v && (method.equals("scan") || method.equals("scanFile"))) {
                        publisher.getObject().publish(v);
                    } else if (result instanceof EntryRecord e && method.equals("retract")) {
                        publisher.getObject().publishEntry(e);
                    } else if (result instanceof java.util.List<?> added
                            && (method.equals("addSignals") || method.equals("addMedia"))) {
                        added.forEach(e -> publisher.getObject().publishEntry((EntryRecord) e));
                    }
                    return result;
                });
                return proxy.getProxy(bean.getClass().getClassLoader());
            }
        };
    }
}
