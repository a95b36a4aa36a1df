package io.bundlescope.parsers;

import io.bundlescope.parsers.FileStats.Outcome;
import io.bundlescope.parsers.line.Header;
import io.bundlescope.parsers.line.HeaderParser;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Parses one decompressed log file into records, streaming, in bounded memory.
 *
 * <ul>
 *   <li>0 bytes: {@link Outcome#EMPTY}. More than 10% of the first {@value #SNIFF_BYTES} bytes
 *       NUL or control characters (other than tab, LF, CR, FF, ESC): {@link
 *       Outcome#BINARY_SKIPPED}. No record start in the first {@value #PROBE_LINES} lines or
 *       {@value #PROBE_BYTES} bytes, nor anywhere in a shorter file: {@link Outcome#NOT_A_LOG};
 *       nothing is emitted. A glog file header counts as a record start here.
 *   <li>A line whose header a {@link HeaderParser} recognizes starts a record; every other
 *       line is folded into the previous record's message after a '\n' (stack traces,
 *       tracebacks, blank lines), except trailing blank lines. A header may supply the message
 *       ({@link Header#message}) or leave its level to the record's second line
 *       ({@link Header#levelOnNextLine}).
 *   <li>Lines before the first record become one UNKNOWN record timed like that first record
 *       (empty timeText), with a warning.
 *   <li>Records whose level is in {@link FileContext#dropLevels} are counted, not emitted.
 *   <li>Lines over {@value #MAX_LINE_BYTES} bytes and messages over {@value #MAX_MESSAGE_CHARS}
 *       characters are cut, with a marker in the text and a warning.
 *   <li>A read error (e.g. a truncated .gz) ends the file as if it ended there, with a warning.
 * </ul>
 *
 * The stream is not closed. {@link FileStats#lines} and {@link FileStats#bytes} count what was
 * read, which for a skipped file is only the prefix needed to decide. Each call has its own
 * state, so files may be parsed concurrently.
 */
public final class FileParser {
  public static final int MAX_LINE_BYTES = 64 * 1024;
  public static final int MAX_MESSAGE_CHARS = 1024 * 1024;
  public static final int SNIFF_BYTES = 8 * 1024;
  public static final int PROBE_LINES = 1000;
  public static final int PROBE_BYTES = 256 * 1024;

  private final FileContext ctx;
  private final Consumer<LogRecord> sink;
  private final HeaderParser headers;
  private final Set<LogLevel> dropLevels;
  private final long idSeed;
  private final MessageBuffer message = new MessageBuffer(MAX_MESSAGE_CHARS);
  private final List<String> warnings = new ArrayList<>();

  private Header current;
  private long currentLine;
  private boolean currentDropped;
  private long orphanLines;
  private long orphanFirstLine;
  private boolean sawFileHeader;
  private long records;
  private long droppedCopies;
  private long cappedMessages;
  private long firstCappedLine;

  private FileParser(FileContext ctx, Consumer<LogRecord> sink) {
    this.ctx = ctx;
    this.sink = sink;
    this.headers = new HeaderParser(ctx.yearHint(), ctx.zone() == null ? ZoneOffset.UTC : ctx.zone());
    this.dropLevels = ctx.dropLevels() == null ? Set.of() : ctx.dropLevels();
    this.idSeed = RecordIds.fileSeed(ctx.bundleId(), ctx.filepath());
  }

  /** Parses decompressed, emitting each record to sink in file order. */
  public static FileStats parse(InputStream decompressed, FileContext ctx, Consumer<LogRecord> sink) {
    return new FileParser(ctx, sink).run(new LineReader(decompressed, MAX_LINE_BYTES));
  }

  private FileStats run(LineReader reader) {
    Outcome outcome = read(reader);
    if (reader.truncatedLines() > 0) {
      warnings.add(reader.truncatedLines() + " lines over " + MAX_LINE_BYTES
          + " bytes truncated (first at line " + reader.firstTruncatedLine() + ")");
    }
    if (cappedMessages > 0) {
      warnings.add(cappedMessages + " record messages cut at " + MAX_MESSAGE_CHARS
          + " characters (first at line " + firstCappedLine + ")");
    }
    return new FileStats(outcome, reader.lineNumber(), records, droppedCopies,
        reader.bytesRead(), List.copyOf(warnings));
  }

  private Outcome read(LineReader reader) {
    try {
      int sniffed = reader.prefetch(SNIFF_BYTES);
      if (sniffed == 0) return Outcome.EMPTY;
      if (looksBinary(reader.buffer(), reader.position(), sniffed)) {
        warnings.add("binary file skipped");
        return Outcome.BINARY_SKIPPED;
      }
      for (String line; (line = reader.next()) != null; ) {
        accept(line, reader.lineNumber());
        if (!isLog() && (reader.lineNumber() >= PROBE_LINES || reader.consumed() >= PROBE_BYTES)) {
          return Outcome.NOT_A_LOG;
        }
      }
    } catch (IOException e) {
      warnings.add("read failed after line " + reader.lineNumber() + ": " + e.getMessage());
    }
    if (!isLog()) return reader.bytesRead() == 0 ? Outcome.EMPTY : Outcome.NOT_A_LOG;
    if (current != null) {
      finishCurrent();
    } else if (orphanLines > 0) {
      emitOrphans(0);
    }
    return Outcome.PARSED;
  }

  private boolean isLog() {
    return current != null || sawFileHeader;
  }

  private void accept(String line, long lineNumber) {
    if (headers.isFileHeader(line)) {
      sawFileHeader = true;
      return;
    }
    Header header = headers.parse(line);
    if (header != null) {
      start(header, line, lineNumber);
    } else if (current != null) {
      if (current.levelOnNextLine()) current = headers.withNextLine(current, line);
      if (!currentDropped) message.append(line);
    } else if (orphanLines > 0) {
      message.append(line);
      orphanLines++;
    } else if (!line.isBlank()) {
      message.start(line, 0);
      orphanFirstLine = lineNumber;
      orphanLines = 1;
    }
  }

  private void start(Header header, String line, long lineNumber) {
    if (current != null) {
      finishCurrent();
    } else if (orphanLines > 0) {
      emitOrphans(header.timeMicros());
    }
    current = header;
    currentLine = lineNumber;
    currentDropped = dropLevels.contains(header.level());
    if (currentDropped) {
      droppedCopies++;
    } else {
      if (header.message() != null) {
        message.start(header.message(), 0);
      } else {
        message.start(line, header.messageStart());
      }
    }
  }

  private void finishCurrent() {
    if (!currentDropped) {
      emit(currentLine, current.timeMicros(), current.timeText(), current.level(), current.pid());
    }
  }

  private void emitOrphans(long timeMicros) {
    warnings.add(orphanLines + " orphan lines before the first record");
    emit(orphanFirstLine, timeMicros, "", LogLevel.UNKNOWN, null);
  }

  private void emit(long lineNumber, long timeMicros, String timeText, LogLevel level, Long linePid) {
    if (message.capped() && cappedMessages++ == 0) firstCappedLine = lineNumber;
    Long pid = ctx.pidFromName() != null ? ctx.pidFromName() : linePid;
    sink.accept(new LogRecord(
        RecordIds.of(idSeed, lineNumber),
        ctx.bundleId(),
        message.build(),
        ctx.service(),
        ctx.filename(),
        ctx.filepath(),
        timeMicros,
        timeText,
        level,
        ctx.sourceLogFilename(),
        pid,
        ctx.cvmIp(),
        0,
        lineNumber,
        ctx.chunkId()));
    records++;
  }

  /** More than 10% of the bytes are NUL or control characters other than \t \n \r \f ESC. */
  static boolean looksBinary(byte[] bytes, int from, int n) {
    int control = 0;
    for (int i = from; i < from + n; i++) {
      int b = bytes[i] & 0xff;
      if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1b) || b == 0x7f) {
        control++;
      }
    }
    return control * 10L > n;
  }
}
