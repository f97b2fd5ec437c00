package io.linea.cc.kb;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code linea.kb.*}: the limits of a document import (HD-03). An upload larger than {@code importMaxSize}
 * is refused before parsing; a DOCX whose entries unpack to more than {@code importMaxUnpacked} is a ZIP bomb;
 * text past {@code importMaxChars} or a parse past {@code importTimeout} is refused too. The multipart
 * limits ({@code spring.servlet.multipart.*}) must stay a little above {@code importMaxSize}.
 */
@ConfigurationProperties("linea.kb")
record KbSettings(@DefaultValue("10MB") DataSize importMaxSize, @DefaultValue("50MB") DataSize importMaxUnpacked,
        @DefaultValue("500000") int importMaxChars, @DefaultValue("20s") Duration importTimeout,
        @DefaultValue("2") int importThreads) {
}
