package org.lrplayground.share;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Short links are written once and never changed: an insert and look-ups are all there is. */
interface ShortLinkRepository extends Repository<ShortLink, String> {

    /**
     * Inserts a new link (the code is assigned, so Spring Data's save would try an update).
     *
     * @throws org.springframework.dao.DuplicateKeyException when the code is taken
     */
    @Modifying
    @Query("insert into short_link (code, query, query_hash, created_at) values (:code, :query, :queryHash, :createdAt)")
    void insert(String code, String query, String queryHash, Instant createdAt);

    Optional<ShortLink> findById(String code);

    /** The rows whose query has this hash, oldest first: in practice one, or none. */
    List<ShortLink> findByQueryHashOrderByCreatedAt(String queryHash);
}
