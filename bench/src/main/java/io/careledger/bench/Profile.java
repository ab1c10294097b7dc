package io.careledger.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * What the service's flight recording says about one phase of the bench (a wall-clock window): the hottest
 * frames (top of stack), the hottest frames of our own code and of the libraries we call, time paused for GC, and
 * time spent in socket and file I/O above JFR's thresholds.
 */
final class Profile {
    /** A time window of the run, named by its phase. */
    record Window(String phase, Instant from, Instant to) {
        boolean contains(Instant at) {
            return !at.isBefore(from) && at.isBefore(to);
        }
    }

    record Summary(String phase, int samples, List<Map.Entry<String, Integer>> hottestTop,
                   List<Map.Entry<String, Integer>> hottestOurs, long gcCount, double gcPauseSeconds,
                   double socketReadSeconds, double socketWriteSeconds, double fileIoSeconds, double jvmCpu,
                   double machineCpu, double seconds) {

        String markdown() {
            StringBuilder out = new StringBuilder();
            out.append(String.format("Service JVM during this phase (%.0f s, %d execution samples): JVM CPU %.0f%%, "
                            + "machine CPU %.0f%% of 2 cores; GC %d collections, %.2f s paused (%.1f%% of the phase); "
                            + "socket reads %.1f s, writes %.1f s, file I/O %.1f s (summed over threads, events "
                            + "above JFR's thresholds).%n%n",
                    seconds, samples, jvmCpu * 100, machineCpu * 100, gcCount, gcPauseSeconds,
                    seconds > 0 ? gcPauseSeconds / seconds * 100 : 0, socketReadSeconds, socketWriteSeconds,
                    fileIoSeconds));
            out.append("Hottest frames (top of stack, share of samples): ");
            out.append(share(hottestTop));
            out.append("\n\nHottest CareLedger frames (first `io.careledger` frame on the stack): ");
            out.append(share(hottestOurs));
            out.append("\n");
            return out.toString();
        }

        private String share(List<Map.Entry<String, Integer>> frames) {
            if (samples == 0) {
                return "no samples";
            }
            return frames.stream().map(frame -> String.format("`%s` %.1f%%", frame.getKey(),
                    frame.getValue() * 100.0 / samples)).collect(Collectors.joining(", "));
        }
    }

    private Profile() {
    }

    static Map<String, Summary> summarize(Path recording, List<Window> windows) throws IOException {
        Map<String, Acc> accs = new LinkedHashMap<>();
        windows.forEach(window -> accs.put(window.phase(), new Acc()));
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                Instant at = event.getStartTime();
                for (Window window : windows) {
                    if (window.contains(at)) {
                        accs.get(window.phase()).add(event);
                    }
                }
            }
        }
        Map<String, Summary> summaries = new LinkedHashMap<>();
        for (Window window : windows) {
            double seconds = (window.to().toEpochMilli() - window.from().toEpochMilli()) / 1000.0;
            summaries.put(window.phase(), accs.get(window.phase()).summary(window.phase(), seconds));
        }
        return summaries;
    }

    private static final class Acc {
        final Map<String, Integer> top = new HashMap<>();
        final Map<String, Integer> ours = new HashMap<>();
        int samples;
        long gcCount;
        double gcPause;
        double socketRead;
        double socketWrite;
        double fileIo;
        double jvmCpu;
        double machineCpu;
        int cpuReadings;

        void add(RecordedEvent event) {
            switch (event.getEventType().getName()) {
                case "jdk.ExecutionSample" -> sample(event.getStackTrace());
                case "jdk.GarbageCollection" -> {
                    gcCount++;
                    gcPause += event.getDuration("sumOfPauses").toNanos() / 1e9;
                }
                case "jdk.SocketRead" -> socketRead += event.getDuration().toNanos() / 1e9;
                case "jdk.SocketWrite" -> socketWrite += event.getDuration().toNanos() / 1e9;
                case "jdk.FileRead", "jdk.FileWrite", "jdk.FileForce" -> fileIo += event.getDuration().toNanos() / 1e9;
                case "jdk.CPULoad" -> {
                    jvmCpu += event.getFloat("jvmUser") + event.getFloat("jvmSystem");
                    machineCpu += event.getFloat("machineTotal");
                    cpuReadings++;
                }
                default -> {
                }
            }
        }

        private void sample(RecordedStackTrace stack) {
            if (stack == null || stack.getFrames().isEmpty()) {
                return;
            }
            samples++;
            top.merge(name(stack.getFrames().get(0)), 1, Integer::sum);
            for (RecordedFrame frame : stack.getFrames()) {
                if (frame.isJavaFrame() && frame.getMethod().getType().getName().startsWith("io.careledger")) {
                    ours.merge(name(frame), 1, Integer::sum);
                    return;
                }
            }
            ours.merge("(no CareLedger frame: framework, server or JVM threads)", 1, Integer::sum);
        }

        private static String name(RecordedFrame frame) {
            String type = frame.getMethod().getType().getName();
            return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
        }

        Summary summary(String phase, double seconds) {
            return new Summary(phase, samples, hottest(top), hottest(ours), gcCount, gcPause, socketRead, socketWrite,
                    fileIo, cpuReadings == 0 ? 0 : jvmCpu / cpuReadings, cpuReadings == 0 ? 0 : machineCpu / cpuReadings,
                    seconds);
        }

        private static List<Map.Entry<String, Integer>> hottest(Map<String, Integer> counts) {
            return new ArrayList<>(counts.entrySet()).stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(6)
                    .toList();
        }
    }
}
