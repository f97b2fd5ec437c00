package io.linea.cc.queue;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.linea.cc.shared.Paged;
import io.linea.platform.problem.LineaProblemException;

/** The current tenant's skills and break reasons (ACD-03, ACD-05). */
@Service
public class RoutingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RoutingConfiguration.class);

    private final Skills skills;
    private final BreakReasons breakReasons;

    RoutingConfiguration(Skills skills, BreakReasons breakReasons) {
        this.skills = skills;
        this.breakReasons = breakReasons;
    }

    @Transactional(readOnly = true)
    public Paged<SkillView> skills(int page, int size) {
        return Paged.of(skills.findAll(PageRequest.of(page, size, Sort.by("name", "id"))), Skill::view);
    }

    @Transactional(readOnly = true)
    public SkillView skill(UUID id) {
        return requireSkill(id).view();
    }

    @Transactional
    public SkillView createSkill(String name, String description) {
        Skill skill = skills.saveAndFlush(new Skill(name, description));
        log.info("Skill {} created", skill.id());
        return skill.view();
    }

    @Transactional
    public SkillView updateSkill(UUID id, long expectedVersion, String name, String description) {
        Skill skill = requireSkill(id);
        if (skill.version() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Skill.class, id);
        }
        skill.change(name, description);
        return skills.saveAndFlush(skill).view();
    }

    /** A skill queue members still have is refused (409 skill.in-use) rather than silently taken from them. */
    @Transactional
    public void deleteSkill(UUID id) {
        skills.delete(requireSkill(id));
        skills.flush(); // constraint queue_member_skill_skill_fk → 409 skill.in-use
        log.info("Skill {} deleted", id);
    }

    /** Whether every id is a skill of the current tenant (another tenant's id counts as missing). */
    @Transactional(readOnly = true)
    public boolean skillsExist(List<UUID> ids) {
        return ids.stream().distinct().count() == skills.findAllById(ids).size();
    }

    @Transactional(readOnly = true)
    public Paged<BreakReasonView> breakReasons(int page, int size) {
        return Paged.of(breakReasons.findAll(PageRequest.of(page, size, Sort.by("name", "id"))), BreakReason::view);
    }

    @Transactional(readOnly = true)
    public BreakReasonView breakReason(UUID id) {
        return requireBreakReason(id).view();
    }

    @Transactional
    public BreakReasonView createBreakReason(BreakReasonView draft) {
        BreakReason reason = breakReasons.saveAndFlush(new BreakReason(draft));
        log.info("Break reason {} created", reason.id());
        return reason.view();
    }

    @Transactional
    public BreakReasonView updateBreakReason(UUID id, long expectedVersion, BreakReasonView draft) {
        BreakReason reason = requireBreakReason(id);
        if (reason.version() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(BreakReason.class, id);
        }
        reason.change(draft);
        return breakReasons.saveAndFlush(reason).view();
    }

    @Transactional
    public void deleteBreakReason(UUID id) {
        breakReasons.delete(requireBreakReason(id));
        breakReasons.flush();
        log.info("Break reason {} deleted", id);
    }

    private Skill requireSkill(UUID id) {
        return skills.findById(id).orElseThrow(() -> LineaProblemException.notFound("skill"));
    }

    private BreakReason requireBreakReason(UUID id) {
        return breakReasons.findById(id).orElseThrow(() -> LineaProblemException.notFound("break-reason"));
    }
}
