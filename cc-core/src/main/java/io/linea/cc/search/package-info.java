/**
 * One search across the tenant's clients (with their notes), tickets and knowledge-base articles (CRM-03),
 * built on the public search methods of the crm, ticket and kb modules and merged by rank.
 */
package io.linea.cc.search;
