package io.bundlescope.analyzers.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The CSV of {@code bundlescope patterns}, which prints exactly what this class writes. */
class PatternsReportTest {

  @Test
  void printsOneRowPerLineWithTheMessageTemplate() throws IOException {
    PatternsReport report = new PatternsReport(TemplateMiner.withDefaults(), false, 2019);
    report.read(resource("printsOneRowPerLineWithTheMessageTemplate.log"));

    assertEquals(text("printsOneRowPerLineWithTheMessageTemplate.csv"), csv(report));
  }

  @Test
  void readsEachLineAsABareMessageWithMessagesOnly() throws IOException {
    PatternsReport report = new PatternsReport(TemplateMiner.withDefaults(), true, 2019);
    report.read(resource("readsEachLineAsABareMessageWithMessagesOnly.txt"));

    assertEquals("""
        line,template_id,template
        1,1,"Queue full, dropped <NUM> ops"
        2,2,"Task ""upgrade"" is slow"
        3,1,"Queue full, dropped <NUM> ops"
        """, csv(report));
  }

  @Test
  void takesTheWholeLineAsTheMessageWhenNoHeaderIsRecognized() throws IOException {
    PatternsReport report = new PatternsReport(TemplateMiner.withDefaults(), false, 2019);
    report.read(new BufferedReader(new StringReader(
        "Caused by: java.io.IOException: disk 7 failed\nW0618 05:36:50.000001  3110 a.cc:7] disk 9 failed\n")));

    assertEquals("""
        line,template_id,template
        1,1,Caused by: java.io.IOException: disk <NUM> failed
        2,2,disk <NUM> failed
        """, csv(report));
  }

  @Test
  void numbersLinesOnAcrossFilesWithOneSetOfTemplateIds() throws IOException {
    PatternsReport report = new PatternsReport(TemplateMiner.withDefaults(), true, 2019);
    report.read(new BufferedReader(new StringReader("Starting remoting\nQueue full, dropped 3 ops\n")));
    report.read(new BufferedReader(new StringReader("Queue full, dropped 4 ops\r\nSlf4jLogger started")));

    assertEquals(4, report.lines());
    assertEquals("""
        line,template_id,template
        1,1,Starting remoting
        2,2,"Queue full, dropped <NUM> ops"
        3,2,"Queue full, dropped <NUM> ops"
        4,3,Slf4jLogger started
        """, csv(report));
  }

  @Test
  void showsEveryRowOfATemplateWithItsFinalText() throws IOException {
    PatternsReport report = new PatternsReport(TemplateMiner.withDefaults(), true, 2019);
    report.read(new BufferedReader(new StringReader("Changing view acls to: yarn\nChanging view acls to: hdfs,spark\n")));

    assertEquals("""
        line,template_id,template
        1,1,Changing view acls to: <*>
        2,1,Changing view acls to: <*>
        """, csv(report));
  }

  @Test
  void quotesFieldsAsRfc4180Says() {
    assertEquals("plain text", PatternsReport.csvField("plain text"));
    assertEquals("\"a,b\"", PatternsReport.csvField("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", PatternsReport.csvField("say \"hi\""));
    assertEquals("\"two\nlines\"", PatternsReport.csvField("two\nlines"));
    assertEquals("\"cr\rhere\"", PatternsReport.csvField("cr\rhere"));
  }

  private static String csv(PatternsReport report) throws IOException {
    StringWriter out = new StringWriter();
    report.writeCsv(out);
    return out.toString();
  }

  private static BufferedReader resource(String name) {
    InputStream in = PatternsReportTest.class.getResourceAsStream(name);
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  private static String text(String name) throws IOException {
    try (InputStream in = PatternsReportTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
