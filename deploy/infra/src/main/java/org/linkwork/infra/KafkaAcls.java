package org.linkwork.infra;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/** The Kafka ACLs that give {@link EventBackbone}'s clients their rights, and nothing more. */
final class KafkaAcls {

    private KafkaAcls() {
    }

    static List<AclBinding> of(List<EventBackbone.Client> clients) {
        List<AclBinding> acls = new ArrayList<>();
        for (EventBackbone.Client client : clients) {
            String principal = "User:" + client.clientId();
            client.writes().forEach(topic -> acls.add(allow(principal, ResourceType.TOPIC, topic, PatternType.LITERAL,
                    AclOperation.WRITE)));
            client.reads().forEach(topic -> acls.add(allow(principal, ResourceType.TOPIC, topic, PatternType.LITERAL,
                    AclOperation.READ)));
            if (client.consumes()) {
                acls.add(allow(principal, ResourceType.GROUP, client.group(),
                        client.groupPrefixed() ? PatternType.PREFIXED : PatternType.LITERAL, AclOperation.READ));
            }
        }
        return acls;
    }

    // WRITE and READ imply DESCRIBE (metadata), which clients need too.
    private static AclBinding allow(String principal, ResourceType type, String name, PatternType pattern,
            AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }
}
