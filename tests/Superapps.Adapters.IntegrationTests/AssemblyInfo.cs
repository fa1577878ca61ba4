[assembly: AssemblyFixture(typeof(Superapps.Testing.PostgresServer))]
