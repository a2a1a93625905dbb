@echo off
rem Runs the videogen4j command from this checkout. Build it first: mvn -B -q package -DskipTests (at the root).
set "JAR=%~dp0target\videogen4j-cli.jar"
if not exist "%JAR%" (
  echo videogen4j: %JAR% not found; build it first with: mvn -B -q package -DskipTests 1>&2
  exit /b 2
)
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java") else (set "JAVA=java")
"%JAVA%" %JAVA_OPTS% -jar "%JAR%" %*
