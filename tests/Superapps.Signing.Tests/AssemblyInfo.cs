// The enrolment and administration pages are tested with the real enrolment service over a private PostgreSQL.
[assembly: AssemblyFixture(typeof(Superapps.Testing.PostgresServer))]
