package io.linea.cc.kb;

import java.util.List;
import java.util.UUID;

import io.linea.cc.kb.KbView.Status;
import io.linea.cc.kb.KbView.Visibility;
import io.linea.cc.settings.Language;

/** What a person writes of an article; checked at the edge, Markdown checked by {@link MarkdownBodies}. */
record ArticleDraft(String title, String body, Language language, UUID translationOf, UUID categoryId,
        List<String> tags, Visibility visibility, Status status) {

    ArticleDraft {
        tags = tags == null ? List.of() : tags.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
        visibility = visibility == null ? Visibility.INTERNAL : visibility;
        status = status == null ? Status.DRAFT : status;
    }
}
