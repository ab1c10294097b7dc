package io.careledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Markdown results, rewritten after every phase so a run cut short still leaves what it measured. Sections
 * are kept in the order they were first written.
 */
final class Report {
    private final Path file;
    private final Map<String, String> sections = new LinkedHashMap<>();
    private final List<String[]> summary = new ArrayList<>();
    private String header = "";

    Report(Path file) {
        this.file = file;
    }

    void header(String markdown) throws IOException {
        header = markdown;
        write();
    }

    /** One row of the summary table: figure, measured, raw part, ratio, target, met. */
    void row(String figure, String measured, String raw, String ratio, String target, String met) throws IOException {
        summary.add(new String[] {figure, measured, raw, ratio, target, met});
        write();
    }

    void section(String title, String markdown) throws IOException {
        sections.put(title, markdown);
        write();
    }

    /** Adds to a section (e.g. profile notes found at the end of the run). */
    void append(String title, String markdown) throws IOException {
        sections.merge(title, markdown, (old, added) -> old + "\n" + added);
        write();
    }

    private void write() throws IOException {
        StringBuilder out = new StringBuilder(header);
        if (!summary.isEmpty()) {
            out.append("\n## Summary\n\n| figure | measured | raw part, same run | ratio | target | met |\n");
            out.append("|---|---|---|---|---|---|\n");
            for (String[] row : summary) {
                out.append("| ").append(String.join(" | ", row)).append(" |\n");
            }
        }
        sections.forEach((title, body) -> out.append("\n## ").append(title).append("\n\n").append(body.strip())
                .append("\n"));
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
    }
}
