package org.linkwork.caseload.cases;

public enum ContactMode {
    FACE_TO_FACE, PHONE, VIDEO, HOME_VISIT, GROUP
}
