package org.linkwork.referral.referral;

/**
 * The NHS Data Dictionary's ETHNIC CATEGORY (the 2001 census categories, one letter each, Z not stated): A-C White,
 * D-G Mixed, H-L Asian or Asian British, M-P Black or Black British, R Chinese, S any other. Reports group them in
 * outcomes-service.
 */
public enum EthnicCategory {
    A, B, C, D, E, F, G, H, J, K, L, M, N, P, R, S, Z
}
