package org.lrplayground.share;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of {@code short_link} (the name follows from the class): {@code /s/<code>} opens the playground at
 * {@code /?<query>}. {@code queryHash} finds the row of a query again; it is null in rows made before it existed.
 */
@Table
record ShortLink(@Id String code, String query, String queryHash, Instant createdAt) {
}
