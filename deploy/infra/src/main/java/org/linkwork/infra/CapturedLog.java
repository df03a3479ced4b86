package org.linkwork.infra;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.formatters.PatternFormatter;

/**
 * What one class of a Quarkus application under test logs while the capture is open: each record's level and its
 * message as the console shows it. The application logs through JBoss LogManager, whose levels are not the
 * {@link Level} constants but compare by value.
 */
public final class CapturedLog extends Handler implements AutoCloseable {

    private record Line(int level, String message) {
    }

    private final Logger logger;
    private final PatternFormatter message = new PatternFormatter("%s");
    private final List<Line> lines = new CopyOnWriteArrayList<>();

    private CapturedLog(Logger logger) {
        this.logger = logger;
    }

    /** Starts capturing what {@code source}'s logger writes; close it to stop. */
    public static CapturedLog of(Class<?> source) {
        CapturedLog capture = new CapturedLog(Logger.getLogger(source.getName()));
        capture.logger.addHandler(capture);
        return capture;
    }

    /** The messages logged so far at {@code level} or above, in order. */
    public List<String> messages(Level level) {
        return lines.stream().filter(line -> line.level() >= level.intValue()).map(Line::message).toList();
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(new Line(record.getLevel().intValue(), message.format(record)));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
