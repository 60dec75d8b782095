package org.lrplayground.classroom;

import java.util.Set;

/**
 * What every student of a class may see: the scene, the rules and the spotlight.
 *
 * @param spotlight     the hand-in the teacher shows to everyone, or null
 * @param spotlightName its student's nickname; null without a spotlight or when names are hidden
 */
public record ClassInfo(String code, String scene, int sceneVersion, Challenge challenge, Set<Change> allowed,
                        ClassState state, boolean locked, boolean namesHidden, Handin spotlight, String spotlightName) {

    public ClassInfo {
        allowed = Set.copyOf(allowed);
    }
}
