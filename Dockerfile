# syntax=docker/dockerfile:1
# Ponder's image: built with the Maven wrapper, run from Spring Boot's layered jar on a JRE, as a
# non-root user. `docker build -t ponder .` then `docker run -p 8080:8080 -v ponder-data:/data \
#   -e OPENROUTER_API_KEY=… ponder` (H2 in the volume), or `docker compose up -d` (PostgreSQL).

FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
# Dependencies first, in a layer of their own: it is rebuilt only when the pom changes.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -ntp dependency:go-offline
COPY src src
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -ntp -DskipTests package \
 && java -Djarmode=tools -jar target/ponder-*.jar extract --layers --launcher --destination /layers

FROM eclipse-temurin:21-jre
RUN groupadd --system --gid 10001 ponder \
 && useradd --system --uid 10001 --gid ponder --home-dir /app --shell /usr/sbin/nologin ponder \
 && mkdir -p /data && chown ponder:ponder /data
WORKDIR /app
# Least-changing layers first, so that an upgrade pulls only the application layer.
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER ponder
# The JVM sizes its heap from the container's memory limit, not the host's.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" \
    SPRING_DATASOURCE_URL="jdbc:h2:file:/data/ponder;WRITE_DELAY=0;QUERY_CACHE_SIZE=64" \
    SERVER_PORT=8080
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
