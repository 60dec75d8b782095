package org.lrplayground.classroom;

import org.springframework.stereotype.Component;

/** The classroom's four tables, handed to the service as one. */
@Component
record ClassroomTables(ClassRepository classes, StudentRepository students, HandinRepository handins,
                       HandinRunRepository runs) {
}
