-- A hand-in's cost must not grow with its class's history: ranking reads each student's latest
-- hand-in on the current scene, and the board each student's latest few, through this index.
create index class_handin_student on class_handin (student_id, scene_version, id);
