package org.linkwork.caseload.linkworkers;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A social prescribing link worker, employed in one primary care network. */
@Entity
@Table(name = "link_worker")
public class LinkWorker {

    @Id
    public UUID id;

    /** The worker's user name in the realm: how a token is matched to a worker. */
    @Column(nullable = false, unique = true)
    public String username;

    @Column(nullable = false)
    public String name;

    @Column(name = "pcn_code", nullable = false)
    public String pcnCode;

    @Column(nullable = false, precision = 3, scale = 2)
    public BigDecimal fte;

    /** Explicit cap on open cases; null means the configured cap per FTE times {@link #fte}. */
    @Column(name = "caseload_cap")
    public Integer caseloadCap;

    /** Comma-separated, e.g. "English,Polish". */
    @Column(nullable = false)
    public String languages = "";

    @Column(nullable = false)
    public boolean active = true;

    @Version
    public long version;

    public int cap(int capPerFte) {
        return caseloadCap != null ? caseloadCap : fte.multiply(BigDecimal.valueOf(capPerFte)).intValue();
    }

    public List<String> languageList() {
        return languages.isBlank() ? List.of() : Arrays.stream(languages.split(",")).map(String::strip).toList();
    }

    public boolean speaks(String language) {
        return language != null && languageList().stream().anyMatch(l -> l.equalsIgnoreCase(language.strip()));
    }
}
