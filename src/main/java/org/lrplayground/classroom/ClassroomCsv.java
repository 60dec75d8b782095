package org.lrplayground.classroom;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A class's hand-ins as CSV (RFC 4180), one row per run, oldest hand-in first. {@code query} is
 * the class scene with that run alone, so that a row replays in the playground or the run API;
 * {@code run} is the run alone in the run format. Empty numbers were not finite (or there was no
 * lr). Columns only ever go on the end, so that readers that pick them by position keep working.
 */
final class ClassroomCsv {

    static final String HEADER = "handin,student,handed_in_at,scene_version,run_index,label,status,status_step,"
            + "final_loss,distance_to_minimum,final_gap,lr,metric,rank,run,query";

    private ClassroomCsv() {
    }

    private record Line(Board.Student student, Handin handin, Handin.Run run) {
    }

    static void write(Board board, Writer out) throws IOException {
        out.write(HEADER);
        out.write("\r\n");
        List<Line> lines = new ArrayList<>();
        for (Board.Student s : board.students()) {
            for (Handin h : s.handins()) {
                h.runs().forEach(r -> lines.add(new Line(s, h, r)));
            }
        }
        lines.sort(Comparator.comparingLong(l -> l.handin().id()));
        for (Line line : lines) {
            out.write(Stream.of(row(line.student(), line.handin(), line.run())).map(ClassroomCsv::field)
                    .collect(Collectors.joining(",")));
            out.write("\r\n");
        }
    }

    private static String[] row(Board.Student student, Handin h, Handin.Run r) {
        return new String[] {Long.toString(h.id()), student.name(), h.handedInAt().toString(), Integer.toString(h.sceneVersion()),
                Integer.toString(r.index()), r.label(), r.status().kind(), Integer.toString(r.status().step()),
                number(r.finalLoss()), number(r.distanceToMinimum()), number(r.finalGap()), number(r.lr()), number(r.metric()),
                r.rank() == null ? "" : r.rank().toString(), r.run(), r.query()};
    }

    private static String number(Double value) {
        return value == null ? "" : value.toString();
    }

    /**
     * Quoted when it holds a separator, a quote or a line break. A nickname that a spreadsheet would
     * take for a formula (=, +, -, @) gets a leading apostrophe, as spreadsheets themselves write it.
     */
    private static String field(String text) {
        String safe = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !isNumber(text) ? "'" + text : text;
        return safe.matches("(?s).*[,\"\r\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
