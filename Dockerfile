# syntax=docker/dockerfile:1
# Build: the Maven wrapper fetches Maven and the dependencies; no Node is needed (Vaadin's
# pre-compiled bundle, see README).
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY . .
# The cache mount keeps the downloaded dependencies between builds (BuildKit).
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -DskipTests package && cp target/lr-playground-*.jar /app.jar

# Run: a JRE and the executable jar, as an unprivileged user.
FROM eclipse-temurin:21-jre
RUN groupadd --system app && useradd --system --gid app --home-dir /app app \
    && mkdir -p /app/data && chown -R app:app /app
WORKDIR /app
COPY --from=build /app.jar /app/app.jar
USER app
# Saved state will live here; the volume keeps it across container upgrades.
VOLUME /app/data
EXPOSE 8080
# The JVM's default heap is a quarter of the container's memory; the app is the only tenant.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
