[assembly: AssemblyFixture(typeof(Superapps.BrowserTests.PortalFixture))]
