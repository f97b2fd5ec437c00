package io.linea.identity.testing;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * {@code @LineaIntegrationTest} makes the service accept only {@code TestTokens}; the login tests also
 * need the tokens that the service itself issues at the end of the OIDC flow. This wraps the test
 * decoder so that it falls back to the service's own {@code jwtDecoder} (its keys and issuer).
 */
@TestConfiguration(proxyBeanMethods = false)
public class AcceptIssuedTokens {

    @Bean
    static BeanPostProcessor acceptIssuedTokensPostProcessor() {
        return new Wrapper();
    }

    static final class Wrapper implements BeanPostProcessor, BeanFactoryAware {

        private BeanFactory beans;

        @Override
        public void setBeanFactory(BeanFactory beanFactory) {
            this.beans = beanFactory;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
            if (!"testJwtDecoder".equals(beanName) || !(bean instanceof JwtDecoder testDecoder)) {
                return bean;
            }
            return (JwtDecoder) token -> {
                try {
                    return testDecoder.decode(token);
                } catch (JwtException notATestToken) {
                    return beans.getBean("jwtDecoder", JwtDecoder.class).decode(token);
                }
            };
        }
    }
}
