package org.lrplayground.classroom;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The limits of hosted classes ({@code lrp.classroom.*}).
 *
 * @param maxStudents           students that may join one class
 * @param handinsPerMinute      hand-ins a student may make at once, and again each minute
 * @param idleDays              days without a change after which a class is removed
 * @param unknownCodesPerMinute attempts with a code of no class that one client address may make a minute:
 *                              few enough that codes cannot be found by trying, while attempts with a known
 *                              code (a whole class behind one school address) are never counted
 * @param classesPerHour        classes one client address may make at once, and again each hour
 * @param maxClasses            classes that may exist at once on the server (until closed or idle ones are removed)
 */
@ConfigurationProperties("lrp.classroom")
public record ClassroomProperties(@DefaultValue("500") int maxStudents, @DefaultValue("20") int handinsPerMinute,
                                  @DefaultValue("30") int idleDays, @DefaultValue("10") int unknownCodesPerMinute,
                                  @DefaultValue("10") int classesPerHour, @DefaultValue("1000") int maxClasses) {

    public ClassroomProperties {
        positive("max-students", maxStudents);
        positive("handins-per-minute", handinsPerMinute);
        positive("idle-days", idleDays);
        positive("unknown-codes-per-minute", unknownCodesPerMinute);
        positive("classes-per-hour", classesPerHour);
        positive("max-classes", maxClasses);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("lrp.classroom." + name + " must be at least 1 (got " + value + ")");
        }
    }
}
