-- Nicknames are unique per class by their confusable skeleton (Unicode TR 39, after case folding:
-- Nickname.key), so that "Ada" and "Аda" with a Cyrillic А are one student. A skeleton is longer
-- than its name: up to 7 characters for one (a Hangul syllable), so 168 for 24.
-- Students who joined before keep their lower-cased keys; their classes end within the idle days.
alter table class_student alter column name_key set data type varchar(192);
