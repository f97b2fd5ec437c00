package io.linea.asterisk.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * One Asterisk test node per JVM ({@link NodeSettings#test()}: name {@code test}, ports beside a dev
 * node), started on first use and stopped when the test run ends. When a test fails, the node's log
 * is copied to {@code target/asterisk-logs/<Class>.<method>.log} and its last 150 lines are printed,
 * so Surefire's report carries them.
 */
public final class AsteriskExtension implements BeforeAllCallback, ParameterResolver, TestWatcher {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AsteriskExtension.class);
    private static final int LOG_LINES_ON_FAILURE = 150;

    private static AsteriskNode shared;
    private static RuntimeException startFailure;
    private static boolean stopRegistered;

    /**
     * The shared test node, started if needed; usable outside JUnit extensions too (e.g. from a
     * Spring {@code @DynamicPropertySource}). A JVM shutdown hook stops it if no test run does.
     */
    public static synchronized AsteriskNode sharedNode() {
        if (shared == null) {
            if (startFailure != null) {
                // Starting takes up to a minute before it fails; every later test fails at once with the same reason.
                throw new IllegalStateException(startFailure.getMessage(), startFailure);
            }
            try {
                shared = AsteriskNode.start(NodeSettings.test());
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(AsteriskExtension::stopShared, "asterisk-node-stop"));
        }
        return shared;
    }

    private static synchronized AsteriskNode sharedNode(ExtensionContext context) {
        AsteriskNode node = sharedNode();
        if (!stopRegistered) {
            context.getRoot().getStore(NAMESPACE).put(SharedNodeStopper.class, new SharedNodeStopper());
            stopRegistered = true;
        }
        return node;
    }

    private static synchronized void stopShared() {
        if (shared != null) {
            try {
                shared.stop();
            } catch (RuntimeException e) {
                System.err.println("Could not stop the Asterisk test node: " + e.getMessage());
            }
            shared = null;
        }
    }

    /** Closed by JUnit when the root context ends, i.e. at the end of the test run. */
    private static final class SharedNodeStopper implements AutoCloseable {
        @Override
        public void close() {
            stopShared();
            synchronized (AsteriskExtension.class) {
                stopRegistered = false;
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        sharedNode(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == AsteriskNode.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return sharedNode(extensionContext);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        AsteriskNode node;
        synchronized (AsteriskExtension.class) {
            node = shared;
        }
        if (node == null || node.logFile() == null) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "."
                + context.getTestMethod().map(method -> method.getName()).orElse("class");
        Optional<Path> copy = copyLog(node.logFile(), Path.of("target", "asterisk-logs", name + ".log"));
        System.out.println("---- Asterisk node '" + node.name() + "': last " + LOG_LINES_ON_FAILURE + " lines of "
                + node.logFile() + copy.map(path -> " (whole log copied to " + path.toAbsolutePath() + ")").orElse("")
                + " ----");
        System.out.println(node.logTail(LOG_LINES_ON_FAILURE));
        System.out.println("---- end of the Asterisk log ----");
    }

    private static Optional<Path> copyLog(Path log, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Files.copy(log, target, StandardCopyOption.REPLACE_EXISTING);
            return Optional.of(target);
        } catch (IOException e) {
            System.out.println("Could not copy the Asterisk log " + log + " to " + target + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
