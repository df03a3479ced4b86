#!/bin/bash
# What Kafka's distribution script of the same name does, for this image's layout.
exec java ${KAFKA_HEAP_OPTS:--Xms256m -Xmx1g} ${KAFKA_JVM_PERFORMANCE_OPTS:-} ${KAFKA_OPTS:-} \
  -Dlog4j2.configurationFile=${KAFKA_LOG4J_CONFIG:-/opt/kafka/config/log4j2.yaml} -cp '/opt/kafka/libs/*' "$@"
