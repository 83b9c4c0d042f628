# One image recipe for the three services, built from the jar: ./mvnw -DskipTests package, then docker compose build.
FROM eclipse-temurin:17-jre
ARG MODULE
WORKDIR /app
COPY ${MODULE}/target/${MODULE}.jar app.jar
ENV AXONIQ_UPDATE_CHECKER_DISABLED=true
USER 10001
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
