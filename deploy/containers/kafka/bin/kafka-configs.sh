#!/bin/bash
KAFKA_LOG4J_CONFIG=/opt/kafka/config/tools-log4j2.yaml KAFKA_HEAP_OPTS=${KAFKA_HEAP_OPTS:--Xmx256m} exec /opt/kafka/bin/kafka-run-class.sh kafka.admin.ConfigCommand "$@"
