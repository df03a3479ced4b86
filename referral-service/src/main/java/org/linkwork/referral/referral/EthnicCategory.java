package org.linkwork.referral.referral;

/**
 * The NHS Data Dictionary's ETHNIC CATEGORY (the 2001 census categories, one letter each, Z not stated), with the
 * five broad groups reports use.
 */
public enum EthnicCategory {
    A(Group.WHITE), B(Group.WHITE), C(Group.WHITE),
    D(Group.MIXED), E(Group.MIXED), F(Group.MIXED), G(Group.MIXED),
    H(Group.ASIAN), J(Group.ASIAN), K(Group.ASIAN), L(Group.ASIAN),
    M(Group.BLACK), N(Group.BLACK), P(Group.BLACK),
    R(Group.OTHER), S(Group.OTHER),
    Z(Group.NOT_STATED);

    public enum Group {
        WHITE, MIXED, ASIAN, BLACK, OTHER, NOT_STATED
    }

    public final Group group;

    EthnicCategory(Group group) {
        this.group = group;
    }
}
