[assembly: AssemblyFixture(typeof(Superapps.BrowserTests.PortalFixture))]

// One journey at a time: the journeys share one portal, one database and the demo accounts, and CI has two cores. Run side by
// side they starved each other's circuits and read each other's tickets; one after the other they stay well inside CI's budget.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
