package org.linkwork.caseload.directory;

import java.util.UUID;

/**
 * The terms of the directory's published social prescribing taxonomy that caseload searches by.
 * The ids are stable by the directory's contract: its migration {@code V3__social_prescribing_taxonomy.sql}
 * fixes every term id as the UUID v5 of its code, the same in every environment, so that exports,
 * imports and other services can name terms without looking them up. Caseload keeps its own copy
 * (services share only HTTP APIs and events, never code) and a unit test pins it.
 */
public enum DirectoryTerm {
    PHYSICAL_ACTIVITY("aae47f1c-9101-50c1-acef-9a43fcbaf4f3", "physical-activity", "Physical activity"),
    WALKING("160729ad-cb62-5c27-bba8-9dfc3849f792", "walking", "Walking"),
    DANCE("eb625072-432f-5f95-86ab-8f6cbff77c2e", "dance", "Dance"),
    ARTS_AND_CRAFTS("a0972893-b715-565a-ad1a-8d15b95934eb", "arts-and-crafts", "Arts and crafts"),
    MUSIC("b6b34bd5-ae73-5285-92e6-bb22be6e60fd", "music", "Music"),
    HERITAGE("d8ebff1b-88c9-581e-aea1-a878404fe467", "heritage", "Heritage and local history"),
    NATURE_AND_GARDENING("5afec80c-7033-5e5f-beb3-c763e4b67c56", "nature-and-gardening", "Nature and gardening"),
    PEER_SUPPORT("f03b917c-7a9e-517e-8693-dddb149085ee", "peer-support", "Peer support"),
    BEFRIENDING("a070c9e1-57e2-5932-ae19-b7c5bfaa8a2c", "befriending", "Befriending"),
    BEREAVEMENT_SUPPORT("e527119e-b102-5933-8606-1bea596afeed", "bereavement-support", "Bereavement support"),
    CARERS("c89bfa3c-d732-563e-a4b3-8ebdc50b1657", "carers", "Carers"),
    MONEY_AND_DEBT_ADVICE("e685d536-24bc-590e-a2b3-120d2f2ba61a", "money-and-debt-advice", "Money and debt advice"),
    HOUSING("fb764e17-2330-503f-bb41-cefac55d0941", "housing", "Housing"),
    EMPLOYMENT_AND_SKILLS("63ac0bbc-cbec-52a8-8a18-7be3637b3f12", "employment-and-skills", "Employment and skills"),
    LEARNING("773600c0-27cb-5e0c-8f4c-d3bd48fa0c12", "learning", "Learning"),
    VOLUNTEERING("1345f5ae-c844-5cf3-851d-6157462530a8", "volunteering", "Volunteering"),
    MENTAL_WELLBEING("24615426-6239-5071-aaa7-df63245118a1", "mental-wellbeing", "Mental wellbeing"),
    HEALTHY_EATING("27eca8b9-d8f4-5db1-9fcd-34f5fb9e7c92", "healthy-eating", "Healthy eating"),
    SOCIAL_GROUPS("7498f653-3c23-57d4-a511-2d3c3f5061bc", "social-groups", "Social groups and lunch clubs"),
    DIGITAL_INCLUSION("59741360-f0eb-5baf-a20d-e20629e75c73", "digital-inclusion", "Digital inclusion");

    /** The taxonomy these terms belong to, "Linkwork social prescribing"; fixed by the same migration. */
    public static final UUID TAXONOMY = UUID.fromString("8106ae87-ef08-5db8-863c-b7a12789d026");

    private final UUID id;
    private final String code;
    private final String label;

    DirectoryTerm(String id, String code, String label) {
        this.id = UUID.fromString(id);
        this.code = code;
        this.label = label;
    }

    public UUID id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }
}
