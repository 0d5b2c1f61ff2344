#!/usr/bin/env bash
# Builds the service jars (tests skipped) and starts the whole platform on this machine:
# embedded Kafka (KRaft) and PostgreSQL 18, auth-server, the four services and the sensor simulator.
# Options are passed on, e.g. ./standalone.sh --data-dir=/var/lib/civitas --simulator-rate=50
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q -DskipTests -Dspotless.check.skip=true package
exec java -jar standalone/target/standalone.jar "$@"
