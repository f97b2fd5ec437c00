package io.linea.cc.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;

import io.linea.cc.crm.ClientDirectory;
import io.linea.cc.kb.KnowledgeBaseManagement;
import io.linea.cc.ticket.TicketManagement;

/**
 * One search across the current tenant's clients, tickets and knowledge base (CRM-03). Each module searches its
 * own data with PostgreSQL full-text search in the tenant in scope (row-level security under it); this merges
 * the hits by rank. Which types a caller may see is decided by the caller of this facade.
 */
@Service
public class SearchManagement {

    private final ClientDirectory clients;
    private final TicketManagement tickets;
    private final KnowledgeBaseManagement articles;

    SearchManagement(ClientDirectory clients, TicketManagement tickets, KnowledgeBaseManagement articles) {
        this.clients = clients;
        this.tickets = tickets;
        this.articles = articles;
    }

    /** The best {@code limit} hits for {@code q} among {@code types}, best first; none for a blank query. */
    public List<SearchResult> search(String q, Set<SearchType> types, int limit) {
        if (q == null || q.isBlank() || types.isEmpty()) {
            return List.of();
        }
        String text = q.strip();
        List<SearchResult> results = new ArrayList<>();
        if (types.contains(SearchType.CLIENT)) {
            clients.find(text, limit).forEach(hit -> results.add(new SearchResult(SearchType.CLIENT.apiName(),
                    hit.id(), hit.name(), hit.snippet(), hit.rank(), "/api/cc/clients/" + hit.id())));
        }
        if (types.contains(SearchType.TICKET)) {
            tickets.search(text, limit).forEach(hit -> results.add(new SearchResult(SearchType.TICKET.apiName(),
                    hit.id(), "#" + hit.number() + " " + hit.subject(), hit.snippet(), hit.rank(),
                    "/api/cc/tickets/" + hit.id())));
        }
        if (types.contains(SearchType.ARTICLE)) {
            articles.search(new KnowledgeBaseManagement.Query(text, null, null, null, null), 0, limit).items()
                    .forEach(hit -> results.add(new SearchResult(SearchType.ARTICLE.apiName(), hit.id(),
                            hit.title(), hit.snippet(), hit.rank() == null ? 0 : hit.rank(),
                            "/api/cc/kb/articles/" + hit.id())));
        }
        return results.stream().sorted(Comparator.comparingDouble(SearchResult::rank).reversed()
                .thenComparing(SearchResult::type).thenComparing(SearchResult::title)).limit(limit).toList();
    }
}
